"""Devices as the status pane and the status bar see them."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from core.model import DeviceState
from core.permissions import Permission, Principal
from core.views import DeviceRow
from data.context import ServiceContext
from data.models import Community, Device, Workstation


class DeviceService:
    """Device rows in the user's scope."""

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
