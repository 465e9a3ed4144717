"""The demo survey: a published form, an open round, responses in every mode, once."""

from __future__ import annotations

from core.survey import load_form
from core.survey_results import compute
from core.survey_score import Proportion
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street

street = test_residents.street


def test_the_demo_round_has_figures_and_a_second_fill_adds_nothing(street: Street) -> None:
    from console.demo_surveys import ROUND_CODE, fill

    new = fill(street.svc)
    assert new >= 200
    assert fill(street.svc) == 0  # the same client UUIDs: replays, not new responses
    who = street.who("operator")
    data = street.svc.surveys.results_data(who, ROUND_CODE, street.svc.ctx.clock().date())
    assert data.anonymous
    assert data.status == "open"
    assert {r.mode for r in data.rows} == {"self", "kiosk", "staff", "phone", "family"}
    res = compute(load_form(data.definition, ROUND_CODE), data.rows, data.frame)
    assert res.respondents.total + res.partial.total == new
    assert res.partial.total > 0
    assert res.respondents.self_answered > 40
    assert res.respondents.assisted > 40
    (sat,) = res.csat
    assert isinstance(sat.overall.total, Proportion)
    assert len(res.nps) == 1
    assert any(r.answers.get("why") for r in data.rows)  # the show_if question was asked
