"""Shift handover in the running console: the outgoing operator hands over, the next one signs."""

from __future__ import annotations

import io
import re
import stat
import threading
from collections.abc import Mapping
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.handover_pdf import ChildRenderer, Footer
from console.presenters.handover import SHORTCUT, HandoverPresenter
from core.audit import AuditAction
from core.handover import HandoverReport
from core.incidents import IncidentState
from core.model import Priority
from data.checkpoints import generate_audit_key
from data.models import ShiftHandover
from tests.helpers.consoles import MakeConsole, SeededSite, audit_actions, sign_in


def handover_of(app: ConsoleApp) -> HandoverPresenter:
    p = app.presenter("handover")
    assert isinstance(p, HandoverPresenter)
    return p


class GatedRenderer(ChildRenderer):
    """A PDF that is "being made" until the test releases it."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()
        self.release = threading.Event()

    def __call__(
        self,
        report: HandoverReport,
        labels: Mapping[str, str],
        states: Mapping[IncidentState, str],
        footer: Footer,
    ) -> bytes:
        self.started.set()
        if not self.release.wait(30):
            raise RuntimeError("the test never released the PDF")
        return b"%PDF-1.4 " + report.outgoing_username.encode()

    def stop(self) -> None:
        self.release.set()
        super().stop()


def test_hand_over_then_the_next_user_acknowledges(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    cps, folder = tmp_path / "cps", tmp_path / "handovers"
    assert seeded.keys is not None
    generate_audit_key(seeded.keys)  # this workstation signs: the site's key folder holds it
    app = make_console(language="en", checkpoints_dir=cps, handovers_dir=folder)
    presenter = handover_of(app)
    opened: list[Path] = []
    presenter.open_file = opened.append
    app.start()
    sign_in(qtbot, app, seeded, "operator")

    action = app.window.action("shift_handover")
    assert action.shortcut().toString() == SHORTCUT
    assert action.isEnabled()
    action.trigger()
    dlg = presenter.dialog
    assert dlg is not None
    qtbot.waitUntil(lambda: "Open items" in dlg.summary.toPlainText())
    assert dlg.reason.text() == "shift handover"
    qtbot.keyClicks(dlg.notes, "<h1>Lift ")
    dlg.notes.insertPlainText("3号楼电梯</h1> 故障")  # QTest types ASCII only; an IME commits text
    assert dlg.hand_over.isEnabled()
    qtbot.mouseClick(dlg.hand_over, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.open_pdf.isVisible(), timeout=30000)
    assert presenter.last is not None
    path = presenter.last.path
    assert path.parent == folder
    assert str(path) in dlg.status.text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    qtbot.mouseClick(dlg.open_pdf, Qt.MouseButton.LeftButton)
    assert opened == [path]
    text = re.sub(
        r"\s+",
        "",
        " ".join(p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages),
    )
    cp = presenter.last.report.checkpoint
    assert cp is not None
    assert cp.signed
    assert cp.head_hash in text
    assert "<h1>Lift3号楼电梯</h1>故障" in text
    assert list(cps.glob("*-handover.json"))

    app.session.sign_out()
    sign_in(qtbot, app, seeded, "supervisor")
    qtbot.waitUntil(
        lambda: presenter.pending_dialog is not None and presenter.pending_dialog.isVisible()
    )
    pending = presenter.pending_dialog
    assert pending is not None
    assert pending.title.text().startswith("Handover from ")
    # The notes are read here, not only in the PDF; typed as hostile markup, shown as text.
    assert pending.notes.toPlainText() == "<h1>Lift 3号楼电梯</h1> 故障"
    assert pending.notes.isReadOnly()
    assert pending.acknowledge.hasFocus() or pending.acknowledge.isDefault()
    qtbot.mouseClick(pending.open_pdf, Qt.MouseButton.LeftButton)
    assert opened == [path, path]
    qtbot.keyClick(pending.acknowledge, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not pending.isVisible())
    assert app.wait_idle()
    with seeded.db.session() as s:
        row = s.scalars(select(ShiftHandover)).one()
        assert row.acknowledged_at is not None
    assert audit_actions(seeded.db, "supervisor")[AuditAction.HANDOVER_ACKNOWLEDGED.value] == 1
    assert audit_actions(seeded.db, "operator")[AuditAction.HANDOVER_MADE.value] == 1


def test_the_outgoing_operator_is_not_asked_to_acknowledge_their_own(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    app = make_console(language="en", handovers_dir=tmp_path / "h")
    presenter = handover_of(app)
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    presenter.open_dialog()
    dlg = presenter.dialog
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.hand_over.isEnabled())
    qtbot.mouseClick(dlg.hand_over, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.open_pdf.isVisible(), timeout=30000)
    assert "No audit signing key on this workstation" in dlg.status.text()
    app.session.sign_out()
    sign_in(qtbot, app, seeded, "operator")
    assert app.wait_idle()
    assert presenter.pending == []
    assert presenter.pending_dialog is None


def test_other_writes_go_on_while_the_pdf_is_made(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    folder = tmp_path / "h"
    app = make_console(language="en", handovers_dir=folder)
    presenter = handover_of(app)
    gate = presenter.renderer = GatedRenderer()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    op = seeded.principal("operator")
    incidents = app.services.incidents
    iid = incidents.create(op, title="独居老人摔倒", priority=Priority.P1, community="C03")
    presenter.open_dialog()
    dlg = presenter.dialog
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.hand_over.isEnabled())
    qtbot.mouseClick(dlg.hand_over, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.started.is_set)

    # The operator acknowledges a P1 through the same writer while the PDF is still made.
    done: list[object] = []
    presenter.ctx.jobs.write(
        lambda: incidents.transition(op, iid, IncidentState.ACKNOWLEDGED), done.append
    )
    qtbot.waitUntil(lambda: bool(done))
    assert not gate.release.is_set()
    assert not dlg.hand_over.isEnabled()
    assert not dlg.progress.isHidden()
    with seeded.db.session() as s:
        assert s.scalars(select(ShiftHandover)).all() == []

    gate.release.set()
    qtbot.waitUntil(lambda: dlg.open_pdf.isVisible(), timeout=30000)
    assert presenter.last is not None
    assert presenter.last.path.read_bytes() == b"%PDF-1.4 operator"
    with seeded.db.session() as s:
        assert s.scalars(select(ShiftHandover.pdf_file)).all() == [presenter.last.path.name]


def test_a_handover_being_made_at_sign_out_is_dropped(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    folder = tmp_path / "h"
    app = make_console(language="en", handovers_dir=folder)
    presenter = handover_of(app)
    gate = presenter.renderer = GatedRenderer()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    presenter.open_dialog()
    dlg = presenter.dialog
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.hand_over.isEnabled())
    qtbot.mouseClick(dlg.hand_over, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.started.is_set)

    app.session.sign_out()
    gate.release.set()
    assert app.wait_idle()
    assert presenter.last is None
    assert list(folder.glob("*.pdf")) == []  # made, then deleted: nobody stores it
    with seeded.db.session() as s:
        assert s.scalars(select(ShiftHandover)).all() == []
    done = audit_actions(seeded.db, "operator")
    assert done[AuditAction.HANDOVER_MADE.value] == 0
    assert done[AuditAction.DATA_EXPORTED.value] == 0


def test_closing_the_dialog_does_not_cancel_the_handover(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    app = make_console(language="en", handovers_dir=tmp_path / "h")
    presenter = handover_of(app)
    gate = presenter.renderer = GatedRenderer()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    presenter.open_dialog()
    dlg = presenter.dialog
    assert dlg is not None
    qtbot.waitUntil(lambda: dlg.hand_over.isEnabled())
    qtbot.mouseClick(dlg.hand_over, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(gate.started.is_set)
    qtbot.mouseClick(dlg.close_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()

    presenter.open_dialog()  # the running one comes back with its progress, not a second one
    assert presenter.dialog is dlg
    assert dlg.isVisible()
    assert not dlg.hand_over.isEnabled()
    gate.release.set()
    qtbot.waitUntil(lambda: dlg.open_pdf.isVisible(), timeout=30000)
    with seeded.db.session() as s:
        assert len(s.scalars(select(ShiftHandover)).all()) == 1
