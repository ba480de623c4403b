<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="mn_MN" sourcelanguage="en">
  <context>
    <name>AnnotationEditor</name>
    <message>
      <source>Add place</source>
      <translation>Газар нэмэх</translation>
    </message>
    <message>
      <source>Move place</source>
      <translation>Газрыг зөөх</translation>
    </message>
    <message>
      <source>Delete place</source>
      <translation>Газрыг устгах</translation>
    </message>
    <message>
      <source>This place no longer exists.</source>
      <translation>Энэ газар устсан байна.</translation>
    </message>
    <message>
      <source>Filter places</source>
      <translation>Газруудыг шүүх</translation>
    </message>
    <message>
      <source>Places on this map</source>
      <translation>Газрын зураг дээрх газрууд</translation>
    </message>
    <message>
      <source>Select a place in the list or on the map to edit its label and text. Press A, then click the map, to add one.</source>
      <translation>Шошго, бичвэрийг нь засахын тулд жагсаалтаас эсвэл газрын зураг дээрээс газар сонгоно уу. Шинээр нэмэхийн тулд A товчийг дараад газрын зураг дээр дарна уу.</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Шошго</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Бичвэр</translation>
    </message>
    <message>
      <source>Add places: click the map where a place goes (A)</source>
      <translation>Газар нэмэх: газрын зураг дээр газар байрлах цэгийг дарна уу (A)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Устгах</translation>
    </message>
    <message>
      <source>Delete the selected place (Del)</source>
      <translation>Сонгосон газрыг устгах (Del)</translation>
    </message>
    <message>
      <source>Whole map</source>
      <translation>Бүтэн газрын зураг</translation>
    </message>
    <message>
      <source>Show the whole map (0)</source>
      <translation>Газрын зургийг бүтнээр харуулах (0)</translation>
    </message>
    <message>
      <source>Click the map to add a place · Esc to stop</source>
      <translation>Газар нэмэхийн тулд газрын зураг дээр дарна уу · Esc — зогсоох</translation>
    </message>
    <message>
      <source>Drag a ring to move it</source>
      <translation>Цагиргийг чирж зөөнө үү</translation>
    </message>
    <message>
      <source>(no label)</source>
      <translation>(шошгогүй)</translation>
    </message>
    <message>
      <source>no label</source>
      <translation>шошгогүй</translation>
    </message>
    <message>
      <source>no text</source>
      <translation>бичвэргүй</translation>
    </message>
    <message>
      <source>x %1, y %2 px</source>
      <translation>x %1, y %2 px</translation>
    </message>
    <message>
      <source>Map annotations</source>
      <translation>Газрын зургийн тэмдэглэгээ</translation>
    </message>
    <message>
      <source>Label (%1)</source>
      <translation>Шошго (%1)</translation>
    </message>
    <message>
      <source>Text (%1)</source>
      <translation>Бичвэр (%1)</translation>
    </message>
    <message>
      <source>%1 places on this map</source>
      <translation>Газрын зураг дээрх газрууд: %1</translation>
    </message>
    <message>
      <source>Also in other languages (kept as they are):</source>
      <translation>Бусад хэлээр мөн бий (өөрчлөгдөхгүй):</translation>
    </message>
    <message>
      <source>Change %1 (%2)</source>
      <translation>Өөрчлөх: %1 (%2)</translation>
    </message>
    <message>
      <source>The change could not be saved: %1</source>
      <translation>Өөрчлөлтийг хадгалж чадсангүй: %1</translation>
    </message>
    <message>
      <source>%1 of %2 places</source>
      <translation>Газрууд: %1 / %2</translation>
    </message>
    <message>
      <source>Choose a map to work on.</source>
      <translation>Ажиллах газрын зургаа сонгоно уу.</translation>
    </message>
    <message>
      <source>Preparing the map for deep zoom…</source>
      <translation>Газрын зургийг ойртуулж үзэхэд бэлтгэж байна…</translation>
    </message>
    <message>
      <source>Preparing the map was cancelled.</source>
      <translation>Газрын зургийг бэлтгэхийг цуцаллаа.</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Дахин хийх</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Буцаах</translation>
    </message>
    <message>
      <source>Redo: %1</source>
      <translation>Дахин хийх: %1</translation>
    </message>
    <message>
      <source>Undo: %1</source>
      <translation>Буцаах: %1</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Цуцлах</translation>
    </message>
    <message>
      <source>Prepare the map</source>
      <translation>Газрын зургийг бэлтгэх</translation>
    </message>
    <message>
      <source>This map cannot be shown: %1</source>
      <translation>Энэ газрын зургийг харуулах боломжгүй: %1</translation>
    </message>
  </context>
  <context>
    <name>Attract</name>
    <message>
      <source>Touch to explore</source>
      <translation>Хүрээд үзээрэй</translation>
    </message>
  </context>
  <context>
    <name>BulkImport</name>
    <message>
      <source>Cancel</source>
      <translation>Цуцлах</translation>
    </message>
    <message>
      <source>Importing a folder</source>
      <translation>Хавтас импортлож байна</translation>
    </message>
    <message>
      <source>Import stopped</source>
      <translation>Импорт зогслоо</translation>
    </message>
    <message>
      <source>Cancelled: the rest of the folder was not imported.</source>
      <translation>Цуцлагдлаа: хавтасны үлдсэн хэсгийг импортлоогүй.</translation>
    </message>
    <message>
      <source>Imported: %1</source>
      <translation>Импортолсон: %1</translation>
    </message>
    <message>
      <source>Looking for images in %1…</source>
      <translation>Зураг хайж байна: %1…</translation>
    </message>
    <message>
      <source>Look alike an existing picture: %1</source>
      <translation>Байгаа зурагтай төстэй: %1</translation>
    </message>
    <message>
      <source>Refused: %1</source>
      <translation>Татгалзсан: %1</translation>
    </message>
    <message>
      <source>Importing %1 of %2: %3</source>
      <translation>Импортлож байна %1 / %2: %3</translation>
    </message>
  </context>
  <context>
    <name>Curator</name>
    <message>
      <source>published</source>
      <translation>нийтлэгдсэн</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>ноорог</translation>
    </message>
    <message>
      <source>Curator workspace</source>
      <translation>Кураторын ажлын орчин</translation>
    </message>
    <message>
      <source>Filter items…</source>
      <translation>Үзмэр шүүх…</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>Үзмэрүүд</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Дэлгэрэнгүй</translation>
    </message>
    <message>
      <source>Pictures</source>
      <translation>Зургууд</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Түүх</translation>
    </message>
    <message>
      <source>Exhibitions</source>
      <translation>Үзэсгэлэнгүүд</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>Зочид</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>Үйлдэл</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Буцаах</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Дахин хийх</translation>
    </message>
    <message>
      <source>New item</source>
      <translation>Шинэ үзмэр</translation>
    </message>
    <message>
      <source>Import folder…</source>
      <translation>Хавтас импортлох…</translation>
    </message>
    <message>
      <source>Publish</source>
      <translation>Нийтлэх</translation>
    </message>
    <message>
      <source>Preview in the kiosk</source>
      <translation>Киоскоор урьдчилан харах</translation>
    </message>
    <message>
      <source>Opening the catalogue…</source>
      <translation>Каталогийг нээж байна…</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Бэлэн</translation>
    </message>
    <message>
      <source>Cannot open the catalogue</source>
      <translation>Каталогийг нээх боломжгүй</translation>
    </message>
    <message>
      <source>Reorder pictures</source>
      <translation>Зургийн дарааллыг өөрчлөх</translation>
    </message>
    <message>
      <source>pictures added</source>
      <translation>зураг нэмсэн</translation>
    </message>
    <message>
      <source>Restore this version?</source>
      <translation>Энэ хувилбарыг сэргээх үү?</translation>
    </message>
    <message>
      <source>The item goes back to how it was in that version. Its present state stays in the history, so you can return to it.</source>
      <translation>Үзмэр тухайн хувилбарт байсан төлөвтөө буцна. Одоогийн төлөв нь түүхэнд хадгалагдах тул түүн рүү буцаж болно.</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Төрөл</translation>
    </message>
    <message>
      <source>Title (in English)</source>
      <translation>Гарчиг (англиар)</translation>
    </message>
    <message>
      <source>Unpublish</source>
      <translation>Нийтлэлээс хасах</translation>
    </message>
    <message>
      <source>Kiosk preview (drafts included)</source>
      <translation>Киоскийг урьдчилан харах (ноорогтой нь)</translation>
    </message>
    <message>
      <source>Map annotations</source>
      <translation>Газрын зургийн тэмдэглэгээ</translation>
    </message>
    <message>
      <source>Georeference</source>
      <translation>Газарзүйн холболт</translation>
    </message>
    <message>
      <source>Change the cover</source>
      <translation>Нүүр зургийг солих</translation>
    </message>
    <message>
      <source>Import a folder of images</source>
      <translation>Зургийн хавтас импортлох</translation>
    </message>
    <message>
      <source>Import a folder</source>
      <translation>Хавтас импортлох</translation>
    </message>
    <message>
      <source>The images are</source>
      <translation>Зургийн төрөл</translation>
    </message>
    <message>
      <source>Folder imported</source>
      <translation>Хавтсыг импортлолоо</translation>
    </message>
    <message>
      <source>Kiosk preflight</source>
      <translation>Киоскийн урьдчилсан шалгалт</translation>
    </message>
    <message>
      <source>On the kiosk, some of this item's texts would be cut or some controls would be too small to touch. It is published anyway; shorten the texts and check again.</source>
      <translation>Киоск дээр энэ үзмэрийн зарим бичвэр тасарч харагдах эсвэл зарим удирдлага хуруугаар дарахад хэт жижиг байна. Үзмэрийг ямар ч байсан нийтэлсэн; бичвэрүүдийг богиносгоод дахин шалгана уу.</translation>
    </message>
    <message>
      <source>About the pictures you added</source>
      <translation>Нэмсэн зургийн тухай</translation>
    </message>
    <message>
      <source>Import pictures</source>
      <translation>Зураг импортлох</translation>
    </message>
    <message>
      <source>Add pictures</source>
      <translation>Зураг нэмэх</translation>
    </message>
    <message>
      <source>Version restored</source>
      <translation>Хувилбарыг сэргээлээ</translation>
    </message>
    <message>
      <source>%1 looks like a picture of item %2 (added anyway)</source>
      <translation>%1 нь №%2 үзмэрийн зурагтай төстэй байна (нэмсэн)</translation>
    </message>
    <message>
      <source>Signed in as %1</source>
      <translation>Нэвтэрсэн хэрэглэгч: %1</translation>
    </message>
    <message>
      <source>%1 of %2 items · ● published ○ draft</source>
      <translation>Үзмэр: %1 / %2 · ● нийтлэгдсэн ○ ноорог</translation>
    </message>
    <message>
      <source>The daily backup failed: %1</source>
      <translation>Өдөр тутмын нөөц хуулбар хийж чадсангүй: %1</translation>
    </message>
    <message>
      <source>Saved: %1</source>
      <translation>Хадгалсан: %1</translation>
    </message>
    <message>
      <source>Daily backup saved in %1 (the last %2 are kept)</source>
      <translation>Өдөр тутмын нөөц хуулбарыг хадгалсан газар: %1 (сүүлийн %2-ыг хадгална)</translation>
    </message>
  </context>
  <context>
    <name>DeepZoom</name>
    <message>
      <source>N</source>
      <translation>х. ө.</translation>
    </message>
    <message>
      <source>S</source>
      <translation>ө. ө.</translation>
    </message>
    <message>
      <source>E</source>
      <translation>з. у.</translation>
    </message>
    <message>
      <source>W</source>
      <translation>б. у.</translation>
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
      <translation>Үзэсгэлэнгүүд</translation>
    </message>
    <message>
      <source>New exhibition…</source>
      <translation>Шинэ үзэсгэлэн…</translation>
    </message>
    <message>
      <source>History…</source>
      <translation>Түүх…</translation>
    </message>
    <message>
      <source>Every version of this exhibition; restore any of them</source>
      <translation>Энэ үзэсгэлэнгийн бүх хувилбар; аль ч хувилбарыг сэргээж болно</translation>
    </message>
    <message>
      <source>Introduction</source>
      <translation>Танилцуулга</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>Хэсгүүд</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>Хэсэг нэмэх</translation>
    </message>
    <message>
      <source>Remove section</source>
      <translation>Хэсгийг хасах</translation>
    </message>
    <message>
      <source>Narrative</source>
      <translation>Өгүүлэмж</translation>
    </message>
    <message>
      <source>Items in this section</source>
      <translation>Энэ хэсгийн үзмэрүүд</translation>
    </message>
    <message>
      <source>All items</source>
      <translation>Бүх үзмэр</translation>
    </message>
    <message>
      <source>Take out of the section</source>
      <translation>Хэсгээс хасах</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Түлхүүр</translation>
    </message>
    <message>
      <source>Change the key</source>
      <translation>Түлхүүрийг өөрчлөх</translation>
    </message>
    <message>
      <source>Edit the exhibition's text</source>
      <translation>Үзэсгэлэнгийн бичвэрийг засах</translation>
    </message>
    <message>
      <source>Edit a section's text</source>
      <translation>Хэсгийн бичвэрийг засах</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>Гарчиг (англиар)</translation>
    </message>
    <message>
      <source>Add a section</source>
      <translation>Хэсэг нэмэх</translation>
    </message>
    <message>
      <source>Remove a section</source>
      <translation>Хэсгийг хасах</translation>
    </message>
    <message>
      <source>Reorder sections</source>
      <translation>Хэсгүүдийн дарааллыг өөрчлөх</translation>
    </message>
    <message>
      <source>Add items</source>
      <translation>Үзмэр нэмэх</translation>
    </message>
    <message>
      <source>Take an item out</source>
      <translation>Үзмэрийг хасах</translation>
    </message>
    <message>
      <source>New exhibition</source>
      <translation>Шинэ үзэсгэлэн</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Гарчиг</translation>
    </message>
    <message>
      <source>Add to the section</source>
      <translation>Хэсэгт нэмэх</translation>
    </message>
    <message>
      <source>Sections (drag to reorder)</source>
      <translation>Хэсгүүд (дарааллыг өөрчлөхийн тулд чирнэ үү)</translation>
    </message>
    <message>
      <source>Items in this section (drag to reorder)</source>
      <translation>Энэ хэсгийн үзмэрүүд (дарааллыг өөрчлөхийн тулд чирнэ үү)</translation>
    </message>
    <message>
      <source>All items (drag into the section)</source>
      <translation>Бүх үзмэр (хэсэг рүү чирнэ үү)</translation>
    </message>
    <message>
      <source>Restore an earlier version</source>
      <translation>Өмнөх хувилбарыг сэргээх</translation>
    </message>
    <message>
      <source>Undo: %1</source>
      <translation>Буцаах: %1</translation>
    </message>
    <message>
      <source>Reorder items</source>
      <translation>Үзмэрийн дарааллыг өөрчлөх</translation>
    </message>
    <message>
      <source>History of %1</source>
      <translation>%1-ийн түүх</translation>
    </message>
    <message>
      <source>Restored without some items</source>
      <translation>Зарим үзмэргүйгээр сэргээгдлээ</translation>
    </message>
    <message>
      <source>(untitled section)</source>
      <translation>(гарчиггүй хэсэг)</translation>
    </message>
    <message>
      <source>That version showed items that have since been deleted: %1. The rest is restored.</source>
      <translation>Тэр хувилбарт дараа нь устгагдсан үзмэрүүд байсан: %1. Үлдсэн хэсгийг сэргээлээ.</translation>
    </message>
  </context>
  <context>
    <name>Filters</name>
    <message>
      <source>Maps</source>
      <translation>Газрын зураг</translation>
    </message>
    <message>
      <source>Objects</source>
      <translation>Эд өлгийн зүйлс</translation>
    </message>
    <message>
      <source>Photographs</source>
      <translation>Гэрэл зураг</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Баримт бичиг</translation>
    </message>
    <message>
      <source>Before 1500</source>
      <translation>1500 оноос өмнө</translation>
    </message>
    <message>
      <source>1500–1800</source>
      <translation>1500–1800 он</translation>
    </message>
    <message>
      <source>After 1800</source>
      <translation>1800 оноос хойш</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>Шүүлтүүрийг арилгах</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>Шүүлтүүр</translation>
    </message>
    <message>
      <source>Filter on</source>
      <translation>Шүүлтүүр идэвхтэй</translation>
    </message>
    <message>
      <source>Filter off</source>
      <translation>Шүүлтүүр идэвхгүй</translation>
    </message>
  </context>
  <context>
    <name>GeorefEditor</name>
    <message>
      <source>Affine (at least 3 points)</source>
      <translation>Аффин (дор хаяж 3 цэг)</translation>
    </message>
    <message>
      <source>Second-order polynomial (at least 6 points)</source>
      <translation>Хоёрдугаар эрэмбийн олон гишүүнт (дор хаяж 6 цэг)</translation>
    </message>
    <message>
      <source>A latitude lies between 90 S and 90 N.</source>
      <translation>Өргөрөг 90 S-ээс 90 N-ийн хооронд байх ёстой.</translation>
    </message>
    <message>
      <source>A longitude lies between -360 and 360 degrees.</source>
      <translation>Уртраг -360-аас 360 градусын хооронд байх ёстой.</translation>
    </message>
    <message>
      <source>Apply georeference</source>
      <translation>Газарзүйн холболтыг хэрэгжүүлэх</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Тохируулга</translation>
    </message>
    <message>
      <source>Kind of fit</source>
      <translation>Тохируулгын төрөл</translation>
    </message>
    <message>
      <source>Control points</source>
      <translation>Хяналтын цэгүүд</translation>
    </message>
    <message>
      <source>Use the map's places</source>
      <translation>Газрын зургийн газруудыг ашиглах</translation>
    </message>
    <message>
      <source>Take every place on this map that has a longitude and latitude</source>
      <translation>Газрын зураг дээрх уртраг, өргөрөгтэй бүх газрыг авах</translation>
    </message>
    <message>
      <source>Fit the points and show the residuals</source>
      <translation>Цэгүүдээр тохируулж, үлдэгдлийг харуулах</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Хэрэгжүүлэх</translation>
    </message>
    <message>
      <source>Save this georeference to the map</source>
      <translation>Энэ газарзүйн холболтыг газрын зурагт хадгалах</translation>
    </message>
    <message>
      <source>Saved: not georeferenced.</source>
      <translation>Хадгалсан: газарзүйн холболтгүй.</translation>
    </message>
    <message>
      <source>Add control point</source>
      <translation>Хяналтын цэг нэмэх</translation>
    </message>
    <message>
      <source>Move control point</source>
      <translation>Хяналтын цэгийг зөөх</translation>
    </message>
    <message>
      <source>Delete control point</source>
      <translation>Хяналтын цэгийг устгах</translation>
    </message>
    <message>
      <source>Change the kind of fit</source>
      <translation>Тохируулгын төрлийг өөрчлөх</translation>
    </message>
    <message>
      <source>Change x of point %1</source>
      <translation>Цэг %1: x утгыг өөрчлөх</translation>
    </message>
    <message>
      <source>Change y of point %1</source>
      <translation>Цэг %1: y утгыг өөрчлөх</translation>
    </message>
    <message>
      <source>Change longitude of point %1</source>
      <translation>Цэг %1: уртрагийг өөрчлөх</translation>
    </message>
    <message>
      <source>Change latitude of point %1</source>
      <translation>Цэг %1: өргөрөгийг өөрчлөх</translation>
    </message>
    <message>
      <source>No control points yet. Press A and click a place you can identify on the map, then type its longitude and latitude in the table; or use the map's places.</source>
      <translation>Хяналтын цэг одоогоор алга. A товчийг дараад газрын зураг дээрх таньж болох газар дээр дарж, хүснэгтэд уртраг, өргөрөгийг нь оруулна уу; эсвэл газрын зургийн газруудыг ашиглана уу.</translation>
    </message>
    <message>
      <source>Type the longitude as a number of degrees, e.g. 68.77 or 12.5 W.</source>
      <translation>Уртрагийг градусаар оруулна уу, жишээ нь 68.77 эсвэл 12.5 W.</translation>
    </message>
    <message>
      <source>Type the latitude as a number of degrees, e.g. 38.56 or 12 S.</source>
      <translation>Өргөрөгийг градусаар оруулна уу, жишээ нь 38.56 эсвэл 12 S.</translation>
    </message>
    <message>
      <source>A longitude is east (E) or west (W), not N or S.</source>
      <translation>Уртраг зүүн (E) эсвэл баруун (W) байна, N эсвэл S биш.</translation>
    </message>
    <message>
      <source>A latitude is north (N) or south (S), not E or W.</source>
      <translation>Өргөрөг хойд (N) эсвэл өмнөд (S) байна, E эсвэл W биш.</translation>
    </message>
    <message>
      <source>Add point</source>
      <translation>Цэг нэмэх</translation>
    </message>
    <message>
      <source>Add control points: click a place you can identify (A)</source>
      <translation>Хяналтын цэг нэмэх: таньж болох газар дээр дарна уу (A)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Устгах</translation>
    </message>
    <message>
      <source>Delete the selected point (Del)</source>
      <translation>Сонгосон цэгийг устгах (Del)</translation>
    </message>
    <message>
      <source>Whole map</source>
      <translation>Бүтэн газрын зураг</translation>
    </message>
    <message>
      <source>Show the whole map (0)</source>
      <translation>Газрын зургийг бүтнээр харуулах (0)</translation>
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
      <translation>Уртраг</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>Өргөрөг</translation>
    </message>
    <message>
      <source>Residual</source>
      <translation>Үлдэгдэл</translation>
    </message>
    <message>
      <source>Click a place you can identify · Esc to stop</source>
      <translation>Таньж болох газар дээр дарна уу · Esc — зогсоох</translation>
    </message>
    <message>
      <source>Drag a crosshair to move it</source>
      <translation>Загалмай тэмдгийг чирж зөөнө үү</translation>
    </message>
    <message>
      <source>Saved: whole-world plate carrée (equirectangular).</source>
      <translation>Хадгалсан: бүх дэлхий, plate carrée (тэгш зайтай проекц).</translation>
    </message>
    <message>
      <source>Use the map's places as control points</source>
      <translation>Газрын зургийн газруудыг хяналтын цэг болгон ашиглах</translation>
    </message>
    <message>
      <source>Georeference</source>
      <translation>Газарзүйн холболт</translation>
    </message>
    <message>
      <source>This is the saved georeference.</source>
      <translation>Энэ бол хадгалсан газарзүйн холболт.</translation>
    </message>
    <message>
      <source>This map has no places with a longitude and latitude.</source>
      <translation>Энэ газрын зурагт уртраг, өргөрөгтэй газар алга.</translation>
    </message>
    <message>
      <source>An affine fit needs at least 3 points with longitude and latitude; there are %1.</source>
      <translation>Аффин тохируулгад уртраг, өргөрөгтэй дор хаяж 3 цэг хэрэгтэй; одоо: %1.</translation>
    </message>
    <message>
      <source>A second-order polynomial fit needs at least 6 points with longitude and latitude; there are %1.</source>
      <translation>Хоёрдугаар эрэмбийн олон гишүүнт тохируулгад уртраг, өргөрөгтэй дор хаяж 6 цэг хэрэгтэй; одоо: %1.</translation>
    </message>
    <message>
      <source>A pixel position lies inside the image.</source>
      <translation>Пикселийн байрлал зургийн дотор байх ёстой.</translation>
    </message>
    <message>
      <source>The largest residual: check this point</source>
      <translation>Хамгийн их үлдэгдэл: энэ цэгийг шалгана уу</translation>
    </message>
    <message>
      <source>%1 points are ready: press Fit to see the residuals.</source>
      <translation>%1 цэг бэлэн: үлдэгдлийг харахын тулд «Тохируулга» товчийг дарна уу.</translation>
    </message>
    <message>
      <source>RMS error %1 px over %2 points.</source>
      <translation>RMS алдаа %1 px (%2 цэгээр).</translation>
    </message>
    <message>
      <source>The georeference could not be saved: %1</source>
      <translation>Газарзүйн холболтыг хадгалж чадсангүй: %1</translation>
    </message>
    <message>
      <source>Type the longitude and latitude of point %1 in the table.</source>
      <translation>Хүснэгтэд цэг %1-ийн уртраг, өргөрөгийг оруулна уу.</translation>
    </message>
    <message>
      <source>%1 px</source>
      <translation>%1 px</translation>
    </message>
    <message>
      <source>Type a value, e.g. 68.77 or 12.5 W</source>
      <translation>Утга оруулна уу, жишээ нь 68.77 эсвэл 12.5 W</translation>
    </message>
    <message>
      <source>⚠ Largest residual: point %1, %2 px.</source>
      <translation>⚠ Хамгийн их үлдэгдэл: цэг %1, %2 px.</translation>
    </message>
    <message>
      <source>Saved: %1 fit through %2 control points, RMS %3 px.</source>
      <translation>Хадгалсан: %1, хяналтын цэг: %2, RMS %3 px.</translation>
    </message>
    <message>
      <source>affine</source>
      <translation>аффин тохируулга</translation>
    </message>
    <message>
      <source>second-order polynomial</source>
      <translation>хоёрдугаар эрэмбийн олон гишүүнт</translation>
    </message>
  </context>
  <context>
    <name>History</name>
    <message>
      <source>Created</source>
      <translation>Үүсгэсэн</translation>
    </message>
    <message>
      <source>Edited</source>
      <translation>Зассан</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>Устгасан</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Нийтэлсэн</translation>
    </message>
    <message>
      <source>Unpublished</source>
      <translation>Нийтлэлээс хассан</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>Сэргээсэн</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>Импортолсон</translation>
    </message>
    <message>
      <source>Restore this version…</source>
      <translation>Энэ хувилбарыг сэргээх…</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Хэзээ</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Хэн</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Юу</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Өөрчлөлт</translation>
    </message>
    <message>
      <source>No recorded changes yet.</source>
      <translation>Бүртгэгдсэн өөрчлөлт одоогоор алга.</translation>
    </message>
    <message>
      <source>(current)</source>
      <translation>(одоогийн)</translation>
    </message>
    <message>
      <source>%1 versions. Select one to restore it.</source>
      <translation>Хувилбар: %1. Сэргээх хувилбараа сонгоно уу.</translation>
    </message>
  </context>
  <context>
    <name>ItemEditor</name>
    <message>
      <source>Title (Mongol script)</source>
      <translation>Гарчиг (монгол бичгээр)</translation>
    </message>
    <message>
      <source>e.g. c. 1720, 1680s, 18th century</source>
      <translation>жишээ нь: c. 1720, 1680s, 18th century</translation>
    </message>
    <message>
      <source>Featured in the kiosk's attract loop</source>
      <translation>Киоскийн хүлээлгийн горимд харуулна</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Төрөл</translation>
    </message>
    <message>
      <source>Date (EDTF)</source>
      <translation>Он цаг (EDTF)</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Эх сурвалж</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Төлөв</translation>
    </message>
    <message>
      <source>Featured</source>
      <translation>Онцлох</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Гарчиг</translation>
    </message>
    <message>
      <source>Change %1</source>
      <translation>Өөрчлөх: %1</translation>
    </message>
    <message>
      <source>Type a date as you would say it.</source>
      <translation>Огноог чөлөөт хэлбэрээр (англиар) бичнэ үү.</translation>
    </message>
    <message>
      <source>No item selected</source>
      <translation>Үзмэр сонгоогүй</translation>
    </message>
    <message>
      <source>Title and description in every language</source>
      <translation>Бүх хэл дээрх гарчиг ба тайлбар</translation>
    </message>
    <message>
      <source>A licence must be a web address (URI).</source>
      <translation>Лиценз нь вэб хаяг (URI) байх ёстой.</translation>
    </message>
    <message>
      <source>Not a date yet</source>
      <translation>Огноо гэж танигдаагүй</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Нийтлэгдсэн</translation>
    </message>
    <message>
      <source>Draft: not shown in kiosks</source>
      <translation>Ноорог: киоскт харагдахгүй</translation>
    </message>
    <message>
      <source>Missing: %1</source>
      <translation>Дутуу: %1</translation>
    </message>
    <message>
      <source>EDTF %1 · from %2 to %3</source>
      <translation>EDTF %1 · %2 – %3 хооронд</translation>
    </message>
  </context>
  <context>
    <name>ItemPage</name>
    <message>
      <source>Not yet translated: shown in %1</source>
      <translation>Одоогоор орчуулаагүй: %1 хэлээр харуулж байна</translation>
    </message>
    <message>
      <source>Back to the gallery</source>
      <translation>Галерей руу буцах</translation>
    </message>
    <message>
      <source>Previous item</source>
      <translation>Өмнөх үзмэр</translation>
    </message>
    <message>
      <source>Next item</source>
      <translation>Дараагийн үзмэр</translation>
    </message>
    <message>
      <source>Related</source>
      <translation>Холбоотой үзмэр</translation>
    </message>
    <message>
      <source>%1 of %2</source>
      <translation>%1 / %2</translation>
    </message>
  </context>
  <context>
    <name>Keyboard</name>
    <message>
      <source>Keyboard layout: Kazakh</source>
      <translation>Гарын байрлал: казах</translation>
    </message>
    <message>
      <source>Keyboard layout: Russian</source>
      <translation>Гарын байрлал: орос</translation>
    </message>
    <message>
      <source>Keyboard layout: Mongolian</source>
      <translation>Гарын байрлал: монгол</translation>
    </message>
    <message>
      <source>Keyboard layout: Latin</source>
      <translation>Гарын байрлал: латин</translation>
    </message>
    <message>
      <source>On-screen keyboard</source>
      <translation>Дэлгэцийн гар</translation>
    </message>
    <message>
      <source>Space</source>
      <translation>Зай</translation>
    </message>
    <message>
      <source>Backspace</source>
      <translation>Арилгах</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Цэвэрлэх</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Болсон</translation>
    </message>
  </context>
  <context>
    <name>Kiosk</name>
    <message>
      <source>Still there?</source>
      <translation>Та энд байна уу?</translation>
    </message>
    <message>
      <source>Touch to keep looking</source>
      <translation>Үргэлжлүүлэн үзэх бол хүрнэ үү</translation>
    </message>
    <message>
      <source>Still there? Touch to keep looking</source>
      <translation>Та энд байна уу? Үргэлжлүүлэн үзэх бол хүрнэ үү</translation>
    </message>
    <message>
      <source>Staff only: enter the PIN</source>
      <translation>Зөвхөн ажилтанд: ПИН кодоо оруулна уу</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Цуцлах</translation>
    </message>
    <message>
      <source>Delete the last digit</source>
      <translation>Сүүлийн цифрийг арилгах</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Батлах</translation>
    </message>
    <message>
      <source>Wrong PIN. Try again in %1 s</source>
      <translation>ПИН код буруу. %1 секундын дараа дахин оролдоно уу</translation>
    </message>
    <message>
      <source>Please wait %1 s before the next try</source>
      <translation>Дараагийн оролдлого хүртэл %1 секунд хүлээнэ үү</translation>
    </message>
    <message>
      <source>Wrong PIN. Try again.</source>
      <translation>ПИН код буруу. Дахин оролдоно уу.</translation>
    </message>
    <message>
      <source>Digits entered: %1</source>
      <translation>Оруулсан цифр: %1</translation>
    </message>
    <message>
      <source>Home: the start of the exhibition</source>
      <translation>Нүүр: үзэсгэлэнгийн эхлэл</translation>
    </message>
    <message>
      <source>Larger text and higher contrast</source>
      <translation>Том үсэг, өндөр тодролт</translation>
    </message>
    <message>
      <source>This exhibition is not available at the moment.</source>
      <translation>Энэ үзэсгэлэн одоогоор нээлттэй биш байна.</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Шалгаж байна…</translation>
    </message>
    <message>
      <source>Show less</source>
      <translation>Хураах</translation>
    </message>
    <message>
      <source>Read more</source>
      <translation>Дэлгэрэнгүй</translation>
    </message>
    <message>
      <source>This exhibition is being prepared. Please come back soon.</source>
      <translation>Энэ үзэсгэлэнг бэлтгэж байна. Удахгүй дахин ирээрэй.</translation>
    </message>
    <message>
      <source>No staff PIN is set. Set one with: exhibition-app kiosk set-pin</source>
      <translation>Ажилтны ПИН код тохируулаагүй байна. Тохируулах: exhibition-app kiosk set-pin</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Object</source>
      <translation>Эд зүйл</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>Газрын зураг</translation>
    </message>
    <message>
      <source>Photograph</source>
      <translation>Гэрэл зураг</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Баримт бичиг</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Гарчиг</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Тайлбар</translation>
    </message>
    <message>
      <source>Culture</source>
      <translation>Соёл</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Газар</translation>
    </message>
    <message>
      <source>Maker</source>
      <translation>Бүтээгч</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Он цаг</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>Материал</translation>
    </message>
    <message>
      <source>Technique</source>
      <translation>Арга техник</translation>
    </message>
    <message>
      <source>Dimensions</source>
      <translation>Хэмжээ</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>Эх сурвалж</translation>
    </message>
    <message>
      <source>Accession number</source>
      <translation>Бүртгэлийн дугаар</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Улс</translation>
    </message>
    <message>
      <source>Licence</source>
      <translation>Лиценз</translation>
    </message>
    <message>
      <source>English</source>
      <translation>англи</translation>
    </message>
    <message>
      <source>Kazakh</source>
      <translation>казах</translation>
    </message>
    <message>
      <source>Russian</source>
      <translation>орос</translation>
    </message>
    <message>
      <source>Mongolian</source>
      <translation>монгол</translation>
    </message>
    <message>
      <source>German</source>
      <translation>герман</translation>
    </message>
    <message>
      <source>Redrawing of</source>
      <translation>Эх хувь</translation>
    </message>
    <message>
      <source>Shows</source>
      <translation>Дүрсэлсэн нь</translation>
    </message>
    <message>
      <source>See also</source>
      <translation>Мөн үзэх</translation>
    </message>
    <message>
      <source>Redrawn as</source>
      <translation>Дахин зурсан хувилбар</translation>
    </message>
    <message>
      <source>Seen in</source>
      <translation>Зурагт</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Opening the exhibition…</source>
      <translation>Үзэсгэлэнг нээж байна…</translation>
    </message>
    <message>
      <source>VIRTUAL EXHIBITION</source>
      <translation>ВИРТУАЛ ҮЗЭСГЭЛЭН</translation>
    </message>
    <message>
      <source>Search in any language…</source>
      <translation>Дурын хэлээр хайх…</translation>
    </message>
    <message>
      <source>Search the collection</source>
      <translation>Цуглуулгаас хайх</translation>
    </message>
    <message>
      <source>Exhibitions and sections</source>
      <translation>Үзэсгэлэн ба хэсгүүд</translation>
    </message>
    <message>
      <source>Gallery</source>
      <translation>Галерей</translation>
    </message>
    <message>
      <source>No items here match the chosen filters. Tap a filter again to switch it off, or clear the filters.</source>
      <translation>Сонгосон шүүлтүүрт тохирох үзмэр алга. Шүүлтүүрийг дахин дарж унтраах эсвэл бүгдийг арилгана уу.</translation>
    </message>
    <message>
      <source>Virtual exhibition</source>
      <translation>Виртуал үзэсгэлэн</translation>
    </message>
    <message>
      <source>The catalogue could not be opened: %1</source>
      <translation>Каталогийг нээж чадсангүй: %1</translation>
    </message>
    <message>
      <source>All items</source>
      <translation>Бүх үзмэр</translation>
    </message>
    <message>
      <source>Nothing matches your search. Try another spelling, or search in another language.</source>
      <translation>Юу ч олдсонгүй. Өөр бичлэгээр эсвэл өөр хэлээр хайж үзнэ үү.</translation>
    </message>
    <message>
      <source>Search: “%1”</source>
      <translation>Хайлт: «%1»</translation>
    </message>
    <message>
      <source>Items found: %1</source>
      <translation>Олдсон үзмэр: %1</translation>
    </message>
    <message>
      <source>This catalogue is empty. Curators add exhibits with “exhibition-app import image”.</source>
      <translation>Каталог хоосон байна. Кураторууд «exhibition-app import image» тушаалаар үзмэр нэмнэ.</translation>
    </message>
    <message>
      <source>This part of the exhibition has no items yet.</source>
      <translation>Үзэсгэлэнгийн энэ хэсэгт одоогоор үзмэр алга.</translation>
    </message>
    <message>
      <source>There is no item %1 in this catalogue.</source>
      <translation>Энэ каталогт %1 дугаартай үзмэр алга.</translation>
    </message>
    <message>
      <source>Items in the collection: %1</source>
      <translation>Цуглуулгын үзмэр: %1</translation>
    </message>
  </context>
  <context>
    <name>MapPanel</name>
    <message>
      <source>Preparing the map for deep zoom…</source>
      <translation>Газрын зургийг ойртуулж үзэхэд бэлтгэж байна…</translation>
    </message>
    <message>
      <source>Fade</source>
      <translation>Тунгалаг</translation>
    </message>
    <message>
      <source>Compare with</source>
      <translation>Харьцуулах</translation>
    </message>
    <message>
      <source>This map is still being digitised.</source>
      <translation>Энэ газрын зургийг одоо тоон хэлбэрт шилжүүлж байна.</translation>
    </message>
    <message>
      <source>Then and now</source>
      <translation>Тэр үе ба өнөө үе</translation>
    </message>
    <message>
      <source>Places on this map</source>
      <translation>Газрын зураг дээрх газрууд</translation>
    </message>
    <message>
      <source>One map</source>
      <translation>Нэг газрын зураг</translation>
    </message>
    <message>
      <source>Places on this map: %1</source>
      <translation>Газрын зураг дээрх газрууд: %1</translation>
    </message>
    <message>
      <source>Back to the translation</source>
      <translation>Орчуулга руу буцах</translation>
    </message>
    <message>
      <source>Then and now: %1</source>
      <translation>Тэр үе ба өнөө үе: %1</translation>
    </message>
    <message>
      <source>Original text (%1)</source>
      <translation>Эх бичвэр: %1 хэлээр</translation>
    </message>
  </context>
  <context>
    <name>MediaPanel</name>
    <message>
      <source>The item's pictures</source>
      <translation>Үзмэрийн зургууд</translation>
    </message>
    <message>
      <source>Make cover</source>
      <translation>Нүүр зураг болгох</translation>
    </message>
    <message>
      <source>Add pictures…</source>
      <translation>Зураг нэмэх…</translation>
    </message>
    <message>
      <source>Drag pictures to change their order; drop image files here to add them.</source>
      <translation>Дарааллыг өөрчлөхийн тулд зургийг чирнэ үү; нэмэхийн тулд зургийн файлыг энд чирж оруулна уу.</translation>
    </message>
    <message>
      <source>Add pictures</source>
      <translation>Зураг нэмэх</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif)</source>
      <translation>Зургууд (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif)</translation>
    </message>
    <message>
      <source>cover</source>
      <translation>нүүр зураг</translation>
    </message>
  </context>
  <context>
    <name>MongolScript</name>
    <message>
      <source>Title in the traditional script</source>
      <translation>Монгол бичгээрх гарчиг</translation>
    </message>
    <message>
      <source>Traditional Mongolian (mn-Mong), written top to bottom: shown on the Mongolian item page and in the kiosk's attract loop</source>
      <translation>Монгол бичиг (mn-Mong), дээрээс доош бичнэ: монгол хэл дээрх үзмэрийн хуудсанд болон киоскийн хүлээлгийн горимд харуулна</translation>
    </message>
  </context>
  <context>
    <name>SignIn</name>
    <message>
      <source>Sign in to the curator workspace</source>
      <translation>Кураторын ажлын орчинд нэвтрэх</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Нэр</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Нууц үг</translation>
    </message>
    <message>
      <source>Every change you make is recorded with your name. Accounts are added with “exhibition-app users add NAME”.</source>
      <translation>Таны хийсэн өөрчлөлт бүр таны нэрээр бүртгэгдэнэ. Бүртгэлийг «exhibition-app users add NAME» тушаалаар нэмнэ.</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>Нэвтрэх</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Шалгаж байна…</translation>
    </message>
    <message>
      <source>Enter your name and password.</source>
      <translation>Нэр, нууц үгээ оруулна уу.</translation>
    </message>
    <message>
      <source>That name and password do not match.</source>
      <translation>Нэр, нууц үг таарахгүй байна.</translation>
    </message>
  </context>
  <context>
    <name>Visitors</name>
    <message>
      <source>Refresh</source>
      <translation>Шинэчлэх</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Үзмэр</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>Нээсэн удаа</translation>
    </message>
    <message>
      <source>Median time</source>
      <translation>Медиан хугацаа</translation>
    </message>
    <message>
      <source>Total time</source>
      <translation>Нийт хугацаа</translation>
    </message>
    <message>
      <source>Searches that found nothing</source>
      <translation>Үр дүнгүй хайлт</translation>
    </message>
    <message>
      <source>Times</source>
      <translation>Удаа</translation>
    </message>
    <message>
      <source>Kiosks: %1 · items opened: %2 · resets: %3 · languages chosen: %4</source>
      <translation>Киоск: %1 · нээсэн үзмэр: %2 · эхлэлд буцсан: %3 · хэл сонголт: %4</translation>
    </message>
  </context>
</TS>
