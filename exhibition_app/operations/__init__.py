"""Named catalogue operations (Qt-free): each takes a Catalog or a Session and does one job.

The CLI calls them directly; the UI runs them on its database worker.
"""
