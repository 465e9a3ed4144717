"""Classification, masks and the role × purpose policy of residents' personal data."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from core.model import RoleName
from core.permissions import ROLE_PERMISSIONS, Permission
from core.personal import (
    FIELD_CLASS,
    LIST_TEXT,
    POLICY,
    DataClass,
    Level,
    ListRows,
    PersonalField,
    Purpose,
    ResidentFields,
    SearchKind,
    field_levels,
    is_minor,
    list_levels,
    mask_address,
    mask_id_number,
    mask_name,
    mask_phone,
    present,
    reason_problem,
    revealing,
    search_kind,
    stored_masks,
)
from core.population import generate_population
from core.site import SiteSpec

F = PersonalField
H, M, S = Level.HIDDEN, Level.MASKED, Level.SHOWN
TODAY = date(2026, 11, 25)
NUMBER = "120106194802291234"  # not checksummed: masks must not care

# The policy restated, class by class: basic, identity, contact, health, whereabouts, minor.
# A change to core.personal.POLICY must be made here too, on purpose.
EXPECTED: dict[tuple[RoleName, Purpose], tuple[Level, ...]] = {
    (RoleName.OPERATOR, Purpose.BROWSE): (M, M, M, M, H, M),
    (RoleName.OPERATOR, Purpose.INCIDENT): (S, S, S, S, S, S),
    (RoleName.OPERATOR, Purpose.REASON): (M, M, M, M, H, M),
    (RoleName.OPERATOR, Purpose.EXPORT): (H, H, H, H, H, H),
    (RoleName.SUPERVISOR, Purpose.BROWSE): (M, M, M, M, H, M),
    (RoleName.SUPERVISOR, Purpose.INCIDENT): (S, S, S, S, S, S),
    (RoleName.SUPERVISOR, Purpose.REASON): (S, S, S, S, S, S),
    (RoleName.SUPERVISOR, Purpose.EXPORT): (S, H, M, S, H, H),
    (RoleName.ADMIN, Purpose.BROWSE): (M, M, M, M, H, M),
    (RoleName.ADMIN, Purpose.INCIDENT): (S, S, S, S, S, S),
    (RoleName.ADMIN, Purpose.REASON): (S, S, S, S, S, S),
    (RoleName.ADMIN, Purpose.EXPORT): (S, H, M, S, H, H),
    (RoleName.STATION, Purpose.BROWSE): (S, M, M, S, H, M),
    (RoleName.STATION, Purpose.INCIDENT): (S, S, S, S, S, S),
    (RoleName.STATION, Purpose.REASON): (S, S, S, S, S, S),
    (RoleName.STATION, Purpose.EXPORT): (S, H, M, S, H, H),
    (RoleName.DEPARTMENT, Purpose.BROWSE): (M, M, M, M, H, M),
    (RoleName.DEPARTMENT, Purpose.INCIDENT): (S, M, S, S, H, M),
    (RoleName.DEPARTMENT, Purpose.REASON): (M, M, M, M, H, M),
    (RoleName.DEPARTMENT, Purpose.EXPORT): (H, H, H, H, H, H),
    # The counsellor: names and care needs for its work; numbers and contacts for a reason.
    (RoleName.COUNSELLOR, Purpose.BROWSE): (S, M, M, S, H, M),
    (RoleName.COUNSELLOR, Purpose.INCIDENT): (S, S, S, S, S, S),
    (RoleName.COUNSELLOR, Purpose.REASON): (S, S, S, S, S, S),
    (RoleName.COUNSELLOR, Purpose.EXPORT): (H, H, H, H, H, H),
}
CLASSES = (
    DataClass.BASIC,
    DataClass.IDENTITY,
    DataClass.CONTACT,
    DataClass.HEALTH,
    DataClass.WHEREABOUTS,
    DataClass.MINOR,
)


def person(**changes: object) -> ResidentFields:
    values: dict[str, object] = {
        "name": "张三丰",
        "gender": "M",
        "birth_year": 1948,
        "id_number_mask": mask_id_number(NUMBER),
        "phone": "13812345678",
        "address": "咸阳北路12号3门402",
        "emergency_contact_name": "张小明",
        "emergency_contact_phone": "13987654321",
        "emergency_contact_relation": "子女",
        "lives_alone": True,
        "dementia": False,
        "disability": False,
        "chronic_illness": True,
        "birth_date": date(1948, 2, 29),
        "id_number": NUMBER,
    }
    values.update(changes)
    return ResidentFields(**values)  # type: ignore[arg-type]


# --- the matrix ------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "purpose"), list(itertools.product(RoleName, Purpose)))
def test_every_role_purpose_and_class_has_the_expected_level(
    role: RoleName, purpose: Purpose
) -> None:
    assert tuple(POLICY[role][purpose][c] for c in CLASSES) == EXPECTED[role, purpose]
    assert set(POLICY[role][purpose]) == set(DataClass)


@pytest.mark.parametrize(
    ("role", "purpose", "minor"), list(itertools.product(RoleName, Purpose, (False, True)))
)
def test_every_field_takes_its_class_level_capped_for_minors(
    role: RoleName, purpose: Purpose, minor: bool
) -> None:
    row = dict(zip(CLASSES, EXPECTED[role, purpose], strict=True))
    levels = field_levels(role, purpose, minor)
    assert set(levels) == set(PersonalField)
    for f, lvl in levels.items():
        expected = row[FIELD_CLASS[f]]
        if minor:
            expected = min(expected, row[DataClass.MINOR])
        assert lvl == expected, (role, purpose, minor, f)


@pytest.mark.parametrize(
    ("role", "purpose", "minor"), list(itertools.product(RoleName, Purpose, (False, True)))
)
def test_present_shows_exactly_what_the_levels_allow(
    role: RoleName, purpose: Purpose, minor: bool
) -> None:
    r = person(birth_year=2015, birth_date=date(2015, 6, 1)) if minor else person()
    p = present(r, role, purpose, today=TODAY)
    assert p.minor is minor
    levels = field_levels(role, purpose, minor)
    for f, view in p.fields.items():
        assert view.level == levels[f]
        if view.level is Level.HIDDEN:
            assert view.value is None
        # A plaintext identity number or full birth date only ever appears when shown.
        if view.level is not Level.SHOWN:
            assert view.value not in (NUMBER, r.phone, r.address, "2015-06-01", "1948-02-29")


def test_classes_of_the_fields() -> None:
    assert {f for f, c in FIELD_CLASS.items() if c is DataClass.IDENTITY} == {
        F.ID_NUMBER,
        F.BIRTH_DATE,
    }
    assert {f for f, c in FIELD_CLASS.items() if c is DataClass.CONTACT} == {
        F.PHONE,
        F.ADDRESS,
        F.EMERGENCY_NAME,
        F.EMERGENCY_PHONE,
        F.EMERGENCY_RELATION,
    }
    assert {f for f, c in FIELD_CLASS.items() if c is DataClass.HEALTH} == {
        F.CARE_NEEDED,
        F.LIVES_ALONE,
        F.DEMENTIA,
        F.DISABILITY,
        F.CHRONIC_ILLNESS,
    }
    assert FIELD_CLASS[F.WHEREABOUTS] is DataClass.WHEREABOUTS


@pytest.mark.parametrize("role", list(RoleName))
def test_a_typed_reason_opens_something_exactly_for_roles_with_the_pii_permission(
    role: RoleName,
) -> None:
    may = Permission.VIEW_RESIDENT_PII in ROLE_PERMISSIONS[role]
    assert bool(revealing(role, Purpose.REASON, False)) is may
    # An incident about the person opens the card for every role that handles incidents.
    assert revealing(role, Purpose.INCIDENT, False)
    assert not revealing(role, Purpose.BROWSE, False)


# --- masks -----------------------------------------------------------------------------------


def test_identity_number_masks_keep_the_first_four_and_the_last_four() -> None:
    assert mask_id_number("120106194802291234") == "1201**********1234"
    assert mask_id_number(" 12010619480229123x ") == "1201**********123X"
    assert mask_id_number("1234567") == "*******"
    masks = stored_masks(
        name="欧阳娜娜", phone="13812345678", address="咸阳北路12号3门402", id_number=NUMBER
    )
    assert masks == {
        "name_mask": "欧***",
        "phone_mask": "138****5678",
        "address_mask": "咸阳北路12号***",
        "id_number_mask": "1201**********1234",
    }


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("022-27350000", "022-****0000"),
        ("+8613812345678", "+86138****5678"),
        ("+1 415 555 0100", "+1 41* *** 0100"),
        ("27350000", "****0000"),
        ("12345", "*****"),
        ("", ""),
    ],
)
def test_phone_masks(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张*"), ("王建国", "王**"), ("欧阳娜娜", "欧***"), ("王", "*"), ("", "")],
)
def test_name_masks_keep_the_first_character_only(name: str, masked: str) -> None:
    assert mask_name(name) == masked


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        ("咸阳北路12号3门402", "咸阳北路12号***"),
        ("红桥区芥园道76号", "红桥区芥园道76号"),
        ("佳和园5栋2单元301", "佳和园5栋***"),
        ("光荣道西里3-2-401", "光荣道西里***"),
        ("", ""),
    ],
)
def test_address_masks_stop_at_the_building(address: str, masked: str) -> None:
    assert mask_address(address) == masked


def test_masked_card_of_an_adult_for_the_operator() -> None:
    p = present(person(), RoleName.OPERATOR, Purpose.BROWSE, today=TODAY)
    assert p.value(F.NAME) == "张**"
    assert p.value(F.ID_NUMBER) == "1201**********1234"
    assert p.value(F.BIRTH_DATE) == "1948-**-**"
    assert p.value(F.PHONE) == "138****5678"
    assert p.value(F.ADDRESS) == "咸阳北路12号***"
    assert p.value(F.EMERGENCY_NAME) == "张**"
    assert p.value(F.EMERGENCY_PHONE) == "139****4321"
    assert p.value(F.EMERGENCY_RELATION) == "子女"
    # Health masked: that care is needed, not why.
    assert p.value(F.CARE_NEEDED) is True
    assert [p.value(f) for f in (F.LIVES_ALONE, F.DEMENTIA)] == [None, None]
    assert p.fields[F.WHEREABOUTS].level is Level.HIDDEN
    assert p.revealed == frozenset()


def test_a_reveal_names_the_fields_it_shows_beyond_the_everyday_view() -> None:
    p = present(person(), RoleName.SUPERVISOR, Purpose.REASON, today=TODAY)
    assert p.value(F.ID_NUMBER) == NUMBER
    assert p.value(F.BIRTH_DATE) == "1948-02-29"
    assert p.value(F.LIVES_ALONE) is True
    # Gender, relation and "care needed" look the same masked: showing them reveals nothing.
    # No positions are recorded yet: nothing revealed there either.
    assert p.revealed == {
        F.NAME,
        F.ID_NUMBER,
        F.BIRTH_DATE,
        F.PHONE,
        F.ADDRESS,
        F.EMERGENCY_NAME,
        F.EMERGENCY_PHONE,
        F.LIVES_ALONE,
        F.DEMENTIA,
        F.DISABILITY,
        F.CHRONIC_ILLNESS,
    }


def test_encrypted_fields_without_their_plaintext_stay_masked_and_are_not_revealed() -> None:
    r = person(id_number=None, birth_date=None)
    p = present(r, RoleName.SUPERVISOR, Purpose.REASON, today=TODAY)
    assert p.value(F.ID_NUMBER) == "1201**********1234"
    assert p.value(F.BIRTH_DATE) == "1948-**-**"
    assert p.unavailable == {F.ID_NUMBER, F.BIRTH_DATE}
    assert F.ID_NUMBER not in p.revealed
    assert F.PHONE in p.revealed


# --- minors ----------------------------------------------------------------------------------


def test_minor_by_birth_date_and_conservatively_by_year() -> None:
    assert is_minor(2008, date(2008, 11, 26), TODAY)  # 18 tomorrow
    assert not is_minor(2008, date(2008, 11, 25), TODAY)  # 18 today
    assert is_minor(2008, None, TODAY)  # the year alone: may still be 17
    assert not is_minor(2007, None, TODAY)


def test_a_minor_is_sensitive_as_a_whole() -> None:
    child = person(name="李子涵", birth_year=2015, birth_date=date(2015, 6, 1))
    adult = person(name="李建国")
    # A station sees its adults' names and care flags every day; a child's only masked.
    seen = present(adult, RoleName.STATION, Purpose.BROWSE, today=TODAY)
    assert seen.value(F.NAME) == "李建国"
    assert seen.value(F.LIVES_ALONE) is True
    kid = present(child, RoleName.STATION, Purpose.BROWSE, today=TODAY)
    assert kid.minor
    assert kid.value(F.NAME) == "李**"
    assert kid.value(F.LIVES_ALONE) is None
    assert kid.value(F.CARE_NEEDED) is True
    # Nothing of a child leaves the console in an export.
    out = present(child, RoleName.SUPERVISOR, Purpose.EXPORT, today=TODAY)
    assert all(v.value is None for v in out.fields.values())
    # An incident about the child opens the card.
    assert present(child, RoleName.OPERATOR, Purpose.INCIDENT, today=TODAY).value(F.NAME) == (
        "李子涵"
    )


# --- lists -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(RoleName))
def test_list_rows_follow_the_browse_policy(role: RoleName, demo_site: SiteSpec) -> None:
    """The text fields come from the database in the listed form; the rest is decided here."""
    builder = ListRows(role, TODAY)
    levels = list_levels(role)
    for i, r in enumerate(generate_population(demo_site, 300, today=TODAY)):
        flags = (r.care.lives_alone, r.care.dementia, r.care.disability, r.care.chronic_illness)
        raw = (i, r.community, "社区", "n", "g", r.birth_date.year, "id", "p", "a", *flags)
        [row] = builder.rows([raw])  # type: ignore[list-item]
        fields = person(
            birth_year=r.birth_date.year,
            birth_date=None,
            lives_alone=flags[0],
            dementia=flags[1],
            disability=flags[2],
            chronic_illness=flags[3],
        )
        card = present(fields, role, Purpose.BROWSE, today=TODAY)
        assert row.minor == card.minor
        assert row.birth == (card.value(F.BIRTH_DATE) or "")
        assert row.care_needed == card.value(F.CARE_NEEDED)
        shown = card.fields[F.LIVES_ALONE].level is Level.SHOWN
        assert row.care == (flags if shown else None)
        assert levels[F.NAME] == (
            field_levels(role, Purpose.BROWSE, False)[F.NAME],
            field_levels(role, Purpose.BROWSE, True)[F.NAME],
        )
    assert set(LIST_TEXT) <= set(levels)


# --- purposes and search ---------------------------------------------------------------------


def test_a_reason_must_say_something() -> None:
    assert reason_problem(None) is not None
    assert reason_problem("   ") is not None
    assert reason_problem("看看") is not None
    assert reason_problem("核实身份") is None
    assert reason_problem("x" * 201) is not None


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("120106194802291234", SearchKind.ID_NUMBER),
        ("12010619480229123x", SearchKind.ID_NUMBER),
        ("13812345678", SearchKind.PHONE),
        ("022-2735 0000", SearchKind.PHONE),
        ("李静", SearchKind.NAME),
        ("123", SearchKind.NAME),
    ],
)
def test_search_kinds(query: str, kind: SearchKind) -> None:
    assert search_kind(query) is kind
