"""The register of businesses and rounds of businesses (migration 0027) on SQLite and
PostgreSQL: the demo register, masking, frames, one response per business, anonymity."""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, inspect, select, text

from core.audit import AuditAction
from core.business import KINDS
from core.permissions import PermissionDenied
from core.station import EntryKind, SendState, StationSurvey
from core.station_codec import from_json, to_json
from core.survey_take import SurveySubmission
from core.timefmt import utcnow
from data.business_seeding import PER_COMMUNITY, business_code, seed_businesses
from data.context import ServiceContext
from data.migrate import alembic_config
from data.models import Business, Community, SiteMeta, SurveyResponse
from data.services.businesses import BusinessService
from data.services.survey_lists import frame_size
from data.services.surveys import AlreadyAnswered, BusinessAnswered, SubmitResult, SurveyService
from tests.helpers.postgres import as_owner
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street

street = test_residents.street  # the demo street, businesses seeded with it, on both backends
TOML = """code = "BIZ"
title = "营商环境满意度"
version = 1

[[questions]]
id = "q1"
kind = "rating"
text = "您对社区营商服务满意吗？"
required = true
min = 1
max = 5
"""
NEW_TABLES = {"business", "survey_frame_business", "survey_answered_business"}
START, END = date(2026, 12, 1), date(2026, 12, 31)


def _round(st: Street, code: str, *, anonymous: bool, params: dict[str, Any] | None = None) -> int:
    admin = st.who("admin")
    version = st.svc.surveys.save_draft(admin, f"F{code}", "营商环境", TOML)
    st.svc.surveys.publish(admin, f"F{code}", version)
    return st.svc.surveys.create_round(
        admin,
        code,
        f"F{code}",
        version,
        purpose="商户满意度",
        frame_kind="businesses",
        frame_params={"communities": ["C01"]} if params is None else params,
        starts_on=START,
        ends_on=END,
        anonymous=anonymous,
    )


def _registry(st: Street) -> BusinessService:
    return BusinessService(st.svc.ctx)


def _c01(st: Street) -> list[int]:
    """The C01 businesses open on the round's start, by id (read straight from the table)."""
    with st.db.session() as s:
        return list(
            s.scalars(
                select(Business.id)
                .join(Community, Community.id == Business.community_id)
                .where(
                    Community.code == "C01",
                    Business.opened_on <= START,
                    Business.closed_on.is_(None) | (Business.closed_on > START),
                )
                .order_by(Business.id)
            )
        )


def _submit(st: Street, rnd: str, business_id: int, *, key: str | None = None) -> SubmitResult:
    return st.svc.surveys.submit(
        st.who("ws01"),
        rnd,
        key or str(uuid.uuid4()),
        None,
        "staff",
        None,
        {"q1": 4},
        True,
        business_id=business_id,
    )


# --- migration --------------------------------------------------------------------------------


def test_the_business_tables_go_down_and_up_again(db: Any) -> None:
    with as_owner(db) as owner, owner.engine.connect() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0026")
        conn.commit()
        names = set(inspect(conn).get_table_names())
        assert not NEW_TABLES & names
        assert "survey_response" in names  # 0024's tables stay, without the new column
        cols = {c["name"] for c in inspect(conn).get_columns("survey_response")}
        assert "business_id" not in cols
        command.upgrade(cfg, "0027")
        conn.commit()
        insp = inspect(conn)
        assert set(insp.get_table_names()) >= NEW_TABLES
        uniques = {
            tuple(i["column_names"])
            for i in insp.get_indexes("survey_response")
            if i["unique"] and i["name"] == "uq_survey_response_business"
        }
        assert uniques == {("round_id", "business_id")}
        fks = {
            (tuple(f["constrained_columns"]), f["referred_table"])
            for f in insp.get_foreign_keys("survey_response")
        }
        assert (("business_id",), "business") in fks
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0027"
        if db.dialect == "postgresql":
            guarded = conn.execute(
                text("SELECT relname FROM pg_class WHERE relrowsecurity AND relname = ANY(:t)"),
                {"t": sorted(NEW_TABLES)},
            ).scalars()
            assert set(guarded) == {"business", "survey_frame_business"}
        else:
            # Still without a rowid after the column was added in place.
            for table in ("survey_response", "survey_answered_business"):
                with pytest.raises(Exception, match="rowid"):
                    conn.execute(text(f"SELECT rowid FROM {table}"))


# --- the register -----------------------------------------------------------------------------


def test_the_demo_register_has_ten_per_community_once(street: Street) -> None:
    with street.db.session() as s:
        communities = list(s.scalars(select(Community.code).order_by(Community.code)))
        per = dict(
            s.execute(
                select(Community.code, func.count())
                .join(Business, Business.community_id == Community.id)
                .group_by(Community.code)
            ).all()
        )
        kinds = set(s.scalars(select(Business.kind)))
        first = s.scalar(select(Business).where(Business.code == business_code("C01", 1)))
    assert per == {c: PER_COMMUNITY for c in communities}
    assert kinds <= set(KINDS)
    assert first is not None
    assert first.kind == "shop"
    assert len(first.contact_phone) == 11
    with as_owner(street.db) as owner, owner.session() as s:
        day = date.fromisoformat(s.get_one(SiteMeta, "population_date").value)
        assert seed_businesses(s, day, first.created_at) == 0  # a register keeps its own
    with street.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Business)) == PER_COMMUNITY * len(
            communities
        )


@pytest.mark.parametrize(("username", "masked"), [("operator", True), ("supervisor", False)])
def test_the_contact_phone_is_masked_without_the_right_to_personal_data(
    street: Street, username: str, masked: bool
) -> None:
    rows = _registry(street).search(street.who(username), communities=["C01"], open_only=False)
    assert len(rows) == PER_COMMUNITY
    with street.db.session() as s:
        phones = dict(s.execute(select(Business.code, Business.contact_phone)).all())
    for row in rows:
        plain = phones[row.code]
        assert row.masked is masked
        assert row.contact_phone == (plain[:3] + "****" + plain[7:] if masked else plain)


def test_a_station_sees_and_edits_only_its_own_communitys_businesses(street: Street) -> None:
    ws, reg = street.who("ws01"), _registry(street)
    rows = reg.search(ws, open_only=False)
    assert {r.community for r in rows} == {"C01"}
    assert not any(r.masked for r in rows)  # a committee worker sees their own contacts
    other = reg.search(street.who("admin"), communities=["C02"])[0]
    with pytest.raises(PermissionDenied):
        reg.edit(ws, other.id, contact_phone="13900000000")


def test_add_edit_and_close_are_audited_and_a_closed_business_leaves_new_frames(
    street: Street,
) -> None:
    reg, admin = _registry(street), street.who("admin")
    bid = reg.add(
        admin,
        code="b-new-1",
        name="邻里菜店",
        community="C01",
        kind="shop",
        opened_on=date(2020, 5, 1),
        contact_name="王芳",
        contact_phone="13812345678",
    )
    assert reg.search(admin, "B-NEW-1")[0].id == bid  # by code
    assert [r.id for r in reg.search(admin, "菜店", communities=["C01"])] == [bid]
    reg.edit(admin, bid, contact_phone="13887654321", kind="market")
    assert reg.get(admin, bid).kind == "market"
    with pytest.raises(ValueError, match="one of"):
        reg.edit(admin, bid, kind="bank")
    reg.close(admin, bid, START - timedelta(days=1))
    details = [(t, json.loads(d)) for _a, t, d in street.audit(AuditAction.BUSINESS_SAVED)]
    assert details == [
        ("business:B-NEW-1", {"new": True}),
        ("business:B-NEW-1", {"fields": ["contact_phone", "kind"]}),  # names, never values
    ]
    assert [t for _a, t, _d in street.audit(AuditAction.BUSINESS_CLOSED)] == ["business:B-NEW-1"]
    assert _round(street, "CL", anonymous=False) == len(_c01(street))
    assert bid not in {b for b, _ in street.svc.surveys.frame(admin, "CL")}


# --- rounds of businesses ---------------------------------------------------------------------


def test_a_round_of_businesses_is_drawn_by_community_and_kind(street: Street) -> None:
    admin = street.who("admin")
    c01 = _c01(street)
    assert c01  # the demo register: ten, one of them closed before the round
    assert len(c01) == PER_COMMUNITY - 1
    assert frame_size(street.svc.surveys, admin, "businesses", {"communities": ["C01"]}) == len(c01)
    assert _round(street, "B1", anonymous=False) == len(c01)
    assert [b for b, done in street.svc.surveys.frame(admin, "B1")] == c01
    # the call list's read (contacts go with it) is recorded like a residents' one
    reads = [json.loads(d) for _a, _t, d in street.audit(AuditAction.SURVEY_DATA_READ)]
    assert reads == [{"what": "frame", "rows": len(c01)}]
    with street.db.session() as s:
        shops = set(s.scalars(select(Business.id).where(Business.kind.in_(["shop", "restaurant"]))))
    drawn = _round(
        street,
        "B2",
        anonymous=False,
        params={"communities": ["C01", "C02"], "kinds": ["shop", "restaurant"]},
    )
    frame = [b for b, _ in street.svc.surveys.frame(admin, "B2")]
    assert len(frame) == drawn
    assert set(frame) <= shops
    assert set(c01) & shops <= set(frame)
    counts = street.svc.surveys.participation(street.who("operator"), "B2")
    assert (counts.frame, counts.complete) == (drawn, 0)


def test_one_response_per_business_and_results_count_the_business_frame(street: Street) -> None:
    _round(street, "B3", anonymous=False)
    c01 = _c01(street)
    key = str(uuid.uuid4())
    first = _submit(street, "B3", c01[0], key=key)
    assert first.kept
    assert _submit(street, "B3", c01[0], key=key).replayed  # a retry: the first answer back
    with pytest.raises(BusinessAnswered, match="already answered"):
        _submit(street, "B3", c01[0])
    assert street.svc.surveys.frame(street.who("admin"), "B3")[0] == (c01[0], True)
    data = street.svc.surveys.results_data(street.who("operator"), "B3", START)
    assert [(c.community, c.age_band, c.care_flag, c.count) for c in data.frame] == [
        ("C01", "", False, len(c01))
    ]
    assert [(r.community, r.age_band, r.care_flag) for r in data.rows] == [("C01", "", False)]


def test_a_round_of_businesses_takes_no_resident_and_the_reverse(street: Street) -> None:
    _round(street, "B4", anonymous=False)
    rid = street.first_in("C01")
    with pytest.raises(ValueError, match="round of businesses"):
        street.svc.surveys.submit(
            street.who("ws01"), "B4", str(uuid.uuid4()), rid, "self", None, {"q1": 3}, True
        )
    with pytest.raises(ValueError, match="not both"):
        street.svc.surveys.submit(
            street.who("ws01"), "B4", str(uuid.uuid4()), rid, "self", None, {"q1": 3}, True,
            business_id=_c01(street)[0],
        )  # fmt: skip
    with pytest.raises(LookupError, match="no business"):
        _submit(street, "B4", 10**6)


@pytest.mark.parametrize("anonymous", [False, True])
def test_two_workstations_racing_for_one_business_one_wins(street: Street, anonymous: bool) -> None:
    _round(street, "BRACE", anonymous=anonymous)
    bid = _c01(street)[0]
    ws = street.who("ws01")
    services = [
        SurveyService(ServiceContext(street.db, workstation=name)) for name in ("W01", "W02")
    ]
    start = threading.Barrier(2, timeout=10)
    won: list[SubmitResult] = []
    refused: list[BaseException] = []

    def take(svc: SurveyService) -> None:
        try:
            start.wait()
            won.append(
                svc.submit(
                    ws,
                    "BRACE",
                    str(uuid.uuid4()),
                    None,
                    "staff",
                    None,
                    {"q1": 4},
                    True,
                    business_id=bid,
                )
            )
        except BaseException as exc:
            refused.append(exc)

    threads = [
        threading.Thread(target=take, args=(svc,), name=f"business-race-{i}")
        for i, svc in enumerate(services)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not any(t.is_alive() for t in threads)
    assert len(won) == 1
    assert len(refused) == 1, refused
    assert isinstance(refused[0], BusinessAnswered), refused
    assert isinstance(refused[0], AlreadyAnswered)  # callers catching the person's error
    assert street.svc.surveys.participation(street.who("operator"), "BRACE").complete == 1


def test_an_anonymous_round_of_businesses_keeps_only_the_flag(street: Street) -> None:
    _round(street, "BANON", anonymous=True)
    shops = _c01(street)[:5]
    for bid in shops:
        _submit(street, "BANON", bid)
    with street.db.engine.connect() as conn:
        insp = inspect(conn)
        flag_cols = {c["name"] for c in insp.get_columns("survey_answered_business")}
        assert flag_cols == {"round_id", "business_id", "answered_at"}  # no community, no id
        rnd = conn.execute(text("SELECT id FROM survey_round WHERE code = 'BANON'")).scalar_one()
        linked = conn.execute(
            text("SELECT business_id FROM survey_response WHERE round_id = :r"), {"r": rnd}
        ).scalars()
        assert list(linked) == [None] * len(shops)
        by_business = conn.execute(
            text(
                "SELECT count(*) FROM survey_response r JOIN business b ON b.id = r.business_id "
                "WHERE r.round_id = :r"
            ),
            {"r": rnd},
        ).scalar()
        assert by_business == 0
        flags = conn.execute(
            text("SELECT business_id FROM survey_answered_business WHERE round_id = :r ORDER BY 1"),
            {"r": rnd},
        ).scalars()
        assert list(flags) == shops  # who answered is known, and only that
    for _actor, target, detail in street.audit(AuditAction.SURVEY_SUBMITTED):
        assert target == "round:BANON"
        assert "business" not in json.loads(detail)
    done = dict(street.svc.surveys.frame(street.who("admin"), "BANON"))
    assert {b for b, d in done.items() if d} == set(shops)
    with pytest.raises(BusinessAnswered):
        _submit(street, "BANON", shops[0])
    if street.db.dialect == "postgresql":
        with as_owner(street.db) as owner:
            sealed = SurveyService(ServiceContext(owner, workstation="CC")).seal("system", "BANON")
        assert sealed == len(shops)


def test_a_stations_business_response_travels_the_outbox_once(street: Street) -> None:
    _round(street, "BST", anonymous=False)
    bid = _c01(street)[0]
    sub = SurveySubmission(
        "BST", str(uuid.uuid4()), None, "staff", None, {"q1": 5}, True, "C01", business_id=bid
    )
    entry = StationSurvey("WS01", "C01", utcnow(), sub)
    assert from_json(EntryKind.SURVEY, to_json(entry)) == entry
    who = street.who("ws01")
    first = street.svc.station.apply(who, str(uuid.uuid4()), entry)
    again = street.svc.station.apply(who, str(uuid.uuid4()), entry)  # entered twice
    assert first.state is again.state is SendState.SENT
    assert "taken before" in again.detail
    with street.db.session() as s:
        taken = list(s.scalars(select(SurveyResponse.business_id)))
    assert taken == [bid]
    # An entry written before businesses existed has no business_id and still decodes.
    old = json.loads(
        to_json(StationSurvey("WS01", "C01", utcnow(), replace(sub, business_id=None)))
    )
    del old["business_id"]
    assert from_json(EntryKind.SURVEY, json.dumps(old)).submission.business_id is None


def test_a_submission_is_a_residents_or_a_businesss_never_both() -> None:
    with pytest.raises(ValueError, match="not both"):
        SurveySubmission("R1", str(uuid.uuid4()), 1, "self", None, business_id=2)
