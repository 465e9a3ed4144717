"""Signed short-lived check-in codes for volunteers: place, issue time, expiry, nonce, HMAC."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from core.survey_slip import hkdf_sha256

# A code is `C1.<place>.<issued>.<valid seconds>.<nonce>.<MAC>`: issue time in Unix seconds,
# the nonce (8 random bytes) and the MAC (HMAC-SHA256 over the rest, cut to 80 bits) in
# unpadded base32. About 70 characters: a version 4–5 QR code, readable by a phone or a cheap
# keyboard-wedge scanner from a screen or a printed visit card.
PREFIX = "C1"
MAC_BYTES = 10
NONCE_BYTES = 8
KEY_INFO = b"street-console volunteer check-in v1"
# A station screen shows a code for about a minute; a visit card is valid for the visit's
# window (a morning, an afternoon). A code that says it lives longer was not made here.
MAX_VALID_S = 12 * 3600
# Clocks of two PCs of one site differ by seconds; a code "issued" further ahead is refused.
CLOCK_SKEW_S = 120
PLACE = re.compile(r"(station|door|place):[A-Za-z0-9_\-]{1,48}")
_B32 = re.compile(r"[A-Z2-7]+")


class CheckinCodeError(ValueError):
    """A code that is not taken; `reason` is "malformed", "forged", "expired", "early" (issued
    ahead of this PC's clock) or "place" (valid, but for another place)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class CheckinCode:
    """A verified (or freshly made) check-in code."""

    place: str
    issued_at: datetime
    expires_at: datetime
    nonce: str

    @property
    def kind(self) -> str:
        """ "station", "door" or "place"."""
        return self.place.split(":", 1)[0]

    @property
    def subject(self) -> str:
        """What the place names: a community code, a resident id or a place code."""
        return self.place.split(":", 1)[1]


def checkin_key(site_secret: bytes) -> bytes:
    """The check-in signing key derived from the site's HMAC secret (HKDF, own `info`: a
    check-in MAC can never equal a survey slip's nor an identity-number index)."""
    if len(site_secret) < 16:
        raise ValueError("the site secret is too short to derive a check-in key")
    return hkdf_sha256(site_secret, KEY_INFO)


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _mac(key: bytes, body: str) -> str:
    return _b32(hmac.new(key, body.encode("ascii"), hashlib.sha256).digest()[:MAC_BYTES])


def _unix(moment: datetime) -> int:
    if moment.tzinfo is None:
        raise ValueError("a check-in time must carry its time zone")
    return int(moment.timestamp())


def make_code(
    key: bytes, place: str, now: datetime, valid_s: int, nonce: bytes | None = None
) -> str:
    """The text of a new code for `place`, valid `valid_s` seconds from `now`."""
    if not PLACE.fullmatch(place):
        raise ValueError(f"place {place!r} cannot go on a check-in code")
    if not 1 <= valid_s <= MAX_VALID_S:
        raise ValueError(f"a check-in code lives 1 to {MAX_VALID_S} seconds, not {valid_s}")
    raw = nonce if nonce is not None else secrets.token_bytes(NONCE_BYTES)
    if len(raw) != NONCE_BYTES:
        raise ValueError(f"a nonce is {NONCE_BYTES} bytes")
    body = f"{PREFIX}.{place}.{_unix(now)}.{valid_s}.{_b32(raw)}"
    return f"{body}.{_mac(key, body)}"


def verify(key: bytes, text: str, now: datetime, place: str | None = None) -> CheckinCode:
    """The code in `text` (scanned or typed); CheckinCodeError when malformed, forged (altered
    or another site's), expired, issued ahead of `now`, or (with `place`) for another place."""
    raw = "".join(text.split())  # a typed code may carry spaces or line breaks
    parts = raw.split(".")
    if len(parts) != 6 or parts[0].upper() != PREFIX:
        raise CheckinCodeError("this is not a check-in code, or part of it is missing", "malformed")
    _, where, issued, valid, nonce, mac = parts
    nonce, mac = nonce.upper(), mac.upper()
    if (
        not PLACE.fullmatch(where)
        or not (issued.isascii() and issued.isdigit() and len(issued) <= 12)
        or not (valid.isascii() and valid.isdigit() and len(valid) <= 6)
        or not _B32.fullmatch(nonce)
        or not _B32.fullmatch(mac)
    ):
        raise CheckinCodeError("this check-in code is damaged: scan it again", "malformed")
    body = f"{PREFIX}.{where}.{issued}.{valid}.{nonce}"
    # Constant time: a forger learns nothing from how long a refusal takes.
    if not hmac.compare_digest(_mac(key, body), mac):
        raise CheckinCodeError("this check-in code was altered or not made by this site", "forged")
    try:
        nonce_bytes = base64.b32decode(nonce + "=" * (-len(nonce) % 8))
    except (binascii.Error, ValueError):
        raise CheckinCodeError(
            "this check-in code is damaged: scan it again", "malformed"
        ) from None
    valid_s = int(valid)
    if len(nonce_bytes) != NONCE_BYTES or not 1 <= valid_s <= MAX_VALID_S:
        raise CheckinCodeError("this check-in code was not made by this site", "forged")
    issued_at = datetime.fromtimestamp(int(issued), UTC)
    expires_at = issued_at + timedelta(seconds=valid_s)
    if issued_at > now + timedelta(seconds=CLOCK_SKEW_S):
        raise CheckinCodeError(
            "this check-in code is not valid yet: check the PCs' clocks", "early"
        )
    if now >= expires_at:
        raise CheckinCodeError("this check-in code has expired: scan the current one", "expired")
    if place is not None and where != place:
        raise CheckinCodeError(f"this check-in code is for {where}, not {place}", "place")
    return CheckinCode(where, issued_at, expires_at, nonce)
