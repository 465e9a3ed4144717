"""Residents' personal data: classes of fields, masks, and who sees what for which purpose."""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Final

from core.idcard import normalize
from core.model import RoleName

MASK: Final = "*"
ADULT_AGE: Final = 18
REASON_MIN: Final = 4  # characters of a typed reason: "核实身份" is four
REASON_MAX: Final = 200
HINT_LEN: Final = 8  # the identity number's first 4 and last 4 characters: its masked form


class Level(enum.IntEnum):
    """How much of a field a viewer gets; ordered, so the stricter of two is the smaller."""

    HIDDEN = 0
    MASKED = 1
    SHOWN = 2


class Purpose(enum.StrEnum):
    """Why personal data is being looked at; the purpose decides what is shown (PIPL Art. 6)."""

    BROWSE = "browse"  # lists and search: never more than the role's everyday view
    INCIDENT = "incident"  # handling an incident that concerns the person (recorded)
    REASON = "reason"  # anything else, with a typed reason (recorded)
    EXPORT = "export"  # data leaving the console (a file, a printout)


class DataClass(enum.StrEnum):
    """Classes of personal information (GB/T 35273-2020 appendix A and B)."""

    BASIC = "basic"  # name, gender
    IDENTITY = "identity"  # identity number, birth date: sensitive (B.1)
    CONTACT = "contact"  # phone, address, emergency contact
    HEALTH = "health"  # care flags: health and physiological information, sensitive
    WHEREABOUTS = "whereabouts"  # positions and tracks (RFID, GPS), once tracking arrives
    MINOR = "minor"  # everything of a resident under 18 (PIPL Art. 28, 31)


class PersonalField(enum.StrEnum):
    """A field of a resident's record as the card and the lists show it."""

    NAME = "name"
    GENDER = "gender"
    BIRTH_DATE = "birth_date"
    ID_NUMBER = "id_number"
    PHONE = "phone"
    ADDRESS = "address"
    EMERGENCY_NAME = "emergency_contact_name"
    EMERGENCY_PHONE = "emergency_contact_phone"
    EMERGENCY_RELATION = "emergency_contact_relation"
    CARE_NEEDED = "care_needed"  # derived: any care flag set; the masked form of the flags
    LIVES_ALONE = "lives_alone"
    DEMENTIA = "dementia"
    DISABILITY = "disability"
    CHRONIC_ILLNESS = "chronic_illness"
    WHEREABOUTS = "whereabouts"


F = PersonalField

FIELD_CLASS: Final[Mapping[PersonalField, DataClass]] = {
    F.NAME: DataClass.BASIC,
    F.GENDER: DataClass.BASIC,
    F.BIRTH_DATE: DataClass.IDENTITY,
    F.ID_NUMBER: DataClass.IDENTITY,
    F.PHONE: DataClass.CONTACT,
    F.ADDRESS: DataClass.CONTACT,
    F.EMERGENCY_NAME: DataClass.CONTACT,
    F.EMERGENCY_PHONE: DataClass.CONTACT,
    F.EMERGENCY_RELATION: DataClass.CONTACT,
    F.CARE_NEEDED: DataClass.HEALTH,
    F.LIVES_ALONE: DataClass.HEALTH,
    F.DEMENTIA: DataClass.HEALTH,
    F.DISABILITY: DataClass.HEALTH,
    F.CHRONIC_ILLNESS: DataClass.HEALTH,
    F.WHEREABOUTS: DataClass.WHEREABOUTS,
}

CARE_FLAGS: Final = (F.LIVES_ALONE, F.DEMENTIA, F.DISABILITY, F.CHRONIC_ILLNESS)
# Fields stored encrypted: their plain value exists only after a decryption, on a reveal.
ENCRYPTED: Final = frozenset({F.ID_NUMBER, F.BIRTH_DATE})

_H, _M, _S = Level.HIDDEN, Level.MASKED, Level.SHOWN
_CLASSES: Final = (
    DataClass.BASIC,
    DataClass.IDENTITY,
    DataClass.CONTACT,
    DataClass.HEALTH,
    DataClass.WHEREABOUTS,
    DataClass.MINOR,
)


def _row(*levels: Level) -> Mapping[DataClass, Level]:
    """One line of the policy, in _CLASSES order."""
    return dict(zip(_CLASSES, levels, strict=True))


_ALL_SHOWN = _row(_S, _S, _S, _S, _S, _S)
# Exports never carry identity numbers, birth dates or positions, and nothing of a minor.
_EXPORT = _row(_S, _H, _M, _S, _H, _H)

POLICY: Final[Mapping[RoleName, Mapping[Purpose, Mapping[DataClass, Level]]]] = {
    #                     basic identity contact health whereabouts minor
    # The duty operator handles calls and alarms street-wide: in lists everything is masked
    # (a set care flag is shown as "needs care", not which); the whole card only for an
    # incident about the person. A reason opens nothing: the role has no VIEW_RESIDENT_PII.
    RoleName.OPERATOR: {
        Purpose.BROWSE: _row(_M, _M, _M, _M, _H, _M),
        Purpose.INCIDENT: _ALL_SHOWN,
        Purpose.REASON: _row(_M, _M, _M, _M, _H, _M),
        Purpose.EXPORT: _row(_H, _H, _H, _H, _H, _H),
    },
    RoleName.SUPERVISOR: {
        Purpose.BROWSE: _row(_M, _M, _M, _M, _H, _M),
        Purpose.INCIDENT: _ALL_SHOWN,
        Purpose.REASON: _ALL_SHOWN,
        Purpose.EXPORT: _EXPORT,
    },
    # The administrator holds every permission (core.permissions); seeing people is still
    # a deliberate act with a recorded purpose, as for supervisors.
    RoleName.ADMIN: {
        Purpose.BROWSE: _row(_M, _M, _M, _M, _H, _M),
        Purpose.INCIDENT: _ALL_SHOWN,
        Purpose.REASON: _ALL_SHOWN,
        Purpose.EXPORT: _EXPORT,
    },
    # A community workstation looks after its own residents: names and care needs are its
    # everyday work (visits, checks on those living alone); numbers and contacts stay masked.
    RoleName.STATION: {
        Purpose.BROWSE: _row(_S, _M, _M, _S, _H, _M),
        Purpose.INCIDENT: _ALL_SHOWN,
        Purpose.REASON: _ALL_SHOWN,
        Purpose.EXPORT: _EXPORT,
    },
    # A responding department (police station, volunteers …) finds and helps the person of
    # an assignment; it browses nothing unmasked and exports nothing.
    RoleName.DEPARTMENT: {
        Purpose.BROWSE: _row(_M, _M, _M, _M, _H, _M),
        Purpose.INCIDENT: _row(_S, _M, _S, _S, _H, _M),
        Purpose.REASON: _row(_M, _M, _M, _M, _H, _M),
        Purpose.EXPORT: _row(_H, _H, _H, _H, _H, _H),
    },
    # The counsellor calls and visits the people it screens: names and care needs are its
    # work; numbers and contacts open for a reason, as a supervisor's do.
    RoleName.COUNSELLOR: {
        Purpose.BROWSE: _row(_S, _M, _M, _S, _H, _M),
        Purpose.INCIDENT: _ALL_SHOWN,
        Purpose.REASON: _ALL_SHOWN,
        Purpose.EXPORT: _row(_H, _H, _H, _H, _H, _H),
    },
}


def class_level(role: RoleName, purpose: Purpose, cls: DataClass) -> Level:
    """The policy's level for one class."""
    return POLICY[role][purpose][cls]


@cache
def field_levels(role: RoleName, purpose: Purpose, minor: bool) -> Mapping[PersonalField, Level]:
    """Each field's level; for a minor, no field is shown more than the MINOR class allows."""
    row = POLICY[role][purpose]
    cap = row[DataClass.MINOR] if minor else Level.SHOWN
    return {f: min(row[c], cap) for f, c in FIELD_CLASS.items()}


@cache
def revealing(role: RoleName, purpose: Purpose, minor: bool) -> frozenset[PersonalField]:
    """Fields the purpose shows more of than the role's everyday view (browse) does."""
    wanted = field_levels(role, purpose, minor)
    everyday = field_levels(role, Purpose.BROWSE, minor)
    return frozenset(f for f, lvl in wanted.items() if lvl > everyday[f])


def is_minor(birth_year: int, birth_date: date | None, today: date) -> bool:
    """Under 18 on `today`; from the year alone, anyone who may still be 17 counts as a minor."""
    if birth_date is not None:
        had_birthday = (today.month, today.day) >= (birth_date.month, birth_date.day)
        return today.year - birth_date.year - (0 if had_birthday else 1) < ADULT_AGE
    return today.year - birth_year <= ADULT_AGE


# --- masks (GB/T 35273-2020 §3.14 de-identification in display) ------------------------------


def mask_id_number(number: str) -> str:
    """First 4 and last 4 kept: '1201**********1234'; short or odd values masked whole."""
    n = normalize(number)
    if len(n) <= HINT_LEN:
        return MASK * len(n)
    return n[:4] + MASK * (len(n) - HINT_LEN) + n[-4:]


def mask_phone(phone: str) -> str:
    """Mobile '138****5678'; others keep their first 3 and last 4 digits, or nothing if short.

    Separators stay where they are ('022-****0000'): they say what kind of number it is.
    """
    if len(phone) == 11 and phone.isdigit():  # the common case first: a mobile number
        return phone[:3] + "****" + phone[7:]
    for country in ("+86", "0086"):
        if phone.startswith(country) and len(phone) > len(country):
            return country + mask_phone(phone[len(country) :].lstrip(" -"))
    digits = [i for i, c in enumerate(phone) if c.isdigit()]
    if len(digits) < 8:
        keep: set[int] = set()
    else:
        keep = set(digits[:3] if len(digits) >= 11 else ()) | set(digits[-4:])
    return "".join(c if (i in keep or not c.isdigit()) else MASK for i, c in enumerate(phone))


def mask_name(name: str) -> str:
    """Keep the first character, one '*' for each other: '张*', '王**', '欧***'.

    A compound surname (欧阳, 司马) keeps only its first character too: no surname table to
    get wrong, and less is revealed. The length stays, as is customary (GB/T 35273 examples);
    a one-character name is masked whole.
    """
    if len(name) <= 1:
        return MASK * len(name)
    return name[0] + MASK * (len(name) - 1)


# Building-level marks of a Chinese address: 号 (number), 栋/幢/座 (block), 弄 (lane).
_BUILDING: Final = re.compile(r"^[^号栋幢座弄]*[号栋幢座弄]")
_LEADING_TEXT: Final = re.compile(r"^\D*")


def mask_address(address: str) -> str:
    """Down to the building: '咸阳北路12号3门402' -> '咸阳北路12号***' (gate and flat masked).

    Without a building mark, only the leading words (road or community) are kept.
    """
    m = _BUILDING.match(address) or _LEADING_TEXT.match(address)
    head = m.group() if m else ""
    return head + (MASK * 3 if address[len(head) :].strip() else "")


def mask_birth(birth_year: int) -> str:
    """The year only: '1948-**-**'."""
    return f"{birth_year:04d}-**-**"


def stored_masks(*, name: str, phone: str, address: str, id_number: str) -> dict[str, str]:
    """The masked forms a resident row keeps beside its values (columns `*_mask`).

    Lists show them as stored: masking 75,000 rows in Python per listing cost more than the
    list itself (bench/residents.py). They are derived from values the row holds anyway,
    except the identity number's, which keeps only its first and last 4 characters of the
    encrypted number. Every write of a resident's name, phone, address or number sets them
    from here.
    """
    return {
        "name_mask": mask_name(name),
        "phone_mask": mask_phone(phone),
        "address_mask": mask_address(address),
        "id_number_mask": mask_id_number(id_number),
    }


# --- presenting a record ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ResidentFields:
    """A resident's personal fields as stored; encrypted ones are None until decrypted.

    `id_number_mask` ('1201**********1234') and `birth_year` are stored unencrypted: they give
    the masked forms without a key.
    """

    name: str
    gender: str
    birth_year: int
    id_number_mask: str
    phone: str
    address: str
    emergency_contact_name: str
    emergency_contact_phone: str
    emergency_contact_relation: str
    lives_alone: bool
    dementia: bool
    disability: bool
    chronic_illness: bool
    birth_date: date | None = None
    id_number: str | None = None
    whereabouts: str | None = None


Value = str | bool | None


@dataclass(frozen=True, slots=True)
class FieldView:
    """One field as displayed: its level and value (None when hidden or not available)."""

    field: PersonalField
    level: Level
    value: Value


@dataclass(frozen=True, slots=True)
class Presentation:
    """A record presented for a role and purpose.

    `revealed`: fields shown beyond the role's everyday view (what an audit row must name).
    `unavailable`: fields the policy would show but whose plain value was not at hand (an
    encrypted field without the site key); they are shown masked instead.
    """

    fields: Mapping[PersonalField, FieldView]
    revealed: frozenset[PersonalField]
    unavailable: frozenset[PersonalField]
    minor: bool

    def value(self, field: PersonalField) -> Value:
        """The displayed value of a field."""
        return self.fields[field].value


def _plain(r: ResidentFields, f: PersonalField) -> Value:
    if f is F.CARE_NEEDED:
        return r.lives_alone or r.dementia or r.disability or r.chronic_illness
    if f is F.BIRTH_DATE:
        return r.birth_date.isoformat() if r.birth_date is not None else None
    value: Value = getattr(r, f.value)
    return value


def _masked(r: ResidentFields, f: PersonalField) -> Value:
    if f is F.NAME or f is F.EMERGENCY_NAME:
        return mask_name(str(_plain(r, f)))
    if f is F.PHONE or f is F.EMERGENCY_PHONE:
        return mask_phone(str(_plain(r, f)))
    if f is F.ADDRESS:
        return mask_address(r.address)
    if f is F.ID_NUMBER:
        return r.id_number_mask
    if f is F.BIRTH_DATE:
        return mask_birth(r.birth_year)
    if f is F.CARE_NEEDED:
        return _plain(r, f)  # the masked form of the care flags is whether any is set
    if f is F.GENDER or f is F.EMERGENCY_RELATION:
        return _plain(r, f)  # not identifying on their own
    return None  # the individual care flags and positions have no partial form


def _at(r: ResidentFields, f: PersonalField, level: Level) -> Value:
    """A field's display at a level."""
    if level is Level.SHOWN:
        return _plain(r, f)
    return _masked(r, f) if level is Level.MASKED else None


def present(
    r: ResidentFields, role: RoleName, purpose: Purpose, *, today: date | None = None
) -> Presentation:
    """The record as `role` may see it for `purpose`, and which fields that reveals."""
    today = today or date.today()
    minor = is_minor(r.birth_year, r.birth_date, today)
    levels = field_levels(role, purpose, minor)
    beyond = revealing(role, purpose, minor)
    views: dict[PersonalField, FieldView] = {}
    unavailable: set[PersonalField] = set()
    for f, lvl in levels.items():
        if lvl is Level.SHOWN:
            value = _plain(r, f)
            if value is None and f in ENCRYPTED:
                unavailable.add(f)
                views[f] = FieldView(f, Level.MASKED, _masked(r, f))
            else:
                views[f] = FieldView(f, lvl, value)
        elif lvl is Level.MASKED:
            views[f] = FieldView(f, lvl, _masked(r, f))
        else:
            views[f] = FieldView(f, lvl, None)
    # Only what the viewer now sees and did not before counts as revealed: no positions
    # recorded yet, a number that could not be decrypted, or a gender (whose masked form is
    # itself) reveal nothing.
    everyday = field_levels(role, Purpose.BROWSE, minor)
    shown = {
        f
        for f in beyond
        if views[f].level is Level.SHOWN
        and views[f].value is not None
        and views[f].value != _at(r, f, everyday[f])
    }
    return Presentation(
        fields=views,
        revealed=frozenset(shown),
        unavailable=frozenset(unavailable),
        minor=minor,
    )


def needed_plaintext(role: RoleName, purpose: Purpose, minor: bool) -> frozenset[PersonalField]:
    """The encrypted fields worth decrypting for this view (shown in full, not masked)."""
    levels = field_levels(role, purpose, minor)
    return frozenset(f for f in ENCRYPTED if levels[f] is Level.SHOWN)


def reason_problem(reason: str | None) -> str | None:
    """Why a typed reason is not acceptable, or None when it is."""
    text = (reason or "").strip()
    if len(text) < REASON_MIN:
        return f"a reason of at least {REASON_MIN} characters is required"
    if len(text) > REASON_MAX:
        return f"the reason is longer than {REASON_MAX} characters"
    return None


# --- lists --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ResidentRow:
    """A resident as lists show them: already masked for the viewer (nothing to decrypt)."""

    id: int
    community: str
    community_name: str
    name: str
    gender: str
    birth: str
    id_number: str
    phone: str
    address: str
    minor: bool
    care_needed: bool | None  # None: hidden from this viewer
    care: tuple[bool, bool, bool, bool] | None  # lives alone, dementia, disability, chronic


ListRaw = tuple[int, str, str, str, str, int, str, str, str, bool, bool, bool, bool]
"""id, community code, community name, name, gender, birth year, identity number, phone,
address, lives alone, dementia, disability, chronic illness — the text fields already in the
form the viewer may see (the service selects each one's plain or stored masked column, per
`list_levels`)."""

LIST_TEXT: Final = (F.NAME, F.GENDER, F.ID_NUMBER, F.PHONE, F.ADDRESS)
"""The text columns of a list row, whose shown or masked form the database hands over."""


@cache
def list_levels(role: RoleName) -> Mapping[PersonalField, tuple[Level, Level]]:
    """Each field's level in a list: (for an adult, for a minor)."""
    adult = field_levels(role, Purpose.BROWSE, False)
    minor = field_levels(role, Purpose.BROWSE, True)
    return {f: (adult[f], minor[f]) for f in PersonalField}


def minor_from(today: date) -> int:
    """Anyone born in or after this year may still be under 18 (is_minor, from the year)."""
    return today.year - ADULT_AGE


class ListRows:
    """Builds a list's rows for one role: the same policy as `present`, for 75,000 rows.

    The text fields arrive masked or not already (the service picks the column); what is left
    per row is the minor flag, the birth year and the care flags, with everything local.
    """

    def __init__(self, role: RoleName, today: date | None = None):
        levels = list_levels(role)
        self._from = minor_from(today or date.today())
        self._birth = tuple(bool(lvl) for lvl in levels[F.BIRTH_DATE])  # (adult, minor)
        self._need = tuple(bool(lvl) for lvl in levels[F.CARE_NEEDED])
        self._flags = tuple(lvl is Level.SHOWN for lvl in levels[F.LIVES_ALONE])

    def rows(self, raws: Iterable[ListRaw]) -> list[ResidentRow]:
        """ResidentRows from the columns of ListRaw."""
        out: list[ResidentRow] = []
        append = out.append
        young_from, birth_shown, need_shown, flags_shown = (
            self._from,
            self._birth,
            self._need,
            self._flags,
        )
        births: dict[int, str] = {}
        for rid, code, cname, name, gender, year, number, phone, address, a, d, di, c in raws:
            minor = year >= young_from
            # The list never holds a full birth date (it is encrypted): the year at most.
            birth = births.get(year)
            if birth is None:
                birth = births[year] = mask_birth(year)
            append(
                ResidentRow(
                    rid,
                    code,
                    cname,
                    name,
                    gender,
                    birth if birth_shown[minor] else "",
                    number,
                    phone,
                    address,
                    minor,
                    (a or d or di or c) if need_shown[minor] else None,
                    (a, d, di, c) if flags_shown[minor] else None,
                )
            )
        return out


# --- cards, access records, search ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ResidentCard:
    """One resident's card as presented to its viewer, for the purpose it was opened with.

    `key_problem` says why encrypted fields the policy would show are masked instead (the
    site key missing on this workstation, or a value that does not decrypt).
    """

    id: int
    community: str
    community_name: str
    purpose: Purpose
    presentation: Presentation
    incident_id: int | None = None
    key_problem: str | None = None
    legal_hold: bool = False  # anonymisation refused while set
    anonymised: bool = False  # identifying fields replaced on request (PIPL Art. 47)


@dataclass(frozen=True, slots=True)
class AccessEntry:
    """One look at a resident's record (or a refused attempt), from the audit log."""

    ts: datetime
    actor: str
    workstation: str
    refused: bool
    purpose: str
    fields: tuple[str, ...]
    incident_id: int | None
    reason: str  # empty when the viewer may not read others' reasons
    note: str = ""  # why a refused attempt was refused (English, from the service)
    code: str = ""  # the refusal's code (data.services.residents.RevealRefused), for wording


class SearchKind(enum.Enum):
    """What a typed search looks for."""

    ID_NUMBER = "id_number"  # an exact identity number, through the keyed index
    PHONE = "phone"  # an exact phone number
    NAME = "name"  # part of a name


_ID_SHAPE: Final = re.compile(r"[0-9]{17}[0-9Xx]")
_PHONE_SHAPE: Final = re.compile(r"\+?[0-9][0-9 \-]{5,24}")


def search_kind(query: str) -> SearchKind:
    """An 18-character identity number, a phone number (7+ digits), or part of a name."""
    q = query.strip()
    if _ID_SHAPE.fullmatch(q):
        return SearchKind.ID_NUMBER
    if _PHONE_SHAPE.fullmatch(q) and sum(c.isdigit() for c in q) >= 7:
        return SearchKind.PHONE
    return SearchKind.NAME
