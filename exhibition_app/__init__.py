"""exhibition_app: a virtual exhibition of Central Asian and Mongolian heritage and maps."""

__version__ = "0.1.0"
