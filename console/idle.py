"""Idle detection: locks the screen after a stretch without keyboard or mouse input."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

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

    It filters the application's events only while it waits for input: the first input of a
    period sets a flag and takes the filter off until the period's timer looks at the flag, so
    typing, a moving mouse and every paint or timer event cost nothing in between (an
    application-wide filter is a Python call per event). Stopped or with the lock off (0), no
    filter is installed at all.
    """

    sig_idle = Signal()  # GUI thread

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self._active = False
        self._listening = False
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
            self._listen(True)
            self._timer.start()

    def stop(self) -> None:
        """Stop watching (while locked or signed out)."""
        self._timer.stop()
        self._listen(False)

    @property
    def running(self) -> bool:
        """True while watching."""
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._active = True
            self._listen(False)  # one input a period is enough; the timer listens again
        return False

    def _on_timer_timeout(self) -> None:
        if self._active:
            self._active = False
            self._listen(True)
            self._timer.start()
            return
        self._listen(False)
        self.sig_idle.emit()

    def _listen(self, on: bool) -> None:
        app = QCoreApplication.instance()
        if app is None or on == self._listening:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._listening = on
