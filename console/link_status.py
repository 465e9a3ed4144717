"""Device adapters' link states onto their device rows, so the device pane shows them."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from console.bridge import EventBridge
from console.jobs import Jobs
from core.tracking import LinkState
from data.services.devices import SEEN_EVERY, DeviceService

log = logging.getLogger(__name__)


class LinkStatusWriter:
    """Writes a reader's or tracker's LinkState when its state or detail changes.

    Adapters publish about once a second while their counters move; only a change of online
    state or detail (or an online device's last_seen_at older than SEEN_EVERY) becomes a write,
    on the writer thread, the newest per device, one in flight per device.
    """

    def __init__(self, bridge: EventBridge, jobs: Jobs, devices: DeviceService):
        self.jobs = jobs
        self.devices = devices
        self._sent: dict[str, tuple[bool, str, datetime]] = {}
        self._waiting: dict[str, LinkState] = {}
        self._busy: set[str] = set()
        bridge.subscribe(LinkState, self.on_link)

    def on_link(self, event: LinkState) -> None:
        """Take a state from the bridge (GUI thread)."""
        last = self._sent.get(event.device)
        if (
            last is not None
            and last[0] == event.online
            and last[1] == event.detail
            and (not event.online or event.at - last[2] < SEEN_EVERY - timedelta(seconds=1))
        ):
            return
        self._waiting[event.device] = event
        if event.device not in self._busy:
            self._send(event.device)

    def _send(self, device: str) -> None:
        event = self._waiting.pop(device)
        self._busy.add(device)
        self._sent[device] = (event.online, event.detail, event.at)
        self.jobs.write(
            lambda: self.devices.report_link(event.device, event.online, event.detail, event.at),
            lambda _changed: self._done(device),
            lambda exc: self._failed(device, exc),
            "device_link",
        )

    def _failed(self, device: str, exc: BaseException) -> None:
        log.warning("device %s: its link state was not written: %s", device, exc)
        self._sent.pop(device, None)  # the next report tries again
        self._done(device)

    def _done(self, device: str) -> None:
        self._busy.discard(device)
        if device in self._waiting:
            self._send(device)
