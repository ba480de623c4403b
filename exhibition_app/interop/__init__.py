"""Interchange with other software: KML annotations (and later CSV, IIIF, bundles); no Qt."""
