"""The presenter lifecycle and what every presenter is given to work with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QWidget

from console.bridge import EventBridge
from console.dialogs import Dialogs
from console.feedback import Feedback
from console.jobs import Jobs
from console.layout import LayoutStore
from console.read_order import InOrder
from console.shell.main_window import MainWindow
from core.events import ChangesAvailable
from core.permissions import Principal
from data.services import Services
from widgets.service_pane import TabbedPane
from widgets.visibility import in_view

T = TypeVar("T")


class SessionView(Protocol):
    """What presenters may know of the session."""

    @property
    def principal(self) -> Principal | None:
        """The signed-in user, None when nobody is."""
        ...

    @property
    def locked(self) -> bool:
        """True while the lock screen is up."""
        ...

    def sign_out_because(self, reason: str) -> None:
        """End the session; `reason` shows in the sign-in dialog that follows."""
        ...


@dataclass(frozen=True)
class PresenterContext:
    """Everything a presenter needs, passed in by the composition root."""

    services: Services
    jobs: Jobs
    window: MainWindow
    dialogs: Dialogs
    feedback: Feedback
    bridge: EventBridge
    session: SessionView
    zone: str
    reload_all: Callable[[], None]  # every presenter reloads (F5, database back)
    prefs: LayoutStore  # per-user choices on this workstation


class Relay(QObject):
    """Runs callables on the GUI thread that other threads hand over (queued signal)."""

    sig_call = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.sig_call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        fn()


class Presenter(QObject):
    """A capability's controller: its pane, actions and data, over one small lifecycle.

    Every method runs on the GUI thread. `watches` names the tables whose changes (from any
    workstation) reach `on_changes`; a presenter re-reads only what changed.
    """

    name = ""
    watches: frozenset[str] = frozenset()

    def __init__(self, ctx: PresenterContext):
        super().__init__(ctx.window)
        self.ctx = ctx
        self._view: QWidget | None = None  # `read_in_view`: the pane whose reads wait
        self._owed = False  # a reload waits for the pane to come into view
        self._in_order: dict[str, InOrder] = {}  # `read_for`: by label

    # --- reading only what can be seen ----------------------------------------------------
    def read_in_view(self, pane: QWidget, dock: QDockWidget) -> None:
        """`reload` reads only while `pane` can be seen; a pane behind another tab (or a
        closed one) is read when it comes forward. Sign-in and every change elsewhere then
        cost no read for the panes nobody looks at (and no audited read of personal data
        that nobody saw)."""
        self._view = pane
        if isinstance(pane, TabbedPane):
            pane.sig_shown.connect(self._on_view_shown)  # its dock, or a station screen's tab
        else:
            # Queued: the dock says so during the window's show, before the sign-in is handled.
            dock.visibilityChanged.connect(
                self._on_view_visibility, Qt.ConnectionType.QueuedConnection
            )

    def owe_unless_in_view(self) -> bool:
        """For a full reload: True, and the reload owed until the pane comes forward, when it
        cannot be seen; False when it may read now (and then nothing is owed any more)."""
        if self._view is None or in_view(self._view):
            self._owed = False
            return False
        self._owed = True
        return True

    def reload_instead(self) -> bool:
        """For a partial update (a few changed rows): True when it must not run — the pane
        cannot be seen (a full reload is owed), or a full reload was owed and runs now."""
        if self._view is None:
            return False
        if not in_view(self._view):
            self._owed = True
            return True
        if self._owed:
            self.reload()
            return True
        return False

    @Slot(bool)
    def _on_view_visibility(self, visible: bool) -> None:
        if visible:
            self._on_view_shown()

    @Slot()
    def _on_view_shown(self) -> None:
        if self._owed and self.who is not None and self._view is not None and in_view(self._view):
            self.reload()

    # --- lifecycle (the session controller calls these) ----------------------------------
    def signed_in(self, who: Principal) -> None:
        """A user signed in: load what they may see."""
        self.reload()

    def signed_out(self) -> None:
        """The user signed out: forget everything shown; the next user must not see it."""

    def locked(self) -> None:
        """The screen locked: nothing of this capability may stay readable or usable."""

    def unlocked(self) -> None:
        """The same user unlocked the screen."""

    def on_changes(self, changes: ChangesAvailable) -> None:
        """Rows of watched tables changed (here or on another workstation)."""
        self.reload()

    def reload(self) -> None:
        """Re-read everything this presenter shows."""

    def shutdown(self) -> None:
        """The console is closing: stop timers, drop references."""

    # --- helpers --------------------------------------------------------------------------
    @property
    def who(self) -> Principal | None:
        """The signed-in user."""
        return self.ctx.session.principal

    def read_for(
        self,
        who: Principal,
        job: Callable[[], T],
        on_result: Callable[[T], None],
        what: str,
        label: str = "",
    ) -> None:
        """A read for `who` whose result is dropped if another session has begun meanwhile.

        Results of reads with the same label (the presenter's name when none is given) are
        handed over in the order the reads were asked for (`InOrder`): the newest is
        applied last, whichever reader thread finishes first.
        """
        key = label or self.name
        order = self._in_order.get(key)
        if order is None:
            order = self._in_order[key] = InOrder()
        ticket = order.ticket()

        def apply(value: T) -> None:
            if self.who == who:
                on_result(value)

        def report(exc: BaseException) -> None:
            if self.who == who:
                self.ctx.feedback.report(exc, what)

        def deliver(value: T) -> None:
            order.settle(ticket, lambda: apply(value))

        def failed(exc: BaseException) -> None:
            order.settle(ticket, lambda: report(exc))

        self.ctx.jobs.read(job, deliver, failed, key)
