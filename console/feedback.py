"""Telling the operator what went wrong: one wording for refusals and errors, in the UI language."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject

from core.incidents import FourEyesError, TransitionError
from core.permissions import PermissionDenied
from data.db import database_problem
from widgets.notifications import Level

log = logging.getLogger(__name__)

Notify = Callable[[Level, str, datetime | None], None]


class Feedback(QObject):
    """Turns exceptions into operator-facing text; the raw error goes to the log."""

    def __init__(
        self,
        db_url: str,
        show_message: Callable[[str, int], None],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._db_url = db_url
        self._show_message = show_message
        self._notify: Notify | None = None

    def set_notifier(self, notify: Notify) -> None:
        """Where notifications go (the notification pane, once it exists)."""
        self._notify = notify

    def notify(self, level: Level, text: str, at: datetime | None = None) -> None:
        """Add a message to the notification area (and the log when there is none yet)."""
        if self._notify is None:
            log.warning("notification before the notification area exists: %s", text)
            return
        self._notify(level, text, at)

    def message(self, text: str, timeout_ms: int = 6000) -> None:
        """A passing status-bar message."""
        self._show_message(text, timeout_ms)

    def describe(self, exc: BaseException) -> str:
        """An operator-facing reason in the UI language."""
        if isinstance(exc, PermissionDenied):
            return self.tr("your role does not allow this")
        if isinstance(exc, FourEyesError):
            return self.tr(
                "you resolved this incident yourself: another supervisor must review and close it"
            )
        if isinstance(exc, TransitionError):
            return self.tr("the incident's current state does not allow this change")
        if isinstance(exc, LookupError):
            return self.tr("the item no longer exists (another workstation may have changed it)")
        return database_problem(exc, self._db_url) or str(exc) or type(exc).__name__

    def report(self, exc: BaseException, what: str) -> None:
        """A failed job: a notification (a warning for a refusal) and a status message."""
        if isinstance(exc, PermissionDenied):
            text = self.tr("{what}: your role does not allow this.").format(what=what)
            self.notify(Level.WARNING, text)
        else:
            log.error("%s: %s", what, exc, exc_info=exc)
            self.notify(Level.ERROR, f"{what}: {self.describe(exc)}")
        self.message(what)
