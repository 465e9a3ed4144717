"""IncidentDetailDialog on its own: fixed step buttons, shortcuts, focus, notes, plain text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from core.incidents import IncidentState, allowed_targets
from core.model import IncidentSource, Priority
from core.views import IncidentDetail, IncidentEventRow, IncidentRow
from widgets.incident_detail import IncidentDetailDialog

S = IncidentState
T0 = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)

# Step → its shortcut key (all with Ctrl+Shift); None is the reopen button.
SHORTCUTS: dict[S | None, Qt.Key] = {
    S.ACKNOWLEDGED: Qt.Key.Key_A,
    S.DISPATCHED: Qt.Key.Key_D,
    S.ON_SCENE: Qt.Key.Key_S,
    S.RESOLVED: Qt.Key.Key_R,
    S.CLOSED: Qt.Key.Key_C,
    None: Qt.Key.Key_O,
}
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _detail(
    state: S, iid: int = 7, title: str = "老人走失", events: tuple[IncidentEventRow, ...] = ()
) -> IncidentDetail:
    row = IncidentRow(
        id=iid, title=title, priority=Priority.P2, state=state, source=IncidentSource.MANUAL,
        community="C01", community_name="咸阳北里社区", location="", created_at=T0,
        updated_at=T0, claimed_by=None,
    )  # fmt: skip
    created = IncidentEventRow(T0, "created", None, S.NEW, "", "值班员 李静", "CC")
    return IncidentDetail(row, "家属来电", (created, *events))


@pytest.fixture
def dlg(qtbot: QtBot) -> IncidentDetailDialog:
    d = IncidentDetailDialog("Asia/Shanghai")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    return d


def _steps(dlg: IncidentDetailDialog) -> list[QPushButton]:
    return [*dlg.buttons.values(), dlg.reopen]


def _button(dlg: IncidentDetailDialog, target: S | None) -> QPushButton:
    return dlg.reopen if target is None else dlg.buttons[target]


def _enabled(dlg: IncidentDetailDialog) -> set[S | None]:
    return {t for t in SHORTCUTS if _button(dlg, t).isEnabled()}


def test_every_step_is_shown_and_only_the_allowed_ones_are_enabled(
    dlg: IncidentDetailDialog,
) -> None:
    dlg.set_detail(_detail(S.NEW), [S.ACKNOWLEDGED, S.RESOLVED])
    assert all(b.isVisible() for b in [*_steps(dlg), dlg.close_button])
    assert _enabled(dlg) == {S.ACKNOWLEDGED, S.RESOLVED}
    assert dlg.reported.text() == "2026-11-25 09:00:00"  # UTC 01:00 shown in Beijing time

    # From closed, going back to acknowledged is a reopen: its own button, not "Acknowledge".
    dlg.set_detail(_detail(S.CLOSED), [S.ACKNOWLEDGED])
    assert all(b.isVisible() for b in _steps(dlg))
    assert _enabled(dlg) == {None}


def test_step_buttons_never_move(dlg: IncidentDetailDialog, qtbot: QtBot) -> None:
    """Regression: the next step always sat in the first slot, so three clicks on one spot
    took a P2 from acknowledged to resolved."""
    places: list[list[tuple[QPoint, int]]] = []
    for state in S:
        dlg.set_detail(_detail(state), allowed_targets(state))
        QApplication.processEvents()  # let the layout settle
        places.append([(b.geometry().topLeft(), dlg.button_row.indexOf(b)) for b in _steps(dlg)])
        assert all(b.isVisible() for b in _steps(dlg)), state
    assert all(p == places[0] for p in places)
    assert sorted(i for _, i in places[0]) == [i for _, i in places[0]], "lifecycle order"


def test_each_step_has_its_shortcut_shown(dlg: IncidentDetailDialog) -> None:
    keys = {sc.key().toString() for sc in dlg.findChildren(QShortcut)}
    steps = {f"Ctrl+Shift+{chr(key)}" for key in SHORTCUTS.values()}
    # take over, edit, hold, merge a duplicate, add an attachment
    assert keys == steps | {"Ctrl+Shift+T", "F2", "Ctrl+Shift+H", "Ctrl+Shift+M", "Ctrl+Shift+I"}
    assert "Ctrl+Shift+T" in dlg.take_over.toolTip()
    for target, key in SHORTCUTS.items():
        assert f"Ctrl+Shift+{chr(key)}" in _button(dlg, target).toolTip()


@pytest.mark.parametrize("target", list(SHORTCUTS))
def test_a_shortcut_takes_its_step_from_the_note(
    dlg: IncidentDetailDialog, qtbot: QtBot, target: S | None
) -> None:
    state = {S.ACKNOWLEDGED: S.NEW, S.DISPATCHED: S.ACKNOWLEDGED, S.ON_SCENE: S.DISPATCHED,
             S.RESOLVED: S.ON_SCENE, S.CLOSED: S.RESOLVED, None: S.CLOSED}[target]  # fmt: skip
    dlg.set_detail(_detail(state), allowed_targets(state))
    qtbot.keyClicks(dlg.note, "called back")  # QTest types ASCII only
    assert QApplication.focusWidget() is dlg.note
    with qtbot.waitSignal(dlg.sig_transition_requested) as sig:
        qtbot.keyClick(dlg.note, SHORTCUTS[target], CTRL_SHIFT)
    expected = S.ACKNOWLEDGED if target is None else target
    assert sig.args == [7, expected.value, "called back"]
    assert _enabled(dlg) == set(), "every step waits for the result"


def test_disabled_steps_do_nothing_by_click_or_shortcut(
    dlg: IncidentDetailDialog, qtbot: QtBot
) -> None:
    dlg.set_detail(_detail(S.NEW), [S.ACKNOWLEDGED])  # e.g. no permission to resolve
    dlg.note.setText("已处理")
    with qtbot.assertNotEmitted(dlg.sig_transition_requested):
        for target, key in SHORTCUTS.items():
            if target is S.ACKNOWLEDGED:
                continue
            qtbot.mouseClick(_button(dlg, target), Qt.MouseButton.LeftButton)
            qtbot.keyClick(dlg.note, key, CTRL_SHIFT)
            qtbot.keyClick(dlg, key, CTRL_SHIFT)
    assert dlg.note.text() == "已处理"


def test_enter_in_the_note_takes_no_step(dlg: IncidentDetailDialog, qtbot: QtBot) -> None:
    dlg.set_detail(_detail(S.NEW), [S.ACKNOWLEDGED, S.RESOLVED])
    with qtbot.assertNotEmitted(dlg.sig_transition_requested):
        qtbot.keyClicks(dlg.note, "called the family")
        qtbot.keyClick(dlg.note, Qt.Key.Key_Return)
    assert dlg.isVisible()


def test_resolving_needs_a_note(dlg: IncidentDetailDialog, qtbot: QtBot) -> None:
    dlg.set_detail(_detail(S.ACKNOWLEDGED), [S.DISPATCHED, S.RESOLVED])
    dlg.note.setText("   ")
    with qtbot.assertNotEmitted(dlg.sig_transition_requested):
        qtbot.mouseClick(dlg.buttons[S.RESOLVED], Qt.MouseButton.LeftButton)
        qtbot.keyClick(dlg.note, Qt.Key.Key_R, CTRL_SHIFT)
    assert dlg.error.text() == "Write what was done in the note before resolving."
    assert QApplication.focusWidget() is dlg.note
    assert dlg.buttons[S.RESOLVED].isEnabled()

    dlg.note.setText("已找到老人，送回家中")
    got: list[tuple[int, str, str]] = []
    dlg.sig_transition_requested.connect(lambda *args: got.append(args))
    for _ in range(3):  # the triple click of the bug report
        qtbot.mouseClick(dlg.buttons[S.RESOLVED], Qt.MouseButton.LeftButton)
        qtbot.keyClick(dlg.note, Qt.Key.Key_R, CTRL_SHIFT)
    assert got == [(7, "resolved", "已找到老人，送回家中")]
    assert dlg.error.text() == ""


def test_reopening_needs_a_reason(dlg: IncidentDetailDialog, qtbot: QtBot) -> None:
    dlg.set_detail(_detail(S.RESOLVED), allowed_targets(S.RESOLVED))
    with qtbot.assertNotEmitted(dlg.sig_transition_requested):
        qtbot.keyClick(dlg.note, Qt.Key.Key_O, CTRL_SHIFT)
    assert dlg.error.text() == "Write the reason for reopening in the note."
    assert QApplication.focusWidget() is dlg.note


def test_a_step_is_requested_with_its_note_and_the_view_waits(
    dlg: IncidentDetailDialog, qtbot: QtBot
) -> None:
    dlg.set_detail(_detail(S.NEW), [S.ACKNOWLEDGED, S.RESOLVED])
    dlg.note.setText("已电话联系家属")
    with qtbot.waitSignal(dlg.sig_transition_requested) as sig:
        qtbot.mouseClick(dlg.buttons[S.RESOLVED], Qt.MouseButton.LeftButton)
    assert sig.args == [7, "resolved", "已电话联系家属"]
    assert not any(b.isEnabled() for b in _steps(dlg)), "no second step while saving"

    dlg.show_error("refused")
    assert _enabled(dlg) == {S.ACKNOWLEDGED, S.RESOLVED}
    assert QApplication.focusWidget() is dlg.note, "back to the note after a refusal"
    dlg.set_detail(_detail(S.ACKNOWLEDGED), [S.DISPATCHED, S.RESOLVED])  # a refresh
    assert dlg.error.text() == "refused", "a refresh of the same incident keeps the reason"
    assert dlg.note.text() == "已电话联系家属"

    qtbot.mouseClick(dlg.buttons[S.DISPATCHED], Qt.MouseButton.LeftButton)
    dlg.step_done()
    assert (dlg.note.text(), dlg.error.text()) == ("", "")
    assert _enabled(dlg) == set(), "the old steps are stale until the new state arrives"
    dlg.set_detail(_detail(S.DISPATCHED), [S.ON_SCENE, S.RESOLVED])
    assert _enabled(dlg) == {S.ON_SCENE, S.RESOLVED}

    dlg.note.setText("draft")
    dlg.set_detail(_detail(S.NEW, iid=8), [S.ACKNOWLEDGED])
    assert dlg.note.text() == "", "another incident starts clean"


def test_the_note_has_the_focus_when_an_incident_is_shown(
    dlg: IncidentDetailDialog, qtbot: QtBot
) -> None:
    """Regression: the timeline had the focus and a typed note went into its type-ahead."""
    dlg.set_detail(_detail(S.NEW), [S.ACKNOWLEDGED])
    dlg.timeline.setFocus()
    dlg.set_detail(_detail(S.NEW, iid=8), [S.ACKNOWLEDGED])  # another incident
    assert QApplication.focusWidget() is dlg.note

    dlg.timeline.setFocus()
    dlg.hide()
    assert dlg.focusWidget() is dlg.timeline
    dlg.show()
    qtbot.waitExposed(dlg)
    # The offscreen platform does not activate a window shown again; the dialog's focus
    # widget is the one that receives the keys when it is activated.
    assert dlg.focusWidget() is dlg.note
    qtbot.keyClicks(dlg.focusWidget(), "family here")
    assert dlg.note.text() == "family here"


def test_a_new_window_starts_in_the_note(qtbot: QtBot) -> None:
    """The presenter's order: construct, set_detail, show."""
    d = IncidentDetailDialog()
    qtbot.addWidget(d)
    d.set_detail(_detail(S.NEW), [S.ACKNOWLEDGED])
    d.show()
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    assert QApplication.focusWidget() is d.note


def test_the_timeline_reads_a_reopen_as_a_reopen(dlg: IncidentDetailDialog) -> None:
    events = (
        IncidentEventRow(T0, "transition", S.NEW, S.RESOLVED, "已处理", "李静", "CC"),
        IncidentEventRow(T0, "transition", S.RESOLVED, S.ACKNOWLEDGED, "仍未找回", "王建国", "CC"),
    )
    dlg.set_detail(_detail(S.ACKNOWLEDGED, events=events), [S.DISPATCHED])
    changes = [dlg.timeline.topLevelItem(i).text(1) for i in range(3)]
    assert changes == ["Reported", "New → Resolved", "Reopened"]
    assert dlg.timeline.topLevelItem(2).text(3) == "仍未找回"


def test_user_text_is_shown_as_plain_text(dlg: IncidentDetailDialog) -> None:
    hostile = '<img src=x onerror=alert(1)><b>bold</b> & "quoted"'
    detail = _detail(S.NEW, title=hostile)
    dlg.set_detail(IncidentDetail(detail.row, hostile, detail.events), [S.ACKNOWLEDGED])
    for label in (dlg.heading, dlg.community, dlg.location, dlg.error):
        assert label.textFormat() is Qt.TextFormat.PlainText
    assert dlg.heading.text() == f"#7  {hostile}"
    assert dlg.heading.wordWrap()
    # The description is a plain-text view: its text is never parsed as HTML.
    assert dlg.description.toPlainText() == hostile
    assert dlg.description.lineWrapMode() is QPlainTextEdit.LineWrapMode.WidgetWidth


def test_a_typed_incident_is_resolved_with_one_of_its_dispositions(
    dlg: IncidentDetailDialog, qtbot: QtBot
) -> None:
    endings = ("已找到，送回家中", "移交派出所")
    dlg.set_detail(_detail(S.ON_SCENE), [S.RESOLVED], type_name="走失", dispositions=endings)
    assert dlg.kind.text() == "走失"
    assert dlg.disposition.isVisible()
    assert [dlg.disposition.itemData(i) for i in range(dlg.disposition.count())][1:] == list(
        endings
    )
    dlg.note.setText("在公交站找到")
    with qtbot.assertNotEmitted(dlg.sig_transition_requested):
        qtbot.mouseClick(dlg.buttons[S.RESOLVED], Qt.MouseButton.LeftButton)
    assert dlg.error.text() == "Choose how it ended before resolving."
    dlg.disposition.setCurrentIndex(1)
    with qtbot.waitSignal(dlg.sig_transition_requested) as sent:
        qtbot.mouseClick(dlg.buttons[S.RESOLVED], Qt.MouseButton.LeftButton)
    assert sent.args == [7, "resolved", "在公交站找到"]
    assert dlg.chosen() == "已找到，送回家中"


def test_an_untyped_incident_asks_for_no_disposition(dlg: IncidentDetailDialog) -> None:
    dlg.set_detail(_detail(S.ON_SCENE), [S.RESOLVED])
    assert not dlg.disposition.isVisible()
    assert dlg.chosen() == ""


def test_take_over_is_offered_only_when_allowed(dlg: IncidentDetailDialog, qtbot: QtBot) -> None:
    dlg.set_detail(_detail(S.ACKNOWLEDGED), [S.DISPATCHED, S.RESOLVED])
    assert dlg.take_over.isVisible()
    assert not dlg.take_over.isEnabled()
    with qtbot.assertNotEmitted(dlg.sig_take_over_requested):
        qtbot.keyClick(dlg.note, Qt.Key.Key_T, CTRL_SHIFT)
    dlg.set_detail(_detail(S.ACKNOWLEDGED), [S.DISPATCHED, S.RESOLVED], take_over=True)
    assert dlg.take_over.isEnabled()
    with qtbot.waitSignal(dlg.sig_take_over_requested) as sent:
        qtbot.keyClick(dlg.note, Qt.Key.Key_T, CTRL_SHIFT)
    assert sent.args == [7]
    assert not dlg.take_over.isEnabled(), "one request at a time"


def test_a_take_over_reads_as_such_on_the_timeline(dlg: IncidentDetailDialog) -> None:
    claimed = IncidentEventRow(T0, "claimed", None, None, "李静", "王建国", "WS02")
    dlg.set_detail(_detail(S.ACKNOWLEDGED, events=(claimed,)), [])
    item = dlg.timeline.topLevelItem(1)
    assert (item.text(1), item.text(3)) == ("Taken over", "from 李静")


TRACKING_DESCRIPTION = "\n".join(
    [
        "布防车辆移动：移动了 50 米",
        "车主：朱永刚 · 丰盈里前街36号4门303",
        "关照：独居、慢性病",
        "紧急联系人：朱明轩（子女）13189829142",
        "照片：未存档",
        "标签：013800000052（车辆） 津B00052",
        "最近位置：2026-12-02 09:27:46 坐标 (2484, 317)；2026-12-02 09:27:56 坐标 (2435, 329)",
        "附近摄像机：CAM15 长征里便民市场（577 米），CAM06 红旗路与芥园道交口（658 米），"
        "CAM09 长征路与光荣道交口（672 米）",
    ]
)


def test_a_long_description_scrolls_and_leaves_the_timeline_its_rows(
    dlg: IncidentDetailDialog,
) -> None:
    # An eight-line tracking description used to squeeze the timeline to its header.
    dlg.resize(760, 720)
    events = tuple(
        IncidentEventRow(T0, "note", None, None, f"第 {i} 条", "值班员 李静", "CC")
        for i in range(6)
    )
    detail = _detail(S.NEW, events=events)
    # The service writes the description as the report's note too.
    created = IncidentEventRow(T0, "created", None, S.NEW, TRACKING_DESCRIPTION, "", "CC")
    dlg.set_detail(
        IncidentDetail(detail.row, TRACKING_DESCRIPTION, (created, *events)),
        allowed_targets(S.NEW),
    )
    QApplication.processEvents()
    assert dlg.description.toPlainText() == TRACKING_DESCRIPTION
    # ... which the timeline shows as its first line: one entry, one line.
    reported = dlg.timeline.topLevelItem(0)
    assert reported.text(3) == "布防车辆移动：移动了 50 米 …"
    assert reported.toolTip(3) == TRACKING_DESCRIPTION
    assert dlg.description.lines_shown() == 6  # the cap; the rest scrolls
    assert dlg.description.verticalScrollBar().maximum() > 0
    first = dlg.timeline.topLevelItem(0)
    row_height = dlg.timeline.visualItemRect(first).height()
    header = dlg.timeline.header().height()
    assert dlg.timeline.viewport().height() >= 3 * row_height, (header, row_height)
    # A one-line description takes one line.
    dlg.set_detail(_detail(S.NEW), allowed_targets(S.NEW))
    QApplication.processEvents()
    assert dlg.description.lines_shown() == 1
    assert dlg.description.verticalScrollBar().maximum() == 0


def test_on_a_short_screen_the_body_scrolls_and_the_steps_stay_in_view(
    dlg: IncidentDetailDialog,
) -> None:
    # A station's 1366x768 screen: the window's body (details, timeline, tables) scrolls,
    # the note and the steps stay on screen.
    detail = _detail(S.NEW)
    dlg.set_detail(IncidentDetail(detail.row, TRACKING_DESCRIPTION, detail.events), [S.NEW])
    room = dlg.screen().availableGeometry().height()
    assert dlg.height() <= room - 40, "opened no taller than the screen holds"
    dlg.resize(dlg.width(), 480)
    QApplication.processEvents()
    assert dlg.body_scroll.verticalScrollBar().maximum() > 0
    for control in (dlg.note, dlg.close_button, dlg.buttons[S.ACKNOWLEDGED]):
        top_left = control.mapTo(dlg, QPoint(0, 0))
        assert dlg.rect().contains(top_left), control.objectName()
        assert top_left.y() + control.height() <= dlg.height()
    # Tall enough: nothing scrolls, and the timeline takes what is left.
    dlg.resize(dlg.width(), 1000)
    QApplication.processEvents()
    assert dlg.body_scroll.verticalScrollBar().maximum() == 0


def test_every_kind_of_timeline_entry_has_words(dlg: IncidentDetailDialog) -> None:
    # Regression: a tracking rule's later hit read "tracking" in the Change column (and the
    # recorder's, motion's, evidence's and bookmarks' entries their codes) in either language.
    from core.incident_edit import EDIT_KINDS
    from data.services import (
        alarms,
        assignments,
        attachments,
        calls,
        evidence,
        recordings,
        sla,
        tracking,
        video,
    )

    kinds = {
        tracking.KIND_TRACKING,
        video.KIND_MOTION,
        recordings.KIND_RECORDER,
        recordings.KIND_BOOKMARK,
        evidence.KIND_HOLD,
        evidence.KIND_HOLD_RELEASED,
        evidence.KIND_EXPORTED,
        alarms.KIND_ALARM,
        alarms.KIND_RESTORE,
        alarms.KIND_DEVICE_BACK,
        *assignments.EVENT_KIND.values(),
        sla.BREACH_KIND,
        sla.UNANSWERED_KIND,
        attachments.EVENT_KIND,
        calls.LINK_KIND,
        *EDIT_KINDS,
        "note",
        "state",
        "claimed",
        "legal_hold",
        "legal_hold_lifted",
        "merged_into",
        "merged_from",
    }
    events = tuple(
        IncidentEventRow(T0, kind, None, None, "", "李静", "CC") for kind in sorted(kinds)
    )
    dlg.set_detail(_detail(S.ACKNOWLEDGED, events=events), [S.DISPATCHED])
    shown = {dlg.timeline.topLevelItem(i).text(1) for i in range(dlg.timeline.topLevelItemCount())}
    assert len(shown) == len(kinds) + 1  # each its own words, and "Reported"
    assert not shown & kinds


def _notes(n: int) -> tuple[IncidentEventRow, ...]:
    return tuple(
        IncidentEventRow(T0.replace(minute=i + 1), "note", None, None, f"备注 {i}", "李静", "CC")
        for i in range(n)
    )


def _last_shown(dlg: IncidentDetailDialog) -> bool:
    last = dlg.timeline.topLevelItem(dlg.timeline.topLevelItemCount() - 1)
    rect = dlg.timeline.visualItemRect(last)
    return not rect.isEmpty() and dlg.timeline.viewport().rect().contains(rect)


def test_the_timeline_opens_on_its_newest_entries_and_keeps_a_readers_place(
    dlg: IncidentDetailDialog,
) -> None:
    dlg.set_detail(_detail(S.ACKNOWLEDGED, events=_notes(30)), [S.RESOLVED])
    bar = dlg.timeline.verticalScrollBar()
    assert bar.maximum() > 0, "more entries than fit"
    assert _last_shown(dlg), "the newest entry is in view when the incident opens"
    # Another workstation adds an entry while the list is read at its end: it is followed.
    dlg.set_detail(_detail(S.ACKNOWLEDGED, events=_notes(31)), [S.RESOLVED])
    assert _last_shown(dlg)
    # Scrolled up to read an older entry: a new one does not move the list.
    bar.setValue(2)
    dlg.set_detail(_detail(S.ACKNOWLEDGED, events=_notes(32)), [S.RESOLVED])
    assert bar.value() == 2
    # Another incident opens on its own newest entries.
    dlg.set_detail(_detail(S.ACKNOWLEDGED, iid=8, events=_notes(30)), [S.RESOLVED])
    assert _last_shown(dlg)
    # Closed after scrolling up, the same incident opens again on its newest entries.
    bar.setValue(2)
    dlg.hide()
    dlg.show()
    dlg.set_detail(_detail(S.ACKNOWLEDGED, iid=8, events=_notes(30)), [S.RESOLVED])
    assert _last_shown(dlg)
