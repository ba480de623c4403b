<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ" sourcelanguage="en">
  <context>
    <name>AnnotationEditor</name>
    <message>
      <source>Add place</source>
      <translation>Орын қосу</translation>
    </message>
    <message>
      <source>Move place</source>
      <translation>Орынды жылжыту</translation>
    </message>
    <message>
      <source>Delete place</source>
      <translation>Орынды жою</translation>
    </message>
    <message>
      <source>This place no longer exists.</source>
      <translation>Бұл орын енді жоқ.</translation>
    </message>
    <message>
      <source>Filter places</source>
      <translation>Орындарды сүзу</translation>
    </message>
    <message>
      <source>Places on this map</source>
      <translation>Картадағы орындар</translation>
    </message>
    <message>
      <source>Select a place in the list or on the map to edit its label and text. Press A, then click the map, to add one.</source>
      <translation>Белгісі мен мәтінін өңдеу үшін тізімнен немесе картадан орынды таңдаңыз. Жаңа орын қосу үшін A пернесін басып, картаны басыңыз.</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Белгі</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Мәтін</translation>
    </message>
    <message>
      <source>Add places: click the map where a place goes (A)</source>
      <translation>Орын қосу: картада орын тұратын жерді басыңыз (A)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Жою</translation>
    </message>
    <message>
      <source>Delete the selected place (Del)</source>
      <translation>Таңдалған орынды жою (Del)</translation>
    </message>
    <message>
      <source>Whole map</source>
      <translation>Бүкіл карта</translation>
    </message>
    <message>
      <source>Show the whole map (0)</source>
      <translation>Бүкіл картаны көрсету (0)</translation>
    </message>
    <message>
      <source>Click the map to add a place · Esc to stop</source>
      <translation>Орын қосу үшін картаны басыңыз · тоқтату үшін Esc</translation>
    </message>
    <message>
      <source>Drag a ring to move it</source>
      <translation>Жылжыту үшін сақинаны сүйреңіз</translation>
    </message>
    <message>
      <source>(no label)</source>
      <translation>(белгі жоқ)</translation>
    </message>
    <message>
      <source>no label</source>
      <translation>белгі жоқ</translation>
    </message>
    <message>
      <source>no text</source>
      <translation>мәтін жоқ</translation>
    </message>
    <message>
      <source>x %1, y %2 px</source>
      <translation>x %1, y %2 px</translation>
    </message>
    <message>
      <source>Map annotations</source>
      <translation>Карта аннотациялары</translation>
    </message>
    <message>
      <source>Label (%1)</source>
      <translation>Белгі (%1)</translation>
    </message>
    <message>
      <source>Text (%1)</source>
      <translation>Мәтін (%1)</translation>
    </message>
    <message>
      <source>%1 places on this map</source>
      <translation>Картадағы орындар: %1</translation>
    </message>
    <message>
      <source>Also in other languages (kept as they are):</source>
      <translation>Басқа тілдерде де бар (өзгеріссіз қалады):</translation>
    </message>
    <message>
      <source>Change %1 (%2)</source>
      <translation>Өзгерту: %1 (%2)</translation>
    </message>
    <message>
      <source>The change could not be saved: %1</source>
      <translation>Өзгерісті сақтау мүмкін болмады: %1</translation>
    </message>
    <message>
      <source>%1 of %2 places</source>
      <translation>Орындар: %2 ішінен %1</translation>
    </message>
    <message>
      <source>Choose a map to work on.</source>
      <translation>Жұмыс істейтін картаны таңдаңыз.</translation>
    </message>
    <message>
      <source>Preparing the map for deep zoom…</source>
      <translation>Карта жақынырақ қарауға дайындалуда…</translation>
    </message>
    <message>
      <source>Preparing the map was cancelled.</source>
      <translation>Картаны дайындау тоқтатылды.</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Қайталау</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Болдырмау</translation>
    </message>
    <message>
      <source>Redo: %1</source>
      <translation>Қайталау: %1</translation>
    </message>
    <message>
      <source>Undo: %1</source>
      <translation>Болдырмау: %1</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Бас тарту</translation>
    </message>
    <message>
      <source>Prepare the map</source>
      <translation>Картаны дайындау</translation>
    </message>
    <message>
      <source>This map cannot be shown: %1</source>
      <translation>Бұл картаны көрсету мүмкін емес: %1</translation>
    </message>
  </context>
  <context>
    <name>Attract</name>
    <message>
      <source>Touch to explore</source>
      <translation>Зерттеу үшін түртіңіз</translation>
    </message>
  </context>
  <context>
    <name>BulkImport</name>
    <message>
      <source>Cancel</source>
      <translation>Бас тарту</translation>
    </message>
    <message>
      <source>Importing a folder</source>
      <translation>Қалтаны импорттау</translation>
    </message>
    <message>
      <source>Import stopped</source>
      <translation>Импорт тоқтатылды</translation>
    </message>
    <message>
      <source>Cancelled: the rest of the folder was not imported.</source>
      <translation>Тоқтатылды: қалтаның қалған бөлігі импортталмады.</translation>
    </message>
    <message>
      <source>Imported: %1</source>
      <translation>Импортталды: %1</translation>
    </message>
    <message>
      <source>Looking for images in %1…</source>
      <translation>Суреттер ізделуде: %1…</translation>
    </message>
    <message>
      <source>Look alike an existing picture: %1</source>
      <translation>Бар суретке ұқсас: %1</translation>
    </message>
    <message>
      <source>Refused: %1</source>
      <translation>Қабылданбады: %1</translation>
    </message>
    <message>
      <source>Importing %1 of %2: %3</source>
      <translation>Импорттау: %2 ішінен %1: %3</translation>
    </message>
  </context>
  <context>
    <name>Curator</name>
    <message>
      <source>published</source>
      <translation>жарияланған</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>жоба</translation>
    </message>
    <message>
      <source>Curator workspace</source>
      <translation>Куратордың жұмыс орны</translation>
    </message>
    <message>
      <source>Filter items…</source>
      <translation>Экспонаттарды сүзу…</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>Экспонаттар</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Мәліметтер</translation>
    </message>
    <message>
      <source>Pictures</source>
      <translation>Суреттер</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Тарих</translation>
    </message>
    <message>
      <source>Exhibitions</source>
      <translation>Көрмелер</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>Келушілер</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>Әрекеттер</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Болдырмау</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Қайталау</translation>
    </message>
    <message>
      <source>New item</source>
      <translation>Жаңа экспонат</translation>
    </message>
    <message>
      <source>Import folder…</source>
      <translation>Қалтаны импорттау…</translation>
    </message>
    <message>
      <source>Publish</source>
      <translation>Жариялау</translation>
    </message>
    <message>
      <source>Preview in the kiosk</source>
      <translation>Киоскте алдын ала қарау</translation>
    </message>
    <message>
      <source>Opening the catalogue…</source>
      <translation>Каталог ашылуда…</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Дайын</translation>
    </message>
    <message>
      <source>Cannot open the catalogue</source>
      <translation>Каталогты ашу мүмкін емес</translation>
    </message>
    <message>
      <source>Reorder pictures</source>
      <translation>Суреттер ретін өзгерту</translation>
    </message>
    <message>
      <source>pictures added</source>
      <translation>суреттер қосылды</translation>
    </message>
    <message>
      <source>Restore this version?</source>
      <translation>Осы нұсқаны қалпына келтіру керек пе?</translation>
    </message>
    <message>
      <source>The item goes back to how it was in that version. Its present state stays in the history, so you can return to it.</source>
      <translation>Экспонат сол нұсқадағы күйіне оралады. Қазіргі күйі тарихта сақталады, сондықтан оған қайта оралуға болады.</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Түрі</translation>
    </message>
    <message>
      <source>Title (in English)</source>
      <translation>Атауы (ағылшынша)</translation>
    </message>
    <message>
      <source>Unpublish</source>
      <translation>Жариялаудан алу</translation>
    </message>
    <message>
      <source>Kiosk preview (drafts included)</source>
      <translation>Киоскте алдын ала қарау (жобаларымен бірге)</translation>
    </message>
    <message>
      <source>Map annotations</source>
      <translation>Карта аннотациялары</translation>
    </message>
    <message>
      <source>Georeference</source>
      <translation>Геобайланыстыру</translation>
    </message>
    <message>
      <source>Change the cover</source>
      <translation>Мұқабаны өзгерту</translation>
    </message>
    <message>
      <source>Import a folder of images</source>
      <translation>Суреттер қалтасын импорттау</translation>
    </message>
    <message>
      <source>Import a folder</source>
      <translation>Қалтаны импорттау</translation>
    </message>
    <message>
      <source>The images are</source>
      <translation>Суреттердің түрі</translation>
    </message>
    <message>
      <source>Folder imported</source>
      <translation>Қалта импортталды</translation>
    </message>
    <message>
      <source>Kiosk preflight</source>
      <translation>Киоскіні алдын ала тексеру</translation>
    </message>
    <message>
      <source>On the kiosk, some of this item's texts would be cut or some controls would be too small to touch. It is published anyway; shorten the texts and check again.</source>
      <translation>Киоскте осы экспонаттың кейбір мәтіндері қиылып қалады немесе кейбір басқару элементтері саусақпен басуға тым кішкентай болады. Экспонат бәрібір жарияланды; мәтіндерді қысқартып, қайта тексеріңіз.</translation>
    </message>
    <message>
      <source>About the pictures you added</source>
      <translation>Қосылған суреттер туралы</translation>
    </message>
    <message>
      <source>Import pictures</source>
      <translation>Суреттерді импорттау</translation>
    </message>
    <message>
      <source>Add pictures</source>
      <translation>Суреттер қосу</translation>
    </message>
    <message>
      <source>Version restored</source>
      <translation>Нұсқа қалпына келтірілді</translation>
    </message>
    <message>
      <source>%1 looks like a picture of item %2 (added anyway)</source>
      <translation>%1 №%2 экспонаттың суретіне ұқсайды (бәрібір қосылды)</translation>
    </message>
    <message>
      <source>Signed in as %1</source>
      <translation>Кірген пайдаланушы: %1</translation>
    </message>
    <message>
      <source>%1 of %2 items · ● published ○ draft</source>
      <translation>Экспонаттар: %2 ішінен %1 · ● жарияланған ○ жоба</translation>
    </message>
    <message>
      <source>The daily backup failed: %1</source>
      <translation>Күнделікті сақтық көшірме жасалмады: %1</translation>
    </message>
    <message>
      <source>Saved: %1</source>
      <translation>Сақталды: %1</translation>
    </message>
    <message>
      <source>Daily backup saved in %1 (the last %2 are kept)</source>
      <translation>Күнделікті сақтық көшірме сақталды: %1 (соңғы %2 көшірме сақталады)</translation>
    </message>
  </context>
  <context>
    <name>DeepZoom</name>
    <message>
      <source>N</source>
      <translation>с. е.</translation>
    </message>
    <message>
      <source>S</source>
      <translation>о. е.</translation>
    </message>
    <message>
      <source>E</source>
      <translation>ш. б.</translation>
    </message>
    <message>
      <source>W</source>
      <translation>б. б.</translation>
    </message>
    <message>
      <source>%1 m</source>
      <translation>%1 м</translation>
    </message>
    <message>
      <source>%1%</source>
      <translation>%1%</translation>
    </message>
    <message>
      <source>%1 km</source>
      <translation>%1 км</translation>
    </message>
  </context>
  <context>
    <name>ExhibitionEditor</name>
    <message>
      <source>Exhibitions</source>
      <translation>Көрмелер</translation>
    </message>
    <message>
      <source>New exhibition…</source>
      <translation>Жаңа көрме…</translation>
    </message>
    <message>
      <source>History…</source>
      <translation>Тарих…</translation>
    </message>
    <message>
      <source>Every version of this exhibition; restore any of them</source>
      <translation>Осы көрменің барлық нұсқалары; кез келгенін қалпына келтіруге болады</translation>
    </message>
    <message>
      <source>Introduction</source>
      <translation>Кіріспе</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>Бөлімдер</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>Бөлім қосу</translation>
    </message>
    <message>
      <source>Remove section</source>
      <translation>Бөлімді алып тастау</translation>
    </message>
    <message>
      <source>Narrative</source>
      <translation>Баяндау</translation>
    </message>
    <message>
      <source>Items in this section</source>
      <translation>Осы бөлімдегі экспонаттар</translation>
    </message>
    <message>
      <source>All items</source>
      <translation>Барлық экспонаттар</translation>
    </message>
    <message>
      <source>Take out of the section</source>
      <translation>Бөлімнен алып тастау</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Кілт</translation>
    </message>
    <message>
      <source>Change the key</source>
      <translation>Кілтті өзгерту</translation>
    </message>
    <message>
      <source>Edit the exhibition's text</source>
      <translation>Көрме мәтінін өңдеу</translation>
    </message>
    <message>
      <source>Edit a section's text</source>
      <translation>Бөлім мәтінін өңдеу</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>Атауы (ағылшынша)</translation>
    </message>
    <message>
      <source>Add a section</source>
      <translation>Бөлім қосу</translation>
    </message>
    <message>
      <source>Remove a section</source>
      <translation>Бөлімді алып тастау</translation>
    </message>
    <message>
      <source>Reorder sections</source>
      <translation>Бөлімдер ретін өзгерту</translation>
    </message>
    <message>
      <source>Add items</source>
      <translation>Экспонаттар қосу</translation>
    </message>
    <message>
      <source>Take an item out</source>
      <translation>Экспонатты алып тастау</translation>
    </message>
    <message>
      <source>New exhibition</source>
      <translation>Жаңа көрме</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Атауы</translation>
    </message>
    <message>
      <source>Add to the section</source>
      <translation>Бөлімге қосу</translation>
    </message>
    <message>
      <source>Sections (drag to reorder)</source>
      <translation>Бөлімдер (ретін өзгерту үшін сүйреңіз)</translation>
    </message>
    <message>
      <source>Items in this section (drag to reorder)</source>
      <translation>Осы бөлімдегі экспонаттар (ретін өзгерту үшін сүйреңіз)</translation>
    </message>
    <message>
      <source>All items (drag into the section)</source>
      <translation>Барлық экспонаттар (бөлімге сүйреңіз)</translation>
    </message>
    <message>
      <source>Restore an earlier version</source>
      <translation>Бұрынғы нұсқаны қалпына келтіру</translation>
    </message>
    <message>
      <source>Undo: %1</source>
      <translation>Болдырмау: %1</translation>
    </message>
    <message>
      <source>Reorder items</source>
      <translation>Экспонаттар ретін өзгерту</translation>
    </message>
    <message>
      <source>History of %1</source>
      <translation>%1 тарихы</translation>
    </message>
    <message>
      <source>Restored without some items</source>
      <translation>Кейбір экспонаттарсыз қалпына келтірілді</translation>
    </message>
    <message>
      <source>(untitled section)</source>
      <translation>(атаусыз бөлім)</translation>
    </message>
    <message>
      <source>That version showed items that have since been deleted: %1. The rest is restored.</source>
      <translation>Бұл нұсқада кейін жойылған экспонаттар болған: %1. Қалғаны қалпына келтірілді.</translation>
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
    <name>GeorefEditor</name>
    <message>
      <source>Affine (at least 3 points)</source>
      <translation>Аффинді (кемінде 3 нүкте)</translation>
    </message>
    <message>
      <source>Second-order polynomial (at least 6 points)</source>
      <translation>Екінші ретті көпмүше (кемінде 6 нүкте)</translation>
    </message>
    <message>
      <source>A latitude lies between 90 S and 90 N.</source>
      <translation>Ендік 90 S пен 90 N аралығында болуы керек.</translation>
    </message>
    <message>
      <source>A longitude lies between -360 and 360 degrees.</source>
      <translation>Бойлық -360 пен 360 градус аралығында болуы керек.</translation>
    </message>
    <message>
      <source>Apply georeference</source>
      <translation>Геобайланыстыруды қолдану</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Жуықтау</translation>
    </message>
    <message>
      <source>Kind of fit</source>
      <translation>Жуықтау түрі</translation>
    </message>
    <message>
      <source>Control points</source>
      <translation>Тірек нүктелері</translation>
    </message>
    <message>
      <source>Use the map's places</source>
      <translation>Картадағы орындарды пайдалану</translation>
    </message>
    <message>
      <source>Take every place on this map that has a longitude and latitude</source>
      <translation>Картадағы бойлығы мен ендігі бар барлық орындарды алу</translation>
    </message>
    <message>
      <source>Fit the points and show the residuals</source>
      <translation>Нүктелер бойынша жуықтап, қалдық ауытқуларды көрсету</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Қолдану</translation>
    </message>
    <message>
      <source>Save this georeference to the map</source>
      <translation>Осы геобайланыстыруды картаға сақтау</translation>
    </message>
    <message>
      <source>Saved: not georeferenced.</source>
      <translation>Сақталғаны: геобайланыстырылмаған.</translation>
    </message>
    <message>
      <source>Add control point</source>
      <translation>Тірек нүктесін қосу</translation>
    </message>
    <message>
      <source>Move control point</source>
      <translation>Тірек нүктесін жылжыту</translation>
    </message>
    <message>
      <source>Delete control point</source>
      <translation>Тірек нүктесін жою</translation>
    </message>
    <message>
      <source>Change the kind of fit</source>
      <translation>Жуықтау түрін өзгерту</translation>
    </message>
    <message>
      <source>Change x of point %1</source>
      <translation>Нүкте %1: x мәнін өзгерту</translation>
    </message>
    <message>
      <source>Change y of point %1</source>
      <translation>Нүкте %1: y мәнін өзгерту</translation>
    </message>
    <message>
      <source>Change longitude of point %1</source>
      <translation>Нүкте %1: бойлықты өзгерту</translation>
    </message>
    <message>
      <source>Change latitude of point %1</source>
      <translation>Нүкте %1: ендікті өзгерту</translation>
    </message>
    <message>
      <source>No control points yet. Press A and click a place you can identify on the map, then type its longitude and latitude in the table; or use the map's places.</source>
      <translation>Тірек нүктелері әлі жоқ. A пернесін басып, картадан анық танылатын жерді басыңыз, содан кейін кестеге оның бойлығы мен ендігін енгізіңіз; немесе картадағы орындарды пайдаланыңыз.</translation>
    </message>
    <message>
      <source>Type the longitude as a number of degrees, e.g. 68.77 or 12.5 W.</source>
      <translation>Бойлықты градуспен енгізіңіз, мысалы 68.77 немесе 12.5 W.</translation>
    </message>
    <message>
      <source>Type the latitude as a number of degrees, e.g. 38.56 or 12 S.</source>
      <translation>Ендікті градуспен енгізіңіз, мысалы 38.56 немесе 12 S.</translation>
    </message>
    <message>
      <source>A longitude is east (E) or west (W), not N or S.</source>
      <translation>Бойлық шығыс (E) немесе батыс (W) болады, N не S емес.</translation>
    </message>
    <message>
      <source>A latitude is north (N) or south (S), not E or W.</source>
      <translation>Ендік солтүстік (N) немесе оңтүстік (S) болады, E не W емес.</translation>
    </message>
    <message>
      <source>Add point</source>
      <translation>Нүкте қосу</translation>
    </message>
    <message>
      <source>Add control points: click a place you can identify (A)</source>
      <translation>Тірек нүктелерін қосу: анық танылатын жерді басыңыз (A)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Жою</translation>
    </message>
    <message>
      <source>Delete the selected point (Del)</source>
      <translation>Таңдалған нүктені жою (Del)</translation>
    </message>
    <message>
      <source>Whole map</source>
      <translation>Бүкіл карта</translation>
    </message>
    <message>
      <source>Show the whole map (0)</source>
      <translation>Бүкіл картаны көрсету (0)</translation>
    </message>
    <message>
      <source>#</source>
      <translation>№</translation>
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
      <translation>Бойлық</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>Ендік</translation>
    </message>
    <message>
      <source>Residual</source>
      <translation>Қалдық ауытқу</translation>
    </message>
    <message>
      <source>Click a place you can identify · Esc to stop</source>
      <translation>Анық танылатын жерді басыңыз · тоқтату үшін Esc</translation>
    </message>
    <message>
      <source>Drag a crosshair to move it</source>
      <translation>Жылжыту үшін айқас белгіні сүйреңіз</translation>
    </message>
    <message>
      <source>Saved: whole-world plate carrée (equirectangular).</source>
      <translation>Сақталғаны: бүкіл әлем, plate carrée (тең аралықты проекция).</translation>
    </message>
    <message>
      <source>Use the map's places as control points</source>
      <translation>Картадағы орындарды тірек нүктелері ретінде пайдалану</translation>
    </message>
    <message>
      <source>Georeference</source>
      <translation>Геобайланыстыру</translation>
    </message>
    <message>
      <source>This is the saved georeference.</source>
      <translation>Бұл — сақталған геобайланыстыру.</translation>
    </message>
    <message>
      <source>This map has no places with a longitude and latitude.</source>
      <translation>Бұл картада бойлығы мен ендігі бар орын жоқ.</translation>
    </message>
    <message>
      <source>An affine fit needs at least 3 points with longitude and latitude; there are %1.</source>
      <translation>Аффинді жуықтауға бойлығы мен ендігі бар кемінде 3 нүкте керек; қазір: %1.</translation>
    </message>
    <message>
      <source>A second-order polynomial fit needs at least 6 points with longitude and latitude; there are %1.</source>
      <translation>Екінші ретті көпмүшелік жуықтауға бойлығы мен ендігі бар кемінде 6 нүкте керек; қазір: %1.</translation>
    </message>
    <message>
      <source>A pixel position lies inside the image.</source>
      <translation>Пиксель орны сурет ішінде болуы керек.</translation>
    </message>
    <message>
      <source>The largest residual: check this point</source>
      <translation>Ең үлкен қалдық ауытқу: осы нүктені тексеріңіз</translation>
    </message>
    <message>
      <source>%1 points are ready: press Fit to see the residuals.</source>
      <translation>%1 нүкте дайын: қалдық ауытқуларды көру үшін «Жуықтау» батырмасын басыңыз.</translation>
    </message>
    <message>
      <source>RMS error %1 px over %2 points.</source>
      <translation>RMS қатесі %1 px (%2 нүкте бойынша).</translation>
    </message>
    <message>
      <source>The georeference could not be saved: %1</source>
      <translation>Геобайланыстыруды сақтау мүмкін болмады: %1</translation>
    </message>
    <message>
      <source>Type the longitude and latitude of point %1 in the table.</source>
      <translation>Кестеге нүкте %1 үшін бойлық пен ендікті енгізіңіз.</translation>
    </message>
    <message>
      <source>%1 px</source>
      <translation>%1 px</translation>
    </message>
    <message>
      <source>Type a value, e.g. 68.77 or 12.5 W</source>
      <translation>Мәнді енгізіңіз, мысалы 68.77 немесе 12.5 W</translation>
    </message>
    <message>
      <source>⚠ Largest residual: point %1, %2 px.</source>
      <translation>⚠ Ең үлкен қалдық ауытқу: нүкте %1, %2 px.</translation>
    </message>
    <message>
      <source>Saved: %1 fit through %2 control points, RMS %3 px.</source>
      <translation>Сақталғаны: %1, тірек нүктелері: %2, RMS %3 px.</translation>
    </message>
    <message>
      <source>affine</source>
      <translation>аффинді жуықтау</translation>
    </message>
    <message>
      <source>second-order polynomial</source>
      <translation>екінші ретті көпмүше</translation>
    </message>
  </context>
  <context>
    <name>History</name>
    <message>
      <source>Created</source>
      <translation>Жасалды</translation>
    </message>
    <message>
      <source>Edited</source>
      <translation>Өңделді</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>Жойылды</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Жарияланды</translation>
    </message>
    <message>
      <source>Unpublished</source>
      <translation>Жариялаудан алынды</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>Қалпына келтірілді</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>Импортталды</translation>
    </message>
    <message>
      <source>Restore this version…</source>
      <translation>Осы нұсқаны қалпына келтіру…</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Қашан</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Кім</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Не</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Өзгерістер</translation>
    </message>
    <message>
      <source>No recorded changes yet.</source>
      <translation>Тіркелген өзгерістер әлі жоқ.</translation>
    </message>
    <message>
      <source>(current)</source>
      <translation>(ағымдағы)</translation>
    </message>
    <message>
      <source>%1 versions. Select one to restore it.</source>
      <translation>Нұсқалар: %1. Қалпына келтіру үшін біреуін таңдаңыз.</translation>
    </message>
  </context>
  <context>
    <name>ItemEditor</name>
    <message>
      <source>Title (Mongol script)</source>
      <translation>Атауы (моңғол жазуы)</translation>
    </message>
    <message>
      <source>e.g. c. 1720, 1680s, 18th century</source>
      <translation>мысалы: c. 1720, 1680s, 18th century</translation>
    </message>
    <message>
      <source>Featured in the kiosk's attract loop</source>
      <translation>Киосктің күту режимінде көрсетіледі</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Түрі</translation>
    </message>
    <message>
      <source>Date (EDTF)</source>
      <translation>Мерзімі (EDTF)</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Дереккөз</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Күйі</translation>
    </message>
    <message>
      <source>Featured</source>
      <translation>Таңдаулы</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Атауы</translation>
    </message>
    <message>
      <source>Change %1</source>
      <translation>Өзгерту: %1</translation>
    </message>
    <message>
      <source>Type a date as you would say it.</source>
      <translation>Күнді еркін түрде (ағылшынша) жазыңыз.</translation>
    </message>
    <message>
      <source>No item selected</source>
      <translation>Экспонат таңдалмаған</translation>
    </message>
    <message>
      <source>Title and description in every language</source>
      <translation>Барлық тілдегі атауы мен сипаттамасы</translation>
    </message>
    <message>
      <source>A licence must be a web address (URI).</source>
      <translation>Лицензия веб-мекенжай (URI) болуы керек.</translation>
    </message>
    <message>
      <source>Not a date yet</source>
      <translation>Күн ретінде танылмады</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Жарияланған</translation>
    </message>
    <message>
      <source>Draft: not shown in kiosks</source>
      <translation>Жоба: киоскілерде көрсетілмейді</translation>
    </message>
    <message>
      <source>Missing: %1</source>
      <translation>Толтырылмаған: %1</translation>
    </message>
    <message>
      <source>EDTF %1 · from %2 to %3</source>
      <translation>EDTF %1 · %2 – %3 аралығы</translation>
    </message>
  </context>
  <context>
    <name>ItemPage</name>
    <message>
      <source>Not yet translated: shown in %1</source>
      <translation>Әлі аударылмаған: %1 тілінде көрсетілді</translation>
    </message>
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
      <source>Title</source>
      <translation>Атауы</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Сипаттамасы</translation>
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
      <source>Compare with</source>
      <translation>Салыстыру</translation>
    </message>
    <message>
      <source>This map is still being digitised.</source>
      <translation>Бұл карта әлі цифрлануда.</translation>
    </message>
    <message>
      <source>Then and now</source>
      <translation>Сол кезде және бүгін</translation>
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
      <source>Back to the translation</source>
      <translation>Аудармаға оралу</translation>
    </message>
    <message>
      <source>Then and now: %1</source>
      <translation>Сол кезде және бүгін: %1</translation>
    </message>
    <message>
      <source>Original text (%1)</source>
      <translation>Түпнұсқа мәтін: %1 тілінде</translation>
    </message>
  </context>
  <context>
    <name>MediaPanel</name>
    <message>
      <source>The item's pictures</source>
      <translation>Экспонат суреттері</translation>
    </message>
    <message>
      <source>Make cover</source>
      <translation>Мұқаба ету</translation>
    </message>
    <message>
      <source>Add pictures…</source>
      <translation>Сурет қосу…</translation>
    </message>
    <message>
      <source>Drag pictures to change their order; drop image files here to add them.</source>
      <translation>Ретін өзгерту үшін суреттерді сүйреңіз; қосу үшін сурет файлдарын осында тастаңыз.</translation>
    </message>
    <message>
      <source>Add pictures</source>
      <translation>Сурет қосу</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif)</source>
      <translation>Суреттер (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif)</translation>
    </message>
    <message>
      <source>cover</source>
      <translation>мұқаба</translation>
    </message>
  </context>
  <context>
    <name>MongolScript</name>
    <message>
      <source>Title in the traditional script</source>
      <translation>Дәстүрлі моңғол жазуымен атауы</translation>
    </message>
    <message>
      <source>Traditional Mongolian (mn-Mong), written top to bottom: shown on the Mongolian item page and in the kiosk's attract loop</source>
      <translation>Дәстүрлі моңғол жазуы (mn-Mong), жоғарыдан төмен жазылады: моңғолша экспонат бетінде және киосктің күту режимінде көрсетіледі</translation>
    </message>
  </context>
  <context>
    <name>SignIn</name>
    <message>
      <source>Sign in to the curator workspace</source>
      <translation>Куратордың жұмыс орнына кіру</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Аты</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Құпиясөз</translation>
    </message>
    <message>
      <source>Every change you make is recorded with your name. Accounts are added with “exhibition-app users add NAME”.</source>
      <translation>Әрбір өзгерісіңіз атыңызбен тіркеледі. Тіркелгілер «exhibition-app users add NAME» командасымен қосылады.</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>Кіру</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Тексерілуде…</translation>
    </message>
    <message>
      <source>Enter your name and password.</source>
      <translation>Атыңыз бен құпиясөзіңізді енгізіңіз.</translation>
    </message>
    <message>
      <source>That name and password do not match.</source>
      <translation>Аты мен құпиясөз сәйкес келмейді.</translation>
    </message>
  </context>
  <context>
    <name>Visitors</name>
    <message>
      <source>Refresh</source>
      <translation>Жаңарту</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Экспонат</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>Ашылу саны</translation>
    </message>
    <message>
      <source>Median time</source>
      <translation>Медиана уақыты</translation>
    </message>
    <message>
      <source>Total time</source>
      <translation>Жалпы уақыт</translation>
    </message>
    <message>
      <source>Searches that found nothing</source>
      <translation>Нәтижесіз іздеулер</translation>
    </message>
    <message>
      <source>Times</source>
      <translation>Саны</translation>
    </message>
    <message>
      <source>Kiosks: %1 · items opened: %2 · resets: %3 · languages chosen: %4</source>
      <translation>Киоскілер: %1 · ашылған экспонаттар: %2 · бастапқы күйге оралу: %3 · тіл таңдау: %4</translation>
    </message>
  </context>
</TS>
