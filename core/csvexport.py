"""CSV for Excel: cells defused against formula injection, GBK or UTF-8 with BOM, a footer."""

from __future__ import annotations

import codecs
import csv
import enum
import io
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import BinaryIO, Final

from core.text import clean_line

Cell = str | int | float | None
"""A cell: text is defused; int and float are numbers and written as they are."""

# OWASP "CSV injection": a cell Excel or LibreOffice would read as a formula (or that a
# spreadsheet turns into one after a tab or carriage return) gets a leading apostrophe.
DANGEROUS_START: Final = ("=", "+", "-", "@", "\t", "\r")


class CsvEncoding(enum.StrEnum):
    """The encodings offered for Excel."""

    # Excel on a Chinese Windows opens a double-clicked CSV as GBK (code page 936). Written
    # with GB18030, a superset that is byte-identical to GBK wherever GBK has the character,
    # so a rare name character outside GBK is still stored instead of lost.
    GBK = "gbk"
    # Any Excel since 2016 recognises UTF-8 by its byte-order mark; other tools read it too.
    UTF8_BOM = "utf-8-sig"

    @property
    def codec(self) -> str:
        return "gb18030" if self is CsvEncoding.GBK else "utf-8-sig"


def defuse(text: str) -> str:
    """A text cell that cannot run as a formula: a leading `'` when it starts dangerously."""
    return "'" + text if text.startswith(DANGEROUS_START) else text


def cell(value: Cell) -> str | int | float:
    """A value as written: numbers unchanged (a number column stays numeric), text defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        # bool is an int: a yes/no column is text, never the numbers 1 and 0.
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    return defuse(value)


def footer(who: str, when: datetime, reason: str) -> str:
    """The last line: who exported, when (UTC) and why; one cell, so Excel shows it whole."""
    at = when.strftime("%Y-%m-%d %H:%M:%S %Z").strip()
    return f"# exported by {clean_line(who)} at {at} for: {clean_line(reason)}"


def write_csv(
    out: BinaryIO,
    header: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    encoding: CsvEncoding,
    footer_line: str,
) -> int:
    """Write header, rows and footer to a binary file; returns the number of data rows.

    Rows are streamed, so a large export never sits in memory whole. CRLF line ends, as
    Excel writes them; every text cell is defused, the footer starts with `#` and is safe.
    """
    text = io.TextIOWrapper(out, encoding=encoding.codec, newline="", write_through=False)
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow([defuse(h) for h in header])
        count = 0
        for row in rows:
            writer.writerow([cell(v) for v in row])
            count += 1
        writer.writerow([footer_line])
        text.flush()
    finally:
        # The caller owns the binary file; the wrapper must not close it.
        text.detach()
    return count


def read_back(data: bytes, encoding: CsvEncoding) -> list[list[str]]:
    """Parse an export again (tests, and a check that a file round-trips)."""
    decoder = codecs.getincrementaldecoder(encoding.codec)()
    return list(csv.reader(io.StringIO(decoder.decode(data, final=True), newline="")))
