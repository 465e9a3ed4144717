"""The Screening pane wired: a station finds a consenting resident, gives PHQ-2 and GAD-2 from
the keyboard, the positive PHQ-2 brings the PHQ-9, an item-9 answer puts the crisis script up
at once and one restricted risk incident in the queue; without consent nothing starts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from console.presenters.screening import ScreeningPresenter
from core.consent import ConsentMethod, ConsentPurpose
from core.screening_pathway import ScreeningMode
from core.site import SiteSpec
from data.models import Community, Incident, Resident, Screening
from hardware.tts import EspeakSpeaker
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    audit_details,
    fake_dialogs,
    services_at,
    sign_in,
    submit_login,
)
from tests.helpers.fake_calls import fake_line
from widgets.screening_run import ScreeningRunDialog


def screening_of(app: ConsoleApp) -> ScreeningPresenter:
    p = app.presenter("screening")
    assert isinstance(p, ScreeningPresenter)
    return p


def a_resident(seeded: SeededSite, *, consent: bool) -> Resident:
    """A C01 resident under 60 with an emergency contact, with a screening consent or not."""
    with seeded.db.session() as s:
        found = s.scalars(
            select(Resident)
            .join(Community, Community.id == Resident.community_id)
            .where(
                Community.code == "C01",
                Resident.birth_year > 1975,
                Resident.birth_year < 2000,
                Resident.emergency_contact_phone != "",
            )
            .order_by(Resident.id)
        ).all()
    r = found[0] if consent else found[1]
    if consent:
        svc = services_at(seeded.db, keys=seeded.keys)
        svc.consent.record(
            svc.signin.principal("admin"),
            r.id,
            ConsentPurpose.SCREENING,
            ConsentMethod.WRITTEN,
            date.today(),
        )
    return r


def pick(qtbot: QtBot, app: ConsoleApp, p: ScreeningPresenter, r: Resident) -> None:
    app.window.show_pane("screening")
    tab = p.start_tab
    tab.search.setText(str(r.id))
    tab.sig_search.emit(str(r.id))
    qtbot.waitUntil(lambda: tab.found.count() == 1)
    qtbot.waitUntil(lambda: tab.plan.text() != "")


def keys(qtbot: QtBot, app: ConsoleApp, p: ScreeningPresenter, text: str) -> None:
    for ch in text:
        assert p.run is not None
        qtbot.keyClick(p.run, ch)
    assert app.wait_idle()


def test_a_station_screens_and_a_risk_answer_brings_the_script_and_one_incident(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    r = a_resident(seeded, consent=True)
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "ws01")
    p = screening_of(app)
    pick(qtbot, app, p, r)
    assert "PHQ-2 + GAD-2" in p.start_tab.plan.text()
    qtbot.mouseClick(p.start_tab.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.run is not None and p.run.isVisible())
    run = p.run
    assert run is not None
    assert run.current_key == "PHQ-2@1"
    keys(qtbot, app, p, "22")  # 4 ≥ 3: positive
    qtbot.waitUntil(lambda: run.current_key == "GAD-2@1")
    keys(qtbot, app, p, "00")
    qtbot.waitUntil(lambda: run.current_key == "PHQ-9@1")
    keys(qtbot, app, p, "11110000")
    assert p.script is None, "no risk answer yet"
    keys(qtbot, app, p, "1")  # item 9: several days
    qtbot.waitUntil(lambda: p.script is not None and p.script.isVisible())
    assert p.script is not None
    said = p.script.texts()
    assert "12356" in said
    assert "120" in said
    assert r.emergency_contact_phone in said
    qtbot.waitUntil(lambda: run.sitting_done)
    with seeded.db.session() as s:
        rows = s.execute(select(Screening.instrument, Screening.status, Screening.total)).all()
        incidents = s.scalars(select(Incident).where(Incident.restricted == "risk")).all()
    assert sorted(rows) == [
        ("GAD-2@1", "complete", 0),
        ("PHQ-2@1", "complete", 4),
        ("PHQ-9@1", "complete", 5),
    ]
    assert len(incidents) == 1
    op = services_at(seeded.db, keys=seeded.keys)
    ids = [i.id for i in op.incidents.open_incidents(op.signin.principal("operator"))]
    assert incidents[0].id not in ids, "the operator's queue does not show it"
    qtbot.mouseClick(p.script.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.script is None)


def test_without_consent_the_screening_does_not_start(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    r = a_resident(seeded, consent=False)
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "ws01")
    p = screening_of(app)
    pick(qtbot, app, p, r)
    assert "no screening consent" in p.start_tab.plan.text()
    assert not p.start_tab.start_button.isEnabled()


def test_the_counsellor_reads_results_and_the_read_is_audited(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    r = a_resident(seeded, consent=True)
    app = make_console(language="en")
    app.start()
    # The counsellor's role sees no devices: the helper's wait for the device list does not
    # apply.
    submit_login(qtbot, app, "counsellor", seeded.passwords["counsellor"])
    qtbot.waitUntil(lambda: app.session.principal is not None)
    assert app.wait_idle()
    p = screening_of(app)
    pick(qtbot, app, p, r)
    assert p.start_tab.results_button.isVisible()
    qtbot.mouseClick(p.start_tab.results_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "0 screenings" in p.results_tab.heading.text())
    assert app.wait_idle()
    assert audit_details(seeded.db, "screening_results_read") == [""]
    assert not p.start_tab.start_button.isHidden(), "the counsellor screens too"


def test_the_counsellor_records_a_contact_and_reads_its_note_audited(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    r = a_resident(seeded, consent=True)
    app = make_console(language="en")
    app.start()
    submit_login(qtbot, app, "counsellor", seeded.passwords["counsellor"])
    qtbot.waitUntil(lambda: app.session.principal is not None)
    p = screening_of(app)
    pick(qtbot, app, p, r)
    qtbot.mouseClick(p.start_tab.record_button, Qt.MouseButton.LeftButton)
    tab = p.counselling_tab
    qtbot.waitUntil(lambda: app.wait_idle() and tab.contact_button.isEnabled())
    assert p.pane.tabs.currentWidget() is tab
    qtbot.mouseClick(tab.contact_button, Qt.MouseButton.LeftButton)
    form = p.form
    assert form is not None
    form.text.setText("邻里纠纷")
    form.note.setPlainText("失眠两周，情绪低落")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.contacts.rowCount() == 1)
    tab.contacts_view.selectRow(0)
    qtbot.mouseClick(tab.note_button, Qt.MouseButton.LeftButton)
    dialogs = fake_dialogs(app)
    qtbot.waitUntil(lambda: bool(dialogs.messages))
    assert dialogs.messages[-1].text == "失眠两周，情绪低落"
    assert app.wait_idle()
    reads = audit_details(seeded.db, "counselling_note_read")
    assert reads == ['{"read": "record"}', '{"read": "record"}', '{"read": "note"}']


def test_an_operator_sees_no_counselling_or_results_tabs(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "operator")
    p = screening_of(app)
    tabs = p.pane.tabs
    for widget in (p.counselling_tab, p.results_tab, p.due_tab, p.figures_label):
        assert not tabs.isTabVisible(tabs.indexOf(widget))
    assert not p.start_tab.isEnabled(), "the operator does not screen"


def test_a_kiosk_sitting_reads_each_question_aloud(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    r = a_resident(seeded, consent=True)
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "ws01")
    p = screening_of(app)
    wavs = tmp_path / "spoken"
    wavs.mkdir()
    p.speaker_factory = lambda: EspeakSpeaker(wav_dir=wavs)
    pick(qtbot, app, p, r)
    tab = p.start_tab
    tab.mode.setCurrentIndex(tab.mode.findData(ScreeningMode.KIOSK.value))
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.run is not None and p.run.isVisible())
    qtbot.waitUntil(lambda: len(list(wavs.glob("*.wav"))) >= 1, timeout=15_000)
    keys(qtbot, app, p, "0")
    qtbot.waitUntil(lambda: len(list(wavs.glob("*.wav"))) >= 2, timeout=15_000)
    assert p.run is not None
    p.run.done(0)
    qtbot.waitUntil(lambda: p.run is None)
    assert p._speaker is None, "the read-aloud worker is stopped with the sitting"


def start_phone_sitting(
    qtbot: QtBot, app: ConsoleApp, p: ScreeningPresenter, r: Resident
) -> ScreeningRunDialog:
    """Pick the resident, choose "by phone" and start: the sitting's dialog."""
    pick(qtbot, app, p, r)
    tab = p.start_tab
    tab.mode.setCurrentIndex(tab.mode.findData(ScreeningMode.PHONE.value))
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.run is not None and p.run.isVisible())
    assert p.run is not None
    assert p.run.dial_button.isVisible()
    return p.run


def test_a_phone_sitting_rings_the_resident_on_the_workstation_line(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, demo_site: SiteSpec
) -> None:
    r = a_resident(seeded, consent=True)
    factory, line = fake_line()
    app = make_console(language="en", site=demo_site, call_gateway=factory)
    app.start()
    sign_in(qtbot, app, seeded, "ws01")
    run = start_phone_sitting(qtbot, app, screening_of(app), r)
    qtbot.keyClick(run, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: run.call_state.text() not in ("", "Calling…"))
    assert "Calls pane" in run.call_state.text(), run.call_state.text()
    (gateway,) = line
    assert [c[:2] for c in gateway.commands if c[0] == "dial"] == [("dial", r.phone)]
    assert not run.dial_button.isEnabled()
    dials = [d for d in audit_details(seeded.db, "pii_revealed") if '"dial"' in d]
    assert len(dials) == 1
    assert "phone screening" in dials[0]


def test_a_counsellor_without_a_line_is_told_to_dial_by_hand(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite
) -> None:
    r = a_resident(seeded, consent=True)
    app = make_console(language="en")  # no site: this workstation has no phone line
    app.start()
    submit_login(qtbot, app, "counsellor", seeded.passwords["counsellor"])
    qtbot.waitUntil(lambda: app.session.principal is not None)
    assert app.wait_idle()
    run = start_phone_sitting(qtbot, app, screening_of(app), r)
    assert not run.dial_button.isEnabled()
    assert "dial the person by hand" in run.call_state.text()
    assert fake_dialogs(app).messages == [], "no error box for a line that is not there"
