"""Deep zoom: a viewer for IIIF level-0 tile pyramids, with annotations and georeference."""
