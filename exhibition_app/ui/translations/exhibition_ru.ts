<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
  <context>
    <name>ItemPage</name>
    <message>
      <source>Back to the gallery</source>
      <translation>Назад в галерею</translation>
    </message>
    <message>
      <source>Related</source>
      <translation>Связанные экспонаты</translation>
    </message>
    <message>
      <source>Not yet translated: shown in %1</source>
      <translation>Ещё не переведено: показано на %1 языке</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Object</source>
      <translation>Предмет</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>Карта</translation>
    </message>
    <message>
      <source>Photograph</source>
      <translation>Фотография</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Документ</translation>
    </message>
    <message>
      <source>Culture</source>
      <translation>Культура</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Место</translation>
    </message>
    <message>
      <source>Maker</source>
      <translation>Автор</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Датировка</translation>
    </message>
    <message>
      <source>Materials</source>
      <translation>Материалы</translation>
    </message>
    <message>
      <source>Technique</source>
      <translation>Техника</translation>
    </message>
    <message>
      <source>Dimensions</source>
      <translation>Размеры</translation>
    </message>
    <message>
      <source>Credit</source>
      <translation>Источник</translation>
    </message>
    <message>
      <source>Accession number</source>
      <translation>Инвентарный номер</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Страна</translation>
    </message>
    <message>
      <source>Licence</source>
      <translation>Лицензия</translation>
    </message>
    <message>
      <source>English</source>
      <translation>английском</translation>
    </message>
    <message>
      <source>Kazakh</source>
      <translation>казахском</translation>
    </message>
    <message>
      <source>Russian</source>
      <translation>русском</translation>
    </message>
    <message>
      <source>Mongolian</source>
      <translation>монгольском</translation>
    </message>
    <message>
      <source>German</source>
      <translation>немецком</translation>
    </message>
    <message>
      <source>Redrawing of</source>
      <translation>Оригинал</translation>
    </message>
    <message>
      <source>Shows</source>
      <translation>Изображено</translation>
    </message>
    <message>
      <source>See also</source>
      <translation>См. также</translation>
    </message>
    <message>
      <source>Redrawn as</source>
      <translation>Перерисовка</translation>
    </message>
    <message>
      <source>Seen in</source>
      <translation>На снимке</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Opening the exhibition…</source>
      <translation>Открываем выставку…</translation>
    </message>
    <message>
      <source>VIRTUAL EXHIBITION</source>
      <translation>ВИРТУАЛЬНАЯ ВЫСТАВКА</translation>
    </message>
    <message>
      <source>Search in any language…</source>
      <translation>Поиск на любом языке…</translation>
    </message>
    <message>
      <source>Search the collection</source>
      <translation>Поиск по коллекции</translation>
    </message>
    <message>
      <source>Exhibitions and sections</source>
      <translation>Выставки и разделы</translation>
    </message>
    <message>
      <source>Gallery</source>
      <translation>Галерея</translation>
    </message>
    <message>
      <source>Nothing matches your search. Try another spelling, or search in another language.</source>
      <translation>Ничего не найдено. Попробуйте другое написание или поиск на другом языке.</translation>
    </message>
    <message>
      <source>Virtual exhibition</source>
      <translation>Виртуальная выставка</translation>
    </message>
    <message>
      <source>The catalogue could not be opened: %1</source>
      <translation>Не удалось открыть каталог: %1</translation>
    </message>
    <message>
      <source>All items</source>
      <translation>Все экспонаты</translation>
    </message>
    <message>
      <source>This catalogue is empty. Curators add exhibits with “exhibition-app import image”.</source>
      <translation>Каталог пуст. Кураторы добавляют экспонаты командой «exhibition-app import image».</translation>
    </message>
    <message>
      <source>This part of the exhibition has no items yet.</source>
      <translation>В этом разделе выставки пока нет экспонатов.</translation>
    </message>
    <message>
      <source>Search: “%1”</source>
      <translation>Поиск: «%1»</translation>
    </message>
    <message>
      <source>Items found: %1</source>
      <translation>Найдено экспонатов: %1</translation>
    </message>
    <message>
      <source>There is no item %1 in this catalogue.</source>
      <translation>В каталоге нет экспоната %1.</translation>
    </message>
    <message>
      <source>Items in the collection: %1</source>
      <translation>Экспонатов в коллекции: %1</translation>
    </message>
  </context>
  <context>
    <name>MapPanel</name>
    <message>
      <source>Preparing the map for deep zoom…</source>
      <translation>Готовим карту к детальному просмотру…</translation>
    </message>
    <message>
      <source>Fade</source>
      <translation>Прозрачность</translation>
    </message>
    <message>
      <source>This map is still being digitised.</source>
      <translation>Эта карта ещё оцифровывается.</translation>
    </message>
    <message>
      <source>Places on this map</source>
      <translation>Места на карте</translation>
    </message>
    <message>
      <source>One map</source>
      <translation>Одна карта</translation>
    </message>
    <message>
      <source>Places on this map: %1</source>
      <translation>Места на карте: %1</translation>
    </message>
    <message>
      <source>Then and now: %1</source>
      <translation>Тогда и сейчас: %1</translation>
    </message>
  </context>
</TS>
