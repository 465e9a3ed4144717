"""Alarm events from panels (SIA DC-09: SIA-DCS and ADM-CID), typed and classified."""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


class AlarmCategory(enum.StrEnum):
    """What an alarm event means for the control room."""

    BURGLARY = "burglary"
    FIRE = "fire"
    PANIC = "panic"
    MEDICAL = "medical"
    TAMPER = "tamper"
    TROUBLE = "trouble"
    RESTORE = "restore"  # an earlier alarm, tamper or trouble is over
    HEARTBEAT = "heartbeat"  # link test, periodic test report (supervision only)
    ARMING = "arming"  # opened / closed (armed, disarmed): logged, no incident
    OTHER = "other"  # known to the panel, nothing the console acts on


# The categories that open (or join) an incident; the rest are logged and supervised only.
RAISING: frozenset[AlarmCategory] = frozenset(
    {
        AlarmCategory.BURGLARY,
        AlarmCategory.FIRE,
        AlarmCategory.PANIC,
        AlarmCategory.MEDICAL,
        AlarmCategory.TAMPER,
        AlarmCategory.TROUBLE,
    }
)


# SIA-DCS two-letter codes (SIA DC-03) by category. ADM-CID events reach here already mapped to
# their SIA code by pysiaalarm (qualifier 1 = new event, 3 = restore), so one table serves both.
_SIA: dict[str, AlarmCategory] = {
    # burglary alarm / restore
    "BA": AlarmCategory.BURGLARY,
    "BV": AlarmCategory.BURGLARY,  # verified
    "BM": AlarmCategory.BURGLARY,  # cross-zone
    "BR": AlarmCategory.RESTORE,
    # "xH" is SIA's "alarm restore" (the alarm condition is gone); pysiaalarm maps every ADM-CID
    # restore (qualifier 3) of an alarm to it: 3130 → BH, 3110 → FH, 3120 → PH.
    "BH": AlarmCategory.RESTORE,
    # fire
    "FA": AlarmCategory.FIRE,
    "FH": AlarmCategory.RESTORE,
    "FR": AlarmCategory.RESTORE,
    # panic / duress / hold-up
    "PA": AlarmCategory.PANIC,
    "HA": AlarmCategory.PANIC,
    "DA": AlarmCategory.PANIC,
    "PR": AlarmCategory.RESTORE,
    "HR": AlarmCategory.RESTORE,
    "PH": AlarmCategory.RESTORE,
    "HH": AlarmCategory.RESTORE,
    # medical
    "MA": AlarmCategory.MEDICAL,
    "MR": AlarmCategory.RESTORE,
    "MH": AlarmCategory.RESTORE,
    # tamper
    "TA": AlarmCategory.TAMPER,
    "ES": AlarmCategory.TAMPER,  # expansion device tamper
    "TR": AlarmCategory.RESTORE,
    "EJ": AlarmCategory.RESTORE,
    # trouble: AC loss, low battery, communication, bell, zone trouble
    "AT": AlarmCategory.TROUBLE,
    "YT": AlarmCategory.TROUBLE,
    "YM": AlarmCategory.TROUBLE,
    "YC": AlarmCategory.TROUBLE,
    "YS": AlarmCategory.TROUBLE,
    "BT": AlarmCategory.TROUBLE,
    "FT": AlarmCategory.TROUBLE,
    "UT": AlarmCategory.TROUBLE,
    "AR": AlarmCategory.RESTORE,
    "YR": AlarmCategory.RESTORE,
    "YK": AlarmCategory.RESTORE,
    "BJ": AlarmCategory.RESTORE,
    "FJ": AlarmCategory.RESTORE,
    "UJ": AlarmCategory.RESTORE,
    # periodic and manual tests, link tests
    "RP": AlarmCategory.HEARTBEAT,
    "RX": AlarmCategory.HEARTBEAT,
    "RS": AlarmCategory.HEARTBEAT,
    # opening and closing
    "OP": AlarmCategory.ARMING,
    "CL": AlarmCategory.ARMING,
    "OA": AlarmCategory.ARMING,
    "CA": AlarmCategory.ARMING,
}

# A restore code names the alarm it ends: BR ends BA/BV/BM, and so on.
RESTORE_OF: dict[str, AlarmCategory] = {
    "BR": AlarmCategory.BURGLARY,
    "BH": AlarmCategory.BURGLARY,
    "FR": AlarmCategory.FIRE,
    "FH": AlarmCategory.FIRE,
    "PR": AlarmCategory.PANIC,
    "PH": AlarmCategory.PANIC,
    "HR": AlarmCategory.PANIC,
    "HH": AlarmCategory.PANIC,
    "MR": AlarmCategory.MEDICAL,
    "MH": AlarmCategory.MEDICAL,
    "TR": AlarmCategory.TAMPER,
    "EJ": AlarmCategory.TAMPER,
    "AR": AlarmCategory.TROUBLE,
    "YR": AlarmCategory.TROUBLE,
    "YK": AlarmCategory.TROUBLE,
    "BJ": AlarmCategory.TROUBLE,
    "FJ": AlarmCategory.TROUBLE,
    "UJ": AlarmCategory.TROUBLE,
}


def categorize(code: str) -> AlarmCategory:
    """The category of a SIA event code; unknown codes are OTHER (logged, never dropped)."""
    return _SIA.get(code.upper(), AlarmCategory.OTHER)


def restored_category(code: str) -> AlarmCategory | None:
    """For a restore code, the category of the alarm it ends; None for anything else."""
    return RESTORE_OF.get(code.upper())


@dataclass(frozen=True, slots=True)
class AlarmEvent:
    """One event a panel reported and the receiver acknowledged.

    `key` identifies the transmission: a panel repeats a frame it got no ACK for, and an
    attacker (or a network) may replay one inside the receiver's time window; both carry the
    same key, so the second copy adds nothing. `panel_time` is the frame's own timestamp
    (UTC), None when the panel sent none.
    """

    account: str  # the panel's account number (hex digits, upper case)
    receiver: str  # Rxxx of the frame, "" when absent
    line: str  # Lxxx of the frame
    sequence: str  # 4 digits, 0001..9999
    message_type: str  # "SIA-DCS", "ADM-CID" or "NULL" (a link test)
    code: str  # SIA two-letter event code (ADM-CID mapped to it)
    zone: str  # ri: zone or user number as sent ("012"), "" when none
    partition: str  # ADM-CID partition ("01"), "" when none
    text: str  # free text of the event, if any
    panel_time: datetime | None
    received_at: datetime
    transport: str  # "tcp" or "udp"
    peer: str  # "host:port" of the sender
    encrypted: bool
    raw: str  # the frame's body as received (decrypted content when encrypted)

    @property
    def category(self) -> AlarmCategory:
        """What the event means (core.alarms.categorize of its code)."""
        if self.message_type == "NULL":
            return AlarmCategory.HEARTBEAT
        return categorize(self.code)

    @property
    def zone_number(self) -> int | None:
        """The zone as a number ("012" → 12), None when there is none."""
        digits = self.zone.strip()
        return int(digits) if digits.isdigit() else None

    @property
    def key(self) -> str:
        """Identity of the transmission, the same for a retry or a replay of it."""
        ts = self.panel_time.isoformat() if self.panel_time is not None else ""
        basis = "|".join(
            (self.account, self.receiver, self.line, self.sequence, self.message_type, ts)
        )
        body = hashlib.sha256(self.raw.encode("utf-8", "replace")).hexdigest()[:16]
        return f"{basis}|{body}"


@dataclass(frozen=True, slots=True)
class AlarmReceiverState:
    """Whether the receiver is listening, on what, and the counts an operator can act on."""

    listening: bool
    detail: str  # "tcp 0.0.0.0:12128, udp 0.0.0.0:12128" or why not
    at: datetime
    frames: int = 0
    acked: int = 0
    naked: int = 0
    duh: int = 0
    bad_crc: int = 0
    malformed: int = 0
    unknown_account: int = 0
    refused: int = 0  # not acknowledged because the console could not take more
    undecryptable: int = 0  # encrypted frames the account's key did not open (NAKed)
    connections: int = 0  # TCP connections open now
    # The latest problem in words ("unknown account 1234 from 10.0.0.7:40112"), "" when none.
    last_problem: str = ""
    # Accounts not in the site file that sent frames, newest first (at most 8):
    # "1234 from host:port".
    unknown_accounts: tuple[str, ...] = ()


_ACCOUNT_DIGITS = frozenset("0123456789ABCDEF")


@dataclass(frozen=True, slots=True)
class PanelAccount:
    """A panel the receiver accepts frames from: its DC-09 account and AES key.

    `account` is 3 to 16 hex digits (stored upper case); `key` the raw AES key, 16, 24 or
    32 bytes (the site file writes it as 32, 48 or 64 hex digits), None for a panel that
    sends unencrypted. The key never appears in a repr, a log line or the database.
    """

    account: str
    key: bytes | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        account = self.account.strip().upper()
        if not 3 <= len(account) <= 16 or not set(account) <= _ACCOUNT_DIGITS:
            raise ValueError(f"a DC-09 account is 3 to 16 hex digits, got {self.account!r}")
        object.__setattr__(self, "account", account)
        if self.key is not None and len(self.key) not in (16, 24, 32):
            # The length only: the value is a secret.
            raise ValueError(f"an AES key is 16, 24 or 32 bytes, got {len(self.key)}")

    @classmethod
    def from_hex(cls, account: str, key_hex: str | None) -> PanelAccount:
        """From the site file's spelling: the key as 32, 48 or 64 hex digits (or None/"")."""
        if not key_hex:
            return cls(account)
        text = key_hex.strip()
        if len(text) not in (32, 48, 64):
            raise ValueError(f"an AES key is 32, 48 or 64 hex digits, got {len(text)}")
        try:
            key = bytes.fromhex(text)
        except ValueError:
            raise ValueError("an AES key is hex digits only") from None
        return cls(account, key)


class AlarmAccept(Protocol):
    """Takes an acknowledged event; False when it cannot be taken now (then no ACK is sent)."""

    def __call__(self, event: AlarmEvent) -> bool: ...
