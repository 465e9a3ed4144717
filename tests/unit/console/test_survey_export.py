"""Survey exports read back: CSV with a BOM, XLSX strings only, PDF text; hostile text inert."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from console.handover_pdf import Footer
from console.survey_export import (
    SurveyExporter,
    labels,
    raw_header,
    raw_rows,
    render_results_pdf,
    write_results_csv,
    write_results_xlsx,
)
from core.audit import AuditAction
from core.survey import Choice, Form, Kind, Question, dump_form
from core.survey_results import FrameCell, ResultRow, RoundResults, compute
from tests.unit.data.services import test_residents
from tests.unit.data.services.test_residents import Street

street = test_residents.street

HOSTILE = ("=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1:A9)", "\tx", "\r=1")
SAT = Question(
    "sat",
    Kind.SINGLE,
    "您满意吗？",
    required=True,
    choices=(
        Choice("5", "非常满意"),
        Choice("4", "满意"),
        Choice("2", '=HYPERLINK("http://x")'),
        Choice("dk", "不知道"),
    ),
    measure="csat",
    satisfied=("4", "5"),
    dont_know=("dk",),
)
REC = Question("rec", Kind.NPS, "推荐吗？")
NOTE = Question("note", Kind.TEXT, "意见")
FORM = Form("SAT", "满意度调查", 1, (SAT, REC, NOTE))
FRAME = [FrameCell("C01", "60-69", False, 80), FrameCell("C02", "70-79", True, 40)]


def _rows() -> list[ResultRow]:
    rows = []
    for i in range(60):
        sat = "5" if i % 10 else "2"
        note = HOSTILE[i % len(HOSTILE)] if i < 12 else "好"
        rows.append(
            ResultRow(
                {"sat": sat, "rec": i % 11, "note": note},
                "kiosk",
                False,
                "C01",
                "60-69",
                False,
                True,
            )
        )
    for i in range(30):
        rows.append(
            ResultRow(
                {"sat": "4" if i else "dk", "rec": 9}, "phone", True, "C02", "70-79", True, True
            )
        )
    rows.append(ResultRow({"sat": "5"}, "kiosk", False, "C01", "60-69", False, False))
    return rows


@pytest.fixture
def res() -> RoundResults:
    return compute(FORM, _rows(), FRAME)


def _inert(text: str) -> bool:
    return not text.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_opens_in_excel_as_utf8_and_defuses_formulas(res: RoundResults) -> None:
    words = labels()
    buf = io.BytesIO()
    write_results_csv(buf, res, words, "# exported by tester")
    data = buf.getvalue()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 by its BOM
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0][:4] == ["Measure", "Question", "Breakdown", "Group"]
    assert "Self-answered value" in table[0]
    assert "Assisted value" in table[0]
    csat = next(r for r in table if r[0] == "CSAT" and r[2] == "Overall")
    head = table[0]
    assert csat[1] == "您满意吗？"
    assert csat[head.index("Self-answered value")] == "90.0"  # 54 of 60
    assert csat[head.index("Assisted value")] == "100.0"  # 29 of 29, don't know left out
    assert csat[head.index("All n")] == "89"
    raw = (raw_header(FORM, words, False), raw_rows(FORM, _rows(), False))
    buf = io.BytesIO()
    write_results_csv(buf, res, words, "# exported by tester", raw)
    lines = list(csv.reader(io.StringIO(buf.getvalue().decode("utf-8-sig"), newline="")))
    notes = [r[-1] for r in lines[1:-1]]
    for hostile in HOSTILE:
        assert "'" + hostile in notes
    assert all(_inert(cell) for r in lines for cell in r)
    assert "Resident" not in lines[0]


def test_xlsx_cells_are_strings_never_formulas(res: RoundResults, tmp_path: Path) -> None:
    words = labels()
    raw = (raw_header(FORM, words, True), raw_rows(FORM, _rows(), True))
    path = tmp_path / "r.xlsx"
    with path.open("wb") as f:
        write_results_xlsx(f, res, words, "# exported by tester", raw)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Survey results", "Answers", "Responses"]
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f"
                if isinstance(c.value, str):
                    assert c.data_type == "s"
                    texts.append(c.value)
    assert all(_inert(t) for t in texts)
    for hostile in HOSTILE:
        assert "'" + hostile in texts
    assert '\'=HYPERLINK("http://x")' in texts  # a choice label in the answers sheet
    assert "满意" in texts
    ws = wb["Survey results"]
    head = [c.value for c in ws[1]]
    csat = next(r for r in ws.iter_rows(values_only=True) if r[0] == "CSAT" and r[2] == "Overall")
    assert csat[head.index("Self-answered value")] == 90.0  # a number stays a number


def test_pdf_report_has_the_headline_the_side_by_side_table_and_the_note(
    qapp: QApplication, res: RoundResults
) -> None:
    footer = Footer("Tester (admin)", "2026-12-01 10:00", "CC", "{who} · page {page}/{pages}", "")
    pdf = render_results_pdf(res, labels(), "满意度调查 · R1", footer)
    text = " ".join(re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "满意度调查" in text
    assert "Self-answered" in text
    assert "Assisted" in text
    assert "90.0 % [79.9–95.3]" in text  # 54 of 60, Wilson
    assert "<5" in text  # the one "2" answer among the assisted… and its complement
    assert "fewer than 5" in text
    assert "page 1/" in text


def test_an_export_reads_audits_and_keeps_persons_out_unless_allowed(
    qapp: QApplication, street: Street, tmp_path: Path
) -> None:
    admin = street.who("admin")
    surveys = street.svc.surveys
    surveys.publish(admin, "EXP", surveys.save_draft(admin, "EXP", "满意度", dump_form(FORM)))
    surveys.create_round(
        admin, "E1", "EXP", 1, purpose="年度", frame_kind="communities",
        frame_params={"communities": ["C01"]}, starts_on=date(2026, 12, 1),
        ends_on=date(2026, 12, 31), anonymous=False,
    )  # fmt: skip
    rid = street.first_in("C01")
    answers = {"sat": "5", "rec": 10, "note": HOSTILE[0]}
    surveys.submit(street.who("ws01"), "E1", str(uuid.uuid4()), rid, "kiosk", None, answers, True)
    exporter = SurveyExporter(surveys, "管理员", "CC", {"C01": "西站社区"})
    now = datetime(2026, 12, 2, 9, tzinfo=UTC)
    kw = {"today": date(2026, 12, 2), "now": now, "reason": "月报", "raw": True}
    out = tmp_path / "e1.csv"
    done = exporter.export(admin, "E1", "csv", out, **kw)  # type: ignore[arg-type]
    assert not done.persons
    text = out.read_bytes().decode("utf-8-sig")
    assert str(rid) not in text.split("\r\n")[1].split(",")[:1]
    assert "Resident" not in text.splitlines()[0]
    assert "'=cmd|' /C calc'!A0" in text
    done = exporter.export(
        admin,
        "E1",
        "xlsx",
        tmp_path / "e1.xlsx",
        persons_allowed=True,
        **kw,  # type: ignore[arg-type]
    )
    assert done.persons
    groups = [r[3] for r in load_workbook(tmp_path / "e1.xlsx")["Survey results"].iter_rows(
        values_only=True)]  # fmt: skip
    assert "西站社区" in groups  # the community's name, not its code
    ws = load_workbook(tmp_path / "e1.xlsx")["Responses"]
    assert ws.cell(1, 1).value == "Resident"
    assert ws.cell(2, 1).value == rid
    exporter.export(admin, "E1", "pdf", tmp_path / "e1.pdf", **kw)  # type: ignore[arg-type]
    assert (tmp_path / "e1.pdf").read_bytes().startswith(b"%PDF")
    # Owner-only, as every export of the console (they were 0644: answers by person).
    for name in ("e1.csv", "e1.xlsx", "e1.pdf"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o600, name
    reads = [json.loads(d) for _a, t, d in street.audit(AuditAction.SURVEY_DATA_READ)]
    exports = [d for d in reads if d.get("what") == "export"]
    assert [(d["format"], d["persons"]) for d in exports] == [
        ("csv", False),
        ("xlsx", True),
        ("pdf", False),
    ]
    assert any(d.get("what") == "responses" for d in reads)  # the personal read, by the service
