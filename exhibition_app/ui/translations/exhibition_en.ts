<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
  <context>
    <name>Attract</name>
    <message>
      <source>Touch to explore</source>
      <translation>Touch to explore</translation>
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
    <name>ItemPage</name>
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
      <source>Not yet translated: shown in %1</source>
      <translation>Not yet translated: shown in %1</translation>
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
      <source>This map is still being digitised.</source>
      <translation>This map is still being digitised.</translation>
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
      <source>Then and now: %1</source>
      <translation>Then and now: %1</translation>
    </message>
  </context>
</TS>
