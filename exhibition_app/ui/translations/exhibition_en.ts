<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
  <context>
    <name>AnnotationEditor</name>
    <message>
      <source>Add place</source>
      <translation>Add place</translation>
    </message>
    <message>
      <source>Move place</source>
      <translation>Move place</translation>
    </message>
    <message>
      <source>Delete place</source>
      <translation>Delete place</translation>
    </message>
    <message>
      <source>This place no longer exists.</source>
      <translation>This place no longer exists.</translation>
    </message>
    <message>
      <source>Filter places</source>
      <translation>Filter places</translation>
    </message>
    <message>
      <source>Places on this map</source>
      <translation>Places on this map</translation>
    </message>
    <message>
      <source>Select a place in the list or on the map to edit its label and text. Press A, then click the map, to add one.</source>
      <translation>Select a place in the list or on the map to edit its label and text. Press A, then click the map, to add one.</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Label</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Text</translation>
    </message>
    <message>
      <source>Add places: click the map where a place goes (A)</source>
      <translation>Add places: click the map where a place goes (A)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Delete the selected place (Del)</source>
      <translation>Delete the selected place (Del)</translation>
    </message>
    <message>
      <source>Whole map</source>
      <translation>Whole map</translation>
    </message>
    <message>
      <source>Show the whole map (0)</source>
      <translation>Show the whole map (0)</translation>
    </message>
    <message>
      <source>Click the map to add a place · Esc to stop</source>
      <translation>Click the map to add a place · Esc to stop</translation>
    </message>
    <message>
      <source>Drag a ring to move it</source>
      <translation>Drag a ring to move it</translation>
    </message>
    <message>
      <source>(no label)</source>
      <translation>(no label)</translation>
    </message>
    <message>
      <source>no label</source>
      <translation>no label</translation>
    </message>
    <message>
      <source>no text</source>
      <translation>no text</translation>
    </message>
    <message>
      <source>x %1, y %2 px</source>
      <translation>x %1, y %2 px</translation>
    </message>
    <message>
      <source>Map annotations</source>
      <translation>Map annotations</translation>
    </message>
    <message>
      <source>Label (%1)</source>
      <translation>Label (%1)</translation>
    </message>
    <message>
      <source>Text (%1)</source>
      <translation>Text (%1)</translation>
    </message>
    <message>
      <source>%1 places on this map</source>
      <translation>%1 places on this map</translation>
    </message>
    <message>
      <source>Also in other languages (kept as they are):</source>
      <translation>Also in other languages (kept as they are):</translation>
    </message>
    <message>
      <source>Change %1 (%2)</source>
      <translation>Change %1 (%2)</translation>
    </message>
    <message>
      <source>The change could not be saved: %1</source>
      <translation>The change could not be saved: %1</translation>
    </message>
    <message>
      <source>%1 of %2 places</source>
      <translation>%1 of %2 places</translation>
    </message>
    <message>
      <source>Choose a map to work on.</source>
      <translation>Choose a map to work on.</translation>
    </message>
    <message>
      <source>Preparing the map for deep zoom…</source>
      <translation>Preparing the map for deep zoom…</translation>
    </message>
    <message>
      <source>Preparing the map was cancelled.</source>
      <translation>Preparing the map was cancelled.</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>Redo: %1</source>
      <translation>Redo: %1</translation>
    </message>
    <message>
      <source>Undo: %1</source>
      <translation>Undo: %1</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Prepare the map</source>
      <translation>Prepare the map</translation>
    </message>
    <message>
      <source>This map cannot be shown: %1</source>
      <translation>This map cannot be shown: %1</translation>
    </message>
  </context>
  <context>
    <name>Attract</name>
    <message>
      <source>Touch to explore</source>
      <translation>Touch to explore</translation>
    </message>
  </context>
  <context>
    <name>BulkImport</name>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Importing a folder</source>
      <translation>Importing a folder</translation>
    </message>
    <message>
      <source>Import stopped</source>
      <translation>Import stopped</translation>
    </message>
    <message>
      <source>Cancelled: the rest of the folder was not imported.</source>
      <translation>Cancelled: the rest of the folder was not imported.</translation>
    </message>
    <message>
      <source>Imported: %1</source>
      <translation>Imported: %1</translation>
    </message>
    <message>
      <source>Looking for images in %1…</source>
      <translation>Looking for images in %1…</translation>
    </message>
    <message>
      <source>Look alike an existing picture: %1</source>
      <translation>Look alike an existing picture: %1</translation>
    </message>
    <message>
      <source>Refused: %1</source>
      <translation>Refused: %1</translation>
    </message>
    <message>
      <source>Importing %1 of %2: %3</source>
      <translation>Importing %1 of %2: %3</translation>
    </message>
  </context>
  <context>
    <name>Curator</name>
    <message>
      <source>published</source>
      <translation>published</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>draft</translation>
    </message>
    <message>
      <source>Curator workspace</source>
      <translation>Curator workspace</translation>
    </message>
    <message>
      <source>Filter items…</source>
      <translation>Filter items…</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>Items</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>Pictures</source>
      <translation>Pictures</translation>
    </message>
    <message>
      <source>History</source>
      <translation>History</translation>
    </message>
    <message>
      <source>Exhibitions</source>
      <translation>Exhibitions</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>Visitors</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>Actions</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>New item</source>
      <translation>New item</translation>
    </message>
    <message>
      <source>Import folder…</source>
      <translation>Import folder…</translation>
    </message>
    <message>
      <source>Publish</source>
      <translation>Publish</translation>
    </message>
    <message>
      <source>Preview in the kiosk</source>
      <translation>Preview in the kiosk</translation>
    </message>
    <message>
      <source>Opening the catalogue…</source>
      <translation>Opening the catalogue…</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Ready</translation>
    </message>
    <message>
      <source>Cannot open the catalogue</source>
      <translation>Cannot open the catalogue</translation>
    </message>
    <message>
      <source>Reorder pictures</source>
      <translation>Reorder pictures</translation>
    </message>
    <message>
      <source>pictures added</source>
      <translation>pictures added</translation>
    </message>
    <message>
      <source>Restore this version?</source>
      <translation>Restore this version?</translation>
    </message>
    <message>
      <source>The item goes back to how it was in that version. Its present state stays in the history, so you can return to it.</source>
      <translation>The item goes back to how it was in that version. Its present state stays in the history, so you can return to it.</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Title (in English)</source>
      <translation>Title (in English)</translation>
    </message>
    <message>
      <source>Unpublish</source>
      <translation>Unpublish</translation>
    </message>
    <message>
      <source>Kiosk preview (drafts included)</source>
      <translation>Kiosk preview (drafts included)</translation>
    </message>
    <message>
      <source>Map annotations</source>
      <translation>Map annotations</translation>
    </message>
    <message>
      <source>Georeference</source>
      <translation>Georeference</translation>
    </message>
    <message>
      <source>Change the cover</source>
      <translation>Change the cover</translation>
    </message>
    <message>
      <source>Import a folder of images</source>
      <translation>Import a folder of images</translation>
    </message>
    <message>
      <source>Import a folder</source>
      <translation>Import a folder</translation>
    </message>
    <message>
      <source>The images are</source>
      <translation>The images are</translation>
    </message>
    <message>
      <source>Folder imported</source>
      <translation>Folder imported</translation>
    </message>
    <message>
      <source>Kiosk preflight</source>
      <translation>Kiosk preflight</translation>
    </message>
    <message>
      <source>On the kiosk, some of this item's texts would be cut or some controls would be too small to touch. It is published anyway; shorten the texts and check again.</source>
      <translation>On the kiosk, some of this item's texts would be cut or some controls would be too small to touch. It is published anyway; shorten the texts and check again.</translation>
    </message>
    <message>
      <source>About the pictures you added</source>
      <translation>About the pictures you added</translation>
    </message>
    <message>
      <source>Import pictures</source>
      <translation>Import pictures</translation>
    </message>
    <message>
      <source>Add pictures</source>
      <translation>Add pictures</translation>
    </message>
    <message>
      <source>Version restored</source>
      <translation>Version restored</translation>
    </message>
    <message>
      <source>%1 looks like a picture of item %2 (added anyway)</source>
      <translation>%1 looks like a picture of item %2 (added anyway)</translation>
    </message>
    <message>
      <source>Signed in as %1</source>
      <translation>Signed in as %1</translation>
    </message>
    <message>
      <source>%1 of %2 items · ● published ○ draft</source>
      <translation>%1 of %2 items · ● published ○ draft</translation>
    </message>
    <message>
      <source>The daily backup failed: %1</source>
      <translation>The daily backup failed: %1</translation>
    </message>
    <message>
      <source>Saved: %1</source>
      <translation>Saved: %1</translation>
    </message>
    <message>
      <source>Daily backup saved in %1 (the last %2 are kept)</source>
      <translation>Daily backup saved in %1 (the last %2 are kept)</translation>
    </message>
  </context>
  <context>
    <name>DeepZoom</name>
    <message>
      <source>N</source>
      <translation>N</translation>
    </message>
    <message>
      <source>S</source>
      <translation>S</translation>
    </message>
    <message>
      <source>E</source>
      <translation>E</translation>
    </message>
    <message>
      <source>W</source>
      <translation>W</translation>
    </message>
    <message>
      <source>%1 m</source>
      <translation>%1 m</translation>
    </message>
    <message>
      <source>%1%</source>
      <translation>%1%</translation>
    </message>
    <message>
      <source>%1 km</source>
      <translation>%1 km</translation>
    </message>
  </context>
  <context>
    <name>ExhibitionEditor</name>
    <message>
      <source>Exhibitions</source>
      <translation>Exhibitions</translation>
    </message>
    <message>
      <source>New exhibition…</source>
      <translation>New exhibition…</translation>
    </message>
    <message>
      <source>History…</source>
      <translation>History…</translation>
    </message>
    <message>
      <source>Every version of this exhibition; restore any of them</source>
      <translation>Every version of this exhibition; restore any of them</translation>
    </message>
    <message>
      <source>Introduction</source>
      <translation>Introduction</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>Sections</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>Add section</translation>
    </message>
    <message>
      <source>Remove section</source>
      <translation>Remove section</translation>
    </message>
    <message>
      <source>Narrative</source>
      <translation>Narrative</translation>
    </message>
    <message>
      <source>Items in this section</source>
      <translation>Items in this section</translation>
    </message>
    <message>
      <source>All items</source>
      <translation>All items</translation>
    </message>
    <message>
      <source>Take out of the section</source>
      <translation>Take out of the section</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Key</translation>
    </message>
    <message>
      <source>Change the key</source>
      <translation>Change the key</translation>
    </message>
    <message>
      <source>Edit the exhibition's text</source>
      <translation>Edit the exhibition's text</translation>
    </message>
    <message>
      <source>Edit a section's text</source>
      <translation>Edit a section's text</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>Title (English)</translation>
    </message>
    <message>
      <source>Add a section</source>
      <translation>Add a section</translation>
    </message>
    <message>
      <source>Remove a section</source>
      <translation>Remove a section</translation>
    </message>
    <message>
      <source>Reorder sections</source>
      <translation>Reorder sections</translation>
    </message>
    <message>
      <source>Add items</source>
      <translation>Add items</translation>
    </message>
    <message>
      <source>Take an item out</source>
      <translation>Take an item out</translation>
    </message>
    <message>
      <source>New exhibition</source>
      <translation>New exhibition</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Add to the section</source>
      <translation>Add to the section</translation>
    </message>
    <message>
      <source>Sections (drag to reorder)</source>
      <translation>Sections (drag to reorder)</translation>
    </message>
    <message>
      <source>Items in this section (drag to reorder)</source>
      <translation>Items in this section (drag to reorder)</translation>
    </message>
    <message>
      <source>All items (drag into the section)</source>
      <translation>All items (drag into the section)</translation>
    </message>
    <message>
      <source>Restore an earlier version</source>
      <translation>Restore an earlier version</translation>
    </message>
    <message>
      <source>Undo: %1</source>
      <translation>Undo: %1</translation>
    </message>
    <message>
      <source>Reorder items</source>
      <translation>Reorder items</translation>
    </message>
    <message>
      <source>History of %1</source>
      <translation>History of %1</translation>
    </message>
    <message>
      <source>Restored without some items</source>
      <translation>Restored without some items</translation>
    </message>
    <message>
      <source>(untitled section)</source>
      <translation>(untitled section)</translation>
    </message>
    <message>
      <source>That version showed items that have since been deleted: %1. The rest is restored.</source>
      <translation>That version showed items that have since been deleted: %1. The rest is restored.</translation>
    </message>
  </context>
  <context>
    <name>Filters</name>
    <message>
      <source>Maps</source>
      <translation>Maps</translation>
    </message>
    <message>
      <source>Objects</source>
      <translation>Objects</translation>
    </message>
    <message>
      <source>Photographs</source>
      <translation>Photographs</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Documents</translation>
    </message>
    <message>
      <source>Before 1500</source>
      <translation>Before 1500</translation>
    </message>
    <message>
      <source>1500–1800</source>
      <translation>1500–1800</translation>
    </message>
    <message>
      <source>After 1800</source>
      <translation>After 1800</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>Clear filters</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>Filters</translation>
    </message>
    <message>
      <source>Filter on</source>
      <translation>Filter on</translation>
    </message>
    <message>
      <source>Filter off</source>
      <translation>Filter off</translation>
    </message>
  </context>
  <context>
    <name>GeorefEditor</name>
    <message>
      <source>Affine (at least 3 points)</source>
      <translation>Affine (at least 3 points)</translation>
    </message>
    <message>
      <source>Second-order polynomial (at least 6 points)</source>
      <translation>Second-order polynomial (at least 6 points)</translation>
    </message>
    <message>
      <source>A latitude lies between 90 S and 90 N.</source>
      <translation>A latitude lies between 90 S and 90 N.</translation>
    </message>
    <message>
      <source>A longitude lies between -360 and 360 degrees.</source>
      <translation>A longitude lies between -360 and 360 degrees.</translation>
    </message>
    <message>
      <source>Apply georeference</source>
      <translation>Apply georeference</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Fit</translation>
    </message>
    <message>
      <source>Kind of fit</source>
      <translation>Kind of fit</translation>
    </message>
    <message>
      <source>Control points</source>
      <translation>Control points</translation>
    </message>
    <message>
      <source>Use the map's places</source>
      <translation>Use the map's places</translation>
    </message>
    <message>
      <source>Take every place on this map that has a longitude and latitude</source>
      <translation>Take every place on this map that has a longitude and latitude</translation>
    </message>
    <message>
      <source>Fit the points and show the residuals</source>
      <translation>Fit the points and show the residuals</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Apply</translation>
    </message>
    <message>
      <source>Save this georeference to the map</source>
      <translation>Save this georeference to the map</translation>
    </message>
    <message>
      <source>Saved: not georeferenced.</source>
      <translation>Saved: not georeferenced.</translation>
    </message>
    <message>
      <source>Add control point</source>
      <translation>Add control point</translation>
    </message>
    <message>
      <source>Move control point</source>
      <translation>Move control point</translation>
    </message>
    <message>
      <source>Delete control point</source>
      <translation>Delete control point</translation>
    </message>
    <message>
      <source>Change the kind of fit</source>
      <translation>Change the kind of fit</translation>
    </message>
    <message>
      <source>Change x of point %1</source>
      <translation>Change x of point %1</translation>
    </message>
    <message>
      <source>Change y of point %1</source>
      <translation>Change y of point %1</translation>
    </message>
    <message>
      <source>Change longitude of point %1</source>
      <translation>Change longitude of point %1</translation>
    </message>
    <message>
      <source>Change latitude of point %1</source>
      <translation>Change latitude of point %1</translation>
    </message>
    <message>
      <source>No control points yet. Press A and click a place you can identify on the map, then type its longitude and latitude in the table; or use the map's places.</source>
      <translation>No control points yet. Press A and click a place you can identify on the map, then type its longitude and latitude in the table; or use the map's places.</translation>
    </message>
    <message>
      <source>Type the longitude as a number of degrees, e.g. 68.77 or 12.5 W.</source>
      <translation>Type the longitude as a number of degrees, e.g. 68.77 or 12.5 W.</translation>
    </message>
    <message>
      <source>Type the latitude as a number of degrees, e.g. 38.56 or 12 S.</source>
      <translation>Type the latitude as a number of degrees, e.g. 38.56 or 12 S.</translation>
    </message>
    <message>
      <source>A longitude is east (E) or west (W), not N or S.</source>
      <translation>A longitude is east (E) or west (W), not N or S.</translation>
    </message>
    <message>
      <source>A latitude is north (N) or south (S), not E or W.</source>
      <translation>A latitude is north (N) or south (S), not E or W.</translation>
    </message>
    <message>
      <source>Add point</source>
      <translation>Add point</translation>
    </message>
    <message>
      <source>Add control points: click a place you can identify (A)</source>
      <translation>Add control points: click a place you can identify (A)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Delete the selected point (Del)</source>
      <translation>Delete the selected point (Del)</translation>
    </message>
    <message>
      <source>Whole map</source>
      <translation>Whole map</translation>
    </message>
    <message>
      <source>Show the whole map (0)</source>
      <translation>Show the whole map (0)</translation>
    </message>
    <message>
      <source>#</source>
      <translation>#</translation>
    </message>
    <message>
      <source>x</source>
      <translation>x</translation>
    </message>
    <message>
      <source>y</source>
      <translation>y</translation>
    </message>
    <message>
      <source>Longitude</source>
      <translation>Longitude</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>Latitude</translation>
    </message>
    <message>
      <source>Residual</source>
      <translation>Residual</translation>
    </message>
    <message>
      <source>Click a place you can identify · Esc to stop</source>
      <translation>Click a place you can identify · Esc to stop</translation>
    </message>
    <message>
      <source>Drag a crosshair to move it</source>
      <translation>Drag a crosshair to move it</translation>
    </message>
    <message>
      <source>Saved: whole-world plate carrée (equirectangular).</source>
      <translation>Saved: whole-world plate carrée (equirectangular).</translation>
    </message>
    <message>
      <source>Use the map's places as control points</source>
      <translation>Use the map's places as control points</translation>
    </message>
    <message>
      <source>Georeference</source>
      <translation>Georeference</translation>
    </message>
    <message>
      <source>This is the saved georeference.</source>
      <translation>This is the saved georeference.</translation>
    </message>
    <message>
      <source>This map has no places with a longitude and latitude.</source>
      <translation>This map has no places with a longitude and latitude.</translation>
    </message>
    <message>
      <source>An affine fit needs at least 3 points with longitude and latitude; there are %1.</source>
      <translation>An affine fit needs at least 3 points with longitude and latitude; there are %1.</translation>
    </message>
    <message>
      <source>A second-order polynomial fit needs at least 6 points with longitude and latitude; there are %1.</source>
      <translation>A second-order polynomial fit needs at least 6 points with longitude and latitude; there are %1.</translation>
    </message>
    <message>
      <source>A pixel position lies inside the image.</source>
      <translation>A pixel position lies inside the image.</translation>
    </message>
    <message>
      <source>The largest residual: check this point</source>
      <translation>The largest residual: check this point</translation>
    </message>
    <message>
      <source>%1 points are ready: press Fit to see the residuals.</source>
      <translation>%1 points are ready: press Fit to see the residuals.</translation>
    </message>
    <message>
      <source>RMS error %1 px over %2 points.</source>
      <translation>RMS error %1 px over %2 points.</translation>
    </message>
    <message>
      <source>The georeference could not be saved: %1</source>
      <translation>The georeference could not be saved: %1</translation>
    </message>
    <message>
      <source>Type the longitude and latitude of point %1 in the table.</source>
      <translation>Type the longitude and latitude of point %1 in the table.</translation>
    </message>
    <message>
      <source>%1 px</source>
      <translation>%1 px</translation>
    </message>
    <message>
      <source>Type a value, e.g. 68.77 or 12.5 W</source>
      <translation>Type a value, e.g. 68.77 or 12.5 W</translation>
    </message>
    <message>
      <source>⚠ Largest residual: point %1, %2 px.</source>
      <translation>⚠ Largest residual: point %1, %2 px.</translation>
    </message>
    <message>
      <source>Saved: %1 fit through %2 control points, RMS %3 px.</source>
      <translation>Saved: %1 fit through %2 control points, RMS %3 px.</translation>
    </message>
    <message>
      <source>affine</source>
      <translation>affine</translation>
    </message>
    <message>
      <source>second-order polynomial</source>
      <translation>second-order polynomial</translation>
    </message>
  </context>
  <context>
    <name>History</name>
    <message>
      <source>Created</source>
      <translation>Created</translation>
    </message>
    <message>
      <source>Edited</source>
      <translation>Edited</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Published</translation>
    </message>
    <message>
      <source>Unpublished</source>
      <translation>Unpublished</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>Restored</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>Imported</translation>
    </message>
    <message>
      <source>Restore this version…</source>
      <translation>Restore this version…</translation>
    </message>
    <message>
      <source>When</source>
      <translation>When</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Who</translation>
    </message>
    <message>
      <source>What</source>
      <translation>What</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Changes</translation>
    </message>
    <message>
      <source>No recorded changes yet.</source>
      <translation>No recorded changes yet.</translation>
    </message>
    <message>
      <source>(current)</source>
      <translation>(current)</translation>
    </message>
    <message>
      <source>%1 versions. Select one to restore it.</source>
      <translation>%1 versions. Select one to restore it.</translation>
    </message>
  </context>
  <context>
    <name>ItemEditor</name>
    <message>
      <source>Title (Mongol script)</source>
      <translation>Title (Mongol script)</translation>
    </message>
    <message>
      <source>e.g. c. 1720, 1680s, 18th century</source>
      <translation>e.g. c. 1720, 1680s, 18th century</translation>
    </message>
    <message>
      <source>Featured in the kiosk's attract loop</source>
      <translation>Featured in the kiosk's attract loop</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>Date (EDTF)</source>
      <translation>Date (EDTF)</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>State</source>
      <translation>State</translation>
    </message>
    <message>
      <source>Featured</source>
      <translation>Featured</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Change %1</source>
      <translation>Change %1</translation>
    </message>
    <message>
      <source>Type a date as you would say it.</source>
      <translation>Type a date as you would say it.</translation>
    </message>
    <message>
      <source>No item selected</source>
      <translation>No item selected</translation>
    </message>
    <message>
      <source>Title and description in every language</source>
      <translation>Title and description in every language</translation>
    </message>
    <message>
      <source>A licence must be a web address (URI).</source>
      <translation>A licence must be a web address (URI).</translation>
    </message>
    <message>
      <source>Not a date yet</source>
      <translation>Not a date yet</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Published</translation>
    </message>
    <message>
      <source>Draft: not shown in kiosks</source>
      <translation>Draft: not shown in kiosks</translation>
    </message>
    <message>
      <source>Missing: %1</source>
      <translation>Missing: %1</translation>
    </message>
    <message>
      <source>EDTF %1 · from %2 to %3</source>
      <translation>EDTF %1 · from %2 to %3</translation>
    </message>
  </context>
  <context>
    <name>ItemPage</name>
    <message>
      <source>Not yet translated: shown in %1</source>
      <translation>Not yet translated: shown in %1</translation>
    </message>
    <message>
      <source>Back to the gallery</source>
      <translation>Back to the gallery</translation>
    </message>
    <message>
      <source>Previous item</source>
      <translation>Previous item</translation>
    </message>
    <message>
      <source>Next item</source>
      <translation>Next item</translation>
    </message>
    <message>
      <source>Related</source>
      <translation>Related</translation>
    </message>
    <message>
      <source>%1 of %2</source>
      <translation>%1 of %2</translation>
    </message>
  </context>
  <context>
    <name>Keyboard</name>
    <message>
      <source>Keyboard layout: Kazakh</source>
      <translation>Keyboard layout: Kazakh</translation>
    </message>
    <message>
      <source>Keyboard layout: Russian</source>
      <translation>Keyboard layout: Russian</translation>
    </message>
    <message>
      <source>Keyboard layout: Mongolian</source>
      <translation>Keyboard layout: Mongolian</translation>
    </message>
    <message>
      <source>Keyboard layout: Latin</source>
      <translation>Keyboard layout: Latin</translation>
    </message>
    <message>
      <source>On-screen keyboard</source>
      <translation>On-screen keyboard</translation>
    </message>
    <message>
      <source>Space</source>
      <translation>Space</translation>
    </message>
    <message>
      <source>Backspace</source>
      <translation>Backspace</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Clear</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Done</translation>
    </message>
  </context>
  <context>
    <name>Kiosk</name>
    <message>
      <source>Still there?</source>
      <translation>Still there?</translation>
    </message>
    <message>
      <source>Touch to keep looking</source>
      <translation>Touch to keep looking</translation>
    </message>
    <message>
      <source>Still there? Touch to keep looking</source>
      <translation>Still there? Touch to keep looking</translation>
    </message>
    <message>
      <source>Staff only: enter the PIN</source>
      <translation>Staff only: enter the PIN</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Delete the last digit</source>
      <translation>Delete the last digit</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <source>Wrong PIN. Try again in %1 s</source>
      <translation>Wrong PIN. Try again in %1 s</translation>
    </message>
    <message>
      <source>Please wait %1 s before the next try</source>
      <translation>Please wait %1 s before the next try</translation>
    </message>
    <message>
      <source>Wrong PIN. Try again.</source>
      <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
      <source>Digits entered: %1</source>
      <translation>Digits entered: %1</translation>
    </message>
    <message>
      <source>Home: the start of the exhibition</source>
      <translation>Home: the start of the exhibition</translation>
    </message>
    <message>
      <source>Larger text and higher contrast</source>
      <translation>Larger text and higher contrast</translation>
    </message>
    <message>
      <source>This exhibition is not available at the moment.</source>
      <translation>This exhibition is not available at the moment.</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>Show less</source>
      <translation>Show less</translation>
    </message>
    <message>
      <source>Read more</source>
      <translation>Read more</translation>
    </message>
    <message>
      <source>This exhibition is being prepared. Please come back soon.</source>
      <translation>This exhibition is being prepared. Please come back soon.</translation>
    </message>
    <message>
      <source>No staff PIN is set. Set one with: exhibition-app kiosk set-pin</source>
      <translation>No staff PIN is set. Set one with: exhibition-app kiosk set-pin</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Object</source>
      <translation>Object</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>Map</translation>
    </message>
    <message>
      <source>Photograph</source>
      <translation>Photograph</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Document</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Culture</source>
      <translation>Culture</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Place</translation>
    </message>
    <message>
      <source>Maker</source>
      <translation>Maker</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>Materials</translation>
    </message>
    <message>
      <source>Technique</source>
      <translation>Technique</translation>
    </message>
    <message>
      <source>Dimensions</source>
      <translation>Dimensions</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>Credit</translation>
    </message>
    <message>
      <source>Accession number</source>
      <translation>Accession number</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Country</translation>
    </message>
    <message>
      <source>Licence</source>
      <translation>Licence</translation>
    </message>
    <message>
      <source>English</source>
      <translation>English</translation>
    </message>
    <message>
      <source>Kazakh</source>
      <translation>Kazakh</translation>
    </message>
    <message>
      <source>Russian</source>
      <translation>Russian</translation>
    </message>
    <message>
      <source>Mongolian</source>
      <translation>Mongolian</translation>
    </message>
    <message>
      <source>German</source>
      <translation>German</translation>
    </message>
    <message>
      <source>Redrawing of</source>
      <translation>Redrawing of</translation>
    </message>
    <message>
      <source>Shows</source>
      <translation>Shows</translation>
    </message>
    <message>
      <source>See also</source>
      <translation>See also</translation>
    </message>
    <message>
      <source>Redrawn as</source>
      <translation>Redrawn as</translation>
    </message>
    <message>
      <source>Seen in</source>
      <translation>Seen in</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Opening the exhibition…</source>
      <translation>Opening the exhibition…</translation>
    </message>
    <message>
      <source>VIRTUAL EXHIBITION</source>
      <translation>VIRTUAL EXHIBITION</translation>
    </message>
    <message>
      <source>Search in any language…</source>
      <translation>Search in any language…</translation>
    </message>
    <message>
      <source>Search the collection</source>
      <translation>Search the collection</translation>
    </message>
    <message>
      <source>Exhibitions and sections</source>
      <translation>Exhibitions and sections</translation>
    </message>
    <message>
      <source>Gallery</source>
      <translation>Gallery</translation>
    </message>
    <message>
      <source>No items here match the chosen filters. Tap a filter again to switch it off, or clear the filters.</source>
      <translation>No items here match the chosen filters. Tap a filter again to switch it off, or clear the filters.</translation>
    </message>
    <message>
      <source>Virtual exhibition</source>
      <translation>Virtual exhibition</translation>
    </message>
    <message>
      <source>The catalogue could not be opened: %1</source>
      <translation>The catalogue could not be opened: %1</translation>
    </message>
    <message>
      <source>All items</source>
      <translation>All items</translation>
    </message>
    <message>
      <source>Nothing matches your search. Try another spelling, or search in another language.</source>
      <translation>Nothing matches your search. Try another spelling, or search in another language.</translation>
    </message>
    <message>
      <source>Search: “%1”</source>
      <translation>Search: “%1”</translation>
    </message>
    <message>
      <source>Items found: %1</source>
      <translation>Items found: %1</translation>
    </message>
    <message>
      <source>This catalogue is empty. Curators add exhibits with “exhibition-app import image”.</source>
      <translation>This catalogue is empty. Curators add exhibits with “exhibition-app import image”.</translation>
    </message>
    <message>
      <source>This part of the exhibition has no items yet.</source>
      <translation>This part of the exhibition has no items yet.</translation>
    </message>
    <message>
      <source>There is no item %1 in this catalogue.</source>
      <translation>There is no item %1 in this catalogue.</translation>
    </message>
    <message>
      <source>Items in the collection: %1</source>
      <translation>Items in the collection: %1</translation>
    </message>
  </context>
  <context>
    <name>MapPanel</name>
    <message>
      <source>Preparing the map for deep zoom…</source>
      <translation>Preparing the map for deep zoom…</translation>
    </message>
    <message>
      <source>Fade</source>
      <translation>Fade</translation>
    </message>
    <message>
      <source>Compare with</source>
      <translation>Compare with</translation>
    </message>
    <message>
      <source>This map is still being digitised.</source>
      <translation>This map is still being digitised.</translation>
    </message>
    <message>
      <source>Then and now</source>
      <translation>Then and now</translation>
    </message>
    <message>
      <source>Places on this map</source>
      <translation>Places on this map</translation>
    </message>
    <message>
      <source>One map</source>
      <translation>One map</translation>
    </message>
    <message>
      <source>Places on this map: %1</source>
      <translation>Places on this map: %1</translation>
    </message>
    <message>
      <source>Back to the translation</source>
      <translation>Back to the translation</translation>
    </message>
    <message>
      <source>Then and now: %1</source>
      <translation>Then and now: %1</translation>
    </message>
    <message>
      <source>Original text (%1)</source>
      <translation>Original text (%1)</translation>
    </message>
  </context>
  <context>
    <name>MediaPanel</name>
    <message>
      <source>The item's pictures</source>
      <translation>The item's pictures</translation>
    </message>
    <message>
      <source>Make cover</source>
      <translation>Make cover</translation>
    </message>
    <message>
      <source>Add pictures…</source>
      <translation>Add pictures…</translation>
    </message>
    <message>
      <source>Drag pictures to change their order; drop image files here to add them.</source>
      <translation>Drag pictures to change their order; drop image files here to add them.</translation>
    </message>
    <message>
      <source>Add pictures</source>
      <translation>Add pictures</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif)</source>
      <translation>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif)</translation>
    </message>
    <message>
      <source>cover</source>
      <translation>cover</translation>
    </message>
  </context>
  <context>
    <name>MongolScript</name>
    <message>
      <source>Title in the traditional script</source>
      <translation>Title in the traditional script</translation>
    </message>
    <message>
      <source>Traditional Mongolian (mn-Mong), written top to bottom: shown on the Mongolian item page and in the kiosk's attract loop</source>
      <translation>Traditional Mongolian (mn-Mong), written top to bottom: shown on the Mongolian item page and in the kiosk's attract loop</translation>
    </message>
  </context>
  <context>
    <name>SignIn</name>
    <message>
      <source>Sign in to the curator workspace</source>
      <translation>Sign in to the curator workspace</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Password</translation>
    </message>
    <message>
      <source>Every change you make is recorded with your name. Accounts are added with “exhibition-app users add NAME”.</source>
      <translation>Every change you make is recorded with your name. Accounts are added with “exhibition-app users add NAME”.</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>Sign in</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Checking…</translation>
    </message>
    <message>
      <source>Enter your name and password.</source>
      <translation>Enter your name and password.</translation>
    </message>
    <message>
      <source>That name and password do not match.</source>
      <translation>That name and password do not match.</translation>
    </message>
  </context>
  <context>
    <name>Visitors</name>
    <message>
      <source>Refresh</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Item</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>Opened</translation>
    </message>
    <message>
      <source>Median time</source>
      <translation>Median time</translation>
    </message>
    <message>
      <source>Total time</source>
      <translation>Total time</translation>
    </message>
    <message>
      <source>Searches that found nothing</source>
      <translation>Searches that found nothing</translation>
    </message>
    <message>
      <source>Times</source>
      <translation>Times</translation>
    </message>
    <message>
      <source>Kiosks: %1 · items opened: %2 · resets: %3 · languages chosen: %4</source>
      <translation>Kiosks: %1 · items opened: %2 · resets: %3 · languages chosen: %4</translation>
    </message>
  </context>
</TS>
