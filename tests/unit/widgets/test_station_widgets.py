"""The station screen's widgets: hold-to-confirm, the link banner, the outbox, intake, stations."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.paths import resources_dir
from core.contacts import ContactKind, ContactRow
from core.model import Priority
from core.personal import ResidentRow
from core.station import (
    EntryKind,
    LinkState,
    OutboxItem,
    RequestTarget,
    SendState,
    StationLink,
    StationSeen,
)
from core.views import IncidentTypeRow
from widgets.station_intake import IntakeForm, StationIntakeWidget
from widgets.station_outbox import STATE_COLOURS, StationOutboxWidget
from widgets.station_panic import PanicButton
from widgets.station_screen import StationLinkBanner, StationScreen
from widgets.stations_panel import OFFLINE_BACKGROUND, StationsPanel

ZONE = "Asia/Shanghai"
T0 = datetime(2026, 11, 30, 6, 2, tzinfo=UTC)  # 14:02 in Shanghai


class FakeClock:
    """Milliseconds that move only when told."""

    def __init__(self) -> None:
        self.ms = 0

    def __call__(self) -> int:
        return self.ms


def panic_button(qtbot: QtBot) -> tuple[PanicButton, FakeClock, list[str]]:
    clock = FakeClock()
    button = PanicButton(hold_ms=2000, clock=clock)
    qtbot.addWidget(button)
    button.resize(300, 300)
    button.show()
    seen: list[str] = []
    button.sig_confirmed.connect(lambda: seen.append("confirmed"))
    button.sig_cancelled.connect(lambda: seen.append("cancelled"))
    return button, clock, seen


# --- the panic button -----------------------------------------------------------------------


def test_released_early_the_panic_button_sends_nothing(qtbot: QtBot) -> None:
    button, clock, seen = panic_button(qtbot)
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    clock.ms = 1200
    button.tick()
    assert button.holding
    assert 0.55 < button.progress < 0.65
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    assert seen == ["cancelled"]
    assert not button.holding
    assert button.progress == 0.0


def test_held_to_the_end_the_panic_button_fires_once(qtbot: QtBot) -> None:
    button, clock, seen = panic_button(qtbot)
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    clock.ms = 2000
    button.tick()
    button.tick()  # a further tick while still held does not fire again
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    assert seen == ["confirmed"]


def test_a_release_after_the_full_time_between_ticks_still_fires(qtbot: QtBot) -> None:
    button, clock, seen = panic_button(qtbot)
    qtbot.mousePress(button, Qt.MouseButton.LeftButton)
    clock.ms = 2500
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    assert seen == ["confirmed"]


def test_the_panic_button_held_with_the_space_bar(qtbot: QtBot) -> None:
    button, clock, seen = panic_button(qtbot)
    button.setFocus()
    qtbot.keyPress(button, Qt.Key.Key_Space)
    clock.ms = 800
    qtbot.keyRelease(button, Qt.Key.Key_Space)
    assert seen == ["cancelled"]
    qtbot.keyPress(button, Qt.Key.Key_Space)
    clock.ms = 3000
    button.tick()
    assert seen == ["cancelled", "confirmed"]


def test_sliding_off_the_panic_button_cancels(qtbot: QtBot) -> None:
    button, clock, seen = panic_button(qtbot)
    qtbot.mousePress(button, Qt.MouseButton.LeftButton, pos=QPoint(150, 150))
    clock.ms = 500
    outside = QPointF(600, 600)
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        outside,
        button.mapToGlobal(outside),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(button, move)
    assert seen == ["cancelled"]
    clock.ms = 3000
    button.tick()
    assert "confirmed" not in seen


def test_a_disabled_panic_button_does_not_start(qtbot: QtBot) -> None:
    button, clock, seen = panic_button(qtbot)
    button.setEnabled(False)
    button.begin()  # what a press would do (Qt gives a disabled widget no mouse events)
    clock.ms = 3000
    button.tick()
    assert seen == []


# --- the link banner ------------------------------------------------------------------------


def banner(qtbot: QtBot) -> StationLinkBanner:
    b = StationLinkBanner(ZONE)
    qtbot.addWidget(b)
    b._now = lambda: T0 + timedelta(minutes=30)  # the same local day as T0
    return b


def test_banner_online_with_entries_waiting(qtbot: QtBot) -> None:
    b = banner(qtbot)
    b.set_link(StationLink(LinkState.ONLINE, T0, clock_skew_s=4.0, waiting=2))
    assert b.text() == "Connected to the centre. 2 waiting to send."
    assert b.objectName() == "stationLinkOnline"


def test_banner_offline_since_and_clock_fast(qtbot: QtBot) -> None:
    b = banner(qtbot)
    b.set_link(StationLink(LinkState.OFFLINE, T0, clock_skew_s=3720.0, waiting=3))
    assert b.objectName() == "stationLinkOffline"
    assert b.texts(b.link()) == [
        "No link to the centre since 14:02. Keep working: entries wait here and are sent once "
        "the link is back.",
        "3 waiting to send.",
        "This PC's clock is 1 h 02 min fast; the server's time is used.",
    ]


def test_banner_clock_slow_and_small_skews_unsaid(qtbot: QtBot) -> None:
    b = banner(qtbot)
    slow = b.texts(StationLink(LinkState.ONLINE, T0, clock_skew_s=-300.0))
    assert slow[-1] == "This PC's clock is 5 min slow; the server's time is used."
    assert b.texts(StationLink(LinkState.ONLINE, T0, clock_skew_s=-59.0)) == [
        "Connected to the centre."
    ]


def test_banner_before_the_first_contact_says_connecting(qtbot: QtBot) -> None:
    b = banner(qtbot)
    b.set_link(StationLink(LinkState.OFFLINE, None, waiting=1))
    assert b.text() == "Connecting to the centre… 1 waiting to send."
    assert b.objectName() == "stationLinkConnecting"


def test_banner_offline_since_another_day_shows_the_date(qtbot: QtBot) -> None:
    b = banner(qtbot)
    lines = b.texts(StationLink(LinkState.OFFLINE, T0 - timedelta(days=1)))
    assert lines[0].startswith("No link to the centre since 11-29 14:02.")


# --- the outbox -----------------------------------------------------------------------------


def item(n: int, state: SendState, **kw: object) -> OutboxItem:
    return OutboxItem(
        uuid=f"u{n}",
        kind=EntryKind.NOTE if state is SendState.CONFLICT else EntryKind.REQUEST,
        summary=f"entry {n}",
        created_at=T0 + timedelta(minutes=n),
        state=state,
        **kw,  # type: ignore[arg-type]
    )


def test_outbox_lists_each_state_newest_first(qtbot: QtBot) -> None:
    w = StationOutboxWidget(ZONE)
    qtbot.addWidget(w)
    w.set_items(
        [
            item(1, SendState.SENT, server_ref="incident:42"),
            item(2, SendState.WAITING, attempts=3),
            item(3, SendState.REFUSED, detail="no longer allowed"),
            item(4, SendState.CONFLICT, detail="the incident was closed at the centre"),
        ]
    )
    texts = w.row_texts()
    assert texts[0].splitlines() == [
        "Conflict: decide · Note · 11-30 14:06",
        "The centre changed this incident meanwhile: decide below.",
    ]
    assert w.list.item(0).toolTip() == "entry 4\nthe incident was closed at the centre"
    assert texts[1].startswith("Refused by the centre")
    assert texts[2].splitlines() == [
        "Waiting to send · Request · 11-30 14:04",
        "Kept on this PC; sent once the link is back. Tried 3 times.",
    ]
    assert texts[3].splitlines()[1] == "At the centre as incident 42"
    colours = [w.list.item(i).background().color() for i in range(4)]
    assert colours == [
        STATE_COLOURS[SendState.CONFLICT],
        STATE_COLOURS[SendState.REFUSED],
        STATE_COLOURS[SendState.WAITING],
        STATE_COLOURS[SendState.SENT],
    ]


def test_an_empty_outbox_says_what_will_appear_in_it(qtbot: QtBot) -> None:
    w = StationOutboxWidget(ZONE)
    qtbot.addWidget(w)
    w.show()
    assert w.stack.currentWidget() is w.empty
    assert w.empty.title() == "Nothing sent from this station yet"
    w.set_items([item(1, SendState.WAITING)])
    assert w.stack.currentWidget() is w.list
    w.set_items([])
    assert w.stack.currentWidget() is w.empty


def test_outbox_decides_only_a_selected_conflict(qtbot: QtBot) -> None:
    w = StationOutboxWidget(ZONE)
    qtbot.addWidget(w)
    w.show()
    w.set_items([item(1, SendState.WAITING), item(2, SendState.CONFLICT)])
    asked: list[tuple[str, bool]] = []
    w.sig_decide_requested.connect(lambda u, a: asked.append((u, a)))
    assert w.select("u1")
    assert not w.apply.isEnabled()
    assert not w.discard.isEnabled()
    assert w.select("u2")
    assert w.apply.isEnabled()
    assert w.discard.isEnabled()
    qtbot.mouseClick(w.discard, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(w.apply, Qt.MouseButton.LeftButton)
    assert asked == [("u2", False), ("u2", True)]


def test_outbox_without_conflicts_hides_the_decision_buttons(qtbot: QtBot) -> None:
    w = StationOutboxWidget(ZONE)
    qtbot.addWidget(w)
    w.show()
    w.set_items([item(1, SendState.WAITING)])
    assert not w.apply.isVisible()
    assert not w.conflict_help.isVisible()


# What each kind of entry becomes at the centre (data/services/station.py): a new kind needs
# its words and its reference here, or the next test fails.
REFS: dict[EntryKind, tuple[str, str]] = {
    EntryKind.PANIC: ("incident:5", "incident 5"),
    EntryKind.REQUEST: ("ticket:7", "service ticket 7"),
    EntryKind.NOTE: ("incident:5", "incident 5"),
    EntryKind.SURVEY: ("survey:R2026", "survey round R2026"),
    EntryKind.ORDER: ("order:17", "order 17"),
}


def test_every_kind_of_entry_is_shown_in_words_with_what_it_became(qtbot: QtBot) -> None:
    assert set(REFS) == set(EntryKind)
    w = StationOutboxWidget(ZONE)
    qtbot.addWidget(w)
    w.show()
    for kind in EntryKind:
        assert w.kind_text(kind) not in ("", kind.value), kind
        assert w.ref_text(REFS[kind][0]) == REFS[kind][1]
    sent = [
        OutboxItem(
            f"u{n}",
            kind,
            f"entry {n}",
            T0 + timedelta(minutes=n),
            SendState.SENT,
            server_ref=REFS[kind][0],
        )
        for n, kind in enumerate(EntryKind)
    ]
    w.set_items(sent)
    assert w.stack.currentWidget() is w.list
    texts = w.row_texts()
    assert len(texts) == len(EntryKind)
    assert texts[0].splitlines() == ["Sent · Order · 11-30 14:06", "At the centre as order 17"]


def test_an_order_does_not_hide_the_rest_of_the_outbox(qtbot: QtBot) -> None:
    w = StationOutboxWidget(ZONE)
    qtbot.addWidget(w)
    w.show()
    order = OutboxItem(
        "o1", EntryKind.ORDER, "order, 2 lines", T0 + timedelta(minutes=9), SendState.WAITING
    )
    w.set_items([item(1, SendState.REFUSED), order, item(2, SendState.CONFLICT)])
    assert w.stack.currentWidget() is w.list
    assert [i.uuid for i in w.items()] == ["o1", "u2", "u1"]
    assert w.row_texts()[0].startswith("Waiting to send · Order · 11-30 14:11")
    assert w.counts()[SendState.CONFLICT] == 1
    assert w.apply.isVisibleTo(w)


def test_an_entry_that_cannot_be_put_in_words_hides_nothing_and_retranslates(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = StationOutboxWidget(ZONE)
    qtbot.addWidget(w)
    w.show()
    real = w._text

    def words(entry: OutboxItem) -> str:
        if entry.uuid == "u2":
            raise KeyError(entry.kind)
        return real(entry)

    monkeypatch.setattr(w, "_text", words)
    w.set_items(
        [
            item(1, SendState.SENT, server_ref="incident:4"),
            item(2, SendState.WAITING),
            item(3, SendState.REFUSED),
        ]
    )
    assert w.stack.currentWidget() is w.list
    texts = w.row_texts()
    assert len(texts) == 3
    assert texts[1] == "waiting · request · entry 2"
    # A language change goes through every row, the odd one included, and on to the buttons.
    w.apply.setText("")
    QApplication.sendEvent(w, QEvent(QEvent.Type.LanguageChange))
    assert w.apply.text() == "Apply anyway…"
    assert w.row_texts() == texts


def test_a_language_change_after_a_shorter_list_leaves_no_row_behind(qtbot: QtBot) -> None:
    w = StationOutboxWidget(ZONE)
    qtbot.addWidget(w)
    w.set_items([item(1, SendState.WAITING), item(2, SendState.SENT, server_ref="order:3")])
    w.list.takeItem(0)  # rows and entries out of step: retranslating must not stop partway
    w.discard.setText("")
    w.retranslate()
    assert w.discard.text() == "Discard…"
    assert w.row_texts() == [
        "Waiting to send · Request · 11-30 14:03\nKept on this PC; sent once the link is back."
    ]


# --- intake ---------------------------------------------------------------------------------

TYPES = [
    IncidentTypeRow("FIRE", "Fire", Priority.P1, timedelta(), timedelta(), (), ()),
    IncidentTypeRow("NOISE", "Noise", Priority.P3, timedelta(), timedelta(), (), ()),
]


def resident(rid: int) -> ResidentRow:
    return ResidentRow(
        id=rid,
        community="C01",
        community_name="C01 community",
        name="张*",
        gender="",
        birth="1950",
        id_number="120106********1234",
        phone="138****5678",
        address="",
        minor=False,
        care_needed=None,
        care=None,
    )


def intake(qtbot: QtBot) -> tuple[StationIntakeWidget, list[IntakeForm]]:
    w = StationIntakeWidget(ZONE)
    qtbot.addWidget(w)
    w.show()
    w.set_types(TYPES)
    sent: list[IntakeForm] = []
    w.sig_submitted.connect(sent.append)
    return w, sent


def test_intake_refuses_a_request_without_a_description_or_a_person(qtbot: QtBot) -> None:
    w, sent = intake(qtbot)
    # No category is taken by default (the first one, a P1, was: every hurried request
    # reached the control room as an elderly person's emergency).
    assert w.category.currentIndex() == -1
    assert w.category.placeholderText() == "Choose a category…"
    qtbot.mouseClick(w.submit, Qt.MouseButton.LeftButton)
    assert sent == []
    assert w.error.text() == "Choose a category."
    assert w.select_category(TYPES[-1].code)
    qtbot.mouseClick(w.submit, Qt.MouseButton.LeftButton)
    assert sent == []
    assert w.error.text() == "Say what the resident needs."
    w.description.setPlainText("Water leaking from the flat above")
    qtbot.mouseClick(w.submit, Qt.MouseButton.LeftButton)
    assert sent == []
    assert w.error.text() == "Choose the resident, or type the caller's name or phone."


def test_intake_sends_a_ticket_for_a_chosen_resident(qtbot: QtBot) -> None:
    w, sent = intake(qtbot)
    chosen: list[int] = []
    w.sig_resident_chosen.connect(chosen.append)
    w.set_results([resident(7), resident(9)], total=2)
    assert w.result_texts()[0] == "张* · 1950 · 120106********1234 · 138****5678"
    assert w.choose(9)
    assert chosen == [9]
    w.set_contacts(9, [ContactRow(ContactKind.CALL, "call:3", T0, "inbound", "open")])
    assert w.contact_texts() == ["2026-11-30 14:02 · Call from the resident"]
    qtbot.mouseClick(w.as_ticket, Qt.MouseButton.LeftButton)
    assert w.select_category("repair")
    w.description.setPlainText("The stair light is out")
    w.set_photo("/tmp/stairs.jpg")
    qtbot.mouseClick(w.submit, Qt.MouseButton.LeftButton)
    assert sent == [
        IntakeForm(
            target=RequestTarget.TICKET,
            category="repair",
            description="The stair light is out",
            resident_id=9,
            caller_name="",
            caller_phone="",
            photo_path="/tmp/stairs.jpg",
        )
    ]


def test_intake_contacts_of_another_resident_are_ignored(qtbot: QtBot) -> None:
    w, _ = intake(qtbot)
    w.set_results([resident(7), resident(9)], total=2)
    w.choose(7)
    w.set_contacts(9, [ContactRow(ContactKind.CALL, "call:3", T0, "inbound", "open")])
    assert w.contact_texts() == []  # still being read for resident 7
    w.set_contacts(7, [])
    assert w.contact_texts() == ["No contacts with the street in this community yet."]


def test_the_station_screen_counts_the_outbox_in_its_tab(qtbot: QtBot) -> None:
    screen = StationScreen(ZONE)
    qtbot.addWidget(screen)
    screen.set_outbox_counts({**dict.fromkeys(SendState, 0), SendState.WAITING: 2})
    assert screen.tabs.tabText(1) == "Outbox (2 waiting)"
    screen.set_outbox_counts(
        {**dict.fromkeys(SendState, 0), SendState.WAITING: 1, SendState.CONFLICT: 1}
    )
    assert screen.tabs.tabText(1) == "Outbox (1 waiting, 1 to decide)"


def test_touch_targets_are_at_least_48_px(qtbot: QtBot) -> None:
    screen = StationScreen(ZONE)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    qtbot.waitExposed(screen)
    small = [
        b.text()
        for b in (
            screen.intake.submit,
            screen.intake.find_button,
            screen.intake.as_incident,
            screen.intake.as_ticket,
            screen.intake.photo_button,
        )
        if b.height() < 48
    ]
    assert small == []
    assert screen.panic.height() >= 200


# --- the control room's stations list ---------------------------------------------------------


def test_stations_panel_lists_offline_stations_first_and_highlighted(qtbot: QtBot) -> None:
    panel = StationsPanel(ZONE)
    qtbot.addWidget(panel)
    panel.set_community_names({"C01": "North", "C02": "South"})
    panel.set_stations(
        [
            StationSeen("WS01", "C01", T0, True, clock_skew_s=2.0, waiting=0),
            StationSeen(
                "WS02", "C02", T0 - timedelta(hours=2), False, clock_skew_s=3720.0, waiting=5
            ),
            StationSeen("WS03", "C03", None, False),
        ]
    )
    model = panel.model
    assert [r.workstation for r in model.rows()] == ["WS02", "WS03", "WS01"]
    assert [r.workstation for r in panel.offline()] == ["WS02", "WS03"]
    assert panel.summary.text() == "2 of 3 stations offline."
    state = model.column_index("state")
    assert model.index(1, state).data() == "● Never heard from"
    assert model.index(0, state).data() == "● Offline since 2026-11-30 12:02:00"
    assert model.index(2, state).data() == "● Online"
    assert model.index(0, model.column_index("community")).data() == "South"
    assert model.index(0, model.column_index("skew")).data() == "1 h 02 min fast"
    assert model.index(1, model.column_index("skew")).data() == "—"
    assert model.index(2, model.column_index("skew")).data() == "OK"
    assert model.index(0, model.column_index("waiting")).data() == "5"
    bg = Qt.ItemDataRole.BackgroundRole
    for row in (0, 1):
        for col in range(model.columnCount()):
            colour = model.index(row, col).data(bg)
            assert QBrush(colour).color() == OFFLINE_BACKGROUND
    assert model.index(2, state).data(bg) is None
    # In a narrow pane no column is cut below its title or its widest text: it scrolls.
    panel.resize(420, 300)
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.table.horizontalHeader()
    for col in range(model.columnCount()):
        assert header.sectionSize(col) >= header.sectionSizeHint(col), col
        assert header.sectionSize(col) >= panel.table.sizeHintForColumn(col), col
    assert panel.table.horizontalScrollBar().maximum() > 0


def test_the_search_says_what_it_found_under_its_results_and_a_reset_forgets_the_category(
    qtbot: QtBot,
) -> None:
    w, _sent = intake(qtbot)
    w.set_results([resident(7), resident(9)], total=40)
    assert w.search_note.text() == "2 of 40 shown: type more of the name."
    assert w.search_note.isVisible()
    assert w.error.text() == ""  # the form's own problems have their own place
    assert w.select_category("NOISE")
    w.reset()
    assert not w.search_note.isVisible()
    assert w.category.currentIndex() == -1


def test_todays_lines_that_need_attention_stay_readable_on_the_dark_theme(qtbot: QtBot) -> None:
    # They were light pink under the theme's light text: the late deliveries could not be read.
    from core.station_today import TodayItem, TodayKind
    from widgets.station_today import StationTodayWidget

    w = StationTodayWidget()
    qtbot.addWidget(w)
    late = TodayItem(
        TodayKind.DELIVERY, 1, "09:00–11:00", "王*", "刘浩然", "failed", "邻里五金店", True
    )
    w.model.set_rows([late, replace(late, ref=2, attention=False)])
    qss = (resources_dir() / "qss" / "dark.qss").read_text(encoding="utf-8")
    found = re.search(r"QWidget \{[^}]*[^-]color: (#[0-9a-f]{6})", qss)
    assert found is not None
    text = QColor(found[1])  # the theme's text
    for col in range(w.model.columnCount()):
        brush = w.model.index(0, col).data(Qt.ItemDataRole.BackgroundRole)
        assert brush is not None
        background = QBrush(brush).color()
        assert abs(text.lightnessF() - background.lightnessF()) > 0.5, col
        assert w.model.index(1, col).data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_part_of_a_phone_number_that_finds_nobody_says_why(qtbot: QtBot) -> None:
    w, _sent = intake(qtbot)
    assert w.search.placeholderText() == "Name, whole phone number or identity number"
    w.search.setText("5678")
    w.set_results([], 0)
    assert w.search_note.text().startswith("Phones are found by the whole number. Nobody")
    for nobody in ("13800005678", "王秀"):  # a whole number, a name: no word about parts
        w.search.setText(nobody)
        w.set_results([], 0)
        assert w.search_note.text().startswith("Nobody of this community matches")
