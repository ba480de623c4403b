<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
  <context>
    <name>ItemPage</name>
    <message>
      <source>Back to the gallery</source>
      <translation>Галереяға оралу</translation>
    </message>
    <message>
      <source>Related</source>
      <translation>Байланысты экспонаттар</translation>
    </message>
    <message>
      <source>Not yet translated: shown in %1</source>
      <translation>Әлі аударылмаған: %1 тілінде көрсетілді</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Object</source>
      <translation>Зат</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>Карта</translation>
    </message>
    <message>
      <source>Photograph</source>
      <translation>Фотосурет</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Құжат</translation>
    </message>
    <message>
      <source>Culture</source>
      <translation>Мәдениет</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Орны</translation>
    </message>
    <message>
      <source>Maker</source>
      <translation>Авторы</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Мерзімі</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>Материалдары</translation>
    </message>
    <message>
      <source>Technique</source>
      <translation>Техникасы</translation>
    </message>
    <message>
      <source>Dimensions</source>
      <translation>Өлшемдері</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>Дереккөзі</translation>
    </message>
    <message>
      <source>Accession number</source>
      <translation>Тіркеу нөмірі</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Ел</translation>
    </message>
    <message>
      <source>Licence</source>
      <translation>Лицензия</translation>
    </message>
    <message>
      <source>English</source>
      <translation>ағылшын</translation>
    </message>
    <message>
      <source>Kazakh</source>
      <translation>қазақ</translation>
    </message>
    <message>
      <source>Russian</source>
      <translation>орыс</translation>
    </message>
    <message>
      <source>Mongolian</source>
      <translation>моңғол</translation>
    </message>
    <message>
      <source>German</source>
      <translation>неміс</translation>
    </message>
    <message>
      <source>Redrawing of</source>
      <translation>Түпнұсқасы</translation>
    </message>
    <message>
      <source>Shows</source>
      <translation>Бейнеленгені</translation>
    </message>
    <message>
      <source>See also</source>
      <translation>Сондай-ақ қараңыз</translation>
    </message>
    <message>
      <source>Redrawn as</source>
      <translation>Қайта сызылған нұсқасы</translation>
    </message>
    <message>
      <source>Seen in</source>
      <translation>Суретте</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Opening the exhibition…</source>
      <translation>Көрме ашылуда…</translation>
    </message>
    <message>
      <source>VIRTUAL EXHIBITION</source>
      <translation>ВИРТУАЛДЫ КӨРМЕ</translation>
    </message>
    <message>
      <source>Search in any language…</source>
      <translation>Кез келген тілде іздеу…</translation>
    </message>
    <message>
      <source>Search the collection</source>
      <translation>Коллекциядан іздеу</translation>
    </message>
    <message>
      <source>Exhibitions and sections</source>
      <translation>Көрмелер мен бөлімдер</translation>
    </message>
    <message>
      <source>Gallery</source>
      <translation>Галерея</translation>
    </message>
    <message>
      <source>Nothing matches your search. Try another spelling, or search in another language.</source>
      <translation>Ештеңе табылмады. Басқаша жазып көріңіз немесе басқа тілде іздеңіз.</translation>
    </message>
    <message>
      <source>Virtual exhibition</source>
      <translation>Виртуалды көрме</translation>
    </message>
    <message>
      <source>The catalogue could not be opened: %1</source>
      <translation>Каталогты ашу мүмкін болмады: %1</translation>
    </message>
    <message>
      <source>All items</source>
      <translation>Барлық экспонаттар</translation>
    </message>
    <message>
      <source>This catalogue is empty. Curators add exhibits with “exhibition-app import image”.</source>
      <translation>Каталог бос. Кураторлар экспонаттарды «exhibition-app import image» арқылы қосады.</translation>
    </message>
    <message>
      <source>This part of the exhibition has no items yet.</source>
      <translation>Көрменің бұл бөлімінде әзірге экспонат жоқ.</translation>
    </message>
    <message>
      <source>Search: “%1”</source>
      <translation>Іздеу: «%1»</translation>
    </message>
    <message>
      <source>Items found: %1</source>
      <translation>Табылған экспонаттар: %1</translation>
    </message>
    <message>
      <source>There is no item %1 in this catalogue.</source>
      <translation>Бұл каталогта %1 нөмірлі экспонат жоқ.</translation>
    </message>
    <message>
      <source>Items in the collection: %1</source>
      <translation>Коллекциядағы экспонаттар: %1</translation>
    </message>
  </context>
  <context>
    <name>MapPanel</name>
    <message>
      <source>Preparing the map for deep zoom…</source>
      <translation>Карта жақынырақ қарауға дайындалуда…</translation>
    </message>
    <message>
      <source>Fade</source>
      <translation>Мөлдірлік</translation>
    </message>
    <message>
      <source>This map is still being digitised.</source>
      <translation>Бұл карта әлі цифрлануда.</translation>
    </message>
    <message>
      <source>Places on this map</source>
      <translation>Картадағы орындар</translation>
    </message>
    <message>
      <source>One map</source>
      <translation>Бір карта</translation>
    </message>
    <message>
      <source>Places on this map: %1</source>
      <translation>Картадағы орындар: %1</translation>
    </message>
    <message>
      <source>Then and now: %1</source>
      <translation>Сол кезде және бүгін: %1</translation>
    </message>
  </context>
</TS>
