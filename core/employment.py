"""Community employment service: employers, postings, seekers, matching with reasons, referrals."""

from __future__ import annotations

import calendar
import enum
import heapq
import math
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from math import asin, cos, radians, sin, sqrt
from typing import Final, Self, TypeVar

from core.geo import EARTH_RADIUS_M
from core.text import clean_block, clean_line

K = TypeVar("K")
_Box = tuple[float, float, float, float]  # lat_lo, lat_hi, lon_lo, lon_hi

PLACEMENT_TARGET: Final = 90  # jobs the service is to fill
TITLE_MAX: Final = 80
DUTIES_MAX: Final = 1000
NAME_MAX: Final = 64
NOTE_MAX: Final = 200
SKILL_MAX: Final = 40
HOURS_MAX: Final = 84  # a sanity bound on typed hours, not a legal limit
DISTANCE_MAX_KM: Final = 100.0
RETENTION_MONTHS: Final = (3, 6)
_EARTH_KM: Final = EARTH_RADIUS_M / 1000.0
_EARTH_2KM: Final = 2 * _EARTH_KM
# Bounding boxes are widened by this many degrees (about 0.1 mm) so that float rounding in a
# box never drops a posting that haversine puts exactly at the seeker's maximum distance.
_BOX_SLACK: Final = 1e-9


@dataclass(frozen=True, slots=True)
class Label:
    """A user-facing name in both languages the console speaks."""

    zh: str
    en: str


class Coded(enum.StrEnum):
    """A code stored as its string value that carries its own Chinese and English label, so
    no code can reach the screen unlabelled."""

    zh: str
    en: str

    def __new__(cls, value: str, zh: str = "", en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.zh, member.en = zh, en
        return member

    @property
    def label(self) -> Label:
        return Label(self.zh, self.en)


class ErrorCode(Coded):
    CREDIT_CODE_LENGTH = "credit_code_length", "信用代码应为18位", "a credit code has 18 characters"
    CREDIT_CODE_CHAR = "credit_code_char", "信用代码含无效字符", "a character is not allowed"
    CREDIT_CODE_REGION = "credit_code_region", "信用代码第3–8位应为数字", "3rd–8th: region code"
    CREDIT_CODE_CHECK = "credit_code_check", "信用代码校验位不符", "the check character is wrong"
    STAFF_COUNT = "staff_count", "职工人数无效", "the staff counts are not valid"
    NAME = "name", "名称不能为空", "a name or title is needed"
    TEXT_TOO_LONG = "text_too_long", "文字过长", "the text is too long"
    HOURS = "hours", "每周工时无效", "the weekly hours are not valid"
    PAY = "pay", "月薪无效", "the monthly pay is not valid"
    PLACE = "place", "经纬度无效", "the latitude or longitude is not valid"
    OPENINGS = "openings", "招聘人数至少为1", "a posting has at least one opening"
    MAX_DISTANCE = "max_distance", "通勤距离上限无效", "the maximum commute is not valid"
    POSTING_STATUS = "posting_status", "岗位状态不能这样变更", "the posting cannot take that status"
    POSTING_CLOSED = "posting_closed", "岗位不在招聘中，不能推荐", "the posting is not open"
    EMPLOYER_NOT_VERIFIED = "employer_not_verified", "用人单位未核验", "employer not verified"
    NO_CONSENT = "no_consent", "求职者未同意就业匹配", "the seeker has not consented to matching"
    NOT_ELIGIBLE = "not_eligible", "求职者不属于岗位招聘对象", "not in the groups the post is for"
    COUNSELLOR = "counsellor", "推荐须由就业指导员审批", "a referral needs an approving counsellor"
    STAGE_FINAL = "stage_final", "推荐已结束", "the referral has ended"
    STAGE_BACKWARDS = "stage_backwards", "不能退回之前的环节", "a referral does not go back"
    DATE_BACKWARDS = "date_backwards", "日期早于上一环节", "the date is before the previous step"
    REFUSAL_REASON = "refusal_reason", "请选择拒绝方及其原因", "name who refused and why"
    REFUSAL_NOTE = "refusal_note", "选择“其他”须填写说明", "“other” needs a note"
    NOT_HIRED = "not_hired", "尚未入职", "the seeker has not been hired"
    ALREADY_CONFIRMED = "already_confirmed", "用人单位已确认", "the employer has already confirmed"


class EmploymentError(ValueError):
    """A record or a step the rules refuse; `code` is the stable reason the UI words."""

    def __init__(self, message: str, code: ErrorCode):
        super().__init__(message)
        self.code = code


# --- employers -------------------------------------------------------------------------------


class EmployerStatus(Coded):
    VERIFIED = "verified", "已核验", "verified"  # papers and premises seen: takes referrals
    UNVERIFIED = "unverified", "待核验", "not yet verified"
    SUSPENDED = "suspended", "已暂停", "suspended"  # e.g. under review after a complaint


class EmploymentForm(Coded):
    """How the disability employment rules classify an employer or a post."""

    OPEN = "open", "普通岗位", "open employment"  # the open market (按比例就业)
    CONCENTRATED = "concentrated", "集中就业", "concentrated employment"  # welfare enterprises
    SHELTERED = "sheltered", "辅助性就业", "sheltered employment"  # supported workshops
    PUBLIC_WELFARE = "public_welfare", "公益性岗位", "public-welfare post"  # funded community posts


# GB 32100-2015: 31 characters (no I, O, S, V, Z, which read as digits), the weight of position
# i (1-based) is 3^(i-1) mod 31, and the 18th character makes the weighted sum ≡ 0 (mod 31).
CREDIT_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS: Final = tuple(pow(3, i, 31) for i in range(17))
_CREDIT_VALUE: Final = {c: i for i, c in enumerate(CREDIT_ALPHABET)}


def credit_check_char(first17: str) -> str:
    """The check character of the first 17 characters of a unified social credit code."""
    total = sum(_CREDIT_VALUE[c] * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def check_credit_code(text: str) -> str:
    """The unified social credit code (统一社会信用代码) normalised, or EmploymentError.

    Full-width characters from a Chinese input method, spaces and case are forgiven; a wrong
    check character is not, since it nearly always means a mistyped code.
    """
    code = "".join(unicodedata.normalize("NFKC", text).split()).upper()
    if len(code) != 18:
        raise EmploymentError(f"{len(code)} characters", ErrorCode.CREDIT_CODE_LENGTH)
    bad = "".join(c for c in code if c not in _CREDIT_VALUE)
    if bad:
        raise EmploymentError(f"not allowed: {bad}", ErrorCode.CREDIT_CODE_CHAR)
    if not code[2:8].isdigit():
        raise EmploymentError(f"region code {code[2:8]}", ErrorCode.CREDIT_CODE_REGION)
    expected = credit_check_char(code[:17])
    if code[17] != expected:
        raise EmploymentError(f"{code[17]}, expected {expected}", ErrorCode.CREDIT_CODE_CHECK)
    return code


# 《残疾人就业条例》 art. 8: disabled staff at least 1.5 % of staff; a province may set a higher
# ratio, hence `permille`. Required = floor(staff × ratio): the whole people an employer is
# short of, which is what a counsellor can place. (A strict reading of "不低于1.5%" would round
# up, and the employment-security levy charges the fractional rest; neither is computed here.)
# Integers, because 200 * 0.015 is 2.9999999999999996 and its floor 2.
QUOTA_PERMILLE: Final = 15


def quota_required(staff: int, *, permille: int = QUOTA_PERMILLE) -> int:
    """Disabled staff an employer of `staff` people must employ."""
    if staff < 0 or permille < 0:
        raise EmploymentError(f"staff {staff}, ratio {permille}‰", ErrorCode.STAFF_COUNT)
    return staff * permille // 1000


def quota_shortfall(staff: int, disabled_staff: int, *, permille: int = QUOTA_PERMILLE) -> int:
    """Disabled staff still missing to meet the quota (0 when met).

    `disabled_staff` is the counted number: the levy rules count a holder of a grade 1–2
    disability certificate as two (`counted_disabled`).
    """
    if disabled_staff < 0:
        raise EmploymentError(f"disabled staff {disabled_staff}", ErrorCode.STAFF_COUNT)
    return max(0, quota_required(staff, permille=permille) - disabled_staff)


def counted_disabled(severe: int, other: int) -> int:
    """Disabled staff as the quota counts them: grade 1–2 certificate holders twice."""
    return 2 * severe + other


@dataclass(frozen=True, slots=True)
class Employer:
    id: int
    name: str
    credit_code: str  # normalised by check_credit_code on construction
    status: EmployerStatus
    staff: int
    disabled_staff: int  # as the quota counts them
    forms: frozenset[EmploymentForm] = frozenset({EmploymentForm.OPEN})

    def __post_init__(self) -> None:
        object.__setattr__(self, "credit_code", check_credit_code(self.credit_code))
        object.__setattr__(self, "name", _text(self.name, NAME_MAX, required=True))
        object.__setattr__(self, "status", EmployerStatus(self.status))
        object.__setattr__(self, "forms", frozenset(map(EmploymentForm, self.forms)))
        quota_shortfall(self.staff, self.disabled_staff)  # refuses negative counts

    @property
    def shortfall(self) -> int:
        return quota_shortfall(self.staff, self.disabled_staff)


# --- postings and seekers ----------------------------------------------------------------------


class PostingStatus(Coded):
    OPEN = "open", "招聘中", "open"
    FILLED = "filled", "已招满", "filled"
    CLOSED = "closed", "已关闭", "closed"


# Filled may reopen (a hire that ends in the trial period frees the place); closed is final, so
# the referrals of a closed posting stay attached to what was advertised: repost instead.
_POSTING_NEXT: Final[dict[PostingStatus, frozenset[PostingStatus]]] = {
    PostingStatus.OPEN: frozenset({PostingStatus.FILLED, PostingStatus.CLOSED}),
    PostingStatus.FILLED: frozenset({PostingStatus.OPEN, PostingStatus.CLOSED}),
    PostingStatus.CLOSED: frozenset(),
}


class Accessibility(Coded):
    """What a workplace offers and a seeker needs: functional needs, never a diagnosis."""

    STEP_FREE = "step_free", "无台阶通行", "step-free access"
    SIGN_LANGUAGE = "sign_language", "手语沟通", "sign language"
    FLEXIBLE_HOURS = "flexible_hours", "弹性工时", "flexible hours"
    SEATED_WORK = "seated_work", "坐姿工作", "seated work"
    ACCESSIBLE_TOILET = "accessible_toilet", "无障碍卫生间", "accessible toilet"
    SCREEN_READER = "screen_reader", "支持读屏软件", "screen reader support"


class ShiftKind(Coded):
    DAY = "day", "白班", "day"
    EVENING = "evening", "晚班", "evening"
    FLEXIBLE = "flexible", "灵活排班", "flexible"


class SeekerStatus(Coded):
    """A recognised status; a posting may be reserved for some of them."""

    HARD_TO_EMPLOY = "hard_to_employ", "就业困难人员", "recognised hard to employ"
    LOW_INCOME = "low_income", "低收入", "low income"
    DISABILITY = "disability", "残疾人", "disability"  # holds a disability certificate


ANYONE: Final = Label("不限", "anyone")  # how to show a posting with an empty eligibility set
_FEATURE_BIT: Final = {f: 1 << i for i, f in enumerate(Accessibility)}
_STATUS_BIT: Final = {s: 1 << i for i, s in enumerate(SeekerStatus)}


def _mask(items: Iterable[K], bits: dict[K, int]) -> int:
    m = 0
    for item in items:
        m |= bits[item]
    return m


def _text(value: str, limit: int, *, required: bool = False) -> str:
    text = clean_line(value)
    if required and not text:
        raise EmploymentError("empty", ErrorCode.NAME)
    if len(text) > limit:
        raise EmploymentError(f"{len(text)} > {limit} characters", ErrorCode.TEXT_TOO_LONG)
    return text


def normalise_skill(text: str) -> str:
    """A skill as matching compares it: full width folded, spaces folded, case ignored."""
    return clean_line(unicodedata.normalize("NFKC", text)).casefold()[:SKILL_MAX]


def _skills(items: Iterable[str]) -> frozenset[str]:
    return frozenset(s for s in map(normalise_skill, items) if s)


def _check_place(lat: float, lon: float) -> None:
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise EmploymentError(f"({lat}, {lon})", ErrorCode.PLACE)


@dataclass(frozen=True, slots=True)
class Posting:
    """A job an employer offers. Text is cleaned, skills normalised and codes read from the
    database as plain strings turned into enums (unknown ones refused) on construction."""

    id: int
    employer_id: int
    title: str
    duties: str
    hours_per_week: int
    shift: ShiftKind
    pay_fen_per_month: int  # integer fen: no float touches money
    lat: float
    lon: float
    features: frozenset[Accessibility] = frozenset()
    skills: frozenset[str] = frozenset()  # required
    eligibility: frozenset[SeekerStatus] = frozenset()  # empty: anyone; else any one of them
    openings: int = 1
    status: PostingStatus = PostingStatus.OPEN
    form: EmploymentForm = EmploymentForm.OPEN

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "title", _text(self.title, TITLE_MAX, required=True))
        put(self, "duties", clean_block(self.duties))
        if len(self.duties) > DUTIES_MAX:
            raise EmploymentError(f"duties {len(self.duties)}", ErrorCode.TEXT_TOO_LONG)
        if not 1 <= self.hours_per_week <= HOURS_MAX:
            raise EmploymentError(f"{self.hours_per_week} h/week", ErrorCode.HOURS)
        if self.pay_fen_per_month < 0:
            raise EmploymentError(f"{self.pay_fen_per_month} fen", ErrorCode.PAY)
        if self.openings < 1:
            raise EmploymentError(f"{self.openings} openings", ErrorCode.OPENINGS)
        _check_place(self.lat, self.lon)
        put(self, "shift", ShiftKind(self.shift))
        put(self, "status", PostingStatus(self.status))
        put(self, "form", EmploymentForm(self.form))
        put(self, "features", frozenset(map(Accessibility, self.features)))
        put(self, "eligibility", frozenset(map(SeekerStatus, self.eligibility)))
        put(self, "skills", _skills(self.skills))


def can_move_posting(old: PostingStatus, new: PostingStatus) -> bool:
    return new in _POSTING_NEXT[old]


def move_posting(posting: Posting, new: PostingStatus) -> Posting:
    """The posting with its new status, or EmploymentError "posting_status"."""
    if not can_move_posting(posting.status, new):
        raise EmploymentError(f"{posting.status} → {new}", ErrorCode.POSTING_STATUS)
    return replace(posting, status=new)


@dataclass(frozen=True, slots=True)
class TrainingRecord:
    course: str
    provider: str
    completed_on: date | None = None  # None: under way or dropped
    skill: str = ""  # the skill a completed course gives; it counts in matching


@dataclass(frozen=True, slots=True)
class Seeker:
    """A resident looking for work, as matching sees them (converted like Posting)."""

    resident_id: int
    lat: float  # home
    lon: float
    skills: frozenset[str] = frozenset()
    needs: frozenset[Accessibility] = frozenset()
    min_hours: int = 0  # per week, both ends inclusive
    max_hours: int = 40
    shifts: frozenset[ShiftKind] = frozenset()  # empty: any shift
    max_km: float = 5.0
    statuses: frozenset[SeekerStatus] = frozenset()
    consent_to_match: bool = False  # core.consent's JOBS purpose in force
    training: tuple[TrainingRecord, ...] = ()

    def __post_init__(self) -> None:
        put = object.__setattr__
        _check_place(self.lat, self.lon)
        if not 0 <= self.min_hours <= self.max_hours <= HOURS_MAX:
            raise EmploymentError(f"{self.min_hours}–{self.max_hours} h", ErrorCode.HOURS)
        if not 0 < self.max_km <= DISTANCE_MAX_KM:
            raise EmploymentError(f"{self.max_km} km", ErrorCode.MAX_DISTANCE)
        put(self, "skills", _skills(self.skills))
        put(self, "needs", frozenset(map(Accessibility, self.needs)))
        put(self, "shifts", frozenset(map(ShiftKind, self.shifts)))
        put(self, "statuses", frozenset(map(SeekerStatus, self.statuses)))

    @property
    def all_skills(self) -> frozenset[str]:
        """Stated skills and those of completed training."""
        trained = [t.skill for t in self.training if t.completed_on is not None]
        return self.skills | _skills(trained)


def eligible(statuses: frozenset[SeekerStatus], eligibility: frozenset[SeekerStatus]) -> bool:
    """A posting reserved for some groups takes a seeker in any one of them."""
    return not eligibility or not eligibility.isdisjoint(statuses)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (core.geo has only a site's local tangent plane)."""
    p1, p2 = radians(lat1), radians(lat2)
    return _haversine(p1, radians(lon1), cos(p1), p2, radians(lon2), cos(p2))


def _haversine(p1: float, l1: float, cos1: float, p2: float, l2: float, cos2: float) -> float:
    # On radians with the cosines given: the bulk paths precompute them per row.
    h = sin((p2 - p1) / 2) ** 2 + cos1 * cos2 * sin((l2 - l1) / 2) ** 2
    return _EARTH_2KM * asin(min(1.0, sqrt(h)))


def _box(lat: float, lon: float, km: float) -> _Box:
    """(lat_lo, lat_hi, lon_lo, lon_hi) holding every point within `km` on the sphere.

    The longitude half-width asin(sin δ / cos φ) is exact, not the wider δ / cos φ; a box
    reaching a pole or the antimeridian gives up on longitude rather than wrap.
    """
    delta = km / _EARTH_KM
    dlat = math.degrees(delta) + _BOX_SLACK
    cos_lat = cos(radians(lat))
    if sin(delta) < cos_lat:
        dlon = math.degrees(asin(sin(delta) / cos_lat)) + _BOX_SLACK
        if lon - dlon >= -180.0 and lon + dlon <= 180.0:
            return lat - dlat, lat + dlat, lon - dlon, lon + dlon
    return lat - dlat, lat + dlat, -math.inf, math.inf


# --- matching ----------------------------------------------------------------------------------


class Reject(Coded):
    """A hard filter a seeker and a posting fail."""

    NO_CONSENT = "no_consent", "未同意就业匹配", "has not consented to job matching"
    POSTING_NOT_OPEN = "posting_not_open", "岗位不在招聘中", "the posting is not open"
    NOT_ELIGIBLE = "not_eligible", "不属于岗位招聘对象", "not in the groups the post is for"
    ACCESS_MISSING = "access_missing", "缺少所需的无障碍条件", "lacks accessibility needed"
    HOURS = "hours", "工时不在意向范围内", "hours outside the seeker's range"
    SHIFT = "shift", "班次不符合意向", "shift not among the seeker's choices"
    DISTANCE = "distance", "通勤距离超过上限", "farther than the seeker will travel"


@dataclass(frozen=True, slots=True)
class Rejection:
    code: Reject
    detail: str = ""  # the figures, e.g. "12.3 km > 10 km"


class Part(Coded):
    SKILLS = "skills", "技能匹配", "skills"
    COMMUTE = "commute", "通勤距离", "commute"
    SCHEDULE = "schedule", "时间安排", "schedule"


# Points out of 100 per part (weights 0.5, 0.3, 0.2), whole numbers so that 30 × 1.0 is
# exactly 30 (100 × 0.3 is 30.000000000000004).
SKILLS_POINTS: Final = 50
COMMUTE_POINTS: Final = 30
SCHEDULE_POINTS: Final = 20
_POINTS: Final = (SKILLS_POINTS, COMMUTE_POINTS, SCHEDULE_POINTS)  # in Part order


@dataclass(frozen=True, slots=True)
class ScorePart:
    name: Part
    weight: float  # share of the 100 points
    value: float  # 0..1
    points: float  # 100 × weight × value


@dataclass(frozen=True, slots=True)
class Match:
    """A seeker who passes every filter of a posting, the score, and why.

    The part values are stored and `parts` built when read: ranking a street's seekers makes
    a quarter of a million matches, and three ScoreParts each would triple the cost.
    """

    seeker_id: int
    posting_id: int
    total: float  # 0..100, the sum of the parts' points
    skills: float  # the parts' values, 0..1
    commute: float
    schedule: float
    distance_km: float
    missing_skills: frozenset[str]  # required skills the seeker lacks: training to suggest

    @property
    def parts(self) -> tuple[ScorePart, ...]:
        """Skills, commute and schedule: weight, value and points of each."""
        return tuple(
            ScorePart(part, points / 100, value, points * value)
            for part, points, value in zip(
                Part, _POINTS, (self.skills, self.commute, self.schedule), strict=True
            )
        )


def skills_value(required: frozenset[str], has: frozenset[str]) -> float:
    """Share of the required skills the seeker has; nothing required is a full fit."""
    return len(required & has) / len(required) if required else 1.0


def commute_value(distance_km: float, max_km: float) -> float:
    """1 at the door, falling linearly to 0 at the seeker's maximum distance."""
    return max(0.0, 1.0 - distance_km / max_km)


def schedule_value(seeker: Seeker, posting: Posting) -> float:
    """Half for hours within the seeker's range, half for a preferred shift (or no preference).

    The hard filters demand both, so every Match gets 1 here; it is defined for any pair so a
    counsellor's what-if view can show it.
    """
    hours = seeker.min_hours <= posting.hours_per_week <= seeker.max_hours
    shift = not seeker.shifts or posting.shift in seeker.shifts
    return (hours + shift) / 2


def _total(skills: float, commute: float, schedule: float) -> float:
    # The bulk paths inline this very expression: the same operations give the same floats,
    # so an index returns exactly what match() would.
    return SKILLS_POINTS * skills + COMMUTE_POINTS * commute + SCHEDULE_POINTS * schedule


def rejections(seeker: Seeker, posting: Posting) -> tuple[Rejection, ...]:
    """Every hard filter the pair fails, in Reject order; empty when they match.

    Without consent nothing else is looked at: working out the distance from a resident's
    home to a job is itself the processing they have not agreed to.
    """
    return _check(seeker, posting)[0]


def _check(seeker: Seeker, posting: Posting) -> tuple[tuple[Rejection, ...], float]:
    if not seeker.consent_to_match:
        return (Rejection(Reject.NO_CONSENT),), math.nan
    out: list[Rejection] = []
    if posting.status is not PostingStatus.OPEN:
        out.append(Rejection(Reject.POSTING_NOT_OPEN, posting.status.value))
    if not eligible(seeker.statuses, posting.eligibility):
        out.append(Rejection(Reject.NOT_ELIGIBLE, ", ".join(sorted(posting.eligibility))))
    if missing := seeker.needs - posting.features:
        out.append(Rejection(Reject.ACCESS_MISSING, ", ".join(sorted(missing))))
    h, lo, hi = posting.hours_per_week, seeker.min_hours, seeker.max_hours
    if not lo <= h <= hi:
        out.append(Rejection(Reject.HOURS, f"{h} h/week, range {lo}–{hi}"))
    if seeker.shifts and posting.shift not in seeker.shifts:
        out.append(Rejection(Reject.SHIFT, posting.shift.value))
    d = haversine_km(seeker.lat, seeker.lon, posting.lat, posting.lon)
    if d > seeker.max_km:
        out.append(Rejection(Reject.DISTANCE, f"{d:.1f} km > {seeker.max_km:g} km"))
    return tuple(out), d


def match(seeker: Seeker, posting: Posting) -> Match | None:
    """The scored match, or None when any hard filter fails (`rejections` says which)."""
    failed, d = _check(seeker, posting)
    if failed:
        return None
    has = seeker.all_skills
    values = (
        skills_value(posting.skills, has),
        commute_value(d, seeker.max_km),
        schedule_value(seeker, posting),
    )
    total, miss = _total(*values), posting.skills - has
    return Match(seeker.resident_id, posting.id, total, *values, d, miss)


# Bulk rows are plain tuples: unpacking beats attribute reads over millions of pairs.
# (position, hours, posting id, lat, lon, feature mask, eligibility mask, shift bit, required
# skills and their number, lat and lon in radians, cos lat)
_PRow = tuple[int, int, int, float, float, int, int, int, frozenset[str], int, float, float, float]
# (lat, resident id, min h, max h, need mask, status mask, max km, skills, the 4 sides of the
# bounding box, lat and lon in radians, cos lat)
_SRow = tuple[float, int, int, int, int, int, float, frozenset[str], *_Box, float, float, float]
# (-total, the other side's id, skills value, commute value, distance, skills to compare)
_Found = tuple[float, int, float, float, float, frozenset[str]]
_SHIFT_BIT: Final = {k: 1 << i for i, k in enumerate(ShiftKind)}

# Ranking with a limit scores first the pairs that share a skill (found through an index of
# skills) and those whose posting requires none. Every other pair has a skills value of 0, so
# a total of at most 0 + 30 × 1 + 20 = 50 (commute is at most 1, and rounding is monotonic, so
# the float is at most 50.0 too): when the limit's worst kept total is above that, none of them
# can enter and they are never looked at; otherwise only those near enough to reach it are.
_NO_SKILL_BEST: Final = SKILLS_POINTS * 0.0 + COMMUTE_POINTS * 1.0 + SCHEDULE_POINTS * 1.0


def _reach_km(far: float, top: float, worst: float) -> float:
    """How far a pair scoring `top` at 0 km (its commute falling to 0 at `far`) may be and
    still score `worst`: beyond it the pair scores less. Widened, so that rounding never drops
    a pair that ties; at most `far`."""
    return min(far, far * (top - worst) / COMMUTE_POINTS * (1 + 1e-9) + 1e-9)


def _best(found: list[_Found], limit: int | None) -> list[_Found]:
    # Best score first, then the lower id: (-total, id) decide, as ids are unique on a side.
    return sorted(found) if limit is None else heapq.nsmallest(limit, found)


def _kept(found: list[_Found], limit: int | None) -> tuple[list[_Found], float | None]:
    """What the limit keeps of the pairs found so far, best first, and the lowest total kept
    once the limit is reached (None: any other pair would be kept too)."""
    if limit is None:
        return found, None
    best = heapq.nsmallest(limit, found)
    return best, -best[-1][0] if len(best) == limit else None


class PostingIndex:
    """Open postings prepared once for ranking many seekers.

    Per shift kind, rows sorted by hours: a seeker's hour range is two bisections; bit masks
    (needs, eligibility) and the seeker's bounding box come before any haversine. An index of
    required skills finds the postings sharing a skill with the seeker, which a limited ranking
    scores first and which usually fill it (see _NO_SKILL_BEST).
    """

    def __init__(self, postings: Iterable[Posting]):
        every: list[_PRow] = []
        rows: dict[ShiftKind, list[_PRow]] = {k: [] for k in ShiftKind}
        by_skill: dict[str, list[int]] = {}
        for p in postings:
            if p.status is not PostingStatus.OPEN:
                continue
            at, req = len(every), p.skills
            feat, elig = _mask(p.features, _FEATURE_BIT), _mask(p.eligibility, _STATUS_BIT)
            pr, lr = radians(p.lat), radians(p.lon)
            bit = _SHIFT_BIT[p.shift]
            row = (at, p.hours_per_week, p.id, p.lat, p.lon, feat, elig, bit, req, len(req))
            every.append((*row, pr, lr, cos(pr)))
            rows[p.shift].append(every[-1])
            for skill in req:
                by_skill.setdefault(skill, []).append(at)
        for r in rows.values():
            r.sort(key=lambda row: (row[1], row[2]))
        self._every = every
        self._rows = rows
        self._hours = {k: [row[1] for row in r] for k, r in rows.items()}
        self._by_skill = {k: tuple(v) for k, v in by_skill.items()}
        self._free = tuple(row[0] for row in every if not row[9])  # requiring no skill

    def rank(self, seeker: Seeker, limit: int | None = None) -> list[Match]:
        """The seeker's matches, best first (ties: lower posting id); `limit` keeps the top."""
        if not seeker.consent_to_match or (limit is not None and limit <= 0):
            return []
        need, status = _mask(seeker.needs, _FEATURE_BIT), _mask(seeker.statuses, _STATUS_BIT)
        has, far, lo, hi = seeker.all_skills, seeker.max_km, seeker.min_hours, seeker.max_hours
        kinds = seeker.shifts or ShiftKind
        shifts = _mask(kinds, _SHIFT_BIT)
        lat_lo, lat_hi, lon_lo, lon_hi = _box(seeker.lat, seeker.lon, far)
        p0, l0 = radians(seeker.lat), radians(seeker.lon)
        cos0, sk, cm, sc, e2 = cos(p0), SKILLS_POINTS, COMMUTE_POINTS, SCHEDULE_POINTS, _EARTH_2KM
        # posting position → skills in common, for those sharing any and those requiring none
        shared = dict.fromkeys(self._free, 0)
        by_skill = self._by_skill
        for skill in has:
            for at in by_skill.get(skill, ()):
                shared[at] = shared.get(at, 0) + 1
        every = self._every
        found: list[_Found] = []
        for at, n in shared.items():
            _, h, pid, lat, lon, feat, elig, bit, req, nreq, pr, lr, cos_p = every[at]
            if not (bit & shifts and lo <= h <= hi) or need & ~feat or (elig and not elig & status):
                continue
            if not (lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi):
                continue
            # _haversine(p0, l0, cos0, pr, lr, cos_p), skills_value, commute_value and _total
            # inlined (the same operations, so the same floats as match()): calls cost more
            # than the arithmetic
            x = sin((pr - p0) / 2) ** 2 + cos0 * cos_p * sin((lr - l0) / 2) ** 2
            r = sqrt(x)
            d = e2 * asin(r if r < 1.0 else 1.0)  # min(1.0, r)
            if d <= far:
                s = n / nreq if nreq else 1.0
                c = 1.0 - d / far
                found.append((-(sk * s + cm * c + sc * 1.0), pid, s, c, d, req))
        # The rest share no skill with the seeker: skills value 0 / len(required) = 0.0.
        best, worst = _kept(found, limit)
        if worst is None or worst <= _NO_SKILL_BEST:
            if worst is not None:
                km = _reach_km(far, _NO_SKILL_BEST, worst)
                lat_lo, lat_hi, lon_lo, lon_hi = _box(seeker.lat, seeker.lon, km)
            for kind in kinds:
                rows, hours = self._rows[kind], self._hours[kind]
                start = bisect_left(hours, lo)
                for row in rows[start : bisect_right(hours, hi, lo=start)]:
                    at, _, pid, lat, lon, feat, elig, _, req, _, pr, lr, cos_p = row
                    if at in shared or need & ~feat or (elig and not elig & status):
                        continue
                    if not (lat_lo <= lat <= lat_hi and lon_lo <= lon <= lon_hi):
                        continue
                    x = sin((pr - p0) / 2) ** 2 + cos0 * cos_p * sin((lr - l0) / 2) ** 2
                    r = sqrt(x)
                    d = e2 * asin(r if r < 1.0 else 1.0)  # min(1.0, r)
                    if d <= far:
                        c = 1.0 - d / far
                        found.append((-(sk * 0.0 + cm * c + sc * 1.0), pid, 0.0, c, d, req))
            best = _best(found, limit)
        rid = seeker.resident_id
        return [Match(rid, pid, -t, s, c, 1.0, d, req - has) for t, pid, s, c, d, req in best]


class SeekerIndex:
    """Consenting seekers prepared once for ranking them against many postings.

    Per shift kind, rows sorted by latitude: a posting's band (as wide as the farthest any
    seeker of the kind will travel) is two bisections; each seeker's own box comes next. An
    index of skills per kind finds the seekers sharing a skill with the posting, which a
    limited ranking scores first and which usually fill it (see _NO_SKILL_BEST).
    """

    def __init__(self, seekers: Iterable[Seeker]):
        rows: dict[ShiftKind, list[_SRow]] = {k: [] for k in ShiftKind}
        for x in seekers:
            if not x.consent_to_match:
                continue  # never matched, so never indexed
            lat, lon, far, lo, hi = x.lat, x.lon, x.max_km, x.min_hours, x.max_hours
            need, status = _mask(x.needs, _FEATURE_BIT), _mask(x.statuses, _STATUS_BIT)
            box, has, pr, rid = _box(lat, lon, far), x.all_skills, radians(lat), x.resident_id
            row: _SRow = (lat, rid, lo, hi, need, status, far, has, *box, pr, radians(lon), cos(pr))
            for kind in x.shifts or ShiftKind:
                rows[kind].append(row)
        self._rows = {k: sorted(r, key=lambda row: (row[0], row[1])) for k, r in rows.items()}
        self._lats = {k: [row[0] for row in r] for k, r in self._rows.items()}
        self._far = {k: max((row[6] for row in r), default=0.0) for k, r in rows.items()}
        self._reach = {k: _degrees_of(km) for k, km in self._far.items()}
        by_skill: dict[ShiftKind, dict[str, list[int]]] = {k: {} for k in ShiftKind}
        for k, r in self._rows.items():
            for at, row in enumerate(r):
                for skill in row[7]:
                    by_skill[k].setdefault(skill, []).append(at)
        self._by_skill = {k: {s: tuple(v) for s, v in d.items()} for k, d in by_skill.items()}

    def rank_for(self, posting: Posting, limit: int | None = None) -> list[Match]:
        """The posting's matching seekers, best first (ties: lower resident id)."""
        if posting.status is not PostingStatus.OPEN or (limit is not None and limit <= 0):
            return []
        feat = _mask(posting.features, _FEATURE_BIT)
        elig = _mask(posting.eligibility, _STATUS_BIT)
        h, plat, plon, req = posting.hours_per_week, posting.lat, posting.lon, posting.skills
        p0, l0 = radians(plat), radians(plon)
        cos0, sk, cm, sc, e2 = cos(p0), SKILLS_POINTS, COMMUTE_POINTS, SCHEDULE_POINTS, _EARTH_2KM
        kind, nreq = posting.shift, len(req)
        rows, lats, reach = self._rows[kind], self._lats[kind], self._reach[kind]
        # seeker row → skills in common, for those sharing any (none: every seeker scores 1)
        shared: dict[int, int] = {}
        by_skill = self._by_skill[kind]
        for skill in req:
            for at in by_skill.get(skill, ()):
                shared[at] = shared.get(at, 0) + 1
        found: list[_Found] = []
        for at, n in shared.items():
            _, rid, lo, hi, need, status, far, has, la, lb, oa, ob, pr, lr, cos_s = rows[at]
            if not lo <= h <= hi or need & ~feat or (elig and not elig & status):
                continue
            if not (la <= plat <= lb and oa <= plon <= ob):
                continue
            # _haversine(pr, lr, cos_s, p0, l0, cos0), the seeker first as in match(), and the
            # score inlined as in PostingIndex
            x = sin((p0 - pr) / 2) ** 2 + cos_s * cos0 * sin((l0 - lr) / 2) ** 2
            r = sqrt(x)
            d = e2 * asin(r if r < 1.0 else 1.0)  # min(1.0, r)
            if d <= far:
                s = n / nreq
                c = 1.0 - d / far
                found.append((-(sk * s + cm * c + sc * 1.0), rid, s, c, d, has))
        # The rest share no skill with the posting: skills value 0.0, or 1.0 if it needs none.
        rest = 0.0 if req else 1.0
        top = sk * rest + cm * 1.0 + sc * 1.0
        best, worst = _kept(found, limit)
        if worst is None or worst <= top:
            if worst is not None:
                reach = _degrees_of(_reach_km(self._far[kind], top, worst))
            start = bisect_left(lats, plat - reach)
            end = bisect_right(lats, plat + reach, lo=start)
            for at, row in enumerate(rows[start:end], start):
                _, rid, lo, hi, need, status, far, has, la, lb, oa, ob, pr, lr, cos_s = row
                if (
                    at in shared
                    or not lo <= h <= hi
                    or need & ~feat
                    or (elig and not elig & status)
                ):
                    continue
                if not (la <= plat <= lb and oa <= plon <= ob):
                    continue
                x = sin((p0 - pr) / 2) ** 2 + cos_s * cos0 * sin((l0 - lr) / 2) ** 2
                r = sqrt(x)
                d = e2 * asin(r if r < 1.0 else 1.0)  # min(1.0, r)
                if d <= far:
                    c = 1.0 - d / far
                    found.append((-(sk * rest + cm * c + sc * 1.0), rid, rest, c, d, has))
            best = _best(found, limit)
        pid = posting.id
        return [Match(rid, pid, -t, s, c, 1.0, d, req - has) for t, rid, s, c, d, has in best]


def _degrees_of(km: float) -> float:
    """The latitude band, in degrees, holding every point within `km` (with _box's slack)."""
    return math.degrees(km / _EARTH_KM) + _BOX_SLACK


def rank(
    seeker: Seeker, postings: Iterable[Posting] | PostingIndex, limit: int | None = None
) -> list[Match]:
    """A seeker's matches, best score first, then posting id. When ranking many seekers, pass
    a PostingIndex built once."""
    index = postings if isinstance(postings, PostingIndex) else PostingIndex(postings)
    return index.rank(seeker, limit)


def rank_for_posting(
    posting: Posting, seekers: Iterable[Seeker] | SeekerIndex, limit: int | None = None
) -> list[Match]:
    """A posting's matching seekers, best score first, then resident id. When ranking for
    many postings, pass a SeekerIndex built once."""
    index = seekers if isinstance(seekers, SeekerIndex) else SeekerIndex(seekers)
    return index.rank_for(posting, limit)


# --- referrals ---------------------------------------------------------------------------------


class Stage(Coded):
    REFERRED = "referred", "已推荐", "referred"
    INTERVIEW = "interview", "面试", "interview"
    OFFER = "offer", "拟录用", "offer"
    HIRED = "hired", "已入职", "hired"
    REFUSED = "refused", "未成功", "refused"  # by either side, at any stage before hired


class RefusedBy(Coded):
    SEEKER = "seeker", "求职者", "seeker"
    EMPLOYER = "employer", "用人单位", "employer"


class SeekerRefusal(Coded):
    PAY = "pay", "薪酬偏低", "pay too low"
    HOURS = "hours", "工时不合适", "hours unsuitable"
    COMMUTE = "commute", "通勤不便", "commute too hard"
    ACCESS = "access", "无障碍条件不足", "workplace not accessible enough"
    HEALTH = "health", "健康原因", "health reasons"
    CARE_DUTIES = "care_duties", "家庭照护", "family care duties"
    OTHER_JOB = "other_job", "已另行就业", "found other work"
    OTHER = "other", "其他", "other"


class EmployerRefusal(Coded):
    # No code for "cannot accommodate the disability": refusing for it is discrimination
    # (残疾人保障法 art. 38), so such a case is "other" with a note the counsellor follows up.
    SKILLS = "skills", "技能不符", "skills do not fit"
    EXPERIENCE = "experience", "经验不足", "not enough experience"
    FILLED = "filled", "岗位已满", "post already filled"
    NO_SHOW = "no_show", "未参加面试", "did not attend"
    TRIAL = "trial", "试岗未通过", "trial not passed"
    OTHER = "other", "其他", "other"


_ORDER: Final = {Stage.REFERRED: 0, Stage.INTERVIEW: 1, Stage.OFFER: 2, Stage.HIRED: 3}
FINAL_STAGES: Final = frozenset({Stage.HIRED, Stage.REFUSED})
_REASONS: Final[dict[RefusedBy, type[SeekerRefusal] | type[EmployerRefusal]]] = {
    RefusedBy.SEEKER: SeekerRefusal,
    RefusedBy.EMPLOYER: EmployerRefusal,
}


def can_advance(old: Stage, new: Stage) -> bool:
    """Forward only, steps may be skipped (a public-welfare post is often assigned without an
    interview); refused from any open stage; hired and refused are final."""
    if old in FINAL_STAGES:
        return False
    return new is Stage.REFUSED or _ORDER[new] > _ORDER[old]


@dataclass(frozen=True, slots=True)
class StageEntry:
    """One step of a referral. Codes read back as plain strings become enums here, so that
    `stage is Stage.HIRED` (and with it the placement count) holds for stored rows too."""

    stage: Stage
    on: date
    refused_by: RefusedBy | None = None
    reason: SeekerRefusal | EmployerRefusal | None = None
    note: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "stage", Stage(self.stage))
        if self.refused_by is not None:
            by = RefusedBy(self.refused_by)
            object.__setattr__(self, "refused_by", by)
            if self.reason is not None:
                object.__setattr__(self, "reason", _REASONS[by](self.reason))


@dataclass(frozen=True, slots=True)
class Referral:
    """A seeker put forward for a posting, approved by a counsellor, and what followed."""

    seeker_id: int
    posting_id: int
    counsellor: str  # who approved it
    history: tuple[StageEntry, ...]  # oldest first; the first is "referred"
    employer_confirmed_on: date | None = None
    id: int | None = None  # the service's row id once stored

    @property
    def stage(self) -> Stage:
        return self.history[-1].stage

    @property
    def referred_on(self) -> date:
        return self.history[0].on

    @property
    def hired_on(self) -> date | None:
        return next((e.on for e in self.history if e.stage is Stage.HIRED), None)

    @property
    def is_placement(self) -> bool:
        return counts_as_placement(self.stage is Stage.HIRED, self.employer_confirmed_on)


def refer(
    seeker: Seeker, posting: Posting, *, employer: EmployerStatus, counsellor: str, on: date
) -> Referral:
    """A new referral, or EmploymentError.

    Refused without consent, to a posting not open ("posting_closed"), to an employer not
    verified, for a post reserved for groups the seeker is in none of, or with no approving
    counsellor. Preferences (hours, shift, distance) are the counsellor's call, not refusals.
    """
    if not seeker.consent_to_match:
        raise EmploymentError(f"seeker {seeker.resident_id}", ErrorCode.NO_CONSENT)
    if posting.status is not PostingStatus.OPEN:
        raise EmploymentError(f"posting {posting.id}: {posting.status}", ErrorCode.POSTING_CLOSED)
    if EmployerStatus(employer) is not EmployerStatus.VERIFIED:
        raise EmploymentError(f"employer {employer}", ErrorCode.EMPLOYER_NOT_VERIFIED)
    if not eligible(seeker.statuses, posting.eligibility):
        raise EmploymentError(f"posting {posting.id}", ErrorCode.NOT_ELIGIBLE)
    name = clean_line(counsellor)
    if not name:
        raise EmploymentError("no counsellor", ErrorCode.COUNSELLOR)
    name = _text(name, NAME_MAX)
    return Referral(seeker.resident_id, posting.id, name, (StageEntry(Stage.REFERRED, on),))


def advance(
    referral: Referral,
    stage: Stage,
    on: date,
    *,
    refused_by: RefusedBy | None = None,
    reason: SeekerRefusal | EmployerRefusal | str | None = None,
    note: str = "",
) -> Referral:
    """The referral moved on to `stage` on `on`, or EmploymentError.

    A refusal names who refused and a reason from that side's list ("other" needs a note).
    """
    last, stage = referral.history[-1], Stage(stage)
    if last.stage in FINAL_STAGES:
        raise EmploymentError(f"already {last.stage}", ErrorCode.STAGE_FINAL)
    if not can_advance(last.stage, stage):
        raise EmploymentError(f"{last.stage} → {stage}", ErrorCode.STAGE_BACKWARDS)
    if on < last.on:
        raise EmploymentError(f"{on} before {last.on}", ErrorCode.DATE_BACKWARDS)
    note = _text(note, NOTE_MAX)
    # A plain string (from a form or the database) is read as that side's code; the other
    # side's member is refused even where the strings agree ("other").
    by = None if refused_by is None else RefusedBy(refused_by)
    side = None if by is None else _REASONS[by]
    why: SeekerRefusal | EmployerRefusal | None = None
    if stage is not Stage.REFUSED:
        if by is not None or reason is not None:
            # a reason on a forward step would be stored and never shown: refuse it instead
            raise EmploymentError(f"{stage} takes no refusal reason", ErrorCode.REFUSAL_REASON)
    elif (
        side is None
        or reason not in set(side)
        or (isinstance(reason, Coded) and not isinstance(reason, side))
    ):
        raise EmploymentError(f"{refused_by}: {reason}", ErrorCode.REFUSAL_REASON)
    else:
        why = side(reason)
        if why.value == "other" and not note:
            raise EmploymentError("other without a note", ErrorCode.REFUSAL_NOTE)
    entry = StageEntry(stage, on, by, why, note)
    return replace(referral, history=(*referral.history, entry))


def confirm_by_employer(referral: Referral, on: date) -> Referral:
    """The hire confirmed by the employer on `on`: only then is it a placement."""
    hired_on = referral.hired_on
    if hired_on is None:
        raise EmploymentError(f"stage {referral.stage}", ErrorCode.NOT_HIRED)
    if referral.employer_confirmed_on is not None:
        raise EmploymentError(str(referral.employer_confirmed_on), ErrorCode.ALREADY_CONFIRMED)
    if on < hired_on:
        raise EmploymentError(f"{on} before {hired_on}", ErrorCode.DATE_BACKWARDS)
    return replace(referral, employer_confirmed_on=on)


def add_months(day: date, months: int) -> date:
    """`day` some calendar months later, clamped to the month's end (31 Jan + 1 → 28 Feb)."""
    years, month0 = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month0 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def retention_checks(hired_on: date) -> tuple[date, date]:
    """The days of the follow-up calls 3 and 6 calendar months after the hire."""
    three, six = RETENTION_MONTHS
    return add_months(hired_on, three), add_months(hired_on, six)


def counts_as_placement(hired: bool, employer_confirmed_on: date | None) -> bool:
    """A hire counts toward the target only once the employer has confirmed it."""
    return hired and employer_confirmed_on is not None


def placements(referrals: Iterable[Referral]) -> int:
    """Confirmed hires, each (seeker, posting) once: a re-entered referral is not a second job."""
    return len({(r.seeker_id, r.posting_id) for r in referrals if r.is_placement})
