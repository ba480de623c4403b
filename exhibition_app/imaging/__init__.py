"""Pillow-only image work: ingest, content-addressed store, thumbnails. No Qt."""
