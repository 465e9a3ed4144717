"""Attaching files in the incident window: a real PNG listed and opened, a disguised PDF refused."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from core.model import Priority
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    audit_actions,
    incidents_of,
    sign_in,
)
from widgets.incident_detail import IncidentDetailDialog
from widgets.incident_dialog import NewIncident


def png_bytes() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def open_incident(qtbot: QtBot, app: ConsoleApp) -> IncidentDetailDialog:
    p = incidents_of(app)
    p.create_incident(NewIncident("楼道堆放杂物", Priority.P3, "C03", "河沿里 3号楼", ""))
    qtbot.waitUntil(lambda: p.queue.model.rowCount() >= 1)
    p.open_incident(p.queue.model.row_at(0).id)
    qtbot.waitUntil(lambda: p.detail_dialog is not None and p.detail_dialog.isVisible())
    assert p.detail_dialog is not None
    return p.detail_dialog


def test_add_a_photo_see_it_listed_and_open_it(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    dlg = open_incident(qtbot, app)
    files = dlg.attachments
    controller = incidents_of(app).attachments
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(png_bytes())
    asked: list[Path] = []
    opened: list[Path] = []
    controller.choose_files = lambda _parent, done: done(asked)
    controller.opener = lambda path: opened.append(path) is None

    qtbot.waitUntil(files.add_button.isEnabled)
    asked[:] = [photo]
    qtbot.mouseClick(files.add_button, Qt.MouseButton.LeftButton)
    assert not files.add_button.isEnabled()  # busy while it is read, checked and stored
    assert "现场照片.png" in files.status.text()
    qtbot.waitUntil(lambda: files.model.rowCount() == 1)
    row = files.model.row_at(0)
    assert (row.name, row.size, row.added_by) == ("现场照片.png", len(png_bytes()), "李静")
    qtbot.waitUntil(files.add_button.isEnabled)
    assert files.status.text() == ""
    notes = lambda: [  # noqa: E731
        dlg.timeline.topLevelItem(i).text(3) for i in range(dlg.timeline.topLevelItemCount())
    ]
    qtbot.waitUntil(lambda: "现场照片.png" in notes())

    # Open with Enter: the viewer gets a verified copy, and the open is audited.
    files.table.setFocus()
    files.table.setCurrentIndex(files.model.index(0, 0))
    assert files.open_button.isEnabled()
    qtbot.keyClick(files.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].read_bytes() == png_bytes()
    assert opened[0].name == f"{row.sha256}.png"
    assert app.wait_idle()
    actions = audit_actions(seeded.db, "operator")
    assert actions["attachment_added"] == 1
    assert actions["attachment_opened"] == 1

    # The same bytes again, by the keyboard (Ctrl+Shift+I): listed twice, stored once.
    dlg.activateWindow()
    qtbot.waitUntil(lambda: dlg.isActiveWindow())
    qtbot.keyClick(
        dlg, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: files.model.rowCount() == 2)
    assert files.model.row_at(1).sha256 == row.sha256


def test_a_jpg_that_is_really_a_pdf_is_refused_in_the_window(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    app = make_console()
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    dlg = open_incident(qtbot, app)
    files = dlg.attachments
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")
    incidents_of(app).attachments.choose_files = lambda _parent, done: done([fake])
    qtbot.waitUntil(files.add_button.isEnabled)
    qtbot.mouseClick(files.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(files.error.isVisible)
    assert "photo.jpg" in files.error.text()
    assert "PDF" in files.error.text()
    assert "JPEG" in files.error.text()
    assert files.error.textFormat() == Qt.TextFormat.PlainText
    qtbot.waitUntil(files.add_button.isEnabled)
    assert files.model.rowCount() == 0
    assert app.wait_idle()
    assert audit_actions(seeded.db, "operator")["attachment_added"] == 0
