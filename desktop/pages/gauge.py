"""The score drawn so its direction is obvious: a bar from "safer" (0, left) to "more exposed"
(100, right), a marker at the score, and, once steps are done, a hollow marker where it was with
an arrow showing it moved towards safer. Palette colours only (light, dark, high contrast)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget


class ScoreGauge(QWidget):
    """Draws `value` (0-100, lower is better) and, when it has fallen, `before`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = 0
        self.before: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_score(self, value: int, before: int | None = None) -> None:
        self.value = max(0, min(100, value))
        self.before = before if before is not None and before != value else None
        self.setAccessibleName(self.accessible_text())
        self.update()

    def accessible_text(self) -> str:
        text = self.tr("Exposure score %1 out of 100; lower is better").replace("%1", str(self.value))
        if self.before is not None:
            text += self.tr(", down from %1").replace("%1", str(self.before))
        return text

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(320, int(line * 2.2) + 34)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def _x(self, bar: QRectF, value: int) -> float:
        return bar.left() + bar.width() * value / 100

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        line = self.fontMetrics().height()
        ink = pal.color(QPalette.ColorRole.WindowText)
        bar = QRectF(8, 13, self.width() - 16, line * 0.7)
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.setBrush(pal.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(bar, 4, 4)
        # The part from 0 to the score: how far from "nothing to find" the person is now.
        filled = QRectF(bar.left(), bar.top(), max(2.0, self._x(bar, self.value) - bar.left()), bar.height())
        painter.setBrush(pal.color(QPalette.ColorRole.Highlight))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(filled, 4, 4)
        painter.setPen(ink)
        painter.setBrush(ink)
        x1 = self._x(bar, self.value)
        painter.drawPolygon(QPolygonF([QPointF(x1 - 6, 1), QPointF(x1 + 6, 1), QPointF(x1, bar.top() + 2)]))
        below = bar.bottom() + 3
        if self.before is not None:
            # Where it was: a hollow marker under the bar, and an arrow towards "safer".
            x0 = self._x(bar, self.before)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(QPolygonF([QPointF(x0, below), QPointF(x0 - 6, below + 10),
                                           QPointF(x0 + 6, below + 10)]))
            y = below + 5
            painter.drawLine(QPointF(x0 - 7, y), QPointF(x1, y))
            painter.setBrush(ink)
            painter.drawPolygon(QPolygonF([QPointF(x1, y), QPointF(x1 + 7, y - 4), QPointF(x1 + 7, y + 4)]))
            below += 13
        labels = QRectF(bar.left(), below, bar.width(), line + 2)
        painter.drawText(labels, Qt.AlignmentFlag.AlignLeft, self.tr("0 · safer"))
        painter.drawText(labels, Qt.AlignmentFlag.AlignRight, self.tr("100 · more exposed"))
        painter.end()
