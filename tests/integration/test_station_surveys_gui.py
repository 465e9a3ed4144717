"""A station's surveys tab on the wired console: the kiosk over an open round, slips to print."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.presenters.station_surveys import StationSurveysPresenter
from core.audit import AuditAction
from core.site import SiteSpec
from core.station import EntryKind
from core.survey_slip import slip_key
from core.timefmt import utcnow
from tests.helpers.consoles import MakeConsole, SeededSite, audit_details, sign_in
from tests.helpers.station_fakes import MemoryDesk
from tests.integration.test_station_gui import station_console

FORM = """code = "KSAT"
title = "Street services"
version = 1

[[questions]]
id = "q1"
kind = "rating"
text = "How satisfied are you with the street's services?"
required = true
min = 1
max = 5
"""
PIN = "2468"


def surveys_of(app: ConsoleApp) -> StationSurveysPresenter:
    p = app.presenter("station_surveys")
    assert isinstance(p, StationSurveysPresenter)
    return p


@pytest.fixture
def open_round(seeded: SeededSite) -> str:
    admin = seeded.principal("admin")
    surveys = seeded.services.surveys
    surveys.save_draft(admin, "KSAT", "Street services", FORM)
    surveys.publish(admin, "KSAT", 1)
    today = utcnow().date()
    surveys.create_round(
        admin,
        "K1",
        "KSAT",
        1,
        purpose="Autumn satisfaction",
        frame_kind="communities",
        frame_params={"communities": ["C01", "C02"]},
        starts_on=today - timedelta(days=2),
        ends_on=today + timedelta(days=2),
        anonymous=True,
    )
    return "K1"


def loaded(qtbot: QtBot, app: ConsoleApp, seeded: SeededSite) -> StationSurveysPresenter:
    sign_in(qtbot, app, seeded, "ws01")
    p = surveys_of(app)
    p.speaker = lambda: None  # no sound card here; read-aloud has its own tests
    qtbot.waitUntil(lambda: bool(p.rounds))
    return p


def test_the_kiosk_takes_a_response_into_the_outbox_and_is_left_with_the_pin(
    qtbot: QtBot,
    make_console: MakeConsole,
    demo_site: SiteSpec,
    seeded: SeededSite,
    open_round: str,
) -> None:
    desk = MemoryDesk()
    app = station_console(make_console, demo_site, desk)
    p = loaded(qtbot, app, seeded)
    w = p.widget
    [rnd] = p.rounds
    assert rnd.code == open_round
    assert rnd.frame > 0  # C01's part of the frame only
    assert rnd.answered == 0
    assert "0 of" in w.rounds.item(0).text()
    # Two different PINs: refused, nothing starts.
    qtbot.keyClicks(w.pin, PIN)
    qtbot.keyClicks(w.pin_again, "1357")
    qtbot.mouseClick(w.start_button, Qt.MouseButton.LeftButton)
    assert "differ" in w.error.text()
    assert p.kiosk is None
    qtbot.keyClicks(w.pin_again, PIN)
    qtbot.mouseClick(w.start_button, Qt.MouseButton.LeftButton)
    kiosk = p.kiosk
    assert kiosk is not None
    view = kiosk.view
    assert view.isVisible()
    assert w.pin.text() == ""  # the PIN does not stay in the tab
    qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(view.question, Qt.Key.Key_4)
    qtbot.keyClick(view.question, Qt.Key.Key_Return)
    [taken] = desk.surveys
    assert taken.workstation == "WS01"
    assert taken.community == "C01"
    assert taken.submission.round_code == open_round
    assert taken.submission.answers == {"q1": 4}
    assert taken.submission.complete
    assert taken.submission.mode == "kiosk"
    assert [i.kind for i in desk.items()] == [EntryKind.SURVEY]
    # Esc and closing do not leave the kiosk; the PIN does.
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    view.close()
    assert view.isVisible()
    qtbot.mouseClick(view.exit_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.sig_exited, timeout=5000):
        qtbot.keyClicks(view.pin_field, PIN)
        qtbot.keyClick(view.pin_field, Qt.Key.Key_Return)
    assert p.kiosk is None
    assert "1 responses" in w.status.text()

    def audited() -> list[dict[str, object]]:
        return [json.loads(d) for d in audit_details(seeded.db, AuditAction.SURVEY_KIOSK)]

    qtbot.waitUntil(lambda: len(audited()) == 2)
    assert [d["kiosk"] for d in audited()] == ["started", "left"]
    assert audited()[1]["responses"] == 1


def test_named_slips_are_saved_for_those_who_have_not_answered(
    qtbot: QtBot,
    make_console: MakeConsole,
    demo_site: SiteSpec,
    seeded: SeededSite,
    open_round: str,
    tmp_path: Path,
) -> None:
    app = station_console(make_console, demo_site, MemoryDesk())
    p = loaded(qtbot, app, seeded)
    p.slip_key = None
    p.widget.slip_count.setValue(3)
    qtbot.mouseClick(p.widget.slips_button, Qt.MouseButton.LeftButton)
    assert "key folder" in p.widget.error.text()  # a PC without keys cannot sign slips
    p.slip_key = slip_key(b"s" * 32)
    qtbot.mouseClick(p.widget.slips_button, Qt.MouseButton.LeftButton)
    assert p._slips_dialog is not None
    target = tmp_path / "slips.pdf"
    p._slips_dialog.fileSelected.emit(str(target))
    qtbot.waitUntil(lambda: "saved" in p.widget.status.text(), timeout=20_000)
    app.wait_idle()  # the audit row is a write queued as the status is shown
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert text.count("S1.") == 3  # three slips, each with its code
    assert open_round in text
    details = [json.loads(d) for d in audit_details(seeded.db, AuditAction.SURVEY_KIOSK)]
    assert details == [{"kiosk": "slips", "named": True, "slips": 3}]
    reads = [json.loads(d) for d in audit_details(seeded.db, AuditAction.SURVEY_DATA_READ)]
    assert {"what": "slips", "community": "C01", "rows": 3} in reads
