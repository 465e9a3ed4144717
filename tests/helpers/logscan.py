"""Finding secrets in a log: passwords the run used, and valid identity numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.idcard import validate

_ID_NUMBER = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")


def secrets_in(text: str, passwords: Iterable[str]) -> tuple[list[str], list[str]]:
    """(passwords found, identity numbers found) in `text`; passwords under 6 characters are
    too likely to occur by chance to count."""
    leaks = sorted(p for p in set(passwords) if len(p) >= 6 and p in text)
    ids = sorted({m for m in _ID_NUMBER.findall(text) if validate(m)})
    return leaks, ids
