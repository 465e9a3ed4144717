"""The CSV writer: formula injection defused, numbers kept, Excel encodings, the footer."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from core.csvexport import DANGEROUS_START, CsvEncoding, cell, defuse, footer, read_back, write_csv

WHEN = datetime(2026, 11, 29, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize("start", DANGEROUS_START)
def test_every_dangerous_leading_character_is_defused(start: str) -> None:
    payload = f'{start}HYPERLINK("http://x","y")'
    assert defuse(payload) == "'" + payload
    assert cell(payload) == "'" + payload


@pytest.mark.parametrize("text", ["张三", "a=b", "1+1", " =x", "#5", "", "'quoted"])
def test_harmless_text_is_left_alone(text: str) -> None:
    assert defuse(text) == text


def test_numbers_in_number_columns_stay_numbers() -> None:
    # A negative number is a number, not a formula: it is written as Excel would type it.
    assert cell(-5) == -5
    assert cell(3.5) == 3.5
    assert cell(None) == ""
    assert cell(True) == "yes"
    assert cell("-5") == "'-5"  # the same characters as text are defused


def _export(encoding: CsvEncoding, rows: list[list[object]]) -> bytes:
    out = io.BytesIO()
    n = write_csv(
        out,
        ["id", "标题"],
        rows,  # type: ignore[arg-type]
        encoding=encoding,
        footer_line=footer("王建国", WHEN, "区里要求, 月报"),
    )
    assert n == len(rows)
    return out.getvalue()


@pytest.mark.parametrize("encoding", list(CsvEncoding))
def test_chinese_text_round_trips(encoding: CsvEncoding) -> None:
    rows: list[list[object]] = [[1, "独居老人未出门"], [-2, "=SUM(A1:A9)"], [3, "𠀀 outside GBK"]]
    data = _export(encoding, rows)
    # Read back with the csv module and the named encoding, as a user's script would.
    text = data.decode("gb18030" if encoding is CsvEncoding.GBK else "utf-8-sig")
    back = list(csv.reader(io.StringIO(text, newline="")))
    assert back[0] == ["id", "标题"]
    assert back[1] == ["1", "独居老人未出门"]
    assert back[2] == ["-2", "'=SUM(A1:A9)"]
    assert back[3] == ["3", "𠀀 outside GBK"]
    assert back == read_back(data, encoding)
    assert data.endswith(b"\r\n")


def test_the_two_encodings_differ_as_excel_expects() -> None:
    utf8 = _export(CsvEncoding.UTF8_BOM, [[1, "张三"]])
    gbk = _export(CsvEncoding.GBK, [[1, "张三"]])
    assert utf8.startswith(b"\xef\xbb\xbf")
    assert "张三".encode("gbk") in gbk
    assert not gbk.startswith(b"\xef\xbb\xbf")


def test_the_footer_names_who_when_and_why_in_one_cell() -> None:
    back = read_back(_export(CsvEncoding.UTF8_BOM, [[1, "x"]]), CsvEncoding.UTF8_BOM)
    assert back[-1] == ["# exported by 王建国 at 2026-11-29 08:30:00 UTC for: 区里要求, 月报"]


def test_footer_text_is_one_line() -> None:
    assert "\n" not in footer("a\nb", WHEN, "line one\nline two")
