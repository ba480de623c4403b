"""The gallery: item model with lazily loaded thumbnails, tile delegate and the view."""
