"""Chinese by default; English and back at run time, without a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.i18n import DEFAULT_LANGUAGE
from console.presenters.employment import EmploymentPresenter
from tests.helpers.consoles import (
    DEVICES_IN_DEMO_SITE,
    SeededSite,
    devices_of,
    incidents_of,
    notifications_of,
    sign_in,
)

N = DEVICES_IN_DEMO_SITE


def _header(app: ConsoleApp, col: str) -> str:
    m = incidents_of(app).queue.model
    return str(
        m.headerData(m.column_index(col), Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    )


def test_chinese_is_the_default(qtbot: QtBot, console: ConsoleApp, seeded: SeededSite) -> None:
    assert DEFAULT_LANGUAGE == "zh_CN"
    assert console.translations.language == "zh_CN"
    dlg = console.session.login_dialog
    assert dlg is not None
    assert dlg.sign_in.text() == "登录"
    assert dlg.language.currentData() == "zh_CN"

    sign_in(qtbot, console, seeded, "admin")
    w = console.window
    assert w.panes["incidents"].dock.windowTitle() == "事件队列"
    assert w.menus["view"].title() == "视图(&V)"
    assert w.act_lang["zh_CN"].isChecked()
    assert _header(console, "priority") == "优先级"
    assert devices_of(console).pane.summary.text() == f"在线 0 · 离线 0 · 未上线 {N}"
    assert incidents_of(console).queue.empty.title() != "No open incidents"


def test_switching_to_english_and_back_is_live(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console, seeded, "operator")
    w = console.window
    dock = w.panes["incidents"].dock
    user_zh = w.st_user.text()

    console.session.set_language("en")

    qtbot.waitUntil(lambda: dock.windowTitle() == "Incident queue")
    assert console.translations.language == "en"
    assert w.menus["view"].title() == "&View"
    assert w.act_lang["en"].isChecked()
    assert not w.act_lang["zh_CN"].isChecked()
    assert _header(console, "priority") == "Priority"
    assert _header(console, "claimed") == "Handled by"
    assert devices_of(console).pane.summary.text() == f"0 online · 0 offline · {N} never seen"
    assert (
        devices_of(console).counts_label.text() == f"Devices: 0 online / 0 offline / {N} never seen"
    )
    assert w.st_user.text() == "李静 · Operator · street-wide"
    assert incidents_of(console).queue.empty.title() == "No open incidents"
    assert w.action("lock").text() == "Lock screen"
    # Columns sized for the Chinese titles grow where an English one no longer fits.
    header = devices_of(console).pane.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(5) >= header.sectionSizeHint(5))
    queue = incidents_of(console).queue.table.horizontalHeader()
    for col in range(queue.count()):
        if (
            not queue.isSectionHidden(col)
            and queue.sectionResizeMode(col) == queue.ResizeMode.Interactive
            and not (queue.stretchLastSection() and queue.visualIndex(col) == queue.count() - 1)
        ):
            assert queue.sectionSize(col) >= queue.sectionSizeHint(col), col

    console.session.set_language("zh_CN")

    qtbot.waitUntil(lambda: dock.windowTitle() == "事件队列")
    assert w.menus["view"].title() == "视图(&V)"
    assert _header(console, "priority") == "优先级"
    assert devices_of(console).pane.summary.text() == f"在线 0 · 离线 0 · 未上线 {N}"
    assert w.st_user.text() == user_zh


def test_language_menu_switches(qtbot: QtBot, console: ConsoleApp, seeded: SeededSite) -> None:
    sign_in(qtbot, console, seeded, "admin")
    w = console.window
    with qtbot.waitSignal(w.sig_language_requested) as sig:
        w.act_lang["en"].trigger()
    assert sig.args == ["en"]
    qtbot.waitUntil(lambda: w.menus["view"].title() == "&View")


def test_login_dialog_follows_the_language(qtbot: QtBot, console: ConsoleApp) -> None:
    dlg = console.session.login_dialog
    assert dlg is not None
    assert dlg.windowTitle() == "登录 — 街道智能总控台"
    assert dlg.sign_in.text() == "登录"

    console.session.set_language("en")
    qtbot.waitUntil(lambda: dlg.sign_in.text() == "Sign in")
    assert dlg.windowTitle() == "Sign in — Street Command Console"
    assert dlg.language.currentData() == "en", "the picker shows the active language"

    # The picker in the dialog asks the controller, which switches everything.
    dlg.language.setCurrentIndex(dlg.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: dlg.sign_in.text() == "登录")
    assert console.translations.language == "zh_CN"
    assert console.window.panes["incidents"].dock.windowTitle() == "事件队列"


def test_error_texts_follow_the_language(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    console.session.set_language("en")
    dlg = console.session.login_dialog
    assert dlg is not None
    dlg.username.setText("admin")
    dlg.password.setText("wrong-password-1")
    dlg.sign_in.click()
    qtbot.waitUntil(lambda: dlg.error.text() != "")
    assert dlg.error.text() == "Wrong user name or password."


def test_missing_translation_falls_back_to_english(
    qtbot: QtBot, console: ConsoleApp, tmp_path: Path
) -> None:
    console.translations.folder = tmp_path  # no .qm files here
    console.session.set_language("zh_CN")
    assert console.translations.language == "en"
    w = console.window
    assert w.act_lang["en"].isChecked()
    assert any("make translations" in t for t in notifications_of(console).pane.texts())
    qtbot.waitUntil(lambda: w.panes["incidents"].dock.windowTitle() == "Incident queue")


def test_the_employment_panes_words_follow_a_switch(
    qtbot: QtBot, console: ConsoleApp, seeded: SeededSite
) -> None:
    # Its counts, figures and empty states were written once as finished strings and stayed
    # Chinese in the English UI.
    sign_in(qtbot, console, seeded, "supervisor")
    p = console.presenter("employment")
    assert isinstance(p, EmploymentPresenter)
    console.window.show_pane("employment")
    qtbot.waitUntil(lambda: p.figures_label.text() != "", timeout=10_000)
    empty = p.seekers_tab.empty
    assert empty.title() == "暂无求职者"
    console.session.set_language("en")
    try:
        qtbot.waitUntil(lambda: empty.title() == "No job seekers yet")
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in p.figures_label.text()[:40])
    finally:
        console.session.set_language("zh_CN")
    qtbot.waitUntil(lambda: empty.title() == "暂无求职者")
