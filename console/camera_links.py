"""Whether each camera can be reached, from Device status, shown on the wall's camera tree."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from core.events import ChangesAvailable
from core.model import DeviceState
from core.permissions import Permission
from core.timefmt import utcnow
from core.views import DeviceRow, not_reporting
from widgets.camera_tree import CameraTree

if TYPE_CHECKING:
    from console.presenters.base import Presenter

CAMERA = "camera"  # device.kind of a camera (data.services.recordings reports its link)
JUDGE_EVERY_S = 10.0  # "not reporting" is judged again this often (its threshold is 90 s)


class CameraLinks:
    """Feeds the tree each camera's link (online and detail, as the recorder reported it).

    Reads the camera rows of Device status at sign-in and the changed rows after that, for
    users who may see devices; others see the tree as before (states of shown cameras only).
    A camera no recorder has reported for a while is unknown again, not "recording".
    """

    def __init__(self, presenter: Presenter, tree: CameraTree, codes: Callable[[], set[str]]):
        self.presenter = presenter
        self.tree = tree
        self.codes = codes  # the cameras the site file gives the wall
        self._rows: dict[int, DeviceRow] = {}  # camera rows by device id
        self._judged = 0.0

    def load(self) -> None:
        who = self.presenter.who
        if who is None or not who.can(Permission.VIEW_DEVICES):
            self.clear()
            return
        devices = self.presenter.ctx.services.devices
        self.presenter.read_for(
            who,
            lambda: devices.devices(who),
            self._show_all,
            QCoreApplication.translate("CameraLinks", "Could not load the cameras' states"),
            label="camera_links",
        )

    def on_changes(self, changes: ChangesAvailable) -> None:
        if "device" not in changes.tables:
            return
        ids = changes.ids("device")
        who = self.presenter.who
        if ids is None:
            self.load()
            return
        if not ids or who is None or not who.can(Permission.VIEW_DEVICES):
            return
        devices = self.presenter.ctx.services.devices
        self.presenter.read_for(
            who,
            lambda: devices.devices_by_ids(who, ids),
            lambda rows: self._merge(ids, rows),
            QCoreApplication.translate("CameraLinks", "Could not load the cameras' states"),
            label="camera_links",
        )

    def tick(self) -> None:
        """Judge the cameras again as time passes (the owner's timer; cheap when called often)."""
        now = time.monotonic()
        if self._rows and now - self._judged >= JUDGE_EVERY_S:
            self._push()

    def clear(self) -> None:
        self._rows.clear()
        self.tree.set_links({})

    def _show_all(self, rows: list[DeviceRow]) -> None:
        codes = self.codes()
        self._rows = {r.id: r for r in rows if r.kind == CAMERA and r.code in codes}
        self._push()

    def _merge(self, ids: frozenset[int], rows: list[DeviceRow]) -> None:
        for gone in ids:  # deleted or out of scope, unless read back below
            self._rows.pop(gone, None)
        codes = self.codes()
        self._rows.update({r.id: r for r in rows if r.kind == CAMERA and r.code in codes})
        self._push()

    def _push(self) -> None:
        self._judged = time.monotonic()
        now = utcnow()
        links = {}
        for r in self._rows.values():
            if r.state is DeviceState.ONLINE and not not_reporting(r, now):
                links[r.code] = (True, r.detail)
            elif r.state in (DeviceState.OFFLINE, DeviceState.FAULT):
                links[r.code] = (False, r.detail)
        self.tree.set_links(links)
