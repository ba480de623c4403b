"""The attract loop: featured items (or a curator's tour) full screen, cross-fading, with
"Touch to explore" in English, Kazakh, Russian and Mongolian in turn, starting with the
kiosk's own language. A touch opens the exhibition in the language on screen at that moment;
a touch on one of the language marks under the button opens it in that language.

Images come from the thumbnail cache at display size, decoded on the image pool; only the
current and the next slide are kept. A touch or a key anywhere ends the loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QEasingCurve, QRectF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import QWidget

from exhibition_app.core.cards import ItemCard
from exhibition_app.core.languages import LANGUAGES, pick
from exhibition_app.ui.card_art import paint_picture_or_card
from exhibition_app.ui.gallery.model import request_thumbnail
from exhibition_app.ui.i18n import tr, tr_in
from exhibition_app.ui.kiosk.lockdown import is_forbidden_key
from exhibition_app.ui.mongol_vertical import paint_attract_band
from exhibition_app.ui.tasks import TaskManager
from exhibition_app.ui.text_fit import Fit, fit_text
from exhibition_app.ui.theme import FELT_RED, GOLD, MUTED, OCHRE, PARCHMENT, SANS, SERIF

if TYPE_CHECKING:
    from exhibition_app.catalog import Catalog
    from exhibition_app.ui.first_screen import EarlyThumbnail

SLIDE_MS = 8000
LANG_MS = 2000  # the call to action (and the caption) changes language this often
FADE_MS = 700
ATTRACT_SIDE = 1600
CTA = "Touch to explore"
LANG_MARKS = {"en": "EN", "kk": "ҚАЗ", "ru": "РУС", "mn": "МОН"}


#: The language marks are touch targets: each at least this tall and wide (DESIGN.md: 48).
MARK_TARGET_PX = 56
MARK_GAP_PX = 28


class AttractScreen(QWidget):
    dismissed = Signal()
    #: The language a touch chose (the one on screen, or the mark touched); sent just
    #: before ``dismissed``.
    language_chosen = Signal(str)

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attract")
        # Its paint fills every pixel: Qt then paints nothing of the window beneath it
        # (the gallery's tiles would otherwise be painted, and their thumbnails read,
        # before the first slide shows).
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.tasks = tasks
        self.catalog: Catalog | None = None
        #: Before the catalogue is open: reads a cached picture (ui/first_screen.py).
        self.early_thumbnail: EarlyThumbnail | None = None
        self.heading: dict[str, str] = {}
        self.cards: list[ItemCard] = []
        self.index = 0
        self.start_lang = "en"  # the kiosk's language: the loop speaks it first
        self.lang_index = 0
        self.reduced_motion = False
        self._pixmaps: dict[str, QPixmap] = {}
        self._previous: tuple[ItemCard, QPixmap | None] | None = None
        self._fade = 1.0
        self.slide_timer = QTimer(self, interval=SLIDE_MS)
        self.slide_timer.timeout.connect(self.next_slide)
        self.lang_timer = QTimer(self, interval=LANG_MS)
        self.lang_timer.timeout.connect(self._next_language)
        self.anim = QVariantAnimation(self)
        self.anim.setDuration(FADE_MS)
        self.anim.setStartValue(0.0)
        self.anim.setEndValue(1.0)
        self.anim.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self.anim.valueChanged.connect(self._faded)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(tr("Attract", "Touch to explore"))

    # -- content ---------------------------------------------------------------------------
    def set_slides(self, cards: Sequence[ItemCard], heading: dict[str, str]) -> None:
        self.cards = list(cards)
        self.heading = heading
        self.index = 0
        self._previous = None
        self._request(0)
        self._request(1)
        self.update()

    @property
    def current(self) -> ItemCard | None:
        return self.cards[self.index] if self.cards else None

    @property
    def lang(self) -> str:
        return LANGUAGES[self.lang_index % len(LANGUAGES)]

    def is_ready(self) -> bool:
        """The current slide can paint its final picture."""
        card = self.current
        return card is None or card.cover is None or card.cover.sha256 in self._pixmaps

    # -- running ---------------------------------------------------------------------------
    def start(self) -> None:
        self.index = 0
        self.lang_index = LANGUAGES.index(self.start_lang) if self.start_lang in LANGUAGES else 0
        self._previous = None
        self._fade = 1.0
        self._request(0)
        self._request(1)
        self.slide_timer.start()
        self.lang_timer.start()
        self.show()
        self.raise_()
        self.setFocus()
        self.update()

    def stop(self) -> None:
        self.slide_timer.stop()
        self.lang_timer.stop()
        self.anim.stop()
        self._previous = None
        self.hide()

    def next_slide(self) -> None:
        if len(self.cards) < 2:
            return
        old = self.cards[self.index]
        self._previous = (old, self._pixmap(old))
        self.index = (self.index + 1) % len(self.cards)
        self._request(self.index + 1)
        self._drop_unused()
        if self.reduced_motion:
            self._fade = 1.0
            self._previous = None
            self.update()
        else:
            self._fade = 0.0
            self.anim.start()

    def _next_language(self) -> None:
        self.lang_index = (self.lang_index + 1) % len(LANGUAGES)
        self.update()

    def _faded(self, value: object) -> None:
        self._fade = float(value)  # type: ignore[arg-type]
        if self._fade >= 1.0:
            self._previous = None
        self.update()

    # -- images ----------------------------------------------------------------------------
    def _pixmap(self, card: ItemCard) -> QPixmap | None:
        return self._pixmaps.get(card.cover.sha256) if card.cover is not None else None

    def _request(self, index: int) -> None:
        if not self.cards or (self.catalog is None and self.early_thumbnail is None):
            return
        card = self.cards[index % len(self.cards)]
        media, catalog = card.cover, self.catalog
        if media is None or media.sha256 in self._pixmaps:
            return
        if catalog is None and self.early_thumbnail is not None:
            # The cached first screen (ui/first_screen.py): a picture already in the
            # thumbnail cache; one that is not waits for the catalogue.
            self.early_thumbnail(media, ATTRACT_SIDE, self._early_loaded)
            return
        if catalog is not None:
            request_thumbnail(self.tasks, catalog, media, ATTRACT_SIDE, self._loaded)

    def _early_loaded(self, sha: str, image: QImage | None) -> None:
        if image is not None:
            self._loaded(sha, image)

    def _loaded(self, sha: str, image: QImage | None) -> None:
        self._pixmaps[sha] = QPixmap.fromImage(image) if image is not None else QPixmap()
        self._drop_unused()
        self.update()

    def _drop_unused(self) -> None:
        """Keep the pixmaps of the previous, current and next slides only."""
        if not self.cards:
            return
        keep = set()
        for offset in (-1, 0, 1):
            cover = self.cards[(self.index + offset) % len(self.cards)].cover
            if cover is not None:
                keep.add(cover.sha256)
        for sha in list(self._pixmaps):
            if sha not in keep:
                del self._pixmaps[sha]

    # -- input -----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A touch (Qt turns a tap into a press) or a click: the language on screen, or
        the language mark under the finger."""
        event.accept()
        point = event.position()
        touched = next(
            (code for code, rect in self.mark_targets().items() if rect.contains(point)),
            self.lang,
        )
        self.language_chosen.emit(touched)
        self.dismissed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not is_forbidden_key(event.key(), event.modifiers()):
            self.language_chosen.emit(self.lang)
            self.dismissed.emit()

    # -- painting --------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), QColor("#0b0a08"))
        stage = self.caption_boxes()["stage"]
        card = self.current
        if self._previous is not None and self._fade < 1.0:
            painter.setOpacity(1.0 - self._fade)
            self._paint_slide(painter, stage, *self._previous)
        if card is not None:
            painter.setOpacity(self._fade if self._previous is not None else 1.0)
            self._paint_slide(painter, stage, card, self._pixmap(card))
        painter.setOpacity(1.0)
        self._paint_caption(painter, card)
        if self.lang == "mn":  # and the titles in the traditional script, top to bottom
            paint_attract_band(
                painter, QRectF(self.rect()), card.text("title") if card else {}, self.heading
            )
        painter.end()

    def _paint_slide(
        self, painter: QPainter, stage: QRectF, card: ItemCard, pixmap: QPixmap | None
    ) -> None:
        lang = self.lang
        paint_picture_or_card(
            painter, stage, card, pixmap, lambda f: _text(card, f, lang), radius=16
        )

    def _cta_width(self, lang: str, pill_h: float) -> float:
        w, h = self.width(), self.height()
        font = QFont(SANS)
        font.setPixelSize(max(28, int(min(h, w * 1.2) * 0.038)))
        font.setWeight(QFont.Weight.DemiBold)

        return QFontMetricsF(font).horizontalAdvance(tr_in(lang, "Attract", CTA)) + pill_h * 1.2

    def caption_boxes(self, lang: str | None = None) -> dict[str, QRectF]:
        """Where the slide, the caption's lines and the call to action go: the caption on
        the left with the button on its right (landscape), or the caption across the screen
        above a centred button (portrait). The kiosk preflight checks these too."""
        w, h = self.width(), self.height()
        portrait = h > w
        left = w * 0.05
        top = h * (0.66 if portrait else 0.77)
        pill_h = max(72.0, min(h, w * 1.2) * 0.085)
        text_w = w * (0.90 if portrait else 0.55)
        if not portrait:  # the caption stops short of the call to action on its right
            text_w = min(text_w, w * 0.92 - self._cta_width(lang or self.lang, pill_h) - left)
        boxes = {
            "stage": QRectF(w * 0.04, h * 0.04, w * 0.92, h * (0.58 if portrait else 0.70)),
            "heading": QRectF(left, top, text_w, h * 0.035),
            "title": QRectF(left, top + h * 0.04, text_w, h * (0.09 if portrait else 0.10)),
            "meta": QRectF(left, top + h * (0.135 if portrait else 0.145), text_w, h * 0.035),
            "pill_h": QRectF(0, 0, pill_h, pill_h),
        }
        return boxes

    def caption_font_px(self) -> tuple[int, int]:
        """(largest, smallest) pixel size of a slide's title."""
        h = min(self.height(), round(self.width() * 1.2))
        return max(32, int(h * 0.05)), max(24, int(h * 0.026))

    def title_fit(self, card: ItemCard, lang: str) -> Fit:
        """The slide title wrapped to its box, shrunk within limits, shortened only then."""
        box = self.caption_boxes(lang)["title"]
        largest, smallest = self.caption_font_px()
        title = _text(card, "title", lang) or card.accession_number
        return fit_text(
            QFont(SERIF),
            title,
            box.width(),
            max_lines=3,
            max_px=largest,
            min_px=smallest,
            height=box.height(),
        )

    def _paint_caption(self, painter: QPainter, card: ItemCard | None) -> None:
        w, h = self.width(), self.height()
        boxes = self.caption_boxes(self.lang)
        shade_top = boxes["heading"].top() - h * 0.07
        shade = QLinearGradient(0, shade_top, 0, h)
        shade.setColorAt(0, QColor(11, 10, 8, 0))
        shade.setColorAt(0.35, QColor(11, 10, 8, 235))
        painter.fillRect(QRectF(0, shade_top, w, h - shade_top), shade)
        lang = self.lang
        kicker = QFont(SANS)
        kicker.setPixelSize(max(18, int(min(h, w * 1.2) * 0.022)))
        kicker.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        kicker.setCapitalization(QFont.Capitalization.AllUppercase)
        painter.setFont(kicker)
        painter.setPen(QColor(OCHRE))
        heading = pick(self.heading, lang).text if pick(self.heading, lang) else ""
        painter.drawText(boxes["heading"], heading)
        if card is not None:
            fit = self.title_fit(card, lang)
            title_font = QFont(SERIF)
            title_font.setPixelSize(fit.px)
            painter.setFont(title_font)
            painter.setPen(QColor(PARCHMENT))
            painter.drawText(
                boxes["title"],
                int(
                    Qt.AlignmentFlag.AlignLeft
                    | Qt.AlignmentFlag.AlignVCenter
                    | Qt.TextFlag.TextWordWrap
                ),
                fit.text,
            )
            meta = QFont(SANS)
            meta.setPixelSize(max(20, int(min(h, w * 1.2) * 0.026)))
            painter.setFont(meta)
            painter.setPen(QColor(MUTED))
            parts = [_text(card, "date", lang), _text(card, "culture", lang)]
            painter.drawText(boxes["meta"], "  ·  ".join(p for p in parts if p))
        self._paint_cta(painter, lang)

    def cta_rect(self, lang: str) -> QRectF:
        """The call to action's pill in ``lang``."""
        w, h = self.width(), self.height()
        boxes = self.caption_boxes(lang)
        pill_h = boxes["pill_h"].height()
        pill = QRectF(0, 0, self._cta_width(lang, pill_h), pill_h)
        if h > w:
            pill.moveCenter(QRectF(self.rect()).center())
            pill.moveTop(boxes["meta"].bottom() + h * 0.03)
        else:
            pill.moveTop(h * 0.79)
            pill.moveRight(w * 0.95)
        return pill

    def _mark_font(self, code: str, lang: str) -> QFont:
        w, h = self.width(), self.height()
        marks = QFont(SANS)
        marks.setPixelSize(max(20, int(min(h, w * 1.2) * 0.024)))
        marks.setBold(code == lang)
        marks.setUnderline(code == lang)
        return marks

    def _mark_rects(self, lang: str) -> dict[str, QRectF]:
        """Where each language mark's text is drawn, right-aligned under the button."""
        pill = self.cta_rect(lang)
        x, y = pill.right(), pill.bottom() + 14
        rects: dict[str, QRectF] = {}
        for code in reversed(LANGUAGES):
            font = self._mark_font(code, lang)
            mw = QFontMetricsF(font).horizontalAdvance(LANG_MARKS[code])
            x -= mw
            rects[code] = QRectF(x, y, mw + 2, font.pixelSize() * 1.6)
            x -= MARK_GAP_PX
        return {code: rects[code] for code in LANGUAGES}  # left to right

    def mark_targets(self) -> dict[str, QRectF]:
        """Each language mark's touch target: its text grown to at least MARK_TARGET_PX
        each way (neighbours meet half-way across the gap, so targets never overlap)."""
        targets = {}
        for code, rect in self._mark_rects(self.lang).items():
            grow_x = max(MARK_GAP_PX / 2, (MARK_TARGET_PX - rect.width()) / 2)
            grow_y = max(0.0, (MARK_TARGET_PX - rect.height()) / 2)
            targets[code] = rect.adjusted(-grow_x, -grow_y, grow_x, grow_y)
        ordered = [targets[c] for c in LANGUAGES]  # left to right
        for left, right in pairwise(ordered):
            if left.right() > right.left():
                middle = (left.right() + right.left()) / 2
                left.setRight(middle)
                right.setLeft(middle)
        return targets

    def _paint_cta(self, painter: QPainter, lang: str) -> None:
        w, h = self.width(), self.height()
        font = QFont(SANS)
        font.setPixelSize(max(28, int(min(h, w * 1.2) * 0.038)))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        text = tr_in(lang, "Attract", CTA)
        pill = self.cta_rect(lang)
        pill_h = pill.height()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(FELT_RED))
        painter.drawRoundedRect(pill, pill_h / 2, pill_h / 2)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        # Which language is speaking: the marks under the button, the current one bold,
        # gold and underlined (never colour alone). Each is a touch target too.
        for code, rect in self._mark_rects(lang).items():
            painter.setFont(self._mark_font(code, lang))
            painter.setPen(QColor(GOLD if code == lang else MUTED))
            painter.drawText(rect, LANG_MARKS[code])


def _text(card: ItemCard, field: str, lang: str) -> str:
    picked = pick(card.text(field), lang)
    return picked.text if picked else ""
