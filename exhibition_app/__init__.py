"""exhibition_app: a virtual exhibition of Central Asian and Mongolian heritage and historic maps."""

__version__ = "0.1.0"
