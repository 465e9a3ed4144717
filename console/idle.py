"""Idle detection: locks the screen after a stretch without keyboard or mouse input."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits `sig_idle` once the user has been idle for `timeout_ms`.

    Input only sets a flag; one timer checks it per period, so a moving mouse costs nothing
    but a comparison.
    """

    sig_idle = Signal()  # GUI thread

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._active = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.set_timeout(timeout_ms)

    def set_timeout(self, timeout_ms: int) -> None:
        """Change the idle time; 0 disables the lock."""
        self._timeout = timeout_ms
        self._timer.setInterval(max(timeout_ms, 1))

    def start(self) -> None:
        """Start watching (after sign-in or unlock)."""
        self._active = False
        if self._timeout > 0:
            self._timer.start()

    def stop(self) -> None:
        """Stop watching (while locked or signed out)."""
        self._timer.stop()

    @property
    def running(self) -> bool:
        """True while watching."""
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._active = True
        return False

    def _on_timer_timeout(self) -> None:
        if self._active:
            self._active = False
            self._timer.start()
            return
        self.sig_idle.emit()
