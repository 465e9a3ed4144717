"""Chinese resident identity numbers (GB 11643-1999): checksum, validation, masking."""

from __future__ import annotations

import re
from datetime import date
from typing import Final

# ISO 7064 MOD 11-2 weights for positions 1..17, and the check character for each remainder.
_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS: Final = "10X98765432"

# The first two digits name a province-level division (GB/T 2260); 71 and 81-83 also
# appear on residence permits for Taiwan, Hong Kong and Macao residents.
_PROVINCES: Final = frozenset(
    {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
        "65", "71", "81", "82", "83",
    }
)  # fmt: skip

_SHAPE: Final = re.compile(r"[0-9]{17}[0-9X]")
_EARLIEST_BIRTH: Final = date(1850, 1, 1)

MASK_CHAR: Final = "*"


def normalize(id_number: str) -> str:
    """Strip surrounding blanks and upper-case a trailing 'x', as typed by operators."""
    return id_number.strip().upper()


def checksum(first17: str) -> str:
    """The check character ('0'-'9' or 'X') for the first 17 digits of a number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError(f"expected 17 digits, got {first17!r}")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def make_id_number(region: str, birth: date, sequence: int) -> str:
    """Build a checksummed 18-character number; an odd sequence means male, even female."""
    if len(region) != 6 or not region.isascii() or not region.isdigit():
        raise ValueError(f"region must be 6 digits, got {region!r}")
    if not 0 <= sequence <= 999:
        raise ValueError(f"sequence must be 0..999, got {sequence}")
    first17 = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return first17 + checksum(first17)


def validation_error(id_number: str) -> str | None:
    """Why the number is not a valid 18-character identity number, or None when it is."""
    number = normalize(id_number)
    if len(number) != 18:
        return f"must be 18 characters, got {len(number)}"
    if not number.isascii() or _SHAPE.fullmatch(number) is None:
        return "must be 17 digits followed by a digit or X"
    if number[:2] not in _PROVINCES:
        return f"unknown province code {number[:2]}"
    born = _parse_birth(number)
    if born is None:
        return f"invalid birth date {number[6:14]}"
    if born < _EARLIEST_BIRTH:
        return f"implausible birth date {born.isoformat()}"
    expected = checksum(number[:17])
    if number[17] != expected:
        return f"checksum mismatch: expected {expected}, got {number[17]}"
    return None


def validate(id_number: str) -> bool:
    """True when the number is a well-formed identity number with a correct checksum."""
    return validation_error(id_number) is None


def birth_date(id_number: str) -> date:
    """The birth date encoded in a valid number; ValueError otherwise."""
    number = _require_valid(id_number)
    born = _parse_birth(number)
    # _require_valid already rejected unparsable dates; this only narrows the type.
    assert born is not None
    return born


def gender(id_number: str) -> str:
    """'M' or 'F' from the parity of the 17th digit of a valid number; ValueError otherwise."""
    number = _require_valid(id_number)
    return "M" if int(number[16]) % 2 == 1 else "F"


def mask(id_number: str) -> str:
    """Keep the region (first 6) and last 4 characters: '120106********123X'.

    Anything too short to keep both parts without revealing most of it is masked whole,
    so a malformed value typed into the wrong field never leaks.
    """
    number = normalize(id_number)
    if len(number) <= 10:
        return MASK_CHAR * len(number)
    return number[:6] + MASK_CHAR * (len(number) - 10) + number[-4:]


def _require_valid(id_number: str) -> str:
    problem = validation_error(id_number)
    if problem is not None:
        raise ValueError(f"invalid identity number {mask(id_number)}: {problem}")
    return normalize(id_number)


def _parse_birth(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None
