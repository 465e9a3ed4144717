"""The P1/P2 alert rings and repeats, its volume is kept per workstation, and SLA breaches
reach the supervisors' consoles (and only theirs) through the change feed."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from console.app import ConsoleApp
from console.attention_sound import AttentionSound
from console.presenters.alert_sound import AlertSoundPresenter
from console.presenters.sla import SlaPresenter
from core.incidents import IncidentState
from core.model import Priority
from core.timefmt import utcnow
from data.models import Incident
from hardware.audio import ALERT_TONES, AudioStatus, Samples
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    incidents_of,
    notifications_of,
    services_at,
    sign_in,
)
from widgets import labels


class RecordingPlayer:
    """Keeps what it is asked to play instead of playing it."""

    samplerate = 16_000

    def __init__(self) -> None:
        self.sounds: list[Samples] = []

    def play(self, samples: Samples) -> None:
        self.sounds.append(samples)

    def pitches(self) -> list[float]:
        out = []
        for x in self.sounds:
            spectrum = np.abs(np.fft.rfft(x))
            out.append(float(np.fft.rfftfreq(len(x), 1 / self.samplerate)[np.argmax(spectrum)]))
        return out


def alert_of(app: ConsoleApp) -> AlertSoundPresenter:
    p = app.presenter("alert_sound")
    assert isinstance(p, AlertSoundPresenter)
    return p


def sla_of(app: ConsoleApp) -> SlaPresenter:
    p = app.presenter("sla")
    assert isinstance(p, SlaPresenter)
    return p


def test_a_new_p1_rings_its_tone_and_rings_again_until_acknowledged(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    player = RecordingPlayer()
    console.sound.player = player
    sign_in(qtbot, console, seeded, "operator")
    ws02 = services_at(seeded.db, "WS02")
    sup = seeded.principal("supervisor")

    ws02.incidents.create(sup, title="路灯不亮", priority=Priority.P3, community="C02")
    p2 = ws02.incidents.create(sup, title="噪音扰民", priority=Priority.P2, community="C02")
    qtbot.waitUntil(lambda: len(player.sounds) == 1, timeout=10_000)
    assert player.pitches() == [pytest.approx(ALERT_TONES[2].freq, abs=5)], (
        "the P3 is silent, the P2 rings its tone"
    )

    p1 = ws02.incidents.create(sup, title="独居老人摔倒", priority=Priority.P1, community="C02")
    qtbot.waitUntil(lambda: len(player.sounds) == 2, timeout=10_000)
    assert player.pitches()[1] == pytest.approx(ALERT_TONES[1].freq, abs=5)

    incidents_of(console)._on_realert_timeout()  # the 30 s reminder
    assert player.pitches()[2] == pytest.approx(ALERT_TONES[1].freq, abs=5), (
        "the reminder rings the most urgent"
    )

    for iid in (p1, p2):
        ws02.incidents.transition(sup, iid, IncidentState.ACKNOWLEDGED)
    qtbot.waitUntil(lambda: not incidents_of(console)._realert.isActive(), timeout=10_000)
    assert len(player.sounds) == 3


def test_volume_is_kept_per_workstation_and_mute_shows_in_the_status_bar(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console()
    app.start()
    player = RecordingPlayer()
    app.sound.player = player
    sign_in(qtbot, app, seeded, "operator")
    alerts = alert_of(app)
    assert not alerts.indicator.isVisibleTo(app.window)

    app.window.action("alert_volume").trigger()
    dialog = alerts.dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.slider.setValue(40)
    app.window.action("test_tone").trigger()
    assert np.max(np.abs(player.sounds[-1])) == np.float32(0.4)

    dialog.slider.setValue(0)
    assert dialog.warning.isVisibleTo(dialog), "volume 0 is allowed only with a warning"
    assert alerts.indicator.isVisibleTo(app.window)
    assert alerts.indicator.text() == tr("AlertSoundIndicator", "Alerts muted")
    app.window.action("test_tone").trigger()
    assert len(player.sounds) == 1, "muted: nothing plays"
    silent = tr("AlertSoundPresenter", "Alerts are muted: the test tone is silent.")
    assert app.window.st_message.text() == silent

    again = AttentionSound(None, app.opts.config_dir / "sound.ini")
    assert again.volume == 0, "the setting outlives the console"
    dialog.slider.setValue(70)
    assert not alerts.indicator.isVisibleTo(app.window)


def test_no_sound_device_is_said_once_and_the_console_goes_on(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    alerts = alert_of(console)
    notes = notifications_of(console).pane
    for _ in range(2):
        console.bridge.publish(AudioStatus(False, "Error querying device -1"))
    qtbot.waitUntil(lambda: alerts.indicator.isVisibleTo(console.window), timeout=5_000)
    assert alerts.indicator.text() == tr("AlertSoundIndicator", "No alert sound")
    lead = tr("AlertSoundPresenter", "No alert sound: {why}. Alerts still flash and show here.")
    said = [t for t in notes.texts() if lead.split("{why}")[0] in t]
    assert len(said) == 1
    assert "Error querying device -1" in said[0]
    console.bridge.publish(AudioStatus(True))
    qtbot.waitUntil(lambda: not alerts.indicator.isVisibleTo(console.window), timeout=5_000)


def test_a_breach_reaches_a_supervisor_on_another_workstation_but_not_an_operator(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    operator_desk = make_console(workstation="WS02")
    supervisor_desk = make_console(workstation="CC")
    for app in (operator_desk, supervisor_desk):
        app.sound.player = RecordingPlayer()
        app.start()
    sign_in(qtbot, operator_desk, seeded, "operator")
    sign_in(qtbot, supervisor_desk, seeded, "supervisor")
    ws = services_at(seeded.db, "WS03")
    iid = ws.incidents.create(
        seeded.principal("operator"), title="独居老人未出门", priority=Priority.P1, community="C01"
    )
    with seeded.db.write_session() as s:  # raised 3 min ago: past its 2 min to acknowledge
        s.execute(
            update(Incident)
            .where(Incident.id == iid)
            .values(created_at=utcnow() - timedelta(minutes=3))
        )

    sla_of(operator_desk).check_now()  # the operator's console notices and records it
    sup_notes = notifications_of(supervisor_desk).pane
    p1 = labels.priority(Priority.P1)
    breach = tr("SlaPresenter", "SLA breach: {priority} #{id} {title}: {target}")
    late = tr("SlaPresenter", "not acknowledged in time")
    want = breach.format(priority=p1, id=iid, title="独居老人未出门", target=late)
    lead = breach.split("{priority}")[0]
    qtbot.waitUntil(lambda: any(want in t for t in sup_notes.texts()), timeout=10_000)
    sla_of(supervisor_desk).check_now()  # the other console finds it already recorded
    assert operator_desk.wait_idle()
    assert supervisor_desk.wait_idle()
    detail = ws.incidents.incident_detail(seeded.principal("supervisor"), iid)
    assert [e.note for e in detail.events if e.kind == "sla_breach"] == ["acknowledge"]
    assert len([t for t in sup_notes.texts() if lead in t]) == 1
    assert not [t for t in notifications_of(operator_desk).pane.texts() if lead in t]


def tr(context: str, text: str) -> str:
    """A string as the console shows it in its language (the tests run in Chinese)."""
    return QCoreApplication.translate(context, text)
