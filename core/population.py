"""Deterministic synthetic residents of a site, for the demo, load tests and benchmarks."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from typing import Final

from core.idcard import make_id_number
from core.site import CommunitySpec, SiteSpec

# 天津市红桥区 in GB/T 2260; every synthetic resident is registered in the district.
REGION_CODE: Final = "120106"

RELATIONS: Final = ("子女", "配偶", "亲属", "邻居")
CONSENT_METHODS: Final = ("书面", "电话", "工作站现场")

# Common surnames with weights leaning to northern China: 王李张刘 lead, 陈黄林 are rarer
# than in national tables, 于韩穆阎 appear more often in Tianjin.
_SURNAMES: Final = (
    ("王", 90), ("李", 85), ("张", 85), ("刘", 70), ("杨", 35), ("赵", 35), ("陈", 30),
    ("孙", 25), ("高", 22), ("马", 22), ("周", 18), ("吴", 16), ("徐", 16), ("郭", 15),
    ("韩", 14), ("于", 14), ("胡", 12), ("朱", 12), ("黄", 10), ("何", 10), ("田", 10),
    ("宋", 10), ("董", 10), ("曹", 9), ("冯", 9), ("贾", 8), ("崔", 8), ("许", 8),
    ("郑", 8), ("梁", 7), ("石", 7), ("白", 7), ("魏", 7), ("林", 6), ("谢", 6),
    ("袁", 6), ("阎", 6), ("卢", 6), ("侯", 6), ("邢", 6), ("齐", 5), ("常", 5),
    ("尹", 4), ("纪", 4), ("穆", 4), ("边", 3),
)  # fmt: skip
_SURNAME_CHARS: Final = tuple(name for name, _ in _SURNAMES)
_SURNAME_CUM: Final = tuple(accumulate(weight for _, weight in _SURNAMES))

# Given names follow fashions, so they are drawn from the pool of the birth cohort.
_GIVEN_NAMES: Final[dict[tuple[str, str], tuple[str, ...]]] = {
    ("old", "M"): (
        "建国", "国庆", "振华", "德明", "志强", "永利", "宝山", "长海", "文彬", "树林",
        "凤岐", "玉清", "金生", "福来", "国栋", "宝华", "国良", "庆祥", "德厚", "广田",
        "殿臣", "俊峰", "连生", "玉林", "满仓",
    ),
    ("old", "F"): (
        "淑珍", "桂兰", "秀英", "玉兰", "凤兰", "素芳", "淑华", "秀兰", "桂芳", "玉珍",
        "凤英", "秀珍", "淑英", "桂珍", "素琴", "玉梅", "秀芝", "淑兰", "桂英", "玉芬",
        "凤琴", "淑芬", "秀云", "宝珍", "金凤",
    ),
    ("mid", "M"): (
        "建华", "卫东", "海涛", "志刚", "立新", "军", "伟", "勇", "强", "磊", "涛", "鹏",
        "斌", "健", "海波", "晓东", "建军", "红军", "学军", "春生", "宏伟", "永刚", "国强",
        "东升", "卫国",
    ),
    ("mid", "F"): (
        "丽", "静", "敏", "艳", "红霞", "丽娟", "晓燕", "海燕", "娜", "玲", "红梅", "丽华",
        "秀云", "燕", "慧", "颖", "婷", "洁", "春梅", "晓红", "丽萍", "雪梅", "金玲", "艳萍",
        "晓丽",
    ),
    ("new", "M"): (
        "浩", "宇", "子轩", "浩然", "一鸣", "博文", "天佑", "俊杰", "梓豪", "宇航", "皓轩",
        "明轩", "子豪", "晨阳", "思远", "家豪", "泽宇", "铭", "睿", "哲", "嘉懿", "奕辰",
        "锦程", "沐阳", "子墨",
    ),
    ("new", "F"): (
        "欣怡", "子涵", "雨桐", "诗琪", "梓萱", "佳怡", "思雨", "梦瑶", "雨欣", "可欣",
        "一诺", "欣然", "紫涵", "晨曦", "语嫣", "佳琪", "若曦", "婉清", "悦", "萱", "芷若",
        "梓晴", "安琪", "沐晨", "依诺",
    ),
}  # fmt: skip

_MOBILE_PREFIXES: Final = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "153", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181",
    "182", "183", "185", "186", "187", "188", "189", "191", "198", "199",
)  # fmt: skip

# (youngest, oldest, share within the under-60s or the over-60s, relative care need).
# The care weights make the oldest residents the most likely to carry a care flag.
_YOUNG_BRACKETS: Final = (
    (0, 6, 0.07, 0.15),
    (7, 17, 0.11, 0.15),
    (18, 29, 0.17, 0.25),
    (30, 44, 0.30, 0.35),
    (45, 59, 0.35, 0.8),
)
_ELDER_BRACKETS: Final = (
    (60, 69, 0.50, 2.0),
    (70, 79, 0.32, 4.0),
    (80, 89, 0.15, 6.5),
    (90, 99, 0.03, 8.0),
)
_BRACKETS: Final = _YOUNG_BRACKETS + _ELDER_BRACKETS
# An old inner-city district: between 17 % and 36 % of a community is 60 or older.
_ELDER_SHARE_RANGE: Final = (0.17, 0.36)

_CONSENT_GIVEN_FLAGGED: Final = 0.92
_CONSENT_GIVEN_OTHERS: Final = 0.35
_CONSENT_WEIGHTS: Final = (55, 15, 30)  # in CONSENT_METHODS order: 书面, 电话, 工作站现场
_CONSENT_WINDOW_DAYS: Final = 3 * 365


@dataclass(frozen=True, slots=True)
class CareFlags:
    """Why a resident may need the community's attention."""

    lives_alone: bool
    dementia: bool
    disability: bool
    chronic_illness: bool

    def any(self) -> bool:
        """True when at least one flag is set."""
        return self.lives_alone or self.dementia or self.disability or self.chronic_illness


NO_CARE: Final = CareFlags(False, False, False, False)


@dataclass(frozen=True, slots=True)
class ResidentSpec:
    """One synthetic resident; id_number is valid and unique within a generated population."""

    community: str
    name: str
    gender: str
    birth_date: date
    id_number: str
    address: str
    phone: str
    care: CareFlags
    emergency_contact_name: str
    emergency_contact_phone: str
    emergency_contact_relation: str
    consent_given: bool
    consent_date: date | None
    consent_method: str | None


def generate_population(
    site: SiteSpec,
    count: int,
    *,
    care_share: float = 0.2,
    seed: int = 20261125,
    today: date | None = None,
) -> Iterator[ResidentSpec]:
    """Yield count residents spread over the site's communities in proportion to population.

    The same site, count, care_share, seed and today always give the same residents. About
    care_share of them carry at least one care flag, most of those aged 60 or more.
    """
    if count < 0:
        raise ValueError(f"count must be >= 0, got {count}")
    if not 0.0 <= care_share <= 1.0:
        raise ValueError(f"care_share must be within 0..1, got {care_share}")
    if count and not site.communities:
        raise ValueError(f"site {site.name!r} has no communities to populate")
    # Arguments are checked above, eagerly; the generator below only runs on iteration.
    return _Generator(site, count, care_share, seed, today or date.today()).residents()


def allocate(populations: Sequence[int], count: int) -> list[int]:
    """Split count in proportion to populations (largest remainder; equal if all are 0)."""
    weights = list(populations) if any(populations) else [1] * len(populations)
    total = sum(weights)
    exact = [count * weight / total for weight in weights]
    shares = [int(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: (shares[i] - exact[i], i))
    for i in by_remainder[: count - sum(shares)]:
        shares[i] += 1
    return shares


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a non-leap target year
        return day.replace(year=day.year - years, day=28)


def _cohort(birth_year: int) -> str:
    if birth_year < 1960:
        return "old"
    return "mid" if birth_year < 1990 else "new"


@dataclass(frozen=True, slots=True)
class _Community:
    spec: CommunitySpec
    bracket_cum: tuple[float, ...]  # cumulative probability of each entry of _BRACKETS


class _Generator:
    def __init__(
        self, site: SiteSpec, count: int, care_share: float, seed: int, today: date
    ) -> None:
        self.rng = random.Random(seed)
        self.count = count
        self.today = today
        self.communities = self._profiles(site.communities)
        self.allocation = allocate([c.population for c in site.communities], count)
        self.care_scale = self._care_scale(care_share)
        self.ids: set[str] = set()
        self.phones: set[str] = set()

    def _profiles(self, specs: Sequence[CommunitySpec]) -> list[_Community]:
        # Spread the elder shares evenly over the range, then shuffle, so every site has both
        # younger communities and some where more than 30 % are 60 or older.
        low, high = _ELDER_SHARE_RANGE
        step = (high - low) / max(1, len(specs) - 1)
        shares = [low + step * i for i in range(len(specs))]
        self.rng.shuffle(shares)
        profiles = []
        for spec, elder in zip(specs, shares, strict=True):
            probabilities = [share * (1.0 - elder) for _, _, share, _ in _YOUNG_BRACKETS]
            probabilities += [share * elder for _, _, share, _ in _ELDER_BRACKETS]
            profiles.append(_Community(spec, tuple(accumulate(probabilities))))
        return profiles

    def _care_scale(self, care_share: float) -> float:
        """The k for which P(flag | age) = min(1, k * care weight) flags care_share overall."""
        mixture = [0.0] * len(_BRACKETS)
        total = max(1, sum(self.allocation))
        for community, allotted in zip(self.communities, self.allocation, strict=True):
            previous = 0.0
            for i, cumulative in enumerate(community.bracket_cum):
                mixture[i] += (cumulative - previous) * allotted / total
                previous = cumulative
        needs = [need for *_, need in _BRACKETS]

        def flagged(scale: float) -> float:
            return sum(p * min(1.0, scale * need) for p, need in zip(mixture, needs, strict=True))

        low, high = 0.0, 1.0 / min(needs)
        for _ in range(60):
            middle = (low + high) / 2.0
            if flagged(middle) < care_share:
                low = middle
            else:
                high = middle
        return high

    def residents(self) -> Iterator[ResidentSpec]:
        # A shuffled roster of community slots: the exact proportional split, yet any prefix of
        # the stream is a fair sample of the whole street.
        roster = [i for i, allotted in enumerate(self.allocation) for _ in range(allotted)]
        self.rng.shuffle(roster)
        for index in roster:
            yield self._resident(self.communities[index])

    def _resident(self, community: _Community) -> ResidentSpec:
        rng = self.rng
        pick = bisect_right(community.bracket_cum, rng.random() * community.bracket_cum[-1])
        bracket = _BRACKETS[min(len(_BRACKETS) - 1, pick)]
        youngest, oldest, _, need = bracket
        age = rng.randint(youngest, oldest)
        # Women outlive men, so the oldest cohorts are mostly women.
        female_share = 0.5 if age < 70 else (0.58 if age < 85 else 0.66)
        gender = "F" if rng.random() < female_share else "M"
        birth = self._birth_date(age)
        surname = self._surname()
        name = surname + self._given_name(birth.year, gender)
        care = self._care(age, need)
        relation, contact_name = self._contact(age, gender, surname, birth.year, care)
        consent_given = rng.random() < (
            _CONSENT_GIVEN_FLAGGED if care.any() else _CONSENT_GIVEN_OTHERS
        )
        consent_date = consent_method = None
        if consent_given:
            earliest = max(birth, self.today - timedelta(days=_CONSENT_WINDOW_DAYS))
            span = (self.today - earliest).days
            consent_date = earliest + timedelta(days=rng.randint(0, span))
            consent_method = rng.choices(CONSENT_METHODS, weights=_CONSENT_WEIGHTS)[0]
        phone = self._unique_phone()
        return ResidentSpec(
            community=community.spec.code,
            name=name,
            gender=gender,
            birth_date=birth,
            id_number=self._unique_id(birth, gender),
            address=self._address(community.spec),
            phone=phone,
            care=care,
            emergency_contact_name=contact_name,
            emergency_contact_phone=self._other_phone(phone),
            emergency_contact_relation=relation,
            consent_given=consent_given,
            consent_date=consent_date,
            consent_method=consent_method,
        )

    def _birth_date(self, age: int) -> date:
        latest = _years_before(self.today, age)
        earliest = _years_before(self.today, age + 1) + timedelta(days=1)
        return date.fromordinal(self.rng.randint(earliest.toordinal(), latest.toordinal()))

    def _surname(self) -> str:
        return self.rng.choices(_SURNAME_CHARS, cum_weights=_SURNAME_CUM)[0]

    def _given_name(self, birth_year: int, gender: str) -> str:
        return self.rng.choice(_GIVEN_NAMES[_cohort(birth_year), gender])

    def _care(self, age: int, need: float) -> CareFlags:
        rng = self.rng
        if rng.random() >= min(1.0, self.care_scale * need):
            return NO_CARE
        # Relative weights of each reason at this age; the first drawn is certain, the
        # others follow with a quarter of their weight, since conditions cluster.
        alone = 0.0 if age < 18 else (0.15 if age < 60 else 0.45)
        dementia = 0.0 if age < 60 else (0.05 if age < 70 else (0.15 if age < 80 else 0.35))
        disability = 0.6 if age < 18 else (0.45 if age < 60 else 0.15)
        chronic = 0.5 if age < 18 else (0.55 if age < 60 else 0.5)
        weights = [alone, dementia, disability, chronic]
        primary = rng.choices(range(4), weights=weights)[0]
        flags = [i == primary or rng.random() < 0.25 * w for i, w in enumerate(weights)]
        return CareFlags(*flags)

    def _contact(
        self, age: int, gender: str, surname: str, birth_year: int, care: CareFlags
    ) -> tuple[str, str]:
        rng = self.rng
        if age < 18:
            relation = "亲属"  # a parent
        elif care.lives_alone:
            # Someone living alone has no spouse at home to call.
            weights = (60, 25, 15) if age >= 50 else (0, 70, 30)
            relation = rng.choices(("子女", "亲属", "邻居"), weights=weights)[0]
        elif age >= 60:
            relation = rng.choices(RELATIONS, weights=(50, 40, 7, 3))[0]
        elif age >= 30:
            relation = rng.choices(RELATIONS, weights=(10 if age >= 45 else 3, 60, 30, 5))[0]
        else:
            relation = rng.choices(("配偶", "亲属", "邻居"), weights=(20, 75, 5))[0]

        contact_gender = rng.choice("MF")
        contact_surname = self._surname()
        contact_year = birth_year
        if relation == "配偶":
            contact_gender = "F" if gender == "M" else "M"
        elif relation == "子女":
            contact_year = birth_year + rng.randint(24, 34)
            if gender == "M" or rng.random() < 0.5:
                contact_surname = surname
        elif relation == "亲属":
            if age < 18:
                contact_year = birth_year - rng.randint(24, 38)
            if rng.random() < 0.5:
                contact_surname = surname
        else:
            contact_year = birth_year + rng.randint(-25, 25)
        return relation, contact_surname + self._given_name(contact_year, contact_gender)

    def _address(self, community: CommunitySpec) -> str:
        rng = self.rng
        street = rng.choice(community.streets)
        # Walk-up blocks of the 1980s-90s: up to six gates of six floors, three flats a floor.
        return (
            f"{street}{rng.randint(1, 98)}号{rng.randint(1, 6)}门"
            f"{rng.randint(1, 6)}0{rng.randint(1, 3)}"
        )

    def _mobile(self) -> str:
        return self.rng.choice(_MOBILE_PREFIXES) + f"{self.rng.randrange(100_000_000):08d}"

    def _unique_phone(self) -> str:
        while True:
            phone = self._mobile()
            if phone not in self.phones:
                self.phones.add(phone)
                return phone

    def _other_phone(self, own: str) -> str:
        while True:
            phone = self._mobile()
            if phone != own:
                return phone

    def _unique_id(self, birth: date, gender: str) -> str:
        # Odd sequence digits are men, even are women (GB 11643); 499 or 500 per birth date
        # and gender, far more than any realistic street needs.
        first = 1 if gender == "M" else 2
        for _ in range(200):
            number = make_id_number(REGION_CODE, birth, self.rng.randrange(first, 1000, 2))
            if number not in self.ids:
                self.ids.add(number)
                return number
        raise RuntimeError(f"no free identity number left for {birth} {gender}")
