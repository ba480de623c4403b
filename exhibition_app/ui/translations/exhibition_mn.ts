<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="mn_MN" sourcelanguage="en">
  <context>
    <name>ItemPage</name>
    <message>
      <source>Back to the gallery</source>
      <translation>Галерей руу буцах</translation>
    </message>
    <message>
      <source>Related</source>
      <translation>Холбоотой үзмэр</translation>
    </message>
    <message>
      <source>Not yet translated: shown in %1</source>
      <translation>Одоогоор орчуулаагүй: %1 хэлээр харуулж байна</translation>
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
      <source>Nothing matches your search. Try another spelling, or search in another language.</source>
      <translation>Юу ч олдсонгүй. Өөр бичлэгээр эсвэл өөр хэлээр хайж үзнэ үү.</translation>
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
      <source>This catalogue is empty. Curators add exhibits with “exhibition-app import image”.</source>
      <translation>Каталог хоосон байна. Кураторууд «exhibition-app import image» тушаалаар үзмэр нэмнэ.</translation>
    </message>
    <message>
      <source>This part of the exhibition has no items yet.</source>
      <translation>Үзэсгэлэнгийн энэ хэсэгт одоогоор үзмэр алга.</translation>
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
