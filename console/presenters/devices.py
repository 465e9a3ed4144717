"""The device capability: the status pane, the status bar's counts, and Find device."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Slot

from console.presenters.base import Presenter, PresenterContext
from console.shell.main_window import ActionSpec
from console.shell.panes import Area, PaneSpec
from core.events import ChangesAvailable
from core.permissions import Permission, Principal
from core.timefmt import utcnow
from core.views import DeviceRow
from widgets.device_status import DeviceCountsLabel, DeviceStatusWidget

CLOCK_MS = 15_000  # how often "not reporting" is judged again (its threshold is 90 s)


class DevicesPresenter(Presenter):
    """Owns the device pane; a change to some devices re-reads only those."""

    name = "devices"
    watches = frozenset({"device", "community"})

    def __init__(self, ctx: PresenterContext, clock_ms: int = CLOCK_MS):
        super().__init__(ctx)
        self.pane = DeviceStatusWidget(ctx.zone)
        # Cameras count as online only while a recorder reports them: the rows do not change
        # when it stops, so the pane judges them again as time passes.
        self.clock = QTimer(self)
        self.clock.setInterval(clock_ms)
        self.clock.timeout.connect(self._on_clock)
        # The wall's camera tree shows the cameras' links from these rows (console/wiring.py).
        self.rows_hook: Callable[[list[DeviceRow]], None] | None = None
        self.counts_label = DeviceCountsLabel()
        ctx.window.add_pane(
            PaneSpec(
                "devices",
                lambda: self.tr("Device status"),
                self.pane,
                Area.BOTTOM_RIGHT,
                order=50,
                shortcut="Ctrl+5",
                front=True,
                permission=Permission.VIEW_DEVICES,
            )
        )
        ctx.window.add_status_widget(self.counts_label)
        ctx.window.add_action(
            ActionSpec(
                "find_device",
                lambda: self.tr("Find device"),
                "tools",
                "Ctrl+F",
                permission=Permission.VIEW_DEVICES,
            ),
            self._on_find_triggered,
        )

    def signed_in(self, who: Principal) -> None:
        # A role that may not read the devices (a counsellor) has no pane and no counts:
        # every change of a device re-read them and reported "no permission" each time.
        allowed = who.can(Permission.VIEW_DEVICES)
        self.counts_label.setVisible(allowed)
        if not allowed:
            return
        self.counts_label.set_counts(None)
        self.reload()
        self.clock.start()

    def signed_out(self) -> None:
        self.clock.stop()
        self.pane.set_rows([])
        self.counts_label.set_counts(None)
        self._hand_over()

    def shutdown(self) -> None:
        self.clock.stop()

    def reload(self) -> None:
        who = self.who
        if who is None or not who.can(Permission.VIEW_DEVICES):
            return
        devices = self.ctx.services.devices
        self.read_for(
            who, lambda: devices.devices(who), self._show, self.tr("Could not load the devices")
        )

    def on_changes(self, changes: ChangesAvailable) -> None:
        ids = changes.ids("device")
        who = self.who
        if who is None or not who.can(Permission.VIEW_DEVICES):
            return
        if ids is None or "community" in changes.tables:
            self.reload()
            return
        devices = self.ctx.services.devices
        self.read_for(
            who,
            lambda: devices.devices_by_ids(who, ids),
            lambda rows: self._merge(ids, rows),
            self.tr("Could not load the devices"),
        )

    def _merge(self, ids: frozenset[int], rows: list[DeviceRow]) -> None:
        fresh = {r.id: r for r in rows}
        merged = [fresh.pop(r.id, r) for r in self.pane.rows() if r.id not in ids or r.id in fresh]
        merged += fresh.values()
        self._show(sorted(merged, key=lambda r: (r.kind, r.code)))

    def _show(self, rows: list[DeviceRow]) -> None:
        self.pane.set_now(utcnow())
        self.pane.set_rows(rows)
        # Derived from the rows just read: a second query could disagree with them.
        self.counts_label.set_counts(self.pane.model.counts())
        self._hand_over()

    @Slot()
    def _on_clock(self) -> None:
        if self.who is None:
            return
        self.pane.set_now(utcnow())
        counts = self.pane.model.counts()
        if counts != self.counts_label.counts():
            self.counts_label.set_counts(counts)
        self._hand_over()  # judged again as time passes, there too

    def _hand_over(self) -> None:
        if self.rows_hook is not None:
            self.rows_hook(list(self.pane.rows()))

    def _on_find_triggered(self) -> None:
        self.ctx.window.show_pane("devices")
        self.pane.filter.setFocus()
        self.pane.filter.selectAll()
