"""The Surveys pane's Results and Comments on the wired console: figures, exports, tickets."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.demo_surveys import ROUND_CODE, fill
from console.presenters.survey_results import SurveyResultsPresenter
from core.audit import AuditAction
from data.models import ServiceTicket
from tests.helpers.consoles import MakeConsole, SeededSite, audit_details
from tests.integration.test_surveys_gui import signed_in
from widgets.feedback_dialog import FeedbackTicketDialog


def results_of(app: ConsoleApp) -> SurveyResultsPresenter:
    p = app.presenter("survey_results")
    assert isinstance(p, SurveyResultsPresenter)
    return p


def shown(qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite) -> SurveyResultsPresenter:
    fill(seeded.services)
    app = signed_in(make_console, qtbot, seeded, "supervisor")
    p = results_of(app)
    p.show_round(ROUND_CODE)  # as choosing the round in Rounds does
    qtbot.waitUntil(lambda: p.shown is not None, timeout=20_000)
    return p


def test_a_rounds_figures_and_comments_are_shown_side_by_side(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    p = shown(qtbot, make_console, seeded)
    assert p.shown is not None
    results = p.shown.results
    assert not results.empty
    assert p.view.results is results
    assert ROUND_CODE in p.view.heading.text()
    assert p.comments.shown()  # the demo round has written comments
    # Community names, not codes (the names may be read after the figures).
    qtbot.waitUntil(
        lambda: all(c.community_name != c.community for c in p.comments.shown()), timeout=20_000
    )
    comments = p.comments.shown()
    assert all(c.round_code == ROUND_CODE and c.text for c in comments)
    p.comments.search.setText(comments[0].text[:4])
    assert 0 < len(p.comments.shown()) <= len(comments)


def test_names_that_come_while_the_figures_are_computed_are_used(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    p = shown(qtbot, make_console, seeded)
    qtbot.waitUntil(lambda: bool(p.names), timeout=20_000)
    assert p.shown is not None
    names = dict(p.names)
    bare = replace(
        p.shown, comments=[replace(c, community_name=c.community) for c in p.shown.comments]
    )
    p.shown = None
    p._on_names(names)  # the names arrive while the figures are still being computed
    p._on_shown(bare)  # then the figures, computed before the names were known
    comments = p.comments.shown()
    assert comments
    assert all(c.community_name == names[c.community] for c in comments)


def test_results_export_to_csv_and_pdf_audited(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    p = shown(qtbot, make_console, seeded)
    target = tmp_path / "round.csv"
    p.export("csv", target)
    qtbot.waitUntil(target.exists, timeout=20_000)
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) > 10
    pdf = tmp_path / "round.pdf"
    p.export("pdf", pdf)
    qtbot.waitUntil(pdf.exists, timeout=30_000)
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert ROUND_CODE in text
    formats = [
        json.loads(d)["format"]
        for d in audit_details(seeded.db, AuditAction.SURVEY_DATA_READ)
        if json.loads(d).get("what") == "export"
    ]
    assert sorted(formats) == ["csv", "pdf"]


def test_a_comment_becomes_a_feedback_ticket_from_the_survey(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    p = shown(qtbot, make_console, seeded)
    comment = p.comments.selected()
    assert comment is not None
    p.comments.ticket_button.click()

    def opened() -> FeedbackTicketDialog | None:
        found = [w for w in p.ctx.window.findChildren(FeedbackTicketDialog) if w.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: opened() is not None)
    dlg = opened()
    assert dlg is not None
    assert dlg.text.toPlainText() == comment.text
    assert dlg.round_code.text() == ROUND_CODE
    dlg.category.setCurrentIndex(dlg.category.findData("suggestion"))  # none chosen for us
    dlg.accept()

    def one() -> bool:
        with seeded.db.session() as s:
            rows = s.execute(
                select(ServiceTicket.description, ServiceTicket.source_ref).where(
                    ServiceTicket.source == "survey"
                )
            ).all()
        return len(rows) == 1

    qtbot.waitUntil(one, timeout=10_000)
    with seeded.db.session() as s:
        desc, ref = s.execute(
            select(ServiceTicket.description, ServiceTicket.source_ref).where(
                ServiceTicket.source == "survey"
            )
        ).one()
    assert desc == comment.text
    assert ROUND_CODE in ref
