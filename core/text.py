"""Cleaning text that operators type or devices send, before it is stored and shown."""

from __future__ import annotations

import re
import unicodedata

# Zero-width and direction-control characters: invisible on screen, they make two identical-
# looking titles differ and can reorder what a line appears to say.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_line(text: str) -> str:
    """One line of text: control and invisible characters removed, spaces folded, trimmed."""
    text = _INVISIBLE.sub("", text)
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(text.split())


def clean_block(text: str) -> str:
    """Several lines (a description, a note): invisible and control characters removed,
    line breaks and tabs kept, trimmed."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    return text.strip()
