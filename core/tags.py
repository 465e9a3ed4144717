"""Tags issued to people, vehicles and assets: kinds, states, care profiles, rule wording."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from typing import Final

from core.model import Priority

CODE_MAX: Final = 32
PLATE_MAX: Final = 16
LABEL_MAX: Final = 64
_CODE = re.compile(r"^[0-9A-F]{4,32}$")  # hex tag ids (EM4100, EPC) and terminal phones


class TagKind(enum.StrEnum):
    """What a tag is fixed to."""

    PERSON = "person"
    VEHICLE = "vehicle"
    ASSET = "asset"


class TagState(enum.StrEnum):
    """A tag's life: issued, then returned, lost or replaced by another."""

    ISSUED = "issued"
    RETURNED = "returned"
    LOST = "lost"
    REPLACED = "replaced"


class PositionState(enum.StrEnum):
    """What the map shows of a tag's position."""

    OK = "ok"
    ALARM = "alarm"  # a care rule's incident is open
    OFFLINE = "offline"  # not read for its no-read hours
    UNKNOWN = "unknown"  # never placed


class TagInvalid(ValueError):
    """A tag registration or change that cannot be made; `code` names the problem.

    Codes: "code" (not a tag id), "code_taken", "kind", "resident" (missing or unknown),
    "plate", "state" (not issued), "zones", "dwell", "hours".
    """

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class TagProfile:
    """A tag's care profile: where the person is safe, how long outside before an alarm,
    how many hours without a read before an alarm (0: not watched), a vehicle armed."""

    safe_zones: tuple[str, ...] = ()
    dwell_seconds: int = 60
    no_read_hours: int = 0
    armed: bool = False

    def problems(self) -> list[tuple[str, str]]:
        """(code, message) for each unacceptable value."""
        found = []
        if any(not z or "," in z or len(z) > 32 for z in self.safe_zones):
            found.append(("zones", "a safe zone is a zone code of the site"))
        if len(",".join(self.safe_zones)) > 300:
            found.append(("zones", "too many safe zones"))
        if not 0 <= self.dwell_seconds <= 24 * 3600:
            found.append(("dwell", "dwell time is 0 to 86,400 seconds"))
        if not 0 <= self.no_read_hours <= 24 * 14:
            found.append(("hours", "no-read hours are 0 to 336"))
        return found


def normalize_code(code: str) -> str:
    """A tag id as stored: upper-case, separators removed; TagInvalid if it is not one."""
    cleaned = re.sub(r"[\s:-]", "", code or "").upper()
    if not _CODE.match(cleaned):
        raise TagInvalid(f"{code!r} is not a tag id (4 to 32 hex digits)", "code")
    return cleaned


# Rules (core.care_rules names them; tracker alarms arrive under core.tracking.TrackerAlarm's
# values): the incident title's words and priority. Titles are data in the site's language, as
# every incident the console opens by itself (orders, screening, volunteers); a rule not listed
# gets its own name, P2.
RULE_TITLES: Final[dict[str, tuple[str, Priority]]] = {
    "sos": ("一键求助", Priority.P1),
    "left_safe_zone": ("离开安全区域", Priority.P1),
    "night_wandering": ("夜间外出游走", Priority.P1),
    "no_read": ("长时间未被读到", Priority.P2),
    "tag_removed": ("标签被取下", Priority.P1),
    "low_battery": ("标签电量低", Priority.P4),
    "power_cut": ("终端断电", Priority.P3),
    "moved_while_armed": ("布防车辆移动", Priority.P2),
    "vehicle_moved_armed": ("布防车辆移动", Priority.P2),
}


def rule_title(rule: str) -> tuple[str, Priority]:
    """The title words and priority of an incident a rule opens."""
    return RULE_TITLES.get(rule, (rule.replace("_", " "), Priority.P2))
