"""Survey results out of the console: CSV, XLSX and a PDF report; formula-safe and audited."""

# Every text cell a spreadsheet could take for a formula (= + - @, a tab or CR first) gets a
# leading apostrophe (OWASP "CSV injection"), in CSV and in XLSX, and XLSX cells are typed as
# strings, so a comment "=cmd|' /C calc'!A0" stays text in Excel and LibreOffice alike.

from __future__ import annotations

import html
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextDocument

from console.handover_pdf import Footer, document_pdf, text_font
from core.audit import AuditAction
from core.csvexport import Cell, CsvEncoding, defuse, write_csv
from core.csvexport import footer as csv_footer
from core.permissions import Principal
from core.survey import Form, load_form
from core.survey_results import (
    ASSISTED,
    COLUMNS,
    SELF,
    TOTAL,
    Distribution,
    Group,
    RoundResults,
    Split,
    compute,
    percent,
)
from core.survey_score import MIN_CELL, NoData, NpsScore, Proportion, Suppressed
from core.timefmt import DEFAULT_ZONE, fmt_local
from data.exports import write_private
from data.services.surveys import RoundData, SurveyService

FORMATS = ("csv", "xlsx", "pdf")
SUPPRESSED = f"<{MIN_CELL}"


def labels() -> dict[str, str]:
    """The export's words in the current language (call where translators are installed)."""
    return {
        "title": QCoreApplication.translate("SurveyExport", "Survey results"),
        "round": QCoreApplication.translate("SurveyExport", "Round"),
        "measure": QCoreApplication.translate("SurveyExport", "Measure"),
        "question": QCoreApplication.translate("SurveyExport", "Question"),
        "breakdown": QCoreApplication.translate("SurveyExport", "Breakdown"),
        "group": QCoreApplication.translate("SurveyExport", "Group"),
        "self": QCoreApplication.translate("SurveyExport", "Self-answered"),
        "assisted": QCoreApplication.translate("SurveyExport", "Assisted"),
        "total": QCoreApplication.translate("SurveyExport", "All"),
        "value": QCoreApplication.translate("SurveyExport", "value"),
        "lower": QCoreApplication.translate("SurveyExport", "95 % low"),
        "upper": QCoreApplication.translate("SurveyExport", "95 % high"),
        "n": QCoreApplication.translate("SurveyExport", "n"),
        "overall": QCoreApplication.translate("SurveyExport", "Overall"),
        "participation": QCoreApplication.translate("SurveyExport", "Participation"),
        "csat": QCoreApplication.translate("SurveyExport", "CSAT"),
        "nps": QCoreApplication.translate("SurveyExport", "NPS"),
        "community": QCoreApplication.translate("SurveyExport", "Community"),
        "age_band": QCoreApplication.translate("SurveyExport", "Age band"),
        "care_flag": QCoreApplication.translate("SurveyExport", "Care flag"),
        "care": QCoreApplication.translate("SurveyExport", "Care needed"),
        "no care": QCoreApplication.translate("SurveyExport", "No care flag"),
        "unknown": QCoreApplication.translate("SurveyExport", "Unknown"),
        "option": QCoreApplication.translate("SurveyExport", "Option"),
        "answered": QCoreApplication.translate("SurveyExport", "Answered"),
        "frame": QCoreApplication.translate("SurveyExport", "Sampling frame"),
        "respondents": QCoreApplication.translate("SurveyExport", "Complete responses"),
        "partial": QCoreApplication.translate("SurveyExport", "Partial responses (not counted)"),
        "distributions": QCoreApplication.translate("SurveyExport", "Answers"),
        "responses": QCoreApplication.translate("SurveyExport", "Responses"),
        "mode": QCoreApplication.translate("SurveyExport", "Mode"),
        "helped": QCoreApplication.translate("SurveyExport", "Helped"),
        "complete": QCoreApplication.translate("SurveyExport", "Complete"),
        "resident": QCoreApplication.translate("SurveyExport", "Resident"),
        "note": QCoreApplication.translate(
            "SurveyExport",
            "Self-answered: self or kiosk without help; assisted: staff, phone, family or "
            "with help. Cells with fewer than 5 answers are shown as <5, and so is a second "
            "cell wherever the hidden one could be worked out from a total. Intervals: Wilson "
            "95 % for CSAT and participation, normal approximation for NPS. Only complete "
            "responses count.",
        ),
    }


# --- tables ---------------------------------------------------------------------------------


def _figure_cells(fig: object) -> list[Cell]:
    """value, low, high, n of one figure; "<5" or blanks when there is none to show."""
    if isinstance(fig, Suppressed):
        return [SUPPRESSED, None, None, None]
    if isinstance(fig, NoData) or fig is None:
        return [None, None, None, 0]
    if isinstance(fig, Proportion):
        return [round(100 * fig.p, 1), round(100 * fig.lower, 1), round(100 * fig.upper, 1), fig.n]
    if isinstance(fig, NpsScore):
        return [round(fig.score, 1), round(fig.lower, 1), round(fig.upper, 1), fig.n]
    raise TypeError(f"not a figure: {fig!r}")


def header(words: Mapping[str, str]) -> list[str]:
    """The results table's header: four columns per self / assisted / all."""
    out = [words["measure"], words["question"], words["breakdown"], words["group"]]
    for col in COLUMNS:
        name = words[col]
        out += [
            f"{name} {words['value']}",
            f"{name} {words['lower']}",
            f"{name} {words['upper']}",
            f"{name} {words['n']}",
        ]
    return out


def _split_cells(split: Split[Any]) -> list[Cell]:
    return [c for col in COLUMNS for c in _figure_cells(split.get(col))]


def _group_name(g: Group[Any], words: Mapping[str, str]) -> str:
    # community names ride along in `words` as "community:<code>" (see SurveyExporter)
    if g.dimension == "community":
        return words.get(f"community:{g.value}", g.value)
    return words.get(g.value, g.value)


def results_rows(res: RoundResults, words: Mapping[str, str]) -> list[list[Cell]]:
    """Every figure of the round as rows: participation, each CSAT and NPS, by group."""
    rows: list[list[Cell]] = []
    overall = words["overall"]
    rows.append([words["participation"], "", overall, "", *_split_cells(res.participation)])
    for pg in res.participation_groups:
        rows.append(
            [
                words["participation"],
                "",
                words[pg.dimension],
                _group_name(pg, words),
                *_split_cells(pg.figure),
            ]
        )
    for m in res.measures:
        name = words[m.kind]
        rows.append([name, m.text, overall, "", *_split_cells(m.overall)])
        for g in m.groups:
            rows.append(
                [name, m.text, words[g.dimension], _group_name(g, words), *_split_cells(g.figure)]
            )
    return rows


def _count(value: object) -> Cell:
    return SUPPRESSED if isinstance(value, Suppressed) else value  # type: ignore[return-value]


def distribution_rows(res: RoundResults, words: Mapping[str, str]) -> list[list[Cell]]:
    """Question, option, and the answers choosing it, self / assisted / all."""
    rows: list[list[Cell]] = []
    for d in res.distributions:
        rows.append([d.text, words["answered"], *(_count(d.answered.get(c)) for c in COLUMNS)])
        for o in d.options:
            rows.append([d.text, o.label, *(_count(o.count.get(c)) for c in COLUMNS)])
    return rows


def _answer_text(value: object) -> Cell:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def raw_header(form: Form, words: Mapping[str, str], with_persons: bool) -> list[str]:
    """The raw answers' header: the person only when asked for and allowed."""
    head = [words["resident"]] if with_persons else []
    head += [words["community"], words["mode"], words["helped"], words["age_band"]]
    head += [words["care_flag"], words["complete"]]
    return head + [q.id for q in form.questions]


def raw_rows(form: Form, rows: Iterable[Any], with_persons: bool) -> list[list[Cell]]:
    """One row per response: who answered how, then each question's answer as text."""
    out: list[list[Cell]] = []
    for r in rows:
        line: list[Cell] = [getattr(r, "resident_id", None)] if with_persons else []
        line += [r.community, r.mode, bool(r.helped), r.age_band, bool(r.care_flag)]
        line.append(bool(r.complete))
        line += [_answer_text(r.answers.get(q.id)) for q in form.questions]
        out.append(line)
    return out


# --- writers --------------------------------------------------------------------------------


def write_results_csv(
    out: BinaryIO,
    res: RoundResults,
    words: Mapping[str, str],
    footer_line: str,
    raw: tuple[Sequence[str], Sequence[Sequence[Cell]]] | None = None,
) -> int:
    """The results table (or, with `raw`, the raw answers) as UTF-8 CSV with a BOM."""
    head, rows = raw if raw is not None else (header(words), results_rows(res, words))
    return write_csv(out, head, rows, encoding=CsvEncoding.UTF8_BOM, footer_line=footer_line)


def _safe(value: Cell) -> Cell:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return defuse(value)
    return value


def _sheet(wb: Workbook, title: str, head: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    ws = wb.create_sheet(title[:31])
    for line in (head, *rows):
        ws.append([_safe(v) for v in line])
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                c.data_type = "s"  # a string, never a formula, whatever it starts with
    for i, name in enumerate(head, start=1):
        width = max(8, min(40, len(str(name)) + 2))
        ws.column_dimensions[ws.cell(1, i).column_letter].width = width


def write_results_xlsx(
    out: BinaryIO,
    res: RoundResults,
    words: Mapping[str, str],
    footer_line: str,
    raw: tuple[Sequence[str], Sequence[Sequence[Cell]]] | None = None,
) -> None:
    """A workbook: results, answers per option, and the raw answers when given."""
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    _sheet(wb, words["title"], header(words), [*results_rows(res, words), [footer_line]])
    dist_head = [words["question"], words["option"], *(words[c] for c in COLUMNS)]
    _sheet(wb, words["distributions"], dist_head, distribution_rows(res, words))
    if raw is not None:
        _sheet(wb, words["responses"], raw[0], raw[1])
    wb.save(out)


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _table(head: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    cells = "".join(f"<th>{_esc(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in r) + "</tr>" for r in rows)
    table = '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
    return f"{table}<thead><tr>{cells}</tr></thead>{body}</table>"


def _short(fig: object) -> str:
    return percent(fig) if fig is not None else "–"  # type: ignore[arg-type]


def _split_row(first: Sequence[str], split: Split[Any]) -> list[str]:
    return [*first, *(_short(split.get(c)) for c in COLUMNS)]


def _dist_text(d: Distribution) -> list[list[str]]:
    def text(v: object) -> str:
        return SUPPRESSED if isinstance(v, Suppressed) else str(v)

    return [[o.label, *(text(o.count.get(c)) for c in COLUMNS)] for o in d.options]


def report_html(res: RoundResults, words: Mapping[str, str], heading: str) -> str:
    """The PDF report's body: headline figures, self vs assisted, breakdowns, the note."""
    cols = [words[c] for c in COLUMNS]
    parts = [f"<h1>{_esc(words['title'])} — {_esc(heading)}</h1>"]
    counts = [
        [words["frame"], "", "", str(res.frame)],
        [words["respondents"], *(str(res.respondents.get(c)) for c in COLUMNS)],
        [words["partial"], *(str(res.partial.get(c)) for c in COLUMNS)],
        _split_row([words["participation"]], res.participation),
    ]
    for m in res.measures:
        counts.append(_split_row([f"{words[m.kind]}: {m.text}"], m.overall))
    parts.append(f"<h2>{_esc(words['overall'])}</h2>")
    parts.append(_table(["", *cols], counts))
    for m in res.measures:
        parts.append(f"<h2>{_esc(words[m.kind])}: {_esc(m.text)}</h2>")
        rows = [_split_row([words[g.dimension], _group_name(g, words)], g.figure) for g in m.groups]
        parts.append(_table([words["breakdown"], words["group"], *cols], rows))
    parts.append(f"<h2>{_esc(words['participation'])}</h2>")
    rows = [
        _split_row([words[g.dimension], _group_name(g, words)], g.figure)
        for g in res.participation_groups
    ]
    parts.append(_table([words["breakdown"], words["group"], *cols], rows))
    for d in res.distributions:
        parts.append(f"<h2>{_esc(words['distributions'])}: {_esc(d.text)}</h2>")
        parts.append(_table([words["option"], *cols], _dist_text(d)))
    parts.append(f"<p>{_esc(words['note'])}</p>")
    return "".join(parts)


def build_report_document(
    res: RoundResults, words: Mapping[str, str], heading: str
) -> QTextDocument:
    """The report as a QTextDocument (the PDF's body; a picture of it for review)."""
    doc = QTextDocument()
    doc.setDefaultFont(text_font())
    # No bold: the CJK font has none, and a synthetic bold is extracted twice (handover_pdf).
    doc.setDefaultStyleSheet(
        "h1 { font-size: 15pt; font-weight: normal; }"
        " h2 { font-size: 11pt; font-weight: normal; color: #1a3d7c; margin-top: 10px; }"
        " th { background-color: #e0e0e0; font-weight: normal; } td, th { font-size: 8pt; }"
    )
    doc.setHtml(report_html(res, words, heading))
    return doc


def render_results_pdf(
    res: RoundResults, words: Mapping[str, str], heading: str, footer: Footer
) -> bytes:
    """The report as PDF bytes (A4, the handover report's font, pages and footer)."""
    doc = build_report_document(res, words, heading)
    return document_pdf(doc, f"{words['title']} — {heading}", footer)


# --- the export, audited ----------------------------------------------------------------------


def recompute(
    surveys: SurveyService, who: Principal, round_code: str, today: date
) -> tuple[RoundData, Form, RoundResults]:
    """A full recompute of a round's results: one read, then every figure (any thread; ≤ 1 s
    for 20,000 responses and a frame of 75,000 on SQLite, bench/survey_results.py)."""
    data = surveys.results_data(who, round_code, today)
    form = load_form(data.definition, round_code, strict=False)
    return data, form, compute(form, data.rows, data.frame)


@dataclass(frozen=True, slots=True)
class ExportDone:
    """What was written: the format, rows of answers if raw, and whether persons were in it."""

    path: Path
    fmt: str
    raw_rows: int
    persons: bool


class SurveyExporter:
    """Reads a round, computes its results, writes one export, and audits it (GUI thread for
    the PDF; CSV and XLSX run on any thread)."""

    def __init__(
        self,
        surveys: SurveyService,
        display_name: str,
        workstation: str,
        community_names: Mapping[str, str] | None = None,
        zone: str = DEFAULT_ZONE,
    ) -> None:
        self.surveys = surveys
        self.display_name = display_name
        self.workstation = workstation
        self.community_names = dict(community_names or {})
        self.zone = zone  # the site's: the PDF's footer time is on its clock, not UTC

    def export(
        self,
        who: Principal,
        round_code: str,
        fmt: str,
        path: Path,
        *,
        today: date,
        now: datetime,
        reason: str,
        raw: bool = False,
        persons_allowed: bool = False,
    ) -> ExportDone:
        """Write the round's results (and, with `raw`, every answer) to `path` in `fmt`.

        Raw answers of a named round carry resident ids only when `persons_allowed` (the
        caller's check of the role); that read is personal and audited by the service too.
        """
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r}")
        data, form, res = recompute(self.surveys, who, round_code, today)
        words = labels() | {f"community:{c}": n for c, n in self.community_names.items()}
        persons = raw and persons_allowed and not data.anonymous
        raw_table = None
        if raw:
            source: Sequence[Any] = (
                self.surveys.responses(who, round_code) if persons else data.rows
            )
            raw_table = (
                raw_header(form, words, persons),
                raw_rows(form, source, persons),
            )
        foot = csv_footer(who.username, now, reason)
        buf = io.BytesIO()
        if fmt == "csv":
            write_results_csv(buf, res, words, foot, raw_table)
        elif fmt == "xlsx":
            write_results_xlsx(buf, res, words, foot, raw_table)
        else:
            footer = Footer(
                who=f"{self.display_name} ({who.username})",
                when=fmt_local(now, self.zone, seconds=False),
                workstation=self.workstation,
                template=QCoreApplication.translate(
                    "SurveyExport", "{who} · {when} · {ws} · page {page}/{pages} · {notice}"
                ),
                notice=QCoreApplication.translate(
                    "SurveyExport", "Aggregate figures; small cells suppressed"
                ),
            )
            heading = f"{data.form_title} · {data.round_code} · {data.purpose}"
            buf.write(render_results_pdf(res, words, heading, footer))
        data_bytes = buf.getvalue()
        # Readable by its owner only and whole or not at all, as every export of the console
        # (the survey's files were 0644: a raw export holds answers by person).
        write_private(path, lambda out: out.write(data_bytes))
        detail = {
            "what": "export",
            "format": fmt,
            "raw": raw,
            "persons": persons,
            "rows": len(raw_table[1]) if raw_table else 0,
            "reason": reason,
        }
        self.surveys.ctx.record(
            who, AuditAction.SURVEY_DATA_READ, f"round:{round_code}", json.dumps(detail)
        )
        return ExportDone(path, fmt, len(raw_table[1]) if raw_table else 0, persons)


__all__ = [
    "ASSISTED",
    "FORMATS",
    "SELF",
    "TOTAL",
    "ExportDone",
    "SurveyExporter",
    "build_report_document",
    "distribution_rows",
    "header",
    "labels",
    "raw_header",
    "raw_rows",
    "recompute",
    "render_results_pdf",
    "report_html",
    "results_rows",
    "write_results_csv",
    "write_results_xlsx",
]
