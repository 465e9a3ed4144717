"""The surveys pane's lists: forms with their versions, rounds with participation, frame sizes."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from core.permissions import PermissionDenied
from data.services import survey_lists
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street
from tests.unit.data.services.test_surveys import TOML

street = test_residents.street  # the demo street with residents, on both backends
START, END = date(2026, 12, 1), date(2026, 12, 31)


def test_forms_list_versions_with_the_newest_published_and_the_draft(street: Street) -> None:
    admin, surveys = street.who("admin"), street.svc.surveys
    assert survey_lists.forms(surveys, admin) == []
    surveys.save_draft(admin, "SAT", "满意度", TOML)
    surveys.publish(admin, "SAT", 1)
    surveys.save_draft(admin, "SAT", "满意度（二）", TOML.replace("version = 1", "version = 2"))
    surveys.save_draft(admin, "NEEDS", "需求", TOML.replace('"SAT"', '"NEEDS"'))
    rows = {r.code: r for r in survey_lists.forms(surveys, street.who("operator"))}
    assert list(rows) == ["NEEDS", "SAT"]
    sat = rows["SAT"]
    assert (sat.versions, sat.newest, sat.published, sat.draft) == (2, 2, 1, True)
    assert sat.title == "满意度（二）"
    needs = rows["NEEDS"]
    assert (needs.versions, needs.published, needs.draft) == (1, None, True)
    published = survey_lists.published_forms(surveys, admin)
    assert [(p.code, p.version) for p in published] == [("SAT", 1)]


def test_the_frame_size_shown_is_the_size_a_round_draws(street: Street) -> None:
    admin, surveys = street.who("admin"), street.svc.surveys
    surveys.save_draft(admin, "SAT", "满意度", TOML)
    surveys.publish(admin, "SAT", 1)
    cases = [
        ("communities", {"communities": ["C01"]}),
        ("care", {"flag": "lives_alone"}),
        ("sample", {"n": 17, "seed": 3}),
        ("businesses", {"communities": ["C01"], "kinds": ["shop"]}),  # the demo register
    ]
    for i, (kind, params) in enumerate(cases):
        shown = survey_lists.frame_size(surveys, admin, kind, params)
        drawn = surveys.create_round(
            admin,
            f"R{i}",
            "SAT",
            1,
            purpose="p",
            frame_kind=kind,
            frame_params=params,
            starts_on=START,
            ends_on=END,
            anonymous=False,
        )
        assert shown == drawn > 0, kind
    assert survey_lists.frame_size(surveys, admin, "sample", {"n": 17, "seed": 3}) == 17
    with pytest.raises(ValueError, match="no frame"):
        survey_lists.frame_size(surveys, admin, "shops", {})


def test_rounds_list_open_first_with_participation(street: Street) -> None:
    admin, surveys = street.who("admin"), street.svc.surveys
    surveys.save_draft(admin, "SAT", "满意度", TOML)
    surveys.publish(admin, "SAT", 1)
    for code in ("OLD", "NEW"):
        surveys.create_round(
            admin,
            code,
            "SAT",
            1,
            purpose="年度",
            frame_kind="communities",
            frame_params={"communities": ["C01"]},
            starts_on=START,
            ends_on=END,
            anonymous=code == "NEW",
        )
    surveys.close_round(admin, "OLD")
    person = street.first_in("C01")
    surveys.submit(admin, "NEW", str(uuid.uuid4()), person, "phone", None, {"q1": 5}, True)
    rows = survey_lists.rounds(surveys, street.who("operator"))
    assert [(r.code, r.status) for r in rows] == [("NEW", "open"), ("OLD", "closed")]
    new = rows[0]
    assert (new.form_code, new.form_version, new.anonymous) == ("SAT", 1, True)
    assert new.complete == 1
    assert new.frame == rows[1].frame > 0
    assert new.rate == pytest.approx(1 / new.frame)


def test_the_lists_need_the_right_to_read_residents(street: Street) -> None:
    nobody = street.who("operator")
    nobody = type(nobody)(
        nobody.user_id, nobody.username, nobody.display_name, nobody.role, frozenset()
    )
    with pytest.raises(PermissionDenied):
        survey_lists.forms(street.svc.surveys, nobody)
    with pytest.raises(PermissionDenied):
        survey_lists.rounds(street.svc.surveys, nobody)
