"""LoginDialog and LockScreen on their own: signals out, errors in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from widgets.login import LockScreen, LoginDialog


def test_sign_in_emits_user_and_password(qtbot: QtBot) -> None:
    dlg = LoginDialog("红桥区咸阳北路街道")
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.site_label.text() == "红桥区咸阳北路街道"
    qtbot.keyClicks(dlg.username, "  operator ")
    qtbot.keyClicks(dlg.password, "s3cret pass")
    with qtbot.waitSignal(dlg.sig_login_requested) as sig:
        qtbot.keyClick(dlg.password, Qt.Key.Key_Return)  # Sign in is the default button
    assert sig.args == ["operator", "s3cret pass"]
    assert not dlg.sign_in.isEnabled(), "busy while the password is checked"
    assert dlg.sign_in.text() == "Checking…"

    dlg.show_error("Wrong user name or password.")
    assert dlg.error.text() == "Wrong user name or password."
    assert dlg.sign_in.isEnabled()
    assert dlg.password.text() == ""
    assert dlg.username.text() == "  operator ", "the user name stays"


def test_language_picker_requests_but_set_language_does_not(qtbot: QtBot) -> None:
    dlg = LoginDialog()
    qtbot.addWidget(dlg)
    with qtbot.assertNotEmitted(dlg.sig_language_requested):
        dlg.set_language("en")
    assert dlg.language.currentData() == "en"
    with qtbot.waitSignal(dlg.sig_language_requested) as sig:
        dlg.language.setCurrentIndex(dlg.language.findData("zh_CN"))
    assert sig.args == ["zh_CN"]


def test_lock_screen_covers_and_asks(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    lay = QVBoxLayout(host)
    behind = [QLineEdit(host), QPushButton("acknowledge", host)]
    for w in behind:
        lay.addWidget(w)
    host.resize(640, 480)
    ls = LockScreen(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    assert not ls.isVisible()

    ls.lock("值班员 李静")

    assert ls.isVisible()
    assert ls.geometry() == host.rect()
    assert ls.who.text() == "Signed in: 值班员 李静"
    assert ls.password.hasFocus()
    for _ in range(8):
        focus = QApplication.focusWidget()
        assert focus not in behind, "Tab left the lock screen"
        qtbot.keyClick(focus, Qt.Key.Key_Tab)

    ls.password.setFocus()
    qtbot.keyClicks(ls.password, "pw-12345678")
    with qtbot.waitSignal(ls.sig_unlock_requested) as sig:
        qtbot.keyClick(ls.password, Qt.Key.Key_Return)
    assert sig.args == ["pw-12345678"]
    assert not ls.password.isEnabled()
    ls.show_error("Wrong user name or password.")
    assert ls.password.isEnabled()
    assert ls.password.text() == ""
    with qtbot.waitSignal(ls.sig_sign_out_requested):
        qtbot.mouseClick(ls.sign_out, Qt.MouseButton.LeftButton)


def test_every_field_of_the_sign_in_dialog_is_labelled(qtbot: QtBot) -> None:
    """Regression: the form rows were created with empty labels and never got their text."""
    dlg = LoginDialog("红桥区咸阳北路街道")
    qtbot.addWidget(dlg)
    dlg.show()
    assert [dlg.user_label.text(), dlg.password_label.text(), dlg.language_label.text()] == [
        "User name",
        "Password",
        "Language",
    ]
    for label in (dlg.user_label, dlg.password_label, dlg.language_label):
        assert label.isVisible()
        assert label.width() > 0
