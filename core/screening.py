"""Screening instruments (PHQ, GAD, GDS-15), their licences, and scoring as published."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Final

from core.text import clean_line


class Licence(enum.StrEnum):
    """Under what terms an instrument may be used."""

    # Copyright Pfizer Inc.; the PHQ screeners' site states "No permission required to
    # reproduce, translate, display or distribute" (phqscreeners.com, instructions manual).
    FREE_NO_PERMISSION = "free_no_permission"
    # The GDS authors placed the scale in the public domain (Stanford GDS site).
    PUBLIC_DOMAIN = "public_domain"
    # The rights holder's written permission (or a bought licence) is needed first.
    PERMISSION_REQUIRED = "permission_required"


class ScreeningError(ValueError):
    """Answers that cannot be scored; `code` names the problem for the caller."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


class InvalidAnswer(ScreeningError):
    """An answer that is not one of the item's options, or to an item that does not exist."""

    def __init__(self, message: str, item: int):
        super().__init__(message, "invalid_answer")
        self.item = item


class IncompleteScreening(ScreeningError):
    """Items left unanswered: the screening stays partial and is never given a score.

    None of the built-in instruments publishes a prorating rule from its authors (the
    half-answered PHQ-9 rule found in the literature is a later study's, not the PHQ
    manual's), and a missing item 9 must never be filled in as "not at all".
    """

    def __init__(self, instrument: str, missing: tuple[int, ...]):
        listed = ", ".join(str(n) for n in missing)
        super().__init__(f"{instrument}: items {listed} are not answered", "incomplete")
        self.missing = missing


@dataclass(frozen=True, slots=True)
class Option:
    """One response option: the code stored as the answer, its score, and its wording."""

    code: str
    score: int
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class Item:
    """One question. `scored` False keeps it out of the total (an added risk question).

    `risk_at`: an answer scoring at least this raises the risk flag (PHQ-9 item 9 at 1).
    """

    number: int
    zh: str
    en: str
    options: tuple[Option, ...]
    scored: bool = True
    risk_at: int | None = None

    def option(self, answer: object) -> Option:
        """The option an answer picks, or InvalidAnswer.

        Frequency answers may come as the int score (0..3) or its code; yes/no answers
        only as "yes"/"no". A bool is refused so that True is never read as 1.
        """
        if isinstance(answer, bool) or not isinstance(answer, int | str):
            raise InvalidAnswer(f"item {self.number}: {answer!r} is not an answer", self.number)
        code = str(answer).strip().lower()
        for o in self.options:
            if o.code == code:
                return o
        allowed = ", ".join(o.code for o in self.options)
        raise InvalidAnswer(f"item {self.number}: {answer!r} is not one of {allowed}", self.number)


@dataclass(frozen=True, slots=True)
class Band:
    """A severity band, lower..upper inclusive, with a stable key and its labels."""

    key: str
    lower: int
    upper: int
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class Instrument:
    """A versioned instrument: editing one makes a new version; old answers keep theirs."""

    code: str
    version: int
    name_zh: str
    name_en: str
    time_frame_zh: str
    time_frame_en: str
    instructions_zh: str
    instructions_en: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...]
    positive_at: int  # a total at or above this is a positive screen
    source: str  # citation of the published instrument and its cut-offs
    licence: Licence
    licence_note: str
    wording_note: str = ""  # where the Chinese wording comes from and how sure it is

    @property
    def key(self) -> str:
        """Code and version, e.g. "PHQ-9@1": what a stored screening refers to."""
        return f"{self.code}@{self.version}"

    @property
    def max_total(self) -> int:
        """The highest possible total."""
        return sum(max(o.score for o in i.options) for i in self.items if i.scored)

    def item(self, number: int) -> Item:
        """The item with this number, or InvalidAnswer."""
        for i in self.items:
            if i.number == number:
                return i
        raise InvalidAnswer(f"{self.code} has no item {number}", number)

    def band_for(self, total: int) -> Band:
        """The band a total falls in."""
        for b in self.bands:
            if b.lower <= total <= b.upper:
                return b
        raise ValueError(f"{self.code}: total {total} is outside every band")


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    """A complete screening's score. `risk` is set whenever a risk item reached its level."""

    instrument: str  # Instrument.key
    total: int
    max_total: int
    band: Band
    positive: bool
    risk: bool
    risk_items: tuple[int, ...]
    item_scores: tuple[tuple[int, int], ...]  # (item number, score), in item order

    @property
    def item_9_positive(self) -> bool:
        """PHQ-9 item 9 ("better off dead or hurting yourself") answered 1 or more."""
        return self.instrument.startswith(f"{PHQ9}@") and 9 in self.risk_items


# --- Response options -------------------------------------------------------------------------
# PHQ and GAD share one frequency scale. English: the Pfizer PHQ-9/GAD-7 forms
# (phqscreeners.com). Chinese: the Pfizer Chinese (China) forms as reproduced in many
# Chinese clinical and research sites (e.g. 中新网 2015 PHQ-9 table; several public code
# repositories give the same words); 完全不会 / 好几天 / 一半以上的天数 / 几乎每天.
FREQUENCY: Final = (
    Option("0", 0, "完全不会", "Not at all"),
    Option("1", 1, "好几天", "Several days"),
    Option("2", 2, "一半以上的天数", "More than half the days"),
    Option("3", 3, "几乎每天", "Nearly every day"),
)
# GDS-15 is answered yes/no; the answer that scores depends on the item's keying.
YES_SCORES: Final = (Option("yes", 1, "是", "Yes"), Option("no", 0, "否", "No"))
NO_SCORES: Final = (Option("yes", 0, "是", "Yes"), Option("no", 1, "否", "No"))

PHQ2: Final = "PHQ-2"
PHQ9: Final = "PHQ-9"
GAD2: Final = "GAD-2"
GAD7: Final = "GAD-7"
GDS15: Final = "GDS-15"

_PHQ_LICENCE_NOTE: Final = (
    "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, "
    "with an educational grant from Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute."
)
_PHQ_ZH_NOTE: Final = (
    "Chinese: the Pfizer Chinese (China) translation distributed through phqscreeners.com, "
    "checked against several independent Chinese reproductions that agree word for word "
    "(punctuation varies between them); not checked against the Pfizer PDF itself."
)
_PHQ_INSTRUCTIONS_ZH: Final = "在过去两个星期，有多少时候您受到以下任何问题所困扰？"

# --- PHQ-9 -----------------------------------------------------------------------------------
# English: PHQ-9 form, Pfizer (phqscreeners.com). Chinese: see _PHQ_ZH_NOTE.
_PHQ9_ITEMS: Final = (
    Item(1, "做事时提不起劲或没有兴趣", "Little interest or pleasure in doing things", FREQUENCY),
    Item(2, "感到心情低落、沮丧或绝望", "Feeling down, depressed, or hopeless", FREQUENCY),
    Item(
        3,
        "入睡困难、睡不安稳或睡眠过多",
        "Trouble falling or staying asleep, or sleeping too much",
        FREQUENCY,
    ),
    Item(4, "感觉疲倦或没有活力", "Feeling tired or having little energy", FREQUENCY),
    Item(5, "食欲不振或吃太多", "Poor appetite or overeating", FREQUENCY),
    Item(
        6,
        "觉得自己很糟——或觉得自己很失败，或让自己或家人失望",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your "
        "family down",
        FREQUENCY,
    ),
    Item(
        7,
        "对事物专注有困难，例如阅读报纸或看电视时",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        FREQUENCY,
    ),
    Item(
        8,
        "动作或说话速度缓慢到别人已经觉察？或正好相反——烦躁或坐立不安、动来动去的情况更胜于平常",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        FREQUENCY,
    ),
    Item(
        9,
        "有不如死掉或用某种方式伤害自己的念头",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
        FREQUENCY,
        risk_at=1,  # any answer but "not at all" is followed up the same day
    ),
)

# Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16(9):606-613: "scores of 5, 10, 15,
# and 20 represented mild, moderate, moderately severe, and severe depression"; >= 10 is the
# cut point for major depression (sensitivity 88 %, specificity 88 %).
_PHQ9_BANDS: Final = (
    Band("minimal", 0, 4, "无或极轻微", "Minimal"),
    Band("mild", 5, 9, "轻度", "Mild"),
    Band("moderate", 10, 14, "中度", "Moderate"),
    Band("moderately_severe", 15, 19, "中重度", "Moderately severe"),
    Band("severe", 20, 27, "重度", "Severe"),
)

PHQ9_INSTRUMENT: Final = Instrument(
    code=PHQ9,
    version=1,
    name_zh="患者健康问卷（PHQ-9）",
    name_en="Patient Health Questionnaire (PHQ-9)",
    time_frame_zh="过去两周",
    time_frame_en="over the last 2 weeks",
    instructions_zh=_PHQ_INSTRUCTIONS_ZH,
    instructions_en=(
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    ),
    items=_PHQ9_ITEMS,
    bands=_PHQ9_BANDS,
    positive_at=10,
    source=(
        "Kroenke K, Spitzer RL, Williams JB. The PHQ-9: validity of a brief depression "
        "severity measure. J Gen Intern Med. 2001;16(9):606-613."
    ),
    licence=Licence.FREE_NO_PERMISSION,
    licence_note=_PHQ_LICENCE_NOTE,
    wording_note=_PHQ_ZH_NOTE,
)

# --- PHQ-2: the first two PHQ-9 items --------------------------------------------------------
# Kroenke, Spitzer & Williams 2003, Med Care 41(11):1284-1292: a cut point of 3 is the
# recommended one; a positive screen is followed by the PHQ-9.
PHQ2_INSTRUMENT: Final = replace(
    PHQ9_INSTRUMENT,
    code=PHQ2,
    name_zh="患者健康问卷（PHQ-2）",
    name_en="Patient Health Questionnaire (PHQ-2)",
    items=_PHQ9_ITEMS[:2],
    bands=(
        Band("negative", 0, 2, "阴性", "Negative"),
        Band("positive", 3, 6, "阳性", "Positive"),
    ),
    positive_at=3,
    source=(
        "Kroenke K, Spitzer RL, Williams JB. The Patient Health Questionnaire-2: validity of "
        "a two-item depression screener. Med Care. 2003;41(11):1284-1292."
    ),
)

# --- GAD-7 -----------------------------------------------------------------------------------
# English: GAD-7 form, Pfizer (phqscreeners.com). Chinese: see _PHQ_ZH_NOTE (same source).
_GAD7_ITEMS: Final = (
    Item(1, "感觉紧张，焦虑或急切", "Feeling nervous, anxious or on edge", FREQUENCY),
    Item(2, "不能够停止或控制担忧", "Not being able to stop or control worrying", FREQUENCY),
    Item(3, "对各种各样的事情担忧过多", "Worrying too much about different things", FREQUENCY),
    Item(4, "很难放松下来", "Trouble relaxing", FREQUENCY),
    Item(5, "由于不安而无法静坐", "Being so restless that it is hard to sit still", FREQUENCY),
    Item(6, "变得容易烦恼或急躁", "Becoming easily annoyed or irritable", FREQUENCY),
    Item(
        7,
        "感到似乎将有可怕的事情发生而害怕",
        "Feeling afraid as if something awful might happen",
        FREQUENCY,
    ),
)

# Spitzer, Kroenke, Williams & Löwe 2006, Arch Intern Med 166(10):1092-1097: "cut points of
# 5, 10, and 15 ... mild, moderate, and severe levels of anxiety"; >= 10 the cut point for GAD.
GAD7_INSTRUMENT: Final = Instrument(
    code=GAD7,
    version=1,
    name_zh="广泛性焦虑量表（GAD-7）",
    name_en="Generalized Anxiety Disorder 7-item scale (GAD-7)",
    time_frame_zh="过去两周",
    time_frame_en="over the last 2 weeks",
    instructions_zh=_PHQ_INSTRUCTIONS_ZH,
    instructions_en="Over the last 2 weeks, how often have you been bothered by the following "
    "problems?",
    items=_GAD7_ITEMS,
    bands=(
        Band("minimal", 0, 4, "无或极轻微", "Minimal"),
        Band("mild", 5, 9, "轻度", "Mild"),
        Band("moderate", 10, 14, "中度", "Moderate"),
        Band("severe", 15, 21, "重度", "Severe"),
    ),
    positive_at=10,
    source=(
        "Spitzer RL, Kroenke K, Williams JB, Löwe B. A brief measure for assessing "
        "generalized anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097."
    ),
    licence=Licence.FREE_NO_PERMISSION,
    licence_note=_PHQ_LICENCE_NOTE,
    wording_note=_PHQ_ZH_NOTE,
)

# --- GAD-2: the first two GAD-7 items --------------------------------------------------------
# Kroenke, Spitzer, Williams, Monahan & Löwe 2007, Ann Intern Med 146(5):317-325: cut point 3.
GAD2_INSTRUMENT: Final = replace(
    GAD7_INSTRUMENT,
    code=GAD2,
    name_zh="广泛性焦虑量表（GAD-2）",
    name_en="Generalized Anxiety Disorder 2-item scale (GAD-2)",
    items=_GAD7_ITEMS[:2],
    bands=(
        Band("negative", 0, 2, "阴性", "Negative"),
        Band("positive", 3, 6, "阳性", "Positive"),
    ),
    positive_at=3,
    source=(
        "Kroenke K, Spitzer RL, Williams JB, Monahan PO, Löwe B. Anxiety disorders in primary "
        "care: prevalence, impairment, comorbidity, and detection. Ann Intern Med. "
        "2007;146(5):317-325."
    ),
)

# --- GDS-15 ----------------------------------------------------------------------------------
# English: Sheikh & Yesavage 1986 short form as given on the Stanford GDS site and in its
# many reproductions; the depressive answer is "no" on items 1, 5, 7, 11 and 13 and "yes" on
# the rest. Chinese: the GDS-15 items are GDS-30 items 1, 2, 3, 4, 7, 8, 9, 10, 12, 14, 15,
# 17, 21, 22 and 23; their wording here is the common mainland GDS-30 translation (as in
# 《心理卫生评定量表手册》, reproduced on public Chinese test sites), not checked against the
# printed manual. Where it departs from the English in meaning, the English item governs the
# keying and a note says so.
_GDS_ITEMS: Final = (
    Item(1, "你对生活基本上满意吗？", "Are you basically satisfied with your life?", NO_SCORES),
    Item(
        2,
        "你是否已经放弃了许多活动和兴趣？",
        "Have you dropped many of your activities and interests?",
        YES_SCORES,
    ),
    Item(3, "你是否觉得生活空虚？", "Do you feel that your life is empty?", YES_SCORES),
    Item(4, "你是否常感到厌倦？", "Do you often get bored?", YES_SCORES),
    # The Chinese reads "full of energy" for "in good spirits"; keyed as the English item.
    Item(5, "你是否大部分时间精力充沛？", "Are you in good spirits most of the time?", NO_SCORES),
    Item(
        6,
        "你是否害怕会有不幸的事落到你头上？",
        "Are you afraid that something bad is going to happen to you?",
        YES_SCORES,
    ),
    Item(7, "你是否大部分时间感到幸福？", "Do you feel happy most of the time?", NO_SCORES),
    Item(8, "你是否常感到孤立无援？", "Do you often feel helpless?", YES_SCORES),
    Item(
        9,
        "你是否希望呆在家里而不愿意去做些新鲜事？",
        "Do you prefer to stay at home, rather than going out and doing new things?",
        YES_SCORES,
    ),
    # The Chinese compares with "before", the English with "most people".
    Item(
        10,
        "你是否觉得记忆力比以前差？",
        "Do you feel you have more problems with memory than most?",
        YES_SCORES,
    ),
    Item(11, "你觉得现在生活很惬意？", "Do you think it is wonderful to be alive now?", NO_SCORES),
    # The Chinese reads "meaningless" for "worthless".
    Item(
        12,
        "你是否觉得象现在这样生活毫无意义？",
        "Do you feel pretty worthless the way you are now?",
        YES_SCORES,
    ),
    Item(13, "你觉得生活充满活力吗？", "Do you feel full of energy?", NO_SCORES),
    Item(
        14,
        "你是否觉得你的处境毫无希望？",
        "Do you feel that your situation is hopeless?",
        YES_SCORES,
    ),
    Item(
        15,
        "你是否觉得大多数人比你强的多？",
        "Do you think that most people are better off than you are?",
        YES_SCORES,
    ),
)

# Stanford GDS scoring note for the short form: 0-4 normal, 5-8 mild, 9-11 moderate,
# 12-15 severe; 5 or more suggests depression and warrants a fuller assessment.
GDS15_INSTRUMENT: Final = Instrument(
    code=GDS15,
    version=1,
    name_zh="老年抑郁量表（GDS-15）",
    name_en="Geriatric Depression Scale, short form (GDS-15)",
    time_frame_zh="过去一周",
    time_frame_en="over the past week",
    # The Chinese GDS sheet's instruction, less its "write 是 or 否 in the brackets" (the
    # answer is picked on screen or said aloud here); the English is the Stanford form's.
    instructions_zh="选择最切合您一周来的感受的答案，回答“是”或“否”。",
    instructions_en="Choose the best answer for how you have felt over the past week.",
    items=_GDS_ITEMS,
    bands=(
        Band("normal", 0, 4, "正常", "Normal"),
        Band("mild", 5, 8, "轻度", "Mild"),
        Band("moderate", 9, 11, "中度", "Moderate"),
        Band("severe", 12, 15, "重度", "Severe"),
    ),
    positive_at=5,
    source=(
        "Sheikh JI, Yesavage JA. Geriatric Depression Scale (GDS): recent evidence and "
        "development of a shorter version. Clin Gerontol. 1986;5(1-2):165-173."
    ),
    licence=Licence.PUBLIC_DOMAIN,
    licence_note="The GDS is in the public domain (Stanford University GDS website).",
    wording_note=(
        "Chinese: the common mainland GDS-30 translation of the same items (as reproduced on "
        "public Chinese sites after 《心理卫生评定量表手册》); not verified against the printed "
        "manual; items 5, 10 and 12 differ in meaning from the English."
    ),
)

BUILT_IN: Final[Mapping[str, Instrument]] = {
    i.code: i
    for i in (
        PHQ2_INSTRUMENT,
        PHQ9_INSTRUMENT,
        GAD2_INSTRUMENT,
        GAD7_INSTRUMENT,
        GDS15_INSTRUMENT,
    )
}

# The PHQ-9 item 9 wording, unscored, as the suicide question added to another instrument
# that uses the same two-week frequency scale (PHQ-2, GAD-2, GAD-7).
ADDED_RISK_QUESTION: Final = replace(_PHQ9_ITEMS[8], scored=False)


def built_in(code: str) -> Instrument:
    """A built-in instrument by code ("PHQ-9"), or KeyError."""
    try:
        return BUILT_IN[code]
    except KeyError:
        raise KeyError(f"no built-in instrument {code!r}") from None


def with_risk_question(instrument: Instrument, question: Item = ADDED_RISK_QUESTION) -> Instrument:
    """A new version of `instrument` ending with an unscored suicide question.

    The question must carry a risk level and stay out of the total, so the published
    score and bands are unchanged; the new item takes the next free number.
    """
    if question.risk_at is None:
        raise ValueError("an added risk question needs a risk level")
    if any(i.risk_at is not None for i in instrument.items):
        raise ValueError(f"{instrument.code} already asks a risk question")
    added = replace(question, number=len(instrument.items) + 1, scored=False)
    return replace(instrument, version=instrument.version + 1, items=(*instrument.items, added))


def _checked(instrument: Instrument, answers: Mapping[int, object]) -> dict[int, Option]:
    picked: dict[int, Option] = {}
    for number, answer in answers.items():
        if answer is None:
            continue  # an explicit "not answered yet"
        picked[number] = instrument.item(number).option(answer)
    return picked


def risk_items(instrument: Instrument, answers: Mapping[int, object]) -> tuple[int, ...]:
    """The risk items already at their level, from answers given so far (partial is fine).

    The safety rule acts on the answer, not on a finished form: a person who answers item
    9 and stops still raises the alert.
    """
    picked = _checked(instrument, answers)
    return tuple(
        i.number
        for i in instrument.items
        if i.risk_at is not None and i.number in picked and picked[i.number].score >= i.risk_at
    )


def missing_items(instrument: Instrument, answers: Mapping[int, object]) -> tuple[int, ...]:
    """Item numbers still unanswered, in order (validates the answers given)."""
    picked = _checked(instrument, answers)
    return tuple(i.number for i in instrument.items if i.number not in picked)


def next_item(instrument: Instrument, answers: Mapping[int, object]) -> Item | None:
    """The first unanswered item, or None when the form is complete."""
    missing = missing_items(instrument, answers)
    return instrument.item(missing[0]) if missing else None


def score(instrument: Instrument, answers: Mapping[int, object]) -> ScreeningResult:
    """Score a complete screening as published, or raise.

    InvalidAnswer for an answer outside the item's options or an unknown item;
    IncompleteScreening when any item (scored or not) is unanswered.
    """
    picked = _checked(instrument, answers)
    missing = tuple(i.number for i in instrument.items if i.number not in picked)
    if missing:
        raise IncompleteScreening(instrument.code, missing)
    scored = tuple((i.number, picked[i.number].score) for i in instrument.items if i.scored)
    total = sum(s for _, s in scored)
    flagged = risk_items(instrument, answers)
    return ScreeningResult(
        instrument=instrument.key,
        total=total,
        max_total=instrument.max_total,
        band=instrument.band_for(total),
        positive=total >= instrument.positive_at,
        risk=bool(flagged),
        risk_items=flagged,
        item_scores=scored,
    )


# --- Instruments that need permission ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RestrictedInstrument:
    """An instrument known by name whose use needs the rights holder's permission."""

    code: str
    name: str
    rights_holder: str
    requirement: str


RESTRICTED: Final[Mapping[str, RestrictedInstrument]] = {
    r.code: r
    for r in (
        RestrictedInstrument(
            "AD8",
            "Eight-item Informant Interview to Differentiate Aging and Dementia (AD8)",
            "Washington University in St. Louis",
            "Copyrighted; written permission from the rights holder before use.",
        ),
        RestrictedInstrument(
            "Mini-Cog",
            "Mini-Cog",
            "S. Borson (mini-cog.com)",
            "Copyrighted; a licence from the author for use in software or at scale.",
        ),
        RestrictedInstrument(
            "SCL-90-R",
            "Symptom Checklist-90-Revised (SCL-90-R)",
            "Pearson (L. R. Derogatis)",
            "Commercial; a purchased licence from the publisher before use.",
        ),
    )
}


class LicenceMissing(PermissionError):
    """An instrument that needs permission, without a licence record in force."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class LicenceRecord:
    """The permission to use an instrument: who holds it, its reference, its dates."""

    holder: str
    reference: str
    granted_on: date
    expires: date | None = None  # None: granted without an end date

    def in_force(self, today: date) -> bool:
        """True from the grant date up to and including the expiry date."""
        return self.granted_on <= today and (self.expires is None or today <= self.expires)


@dataclass(frozen=True, slots=True)
class LicensedInstrument:
    """A registered instrument that needs permission, with the licence it was added under."""

    instrument: Instrument
    licence: LicenceRecord
    registered_on: date = field(compare=False)

    def usable_on(self, today: date) -> bool:
        """True while the licence is in force; an expired licence stops new screenings."""
        return self.licence.in_force(today)


def register_licensed(
    instrument: Instrument, licence: LicenceRecord | None, *, today: date
) -> LicensedInstrument:
    """Register an instrument that needs permission, or raise LicenceMissing.

    The instrument must be one of RESTRICTED and marked PERMISSION_REQUIRED; the licence
    must name its holder and reference and be in force today. Built-in codes are refused:
    they are not re-registered under another licence.
    """
    if instrument.code in BUILT_IN:
        raise ValueError(f"{instrument.code} is built in and needs no licence record")
    if instrument.code not in RESTRICTED:
        raise ValueError(f"{instrument.code} is not a known instrument that needs permission")
    if instrument.licence is not Licence.PERMISSION_REQUIRED:
        raise ValueError(f"{instrument.code} must be marked {Licence.PERMISSION_REQUIRED}")
    if licence is None:
        raise LicenceMissing(f"{instrument.code} needs a licence record", "missing")
    holder, reference = clean_line(licence.holder), clean_line(licence.reference)
    if not holder:
        raise LicenceMissing("a licence record needs its holder", "holder")
    if not reference:
        raise LicenceMissing("a licence record needs its reference", "reference")
    if licence.expires is not None and licence.expires < licence.granted_on:
        raise LicenceMissing("a licence cannot expire before it is granted", "dates")
    if not licence.in_force(today):
        raise LicenceMissing(f"the licence for {instrument.code} is not in force", "not_in_force")
    cleaned = replace(licence, holder=holder, reference=reference)
    return LicensedInstrument(instrument, cleaned, today)


# --- Stored definitions ----------------------------------------------------------------------


def instrument_to_json(instrument: Instrument) -> str:
    """The instrument as JSON, for the licence register (a new version is a new row)."""
    import json

    doc = {
        "code": instrument.code,
        "version": instrument.version,
        "name_zh": instrument.name_zh,
        "name_en": instrument.name_en,
        "time_frame_zh": instrument.time_frame_zh,
        "time_frame_en": instrument.time_frame_en,
        "instructions_zh": instrument.instructions_zh,
        "instructions_en": instrument.instructions_en,
        "items": [
            {
                "number": i.number,
                "zh": i.zh,
                "en": i.en,
                "scored": i.scored,
                "risk_at": i.risk_at,
                "options": [[o.code, o.score, o.zh, o.en] for o in i.options],
            }
            for i in instrument.items
        ],
        "bands": [[b.key, b.lower, b.upper, b.zh, b.en] for b in instrument.bands],
        "positive_at": instrument.positive_at,
        "source": instrument.source,
        "licence": instrument.licence.value,
        "licence_note": instrument.licence_note,
        "wording_note": instrument.wording_note,
    }
    return json.dumps(doc, ensure_ascii=False, sort_keys=True)


def instrument_from_json(text: str) -> Instrument:
    """An instrument from its JSON, checked: ScreeningError("definition") when malformed.

    Items are numbered 1..n in order, each has options with distinct codes, and the bands
    cover 0..max total without gaps or overlaps, so that every total has exactly one band.
    """
    import json

    def bad(why: str) -> ScreeningError:
        return ScreeningError(f"instrument definition: {why}", "definition")

    try:
        doc = json.loads(text)
        items = tuple(
            Item(
                number=int(i["number"]),
                zh=clean_line(str(i["zh"])),
                en=clean_line(str(i["en"])),
                options=tuple(
                    Option(clean_line(str(c)).lower(), int(sc), clean_line(str(z)), str(e))
                    for c, sc, z, e in i["options"]
                ),
                scored=bool(i.get("scored", True)),
                risk_at=None if i.get("risk_at") is None else int(i["risk_at"]),
            )
            for i in doc["items"]
        )
        bands = tuple(
            Band(str(k), int(lo), int(hi), str(z), str(e)) for k, lo, hi, z, e in doc["bands"]
        )
        instrument = Instrument(
            code=clean_line(str(doc["code"])),
            version=int(doc["version"]),
            name_zh=clean_line(str(doc["name_zh"])),
            name_en=clean_line(str(doc["name_en"])),
            time_frame_zh=str(doc.get("time_frame_zh", "")),
            time_frame_en=str(doc.get("time_frame_en", "")),
            instructions_zh=str(doc.get("instructions_zh", "")),
            instructions_en=str(doc.get("instructions_en", "")),
            items=items,
            bands=bands,
            positive_at=int(doc["positive_at"]),
            source=clean_line(str(doc["source"])),
            licence=Licence(doc["licence"]),
            licence_note=str(doc.get("licence_note", "")),
            wording_note=str(doc.get("wording_note", "")),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise bad(str(exc) or type(exc).__name__) from exc
    if not instrument.code or instrument.version < 1:
        raise bad("a code and a version from 1 are needed")
    if not items or [i.number for i in items] != list(range(1, len(items) + 1)):
        raise bad("items must be numbered 1, 2, 3 … in order")
    for i in items:
        codes = [o.code for o in i.options]
        if len(codes) < 2 or len(set(codes)) != len(codes) or not i.zh:
            raise bad(f"item {i.number} needs its wording and two or more distinct options")
    covered = sorted((b.lower, b.upper) for b in bands)
    expected = 0
    for lo, hi in covered:
        if lo != expected or hi < lo:
            raise bad("the bands must cover every total from 0 without gaps or overlaps")
        expected = hi + 1
    if expected != instrument.max_total + 1:
        raise bad(f"the bands must end at the highest total, {instrument.max_total}")
    if not 0 < instrument.positive_at <= instrument.max_total:
        raise bad("the positive cut-off must be within the totals")
    return instrument
