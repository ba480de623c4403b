"""A one-line label that shortens its text with an ellipsis instead of pushing its
neighbours out (a long exhibition title next to the header's buttons).

With :meth:`ElidedLabel.set_fit` (the kiosk's header) it first wraps to a few lines and
shrinks within limits (exhibition_app.ui.text_fit), and only then shortens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStyle, QStyleOption


class ElidedLabel(QLabel):
    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._fit: tuple[int, int, int] | None = None  # (lines, largest px, smallest px)

    def set_fit(self, max_lines: int, max_px: int, min_px: int) -> None:
        """Wrap to ``max_lines`` and shrink from ``max_px`` to ``min_px`` before eliding; the
        label is as tall as one line at ``max_px`` or ``max_lines`` at ``min_px``."""
        self._fit = (max_lines, max_px, min_px)
        self.updateGeometry()
        self.update()

    def fit(self):  # type: ignore[no-untyped-def]
        """How the text fits now (text_fit.Fit), or None for a plain one-line label."""
        if self._fit is None:
            return None
        from exhibition_app.ui.text_fit import fit_text

        lines, largest, smallest = self._fit
        rect = self.contentsRect()
        return fit_text(
            self.font(),
            self.text(),
            rect.width(),
            max_lines=lines,
            max_px=largest,
            min_px=smallest,
            height=rect.height(),
        )

    def sizeHint(self) -> QSize:
        m = self.contentsMargins()
        fm = self.fontMetrics()
        height = fm.height()
        if self._fit is not None:
            import math

            from PySide6.QtGui import QFont, QFontMetricsF

            lines, largest, smallest = self._fit
            font = QFont(self.font())
            font.setPixelSize(largest)
            one = QFontMetricsF(font).lineSpacing()
            font.setPixelSize(smallest)
            height = math.ceil(max(one, lines * QFontMetricsF(font).lineSpacing())) + 1
        return QSize(
            fm.horizontalAdvance(self.text()) + m.left() + m.right(),
            height + m.top() + m.bottom(),
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # a larger font needs a taller header

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleName(text)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, self)
        rect = self.contentsRect()
        painter.setPen(self.palette().color(self.foregroundRole()))
        fit = self.fit()
        if fit is not None:
            font = self.font()
            font.setPixelSize(fit.px)
            painter.setFont(font)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(rect, int(flags | Qt.TextFlag.TextWordWrap), fit.text)
            painter.end()
            return
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment()), text)
        painter.end()
