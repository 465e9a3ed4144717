"""A reply given by slip: the pane offers the slip, saved as a one-page PDF for the resident."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from core.feedback import NewTicket, ReplyChannel, Source, TicketState
from tests.helpers.consoles import MakeConsole, SeededSite, sign_in
from tests.integration.test_feedback_gui import feedback_of, last_registered
from widgets.feedback import TicketStepDialog


def test_a_reply_by_slip_is_saved_as_a_slip_with_the_ticket_and_the_reply(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    tid = seeded.services.feedback.create(
        seeded.principal("supervisor"),
        NewTicket(
            community="C02",
            category="property",
            text="Bikes block the stairwell",
            source=Source.WALK_IN,
            contact_name="Wang",
            contact_phone="13812345678",
        ),
    )
    fb = feedback_of(app)
    pane = fb.pane
    app.window.show_pane("feedback")  # the pane reads once it is looked at
    fb.reload()  # as the change feed would tell it
    qtbot.waitUntil(lambda: len(pane.model) == 1, timeout=10_000)
    pane.select(tid)
    qtbot.waitUntil(lambda: pane.selected() is not None, timeout=10_000)
    qtbot.mouseClick(pane.reply, Qt.MouseButton.LeftButton)
    dlg = last_registered(app, TicketStepDialog)
    assert isinstance(dlg, TicketStepDialog)
    dlg.channel.setCurrentIndex(dlg.channel.findData(ReplyChannel.SLIP.value))
    dlg.text.setPlainText("The property office clears the stairwell on Monday")
    dlg.accept()
    qtbot.waitUntil(lambda: fb.slip_dialog is not None, timeout=10_000)
    assert fb.slip_dialog is not None
    target = tmp_path / "reply.pdf"
    fb.slip_dialog.fileSelected.emit(str(target))
    qtbot.waitUntil(target.exists, timeout=20_000)
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())  # words, however spaced
    assert str(tid) in text
    assert "clears the stairwell" in text
    assert "Bikes block" in text
    assert "1 (not at all) to 5" in text
    qtbot.waitUntil(lambda: pane.model.rows()[0].state is TicketState.ANSWERED, timeout=5_000)
