<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="mn_MN" sourcelanguage="en">
  <context>
    <name>Attract</name>
    <message>
      <source>Touch to explore</source>
      <translation>Хүрээд үзээрэй</translation>
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
    <name>ItemPage</name>
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
      <source>Not yet translated: shown in %1</source>
      <translation>Одоогоор орчуулаагүй: %1 хэлээр харуулж байна</translation>
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
      <source>This map is still being digitised.</source>
      <translation>Энэ газрын зургийг одоо тоон хэлбэрт шилжүүлж байна.</translation>
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
      <source>Then and now: %1</source>
      <translation>Тэр үе ба өнөө үе: %1</translation>
    </message>
  </context>
</TS>
