"""The fakes of tests/helpers against their ports: same signatures, same observable behaviour."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from console.dialogs import Dialogs, QtDialogs
from core.ports import Clock, PasswordHasher
from tests.helpers.fakes import FakeClock, FakeDialogs, Message, fast_hasher


def _members(port: type) -> list[str]:
    """The methods a Protocol declares (its own, not object's or Protocol's)."""
    return [
        name
        for name, value in vars(port).items()
        if callable(value) and (not name.startswith("_") or name == "__call__")
    ]


def _shape(fn: Callable[..., Any]) -> list[tuple[str, object, object]]:
    """Parameter names, kinds and defaults (annotations are strings here, so left out)."""
    return [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()]


def assert_implements(cls: type, port: type) -> None:
    """Every method of `port` exists on `cls` with the same parameters."""
    members = _members(port)
    assert members, f"{port.__name__} declares no methods"
    for name in members:
        impl = getattr(cls, name, None)
        assert impl is not None, f"{cls.__name__} lacks {port.__name__}.{name}"
        assert _shape(impl) == _shape(getattr(port, name)), f"{cls.__name__}.{name} differs"


# --- core.ports --------------------------------------------------------------------------


def test_fake_clock_is_a_clock() -> None:
    assert_implements(FakeClock, Clock)
    clock: Clock = FakeClock()
    now = clock()
    assert now.tzinfo is not None, "the console's clocks are aware"
    assert now.utcoffset() == timedelta(0)
    assert clock() == now, "fixed until moved"


def test_fake_clock_moves_when_told() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    clock = FakeClock(start)
    clock.advance(timedelta(minutes=5))
    assert clock() == start + timedelta(minutes=5)
    stepping = FakeClock(start, tick=timedelta(seconds=1))
    assert [stepping(), stepping()] == [start + timedelta(seconds=1), start + timedelta(seconds=2)]
    with pytest.raises(ValueError, match="aware"):
        FakeClock(datetime(2026, 1, 1))  # a naive time


def test_fast_hasher_is_a_real_password_hasher() -> None:
    hasher = fast_hasher()
    assert_implements(type(hasher), PasswordHasher)
    port: PasswordHasher = hasher
    stored = port.hash("correct horse")
    assert stored.startswith("$argon2id$"), "real argon2id, only cheaper"
    assert port.verify(stored, "correct horse")
    assert not port.verify(stored, "wrong horse")
    assert not port.needs_rehash(stored)
    assert port.hash("correct horse") != stored, "salted"


# --- console.dialogs.Dialogs: one contract for QtDialogs and FakeDialogs -------------------

Reply = Callable[[bool], None]


def _open_box(parent: QWidget) -> QMessageBox:
    boxes = [b for b in parent.findChildren(QMessageBox, "confirmBox") if b.isVisible()]
    assert len(boxes) == 1, f"expected one open question, found {len(boxes)}"
    return boxes[0]


@pytest.fixture(params=["qt", "fake"])
def dialogs(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[tuple[Dialogs, Reply]]:
    """A Dialogs and a way to answer its open question as the user would."""
    if request.param == "fake":
        fake = FakeDialogs(answer=None)  # questions stay open until answered
        yield fake, fake.reply
        return
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    qtbot.waitExposed(parent)
    real = QtDialogs(parent)

    def reply(yes: bool) -> None:
        box = _open_box(parent)
        button = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    yield real, reply
    real.hide_all()


def test_both_dialogs_implement_the_protocol() -> None:
    assert_implements(QtDialogs, Dialogs)
    assert_implements(FakeDialogs, Dialogs)


@pytest.mark.parametrize("yes", [True, False])
def test_confirm_runs_on_yes_only_on_yes_and_on_no_on_no(
    dialogs: tuple[Dialogs, Reply], yes: bool
) -> None:
    d, reply = dialogs
    calls: list[str] = []
    d.confirm("Quit", "Quit?", lambda: calls.append("yes"), on_no=lambda: calls.append("no"))
    assert calls == [], "nothing happens before the user answers"
    reply(yes)
    assert calls == (["yes"] if yes else ["no"])


def test_confirm_without_on_no_does_nothing_on_no(dialogs: tuple[Dialogs, Reply]) -> None:
    d, reply = dialogs
    calls: list[str] = []
    d.confirm("Reset password", "Reset?", lambda: calls.append("yes"))
    reply(False)
    assert calls == []


def test_hide_all_answers_an_open_question_no(dialogs: tuple[Dialogs, Reply]) -> None:
    d, _reply = dialogs
    calls: list[str] = []
    d.confirm("Quit", "Quit?", lambda: calls.append("yes"), on_no=lambda: calls.append("no"))
    d.hide_all()  # the screen locks while the question is open
    assert calls == ["no"]


def test_hide_all_hides_registered_dialogs(qtbot: QtBot, dialogs: tuple[Dialogs, Reply]) -> None:
    d, _reply = dialogs
    shown, closed = QDialog(), QDialog()
    for w in (shown, closed):
        qtbot.addWidget(w)
        d.register(w)
    d.register(shown)  # registering twice is harmless
    shown.show()
    qtbot.waitExposed(shown)
    d.hide_all()
    assert not shown.isVisible()
    assert not closed.isVisible()
    shown.deleteLater()  # a registered dialog may be deleted meanwhile
    qtbot.waitUntil(lambda: not shiboken6.isValid(shown))
    d.hide_all()


# --- what only one side has -----------------------------------------------------------------


def test_qt_questions_default_to_no(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    qtbot.waitExposed(parent)
    real = QtDialogs(parent)
    calls: list[str] = []
    real.confirm("Quit", "Quit?", lambda: calls.append("yes"), on_no=lambda: calls.append("no"))
    box = _open_box(parent)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert box.windowModality() == Qt.WindowModality.WindowModal
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert calls == ["no"], "a stray Enter answers No"
    real.confirm("Reopen", "Sure?", lambda: calls.append("yes"), default_yes=True)
    box = _open_box(parent)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Yes)
    real.hide_all()


def test_qt_inform_shows_plain_text(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    qtbot.waitExposed(parent)
    real = QtDialogs(parent)
    real.inform("Audit", "<b>not bold</b>", error=True)
    box = parent.findChild(QMessageBox, "informBox")
    assert box is not None
    assert box.isVisible()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert box.icon() == QMessageBox.Icon.Critical
    real.hide_all()
    assert not box.isVisible()


@pytest.mark.parametrize("answer", [True, False])
def test_fake_answers_at_once_and_records(answer: bool) -> None:
    fake = FakeDialogs(answer=answer)
    calls: list[str] = []
    fake.confirm("Quit", "Quit?", lambda: calls.append("yes"), on_no=lambda: calls.append("no"))
    assert calls == (["yes"] if answer else ["no"])
    q = fake.questions[0]
    assert (q.title, q.text, q.default_yes, q.answer) == ("Quit", "Quit?", False, answer)
    assert fake.open_questions == []
    fake.inform("Audit", "intact", monospace=True)
    assert fake.messages == [Message("Audit", "intact", error=False, monospace=True)]
    with pytest.raises(AssertionError, match="no open question"):
        fake.reply(True)
