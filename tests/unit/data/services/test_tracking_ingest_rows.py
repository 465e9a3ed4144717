"""The ingest's tag_read rows on both backends: numbers of mixed types, many rows, one batch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from core.site import SiteSpec
from core.tracking import TagRead
from core.tracking_plan import PipelineOutput, Placed, TrackingPlan
from data.models import TagPosition
from data.models import TagRead as TagReadRow
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street
from tests.unit.data.services.test_tracking import _reader, _resident

street = test_residents.street  # the demo street with residents, on both backends
AT = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


def test_rows_of_ints_floats_and_none_are_stored_as_given(
    street: Street, demo_site: SiteSpec
) -> None:
    sup = street.who("supervisor")
    person = street.svc.tracking.register(
        sup, code="AC00000077", kind="person", resident_id=_resident(street, "C01", consent=True)
    )
    plan = TrackingPlan.of(demo_site)
    reader = _reader(demo_site, "C01")
    # A reader that gives whole dBm, one with decimals, one with none; a second apart each,
    # so each is its own row.
    rssis: list[float | None] = [-61, -62.5, None, -64]
    reads = [
        TagRead(reader, "AC00000077", AT + timedelta(seconds=i), rssi=rssi)
        for i, rssi in enumerate(rssis)
    ]
    # A placement in whole metres (a pipeline may give ints).
    moved = Placed("AC00000077", AT + timedelta(seconds=3), "Z0101", 100, 200, reader)
    result = street.svc.tracking.ingest(reads, PipelineOutput([moved]), plan)
    assert (result.stored, result.reads, result.moved) == (4, 4, (person,))
    with street.db.session() as s:
        rows = s.execute(
            select(TagReadRow.rssi, TagReadRow.count, TagReadRow.x, TagReadRow.y).order_by(
                TagReadRow.at
            )
        ).all()
        assert [r[0] for r in rows] == [-61.0, -62.5, None, -64.0]
        assert all(r[1] == 1 for r in rows)
        assert rows[-1][2:] == (100.0, 200.0)  # the tag's placement in this batch
        pos = s.get_one(TagPosition, person)
        assert (pos.zone, pos.x, pos.y) == ("Z0101", 100.0, 200.0)
