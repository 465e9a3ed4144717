"""Incident history search: the query, its normalisation and the grams the search index holds."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.model import IncidentSource
from core.timefmt import DEFAULT_ZONE

TEXT_MAX = 100  # characters of a free-text query (a name, an address, a phrase)
PHONE_MAX = 32
TEXT_MIN = 2  # a single character is in too many incidents to look up
PHONE_MIN = 3
TEXT_GRAM = 3  # text is indexed by trigrams (a shorter query looks up their prefix)
PHONE_GRAM = 4  # a phone by four digits at a time: digits alone are weakly selective
END = "$"  # after the last character, so that every short tail is some gram's prefix
COUNT_CAP = 1000  # matches counted exactly up to this; beyond it "more than 1,000"
PHONE_MARK = "#"  # a phone gram is "#" + digits: never equal to a text gram

_NUMBER = re.compile(r"#?\s*(\d{1,18})")


def normalise(text: str) -> str:
    """Text as the index compares it: NFKC (full-width → half-width), case folded, letters
    and digits only.

    Spaces and punctuation go, so that "幸福路 12号" and "幸福路12号" are one address.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in folded if c.isalnum())


def digits(text: str) -> str:
    """The digits of a phone number as typed (+86 138-0000-1234 → 8613800001234)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isdigit())


def _grams(s: str, k: int) -> set[str]:
    return {s[i : i + k] for i in range(len(s) - k + 1)}


def text_grams(body: str) -> set[str]:
    """The distinct trigrams of normalised text and its end ("李静" gives "李静$")."""
    return _grams(body + END, TEXT_GRAM) if body else set()


def phone_grams(phone: str) -> set[str]:
    """The distinct four-digit grams of a phone's digits and its end, marked apart from text."""
    return {PHONE_MARK + g for g in _grams(phone + END, PHONE_GRAM)} if phone else set()


def query_grams(text: str, phone: str) -> tuple[set[str], set[str]]:
    """What to look up for normalised query text and phone digits: (grams, prefixes).

    A query as long as a gram or longer is found through each of its grams; a shorter one
    (a two-character name, three digits) through the grams that begin with it.
    """
    grams: set[str] = set()
    prefixes: set[str] = set()
    for q, k, mark in ((text, TEXT_GRAM, ""), (phone, PHONE_GRAM, PHONE_MARK)):
        if len(q) >= k:
            grams |= {mark + g for g in _grams(q, k)}
        elif q:
            prefixes.add(mark + q)
    return grams, prefixes


def search_body(title: str, description: str, caller_name: str, location: str) -> str:
    """The normalised text of an incident that a free-text query is matched against.

    Fields are joined by a newline before normalising removes it; a match may span two fields,
    which is harmless and keeps one LIKE per row.
    """
    return normalise("\n".join((title, caller_name, location, description)))


def incident_number(text: str) -> int | None:
    """An incident number typed into the search box ("12345" or "#12345"), else None."""
    m = _NUMBER.fullmatch(text.strip())
    return int(m.group(1)) if m else None


PROBLEMS = {
    "long": f"a query has at most {TEXT_MAX} characters",
    "short_text": f"search text needs at least {TEXT_MIN} letters or digits",
    "short_phone": f"a phone search needs at least {PHONE_MIN} digits",
    "dates": "the date range ends before it starts",
}


class QueryError(ValueError):
    """A query the index cannot answer (too short, too long); the message says which."""


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """What the History view searches for; empty fields do not filter."""

    text: str = ""  # free text: title, description, caller name, location (substrings)
    phone: str = ""  # digits of the caller's phone (a substring)
    community: str | None = None  # a community code
    type_code: str | None = None
    source: IncidentSource | None = None
    date_from: date | None = None  # the first day reported, in the site's time zone
    date_to: date | None = None  # the last day reported (inclusive)

    @property
    def number(self) -> int | None:
        """The incident number, when the text is one."""
        return incident_number(self.text)

    @property
    def is_empty(self) -> bool:
        """Nothing to filter by: the whole history, newest first."""
        return self == HistoryQuery()

    def problem(self) -> str | None:
        """Why the index cannot answer this query (a key of PROBLEMS), or None."""
        if len(self.text) > TEXT_MAX or len(self.phone) > PHONE_MAX:
            return "long"
        if self.number is None and self.text.strip() and len(normalise(self.text)) < TEXT_MIN:
            return "short_text"
        if self.phone.strip() and len(digits(self.phone)) < PHONE_MIN:
            return "short_phone"
        if self.date_from and self.date_to and self.date_from > self.date_to:
            return "dates"
        return None

    def check(self) -> None:
        """Raise QueryError for a query the index cannot answer."""
        problem = self.problem()
        if problem is not None:
            raise QueryError(PROBLEMS[problem])

    def utc_range(self, zone: str = DEFAULT_ZONE) -> tuple[datetime | None, datetime | None]:
        """[start, end) in UTC of the date range, whole days in the site's time zone."""
        tz = ZoneInfo(zone)

        def at(d: date | None, extra: int) -> datetime | None:
            if d is None:
                return None
            return datetime.combine(d + timedelta(days=extra), time(), tz).astimezone(
                ZoneInfo("UTC")
            )

        return at(self.date_from, 0), at(self.date_to, 1)

    # --- remembered per user on a workstation (a JSON preference) ------------------------
    def to_json(self) -> str:
        """The query as a preference value."""
        d = asdict(self)
        d["source"] = self.source.value if self.source else None
        for k in ("date_from", "date_to"):
            d[k] = d[k].isoformat() if d[k] else None
        return json.dumps(d, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, value: str) -> HistoryQuery:
        """A saved query; whatever cannot be read (an older or damaged value) is left empty."""
        try:
            d = json.loads(value) if value else {}
        except ValueError:
            return cls()
        if not isinstance(d, dict):
            return cls()
        q = cls()

        def text(key: str, limit: int) -> str:
            v = d.get(key)
            return v[:limit] if isinstance(v, str) else ""

        def opt(key: str) -> str | None:
            v = d.get(key)
            return v if isinstance(v, str) and v else None

        def day(key: str) -> date | None:
            v = opt(key)
            try:
                return date.fromisoformat(v) if v else None
            except ValueError:
                return None

        source = opt("source")
        return replace(
            q,
            text=text("text", TEXT_MAX),
            phone=text("phone", PHONE_MAX),
            community=opt("community"),
            type_code=opt("type_code"),
            source=IncidentSource(source) if source in set(IncidentSource) else None,
            date_from=day("date_from"),
            date_to=day("date_to"),
        )


def building_of(address: str) -> str:
    """The building part of a street address: up to its house number ("…路85号"), which is how
    an incident's location names the place; the whole address when it has no "号".

    "芥园新苑东路85号2门301" → "芥园新苑东路85号". Empty when too short to search by.
    """
    text = address.strip()
    cut = text.find("号")
    key = text[: cut + 1] if cut >= 0 else text
    key = key[:TEXT_MAX]
    return key if len(normalise(key)) >= TEXT_MIN + 1 else ""
