"""Whether each camera can be reached, from the Device status rows, for the wall's camera tree."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime

from core.model import DeviceState
from core.views import DeviceRow, not_reporting

CAMERA = "camera"  # device.kind of a camera (data.services.recordings reports its link)


def camera_links(
    rows: Iterable[DeviceRow], cameras: Collection[str], now: datetime
) -> dict[str, tuple[bool, str]]:
    """code -> (reachable, detail) of the wall's cameras among the device rows, as their
    recorder last reported them. A camera nobody has reported, or whose recorder stopped
    reporting it while online (core.views.not_reporting), is left out: unknown."""
    links = {}
    for r in rows:
        if r.kind != CAMERA or r.code not in cameras:
            continue
        if r.state is DeviceState.ONLINE and not not_reporting(r, now):
            links[r.code] = (True, r.detail)
        elif r.state in (DeviceState.OFFLINE, DeviceState.FAULT):
            links[r.code] = (False, r.detail)
    return links
