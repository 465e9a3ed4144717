"""The residents pane and card on the wired console: masked rows, reveals with a purpose, audit."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.presenters.residents import PAGE, ResidentsPresenter
from core.audit import AuditAction
from core.model import Priority
from core.personal import PersonalField
from core.population import ResidentSpec, generate_population
from core.site import SiteSpec
from data.models import AuditLog, Resident, SiteMeta
from tests.helpers.consoles import (
    POPULATION,
    MakeConsole,
    SeededSite,
    audit_actions,
    sign_in,
)
from widgets.residents import ResidentCardDialog

REASON = "核实独居老人身份"


@pytest.fixture
def console_en(make_console: MakeConsole) -> ConsoleApp:
    """A console in English: these tests read the pane's and card's words."""
    app = make_console(language="en")
    app.start()
    return app


def residents_of(app: ConsoleApp) -> ResidentsPresenter:
    p = app.presenter("residents")
    assert isinstance(p, ResidentsPresenter)
    return p


def people(seeded: SeededSite, site: SiteSpec) -> dict[str, ResidentSpec]:
    """The seeded residents as generated, by phone."""
    with seeded.db.session() as s:
        day = date.fromisoformat(s.get_one(SiteMeta, "population_date").value)
    return {p.phone: p for p in generate_population(site, POPULATION, today=day)}


def plain_of(seeded: SeededSite, site: SiteSpec, resident_id: int) -> ResidentSpec:
    with seeded.db.session() as s:
        phone = s.get_one(Resident, resident_id).phone
    return people(seeded, site)[phone]


def open_pane(qtbot: QtBot, app: ConsoleApp) -> ResidentsPresenter:
    p = residents_of(app)
    app.window.show_pane("residents")
    qtbot.waitUntil(lambda: p.pane.model.rowCount() > 0)
    return p


def search(qtbot: QtBot, p: ResidentsPresenter, text: str) -> None:
    p.pane.search.setFocus()
    p.pane.search.clear()
    qtbot.keyClicks(p.pane.search, text)
    qtbot.keyClick(p.pane.search, Qt.Key.Key_Return)


def open_card(qtbot: QtBot, app: ConsoleApp, p: ResidentsPresenter) -> ResidentCardDialog:
    p.pane.table.setFocus()
    p.pane.table.setCurrentIndex(p.pane.model.index(0, 0))
    qtbot.keyClick(p.pane.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: p.card is not None and p.card.isVisible())
    assert app.wait_idle()
    assert p.card is not None
    return p.card


def test_the_pane_lists_masked_rows(
    qtbot: QtBot, console_en: ConsoleApp, seeded: SeededSite
) -> None:
    console = console_en
    sign_in(qtbot, console, seeded, "operator")
    p = open_pane(qtbot, console)
    # A page at a time, and the count line says how many are not loaded yet.
    assert len(p.pane.rows()) == PAGE < POPULATION
    assert p.pane.summary.text() == f"{PAGE} of {POPULATION} — scroll for more"
    p.pane.table.scrollToBottom()
    qtbot.waitUntil(lambda: len(p.pane.rows()) == POPULATION)
    assert p.pane.summary.text() == f"{POPULATION} residents"
    rows = p.pane.rows()
    assert len({r.id for r in rows}) == POPULATION
    for r in rows:
        assert "*" in r.name
        assert len(r.id_number) == 18
        assert r.id_number[4:14] == "*" * 10
        assert r.phone[3:7] == "****"
    model = p.pane.model
    assert model.data(model.index(0, model.column_index("id_number"))) == rows[0].id_number
    assert audit_actions(seeded.db)[AuditAction.PII_REVEALED.value] == 0


def test_a_station_lists_its_own_community_only(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "ws01")
    p = open_pane(qtbot, console)
    assert {r.community for r in p.pane.rows()} == {"C01"}
    assert p.pane.community.count() == 1  # no "all communities" to choose


def test_the_card_reveals_with_a_reason_and_records_it(
    qtbot: QtBot, console_en: ConsoleApp, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    console = console_en
    sign_in(qtbot, console, seeded, "supervisor")
    p = open_pane(qtbot, console)
    target = p.pane.rows()[5]
    person = plain_of(seeded, demo_site, target.id)
    search(qtbot, p, person.id_number)  # found through the keyed index
    qtbot.waitUntil(lambda: [r.id for r in p.pane.rows()] == [target.id])
    card = open_card(qtbot, console, p)
    id_label = card.values[PersonalField.ID_NUMBER]
    assert id_label.text() == target.id_number  # masked until a purpose is given
    assert id_label.textFormat() == Qt.TextFormat.PlainText

    # Without a reason: refused, said so, and recorded.
    qtbot.mouseClick(card.reveal, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(card.error.text()))
    assert console.wait_idle()
    assert "reason" in card.error.text()
    assert id_label.text() == target.id_number
    assert audit_actions(seeded.db)[AuditAction.PII_REVEAL_REFUSED.value] == 1

    card.reason.insert(REASON)  # typed: QTest types ASCII only
    qtbot.keyClick(card.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: id_label.text() == person.id_number)
    assert console.wait_idle()
    assert card.values[PersonalField.PHONE].text() == person.phone
    assert card.values[PersonalField.BIRTH_DATE].text() == person.birth_date.isoformat()
    with seeded.db.session() as s:
        row = s.scalars(
            select(AuditLog).where(AuditLog.action == AuditAction.PII_REVEALED.value)
        ).one()
    assert (row.actor, row.target) == ("supervisor", f"resident:{target.id}")
    assert json.loads(row.detail)["reason"] == REASON
    # Who looked: this reveal and the refusal before it, newest first.
    assert card.access.topLevelItemCount() == 2
    assert card.access.topLevelItem(0).text(1) == "supervisor"
    assert REASON in card.access.topLevelItem(0).text(3)

    # The lock takes the revealed card away; unlocking does not bring it back.
    console.session.lock()
    assert not card.isVisible()
    assert id_label.text() == ""


def test_an_operator_reveals_for_an_incident_only(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    op = seeded.principal("operator")
    incident = seeded.services.incidents.create(
        op, title="独居老人未开门", priority=Priority.P2, community="C01"
    )
    p = open_pane(qtbot, console)
    target = p.pane.rows()[0]
    person = plain_of(seeded, demo_site, target.id)
    search(qtbot, p, person.phone)
    qtbot.waitUntil(lambda: [r.id for r in p.pane.rows()] == [target.id])
    card = open_card(qtbot, console, p)
    assert not card.for_reason.isEnabled()  # a reason opens nothing for an operator
    assert card.for_incident.isChecked()
    qtbot.keyClicks(card.incident_number, str(incident))
    qtbot.keyClick(card.incident_number, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: card.values[PersonalField.ID_NUMBER].text() == person.id_number)
    assert str(incident) in card.purpose.text()
    assert audit_actions(seeded.db, "operator")[AuditAction.PII_REVEALED.value] == 1


def test_without_the_site_key_the_card_says_so_and_shows_the_rest(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    app = make_console(keys_dir=tmp_path / "no-keys-here", language="en")
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    p = open_pane(qtbot, app)
    target = p.pane.rows()[0]
    card = open_card(qtbot, app, p)
    card.reason.insert(REASON)
    qtbot.keyClick(card.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(card.key_problem.text()))
    assert app.wait_idle()
    assert "site key is missing on this workstation" in card.key_problem.text()
    assert card.key_problem.isVisible()
    assert card.values[PersonalField.ID_NUMBER].text() == target.id_number  # still masked
    assert "*" not in card.values[PersonalField.PHONE].text()  # what needs no key is shown
