"""The Volunteers pane wired: the demo volunteers listed (masked for an operator, who may not
change anything), a refused sign-up says why, a sign-up confirms, a task made from an incident
is prefilled and created; the pane rendered in both languages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from console.app import ConsoleApp
from console.presenters.volunteers import VolunteersPresenter
from core.model import Priority
from core.timefmt import local
from core.volunteers import TaskKind
from data.models import Community, NecessityOrder
from data.services import volunteers as volunteers_service
from data.volunteers_seeding import PER_COMMUNITY, seed_volunteers
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    audit_actions,
    audit_details,
    fake_dialogs,
    sign_in,
)
from tests.helpers.postgres import as_owner
from widgets.volunteers_dialogs import PairingDialog, PickDialog, ReasonDialog, TaskDialog

SHOTS = os.environ.get("VOLUNTEERS_SHOTS")  # a folder: save the pane's renders there too


def volunteers_of(app: ConsoleApp) -> VolunteersPresenter:
    p = app.presenter("volunteers")
    assert isinstance(p, VolunteersPresenter)
    return p


def _seed(seeded: SeededSite) -> None:
    clock = seeded.services.ctx.clock
    with as_owner(seeded.db) as owner, owner.write_session() as s:
        seed_volunteers(s, local(clock(), "Asia/Shanghai").date(), clock(), seeded.keys)


def _last(app: ConsoleApp, kind: type) -> object:
    found = [d for d in fake_dialogs(app).registered if isinstance(d, kind)]
    assert found, f"no {kind.__name__} opened"
    return found[-1]


def test_sign_ups_refused_and_confirmed_and_a_task_from_an_incident(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    _seed(seeded)
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    app.window.show_pane("volunteers")  # the pane reads once it is looked at
    vp = volunteers_of(app)
    qtbot.waitUntil(lambda: len(vp.people.model) >= PER_COMMUNITY, timeout=10_000)
    assert not vp.people.model.rows()[0].masked
    assert vp.people.stack.currentWidget() is vp.people.table
    assert vp.pane.tabs.count() >= 5
    qtbot.waitUntil(lambda: len(vp.shift_tab.model) > 0, timeout=5_000)
    # A shift needing a qualification, and a volunteer of its community without it: refused.
    now = seeded.services.ctx.clock()
    shift = next(
        r
        for r in vp.shift_tab.model.rows()
        if r.qualification
        and r.starts_at > now
        and (r.signup_deadline is None or r.signup_deadline > now)
        and r.confirmed < r.capacity
    )
    lacking = next(
        v
        for v in vp.people.model.rows()
        if v.community == shift.community
        and v.active
        and not any(q.kind == shift.qualification for q in v.qualifications)
    )
    vp.shift_tab.table.selectRow(vp.shift_tab.model.index_of(shift.id) or 0)
    vp.shift_tab._signup()
    pick = _last(app, PickDialog)
    assert isinstance(pick, PickDialog)
    pick.choice.setCurrentIndex(pick.choice.findData(lacking.id))
    pick.accept()
    qtbot.waitUntil(lambda: bool(fake_dialogs(app).messages), timeout=5_000)
    refusal = fake_dialogs(app).messages[-1]
    assert refusal.title == "Sign-up refused"
    assert "qualification" in refusal.text
    # An instant shift without rules: signed up and confirmed, the places count moves.
    open_shift = next(
        r
        for r in vp.shift_tab.model.rows()
        if not r.qualification
        and r.signup_mode == "instant"
        and r.confirmed < r.capacity
        and (r.signup_deadline is None or r.signup_deadline > seeded.services.ctx.clock())
        and r.min_age <= 16
    )
    vp.shift_tab.table.selectRow(vp.shift_tab.model.index_of(open_shift.id) or 0)
    qtbot.waitUntil(lambda: vp.shift_tab.signups_model.rowCount() > 0, timeout=5_000)
    taken = {r.volunteer_id for r in vp.shift_tab.signups_model.rows()}
    vp.shift_tab._signup()
    pick = _last(app, PickDialog)
    assert isinstance(pick, PickDialog)
    free = next(i for i in range(pick.choice.count()) if int(pick.choice.itemData(i)) not in taken)
    pick.choice.setCurrentIndex(free)
    before = open_shift.confirmed
    told = len(fake_dialogs(app).messages)
    pick.accept()
    assert app.wait_idle()
    assert fake_dialogs(app).messages[told:] == []
    qtbot.waitUntil(
        lambda: (
            (row := vp.shift_tab.model.row_for(open_shift.id)) is not None
            and row.confirmed == before + 1
        ),
        timeout=5_000,
    )
    # A task from an incident: the dialog is prefilled as a welfare check.
    sup = seeded.services.signin.principal("supervisor")
    iid = seeded.services.incidents.create(
        sup, title="Elderly resident not answering", priority=Priority.P2, community="C01"
    )
    vp.task_from_incident(iid)
    qtbot.waitUntil(
        lambda: any(isinstance(d, TaskDialog) for d in fake_dialogs(app).registered),
        timeout=5_000,
    )
    dlg = _last(app, TaskDialog)
    assert isinstance(dlg, TaskDialog)
    assert dlg.title.text() == "Elderly resident not answering"
    assert dlg.kind.currentData() == TaskKind.WELFARE_CHECK.value
    assert vp.pane.tabs.currentWidget() is vp.task_tab
    dlg.accept()
    qtbot.waitUntil(
        lambda: any(t.incident_id == iid for t in vp.task_tab.model.rows()), timeout=5_000
    )
    assert audit_actions(seeded.db, "supervisor")["volunteer_task_saved"] >= 1


def test_an_operator_sees_masked_names_and_cannot_change_anything(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    _seed(seeded)
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    app.window.show_pane("volunteers")  # the pane reads once it is looked at
    vp = volunteers_of(app)
    qtbot.waitUntil(lambda: len(vp.people.model) >= PER_COMMUNITY, timeout=10_000)
    rows = vp.people.model.rows()
    assert all(r.masked and "*" in r.name for r in rows)
    assert not any(b.widget.isEnabled() for b in vp.people._buttons)
    with_photo_hidden = vp.people.detail.photo.text()
    assert with_photo_hidden in ("", "No photo", "Photo hidden (personal data)")
    # Signing out leaves nothing shown.
    app.session.sign_out()
    qtbot.waitUntil(lambda: len(vp.people.model) == 0, timeout=5_000)
    assert vp.people.stack.currentWidget() is vp.people.empty


def _render(qtbot: QtBot, app: ConsoleApp, out: Path, name: str) -> None:
    vp = volunteers_of(app)
    qtbot.waitUntil(lambda: len(vp.people.model) >= PER_COMMUNITY, timeout=10_000)
    qtbot.waitUntil(lambda: len(vp.task_tab.model) > 0, timeout=5_000)
    app.window.resize(1600, 1000)
    dock = app.window.show_pane("volunteers")
    dock.setFloating(True)  # alone, at a size a reader can judge
    dock.resize(1280, 720)
    QCoreApplication.processEvents()
    for i in range(vp.pane.tabs.count()):
        vp.pane.tabs.setCurrentIndex(i)
        QCoreApplication.processEvents()
        image = vp.pane.grab()
        assert not image.isNull()
        path = out / f"{name}-{i}.png"
        assert image.save(str(path))
        assert path.stat().st_size > 1000


def test_the_pane_renders_in_both_languages(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    _seed(seeded)
    out = Path(SHOTS) if SHOTS else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    for language in ("en", "zh_CN"):
        app = make_console(language=language)
        app.start()
        sign_in(qtbot, app, seeded, "supervisor")
        app.window.show_pane("volunteers")  # the pane reads once it is looked at
        _render(qtbot, app, out, f"volunteers-{language}")


def test_a_reveal_asks_a_reason_and_a_pairing_is_made_from_the_pane(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    _seed(seeded)
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    app.window.show_pane("volunteers")  # the pane reads once it is looked at
    vp = volunteers_of(app)
    qtbot.waitUntil(lambda: len(vp.people.model) >= PER_COMMUNITY, timeout=10_000)
    row = vp.people.model.rows()[0]
    vp.people._reveal()
    reason = _last(app, ReasonDialog)
    assert isinstance(reason, ReasonDialog)
    assert not reason.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    reason.reason.setText("核实身份")
    told = len(fake_dialogs(app).messages)
    reason.accept()
    qtbot.waitUntil(lambda: len(fake_dialogs(app).messages) > told, timeout=5_000)
    shown = fake_dialogs(app).messages[-1].text
    assert shown.startswith("Identity No.: ")
    assert "*" not in shown
    assert shown.split()[2][:4] == row.id_number[:4]
    reads = [json.loads(d) for d in audit_details(seeded.db, "volunteer_pii_read")]
    assert {"fields": ["id_number", "birth_date"], "reason": "核实身份"} in reads
    # A pairing: the dialog lists the community's volunteers and residents (alone first).
    vp.pane.show_tab(vp.pairing_tab)
    vp.people.community.setCurrentIndex(vp.people.community.findData("C01"))
    qtbot.waitUntil(
        lambda: all(p.community == "C01" for p in vp.pairing_tab.model.rows()), timeout=5_000
    )
    before = len(vp.pairing_tab.model)
    vp.pairing_tab.sig_new.emit()
    qtbot.waitUntil(
        lambda: any(isinstance(d, PairingDialog) for d in fake_dialogs(app).registered),
        timeout=5_000,
    )
    pd = _last(app, PairingDialog)
    assert isinstance(pd, PairingDialog)
    pd.volunteer.setCurrentIndex(pd.volunteer.count() - 1)
    pd.resident.setCurrentIndex(pd.resident.count() - 1)  # one not living alone, not paired
    pd.note.setText("读报")
    told = len(fake_dialogs(app).messages)
    pd.accept()
    assert app.wait_idle()
    assert fake_dialogs(app).messages[told:] == []
    qtbot.waitUntil(lambda: len(vp.pairing_tab.model) == before + 1, timeout=5_000)
    assert audit_actions(seeded.db, "supervisor")["volunteer_pairing_saved"] == 1


@pytest.mark.services_demo  # a demo order to make a delivery task of
def test_the_pairings_show_who_will_come_and_an_order_becomes_a_delivery_task(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(seeded)
    monkeypatch.setattr(volunteers_service, "LIST_LIMIT", 3)  # fewer than the demo holds
    with seeded.db.session() as s:
        c01 = s.scalar(select(Community.id).where(Community.code == "C01"))
        order = s.scalar(
            select(func.min(NecessityOrder.id)).where(NecessityOrder.community_id == c01)
        )
    assert order is not None
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "operator")  # names masked in the lists
    app.window.show_pane("volunteers")  # the pane reads once it is looked at
    vp = volunteers_of(app)
    qtbot.waitUntil(lambda: len(vp.people.model) == 3, timeout=10_000)
    assert not vp.people.truncated_note.isHidden()
    assert vp.people.truncated_note.text() == "First 3 shown — narrow the search."
    vp.pane.show_tab(vp.pairing_tab)
    qtbot.waitUntil(lambda: len(vp.pairing_tab.model) > 0, timeout=10_000)
    vp.pairing_tab.table.selectRow(0)
    row = vp.pairing_tab.selected()
    assert row is not None
    assert "*" in row.volunteer
    # The visitor card (the name in full) is for those who arrange the visits, not an
    # operator, who could click through the rows and read every name.
    card = vp.pairing_tab.visitor
    assert app.wait_idle()
    assert card.isHidden()
    assert card.name is None
    reads = [json.loads(d) for d in audit_details(seeded.db, "volunteer_pii_read")]
    assert {"fields": ["name", "photo"], "for": "visitor_card"} not in reads
    vp.task_from_order(int(order))
    qtbot.waitUntil(
        lambda: any(isinstance(d, TaskDialog) for d in fake_dialogs(app).registered),
        timeout=5_000,
    )
    dlg = _last(app, TaskDialog)
    assert isinstance(dlg, TaskDialog)
    draft = dlg.draft()
    assert (draft.kind, draft.community, draft.order_id) == (TaskKind.DELIVERY, "C01", order)
    assert draft.resident_id is not None
