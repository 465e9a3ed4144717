"""The alarm capability: hosts the DC-09 receiver and the ingest, shows the receiver's state."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from console.presenters.base import Presenter, PresenterContext
from console.threads import ThreadOwner
from core.alarm_plan import plan_from_site
from core.alarms import AlarmReceiverState, PanelAccount
from core.site import SiteSpec
from data.alarm_ingest import SUPERVISE_EVERY_S, AlarmIngest, UnknownAlarmAccount
from widgets.alarm_status import AlarmReceiverLabel
from widgets.notifications import Level

if TYPE_CHECKING:
    # Imported where a receiver is hosted: the AES code they load costs every other console
    # its start-up time (tests/integration/test_startup_and_screenshot.py).
    from hardware.alarms.dc09 import Dc09Receiver
    from hardware.alarms.sim import PanelSimulator

log = logging.getLogger(__name__)

JOURNAL_NAME = "alarm-journal.jsonl"


class AlarmsPresenter(Presenter):
    """Runs the receiver and the ingest when the site file puts them on this workstation.

    They start with the console, before anyone signs in: a panel's alarm must be taken and
    acknowledged whoever is (or is not) at the desk. New alarm incidents reach the queue
    through the change feed, which the ingest wakes after each commit.
    """

    name = "alarms"

    def __init__(
        self,
        ctx: PresenterContext,
        *,
        site: SiteSpec | None,
        workstation: str,
        enabled: bool,
        owner: ThreadOwner,
        journal_dir: Path,
        on_committed: Callable[[], None],
    ):
        super().__init__(ctx)
        self.label = AlarmReceiverLabel()
        self.receiver: Dc09Receiver | None = None
        self.ingest: AlarmIngest | None = None
        self.simulator: PanelSimulator | None = None
        self._was_listening: bool | None = None
        spec = site.alarm_receiver if site is not None else None
        if site is None or spec is None or not enabled or spec.workstation != workstation:
            return
        ctx.window.add_status_widget(self.label)
        ctx.bridge.subscribe(AlarmReceiverState, self._on_receiver_state)
        ctx.bridge.subscribe(UnknownAlarmAccount, self._on_unknown_account)
        plan = plan_from_site(site)
        windows = [p.supervision.total_seconds() for p in plan.panels.values() if p.supervision]
        # Looked at four times per shortest window (at most every 5 s): a silent panel shows
        # offline at most a quarter of its window late.
        every = max(1.0, min([SUPERVISE_EVERY_S, *(w / 4 for w in windows)]))
        self.ingest = owner.add_worker(
            AlarmIngest(
                ctx.services.alarms,
                plan,
                ctx.bridge,
                journal_dir / JOURNAL_NAME,
                supervise_every_s=every,
                on_committed=on_committed,
            )
        )
        accounts = {
            d.alarm.account: PanelAccount(d.alarm.account, d.alarm.key)
            for d in site.devices
            if d.alarm.account is not None
        }
        from hardware.alarms.dc09 import Dc09Receiver

        self.receiver = owner.add_worker(
            Dc09Receiver(
                accounts,
                self.ingest.accept,
                ctx.bridge,
                host=spec.host,
                tcp_port=spec.tcp_port,
                udp_port=None if spec.udp_port < 0 else spec.udp_port,
                timeband=spec.timeband,
            )
        )
        log.info("alarm receiver for %d panels on %s", len(accounts), spec.host)
        if spec.simulate:
            self._simulate(list(accounts.values()), spec.host, min(windows, default=90.0), owner)

    def _simulate(
        self, panels: list[PanelAccount], host: str, window: float, owner: ThreadOwner
    ) -> None:
        """The demo: simulated panels send link tests (three per window) to the receiver."""
        receiver = self.receiver
        assert receiver is not None
        udp, tcp = receiver.udp_port, receiver.tcp_port
        port = udp if udp is not None else tcp
        if port is None:
            return  # not listening: the notification says why; nothing to simulate against
        target = "127.0.0.1" if host in {"0.0.0.0", ""} else host
        from hardware.alarms.sim import PanelSimulator

        self.simulator = owner.add_worker(
            PanelSimulator(
                panels,
                target,
                port,
                transport="udp" if udp is not None else "tcp",
                heartbeat_s=min(30.0, window / 3),
            )
        )

    def _on_receiver_state(self, state: AlarmReceiverState) -> None:
        self.label.set_state(state)
        if state.listening == self._was_listening:
            return
        first = self._was_listening is None
        self._was_listening = state.listening
        if not state.listening:
            self.ctx.feedback.notify(
                Level.ERROR,
                self.tr("Alarm receiver not listening: {detail}").format(detail=state.detail),
            )
        elif not first:
            self.ctx.feedback.notify(
                Level.INFO,
                self.tr("Alarm receiver listening again: {detail}").format(detail=state.detail),
            )

    def _on_unknown_account(self, event: UnknownAlarmAccount) -> None:
        self.ctx.feedback.notify(
            Level.WARNING,
            self.tr("Alarm events from account {account}, which no device of the site has").format(
                account=event.account
            ),
            event.at,
        )

    def shutdown(self) -> None:
        # The owner stops the threads; the bridge is closed already.
        self.receiver = None
