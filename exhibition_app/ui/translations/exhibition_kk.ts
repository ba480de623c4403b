<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
  <context>
    <name>Attract</name>
    <message>
      <source>Touch to explore</source>
      <translation>Зерттеу үшін түртіңіз</translation>
    </message>
  </context>
  <context>
    <name>Filters</name>
    <message>
      <source>Maps</source>
      <translation>Карталар</translation>
    </message>
    <message>
      <source>Objects</source>
      <translation>Заттар</translation>
    </message>
    <message>
      <source>Photographs</source>
      <translation>Фотосуреттер</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Құжаттар</translation>
    </message>
    <message>
      <source>Before 1500</source>
      <translation>1500 жылға дейін</translation>
    </message>
    <message>
      <source>1500–1800</source>
      <translation>1500–1800 жж.</translation>
    </message>
    <message>
      <source>After 1800</source>
      <translation>1800 жылдан кейін</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>Сүзгілерді тазарту</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>Сүзгілер</translation>
    </message>
    <message>
      <source>Filter on</source>
      <translation>Сүзгі қосулы</translation>
    </message>
    <message>
      <source>Filter off</source>
      <translation>Сүзгі өшірулі</translation>
    </message>
  </context>
  <context>
    <name>ItemPage</name>
    <message>
      <source>Back to the gallery</source>
      <translation>Галереяға оралу</translation>
    </message>
    <message>
      <source>Previous item</source>
      <translation>Алдыңғы экспонат</translation>
    </message>
    <message>
      <source>Next item</source>
      <translation>Келесі экспонат</translation>
    </message>
    <message>
      <source>Related</source>
      <translation>Байланысты экспонаттар</translation>
    </message>
    <message>
      <source>Not yet translated: shown in %1</source>
      <translation>Әлі аударылмаған: %1 тілінде көрсетілді</translation>
    </message>
    <message>
      <source>%1 of %2</source>
      <translation>%2 ішінен %1</translation>
    </message>
  </context>
  <context>
    <name>Keyboard</name>
    <message>
      <source>Keyboard layout: Kazakh</source>
      <translation>Пернетақта: қазақша</translation>
    </message>
    <message>
      <source>Keyboard layout: Russian</source>
      <translation>Пернетақта: орысша</translation>
    </message>
    <message>
      <source>Keyboard layout: Mongolian</source>
      <translation>Пернетақта: моңғолша</translation>
    </message>
    <message>
      <source>Keyboard layout: Latin</source>
      <translation>Пернетақта: латын</translation>
    </message>
    <message>
      <source>On-screen keyboard</source>
      <translation>Экрандағы пернетақта</translation>
    </message>
    <message>
      <source>Space</source>
      <translation>Бос орын</translation>
    </message>
    <message>
      <source>Backspace</source>
      <translation>Өшіру</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Тазарту</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Дайын</translation>
    </message>
  </context>
  <context>
    <name>Kiosk</name>
    <message>
      <source>Still there?</source>
      <translation>Осындасыз ба?</translation>
    </message>
    <message>
      <source>Touch to keep looking</source>
      <translation>Қарауды жалғастыру үшін түртіңіз</translation>
    </message>
    <message>
      <source>Still there? Touch to keep looking</source>
      <translation>Осындасыз ба? Қарауды жалғастыру үшін түртіңіз</translation>
    </message>
    <message>
      <source>Staff only: enter the PIN</source>
      <translation>Тек қызметкерлерге: PIN кодты енгізіңіз</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Бас тарту</translation>
    </message>
    <message>
      <source>Delete the last digit</source>
      <translation>Соңғы цифрды өшіру</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Растау</translation>
    </message>
    <message>
      <source>Wrong PIN. Try again in %1 s</source>
      <translation>PIN код қате. %1 с кейін қайталаңыз</translation>
    </message>
    <message>
      <source>Please wait %1 s before the next try</source>
      <translation>Келесі әрекетке дейін %1 с күтіңіз</translation>
    </message>
    <message>
      <source>Wrong PIN. Try again.</source>
      <translation>PIN код қате. Қайталап көріңіз.</translation>
    </message>
    <message>
      <source>Digits entered: %1</source>
      <translation>Енгізілген цифрлар: %1</translation>
    </message>
    <message>
      <source>Home: the start of the exhibition</source>
      <translation>Басты бет: көрменің басы</translation>
    </message>
    <message>
      <source>Larger text and higher contrast</source>
      <translation>Үлкен мәтін және жоғары контраст</translation>
    </message>
    <message>
      <source>This exhibition is not available at the moment.</source>
      <translation>Бұл көрме қазір қолжетімсіз.</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Тексерілуде…</translation>
    </message>
    <message>
      <source>Show less</source>
      <translation>Қысқаша</translation>
    </message>
    <message>
      <source>Read more</source>
      <translation>Толығырақ</translation>
    </message>
    <message>
      <source>This exhibition is being prepared. Please come back soon.</source>
      <translation>Бұл көрме дайындалуда. Жақында қайта келіңіз.</translation>
    </message>
    <message>
      <source>No staff PIN is set. Set one with: exhibition-app kiosk set-pin</source>
      <translation>Қызметкер PIN коды орнатылмаған. Орнату: exhibition-app kiosk set-pin</translation>
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
      <source>No items here match the chosen filters. Tap a filter again to switch it off, or clear the filters.</source>
      <translation>Таңдалған сүзгілерге сай экспонат жоқ. Сүзгіні өшіру үшін оны қайта түртіңіз немесе сүзгілерді тазартыңыз.</translation>
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
      <source>Nothing matches your search. Try another spelling, or search in another language.</source>
      <translation>Ештеңе табылмады. Басқаша жазып көріңіз немесе басқа тілде іздеңіз.</translation>
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
      <source>This catalogue is empty. Curators add exhibits with “exhibition-app import image”.</source>
      <translation>Каталог бос. Кураторлар экспонаттарды «exhibition-app import image» арқылы қосады.</translation>
    </message>
    <message>
      <source>This part of the exhibition has no items yet.</source>
      <translation>Көрменің бұл бөлімінде әзірге экспонат жоқ.</translation>
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
