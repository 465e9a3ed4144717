"""A signed check-in code drawn as a QR code with a countdown; asks for a new one before expiry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import segno
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

# Ask for the next code this long before the shown one expires: a volunteer who scans in the
# last seconds still reaches the check-in field before the code lapses.
ROTATE_BEFORE_S = 60
QUIET_MODULES = 4  # the white margin a QR code needs around it to be found


def _now() -> datetime:
    return datetime.now(UTC)


class QrView(QWidget):
    """The QR code of a text, black on white, as large as the widget allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: tuple[tuple[bool, ...], ...] = ()
        self.setMinimumSize(QSize(160, 160))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_text(self, text: str) -> None:
        """Draw `text` (empty: nothing)."""
        if text:
            qr = segno.make(text, error="m", micro=False)
            self._matrix = tuple(tuple(bool(m) for m in row) for row in qr.matrix)
        else:
            self._matrix = ()
        self.update()

    @property
    def modules(self) -> int:
        """The QR code's size in modules (0 when empty)."""
        return len(self._matrix)

    def sizeHint(self) -> QSize:
        return QSize(280, 280)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        n = len(self._matrix)
        if not n:
            painter.end()
            return
        side = min(self.width(), self.height())
        # Whole pixels per module: a scanner reads sharp edges better than smoothed ones.
        module = max(1, side // (n + 2 * QUIET_MODULES))
        total = module * (n + 2 * QUIET_MODULES)
        x0 = (self.width() - total) // 2
        y0 = (self.height() - total) // 2
        painter.fillRect(QRectF(x0, y0, total, total), QColor("white"))
        origin_x = x0 + module * QUIET_MODULES
        origin_y = y0 + module * QUIET_MODULES
        black = QColor("black")
        for y, row in enumerate(self._matrix):
            x = 0
            while x < n:  # one rectangle per run of dark modules
                if row[x]:
                    start = x
                    while x < n and row[x]:
                        x += 1
                    painter.fillRect(
                        QRectF(
                            origin_x + start * module,
                            origin_y + y * module,
                            (x - start) * module,
                            module,
                        ),
                        black,
                    )
                else:
                    x += 1
        painter.end()


class CheckinQrWidget(QWidget):
    """A check-in code as a QR code, its place and a countdown. Emits `sig_rotate` once per
    code, `rotate_before_s` before it expires, and once more when it expires without a new
    one (the owner's fetch may have failed), for its owner to fetch the next one."""

    sig_rotate = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = _now,
        rotate_before_s: int = ROTATE_BEFORE_S,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.rotate_before_s = rotate_before_s
        self._text = ""
        self._expires_at: datetime | None = None
        self._asked = False
        self.qr = QrView()
        self.place_label = QLabel()
        self.place_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown_label = QLabel()
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = QFont(self.countdown_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        self.countdown_label.setFont(big)
        box = QVBoxLayout(self)
        box.addWidget(self.place_label)
        box.addWidget(self.qr, 1)
        box.addWidget(self.countdown_label)
        self._place = ""
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._show()

    # --- feeding --------------------------------------------------------------------------
    def set_code(self, text: str, expires_at: datetime, place: str = "") -> None:
        """Show a new code until `expires_at`; `place` is the words under the title."""
        self._text, self._expires_at, self._place = text, expires_at, place
        self._asked = False
        self.qr.set_text(text)
        self.timer.start()
        self._show()

    def clear(self) -> None:
        """Nothing to scan (signed out, or no key on this PC)."""
        self._text, self._expires_at, self._place = "", None, ""
        self.qr.set_text("")
        self.timer.stop()
        self._show()

    @property
    def code_text(self) -> str:
        """The code shown (empty when none or expired)."""
        return self._text if self.seconds_left() > 0 else ""

    def seconds_left(self) -> int:
        """Whole seconds until the shown code expires (0 when none or expired)."""
        if self._expires_at is None:
            return 0
        return max(0, int((self._expires_at - self._clock()).total_seconds()))

    # --- ticking --------------------------------------------------------------------------
    @Slot()
    def _on_timer_timeout(self) -> None:
        self.tick()

    def tick(self) -> None:
        """Update the countdown; ask for the next code when it is time."""
        left = self.seconds_left()
        if left <= 0 and self._text:
            self._text = ""
            self.qr.set_text("")  # an expired code is never left on screen to be scanned
            self._asked = False  # ask again: the owner may have failed to fetch one
        if self._expires_at is not None and left <= self.rotate_before_s and not self._asked:
            self._asked = True
            self.sig_rotate.emit()
        self._show()

    def _show(self) -> None:
        self.place_label.setText(self._place)
        left = self.seconds_left()
        if self._expires_at is None:
            self.countdown_label.setText(self.tr("No check-in code"))
        elif left <= 0:
            self.countdown_label.setText(self.tr("Code expired: waiting for a new one"))
        else:
            self.countdown_label.setText(
                self.tr("Valid for {m}:{s:02d}").format(m=left // 60, s=left % 60)
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)
