"""An order placed at a station survives the outbox file whole, and bad text is refused."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.orders import OrderDraft
from core.station import EntryKind, StationOrder
from core.station_codec import from_json, kind_of, summary, to_json


def _order(**draft: object) -> StationOrder:
    values: dict[str, object] = {
        "client_uuid": "7f1c0d4e-2b9a-4c55-9a51-2f0c5e1d0a11",
        "resident_id": 41,
        "merchant_id": 3,
        "window_id": 12,
        "lines": ((5, 2), (9, 1)),
        "channel": "family",
        "family_member": "女儿 张丽",
        "deliverer_volunteer_id": 7,
        "note": "放门口，敲门三下",
    }
    values.update(draft)
    return StationOrder(
        workstation="WS03",
        community="C03",
        taken_at=datetime(2026, 11, 30, 9, 15, tzinfo=UTC),
        draft=OrderDraft(**values),  # type: ignore[arg-type]
    )


def test_an_order_goes_through_the_outbox_text_unchanged() -> None:
    entry = _order()
    assert kind_of(entry) is EntryKind.ORDER
    again = from_json(EntryKind.ORDER, to_json(entry))
    assert again == entry
    assert again.draft.lines == ((5, 2), (9, 1))  # tuples again, not JSON lists


def test_an_order_from_a_call_keeps_its_call_and_staff_deliverer() -> None:
    entry = _order(channel="hotline", call_id=88, family_member="", deliverer_volunteer_id=None)
    again = from_json(EntryKind.ORDER, to_json(entry))
    assert again.draft.call_id == 88
    assert again.draft.deliverer_volunteer_id is None


def test_the_waiting_list_names_no_one() -> None:
    line = summary(_order())
    assert line == "order, 2 lines, 3 items"
    assert "张丽" not in line
    assert "41" not in line


@pytest.mark.parametrize(
    "text",
    [
        "{}",
        '{"workstation": "WS03"}',
        "not json",
        '{"workstation": "W", "community": "C", "taken_at": "2026-11-30T09:00:00+00:00", '
        '"client_uuid": "u", "resident_id": "x", "merchant_id": 1, "window_id": 1, "lines": []}',
        '{"workstation": "W", "community": "C", "taken_at": "2026-11-30T09:00:00+00:00", '
        '"client_uuid": "u", "resident_id": 1, "merchant_id": 1, "window_id": 1, '
        '"lines": [[1]], "channel": "station"}',
    ],
    ids=["empty", "partial", "not-json", "bad-resident", "bad-line"],
)
def test_text_that_is_not_an_order_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="order entry"):
        from_json(EntryKind.ORDER, text)
