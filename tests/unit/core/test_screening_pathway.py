"""core.screening_pathway: consent first, branching, yearly GDS-15, rescreens, risk alerts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from core.consent import ConsentMethod, ConsentMissing, ConsentPurpose, ConsentRecord
from core.screening import (
    BUILT_IN,
    GAD2_INSTRUMENT,
    GAD7_INSTRUMENT,
    GDS15_INSTRUMENT,
    PHQ2_INSTRUMENT,
    PHQ9_INSTRUMENT,
    ScreeningResult,
    score,
    with_risk_question,
)
from core.screening_pathway import (
    ACK_SLA,
    RESCREEN_RULES,
    EmergencyContact,
    ScreeningMode,
    age_on,
    check_consent,
    first_instruments,
    follow_ups,
    gds_due_on,
    plan_visit,
    rescreen_plan,
    risk_alert,
)

TODAY = date(2026, 11, 30)
AT = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
RESIDENT = 42


def consent(
    purpose: ConsentPurpose = ConsentPurpose.SCREENING,
    *,
    id: int = 1,
    given_on: date = date(2026, 11, 2),
    recorded_at: datetime = datetime(2026, 11, 2, 10, 0, tzinfo=UTC),
    withdrawn: bool = False,
    resident_id: int = RESIDENT,
) -> ConsentRecord:
    return ConsentRecord(
        id=id,
        resident_id=resident_id,
        purpose=purpose,
        method=ConsentMethod.WRITTEN,
        given_on=given_on,
        witness="",
        guardian_name="",
        guardian_relation="",
        note="",
        recorded_by="worker1",
        recorded_at=recorded_at,
        withdrawn_at=recorded_at + timedelta(days=1) if withdrawn else None,
        withdrawn_by="worker1" if withdrawn else None,
        withdrawal_reason="本人撤回同意" if withdrawn else None,
    )


# --- Consent -------------------------------------------------------------------------------


def test_no_consent_refuses_the_screening() -> None:
    with pytest.raises(ConsentMissing) as info:
        check_consent([], RESIDENT, today=TODAY)
    assert info.value.purpose is ConsentPurpose.SCREENING
    with pytest.raises(ConsentMissing):
        plan_visit([], RESIDENT, birth=date(1950, 1, 1), last_gds=None, today=TODAY)


def test_a_consent_for_another_purpose_does_not_cover_screening() -> None:
    with pytest.raises(ConsentMissing):
        check_consent([consent(ConsentPurpose.SURVEYS)], RESIDENT, today=TODAY)


def test_a_withdrawn_consent_stops_screening_and_a_later_grant_restores_it() -> None:
    withdrawn = consent(withdrawn=True)
    with pytest.raises(ConsentMissing):
        check_consent([withdrawn], RESIDENT, today=TODAY)
    again = consent(id=2, recorded_at=datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    assert check_consent([withdrawn, again], RESIDENT, today=TODAY) is again


def test_a_consent_dated_after_today_is_not_yet_given() -> None:
    with pytest.raises(ConsentMissing):
        check_consent([consent(given_on=date(2026, 12, 1))], RESIDENT, today=TODAY)


def test_another_residents_record_is_a_callers_error() -> None:
    with pytest.raises(ValueError, match="belongs to resident 7"):
        check_consent([consent(resident_id=7)], RESIDENT, today=TODAY)


# --- Who gets which instrument --------------------------------------------------------------


def test_a_visit_starts_with_the_short_forms_and_adds_gds15_from_60() -> None:
    records = [consent()]
    under = plan_visit(records, RESIDENT, birth=date(1966, 12, 1), last_gds=None, today=TODAY)
    assert under == ("PHQ-2", "GAD-2")  # 59 until tomorrow
    over = plan_visit(records, RESIDENT, birth=date(1966, 11, 30), last_gds=None, today=TODAY)
    assert over == ("PHQ-2", "GAD-2", "GDS-15")  # 60 today


def test_age_counts_whole_years() -> None:
    assert age_on(date(1966, 12, 1), TODAY) == 59
    assert age_on(date(1966, 11, 30), TODAY) == 60


def test_gds15_is_due_a_year_after_the_last_one() -> None:
    birth = date(1950, 5, 5)
    assert gds_due_on(birth, None) == date(2010, 5, 5)
    assert gds_due_on(birth, date(2026, 3, 1)) == date(2027, 3, 1)
    assert first_instruments(birth=birth, last_gds=date(2026, 3, 1), today=TODAY) == (
        "PHQ-2",
        "GAD-2",
    )
    due = first_instruments(birth=birth, last_gds=date(2025, 11, 30), today=TODAY)
    assert due == ("PHQ-2", "GAD-2", "GDS-15")


def test_a_gds15_on_29_february_is_due_on_28_february() -> None:
    assert gds_due_on(date(1940, 1, 1), date(2024, 2, 29)) == date(2025, 2, 28)


def test_the_first_gds15_waits_for_the_60th_birthday() -> None:
    assert gds_due_on(date(1966, 12, 15), None) == date(2026, 12, 15)
    # One given early (say at 59 by request) does not move the 60th-birthday one later.
    assert gds_due_on(date(1966, 12, 15), date(2025, 6, 1)) == date(2026, 12, 15)


def short(instrument_scores: tuple[int, int], *, gad: bool = False) -> ScreeningResult:
    return score(GAD2_INSTRUMENT if gad else PHQ2_INSTRUMENT, dict(enumerate(instrument_scores, 1)))


def test_positive_short_forms_lead_to_their_long_forms() -> None:
    phq_pos, phq_neg = short((2, 1)), short((1, 1))
    gad_pos, gad_neg = short((3, 0), gad=True), short((0, 2), gad=True)
    assert follow_ups([phq_neg, gad_neg]) == ()
    assert follow_ups([phq_pos, gad_neg]) == ("PHQ-9",)
    assert follow_ups([phq_neg, gad_pos]) == ("GAD-7",)
    assert follow_ups([phq_pos, gad_pos]) == ("PHQ-9", "GAD-7")
    taken = score(PHQ9_INSTRUMENT, dict.fromkeys(range(1, 10), 1))
    assert follow_ups([phq_pos, gad_pos, taken]) == ("GAD-7",)


# --- Rescreen schedules ---------------------------------------------------------------------


def test_every_band_of_every_built_in_has_exactly_one_rescreen_rule() -> None:
    pairs = [(r.instrument, r.band) for r in RESCREEN_RULES]
    expected = [(i.code, b.key) for i in BUILT_IN.values() for b in i.bands]
    assert sorted(pairs) == sorted(expected)
    assert all(r.after_weeks == 0 or r.after_weeks >= 2 for r in RESCREEN_RULES)


def test_a_moderate_phq9_is_rescreened_in_four_weeks() -> None:
    moderate = score(PHQ9_INSTRUMENT, dict(enumerate((2, 2, 2, 2, 1, 1, 0, 0, 0), 1)))
    assert moderate.band.key == "moderate"
    plan = rescreen_plan(moderate, TODAY)
    assert (plan.instrument, plan.due_on, plan.refer) == ("PHQ-9", date(2026, 12, 28), False)


def test_a_severe_phq9_is_referred_and_rescreened_in_two_weeks() -> None:
    severe = score(PHQ9_INSTRUMENT, dict(enumerate((3, 3, 3, 3, 3, 2, 2, 1, 0), 1)))
    plan = rescreen_plan(severe, TODAY)
    assert (plan.instrument, plan.due_on, plan.refer) == ("PHQ-9", date(2026, 12, 14), True)


def test_a_risk_answer_tightens_a_minimal_result_to_two_weeks_and_a_referral() -> None:
    minimal = score(PHQ9_INSTRUMENT, dict(enumerate((0, 0, 0, 0, 0, 0, 0, 0, 1), 1)))
    plan = rescreen_plan(minimal, TODAY)
    assert (plan.instrument, plan.due_on, plan.refer) == ("PHQ-9", date(2026, 12, 14), True)
    phq2 = with_risk_question(PHQ2_INSTRUMENT)
    plan = rescreen_plan(score(phq2, {1: 0, 2: 0, 3: 2}), TODAY)
    assert (plan.instrument, plan.due_on, plan.refer) == ("PHQ-9", date(2026, 12, 14), True)


def test_a_negative_short_form_comes_back_in_a_year_and_a_positive_one_goes_on_now() -> None:
    plan = rescreen_plan(short((1, 0), gad=True), TODAY)
    assert (plan.instrument, plan.due_on) == ("GAD-2", date(2027, 11, 29))
    plan = rescreen_plan(short((2, 2), gad=True), TODAY)
    assert (plan.instrument, plan.due_on) == ("GAD-7", TODAY)


def test_a_mild_gds15_is_watched_and_a_moderate_one_referred() -> None:
    mild = score(GDS15_INSTRUMENT, dict.fromkeys(range(1, 16), "no"))  # 5: the reverse keys
    assert rescreen_plan(mild, TODAY).due_on == date(2027, 1, 25)
    moderate = score(GDS15_INSTRUMENT, dict.fromkeys(range(1, 16), "yes"))  # 10
    assert rescreen_plan(moderate, TODAY).refer


# --- The safety rule ------------------------------------------------------------------------


def test_item_9_raises_one_same_day_alert_with_the_crisis_script() -> None:
    partial = {1: 1, 2: 2, 9: 1}  # stopped after item 9: the alert does not wait
    alert = risk_alert(
        PHQ9_INSTRUMENT,
        partial,
        resident_id=RESIDENT,
        screening_ref="S-17",
        mode=ScreeningMode.STATION,
        at=AT,
    )
    assert alert is not None
    assert (alert.instrument, alert.items, alert.priority) == ("PHQ-9@1", (9,), 1)
    assert alert.acknowledge_by == AT + ACK_SLA
    assert alert.acknowledge_by.date() == AT.date()
    numbers = [c.number for c in alert.script.contacts]
    assert numbers == ["12356", "120", ""]
    assert alert.script.contact_missing
    assert any("12356" in s for s in alert.script.worker_steps_zh)
    assert any("120" in s for s in alert.script.worker_steps_en)
    again = risk_alert(
        PHQ9_INSTRUMENT,
        {**partial, 3: 0},
        resident_id=RESIDENT,
        screening_ref="S-17",
        mode=ScreeningMode.STATION,
        at=AT + timedelta(seconds=20),
    )
    assert again is not None
    assert {alert.dedup_key, again.dedup_key} == {(RESIDENT, "S-17")}


def test_the_persons_emergency_contact_is_in_the_script() -> None:
    alert = risk_alert(
        PHQ9_INSTRUMENT,
        {9: 3},
        resident_id=RESIDENT,
        screening_ref="S-18",
        mode=ScreeningMode.KIOSK,
        at=AT,
        emergency_contact=EmergencyContact("王芳", "女儿", "13800000000"),
    )
    assert alert is not None
    person = alert.script.contacts[2]
    assert (person.number, person.placeholder) == ("13800000000", False)
    assert "王芳" in person.label_zh
    assert "女儿" in person.label_zh
    assert not alert.script.contact_missing
    assert not alert.mode.staff_assisted
    assert "12356" in alert.script.person_message_zh


def test_no_risk_answer_no_alert() -> None:
    calm_phq = dict.fromkeys(range(1, 10), 3) | {9: 0}
    calm_gad = dict.fromkeys(range(1, 8), 3)
    for instrument, given in ((PHQ9_INSTRUMENT, calm_phq), (GAD7_INSTRUMENT, calm_gad)):
        alert = risk_alert(
            instrument,
            given,
            resident_id=RESIDENT,
            screening_ref="S-1",
            mode=ScreeningMode.PHONE,
            at=AT,
        )
        assert alert is None, instrument.code


def test_an_added_suicide_question_raises_the_alert_too() -> None:
    gad = with_risk_question(GAD7_INSTRUMENT)
    alert = risk_alert(
        gad, {8: 1}, resident_id=RESIDENT, screening_ref="S-2", mode=ScreeningMode.PHONE, at=AT
    )
    assert alert is not None
    assert (alert.instrument, alert.items) == ("GAD-7@2", (8,))


def test_an_alert_needs_an_aware_time() -> None:
    with pytest.raises(ValueError, match="timezone"):
        risk_alert(
            PHQ9_INSTRUMENT,
            {9: 1},
            resident_id=RESIDENT,
            screening_ref="S-3",
            mode=ScreeningMode.STATION,
            at=datetime(2026, 11, 30, 9, 15),
        )
