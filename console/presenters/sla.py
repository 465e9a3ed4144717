"""SLA breaches: recorded by a periodic job, told to supervisors wherever they are signed in."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer, Slot

from console.presenters.base import Presenter, PresenterContext
from core.events import ChangesAvailable
from core.permissions import Permission, Principal
from data.services.sla import ANSWER_TARGET, BREACH_TABLE, MAX_PER_RUN, SlaBreach
from widgets import labels
from widgets.notifications import Level

log = logging.getLogger(__name__)

CHECK_MS = 30_000  # how often this console looks for incidents past a target
BACKLOG_MS = 1_000  # the next batch of a backlog; other writes get the writer in between


class SlaPresenter(Presenter):
    """Looks for breaches every `check_ms` on the writer thread while someone is signed in.

    The breach rows reach every console through the change feed (`sla_breach`); a console
    whose user may review incidents (supervisors) shows a notification per breach within its
    scope. Operators see the queue's colours, as before.
    """

    name = "sla"
    watches = frozenset({BREACH_TABLE})

    def __init__(self, ctx: PresenterContext, check_ms: int = CHECK_MS):
        super().__init__(ctx)
        self._running = False
        self._closing = False
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self._on_timer_timeout)

    def signed_in(self, who: Principal) -> None:
        self.timer.start()
        self.check_now()

    def signed_out(self) -> None:
        self.timer.stop()

    def shutdown(self) -> None:
        self._closing = True  # a backlog's next batch is not started any more
        self.timer.stop()

    def reload(self) -> None:
        """Nothing is shown that could be stale: breaches are told as they are recorded."""

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.check_now()

    def check_now(self) -> None:
        """Record the breaches due now (one job at a time; the writer thread)."""
        if self._running or self._closing or self.who is None:
            return
        self._running = True
        sla = self.ctx.services.sla
        self.ctx.jobs.write(sla.record_breaches, self._on_recorded, self._on_failed, "sla check")

    def _on_recorded(self, ids: list[int]) -> None:
        self._running = False
        if ids:
            log.info("recorded %d SLA breaches", len(ids))
        if len(ids) >= MAX_PER_RUN:
            QTimer.singleShot(BACKLOG_MS, self, self.check_now)

    def _on_failed(self, exc: BaseException) -> None:
        self._running = False
        self.ctx.feedback.report(exc, self.tr("SLA check failed"))

    def on_changes(self, changes: ChangesAvailable) -> None:
        who = self.who
        ids = changes.ids(BREACH_TABLE)
        if who is None or not ids or not who.can(Permission.REVIEW_INCIDENTS):
            return
        sla = self.ctx.services.sla
        self.read_for(
            who,
            lambda: sla.breaches(who, ids),
            self._on_breaches_loaded,
            self.tr("Could not load SLA breaches"),
        )

    def _on_breaches_loaded(self, breaches: list[SlaBreach]) -> None:
        for b in breaches:
            self.ctx.feedback.notify(
                Level.WARNING,
                self.tr("SLA breach: {priority} #{id} {title}: {target}").format(
                    priority=labels.priority(b.priority),
                    id=b.incident_id,
                    title=b.title,
                    target=self.target_text(b.target),
                ),
                b.at,
            )

    def target_text(self, target: str) -> str:
        """The missed target in words."""
        if target == "acknowledge":
            return self.tr("not acknowledged in time")
        if target == "dispatch":
            return self.tr("not dispatched in time")
        if target == "resolve":
            return self.tr("not resolved in time")
        if target.startswith(ANSWER_TARGET):
            who = target.removeprefix(ANSWER_TARGET)
            return self.tr("{who} did not answer the assignment in time").format(who=who)
        return target
