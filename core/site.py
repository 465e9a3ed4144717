"""Site configuration model (communities, zones, devices) and its validating TOML loader."""

from __future__ import annotations

import difflib
import ipaddress
import math
import re
import tomllib
import zoneinfo
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Final, NoReturn, TypeVar

from core.duplicates import DEFAULT_WINDOW_MINUTES
from core.geo import GeoCalibration, calibration_from_table
from core.planimage import PlanSpec, plan_from_table
from core.retention import DEFAULT_POLICY, RetentionPolicy, policy_from_table
from core.site_alarms import (
    DEVICE_ALARM_FIELDS,
    NO_ALARMS,
    AlarmReceiverSpec,
    DeviceAlarmSpec,
    check_accounts,
    read_alarm_types,
    read_device_alarm,
    read_receiver,
)
from core.site_cameras import CAMERA_SOURCE_FIELDS, DEFAULT_RTSP_PORT, read_camera_source
from core.templates import MAX_TEMPLATES, QuickTemplate, parse_template

DEFAULT_TIMEZONE: Final = "Asia/Shanghai"

DEPARTMENT_KINDS: Final = frozenset(
    {
        "police",
        "fire",
        "city_management",
        "committee",
        "volunteers",
        "street_office",
        "civil_affairs",
    }
)
# market, park and clinic are public places the demo's people go to by day (hardware.tracking.sim).
ZONE_KINDS: Final = frozenset(
    {"residential", "gate", "public", "safe", "restricted", "market", "park", "clinic"}
)
READER_PROTOCOLS: Final = frozenset({"ascii-serial", "binary-serial", "llrp", "sim"})
DEVICE_KINDS: Final = frozenset({"alarm_panel", "phone", "panic_button", "gps_gateway"})

# Which address schemes each reader protocol can be reached through; serial readers are
# often wired to a serial-over-IP converter, hence tcp and rfc2217 next to a local port.
READER_SCHEMES: Final[Mapping[str, frozenset[str]]] = {
    "ascii-serial": frozenset({"serial", "tcp", "rfc2217"}),
    "binary-serial": frozenset({"serial", "tcp", "rfc2217"}),
    "llrp": frozenset({"llrp", "tcp"}),  # llrp://host[:port], port 5084 by default
    "sim": frozenset({"sim"}),
}

_T = TypeVar("_T")

_CODE_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_SCHEME_RE: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://.+")


@dataclass(frozen=True, slots=True)
class SiteProblem:
    """One thing wrong with a site file: file, line (None if unknown), field and message."""

    path: Path
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.field}: {self.message}"


class SiteError(Exception):
    """A broken site file: every problem found, each naming the file, line and field.

    `path`, `line`, `field` and `message` describe the first problem, so callers that show a
    single error keep working; `problems` holds them all, in file order per section.
    """

    def __init__(
        self,
        path: Path,
        line: int | None,
        field: str,
        message: str,
        *,
        more: Sequence[SiteProblem] = (),
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.message = message
        self.problems: tuple[SiteProblem, ...] = (
            SiteProblem(path, line, field, message),
            *more,
        )
        super().__init__(str(self))

    @classmethod
    def of(cls, problems: Sequence[SiteProblem]) -> SiteError:
        """One error carrying several problems (at least one)."""
        first, *rest = problems
        return cls(first.path, first.line, first.field, first.message, more=rest)

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)

    def __reduce__(self) -> tuple[Any, ...]:
        # The default reduce replays self.args, which does not match __init__.
        return (type(self).of, (self.problems,))


@dataclass(frozen=True, slots=True)
class Point:
    """Site map coordinates in metres; origin at the street's south-west corner, x east, y north."""

    x: float
    y: float


@dataclass(frozen=True, slots=True)
class CommunitySpec:
    """A residential community (社区) of the street."""

    code: str
    name: str
    population: int
    households: int
    centre: Point
    address: str
    streets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DepartmentSpec:
    """A department that incidents can be dispatched to."""

    code: str
    name: str
    kind: str
    phone: str


@dataclass(frozen=True, slots=True)
class UnitSpec:
    """A unit of a department (a patrol car, an engine, a volunteer team) with its own phone."""

    code: str
    department: str
    name: str
    phone: str


@dataclass(frozen=True, slots=True)
class IncidentTypeSpec:
    """A kind of incident: its default priority, SLA targets, who handles it, how it can end."""

    code: str
    name: str
    priority: int  # 1 (P1) … 4 (P4)
    acknowledge_minutes: int
    resolve_minutes: int
    departments: tuple[str, ...]  # department codes it is routed to
    dispositions: tuple[str, ...]  # what resolving it must say happened; empty: free
    templates: tuple[QuickTemplate, ...] = ()  # quick entries, "title|description" (Alt+1…)
    dispatch_minutes: int | None = None  # None: derived from the priority (core.sla)


@dataclass(frozen=True, slots=True)
class WorkstationSpec:
    """An operator position; community None is the control centre."""

    code: str
    name: str
    community: str | None


@dataclass(frozen=True, slots=True)
class ZoneSpec:
    """A polygon on the site map that tracking rules refer to."""

    code: str
    name: str
    community: str
    kind: str
    polygon: tuple[Point, ...]


@dataclass(frozen=True, slots=True)
class ReaderSpec:
    """A tag reader placed in a zone and served by one workstation."""

    code: str
    name: str
    community: str
    zone: str
    position: Point
    protocol: str
    address: str
    workstation: str


@dataclass(frozen=True, slots=True)
class CameraSpec:
    """A video camera with a main (full) and sub (preview) stream.

    Either explicit URLs (generic) or a vendor preset (core.site_cameras; video.vendors builds
    the URLs). `credentials` names an entry of the camera credentials file: no password here.
    """

    code: str
    name: str
    community: str
    position: Point
    main_url: str  # "" for a preset or ONVIF camera without an explicit URL
    sub_url: str
    workstation: str
    vendor: str = "generic"  # hikvision, dahua, onvif or generic
    address: str = ""  # host or host:port of a preset or ONVIF camera
    channel: int = 1
    rtsp_port: int = DEFAULT_RTSP_PORT
    codec: str = ""  # the main stream's codec hint: h264, h265 or "" (unknown)
    onvif: str = ""  # the ONVIF service (host[:port] or URL); "" none
    credentials: str = ""  # the camera credentials file's entry; "" none


@dataclass(frozen=True, slots=True)
class DeviceSpec:
    """Any other field device: alarm panel, phone, panic button or GPS gateway."""

    code: str
    name: str
    kind: str
    community: str | None
    address: str
    workstation: str
    # SIA DC-09 account, AES key (secret: never in the database), supervision, zone names.
    alarm: DeviceAlarmSpec = NO_ALARMS


SIP_TRANSPORTS: Final = frozenset({"udp"})  # what the console's SIP stack listens on


@dataclass(frozen=True, slots=True)
class SipLineSpec:
    """A workstation's phone line: the SIP user agent the console runs there.

    A direct line (no registrar) answers whatever is sent to bind_host:port; with a registrar
    the console registers there as `user`. The password stays in the site file: it is never
    logged, shown or stored in the database. `device` is the phone device row that shows the
    line's status.
    """

    workstation: str
    device: str
    bind_host: str = "0.0.0.0"
    port: int = 5060
    transport: str = "udp"
    registrar: str = ""  # "sip:pbx.example.org"; empty: a direct line
    user: str = ""
    password: str = field(default="", repr=False)
    domain: str = ""  # the account's domain; empty: the registrar's host
    peer: str = ""  # a direct line's "host[:port]" that outbound calls (callbacks) go to


@dataclass(frozen=True, slots=True)
class SiteSpec:
    """Everything a site file describes, validated and cross-referenced."""

    name: str
    timezone: str
    source: Path
    communities: tuple[CommunitySpec, ...]
    departments: tuple[DepartmentSpec, ...]
    workstations: tuple[WorkstationSpec, ...]
    zones: tuple[ZoneSpec, ...]
    readers: tuple[ReaderSpec, ...]
    cameras: tuple[CameraSpec, ...]
    devices: tuple[DeviceSpec, ...]
    incident_types: tuple[IncidentTypeSpec, ...] = ()
    retention: RetentionPolicy = DEFAULT_POLICY  # [retention] overrides (core.retention)
    duplicate_minutes: int = DEFAULT_WINDOW_MINUTES  # [site] duplicate_minutes (core.duplicates)
    units: tuple[UnitSpec, ...] = ()  # optional [[unit]] entries under the departments
    # [site] four_eyes: whoever resolved an incident may not close it; false relaxes it.
    four_eyes: bool = True
    # [site] simulation_host: the workstation that runs the demo's movement simulator for every
    # `sim://` reader of the site (the readers' own workstations then host none); None: each
    # workstation simulates its own sim readers.
    simulation_host: str | None = None
    # [site] demo_rtsp_port: where the demo's cameras are served (video.demo_cameras) on the
    # host that serves them; 0: any free port.
    demo_rtsp_port: int = 0
    alarm_receiver: AlarmReceiverSpec | None = None  # [alarm_receiver]: the DC-09 receiver
    # [alarm_types]: (alarm category or "supervision", incident type code), by category.
    alarm_types: tuple[tuple[str, str], ...] = ()
    sip: tuple[SipLineSpec, ...] = ()  # [[sip]]: the phone lines, at most one per workstation
    geo: GeoCalibration | None = None  # [geo]: GPS control points (core.geo); None: no GPS map
    plan: PlanSpec | None = None  # [plan]: an image under the map (core.planimage)
    # [site] centre_phone: the control centre's number, shown on a station after a panic press
    # without a link ("" when the file gives none).
    centre_phone: str = ""
    # [site] welfare_type: the incident type of a welfare check (a failed delivery to a resident
    # living alone); default: the type medical alarms open, else none (an untyped incident).
    welfare_type: str | None = None

    def sip_line(self, workstation: str) -> SipLineSpec | None:
        """The phone line this workstation runs, if any."""
        return next((line for line in self.sip if line.workstation == workstation), None)

    def community(self, code: str) -> CommunitySpec:
        """The community with this code; KeyError if there is none."""
        for community in self.communities:
            if community.code == code:
                return community
        raise KeyError(code)


# The real street's file is ~40 KiB; a file far beyond that is a mistake or an attack, refused
# before it is read (a 25 MB file took 12 s and 737 MB to parse).
SITE_FILE_MAX_BYTES = 2 * 1024 * 1024


def load_site(path: Path) -> SiteSpec:
    """Read and validate a UTF-8 site file; every problem is raised as SiteError."""
    try:
        size = path.stat().st_size
        if size > SITE_FILE_MAX_BYTES:
            raise SiteError(
                path,
                None,
                "file",
                f"{size / 1048576:.1f} MiB is too large for a site file (at most "
                f"{SITE_FILE_MAX_BYTES // 1048576} MiB)",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise SiteError(path, None, "file", f"cannot read: {exc.strerror or exc}") from exc
    try:
        # utf-8-sig: Windows editors like to prepend a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise SiteError(path, line, "file", "not valid UTF-8 text") from None
    return parse_site(text, path)


def parse_site(text: str, path: Path) -> SiteSpec:
    """Validate site-file text; path only names the file in errors and in SiteSpec.source."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(exc, text, path) from None
    return _Builder(_Context(path, _Layout(text)), data).build()


# --- locating lines ------------------------------------------------------------------------------
# tomllib reports no positions for values, so the loader finds them in the text itself: the
# N-th [[section]] header, then the first `key =` line inside that table's block.

_KEY_PART: Final = r"""(?:[A-Za-z0-9_-]+|"[^"\\]*"|'[^']*')"""
_HEADER_RE: Final = re.compile(
    rf"\s*(\[\[?)\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*(\]\]?)\s*(?:#.*)?"
)
_KEY_LINE_RE: Final = re.compile(rf"\s*({_KEY_PART})\s*=")
_SYNTAX_POS_RE: Final = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_SYNTAX_END_RE: Final = re.compile(r"\s*\(at end of document\)$")


def _unquote(key: str) -> str:
    return key[1:-1] if key[:1] in {'"', "'"} else key


class _Layout:
    """Header and key lines of a TOML text, skipping the insides of multi-line values."""

    def __init__(self, text: str) -> None:
        # (line number, dotted table name, is an array-of-tables header)
        self.headers: list[tuple[int, str, bool]] = []
        # (line number, key, index into headers of the owning table; -1 for the root table)
        self.keys: list[tuple[int, str, int]] = []
        depth = 0
        multiline: str | None = None
        # TOML (and tomllib's line numbers) count LF only; str.splitlines would also split on
        # form feeds and Unicode separators.
        for number, raw_line in enumerate(text.split("\n"), start=1):
            line = raw_line.rstrip("\r")
            if multiline is None and depth == 0:
                header = _HEADER_RE.fullmatch(line)
                if header is not None and len(header.group(1)) == len(header.group(3)):
                    name = ".".join(_unquote(p) for p in re.findall(_KEY_PART, header.group(2)))
                    self.headers.append((number, name, header.group(1) == "[["))
                    continue
                key = _KEY_LINE_RE.match(line)
                if key is not None:
                    self.keys.append((number, _unquote(key.group(1)), len(self.headers) - 1))
            depth, multiline = _advance(line, depth, multiline)

    def table_line(self, section: str, index: int | None) -> int | None:
        """Line of the index-th [[section]] header, or of [section] when index is None."""
        position = self._header_position(section, index)
        return None if position is None else self.headers[position][0]

    def key_line(self, section: str, index: int | None, key: str) -> int | None:
        """Line of `key =` inside a table, falling back to the table's header line."""
        position = self._header_position(section, index)
        if position is None:
            return self.root_key_line(section)
        for number, name, owner in self.keys:
            if owner == position and name == key:
                return number
        return self.headers[position][0]

    def root_key_line(self, key: str) -> int | None:
        """Line of a top-level `key =` or of the first [key] / [[key]] / [key.x] header."""
        for number, name, owner in self.keys:
            if owner == -1 and name == key:
                return number
        for number, name, _ in self.headers:
            if name == key or name.startswith(key + "."):
                return number
        return None

    def _header_position(self, section: str, index: int | None) -> int | None:
        seen = 0
        for position, (_, name, is_array) in enumerate(self.headers):
            if name != section or is_array != (index is not None):
                continue
            if index is None or seen == index:
                return position
            seen += 1
        return None


def _advance(line: str, depth: int, multiline: str | None) -> tuple[int, str | None]:
    """Bracket depth and open multi-line string after a line, ignoring strings and comments."""
    i, n = 0, len(line)
    while i < n:
        if multiline is not None:
            if multiline == '"""' and line[i] == "\\":
                i += 2
            elif line.startswith(multiline, i):
                multiline = None
                i += 3
            else:
                i += 1
            continue
        char = line[i]
        if char == "#":
            break
        if line.startswith('"""', i) or line.startswith("'''", i):
            multiline = line[i : i + 3]
            i += 3
        elif char == '"':
            i += 1
            while i < n and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
            i += 1
        elif char == "'":
            end = line.find("'", i + 1)
            i = n if end < 0 else end + 1
        else:
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth = max(0, depth - 1)
            i += 1
    return depth, multiline


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, path: Path) -> SiteError:
    message = str(exc)
    position = _SYNTAX_POS_RE.search(message)
    if position is not None:
        line: int | None = int(position.group(1))
        message = f"{message[: position.start()]} (column {position.group(2)})"
    elif (end := _SYNTAX_END_RE.search(message)) is not None:
        line = text.count("\n") + 1
        message = f"{message[: end.start()]} (at end of file)"
    else:
        line = None
    return SiteError(path, line, "toml", f"syntax error: {message}")


# --- reading tables ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    path: Path
    layout: _Layout
    problems: list[SiteProblem] = field(default_factory=list)

    def report(self, line: int | None, where: str, message: str) -> None:
        self.problems.append(SiteProblem(self.path, line, where, message))


class _Invalid(Exception):
    """A field's problem has been reported; reading that field stops, the others go on."""


def _describe(value: object) -> str:
    """A TOML-flavoured name and rendering of a value, for 'got ...' in messages."""
    kind = {
        bool: "boolean",
        int: "integer",
        float: "float",
        str: "string",
        list: "array",
        dict: "table",
        datetime: "date-time",
        date: "date",
        time: "time",
    }.get(type(value), type(value).__name__)
    if isinstance(value, list | dict):
        return kind
    shown = repr(value) if isinstance(value, str) else str(value).lower()
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{kind} {shown}"


_DIGITS_RE: Final = re.compile(r"\d+")


def _unpadded(word: str) -> str:
    """Case-folded, with numbers written without leading zeros: 'C02' and 'c2' become 'c2'."""
    return _DIGITS_RE.sub(lambda m: str(int(m.group())), word.casefold())


def _closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice the user most likely meant by word, if any is close enough."""
    ordered = sorted(choices)
    # The same code but for zero padding or case ('C2' for 'C02') is the likeliest meaning;
    # string similarity alone ties 'C2' between 'C02' and 'C20' and picks the wrong one.
    wanted = _unpadded(word)
    for choice in ordered:
        if _unpadded(choice) == wanted:
            return choice
    # Compare case-insensitively so 'LLRP' still finds 'llrp'.
    by_folded = {choice.casefold(): choice for choice in ordered}
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    return by_folded[close[0]] if close else None


def _suggest(word: str, choices: Iterable[str]) -> str:
    meant = _closest(word, choices)
    return f" (did you mean '{meant}'?)" if meant is not None else ""


def _options(choices: Collection[str]) -> str:
    return ", ".join(sorted(choices))


class _Table:
    """One table of the site file, read field by field with precise error reporting.

    A field that fails is reported and read as a placeholder, so the remaining fields (and
    tables) are still checked; `ok()` tells whether checks across fields can be trusted.
    """

    def __init__(
        self, ctx: _Context, section: str, index: int | None, data: Mapping[str, Any]
    ) -> None:
        self.ctx = ctx
        self.section = section
        self.index = index
        self.data = data
        self.bad: set[str] = set()
        raw_code = data.get("code")
        # Quote the item's code in every message once it is known to be a usable string.
        self.code = raw_code if isinstance(raw_code, str) and raw_code.strip() else None

    @property
    def label(self) -> str:
        return self.section if self.index is None else f"{self.section}[{self.index}]"

    def ok(self, *keys: str) -> bool:
        """True when none of these fields has been reported."""
        return not self.bad.intersection(keys)

    def report(self, key: str, message: str, *, detail: str = "", quote_code: bool = True) -> None:
        """Record a problem with a field and carry on."""
        line = self.ctx.layout.key_line(self.section, self.index, key)
        if quote_code and self.code is not None:
            message = f"{message} ({self.section} '{self.code}')"
        self.bad.add(key)
        self.ctx.report(line, f"{self.label}.{key}{detail}", message)

    def fail(
        self, key: str, message: str, *, detail: str = "", quote_code: bool = True
    ) -> NoReturn:
        """Record a problem with a field and stop reading it."""
        self.report(key, message, detail=detail, quote_code=quote_code)
        raise _Invalid

    def check_fields(self, allowed: Collection[str]) -> None:
        for key in self.data:
            if key not in allowed:
                self.report(key, f"unknown field '{key}'{_suggest(key, allowed)}")
                meant = _closest(key, allowed)
                if meant is not None and meant not in self.data:
                    # The misspelt key stands for this field: it is not also 'missing'.
                    self.bad.add(meant)

    def _required(self, key: str) -> Any:
        if key not in self.data:
            if key in self.bad:
                raise _Invalid
            self.fail(key, f"missing required field '{key}'")
        return self.data[key]

    # Each reader returns the value, or a placeholder of the same type once the problem is
    # reported; a site with any problem is never returned, so placeholders cannot escape.

    def text(self, key: str, *, default: str | None = None) -> str:
        try:
            return self._text(key, default)
        except _Invalid:
            return ""

    def code_field(self) -> str | None:
        """The table's code, or None when it is missing or malformed (reported)."""
        try:
            value = self._text("code", None)
            if _CODE_RE.fullmatch(value) is None:
                self.fail(
                    "code",
                    f"invalid code {value!r}: use letters, digits, '_' and '-' only",
                    quote_code=False,
                )
        except _Invalid:
            return None
        return value

    def choice(self, key: str, choices: Collection[str]) -> str:
        try:
            value = self._text(key, None)
            if value not in choices:
                self.fail(
                    key,
                    f"unknown {key} {value!r}{_suggest(value, choices)}; expected one of "
                    f"{_options(choices)}",
                )
        except _Invalid:
            return ""
        return value

    def reference(self, key: str, kind: str, known: Collection[str]) -> str:
        try:
            code = self._text(key, None)
            if code not in known:
                self.fail(key, f"unknown {kind} '{code}'{_suggest(code, known)}")
        except _Invalid:
            return ""
        return code

    def integer(self, key: str, *, minimum: int | None = None) -> int:
        try:
            value = self._required(key)
            # bool is an int subclass in Python, but `population = true` is a mistake.
            if not isinstance(value, int) or isinstance(value, bool):
                self.fail(key, f"expected an integer, got {_describe(value)}")
            if minimum is not None and value < minimum:
                self.fail(key, f"must be >= {minimum}, got {value}")
        except _Invalid:
            return 0
        return value

    def point(self, key: str) -> Point:
        try:
            return self._to_point(key, self._required(key), "")
        except _Invalid:
            return Point(0.0, 0.0)

    def polygon(self, key: str) -> tuple[Point, ...]:
        try:
            value = self._required(key)
            if not isinstance(value, list):
                self.fail(key, f"expected an array of [x, y] points, got {_describe(value)}")
            points = tuple(self._to_point(key, item, f"[{i}]") for i, item in enumerate(value))
            if len(points) < 3:
                self.fail(key, f"a polygon needs at least 3 points, got {len(points)}")
        except _Invalid:
            return ()
        return points

    def texts(self, key: str) -> tuple[str, ...]:
        try:
            value = self._required(key)
            if not isinstance(value, list):
                self.fail(key, f"expected an array of strings, got {_describe(value)}")
            items: list[str] = []
            for i, item in enumerate(value):
                if not isinstance(item, str) or not item.strip():
                    self.fail(
                        key, f"expected a non-empty string, got {_describe(item)}", detail=f"[{i}]"
                    )
                if item.strip() in items:
                    self.fail(key, f"{item.strip()!r} is listed twice", detail=f"[{i}]")
                items.append(item.strip())
            if not items:
                self.fail(key, "must list at least one name")
        except _Invalid:
            return ()
        return tuple(items)

    def _text(self, key: str, default: str | None) -> str:
        if default is not None and key not in self.data:
            return default
        value = self._required(key)
        if not isinstance(value, str):
            self.fail(key, f"expected a string, got {_describe(value)}")
        value = value.strip()
        if not value:
            self.fail(key, "must not be empty")
        return value

    def _to_point(self, key: str, value: Any, detail: str) -> Point:
        if (
            not isinstance(value, list)
            or len(value) != 2
            or any(isinstance(c, bool) or not isinstance(c, int | float) for c in value)
        ):
            self.fail(key, f"expected a point [x, y] in metres, got {value!r}", detail=detail)
        x, y = float(value[0]), float(value[1])
        if not (math.isfinite(x) and math.isfinite(y)):
            self.fail(key, f"coordinates must be finite, got {value!r}", detail=detail)
        return Point(x, y)


# --- the site ------------------------------------------------------------------------------------

_SECTIONS: Final = (
    "site",
    "community",
    "department",
    "unit",
    "workstation",
    "zone",
    "reader",
    "camera",
    "device",
    "incident_type",
    "retention",
    "sip",
    "alarm_receiver",
    "alarm_types",
    "geo",
    "plan",
)

_FIELDS: Final[Mapping[str, tuple[str, ...]]] = {
    "site": (
        "name",
        "timezone",
        "duplicate_minutes",
        "four_eyes",
        "simulation_host",
        "demo_rtsp_port",
        "centre_phone",
        "welfare_type",
    ),
    "community": ("code", "name", "population", "households", "centre", "address", "streets"),
    "department": ("code", "name", "kind", "phone"),
    "unit": ("code", "department", "name", "phone"),
    "workstation": ("code", "name", "community"),
    "zone": ("code", "name", "community", "kind", "polygon"),
    "reader": (
        "code",
        "name",
        "community",
        "zone",
        "position",
        "protocol",
        "address",
        "workstation",
    ),
    "camera": (
        "code",
        "name",
        "community",
        "position",
        "main_url",
        "sub_url",
        "workstation",
        *CAMERA_SOURCE_FIELDS,
    ),
    "device": ("code", "name", "kind", "community", "address", "workstation", *DEVICE_ALARM_FIELDS),
    "sip": (
        "workstation",
        "device",
        "bind_host",
        "port",
        "transport",
        "registrar",
        "user",
        "password",
        "domain",
        "peer",
    ),
    "incident_type": (
        "code",
        "name",
        "priority",
        "acknowledge_minutes",
        "resolve_minutes",
        "dispatch_minutes",
        "departments",
        "dispositions",
        "templates",
    ),
}


class _Builder:
    """Reads the sections in dependency order so every reference can be checked on sight.

    Every problem is reported and reading goes on. Codes of tables with problems still count
    as known, so a reference to them is not reported again; checks that compare with the
    referenced table's values (a reader's zone in its community) use only tables without any.
    """

    def __init__(self, ctx: _Context, data: Mapping[str, Any]) -> None:
        self.ctx = ctx
        self.data = data
        self.known: dict[str, set[str]] = {section: set() for section in _SECTIONS}
        self.zones: dict[str, ZoneSpec] = {}
        self.devices: dict[str, DeviceSpec] = {}

    def build(self) -> SiteSpec:
        for key in self.data:
            if key not in _SECTIONS:
                line = self.ctx.layout.root_key_line(key)
                self.ctx.report(line, key, f"unknown table '{key}'{_suggest(key, _SECTIONS)}")
        name, timezone = self._site()
        communities = self._section("community", self._community)
        departments = self._section("department", self._department)
        units = self._section("unit", self._unit)
        workstations = self._section("workstation", self._workstation)
        zones = self._section("zone", self._zone)
        readers = self._section("reader", self._reader)
        cameras = self._section("camera", self._camera)
        devices = self._section("device", self._device)
        incident_types = self._section("incident_type", self._incident_type)
        sip = self._sip_lines()
        check_accounts(self.ctx, [(i, d.code, d.alarm.account) for i, d in enumerate(devices)])
        receiver = read_receiver(
            self.ctx, self.data.get("alarm_receiver"), self.known["workstation"]
        )
        alarm_types = read_alarm_types(
            self.ctx, self.data.get("alarm_types"), self.known["incident_type"]
        )
        retention = self._retention()
        duplicate_minutes = self._duplicate_minutes()
        four_eyes = self._four_eyes()
        simulation_host = self._simulation_host()
        demo_rtsp_port = self._demo_rtsp_port()
        geo = self._geo()
        plan = self._plan()
        centre_phone = self._centre_phone()
        welfare_type = self._welfare_type(dict(alarm_types).get("medical"))
        if self.ctx.problems:
            raise SiteError.of(self.ctx.problems)
        return SiteSpec(
            name=name,
            timezone=timezone,
            source=self.ctx.path,
            communities=communities,
            departments=departments,
            workstations=workstations,
            zones=zones,
            readers=readers,
            cameras=cameras,
            devices=devices,
            incident_types=incident_types,
            retention=retention,
            duplicate_minutes=duplicate_minutes,
            units=units,
            four_eyes=four_eyes,
            simulation_host=simulation_host,
            demo_rtsp_port=demo_rtsp_port,
            alarm_receiver=receiver,
            alarm_types=alarm_types,
            sip=sip,
            geo=geo,
            plan=plan,
            centre_phone=centre_phone,
            welfare_type=welfare_type,
        )

    def _welfare_type(self, medical: str | None) -> str | None:
        data = self.data.get("site")
        if not isinstance(data, dict) or "welfare_type" not in data:
            return medical
        table = _Table(self.ctx, "site", None, data)
        return table.reference("welfare_type", "incident type", self.known["incident_type"])

    def _centre_phone(self) -> str:
        data = self.data.get("site")
        if not isinstance(data, dict) or "centre_phone" not in data:
            return ""
        return _Table(self.ctx, "site", None, data).text("centre_phone")

    def _duplicate_minutes(self) -> int:
        data = self.data.get("site")
        if not isinstance(data, dict) or "duplicate_minutes" not in data:
            return DEFAULT_WINDOW_MINUTES
        table = _Table(self.ctx, "site", None, data)
        minutes = table.integer("duplicate_minutes", minimum=1)
        if table.ok("duplicate_minutes") and minutes > 24 * 60:
            table.report("duplicate_minutes", f"at most one day (1440 minutes), got {minutes}")
        return minutes

    def _demo_rtsp_port(self) -> int:
        data = self.data.get("site")
        if not isinstance(data, dict) or "demo_rtsp_port" not in data:
            return 0
        table = _Table(self.ctx, "site", None, data)
        port = table.integer("demo_rtsp_port", minimum=0)
        if table.ok("demo_rtsp_port") and port > 65535:
            table.report("demo_rtsp_port", f"must be 0 (any free port) to 65535, got {port}")
        return port

    def _simulation_host(self) -> str | None:
        data = self.data.get("site")
        if not isinstance(data, dict) or "simulation_host" not in data:
            return None
        value = data["simulation_host"]
        if not isinstance(value, str) or value not in self.known["workstation"]:
            _Table(self.ctx, "site", None, data).report(
                "simulation_host", f"expected the code of a workstation, got {value!r}"
            )
            return None
        return value

    def _four_eyes(self) -> bool:
        data = self.data.get("site")
        if not isinstance(data, dict) or "four_eyes" not in data:
            return True
        value = data["four_eyes"]
        if not isinstance(value, bool):
            # A typo such as `four_eyes = "no"` must not silently relax the review.
            _Table(self.ctx, "site", None, data).report(
                "four_eyes", f"expected true or false, got {value!r}"
            )
            return True
        return value

    def _site(self) -> tuple[str, str]:
        data = self.data.get("site")
        if data is None:
            self.ctx.report(None, "site", "missing the [site] table")
            return "", DEFAULT_TIMEZONE
        if not isinstance(data, dict):
            line = self.ctx.layout.root_key_line("site")
            self.ctx.report(line, "site", "expected a [site] table")
            return "", DEFAULT_TIMEZONE
        table = _Table(self.ctx, "site", None, data)
        table.check_fields(_FIELDS["site"])
        name = table.text("name")
        timezone = table.text("timezone", default=DEFAULT_TIMEZONE)
        if table.ok("timezone"):
            try:
                zoneinfo.ZoneInfo(timezone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                hint = _suggest(timezone, zoneinfo.available_timezones())
                table.report("timezone", f"unknown time zone {timezone!r}{hint}")
        return name, timezone

    def _geo(self) -> GeoCalibration | None:
        data = self.data.get("geo")
        if data is None:
            return None
        if not isinstance(data, dict):
            self.ctx.report(self.ctx.layout.root_key_line("geo"), "geo", "expected a [geo] table")
            return None
        calibration, problems = calibration_from_table(data)
        for key, message in problems:
            line = self.ctx.layout.key_line("geo", None, key)
            self.ctx.report(line, f"geo.{key}", message)
        return calibration

    def _plan(self) -> PlanSpec | None:
        data = self.data.get("plan")
        if data is None:
            return None
        if not isinstance(data, dict):
            line = self.ctx.layout.root_key_line("plan")
            self.ctx.report(line, "plan", "expected a [plan] table")
            return None
        plan, problems = plan_from_table(data, self.ctx.path.parent)
        for key, message in problems:
            line = self.ctx.layout.key_line("plan", None, key)
            self.ctx.report(line, f"plan.{key}", message)
        return plan

    def _retention(self) -> RetentionPolicy:
        data = self.data.get("retention")
        if data is None:
            return DEFAULT_POLICY
        if not isinstance(data, dict):
            line = self.ctx.layout.root_key_line("retention")
            self.ctx.report(line, "retention", "expected a [retention] table")
            return DEFAULT_POLICY
        policy, problems = policy_from_table(data)
        for key, message in problems:
            line = self.ctx.layout.key_line("retention", None, key)
            self.ctx.report(line, f"retention.{key}", message)
        return policy

    def _section(self, section: str, read: Callable[[_Table, str], _T]) -> tuple[_T, ...]:
        raw = self.data.get(section, [])
        layout = self.ctx.layout
        if isinstance(raw, dict):
            self.ctx.report(
                layout.root_key_line(section),
                section,
                f"expected an array of tables: write [[{section}]], not [{section}]",
            )
            return ()
        if not isinstance(raw, list):
            self.ctx.report(
                layout.root_key_line(section),
                section,
                f"expected an array of tables [[{section}]], got {_describe(raw)}",
            )
            return ()
        items: list[_T] = []
        first_use: dict[str, int] = {}
        for index, data in enumerate(raw):
            if not isinstance(data, dict):
                line = layout.table_line(section, index) or layout.root_key_line(section)
                self.ctx.report(
                    line, f"{section}[{index}]", f"expected a table, got {_describe(data)}"
                )
                continue
            table = _Table(self.ctx, section, index, data)
            table.check_fields(_FIELDS[section])
            code = table.code_field()
            if code is not None and code in first_use:
                table.report(
                    "code",
                    f"duplicate {section} code '{code}' "
                    f"(already used by {section}[{first_use[code]}])",
                    quote_code=False,
                )
            elif code is not None:
                first_use[code] = index
                self.known[section].add(code)
            items.append(read(table, code or ""))
        return tuple(items)

    def _community(self, table: _Table, code: str) -> CommunitySpec:
        name = table.text("name")
        population = table.integer("population", minimum=0)
        households = table.integer("households", minimum=0)
        if table.ok("population", "households") and households > population:
            table.report(
                "households", f"{households} households exceed the population {population}"
            )
        return CommunitySpec(
            code=code,
            name=name,
            population=population,
            households=households,
            centre=table.point("centre"),
            address=table.text("address", default=""),
            streets=table.texts("streets"),
        )

    def _department(self, table: _Table, code: str) -> DepartmentSpec:
        return DepartmentSpec(
            code=code,
            name=table.text("name"),
            kind=table.choice("kind", DEPARTMENT_KINDS),
            phone=table.text("phone"),
        )

    def _unit(self, table: _Table, code: str) -> UnitSpec:
        return UnitSpec(
            code=code,
            department=table.reference("department", "department", self.known["department"]),
            name=table.text("name"),
            phone=table.text("phone", default=""),
        )

    def _incident_type(self, table: _Table, code: str) -> IncidentTypeSpec:
        priority = table.integer("priority", minimum=1)
        if table.ok("priority") and priority > 4:
            table.report("priority", f"must be 1 (P1) to 4 (P4), got {priority}")
        departments = table.texts("departments") if "departments" in table.data else ()
        for dept in departments:
            if dept not in self.known["department"]:
                known = self.known["department"]
                table.report("departments", f"unknown department '{dept}'{_suggest(dept, known)}")
        acknowledge = table.integer("acknowledge_minutes", minimum=1)
        resolve = table.integer("resolve_minutes", minimum=1)
        dispatch = None
        if "dispatch_minutes" in table.data:
            dispatch = table.integer("dispatch_minutes", minimum=1)
            ordered = table.ok("acknowledge_minutes") and table.ok("resolve_minutes")
            if table.ok("dispatch_minutes") and ordered and not acknowledge <= dispatch <= resolve:
                table.report(
                    "dispatch_minutes",
                    f"must lie between acknowledge_minutes ({acknowledge}) and "
                    f"resolve_minutes ({resolve}), got {dispatch}",
                )
        return IncidentTypeSpec(
            code=code,
            name=table.text("name"),
            priority=priority,
            acknowledge_minutes=acknowledge,
            resolve_minutes=resolve,
            departments=departments,
            dispositions=table.texts("dispositions") if "dispositions" in table.data else (),
            templates=self._templates(table) if "templates" in table.data else (),
            dispatch_minutes=dispatch,
        )

    @staticmethod
    def _templates(table: _Table) -> tuple[QuickTemplate, ...]:
        out: list[QuickTemplate] = []
        texts = table.texts("templates")
        if len(texts) > MAX_TEMPLATES:
            table.report("templates", f"at most {MAX_TEMPLATES} templates (Alt+1 to Alt+9)")
        for i, text in enumerate(texts):
            try:
                t = parse_template(text)
            except ValueError as exc:
                table.report("templates", str(exc), detail=f"[{i}]")
                continue
            if any(t.title == o.title for o in out):
                table.report("templates", f"title {t.title!r} is used twice", detail=f"[{i}]")
            out.append(t)
        return tuple(out)

    def _workstation(self, table: _Table, code: str) -> WorkstationSpec:
        name = table.text("name")
        community = None
        if "community" in table.data:
            community = table.reference("community", "community", self.known["community"])
        return WorkstationSpec(code=code, name=name, community=community)

    def _zone(self, table: _Table, code: str) -> ZoneSpec:
        spec = ZoneSpec(
            code=code,
            name=table.text("name"),
            community=table.reference("community", "community", self.known["community"]),
            kind=table.choice("kind", ZONE_KINDS),
            polygon=table.polygon("polygon"),
        )
        if table.ok("polygon") and _area(spec.polygon) == 0.0:
            table.report("polygon", "the polygon has zero area (all points on one line)")
        if not table.bad and code:
            self.zones[code] = spec
        return spec

    def _reader(self, table: _Table, code: str) -> ReaderSpec:
        name = table.text("name")
        community = table.reference("community", "community", self.known["community"])
        zone = table.reference("zone", "zone", self.known["zone"])
        zone_spec = self.zones.get(zone)
        if table.ok("community") and zone_spec is not None and zone_spec.community != community:
            table.report(
                "zone",
                f"zone '{zone}' belongs to community '{zone_spec.community}', not '{community}'",
            )
        position = table.point("position")
        protocol = table.choice("protocol", READER_PROTOCOLS)
        address = table.text("address")
        if table.ok("protocol", "address"):
            schemes = READER_SCHEMES[protocol]
            match = _SCHEME_RE.fullmatch(address)
            if match is None or match.group(1).lower() not in schemes:
                expected = " or ".join(f"{scheme}://..." for scheme in sorted(schemes))
                table.report(
                    "address", f"a {protocol} reader needs an address {expected}, got {address!r}"
                )
        return ReaderSpec(
            code=code,
            name=name,
            community=community,
            zone=zone,
            position=position,
            protocol=protocol,
            address=address,
            workstation=table.reference("workstation", "workstation", self.known["workstation"]),
        )

    def _camera(self, table: _Table, code: str) -> CameraSpec:
        name = table.text("name")
        community = table.reference("community", "community", self.known["community"])
        position = table.point("position")
        source = read_camera_source(table)
        return CameraSpec(
            code=code,
            name=name,
            community=community,
            position=position,
            main_url=source.main_url,
            sub_url=source.sub_url,
            workstation=table.reference("workstation", "workstation", self.known["workstation"]),
            vendor=source.vendor,
            address=source.address,
            channel=source.channel,
            rtsp_port=source.rtsp_port,
            codec=source.codec,
            onvif=source.onvif,
            credentials=source.credentials,
        )

    def _device(self, table: _Table, code: str) -> DeviceSpec:
        name = table.text("name")
        kind = table.choice("kind", DEVICE_KINDS)
        community = None
        if "community" in table.data:
            community = table.reference("community", "community", self.known["community"])
        spec = DeviceSpec(
            code=code,
            name=name,
            kind=kind,
            community=community,
            address=table.text("address"),
            workstation=table.reference("workstation", "workstation", self.known["workstation"]),
            alarm=read_device_alarm(table, kind),
        )
        if not table.bad and code:
            self.devices[code] = spec
        return spec

    def _sip_lines(self) -> tuple[SipLineSpec, ...]:
        """[[sip]] tables: keyed by workstation, not by a code of their own."""
        raw = self.data.get("sip", [])
        layout = self.ctx.layout
        if not isinstance(raw, list):
            self.ctx.report(
                layout.root_key_line("sip"),
                "sip",
                f"expected an array of tables [[sip]], got {_describe(raw)}",
            )
            return ()
        lines: list[SipLineSpec] = []
        first_use: dict[str, int] = {}
        for index, data in enumerate(raw):
            if not isinstance(data, dict):
                line = layout.table_line("sip", index) or layout.root_key_line("sip")
                self.ctx.report(line, f"sip[{index}]", f"expected a table, got {_describe(data)}")
                continue
            table = _Table(self.ctx, "sip", index, data)
            table.check_fields(_FIELDS["sip"])
            ws = table.reference("workstation", "workstation", self.known["workstation"])
            table.code = ws or None
            if ws and ws in first_use:
                table.report(
                    "workstation",
                    f"workstation '{ws}' already has a line (sip[{first_use[ws]}])",
                    quote_code=False,
                )
            elif ws:
                first_use[ws] = index
            lines.append(self._sip_line(table, ws))
        return tuple(lines)

    def _sip_line(self, table: _Table, ws: str) -> SipLineSpec:
        device = table.reference("device", "device", self.known["device"])
        spec = self.devices.get(device)
        if spec is not None and spec.kind != "phone":
            table.report("device", f"device '{device}' is a {spec.kind}, not a phone")
        elif spec is not None and table.ok("workstation") and spec.workstation != ws:
            table.report("device", f"device '{device}' belongs to workstation '{spec.workstation}'")
        bind_host = table.text("bind_host", default="0.0.0.0")
        if table.ok("bind_host"):
            try:
                ipaddress.ip_address(bind_host)
            except ValueError:
                table.report("bind_host", f"expected an IP address to listen on, got {bind_host!r}")
        port = table.integer("port", minimum=1) if "port" in table.data else 5060
        if table.ok("port") and port > 65535:
            table.report("port", f"must be 1 to 65535, got {port}")
        transport = (
            table.choice("transport", SIP_TRANSPORTS) if "transport" in table.data else "udp"
        )
        registrar = table.text("registrar", default="")
        if registrar and not registrar.lower().startswith(("sip:", "sips:")):
            table.report(
                "registrar", f"expected a SIP URI like 'sip:pbx.example.org', got {registrar!r}"
            )
        user = table.text("user", default="")
        if registrar and not user and table.ok("user"):
            table.report("user", "a line that registers needs the user (extension) to register as")
        password = ""
        if "password" in table.data:
            value = table.data["password"]
            if not isinstance(value, str):
                # Never quote the value: it is a secret.
                table.report("password", f"expected a string, got {type(value).__name__}")
            else:
                password = value
        domain = table.text("domain", default="")
        peer = table.text("peer", default="")
        if peer and (peer.lower().startswith("sip:") or any(c.isspace() for c in peer)):
            table.report("peer", f"expected 'host' or 'host:port' (no 'sip:'), got {peer!r}")
        return SipLineSpec(
            workstation=ws,
            device=device,
            bind_host=bind_host,
            port=port,
            transport=transport,
            registrar=registrar,
            user=user,
            password=password,
            domain=domain,
            peer=peer,
        )


def _area(polygon: tuple[Point, ...]) -> float:
    """Absolute shoelace area in square metres."""
    twice = 0.0
    for a, b in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        twice += a.x * b.y - b.x * a.y
    return abs(twice) / 2.0
