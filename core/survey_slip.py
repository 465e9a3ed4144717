"""Signed single-use survey slips: round, slip UUID and person, HMAC-SHA256, text for a QR code.

A slip is `S1.<round>.<resident id or ->.<slip UUID>.<MAC>`, the UUID and the MAC in
unpadded RFC 4648 base32 (upper case: QR alphanumeric mode, and a person can type it when the
code is torn). The MAC is HMAC-SHA256 over the other fields, cut to 80 bits: a forger cannot
check guesses offline, and each guess is one refused scan.

The signature proves the slip was printed by the site and names its round and person; single
use comes from the slip UUID becoming the submission's client UUID, which the server keeps
UNIQUE (a second use returns the first result instead of a second response).

The slip key is derived with HKDF-SHA256 (RFC 5869) from the site's HMAC index key (the key
folder's field keys, data.fieldcrypt) rather than used as is: a slip MAC can then never equal
an identity-number index, and a station PC can be given the slip key alone without the key
that finds identity numbers.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import uuid
from dataclasses import dataclass

PREFIX = "S1"
MAC_BYTES = 10
KEY_INFO = b"street-console survey slips v1"
_ROUND = re.compile(r"[A-Za-z0-9_\-]{1,64}")
_B32 = re.compile(r"[A-Z2-7]+")
_DAMAGED = "this slip is damaged: scan it again or type the whole code"


class SlipError(ValueError):
    """A slip that is not taken: the message says why, in words a worker can act on.

    `reason` is one of "foreign" (not a slip), "damaged", "altered" (or another site's),
    "round" (another round's), for a screen that says it in its own language.
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Slip:
    """A verified (or freshly made) slip."""

    round_code: str
    slip_uuid: str
    resident_id: int | None

    @property
    def code(self) -> str:
        """A short code to read aloud or write on a list: the UUID's first 8 base32 letters."""
        return _b32(uuid.UUID(self.slip_uuid).bytes)[:8]


def hkdf_sha256(ikm: bytes, info: bytes, length: int = 32, salt: bytes = b"") -> bytes:
    """RFC 5869 HKDF with SHA-256 (extract, then expand)."""
    if length > 255 * 32:
        raise ValueError("HKDF output too long")
    prk = hmac.new(salt or bytes(32), ikm, hashlib.sha256).digest()
    out, block = b"", b""
    for i in range((length + 31) // 32):
        block = hmac.new(prk, block + info + bytes([i + 1]), hashlib.sha256).digest()
        out += block
    return out[:length]


def slip_key(site_secret: bytes) -> bytes:
    """The slip-signing key derived from the site's HMAC secret."""
    if len(site_secret) < 16:
        raise ValueError("the site secret is too short to derive a slip key")
    return hkdf_sha256(site_secret, KEY_INFO)


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _unb32(text: str) -> bytes:
    return base64.b32decode(text + "=" * (-len(text) % 8))


def _mac(key: bytes, round_code: str, who: str, uid: str) -> str:
    message = f"{PREFIX}.{round_code}.{who}.{uid}".encode()
    return _b32(hmac.new(key, message, hashlib.sha256).digest()[:MAC_BYTES])


def make_slip(
    key: bytes, round_code: str, resident_id: int | None = None, slip_uuid: str | None = None
) -> tuple[Slip, str]:
    """A new slip and its text; a fresh uuid4 unless `slip_uuid` is given."""
    if not _ROUND.fullmatch(round_code):
        raise ValueError(f"round code {round_code!r} cannot go on a slip")
    if resident_id is not None and resident_id < 1:
        raise ValueError("a resident id is a positive number")
    uid = uuid.UUID(slip_uuid) if slip_uuid else uuid.uuid4()
    who = "-" if resident_id is None else str(resident_id)
    u = _b32(uid.bytes)
    text = f"{PREFIX}.{round_code}.{who}.{u}.{_mac(key, round_code, who, u)}"
    return Slip(round_code, str(uid), resident_id), text


def verify(key: bytes, text: str, round_code: str | None = None) -> Slip:
    """The slip in `text` (as scanned or typed); SlipError if altered, foreign or for another
    round than `round_code`."""
    raw = "".join(text.split())  # a typed slip may carry spaces or line breaks
    if not raw.upper().startswith(PREFIX + "."):
        raise SlipError("this is not a survey slip", "foreign")
    parts = raw[len(PREFIX) + 1 :].rsplit(".", 3)
    if len(parts) != 4:
        raise SlipError("this slip is incomplete: scan it again or type the whole code", "damaged")
    rnd, who, u, mac = parts[0], parts[1], parts[2].upper(), parts[3].upper()
    if not _ROUND.fullmatch(rnd) or not _B32.fullmatch(u) or not _B32.fullmatch(mac):
        raise SlipError(_DAMAGED, "damaged")
    if who != "-" and not (who.isascii() and who.isdigit()):
        raise SlipError(_DAMAGED, "damaged")
    if not hmac.compare_digest(_mac(key, rnd, who, u), mac):
        raise SlipError("this slip was altered or was not printed by this site", "altered")
    if round_code is not None and rnd != round_code:
        raise SlipError(f"this slip is for survey round {rnd}, not {round_code}", "round")
    try:
        uid = uuid.UUID(bytes=_unb32(u))
    except (binascii.Error, ValueError):
        raise SlipError(_DAMAGED, "damaged") from None
    return Slip(rnd, str(uid), None if who == "-" else int(who))
