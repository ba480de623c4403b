<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
  <context>
    <name>Attract</name>
    <message>
      <source>Touch to explore</source>
      <translation>Коснитесь, чтобы начать</translation>
    </message>
  </context>
  <context>
    <name>Filters</name>
    <message>
      <source>Maps</source>
      <translation>Карты</translation>
    </message>
    <message>
      <source>Objects</source>
      <translation>Предметы</translation>
    </message>
    <message>
      <source>Photographs</source>
      <translation>Фотографии</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Документы</translation>
    </message>
    <message>
      <source>Before 1500</source>
      <translation>До 1500 года</translation>
    </message>
    <message>
      <source>1500–1800</source>
      <translation>1500–1800 гг.</translation>
    </message>
    <message>
      <source>After 1800</source>
      <translation>После 1800 года</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>Сбросить фильтры</translation>
    </message>
    <message>
      <source>Filters</source>
      <translation>Фильтры</translation>
    </message>
    <message>
      <source>Filter on</source>
      <translation>Фильтр включён</translation>
    </message>
    <message>
      <source>Filter off</source>
      <translation>Фильтр выключен</translation>
    </message>
  </context>
  <context>
    <name>ItemPage</name>
    <message>
      <source>Back to the gallery</source>
      <translation>Назад в галерею</translation>
    </message>
    <message>
      <source>Previous item</source>
      <translation>Предыдущий экспонат</translation>
    </message>
    <message>
      <source>Next item</source>
      <translation>Следующий экспонат</translation>
    </message>
    <message>
      <source>Related</source>
      <translation>Связанные экспонаты</translation>
    </message>
    <message>
      <source>Not yet translated: shown in %1</source>
      <translation>Ещё не переведено: показано на %1 языке</translation>
    </message>
    <message>
      <source>%1 of %2</source>
      <translation>%1 из %2</translation>
    </message>
  </context>
  <context>
    <name>Keyboard</name>
    <message>
      <source>Keyboard layout: Kazakh</source>
      <translation>Раскладка: казахская</translation>
    </message>
    <message>
      <source>Keyboard layout: Russian</source>
      <translation>Раскладка: русская</translation>
    </message>
    <message>
      <source>Keyboard layout: Mongolian</source>
      <translation>Раскладка: монгольская</translation>
    </message>
    <message>
      <source>Keyboard layout: Latin</source>
      <translation>Раскладка: латинская</translation>
    </message>
    <message>
      <source>On-screen keyboard</source>
      <translation>Экранная клавиатура</translation>
    </message>
    <message>
      <source>Space</source>
      <translation>Пробел</translation>
    </message>
    <message>
      <source>Backspace</source>
      <translation>Стереть</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>Очистить</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Готово</translation>
    </message>
  </context>
  <context>
    <name>Kiosk</name>
    <message>
      <source>Still there?</source>
      <translation>Вы ещё здесь?</translation>
    </message>
    <message>
      <source>Touch to keep looking</source>
      <translation>Коснитесь, чтобы продолжить просмотр</translation>
    </message>
    <message>
      <source>Still there? Touch to keep looking</source>
      <translation>Вы ещё здесь? Коснитесь, чтобы продолжить просмотр</translation>
    </message>
    <message>
      <source>Staff only: enter the PIN</source>
      <translation>Только для сотрудников: введите PIN-код</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Delete the last digit</source>
      <translation>Стереть последнюю цифру</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Подтвердить</translation>
    </message>
    <message>
      <source>Wrong PIN. Try again in %1 s</source>
      <translation>Неверный PIN-код. Повторите через %1 с</translation>
    </message>
    <message>
      <source>Please wait %1 s before the next try</source>
      <translation>Подождите %1 с до следующей попытки</translation>
    </message>
    <message>
      <source>Wrong PIN. Try again.</source>
      <translation>Неверный PIN-код. Попробуйте ещё раз.</translation>
    </message>
    <message>
      <source>Digits entered: %1</source>
      <translation>Введено цифр: %1</translation>
    </message>
    <message>
      <source>Home: the start of the exhibition</source>
      <translation>Домой: начало выставки</translation>
    </message>
    <message>
      <source>Larger text and higher contrast</source>
      <translation>Крупный текст и высокий контраст</translation>
    </message>
    <message>
      <source>This exhibition is not available at the moment.</source>
      <translation>Эта выставка сейчас недоступна.</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Проверка…</translation>
    </message>
    <message>
      <source>Show less</source>
      <translation>Свернуть</translation>
    </message>
    <message>
      <source>Read more</source>
      <translation>Читать дальше</translation>
    </message>
    <message>
      <source>This exhibition is being prepared. Please come back soon.</source>
      <translation>Эта выставка готовится. Заходите позже.</translation>
    </message>
    <message>
      <source>No staff PIN is set. Set one with: exhibition-app kiosk set-pin</source>
      <translation>PIN-код сотрудника не задан. Задайте его командой: exhibition-app kiosk set-pin</translation>
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
      <source>No items here match the chosen filters. Tap a filter again to switch it off, or clear the filters.</source>
      <translation>Под выбранные фильтры ничего не подходит. Коснитесь фильтра ещё раз, чтобы выключить его, или сбросьте фильтры.</translation>
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
      <source>Nothing matches your search. Try another spelling, or search in another language.</source>
      <translation>Ничего не найдено. Попробуйте другое написание или поиск на другом языке.</translation>
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
      <source>This catalogue is empty. Curators add exhibits with “exhibition-app import image”.</source>
      <translation>Каталог пуст. Кураторы добавляют экспонаты командой «exhibition-app import image».</translation>
    </message>
    <message>
      <source>This part of the exhibition has no items yet.</source>
      <translation>В этом разделе выставки пока нет экспонатов.</translation>
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
