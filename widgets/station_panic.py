"""The station's panic button: confirmed by holding it down, with a ring that fills meanwhile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

HOLD_MS = 2000  # long enough that a brush of the sleeve is not an alarm, short under stress
TICK_MS = 40  # the ring's repaint while held (25 per second; nothing else moves)
_CONFIRM_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _elapsed_clock() -> Callable[[], int]:
    timer = QElapsedTimer()
    timer.start()
    return timer.elapsed


class PanicButton(QWidget):
    """A large red button that fires only after being held for `hold_ms`.

    Mouse, touch (synthesised as mouse) and the keyboard (Space or Enter held down) work the
    same way; letting go early, leaving the button or losing focus cancels and sends nothing.
    `clock` returns milliseconds (tests pass their own and call `tick`).
    """

    sig_confirmed = Signal()  # GUI thread: held to the end; the caller raises the alarm
    sig_cancelled = Signal()  # GUI thread: let go early; nothing was sent

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        hold_ms: int = HOLD_MS,
        clock: Callable[[], int] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("stationPanic")
        self.hold_ms = hold_ms
        self._clock = clock or _elapsed_clock()
        self._started: int | None = None
        self._progress = 0.0
        self._fired = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Panic"))
        self.retranslate()

    # --- state ----------------------------------------------------------------------------
    @property
    def holding(self) -> bool:
        """True while the button is held and has not fired yet."""
        return self._started is not None

    @property
    def progress(self) -> float:
        """How far the hold has come, 0 … 1."""
        return self._progress

    def begin(self) -> None:
        """The button went down (mouse, touch or key)."""
        if self._started is not None or not self.isEnabled():
            return
        self._started = self._clock()
        self._fired = False
        self._progress = 0.0
        self._timer.start()
        self.update()

    def end(self) -> None:
        """The button came up: cancelled unless the hold was complete."""
        if self._started is None:
            return
        if self._advance():
            return  # a release after the full time counts, even between two ticks
        self._reset()
        self.sig_cancelled.emit()

    def tick(self) -> None:
        """Move the ring on; fire once the hold is complete."""
        self._advance()

    def _advance(self) -> bool:
        """Move the ring on; True if the hold completed now and the button fired."""
        if self._started is None:
            return False
        self._progress = min(1.0, (self._clock() - self._started) / max(1, self.hold_ms))
        if self._progress >= 1.0 and not self._fired:
            self._fired = True
            self._reset()
            self.sig_confirmed.emit()
            return True
        self.update()
        return False

    def _reset(self) -> None:
        self._timer.stop()
        self._started = None
        self._progress = 0.0
        self.update()

    def retranslate(self) -> None:
        """Texts in the current language."""
        seconds = max(1, round(self.hold_ms / 1000))
        self._title = self.tr("PANIC")
        self._hint = self.tr("Hold for {n} s").format(n=seconds)
        self._holding = self.tr("Keep holding…")
        self.setToolTip(
            self.tr(
                "Hold down for {n} seconds (or hold Space) to raise a P1 alarm at the "
                "control room. Letting go early sends nothing."
            ).format(n=seconds)
        )
        self.update()

    # --- events ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.begin()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.end()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        # A finger sliding off the button is a change of mind.
        if self.holding and not self.rect().contains(event.position().toPoint()):
            self.end()
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _CONFIRM_KEYS:
            if not event.isAutoRepeat():
                self.begin()
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() in _CONFIRM_KEYS:
            if not event.isAutoRepeat():
                self.end()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.end()
        super().focusOutEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.EnabledChange and not self.isEnabled():
            self._reset()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 16
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        enabled = self.isEnabled()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#c62828") if enabled else QColor("#5a5a5a"))
        p.drawEllipse(box.adjusted(14, 14, -14, -14))
        # The ring: grey track, white arc as the hold fills it.
        ring = box.adjusted(6, 6, -6, -6)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor("#3a3a3c"), 10))
        p.drawEllipse(ring)
        if self._progress > 0:
            p.setPen(QPen(QColor("#ffffff"), 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            p.drawArc(ring, 90 * 16, -round(self._progress * 360 * 16))
        if self.hasFocus():
            # Keyboard focus must be visible on a touch screen too (the dark theme's outline).
            p.setPen(QPen(QColor("#64d2ff"), 3, Qt.PenStyle.DashLine))
            p.drawRect(QRectF(self.rect()).adjusted(2, 2, -2, -2))
        p.setPen(QColor("#ffffff"))
        title = QFont(self.font())
        title.setPointSizeF(max(12.0, side / 9))
        title.setBold(True)
        p.setFont(title)
        upper = QRectF(box.left(), box.top(), box.width(), box.height() * 0.58)
        p.drawText(upper, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self._title)
        hint = QFont(self.font())
        hint.setPointSizeF(max(10.0, side / 18))
        p.setFont(hint)
        lower = QRectF(box.left(), box.top() + box.height() * 0.6, box.width(), box.height() * 0.3)
        text = self._holding if self.holding else self._hint
        p.drawText(lower, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        p.end()
