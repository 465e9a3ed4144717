"""The monthly KPI report of the street or a community: PDF, CSV and XLSX, audited."""

# Every figure goes out with the numbers behind it and its state: a withheld value is written
# as the reason ("too little data"), never as an empty cell a reader could take for zero.

from __future__ import annotations

import html
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from PySide6.QtGui import QTextDocument

from console.handover_pdf import Footer, document_pdf, text_font
from core.audit import AuditAction
from core.csvexport import Cell, CsvEncoding, defuse, write_csv
from core.csvexport import footer as csv_footer
from core.indicators import FigureState, Rag
from core.kpi import (
    RAG_LETTER,
    Dashboard,
    IndicatorView,
    counts_text,
    interval_text,
    pick,
    target_text,
    value_text,
)
from core.permissions import Principal
from data.exports import write_private
from data.services.indicators import IndicatorService

FORMATS = ("pdf", "csv", "xlsx")

_WORDS = {
    "title": ("街道指标月报", "Monthly indicator report"),
    "street": ("全街道", "whole street"),
    "indicator": ("指标", "Indicator"),
    "value": ("数值", "Value"),
    "counts": ("分子 / 分母", "n / denominator"),
    "interval": ("95% 区间", "95 % interval"),
    "target": ("目标", "Target"),
    "rag": ("红黄绿", "RAG"),
    "state": ("状态", "State"),
    "series": ("序列", "Series"),
    "community": ("社区", "Community"),
    "rag_table": ("一、指标总览", "1. Indicators against their targets"),
    "breakdown": ("二、分社区情况", "2. By community"),
    "exceptions": ("三、需要关注", "3. Exceptions"),
    "actions": ("四、需商定的行动", "4. Actions to agree"),
    "quality": ("五、数据质量说明", "5. Data-quality notes"),
    "none": ("无", "none"),
    "owner": ("负责", "owner"),
    "action_line": (
        "低于目标：请负责部门在月度例会上说明原因和措施。",
        "below target: the owner explains the cause and the measures at the monthly review.",
    ),
    "amber_line": (
        "接近目标：请负责部门关注。",
        "near the target: the owner watches it.",
    ),
    "split": ("自填与协助填答分列", "self-answered and assisted side by side"),
    "self": ("自填", "self"),
    "assisted": ("协助", "assisted"),
    "problems": ("指标说明文件的问题", "Faults in the passports file"),
    "computed": ("计算时间", "computed at"),
    "green": ("绿", "green"),
    "amber": ("黄", "amber"),
    "red": ("红", "red"),
    "no_rag": ("不评", "not judged"),
    "state.ok": ("已计算", "computed"),
    "state.no_data": ("无数据", "no data"),
    "state.too_little": ("数据太少", "too little data"),
    "state.suppressed": ("已隐藏", "suppressed"),
    "state.no_target": ("无目标", "no target"),
    "state.error": ("错误", "error"),
}


def words(zh: bool) -> dict[str, str]:
    """The report's fixed words in one language (the pane's translation is not used: the
    report is written in the language asked for, whatever the console's)."""
    return {k: (v[0] if zh else v[1]) for k, v in _WORDS.items()}


def _rag_word(rag: Rag, w: Mapping[str, str]) -> str:
    return {
        Rag.GREEN: w["green"],
        Rag.AMBER: w["amber"],
        Rag.RED: w["red"],
        Rag.NONE: w["no_rag"],
    }[rag]


def heading(d: Dashboard, zh: bool, names: Mapping[str, str]) -> str:
    """ "街道指标月报 · 2026-11 · 全街道" and the like."""
    w = words(zh)
    where = w["street"] if d.community is None else names.get(d.community, d.community)
    return f"{w['title']} · {d.month:%Y-%m} · {where}"


def figure_row(v: IndicatorView, zh: bool, w: Mapping[str, str]) -> list[Cell]:
    """One indicator as a row: name, value (or the reason there is none) and its numbers."""
    p, f = v.passport, v.figure
    return [
        p.key,
        pick(p.name, zh),
        value_text(f, p, zh),
        counts_text(f, p.kind),
        interval_text(f, p.kind),
        target_text(p, zh),
        _rag_word(f.rag, w),
        w[f"state.{f.state.value}"],
        f.series,
    ]


def table_head(w: Mapping[str, str]) -> list[str]:
    return [
        "key",
        w["indicator"],
        w["value"],
        w["counts"],
        w["interval"],
        w["target"],
        w["rag"],
        w["state"],
        w["series"],
    ]


def community_rows(d: Dashboard, zh: bool, w: Mapping[str, str]) -> list[list[Cell]]:
    """Every community's figure of every indicator (a street report's breakdown)."""
    rows: list[list[Cell]] = []
    for v in d.views:
        for c in v.communities:
            rows.append(
                [
                    v.passport.key,
                    c.code,
                    c.name,
                    value_text(c.figure, v.passport, zh),
                    counts_text(c.figure, v.passport.kind),
                    _rag_word(c.figure.rag, w),
                    w[f"state.{c.figure.state.value}"],
                ]
            )
    return rows


def write_kpi_csv(out: BinaryIO, d: Dashboard, zh: bool, footer_line: str) -> int:
    """The indicators, then every community's figure, as UTF-8 CSV with a BOM."""
    w = words(zh)
    rows: list[Sequence[Cell]] = [figure_row(v, zh, w) for v in d.views]
    if d.community is None:
        rows.append([])
        rows.append(["key", "code", w["community"], w["value"], w["counts"], w["rag"], w["state"]])
        rows.extend(community_rows(d, zh, w))
    return write_csv(
        out, table_head(w), rows, encoding=CsvEncoding.UTF8_BOM, footer_line=footer_line
    )


def _sheet(wb: Workbook, title: str, head: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    ws = wb.create_sheet(title[:31])
    for line in (head, *rows):
        ws.append([defuse(v) if isinstance(v, str) else v for v in line])
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str):
                c.data_type = "s"  # a string, never a formula, whatever it starts with
    for i, name in enumerate(head, start=1):
        ws.column_dimensions[ws.cell(1, i).column_letter].width = max(8, min(40, len(name) + 4))


def write_kpi_xlsx(out: BinaryIO, d: Dashboard, zh: bool, footer_line: str) -> None:
    """A workbook: the indicators, the communities, and each passport's limits."""
    w = words(zh)
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    _sheet(
        wb, w["rag_table"], table_head(w), [*(figure_row(v, zh, w) for v in d.views), [footer_line]]
    )
    if d.community is None:
        head = ["key", "code", w["community"], w["value"], w["counts"], w["rag"], w["state"]]
        _sheet(wb, w["breakdown"], head, community_rows(d, zh, w))
    notes = [
        [v.passport.key, pick(v.passport.name, zh), pick(v.passport.limits, zh)] for v in d.views
    ]
    _sheet(wb, w["quality"], ["key", w["indicator"], w["quality"]], notes)
    wb.save(out)


def site_time(at: datetime, zone: str) -> str:
    """A time on the site's clock, as the dashboard shows it (the report printed UTC; naive
    times are UTC)."""
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    return f"{aware.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M}"


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _table(head: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    cells = "".join(f"<th>{_esc(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{_esc(v)}</td>" for v in r) + "</tr>" for r in rows)
    return f'<table border="1" cellspacing="0" cellpadding="3"><tr>{cells}</tr>{body}</table>'


def report_html(d: Dashboard, zh: bool, names: Mapping[str, str]) -> str:
    """The report's body: RAG table, communities, exceptions, actions, data-quality notes."""
    w = words(zh)
    parts = [f"<h1>{_esc(heading(d, zh, names))}</h1>"]
    parts.append(f"<p>{_esc(w['computed'])} {site_time(d.computed_at, d.zone)}</p>")
    parts.append(f"<h2>{_esc(w['rag_table'])}</h2>")
    parts.append(_table(table_head(w)[1:8], (figure_row(v, zh, w)[1:8] for v in d.views)))
    if d.community is None:
        parts.append(f"<h2>{_esc(w['breakdown'])}</h2>")
        # Communities down, indicators across: the value and its RAG letter in each cell.
        keyed = [v for v in d.views if v.communities]
        codes = [c.code for c in keyed[0].communities] if keyed else []
        head = [w["community"], *(pick(v.passport.name, zh) for v in keyed)]
        rows = []
        for i, code in enumerate(codes):
            cells: list[object] = [f"{code} {keyed[0].communities[i].name}"]
            for v in keyed:
                c = v.communities[i].figure
                mark = _rag_word(c.rag, w) if zh else RAG_LETTER[c.rag]
                cells.append(
                    f"{value_text(c, v.passport, zh)} {mark}" if c.value is not None else "—"
                )
            rows.append(cells)
        parts.append(_table(head, rows))
    exceptions = [v for v in d.views if v.figure.rag is Rag.RED or v.figure.state in _SAY]
    parts.append(f"<h2>{_esc(w['exceptions'])}</h2>")
    if exceptions:
        items = "".join(
            f"<li>{_esc(pick(v.passport.name, zh))}: {_esc(value_text(v.figure, v.passport, zh))}"
            + (
                f" ({_esc(pick(v.figure.message, zh))})"
                if v.figure.value is not None and pick(v.figure.message, zh)
                else ""
            )
            + "</li>"
            for v in exceptions
        )
        parts.append(f"<ul>{items}</ul>")
    else:
        parts.append(f"<p>{_esc(w['none'])}</p>")
    parts.append(f"<h2>{_esc(w['actions'])}</h2>")
    acts = [v for v in d.views if v.figure.rag in (Rag.RED, Rag.AMBER)]
    if acts:
        items = "".join(
            f"<li>{_esc(pick(v.passport.name, zh))} — {_esc(w['owner'])}: "
            f"{_esc(pick(v.passport.owner, zh))}. "
            f"{_esc(w['action_line'] if v.figure.rag is Rag.RED else w['amber_line'])}</li>"
            for v in acts
        )
        parts.append(f"<ul>{items}</ul>")
    else:
        parts.append(f"<p>{_esc(w['none'])}</p>")
    parts.append(f"<h2>{_esc(w['quality'])}</h2>")
    if d.problems:
        faults = "".join(f"<li>{_esc(p)}</li>" for p in d.problems)
        parts.append(f"<p>{_esc(w['problems'])}:</p><ul>{faults}</ul>")
    notes = []
    for v in d.views:
        text = pick(v.passport.limits, zh)
        if v.split:
            sides = "; ".join(
                f"{w.get(mode, mode)} {value_text(f, v.passport, zh)} "
                f"({counts_text(f, v.passport.kind)})"
                for mode, f in v.split
            )
            text += f" [{w['split']}: {sides}]"
        notes.append(f"<li>{_esc(pick(v.passport.name, zh))}: {_esc(text)}</li>")
    parts.append(f"<ul>{''.join(notes)}</ul>")
    return "".join(parts)


_SAY = frozenset(
    {FigureState.ERROR, FigureState.TOO_LITTLE, FigureState.NO_DATA, FigureState.NO_TARGET}
)


def build_document(d: Dashboard, zh: bool, names: Mapping[str, str]) -> QTextDocument:
    """The report as a QTextDocument (the PDF's body)."""
    doc = QTextDocument()
    doc.setDefaultFont(text_font())
    # No bold: the CJK font has none, and a synthetic bold is extracted twice (handover_pdf).
    doc.setDefaultStyleSheet(
        "h1 { font-size: 15pt; font-weight: normal; }"
        " h2 { font-size: 11pt; font-weight: normal; color: #1a3d7c; margin-top: 10px; }"
        " th { background-color: #e0e0e0; font-weight: normal; } td, th { font-size: 7pt; }"
    )
    doc.setHtml(report_html(d, zh, names))
    return doc


def render_kpi_pdf(d: Dashboard, zh: bool, names: Mapping[str, str], footer: Footer) -> bytes:
    """The report as PDF bytes (A4, the handover report's font, pages and footer)."""
    return document_pdf(build_document(d, zh, names), heading(d, zh, names), footer)


@dataclass(frozen=True, slots=True)
class ReportDone:
    """What was written."""

    path: Path
    fmt: str
    month: date
    community: str | None


def report_name(month: date, community: str | None, fmt: str) -> str:
    """ "kpi-street-2026-11.pdf", "kpi-C01-2026-11.csv"."""
    return f"kpi-{community or 'street'}-{month:%Y-%m}.{fmt}"


def export_report(
    indicators: IndicatorService,
    who: Principal,
    month: date,
    community: str | None,
    fmt: str,
    path: Path,
    *,
    zh: bool,
    now: datetime,
    display_name: str,
    workstation: str,
    names: Mapping[str, str],
    reason: str = "monthly report",
) -> ReportDone:
    """Compute the month's figures, write them to `path` in `fmt` and audit the export (the
    PDF needs a QGuiApplication; CSV and XLSX do not)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (pdf, csv or xlsx)")
    d = indicators.dashboard(who, month, community)
    foot = csv_footer(who.username, now, reason)
    buf = io.BytesIO()
    if fmt == "csv":
        write_kpi_csv(buf, d, zh, foot)
    elif fmt == "xlsx":
        write_kpi_xlsx(buf, d, zh, foot)
    else:
        template = (
            "{who} · {when} · {ws} · 第 {page}/{pages} 页 · {notice}"
            if zh
            else "{who} · {when} · {ws} · page {page}/{pages} · {notice}"
        )
        notice = "汇总数据；小格已隐藏" if zh else "Aggregate figures; small cells suppressed"
        footer = Footer(
            who=f"{display_name} ({who.username})",
            when=site_time(now, d.zone),
            workstation=workstation,
            template=template,
            notice=notice,
        )
        buf.write(render_kpi_pdf(d, zh, names, footer))
    data = buf.getvalue()
    # Readable by its owner only and whole or not at all, as every export of the console; a
    # file whose audit row could not be written is not left behind.
    write_private(path, lambda out: out.write(data))
    detail = {
        "what": "kpi report",
        "format": fmt,
        "month": f"{d.month:%Y-%m}",
        "community": community,
        "file": path.name,
        "reason": reason,
    }
    target = f"kpi:{d.month:%Y-%m}" + (f":{community}" if community else "")
    try:
        indicators.ctx.record(who, AuditAction.DATA_EXPORTED, target, json.dumps(detail))
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return ReportDone(path, fmt, d.month, community)
