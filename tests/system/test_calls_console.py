"""The wired console's phone line against SIPp: a resident calls, the pane shows them, F2 answers,
the call is recorded to a WAV linked to its row; a caller who gives up waits for a callback.

The console runs the real pjsua2 line from a [[sip]] entry of the demo site (on a free port).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp, ConsoleOptions
from console.presenters.calls import CallsPresenter
from core.calls import CallPhase
from core.model import DeviceState
from core.site import SiteSpec
from data.db import Database
from data.models import Call, Resident
from tests.helpers.consoles import SeededSite, build_console, close_console, devices_of, seed_demo
from tests.helpers.consoles import sign_in as sign_in_as
from tests.helpers.sipp import free_udp_port, have_sipp, read_wav, rms, sipp, write_tone_pcap

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not have_sipp(), reason="SIPp is not installed (tools/sysdeps.sh test)"),
]


@pytest.fixture
def seeded(sqlite_db: Database, demo_site: SiteSpec, tmp_path: Path) -> SeededSite:
    return seed_demo(sqlite_db, demo_site, tmp_path / "site-keys")


@pytest.fixture
def console(
    qapp: QApplication, seeded: SeededSite, demo_site: SiteSpec, tmp_path: Path
) -> Iterator[tuple[ConsoleApp, int]]:
    """The console with the demo hotline moved to a free port."""
    write_tone_pcap(tmp_path / "tone.pcap", 1000.0, 3.0)
    port = free_udp_port()
    [line] = demo_site.sip
    site = dataclasses.replace(demo_site, sip=(dataclasses.replace(line, port=port),))
    opts = ConsoleOptions(
        config_dir=tmp_path / "config",
        confirm_quit=False,
        idle_lock_minutes=0,
        poll_interval=0.2,
        keys_dir=seeded.keys,
        alert_sound=False,
        site=site,
        recordings_dir=tmp_path / "recordings",
        tracking=False,
    )
    app = build_console(qapp, seeded.db, opts)
    app.start()
    try:
        yield app, port
    finally:
        close_console(app)
        qapp.processEvents()


def calls_of(app: ConsoleApp) -> CallsPresenter:
    p = app.presenter("calls")
    assert isinstance(p, CallsPresenter)
    return p


def test_a_resident_calls_is_shown_answered_with_f2_and_recorded(
    qtbot: QtBot, console: tuple[ConsoleApp, int], seeded: SeededSite, tmp_path: Path
) -> None:
    app, port = console
    sign_in_as(qtbot, app, seeded, "operator")
    calls = calls_of(app)
    # The line is up, and the hotline's device row says so.
    qtbot.waitUntil(lambda: calls.pane.status.text().startswith("●"), timeout=10_000)
    devices = devices_of(app).pane
    qtbot.waitUntil(
        lambda: any(r.code == "PH00" and r.state is DeviceState.ONLINE for r in devices.rows()),
        timeout=5000,
    )
    with seeded.db.session() as s:
        resident = s.scalars(select(Resident).order_by(Resident.id)).first()
        assert resident is not None
        rid, phone = resident.id, resident.phone
    [masked] = seeded.services.residents.rows_by_ids(seeded.principal("operator"), [rid])
    caller = sipp("caller_hangs_up", port, tmp_path, number=phone, display="Zhang", pause_ms=1500)
    try:
        qtbot.waitUntil(
            lambda: any(
                c.phase is CallPhase.RINGING and c.resident == masked.name
                for c in calls.pane.model.rows()
            ),
            timeout=10_000,
        )
        app.window.action("call_answer").trigger()  # F2
        code, out = caller.result()
    finally:
        caller.kill()
    assert code == 0, out

    def row() -> Call | None:
        with seeded.db.session() as s:
            found = s.scalars(select(Call).where(Call.number == phone)).one_or_none()
            if found is not None:
                s.expunge(found)
            return found

    qtbot.waitUntil(lambda: (r := row()) is not None and r.phase == "ended", timeout=10_000)
    done = row()
    assert done is not None
    assert done.end_reason == "hung_up_remote"
    assert done.answered_by_id == seeded.principal("operator").user_id
    assert done.resident_id == rid
    samples, rate = read_wav(Path(done.recording))  # the caller's tone, in the linked WAV
    assert len(samples) > 0.5 * rate
    assert rms(samples) > 0.05
    # Answered and ended: it waits, highlighted, for an incident or "no incident".
    qtbot.waitUntil(lambda: any(c.needs_disposition for c in calls.pane.model.rows()), timeout=5000)
    app.wait_idle()


def test_a_caller_who_gives_up_waits_on_the_callback_list(
    qtbot: QtBot, console: tuple[ConsoleApp, int], seeded: SeededSite, tmp_path: Path
) -> None:
    app, port = console
    sign_in_as(qtbot, app, seeded, "operator")
    calls = calls_of(app)
    qtbot.waitUntil(lambda: calls.pane.status.text().startswith("●"), timeout=10_000)
    code, out = sipp("abandons", port, tmp_path, number="13911110000", pause_ms=300).result()
    assert code == 0, out
    qtbot.waitUntil(
        lambda: [r.number for r in calls.pane.callbacks.rows()] == ["13911110000"],
        timeout=10_000,
    )
    app.wait_idle()
