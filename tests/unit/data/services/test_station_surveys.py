"""Survey responses from a station's outbox: taken once by entry and by client UUID."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from sqlalchemy import func, select

from core.station import EntryKind, SendState, StationSurvey
from core.station_codec import from_json, summary, to_json
from core.survey_take import SurveySubmission
from core.timefmt import utcnow
from data.models import Community, Resident, StationReceipt, SurveyAnswered, SurveyResponse
from data.outbox import Outbox
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street
from tests.unit.data.services.test_surveys import _round

street = test_residents.street  # the demo street with residents, on both backends


def _people(st: Street, community: str = "C01", n: int = 3) -> list[int]:
    with st.db.session() as s:
        return list(
            s.scalars(
                select(Resident.id)
                .join(Community, Community.id == Resident.community_id)
                .where(Community.code == community)
                .order_by(Resident.id)
                .limit(n)
            )
        )


def _entry(rnd: str, rid: int | None, key: str | None = None) -> StationSurvey:
    sub = SurveySubmission(rnd, key or str(uuid.uuid4()), rid, "kiosk", None, {"q1": 4}, True)
    return StationSurvey("WS01", "C01", utcnow(), sub)


def _count(st: Street, model: type, *where: object) -> int:
    with st.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_a_stations_response_is_taken_once_however_it_is_resent(street: Street) -> None:
    _round(street, "ST1", anonymous=False)
    rid = _people(street)[0]
    who, key = street.who("ws01"), str(uuid.uuid4())
    entry = _entry("ST1", rid)
    first = street.svc.station.apply(who, key, entry)
    assert first.state is SendState.SENT
    assert first.server_ref == "survey:ST1"
    again = street.svc.station.apply(who, key, entry)  # the answer was lost: resent
    assert again == first
    # The same response entered again at another station (a new entry, the slip's UUID).
    elsewhere = street.svc.station.apply(who, str(uuid.uuid4()), entry)
    assert elsewhere.state is SendState.SENT
    assert "taken before" in elsewhere.detail
    assert _count(street, SurveyResponse, SurveyResponse.resident_id == rid) == 1
    assert street.svc.surveys.participation(street.who("operator"), "ST1").complete == 1


def test_a_second_response_of_a_person_is_refused_for_good(street: Street) -> None:
    _round(street, "ST2", anonymous=True)
    rid = _people(street)[0]
    who = street.who("ws01")
    assert street.svc.station.apply(who, str(uuid.uuid4()), _entry("ST2", rid)).state is (
        SendState.SENT
    )
    second = street.svc.station.apply(who, str(uuid.uuid4()), _entry("ST2", rid))
    assert second.state is SendState.REFUSED
    assert "already answered" in second.detail
    assert _count(street, SurveyAnswered, SurveyAnswered.resident_id == rid) == 1


def test_an_anonymous_response_leaves_no_id_in_the_receipt(street: Street) -> None:
    _round(street, "ST3", anonymous=True)
    rid = _people(street)[0]
    key = str(uuid.uuid4())
    street.svc.station.apply(street.who("ws01"), key, _entry("ST3", rid))
    with street.db.session() as s:
        receipt = s.scalar(select(StationReceipt).where(StationReceipt.uuid == key))
        response = s.scalar(select(SurveyResponse))
    assert receipt is not None
    assert response is not None
    assert receipt.result_ref == "survey:ST3"  # never the response's id
    assert response.resident_id is None


def test_a_response_outside_the_stations_community_is_refused(street: Street) -> None:
    _round(street, "ST4", anonymous=False)
    other = _people(street, "C02", 1)[0]
    answer = street.svc.station.apply(street.who("ws01"), str(uuid.uuid4()), _entry("ST4", other))
    assert answer.state is SendState.REFUSED
    assert _count(street, SurveyResponse) == 0


def test_the_codec_keeps_a_survey_entry_whole_and_its_summary_names_no_one(
    tmp_path: Path,
) -> None:
    sub = SurveySubmission(
        "R1", str(uuid.uuid4()), 42, "staff", 7, {"q1": ["a", "b"], "q2": "好"}, False, "C01"
    )
    entry = StationSurvey("WS01", "C01", utcnow(), sub)
    assert from_json(EntryKind.SURVEY, to_json(entry)) == entry
    assert "42" not in summary(entry)
    assert "partial" in summary(entry)
    box = Outbox(tmp_path / "outbox.db")
    try:
        item = box.add(entry)
        assert box.waiting()[0].entry == entry
        box.settle(item.uuid, SendState.SENT, "survey:R1")
    finally:
        box.close()
    with sqlite3.connect(tmp_path / "outbox.db") as conn:
        stored = conn.execute("SELECT payload FROM entry WHERE uuid = ?", (item.uuid,)).fetchone()
    assert stored[0] == "{}"  # the answers left the station with the send
