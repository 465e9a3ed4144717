"""SurveyService and migration 0024 on SQLite and PostgreSQL: versions, frames, duplicates,
anonymity."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import date
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, inspect, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from core.audit import AuditAction
from core.permissions import PermissionDenied, Principal
from data.context import ServiceContext
from data.migrate import alembic_config
from data.models import Community, Resident, SurveyForm
from data.services.retention import RetentionService
from data.services.surveys import (
    AlreadyAnswered,
    AnswersRefused,
    FormFrozen,
    FormRefused,
    SubmitResult,
    SurveyService,
)
from tests.helpers.postgres import as_owner
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street

street = test_residents.street  # the demo street with residents, on both backends
TOML = """code = "SAT"
title = "满意度"
version = 1

[[questions]]
id = "q1"
kind = "rating"
text = "您对社区服务总体满意吗？"
required = true
min = 1
max = 5
"""
TABLES = {
    "survey_form",
    "survey_round",
    "survey_frame_member",
    "survey_response",
    "survey_answered",
}
START, END = date(2026, 12, 1), date(2026, 12, 31)


def _form(st: Street, code: str = "SAT") -> None:
    admin = st.who("admin")
    version = st.svc.surveys.save_draft(admin, code, "满意度", TOML)
    st.svc.surveys.publish(admin, code, version)


def _round(st: Street, code: str, *, anonymous: bool, keep_partial: bool = False) -> int:
    _form(st, f"F{code}")
    return st.svc.surveys.create_round(
        st.who("admin"),
        code,
        f"F{code}",
        1,
        purpose="年度满意度",
        frame_kind="communities",
        frame_params={"communities": ["C01"]},
        starts_on=START,
        ends_on=END,
        anonymous=anonymous,
        keep_partial=keep_partial,
    )


def _submit(
    st: Street,
    rnd: str,
    rid: int | None,
    *,
    key: str | None = None,
    complete: bool = True,
    answers: dict[str, object] | None = None,
) -> SubmitResult:
    return st.svc.surveys.submit(
        st.who("ws01"),
        rnd,
        key or str(uuid.uuid4()),
        rid,
        "kiosk",
        None,
        {"q1": 5} if answers is None else answers,
        complete,
        community="C01",
    )


# --- migration --------------------------------------------------------------------------------


def test_the_survey_tables_go_down_and_up_again(db: Any) -> None:
    with as_owner(db) as owner, owner.engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0023")
        conn.commit()
        names = set(inspect(conn).get_table_names())
        assert not TABLES & names
        assert "station_receipt" in names  # 0023's tables stay
        command.upgrade(cfg, "0024")
        conn.commit()
        assert set(inspect(conn).get_table_names()) >= TABLES
        uniques = {
            tuple(u["column_names"])
            for u in inspect(conn).get_unique_constraints("survey_response")
        }
        assert {("client_uuid",), ("round_id", "resident_id")} <= uniques
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0024"
        if db.dialect == "postgresql":
            guarded = conn.execute(
                text("SELECT relname FROM pg_class WHERE relrowsecurity AND relname = ANY(:t)"),
                {"t": sorted(TABLES)},
            ).scalars()
            assert set(guarded) == {"survey_frame_member", "survey_response"}


# --- forms ------------------------------------------------------------------------------------


def test_publishing_freezes_a_version_and_a_change_becomes_the_next(street: Street) -> None:
    surveys, admin = street.svc.surveys, street.who("admin")
    assert surveys.save_draft(admin, "SAT", "满意度", TOML) == 1
    assert surveys.save_draft(admin, "SAT", "满意度", TOML + "# edited\n") == 1  # a draft
    surveys.publish(admin, "SAT", 1)
    assert surveys.form("SAT") == (1, "满意度", TOML + "# edited\n", True)
    with pytest.raises(FormFrozen):
        surveys.edit(admin, "SAT", 1, "changed")
    assert surveys.save_draft(admin, "SAT", "满意度", "v2") == 2
    assert surveys.form("SAT", 1)[2] == TOML + "# edited\n"
    assert surveys.form("SAT") == (2, "满意度", "v2", False)
    with pytest.raises(PermissionDenied):
        surveys.save_draft(street.who("operator"), "X", "x", TOML)
    # The database refuses too, even as its owner.
    with (
        as_owner(street.db) as owner,
        pytest.raises((IntegrityError, DBAPIError)),
        owner.write_session() as s,
    ):
        s.execute(
            update(SurveyForm)
            .where(SurveyForm.code == "SAT", SurveyForm.version == 1)
            .values(definition="tampered")
        )
    assert surveys.form("SAT", 1)[2] == TOML + "# edited\n"
    saved = street.audit(AuditAction.SURVEY_PUBLISHED)
    assert [t for _a, t, _d in saved] == ["form:SAT/1"]


def test_a_form_the_check_refuses_is_not_published(street: Street) -> None:
    surveys = SurveyService(
        street.svc.ctx, check_form=lambda toml: ["q2: show-if names missing question q9"]
    )
    admin = street.who("admin")
    surveys.save_draft(admin, "BAD", "坏", TOML)
    with pytest.raises(FormRefused) as info:
        surveys.publish(admin, "BAD", 1)
    assert info.value.problems == ("q2: show-if names missing question q9",)
    assert surveys.form("BAD")[3] is False


def test_the_survey_model_checks_forms_at_publish_and_answers_at_submit(street: Street) -> None:
    admin, surveys = street.who("admin"), street.svc.surveys
    looping = TOML + (
        '\n[[questions]]\nid = "q2"\nkind = "text"\ntext = "为什么？"\n'
        '[[questions.skip]]\nwhen = "q1 < 3"\nto = "q1"\n'
    )
    surveys.save_draft(admin, "LOOP", "环", looping)
    with pytest.raises(FormRefused) as info:
        surveys.publish(admin, "LOOP", 1)
    assert any("q2" in p for p in info.value.problems)
    _round(street, "R9", anonymous=False)
    with pytest.raises(AnswersRefused, match="q1"):
        _submit(street, "R9", street.first_in("C01"), answers={"q1": 9})


# --- frames -----------------------------------------------------------------------------------


def _sample(st: Street, code: str, seed: int, n: int = 25) -> list[int]:
    st.svc.surveys.create_round(
        st.who("admin"),
        code,
        "SAT",
        1,
        purpose="抽样",
        frame_kind="sample",
        frame_params={"n": n, "seed": seed},
        starts_on=START,
        ends_on=END,
        anonymous=True,
    )
    return [r for r, _done in st.svc.surveys.frame(st.who("supervisor"), code)]


def test_frames_are_drawn_as_asked_and_a_sample_by_its_seed(street: Street) -> None:
    _form(street)
    a, b, c = _sample(street, "R1", 7), _sample(street, "R2", 7), _sample(street, "R3", 8)
    # Adults only (18 or more in the round's first year): "Call next" rang a child.
    adult = Resident.birth_year <= START.year - 18
    with street.db.session() as s:
        everyone = set(s.scalars(select(Resident.id).where(adult)))
        c01_all = set(
            s.scalars(
                select(Resident.id)
                .join(Community, Community.id == Resident.community_id)
                .where(Community.code == "C01")
            )
        )
        c01 = set(
            s.scalars(
                select(Resident.id)
                .join(Community, Community.id == Resident.community_id)
                .where(Community.code == "C01", adult)
            )
        )
        lone = set(s.scalars(select(Resident.id).where(Resident.lives_alone.is_(True), adult)))
    assert c01 < c01_all, "the test's street has children in C01"
    assert a == b
    assert len(a) == 25
    assert len(set(a)) == 25
    assert set(a) <= everyone
    assert a != c  # another seed, another sample
    surveys, admin = street.svc.surveys, street.who("admin")
    kw: dict[str, Any] = {"starts_on": START, "ends_on": END, "anonymous": False}
    n = surveys.create_round(
        admin, "C1", "SAT", 1, purpose="p", frame_kind="communities",
        frame_params={"communities": ["C01"]}, **kw,
    )  # fmt: skip
    assert n == len(c01)
    assert {r for r, _ in surveys.frame(admin, "C1")} == c01
    surveys.create_round(
        admin, "L1", "SAT", 1, purpose="p", frame_kind="care",
        frame_params={"flag": "lives_alone"}, **kw,
    )  # fmt: skip
    assert {r for r, _ in surveys.frame(admin, "L1")} == lone
    with pytest.raises(ValueError, match="flag"):
        surveys.create_round(
            admin, "L2", "SAT", 1, purpose="p", frame_kind="care", frame_params={}, **kw
        )
    reads = street.audit(AuditAction.SURVEY_DATA_READ)
    assert ("supervisor", "round:R1", '{"what": "frame", "rows": 25}') in reads


# --- duplicates -------------------------------------------------------------------------------


def test_a_retry_counts_once_and_a_second_response_is_refused(street: Street) -> None:
    drawn = _round(street, "N1", anonymous=False)
    rid = street.first_in("C01")
    key = str(uuid.uuid4())
    first = _submit(street, "N1", rid, key=key)
    assert first.kept
    assert not first.replayed
    again = _submit(street, "N1", rid, key=key)
    assert again == SubmitResult(first.response_id, replayed=True, kept=True, complete=True)
    with pytest.raises(AlreadyAnswered, match="already answered"):
        _submit(street, "N1", rid)
    p = street.svc.surveys.participation(street.who("operator"), "N1")
    assert (p.frame, p.complete, p.partial) == (drawn, 1, 0)
    rows = street.svc.surveys.responses(street.who("operator"), "N1")
    assert [(r.resident_id, r.answers, r.mode, r.community) for r in rows] == [
        (rid, {"q1": 5}, "kiosk", "C01")
    ]
    # The person in a named round's results is personal data: that read is audited.
    assert [t for a, t, _d in street.audit(AuditAction.SURVEY_DATA_READ)] == ["round:N1"]


def test_partial_responses_follow_the_round_setting(street: Street) -> None:
    _round(street, "D1", anonymous=True)
    _round(street, "K1", anonymous=True, keep_partial=True)
    rid = street.first_in("C01")
    dropped = _submit(street, "D1", rid, complete=False)
    assert not dropped.kept
    assert _submit(street, "D1", rid).kept  # the discarded start does not count
    kept = _submit(street, "K1", rid, complete=False)
    assert kept.kept
    assert not kept.complete
    p = street.svc.surveys.participation(street.who("operator"), "K1")
    assert (p.complete, p.partial) == (0, 1)  # never counted as complete


def test_answers_the_check_refuses_are_not_taken(street: Street) -> None:
    _round(street, "V1", anonymous=False)
    surveys = SurveyService(street.svc.ctx, check=lambda toml, a: [f"q1: {a['q1']} > 5"])
    with pytest.raises(AnswersRefused, match="q1"):
        surveys.submit(
            street.who("ws01"), "V1", str(uuid.uuid4()), street.first_in("C01"), "self",
            None, {"q1": 9}, True,
        )  # fmt: skip
    assert street.svc.surveys.participation(street.who("operator"), "V1").complete == 0


@pytest.mark.parametrize("anonymous", [False, True])
def test_two_workstations_racing_for_one_person_one_wins(street: Street, anonymous: bool) -> None:
    _round(street, "RACE", anonymous=anonymous)
    rid = street.first_in("C01")
    ws = street.who("ws01")
    services = [
        SurveyService(ServiceContext(street.db, workstation=name)) for name in ("W01", "W02")
    ]
    start = threading.Barrier(2, timeout=10)
    stop = threading.Event()
    won: list[SubmitResult] = []
    refused: list[BaseException] = []

    def take(svc: SurveyService) -> None:
        try:
            start.wait()
            if not stop.is_set():
                won.append(
                    svc.submit(ws, "RACE", str(uuid.uuid4()), rid, "staff", None, {"q1": 4}, True)
                )
        except BaseException as exc:
            refused.append(exc)

    threads = [
        threading.Thread(target=take, args=(svc,), name=f"survey-race-{i}")
        for i, svc in enumerate(services)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    stop.set()
    assert not any(t.is_alive() for t in threads)
    assert len(won) == 1
    assert won[0].kept
    assert len(refused) == 1, refused
    assert isinstance(refused[0], AlreadyAnswered), refused
    assert street.svc.surveys.participation(street.who("operator"), "RACE").complete == 1


def test_an_outbox_replay_counts_each_response_once(street: Street) -> None:
    _round(street, "OUT", anonymous=False)
    with street.db.session() as s:
        people = list(
            s.scalars(
                select(Resident.id)
                .join(Community, Community.id == Resident.community_id)
                .where(Community.code == "C01")
                .order_by(Resident.id)
                .limit(20)
            )
        )
    keys = [str(uuid.uuid4()) for _ in people]
    first = [_submit(street, "OUT", r, key=k) for r, k in zip(people, keys, strict=True)]
    replay = [_submit(street, "OUT", r, key=k) for r, k in zip(people, keys, strict=True)]
    assert [r.response_id for r in replay] == [r.response_id for r in first]
    assert all(r.replayed for r in replay)
    assert street.svc.surveys.participation(street.who("operator"), "OUT").complete == len(people)


# --- anonymity --------------------------------------------------------------------------------


def test_no_join_leads_from_anonymous_answers_to_a_resident(street: Street) -> None:
    _round(street, "ANON", anonymous=True)
    with street.db.session() as s:
        people = list(
            s.scalars(
                select(Resident.id)
                .join(Community, Community.id == Resident.community_id)
                .where(Community.code == "C01")
                .order_by(Resident.id)
                .limit(6)
            )
        )
    for rid in people:
        _submit(street, "ANON", rid)
    db = street.db
    with db.engine.connect() as conn:
        insp = inspect(conn)
        # The schema: the response's only way to a resident is resident_id, and it is NULL.
        fks = {
            (tuple(f["constrained_columns"]), f["referred_table"])
            for f in insp.get_foreign_keys("survey_response")
        }
        assert fks == {
            (("round_id",), "survey_round"),
            (("resident_id",), "resident"),
            (("helped_by",), "user_account"),
            (("community_id",), "community"),
            (("business_id",), "business"),  # a round of businesses' (0027): NULL here too
        }
        pk = insp.get_pk_constraint("survey_response")["constrained_columns"]
        assert pk == ["id"]
        cols = {c["name"] for c in insp.get_columns("survey_response")}
        flag_cols = {c["name"] for c in insp.get_columns("survey_answered")}
        assert cols & flag_cols == {"round_id", "resident_id"}
        rnd = conn.execute(text("SELECT id FROM survey_round WHERE code = 'ANON'")).scalar_one()
        ids = conn.execute(
            text("SELECT id, resident_id FROM survey_response WHERE round_id = :r"), {"r": rnd}
        ).all()
        assert len(ids) == len(people)
        assert all(r is None for _i, r in ids)
        assert all(uuid.UUID(i).version == 4 for i, _r in ids)  # no sequence to pair by
        # The obvious joins: by the person (nothing), by the round (every pair: no pairing).
        by_person = conn.execute(
            text(
                "SELECT count(*) FROM survey_response r JOIN resident p ON p.id = r.resident_id "
                "WHERE r.round_id = :r"
            ),
            {"r": rnd},
        ).scalar()
        assert by_person == 0
        by_round = conn.execute(
            text(
                "SELECT count(*) FROM survey_response r JOIN survey_answered a "
                "ON a.round_id = r.round_id WHERE r.round_id = :r"
            ),
            {"r": rnd},
        ).scalar()
        assert by_round == len(people) ** 2
        # By time: the response keeps the hour, the flag the day; equal times pair nothing.
        by_time = conn.execute(
            text(
                "SELECT count(*) FROM survey_response r JOIN survey_answered a "
                "ON a.round_id = r.round_id AND a.answered_at = r.submitted_at "
                "WHERE r.round_id = :r"
            ),
            {"r": rnd},
        ).scalar()
        assert by_time in (0, len(people) ** 2)  # all or nothing, never a pairing
        flags = conn.execute(
            text("SELECT resident_id FROM survey_answered WHERE round_id = :r ORDER BY 1"),
            {"r": rnd},
        ).scalars()
        assert list(flags) == people  # who answered is known, and only that
        if db.dialect == "sqlite":
            # No rowid: storage order cannot pair the k-th flag with the k-th response.
            for table in ("survey_response", "survey_answered"):
                with pytest.raises(Exception, match="rowid"):
                    conn.execute(text(f"SELECT rowid FROM {table}"))
    # Nor the trail: no audit row of the submissions names the person.
    for _actor, target, detail in street.audit(AuditAction.SURVEY_SUBMITTED):
        assert target == "round:ANON"
        assert "resident" not in json.loads(detail)
    rows = street.svc.surveys.responses(street.who("operator"), "ANON")
    assert len(rows) == len(people)
    assert {r.resident_id for r in rows} == {None}
    assert all(r.age_band and r.community == "C01" for r in rows)  # breakdowns stay
    assert street.audit(AuditAction.SURVEY_DATA_READ) == []  # nothing personal was read
    with pytest.raises(AlreadyAnswered):
        _submit(street, "ANON", people[0])


def test_a_station_takes_responses_only_in_its_community(street: Street) -> None:
    _round(street, "SC", anonymous=False)
    with street.db.session() as s:
        other = s.scalar(
            select(func.min(Resident.id))
            .join(Community, Community.id == Resident.community_id)
            .where(Community.code != "C01")
        )
    assert other is not None
    ws: Principal = street.who("ws01")
    with pytest.raises(PermissionDenied):
        street.svc.surveys.submit(
            ws, "SC", str(uuid.uuid4()), int(other), "kiosk", None, {"q1": 1}, True
        )


def test_sealing_parts_the_flags_from_the_transactions_of_their_responses(
    street: Street,
) -> None:
    if street.db.dialect != "postgresql":
        pytest.skip("xmin and ctid are PostgreSQL's")
    _round(street, "SEAL", anonymous=True)
    with street.db.session() as s:
        people = list(
            s.scalars(
                select(Resident.id)
                .join(Community, Community.id == Resident.community_id)
                .where(Community.code == "C01")
                .order_by(Resident.id.desc())  # answered in the reverse of resident order
                .limit(5)
            )
        )
    for rid in people:
        _submit(street, "SEAL", rid)
    pair = (
        "SELECT count(*) FROM survey_response r JOIN survey_answered a "
        "ON a.round_id = r.round_id AND a.xmin = r.xmin"
    )
    with street.db.session() as s:
        assert s.scalar(text(pair)) == len(people)  # the hole a seal closes
    with as_owner(street.db) as owner:
        sealed = test_residents.services(owner, street.keys).surveys.seal("cli", "SEAL")
    assert sealed == len(people)
    with street.db.session() as s:
        assert s.scalar(text(pair)) == 0
        stored = list(s.scalars(text("SELECT resident_id FROM survey_answered ORDER BY ctid")))
    assert stored == sorted(people)  # storage order: the residents', not the answers'


def test_the_owners_retention_run_seals_anonymous_rounds(street: Street) -> None:
    if street.db.dialect != "postgresql":
        pytest.skip("xmin is PostgreSQL's")
    _round(street, "RSEAL", anonymous=True)
    _round(street, "RNAMED", anonymous=False)
    with street.db.session() as s:
        people = list(
            s.scalars(
                select(Resident.id)
                .join(Community, Community.id == Resident.community_id)
                .where(Community.code == "C01")
                .limit(3)
            )
        )
    for rid in people:
        _submit(street, "RSEAL", rid)
    pair = (
        "SELECT count(*) FROM survey_response r JOIN survey_answered a "
        "ON a.round_id = r.round_id AND a.xmin = r.xmin"
    )
    with as_owner(street.db) as owner:
        services = test_residents.services(owner, street.keys)
        report = RetentionService(services.ctx).run("cli")
    assert report.sealed_rounds == 1  # the named round has no flags to seal
    with street.db.session() as s:
        assert s.scalar(text(pair)) == 0
