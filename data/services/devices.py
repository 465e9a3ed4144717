"""Devices as the status pane and the status bar see them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from core.model import DeviceState
from core.permissions import Permission, Principal
from core.text import clean_line
from core.timefmt import as_utc
from core.views import DeviceRow
from data.context import ServiceContext
from data.models import Community, Device, Workstation

DETAIL_MAX = 300  # device.detail
# An online device's last_seen_at is rewritten at most this often: every adapter reports about
# once a second, and each write is a change_log row every console re-reads.
SEEN_EVERY = timedelta(seconds=30)


@dataclass(frozen=True, slots=True)
class DeviceLink:
    """One device's link as its adapter sees it."""

    device: str  # the device's code
    online: bool
    detail: str


class DeviceService:
    """Device rows in the user's scope, and the adapters' reports of their links."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def devices(self, who: Principal) -> list[DeviceRow]:
        """Every device the user may see, by kind and code."""
        self.ctx.require(who, Permission.VIEW_DEVICES)
        return self._rows(who, None)

    def devices_by_ids(self, who: Principal, ids: Collection[int]) -> list[DeviceRow]:
        """The given devices, those out of scope or gone left out."""
        self.ctx.require(who, Permission.VIEW_DEVICES)
        return self._rows(who, ids) if ids else []

    def _rows(self, who: Principal, ids: Collection[int] | None) -> list[DeviceRow]:
        comm = aliased(Community)
        stmt: Select[Device, str, str, str] = (
            select(Device, comm.code, comm.name, Workstation.code)
            .join(Workstation, Device.workstation_id == Workstation.id)
            .outerjoin(comm, Device.community_id == comm.id)
            .order_by(Device.kind, Device.code)
        )
        if who.communities is not None:
            stmt = stmt.where(comm.code.in_(who.communities))
        if ids is not None:
            stmt = stmt.where(Device.id.in_(list(ids)))
        with self.ctx.read() as s:
            return [
                DeviceRow(
                    id=d.id,
                    code=d.code,
                    name=d.name,
                    kind=d.kind,
                    community=ccode,
                    community_name=cname,
                    workstation=wcode,
                    address=d.address,
                    state=DeviceState(d.state),
                    last_seen_at=d.last_seen_at,
                    detail=d.detail,
                )
                for d, ccode, cname, wcode in s.execute(stmt)
            ]

    def report_link(self, device_code: str, online: bool, detail: str, at: datetime) -> bool:
        """An adapter's link state onto its device row (as "system"); False if nothing changed.

        Written when the state or the detail changes, and for an online device at most every
        SEEN_EVERY for its last_seen_at; a device the database does not know is ignored.
        """
        return bool(self.report_links([DeviceLink(device_code, online, detail)], at))

    def report_links(self, links: Collection[DeviceLink], at: datetime) -> int:
        """Several devices' link states as `report_link` does, in one read and at most one
        write; how many rows changed."""
        wanted = {
            link.device: (
                DeviceState.ONLINE if link.online else DeviceState.OFFLINE,
                clean_line(link.detail)[:DETAIL_MAX],
            )
            for link in links
        }
        if not wanted:
            return 0
        with self.ctx.read() as s:
            found = s.execute(
                select(Device.code, Device.state, Device.detail, Device.last_seen_at).where(
                    Device.code.in_(wanted)
                )
            ).all()
        due = []
        for code, state, old_detail, seen in found:
            new, detail = wanted[code]
            online = new is DeviceState.ONLINE
            fresh = seen is not None and at - as_utc(seen) < SEEN_EVERY
            if not (state == new.value and old_detail == detail and (not online or fresh)):
                due.append(code)
        if not due:
            return 0
        with self.ctx.write("system") as tx:
            devices = tx.session.scalars(
                select(Device).where(Device.code.in_(due)).order_by(Device.id).with_for_update()
            ).all()
            for dev in devices:
                new, detail = wanted[dev.code]
                if dev.state != new.value:
                    dev.state_changed_at = at
                dev.state = new.value
                dev.detail = detail
                if new is DeviceState.ONLINE:
                    dev.last_seen_at = at
                tx.change("device", dev.id, "update")
        return len(devices)
