"""The site file's alarm parts: the DC-09 receiver, panel accounts and keys, category mapping."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from core.alarms import RAISING, AlarmCategory

if TYPE_CHECKING:
    from core.site import _Context, _Table

# SIA DC-09: the account is 3 to 16 hex digits; AES keys are 128, 192 or 256 bits.
_ACCOUNT_RE: Final = re.compile(r"[0-9A-Fa-f]{3,16}")
_KEY_RE: Final = re.compile(r"[0-9A-Fa-f]+")
KEY_HEX_LENGTHS: Final = frozenset({32, 48, 64})
DEFAULT_SUPERVISION_SECONDS: Final = 90
DEFAULT_TIMEBAND: Final = (40, 20)  # seconds a frame's timestamp may lag / lead (DC-09 §5.5.1.8)
DEFAULT_PORT: Final = 12128
ALARM_DEVICE_KINDS: Final = frozenset({"alarm_panel", "panic_button"})

# The incident type each raising category opens, unless [alarm_types] says otherwise; a default
# whose type the site does not define opens an incident without a type.
DEFAULT_ALARM_TYPES: Final[Mapping[str, str]] = {
    AlarmCategory.BURGLARY.value: "BURGLARY",
    AlarmCategory.FIRE.value: "FIRE",
    AlarmCategory.PANIC.value: "PANIC",
    AlarmCategory.MEDICAL.value: "ELDERLY",
    AlarmCategory.TAMPER.value: "DEVICE",
    AlarmCategory.TROUBLE.value: "DEVICE",
}
SUPERVISION_KEY: Final = "supervision"  # [alarm_types] key: the type of a missed heartbeat
DEFAULT_SUPERVISION_TYPE: Final = "DEVICE"
ALARM_TYPE_KEYS: Final = frozenset({c.value for c in RAISING} | {SUPERVISION_KEY})

RECEIVER_FIELDS: Final = (
    "workstation",
    "host",
    "address",
    "tcp_port",
    "udp_port",
    "timeband",
    "simulate",
)
DEVICE_ALARM_FIELDS: Final = ("account", "key", "supervision_seconds", "zones", "location")


@dataclass(frozen=True, slots=True)
class AlarmReceiverSpec:
    """Where the SIA DC-09 receiver runs: the workstation hosting it, its address and window."""

    workstation: str
    host: str
    tcp_port: int  # 0: any free port (tests)
    udp_port: int  # 0: any free port; -1: no UDP listener
    timeband: tuple[int, int]  # seconds past, seconds future a frame's timestamp may be off
    simulate: bool = False  # the demo: simulated panels send link tests to it
    # Where community stations send a panic by the panel path: the receiver's address as
    # they reach it over their own line ("" : `host`, right when host is a real address).
    address: str = ""

    @property
    def reached_at(self) -> str:
        """The address a station's panel path sends to."""
        return self.address or self.host


@dataclass(frozen=True, slots=True)
class DeviceAlarmSpec:
    """A device's alarm settings; `key` is secret: never logged, never stored in the database."""

    account: str | None = None  # upper-case hex; None: the device sends no DC-09 frames
    key: bytes | None = None
    supervision_seconds: int = 0  # 0: not supervised
    zones: tuple[tuple[int, str], ...] = ()  # zone number → name, as the site file names them
    location: str = ""  # where it is, for the incident; "" → the community's address

    def __repr__(self) -> str:
        # The key must not reach a log line through a repr of the spec.
        key = "set" if self.key else "none"
        return (
            f"DeviceAlarmSpec(account={self.account!r}, key={key}, "
            f"supervision_seconds={self.supervision_seconds}, zones={self.zones!r}, "
            f"location={self.location!r})"
        )


NO_ALARMS: Final = DeviceAlarmSpec()


def read_device_alarm(table: _Table, kind: str) -> DeviceAlarmSpec:
    """The alarm fields of one [[device]]; only alarm panels and panic buttons may have them."""
    present = [k for k in DEVICE_ALARM_FIELDS if k in table.data and k != "location"]
    location = table.text("location") if "location" in table.data else ""
    if not present:
        return DeviceAlarmSpec(location=location) if location else NO_ALARMS
    if kind and kind not in ALARM_DEVICE_KINDS:
        for key in present:
            table.report(key, f"only alarm_panel and panic_button devices have '{key}'")
        return NO_ALARMS
    account = _account(table) if "account" in table.data else None
    if account is None:
        for key in present:
            if key != "account":
                table.report(key, f"'{key}' needs an 'account'")
    aes_key = _key(table) if "key" in table.data else None
    supervision = DEFAULT_SUPERVISION_SECONDS
    if "supervision_seconds" in table.data:
        supervision = table.integer("supervision_seconds", minimum=0)
        if table.ok("supervision_seconds") and 0 < supervision < 10:
            table.report(
                "supervision_seconds", f"0 (not supervised) or at least 10, got {supervision}"
            )
    zones = _zones(table) if "zones" in table.data else ()
    return DeviceAlarmSpec(
        account=account,
        key=aes_key,
        supervision_seconds=supervision if account is not None else 0,
        zones=zones,
        location=location,
    )


def _account(table: _Table) -> str | None:
    value = table.data["account"]
    if not isinstance(value, str) or _ACCOUNT_RE.fullmatch(value.strip()) is None:
        shown = value if isinstance(value, str) else type(value).__name__
        table.report("account", f"expected 3 to 16 hex digits, got {shown!r}")
        return None
    return value.strip().upper()


def _key(table: _Table) -> bytes | None:
    value = table.data["key"]
    # The message never quotes the value: it is a secret, and error messages reach logs.
    if not isinstance(value, str):
        table.report("key", "expected a string of 32, 48 or 64 hex digits")
        return None
    text = value.strip()
    if _KEY_RE.fullmatch(text) is None:
        table.report("key", "expected hex digits only (0-9, a-f)")
        return None
    if len(text) not in KEY_HEX_LENGTHS:
        table.report(
            "key", f"expected 32, 48 or 64 hex digits (AES-128/192/256), got {len(text)} digits"
        )
        return None
    return bytes.fromhex(text)


def _zones(table: _Table) -> tuple[tuple[int, str], ...]:
    value = table.data["zones"]
    if not isinstance(value, dict):
        table.report("zones", 'expected a table of zone names, e.g. { 12 = "东门" }')
        return ()
    out: list[tuple[int, str]] = []
    for number, name in value.items():
        if not str(number).isdigit() or not 0 <= int(number) <= 9999:
            table.report("zones", f"zone numbers are 0 to 9999, got {number!r}")
            continue
        if not isinstance(name, str) or not name.strip():
            table.report("zones", f"zone {number}: expected a non-empty name")
            continue
        out.append((int(number), name.strip()))
    return tuple(sorted(out))


def check_accounts(ctx: _Context, devices: Collection[tuple[int, str, str | None]]) -> None:
    """Report an account used by two devices: (index, code, account) of every device."""
    first: dict[str, str] = {}
    for index, code, account in devices:
        if account is None:
            continue
        if account in first:
            line = ctx.layout.key_line("device", index, "account")
            ctx.report(
                line,
                f"device[{index}].account",
                f"account {account} is already used by device '{first[account]}'",
            )
        else:
            first[account] = code


def read_receiver(
    ctx: _Context, data: Any, workstations: Collection[str]
) -> AlarmReceiverSpec | None:
    """The [alarm_receiver] table; None when the site has none."""
    from core.site import _Table

    if data is None:
        return None
    if not isinstance(data, dict):
        line = ctx.layout.root_key_line("alarm_receiver")
        ctx.report(line, "alarm_receiver", "expected an [alarm_receiver] table")
        return None
    table = _Table(ctx, "alarm_receiver", None, data)
    table.check_fields(RECEIVER_FIELDS)
    workstation = table.reference("workstation", "workstation", workstations)
    host = table.text("host", default="0.0.0.0")
    address = table.text("address", default="")
    tcp = table.integer("tcp_port", minimum=0) if "tcp_port" in data else DEFAULT_PORT
    udp = table.integer("udp_port", minimum=-1) if "udp_port" in data else tcp
    for key, port in (("tcp_port", tcp), ("udp_port", udp)):
        if table.ok(key) and port > 65535:
            table.report(key, f"a port is 0 to 65535, got {port}")
    timeband = DEFAULT_TIMEBAND
    if "timeband" in data:
        raw = data["timeband"]
        if (
            not isinstance(raw, list)
            or len(raw) != 2
            or any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in raw)
        ):
            table.report("timeband", f"expected [seconds past, seconds future], got {raw!r}")
        else:
            timeband = (int(raw[0]), int(raw[1]))
    simulate = data.get("simulate", False)
    if not isinstance(simulate, bool):
        table.report("simulate", f"expected true or false, got {simulate!r}")
        simulate = False
    return AlarmReceiverSpec(
        workstation=workstation,
        host=host,
        tcp_port=tcp,
        udp_port=udp,
        timeband=timeband,
        simulate=simulate,
        address=address,
    )


def read_alarm_types(
    ctx: _Context, data: Any, types: Collection[str]
) -> tuple[tuple[str, str], ...]:
    """[alarm_types]: category → incident type code, the defaults for what it leaves out."""
    from core.site import _Table

    chosen = dict(DEFAULT_ALARM_TYPES)
    chosen[SUPERVISION_KEY] = DEFAULT_SUPERVISION_TYPE
    explicit: set[str] = set()
    if data is not None and not isinstance(data, dict):
        line = ctx.layout.root_key_line("alarm_types")
        ctx.report(line, "alarm_types", "expected an [alarm_types] table")
    elif isinstance(data, dict):
        table = _Table(ctx, "alarm_types", None, data)
        table.check_fields(sorted(ALARM_TYPE_KEYS))
        for key in data:
            if key in ALARM_TYPE_KEYS:
                chosen[key] = table.reference(key, "incident type", types)
                explicit.add(key)
    # Defaults the site does not define are dropped: such alarms open untyped incidents.
    out = {k: v for k, v in chosen.items() if k in explicit or v in types}
    return tuple(sorted(out.items()))
