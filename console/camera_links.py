"""Whether each camera can be reached, from Device status, shown on the wall's camera tree."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from core.events import ChangesAvailable
from core.model import DeviceState
from core.permissions import Permission
from core.views import DeviceRow
from widgets.camera_tree import CameraTree

if TYPE_CHECKING:
    from console.presenters.base import Presenter

CAMERA = "camera"  # device.kind of a camera (data.services.recordings reports its link)


class CameraLinks:
    """Feeds the tree each camera's link (online and detail, as the recorder reported it).

    Reads the camera rows of Device status at sign-in and the changed rows after that, for
    users who may see devices; others see the tree as before (states of shown cameras only).
    """

    def __init__(self, presenter: Presenter, tree: CameraTree, codes: Callable[[], set[str]]):
        self.presenter = presenter
        self.tree = tree
        self.codes = codes  # the cameras the site file gives the wall
        self._ids: dict[int, str] = {}  # device id -> camera code, for changes of other kinds

    def load(self) -> None:
        who = self.presenter.who
        if who is None or not who.can(Permission.VIEW_DEVICES):
            self.tree.set_links({})
            return
        devices = self.presenter.ctx.services.devices
        self.presenter.read_for(
            who,
            lambda: devices.devices(who),
            self._show_all,
            self.presenter.tr("Could not load the cameras' states"),
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
            self.presenter.tr("Could not load the cameras' states"),
            label="camera_links",
        )

    def clear(self) -> None:
        self._ids.clear()
        self.tree.set_links({})

    def _show_all(self, rows: list[DeviceRow]) -> None:
        cameras = [r for r in rows if r.kind == CAMERA and r.code in self.codes()]
        self._ids = {r.id: r.code for r in cameras}
        self.tree.set_links({r.code: link for r in cameras if (link := _link(r)) is not None})

    def _merge(self, ids: frozenset[int], rows: list[DeviceRow]) -> None:
        links = {c: self.tree.link(c) for c in self._ids.values()}
        known = {c: v for c, v in links.items() if v is not None}
        for gone in ids & self._ids.keys():  # deleted or out of scope unless read back below
            known.pop(self._ids.pop(gone), None)
        for r in rows:
            if r.kind != CAMERA or r.code not in self.codes():
                continue
            self._ids[r.id] = r.code
            link = _link(r)
            if link is None:
                known.pop(r.code, None)
            else:
                known[r.code] = link
        self.tree.set_links(known)


def _link(row: DeviceRow) -> tuple[bool, str] | None:
    """(online, detail) of a camera row; None while nothing has reported it."""
    if row.state is DeviceState.ONLINE:
        return True, row.detail
    if row.state in (DeviceState.OFFLINE, DeviceState.FAULT):
        return False, row.detail
    return None
