"""SurveyService.results_data: a round's form, responses without persons and frame counts."""

from __future__ import annotations

import uuid
from datetime import date

from core.audit import AuditAction
from core.survey import load_form
from core.survey_results import FrameCell, compute
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street
from tests.unit.data.services.test_surveys import START, _round

street = test_residents.street  # the demo street with residents, on both backends


def test_results_data_holds_rows_without_persons_and_the_frame_by_group(street: Street) -> None:
    drawn = _round(street, "R1", anonymous=False, keep_partial=True)
    ws = street.who("ws01")
    people = [street.first_in("C01")]
    surveys = street.svc.surveys
    surveys.submit(ws, "R1", str(uuid.uuid4()), people[0], "kiosk", None, {"q1": 5}, True)
    surveys.submit(ws, "R1", str(uuid.uuid4()), None, "phone", None, {"q1": 2}, True,
                   community="C01")  # fmt: skip
    surveys.submit(ws, "R1", str(uuid.uuid4()), None, "self", None, {}, False, community="C01")
    data = surveys.results_data(street.who("operator"), "R1", START)
    assert (data.round_code, data.anonymous, data.status) == ("R1", False, "open")
    assert load_form(data.definition, "R1").questions[0].id == "q1"
    assert sum(f.count for f in data.frame) == drawn
    assert {f.community for f in data.frame} == {"C01"}
    assert all(f.age_band for f in data.frame)
    got = sorted((r.mode, r.helped, r.complete, r.community, dict(r.answers)) for r in data.rows)
    assert got == [
        ("kiosk", False, True, "C01", {"q1": 5}),
        ("phone", True, True, "C01", {"q1": 2}),
        ("self", False, False, "C01", {}),
    ]
    assert not any(hasattr(r, "resident_id") for r in data.rows)
    # aggregate results name nobody: no personal read to audit
    assert street.audit(AuditAction.SURVEY_DATA_READ) == []
    res = compute(load_form(data.definition, "R1"), data.rows, data.frame)
    assert (res.respondents.self_answered, res.respondents.assisted, res.partial.total) == (1, 1, 1)
    assert res.frame == drawn


def test_frame_bands_follow_the_day_asked(street: Street) -> None:
    _round(street, "R2", anonymous=True)
    surveys = street.svc.surveys
    now = surveys.results_data(street.who("operator"), "R2", START).frame
    later = surveys.results_data(street.who("operator"), "R2", date(2066, 1, 1)).frame
    assert sum(f.count for f in now) == sum(f.count for f in later)
    assert "<18" not in {f.age_band for f in later}  # forty years on, everyone is grown up

    def old(cells: list[FrameCell]) -> int:
        return sum(f.count for f in cells if f.age_band == "80+")

    assert old(later) > old(now)
