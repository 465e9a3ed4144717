"""The Indicators pane wired: a supervisor's month street-wide and for a community, the records
behind a figure, the monthly report written and audited; an operator is told who may read it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.presenters.kpi import KpiPresenter
from core.audit import AuditAction
from core.model import Priority
from tests.helpers.consoles import MakeConsole, SeededSite, audit_details, sign_in


def kpi_of(app: ConsoleApp) -> KpiPresenter:
    p = app.presenter("kpi")
    assert isinstance(p, KpiPresenter)
    return p


def shown(qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, user: str) -> KpiPresenter:
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, user)
    app.window.show_pane("kpi")
    return kpi_of(app)


def test_a_month_street_wide_then_a_community_with_the_records_behind_a_figure(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    sup = seeded.principal("supervisor")
    thefts = [
        seeded.services.incidents.create(
            sup, title="电动车被盗", priority=Priority.P2, community="C03", type_code="THEFT"
        )
        for _ in range(3)
    ]
    p = shown(qtbot, make_console, seeded, "supervisor")
    qtbot.waitUntil(lambda: p.last is not None, timeout=20_000)
    assert p.last is not None
    keys = {v.passport.key for v in p.last.views}
    assert len(p.pane.model) == len(keys) == 13
    assert p.last.community is None
    security = next(v for v in p.last.views if v.passport.key == "security_incidents")
    assert security.trend[-1].numerator == 3  # this month's; the headline waits for its end
    p.pane.set_community("C03")
    p.pane.sig_community.emit("C03")  # as choosing it in the combo does
    qtbot.waitUntil(lambda: p.last is not None and p.last.community == "C03", timeout=20_000)
    p.pane.select("security_incidents")
    p.pane.table.setFocus()
    qtbot.keyClick(p.pane.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: p.pane.records_dialog is not None, timeout=10_000)
    dialog = p.pane.records_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: len(dialog.model) == 3, timeout=10_000)
    assert sorted(r.id for r in dialog.model.rows()) == sorted(thefts)
    assert {r.community for r in dialog.model.rows()} == {"C03"}


def test_the_monthly_report_is_written_in_every_format_and_audited(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    p = shown(qtbot, make_console, seeded, "supervisor")
    qtbot.waitUntil(lambda: p.last is not None, timeout=20_000)
    for fmt in ("csv", "xlsx", "pdf"):
        p.export(fmt, tmp_path / f"report.{fmt}")
        qtbot.waitUntil((tmp_path / f"report.{fmt}").exists, timeout=30_000)
    with (tmp_path / "report.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["key", "Indicator", "Value"]
    assert {r[0] for r in rows[1:14]} == {v.passport.key for v in p.last.views}  # type: ignore[union-attr]
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(tmp_path / "report.pdf").pages
    )
    month = f"{p.pane.chosen_month():%Y-%m}"
    assert month in text
    assert "Data-quality notes" in text
    qtbot.waitUntil(
        lambda: len(audit_details(seeded.db, AuditAction.DATA_EXPORTED)) >= 3, timeout=10_000
    )
    formats = sorted(
        json.loads(d)["format"]
        for d in audit_details(seeded.db, AuditAction.DATA_EXPORTED)
        if json.loads(d).get("what") == "kpi report"
    )
    assert formats == ["csv", "pdf", "xlsx"]


def test_an_operator_is_told_the_indicators_are_for_supervisors(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    p = shown(qtbot, make_console, seeded, "operator")
    assert p.last is None
    # Said in the pane's empty state, not as a red error over "choose a month".
    assert p.pane.pages.currentIndex() == p.pane.PAGE_EMPTY
    assert p.pane.empty.title() == "Not available to this role"
    assert "supervisors and administrators" in p.pane.empty.text()
    assert p.pane.error == ""
    assert not p.pane.refresh_button.isEnabled()
    assert not p.pane.month.isEnabled()
    assert len(p.pane.model) == 0  # nothing was computed for them
    p.pane.sig_refresh.emit()  # F5 computes nothing for them either
    assert p.last is None
    assert not p.pane.busy
    # The reason follows the language like the rest of the pane.
    p.ctx.session.set_language("zh_CN")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: p.pane.empty.title() != "Not available to this role")
    assert "supervisors" not in p.pane.empty.text()
