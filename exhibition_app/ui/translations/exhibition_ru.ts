<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en">
  <context>
    <name>AnnotationEditor</name>
    <message>
      <source>Add place</source>
      <translation>Добавить место</translation>
    </message>
    <message>
      <source>Move place</source>
      <translation>Переместить место</translation>
    </message>
    <message>
      <source>Delete place</source>
      <translation>Удалить место</translation>
    </message>
    <message>
      <source>This place no longer exists.</source>
      <translation>Этого места больше нет.</translation>
    </message>
    <message>
      <source>Filter places</source>
      <translation>Фильтр мест</translation>
    </message>
    <message>
      <source>Places on this map</source>
      <translation>Места на карте</translation>
    </message>
    <message>
      <source>Select a place in the list or on the map to edit its label and text. Press A, then click the map, to add one.</source>
      <translation>Выберите место в списке или на карте, чтобы изменить его подпись и текст. Чтобы добавить место, нажмите A и щёлкните на карте.</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Подпись</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Текст</translation>
    </message>
    <message>
      <source>Add places: click the map where a place goes (A)</source>
      <translation>Добавление мест: щёлкните на карте там, где должно быть место (A)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Delete the selected place (Del)</source>
      <translation>Удалить выбранное место (Del)</translation>
    </message>
    <message>
      <source>Whole map</source>
      <translation>Вся карта</translation>
    </message>
    <message>
      <source>Show the whole map (0)</source>
      <translation>Показать всю карту (0)</translation>
    </message>
    <message>
      <source>Click the map to add a place · Esc to stop</source>
      <translation>Щёлкните на карте, чтобы добавить место · Esc — завершить</translation>
    </message>
    <message>
      <source>Drag a ring to move it</source>
      <translation>Перетащите кольцо, чтобы переместить место</translation>
    </message>
    <message>
      <source>(no label)</source>
      <translation>(без подписи)</translation>
    </message>
    <message>
      <source>no label</source>
      <translation>без подписи</translation>
    </message>
    <message>
      <source>no text</source>
      <translation>без текста</translation>
    </message>
    <message>
      <source>x %1, y %2 px</source>
      <translation>x %1, y %2 px</translation>
    </message>
    <message>
      <source>Map annotations</source>
      <translation>Аннотации карты</translation>
    </message>
    <message>
      <source>Label (%1)</source>
      <translation>Подпись (%1)</translation>
    </message>
    <message>
      <source>Text (%1)</source>
      <translation>Текст (%1)</translation>
    </message>
    <message>
      <source>%1 places on this map</source>
      <translation>Мест на карте: %1</translation>
    </message>
    <message>
      <source>Also in other languages (kept as they are):</source>
      <translation>Есть и на других языках (останутся без изменений):</translation>
    </message>
    <message>
      <source>Change %1 (%2)</source>
      <translation>Изменить %1 (%2)</translation>
    </message>
    <message>
      <source>The change could not be saved: %1</source>
      <translation>Не удалось сохранить изменение: %1</translation>
    </message>
    <message>
      <source>%1 of %2 places</source>
      <translation>Места: %1 из %2</translation>
    </message>
    <message>
      <source>Choose a map to work on.</source>
      <translation>Выберите карту для работы.</translation>
    </message>
    <message>
      <source>Preparing the map for deep zoom…</source>
      <translation>Готовим карту к детальному просмотру…</translation>
    </message>
    <message>
      <source>Preparing the map was cancelled.</source>
      <translation>Подготовка карты отменена.</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Повторить</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Отменить</translation>
    </message>
    <message>
      <source>Redo: %1</source>
      <translation>Повторить: %1</translation>
    </message>
    <message>
      <source>Undo: %1</source>
      <translation>Отменить: %1</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Prepare the map</source>
      <translation>Подготовить карту</translation>
    </message>
    <message>
      <source>This map cannot be shown: %1</source>
      <translation>Эту карту невозможно показать: %1</translation>
    </message>
  </context>
  <context>
    <name>Attract</name>
    <message>
      <source>Touch to explore</source>
      <translation>Коснитесь, чтобы начать</translation>
    </message>
  </context>
  <context>
    <name>BulkImport</name>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Importing a folder</source>
      <translation>Импорт папки</translation>
    </message>
    <message>
      <source>Import stopped</source>
      <translation>Импорт остановлен</translation>
    </message>
    <message>
      <source>Cancelled: the rest of the folder was not imported.</source>
      <translation>Отменено: остальная часть папки не импортирована.</translation>
    </message>
    <message>
      <source>Imported: %1</source>
      <translation>Импортировано: %1</translation>
    </message>
    <message>
      <source>Looking for images in %1…</source>
      <translation>Поиск изображений в %1…</translation>
    </message>
    <message>
      <source>Look alike an existing picture: %1</source>
      <translation>Похожи на уже имеющиеся изображения: %1</translation>
    </message>
    <message>
      <source>Refused: %1</source>
      <translation>Отклонено: %1</translation>
    </message>
    <message>
      <source>Importing %1 of %2: %3</source>
      <translation>Импорт %1 из %2: %3</translation>
    </message>
  </context>
  <context>
    <name>Curator</name>
    <message>
      <source>published</source>
      <translation>опубликован</translation>
    </message>
    <message>
      <source>draft</source>
      <translation>черновик</translation>
    </message>
    <message>
      <source>Curator workspace</source>
      <translation>Рабочее место куратора</translation>
    </message>
    <message>
      <source>Filter items…</source>
      <translation>Фильтр экспонатов…</translation>
    </message>
    <message>
      <source>Items</source>
      <translation>Экспонаты</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Сведения</translation>
    </message>
    <message>
      <source>Pictures</source>
      <translation>Изображения</translation>
    </message>
    <message>
      <source>History</source>
      <translation>История</translation>
    </message>
    <message>
      <source>Exhibitions</source>
      <translation>Выставки</translation>
    </message>
    <message>
      <source>Visitors</source>
      <translation>Посетители</translation>
    </message>
    <message>
      <source>Actions</source>
      <translation>Действия</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Отменить</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Повторить</translation>
    </message>
    <message>
      <source>New item</source>
      <translation>Новый экспонат</translation>
    </message>
    <message>
      <source>Import folder…</source>
      <translation>Импортировать папку…</translation>
    </message>
    <message>
      <source>Publish</source>
      <translation>Опубликовать</translation>
    </message>
    <message>
      <source>Preview in the kiosk</source>
      <translation>Предпросмотр в киоске</translation>
    </message>
    <message>
      <source>Opening the catalogue…</source>
      <translation>Открываем каталог…</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>Готово</translation>
    </message>
    <message>
      <source>Cannot open the catalogue</source>
      <translation>Не удаётся открыть каталог</translation>
    </message>
    <message>
      <source>Reorder pictures</source>
      <translation>Изменить порядок изображений</translation>
    </message>
    <message>
      <source>pictures added</source>
      <translation>добавлены изображения</translation>
    </message>
    <message>
      <source>Restore this version?</source>
      <translation>Восстановить эту версию?</translation>
    </message>
    <message>
      <source>The item goes back to how it was in that version. Its present state stays in the history, so you can return to it.</source>
      <translation>Экспонат вернётся к состоянию этой версии. Текущее состояние сохранится в истории, и к нему можно будет вернуться.</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Title (in English)</source>
      <translation>Название (на английском)</translation>
    </message>
    <message>
      <source>Unpublish</source>
      <translation>Снять с публикации</translation>
    </message>
    <message>
      <source>Kiosk preview (drafts included)</source>
      <translation>Предпросмотр киоска (включая черновики)</translation>
    </message>
    <message>
      <source>Map annotations</source>
      <translation>Аннотации карты</translation>
    </message>
    <message>
      <source>Georeference</source>
      <translation>Геопривязка</translation>
    </message>
    <message>
      <source>Change the cover</source>
      <translation>Сменить обложку</translation>
    </message>
    <message>
      <source>Import a folder of images</source>
      <translation>Импорт папки с изображениями</translation>
    </message>
    <message>
      <source>Import a folder</source>
      <translation>Импорт папки</translation>
    </message>
    <message>
      <source>The images are</source>
      <translation>Тип изображений</translation>
    </message>
    <message>
      <source>Folder imported</source>
      <translation>Папка импортирована</translation>
    </message>
    <message>
      <source>Kiosk preflight</source>
      <translation>Предварительная проверка киоска</translation>
    </message>
    <message>
      <source>On the kiosk, some of this item's texts would be cut or some controls would be too small to touch. It is published anyway; shorten the texts and check again.</source>
      <translation>В киоске некоторые тексты этого экспоната будут обрезаны или некоторые элементы управления окажутся слишком малы для касания. Экспонат всё равно опубликован; сократите тексты и проверьте снова.</translation>
    </message>
    <message>
      <source>About the pictures you added</source>
      <translation>О добавленных изображениях</translation>
    </message>
    <message>
      <source>Import pictures</source>
      <translation>Импорт изображений</translation>
    </message>
    <message>
      <source>Add pictures</source>
      <translation>Добавить изображения</translation>
    </message>
    <message>
      <source>Version restored</source>
      <translation>Версия восстановлена</translation>
    </message>
    <message>
      <source>%1 looks like a picture of item %2 (added anyway)</source>
      <translation>%1 похоже на изображение экспоната №%2 (всё равно добавлено)</translation>
    </message>
    <message>
      <source>Signed in as %1</source>
      <translation>Вы вошли как %1</translation>
    </message>
    <message>
      <source>%1 of %2 items · ● published ○ draft</source>
      <translation>Экспонаты: %1 из %2 · ● опубликован ○ черновик</translation>
    </message>
    <message>
      <source>The daily backup failed: %1</source>
      <translation>Не удалось создать ежедневную резервную копию: %1</translation>
    </message>
    <message>
      <source>Saved: %1</source>
      <translation>Сохранено: %1</translation>
    </message>
    <message>
      <source>Daily backup saved in %1 (the last %2 are kept)</source>
      <translation>Ежедневная резервная копия сохранена в %1 (хранятся последние %2)</translation>
    </message>
  </context>
  <context>
    <name>DeepZoom</name>
    <message>
      <source>N</source>
      <translation>с. ш.</translation>
    </message>
    <message>
      <source>S</source>
      <translation>ю. ш.</translation>
    </message>
    <message>
      <source>E</source>
      <translation>в. д.</translation>
    </message>
    <message>
      <source>W</source>
      <translation>з. д.</translation>
    </message>
    <message>
      <source>%1 m</source>
      <translation>%1 м</translation>
    </message>
    <message>
      <source>%1%</source>
      <translation>%1 %</translation>
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
      <translation>Выставки</translation>
    </message>
    <message>
      <source>New exhibition…</source>
      <translation>Новая выставка…</translation>
    </message>
    <message>
      <source>History…</source>
      <translation>История…</translation>
    </message>
    <message>
      <source>Every version of this exhibition; restore any of them</source>
      <translation>Все версии этой выставки; любую из них можно восстановить</translation>
    </message>
    <message>
      <source>Introduction</source>
      <translation>Введение</translation>
    </message>
    <message>
      <source>Sections</source>
      <translation>Разделы</translation>
    </message>
    <message>
      <source>Add section</source>
      <translation>Добавить раздел</translation>
    </message>
    <message>
      <source>Remove section</source>
      <translation>Удалить раздел</translation>
    </message>
    <message>
      <source>Narrative</source>
      <translation>Повествование</translation>
    </message>
    <message>
      <source>Items in this section</source>
      <translation>Экспонаты раздела</translation>
    </message>
    <message>
      <source>All items</source>
      <translation>Все экспонаты</translation>
    </message>
    <message>
      <source>Take out of the section</source>
      <translation>Убрать из раздела</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Ключ</translation>
    </message>
    <message>
      <source>Change the key</source>
      <translation>Изменить ключ</translation>
    </message>
    <message>
      <source>Edit the exhibition's text</source>
      <translation>Изменить текст выставки</translation>
    </message>
    <message>
      <source>Edit a section's text</source>
      <translation>Изменить текст раздела</translation>
    </message>
    <message>
      <source>Title (English)</source>
      <translation>Название (на английском)</translation>
    </message>
    <message>
      <source>Add a section</source>
      <translation>Добавить раздел</translation>
    </message>
    <message>
      <source>Remove a section</source>
      <translation>Удалить раздел</translation>
    </message>
    <message>
      <source>Reorder sections</source>
      <translation>Изменить порядок разделов</translation>
    </message>
    <message>
      <source>Add items</source>
      <translation>Добавить экспонаты</translation>
    </message>
    <message>
      <source>Take an item out</source>
      <translation>Убрать экспонат</translation>
    </message>
    <message>
      <source>New exhibition</source>
      <translation>Новая выставка</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>Add to the section</source>
      <translation>Добавить в раздел</translation>
    </message>
    <message>
      <source>Sections (drag to reorder)</source>
      <translation>Разделы (перетащите, чтобы изменить порядок)</translation>
    </message>
    <message>
      <source>Items in this section (drag to reorder)</source>
      <translation>Экспонаты раздела (перетащите, чтобы изменить порядок)</translation>
    </message>
    <message>
      <source>All items (drag into the section)</source>
      <translation>Все экспонаты (перетащите в раздел)</translation>
    </message>
    <message>
      <source>Restore an earlier version</source>
      <translation>Восстановить прежнюю версию</translation>
    </message>
    <message>
      <source>Undo: %1</source>
      <translation>Отмена: %1</translation>
    </message>
    <message>
      <source>Reorder items</source>
      <translation>Изменить порядок экспонатов</translation>
    </message>
    <message>
      <source>History of %1</source>
      <translation>История: %1</translation>
    </message>
    <message>
      <source>Restored without some items</source>
      <translation>Восстановлено без некоторых экспонатов</translation>
    </message>
    <message>
      <source>(untitled section)</source>
      <translation>(раздел без названия)</translation>
    </message>
    <message>
      <source>That version showed items that have since been deleted: %1. The rest is restored.</source>
      <translation>В этой версии были экспонаты, которые с тех пор удалены: %1. Остальное восстановлено.</translation>
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
    <name>GeorefEditor</name>
    <message>
      <source>Affine (at least 3 points)</source>
      <translation>Аффинная (не менее 3 точек)</translation>
    </message>
    <message>
      <source>Second-order polynomial (at least 6 points)</source>
      <translation>Полином второго порядка (не менее 6 точек)</translation>
    </message>
    <message>
      <source>A latitude lies between 90 S and 90 N.</source>
      <translation>Широта должна быть в пределах от 90 S до 90 N.</translation>
    </message>
    <message>
      <source>A longitude lies between -360 and 360 degrees.</source>
      <translation>Долгота должна быть в пределах от -360 до 360 градусов.</translation>
    </message>
    <message>
      <source>Apply georeference</source>
      <translation>Применить геопривязку</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Аппроксимация</translation>
    </message>
    <message>
      <source>Kind of fit</source>
      <translation>Тип аппроксимации</translation>
    </message>
    <message>
      <source>Control points</source>
      <translation>Опорные точки</translation>
    </message>
    <message>
      <source>Use the map's places</source>
      <translation>Взять места с карты</translation>
    </message>
    <message>
      <source>Take every place on this map that has a longitude and latitude</source>
      <translation>Взять все места на карте, у которых есть долгота и широта</translation>
    </message>
    <message>
      <source>Fit the points and show the residuals</source>
      <translation>Выполнить аппроксимацию по точкам и показать невязки</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Применить</translation>
    </message>
    <message>
      <source>Save this georeference to the map</source>
      <translation>Сохранить эту геопривязку для карты</translation>
    </message>
    <message>
      <source>Saved: not georeferenced.</source>
      <translation>Сохранено: без геопривязки.</translation>
    </message>
    <message>
      <source>Add control point</source>
      <translation>Добавить опорную точку</translation>
    </message>
    <message>
      <source>Move control point</source>
      <translation>Переместить опорную точку</translation>
    </message>
    <message>
      <source>Delete control point</source>
      <translation>Удалить опорную точку</translation>
    </message>
    <message>
      <source>Change the kind of fit</source>
      <translation>Изменить тип аппроксимации</translation>
    </message>
    <message>
      <source>Change x of point %1</source>
      <translation>Изменить x точки %1</translation>
    </message>
    <message>
      <source>Change y of point %1</source>
      <translation>Изменить y точки %1</translation>
    </message>
    <message>
      <source>Change longitude of point %1</source>
      <translation>Изменить долготу точки %1</translation>
    </message>
    <message>
      <source>Change latitude of point %1</source>
      <translation>Изменить широту точки %1</translation>
    </message>
    <message>
      <source>No control points yet. Press A and click a place you can identify on the map, then type its longitude and latitude in the table; or use the map's places.</source>
      <translation>Опорных точек пока нет. Нажмите A и щёлкните по узнаваемому месту на карте, затем введите его долготу и широту в таблице; или возьмите места с карты.</translation>
    </message>
    <message>
      <source>Type the longitude as a number of degrees, e.g. 68.77 or 12.5 W.</source>
      <translation>Введите долготу в градусах, например 68.77 или 12.5 W.</translation>
    </message>
    <message>
      <source>Type the latitude as a number of degrees, e.g. 38.56 or 12 S.</source>
      <translation>Введите широту в градусах, например 38.56 или 12 S.</translation>
    </message>
    <message>
      <source>A longitude is east (E) or west (W), not N or S.</source>
      <translation>Долгота бывает восточной (E) или западной (W), а не N или S.</translation>
    </message>
    <message>
      <source>A latitude is north (N) or south (S), not E or W.</source>
      <translation>Широта бывает северной (N) или южной (S), а не E или W.</translation>
    </message>
    <message>
      <source>Add point</source>
      <translation>Добавить точку</translation>
    </message>
    <message>
      <source>Add control points: click a place you can identify (A)</source>
      <translation>Добавление опорных точек: щёлкните по узнаваемому месту (A)</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Удалить</translation>
    </message>
    <message>
      <source>Delete the selected point (Del)</source>
      <translation>Удалить выбранную точку (Del)</translation>
    </message>
    <message>
      <source>Whole map</source>
      <translation>Вся карта</translation>
    </message>
    <message>
      <source>Show the whole map (0)</source>
      <translation>Показать всю карту (0)</translation>
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
      <translation>Долгота</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>Широта</translation>
    </message>
    <message>
      <source>Residual</source>
      <translation>Невязка</translation>
    </message>
    <message>
      <source>Click a place you can identify · Esc to stop</source>
      <translation>Щёлкните по узнаваемому месту · Esc — завершить</translation>
    </message>
    <message>
      <source>Drag a crosshair to move it</source>
      <translation>Перетащите перекрестие, чтобы переместить точку</translation>
    </message>
    <message>
      <source>Saved: whole-world plate carrée (equirectangular).</source>
      <translation>Сохранено: весь мир, plate carrée (равнопромежуточная проекция).</translation>
    </message>
    <message>
      <source>Use the map's places as control points</source>
      <translation>Использовать места карты как опорные точки</translation>
    </message>
    <message>
      <source>Georeference</source>
      <translation>Геопривязка</translation>
    </message>
    <message>
      <source>This is the saved georeference.</source>
      <translation>Это сохранённая геопривязка.</translation>
    </message>
    <message>
      <source>This map has no places with a longitude and latitude.</source>
      <translation>На этой карте нет мест с долготой и широтой.</translation>
    </message>
    <message>
      <source>An affine fit needs at least 3 points with longitude and latitude; there are %1.</source>
      <translation>Для аффинной аппроксимации нужно не менее 3 точек с долготой и широтой; сейчас их: %1.</translation>
    </message>
    <message>
      <source>A second-order polynomial fit needs at least 6 points with longitude and latitude; there are %1.</source>
      <translation>Для полинома второго порядка нужно не менее 6 точек с долготой и широтой; сейчас их: %1.</translation>
    </message>
    <message>
      <source>A pixel position lies inside the image.</source>
      <translation>Координаты в пикселях должны быть в пределах изображения.</translation>
    </message>
    <message>
      <source>The largest residual: check this point</source>
      <translation>Наибольшая невязка: проверьте эту точку</translation>
    </message>
    <message>
      <source>%1 points are ready: press Fit to see the residuals.</source>
      <translation>Готово точек: %1. Нажмите «Аппроксимация», чтобы увидеть невязки.</translation>
    </message>
    <message>
      <source>RMS error %1 px over %2 points.</source>
      <translation>Ошибка RMS: %1 px (точек: %2).</translation>
    </message>
    <message>
      <source>The georeference could not be saved: %1</source>
      <translation>Не удалось сохранить геопривязку: %1</translation>
    </message>
    <message>
      <source>Type the longitude and latitude of point %1 in the table.</source>
      <translation>Введите в таблицу долготу и широту точки %1.</translation>
    </message>
    <message>
      <source>%1 px</source>
      <translation>%1 px</translation>
    </message>
    <message>
      <source>Type a value, e.g. 68.77 or 12.5 W</source>
      <translation>Введите значение, например 68.77 или 12.5 W</translation>
    </message>
    <message>
      <source>⚠ Largest residual: point %1, %2 px.</source>
      <translation>⚠ Наибольшая невязка: точка %1, %2 px.</translation>
    </message>
    <message>
      <source>Saved: %1 fit through %2 control points, RMS %3 px.</source>
      <translation>Сохранено: %1, опорных точек: %2, RMS %3 px.</translation>
    </message>
    <message>
      <source>affine</source>
      <translation>аффинная аппроксимация</translation>
    </message>
    <message>
      <source>second-order polynomial</source>
      <translation>полином второго порядка</translation>
    </message>
  </context>
  <context>
    <name>History</name>
    <message>
      <source>Created</source>
      <translation>Создано</translation>
    </message>
    <message>
      <source>Edited</source>
      <translation>Изменено</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>Удалено</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Опубликовано</translation>
    </message>
    <message>
      <source>Unpublished</source>
      <translation>Снято с публикации</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>Восстановлено</translation>
    </message>
    <message>
      <source>Imported</source>
      <translation>Импортировано</translation>
    </message>
    <message>
      <source>Restore this version…</source>
      <translation>Восстановить эту версию…</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Когда</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Кто</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Что</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Изменения</translation>
    </message>
    <message>
      <source>No recorded changes yet.</source>
      <translation>Изменений пока не записано.</translation>
    </message>
    <message>
      <source>(current)</source>
      <translation>(текущая)</translation>
    </message>
    <message>
      <source>%1 versions. Select one to restore it.</source>
      <translation>Версий: %1. Выберите версию, чтобы восстановить её.</translation>
    </message>
  </context>
  <context>
    <name>ItemEditor</name>
    <message>
      <source>Title (Mongol script)</source>
      <translation>Название (старомонгольское письмо)</translation>
    </message>
    <message>
      <source>e.g. c. 1720, 1680s, 18th century</source>
      <translation>например: c. 1720, 1680s, 18th century</translation>
    </message>
    <message>
      <source>Featured in the kiosk's attract loop</source>
      <translation>Показывается в заставке киоска</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Date (EDTF)</source>
      <translation>Датировка (EDTF)</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Источник</translation>
    </message>
    <message>
      <source>State</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Featured</source>
      <translation>Избранное</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>Change %1</source>
      <translation>Изменение: %1</translation>
    </message>
    <message>
      <source>Type a date as you would say it.</source>
      <translation>Введите дату в свободной форме (по-английски).</translation>
    </message>
    <message>
      <source>No item selected</source>
      <translation>Экспонат не выбран</translation>
    </message>
    <message>
      <source>Title and description in every language</source>
      <translation>Название и описание на всех языках</translation>
    </message>
    <message>
      <source>A licence must be a web address (URI).</source>
      <translation>Лицензия должна быть веб-адресом (URI).</translation>
    </message>
    <message>
      <source>Not a date yet</source>
      <translation>Пока не распознано как дата</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Опубликован</translation>
    </message>
    <message>
      <source>Draft: not shown in kiosks</source>
      <translation>Черновик: не показывается в киосках</translation>
    </message>
    <message>
      <source>Missing: %1</source>
      <translation>Не заполнено: %1</translation>
    </message>
    <message>
      <source>EDTF %1 · from %2 to %3</source>
      <translation>EDTF %1 · с %2 по %3</translation>
    </message>
  </context>
  <context>
    <name>ItemPage</name>
    <message>
      <source>Not yet translated: shown in %1</source>
      <translation>Ещё не переведено: показано на %1 языке</translation>
    </message>
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
      <source>Title</source>
      <translation>Название</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Описание</translation>
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
      <source>Compare with</source>
      <translation>Сравнить с</translation>
    </message>
    <message>
      <source>This map is still being digitised.</source>
      <translation>Эта карта ещё оцифровывается.</translation>
    </message>
    <message>
      <source>Then and now</source>
      <translation>Тогда и сейчас</translation>
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
      <source>Back to the translation</source>
      <translation>Вернуться к переводу</translation>
    </message>
    <message>
      <source>Then and now: %1</source>
      <translation>Тогда и сейчас: %1</translation>
    </message>
    <message>
      <source>Original text (%1)</source>
      <translation>Оригинал на %1 языке</translation>
    </message>
  </context>
  <context>
    <name>MediaPanel</name>
    <message>
      <source>The item's pictures</source>
      <translation>Изображения экспоната</translation>
    </message>
    <message>
      <source>Make cover</source>
      <translation>Сделать обложкой</translation>
    </message>
    <message>
      <source>Add pictures…</source>
      <translation>Добавить изображения…</translation>
    </message>
    <message>
      <source>Drag pictures to change their order; drop image files here to add them.</source>
      <translation>Перетаскивайте изображения, чтобы изменить их порядок; чтобы добавить изображения, перетащите сюда файлы.</translation>
    </message>
    <message>
      <source>Add pictures</source>
      <translation>Добавить изображения</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif)</source>
      <translation>Изображения (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif)</translation>
    </message>
    <message>
      <source>cover</source>
      <translation>обложка</translation>
    </message>
  </context>
  <context>
    <name>MongolScript</name>
    <message>
      <source>Title in the traditional script</source>
      <translation>Название старомонгольским письмом</translation>
    </message>
    <message>
      <source>Traditional Mongolian (mn-Mong), written top to bottom: shown on the Mongolian item page and in the kiosk's attract loop</source>
      <translation>Старомонгольское письмо (mn-Mong), пишется сверху вниз: показывается на странице экспоната на монгольском и в заставке киоска</translation>
    </message>
  </context>
  <context>
    <name>SignIn</name>
    <message>
      <source>Sign in to the curator workspace</source>
      <translation>Вход в рабочее место куратора</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Имя</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Пароль</translation>
    </message>
    <message>
      <source>Every change you make is recorded with your name. Accounts are added with “exhibition-app users add NAME”.</source>
      <translation>Каждое ваше изменение записывается под вашим именем. Учётные записи добавляются командой «exhibition-app users add NAME».</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>Войти</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>Проверка…</translation>
    </message>
    <message>
      <source>Enter your name and password.</source>
      <translation>Введите имя и пароль.</translation>
    </message>
    <message>
      <source>That name and password do not match.</source>
      <translation>Имя и пароль не совпадают.</translation>
    </message>
  </context>
  <context>
    <name>Visitors</name>
    <message>
      <source>Refresh</source>
      <translation>Обновить</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Экспонат</translation>
    </message>
    <message>
      <source>Opened</source>
      <translation>Открытий</translation>
    </message>
    <message>
      <source>Median time</source>
      <translation>Медианное время</translation>
    </message>
    <message>
      <source>Total time</source>
      <translation>Общее время</translation>
    </message>
    <message>
      <source>Searches that found nothing</source>
      <translation>Поиски без результатов</translation>
    </message>
    <message>
      <source>Times</source>
      <translation>Сколько раз</translation>
    </message>
    <message>
      <source>Kiosks: %1 · items opened: %2 · resets: %3 · languages chosen: %4</source>
      <translation>Киоски: %1 · открыто экспонатов: %2 · сбросов: %3 · выбор языка: %4</translation>
    </message>
  </context>
</TS>
