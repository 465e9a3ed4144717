"""Fakes of the ports and of console.dialogs.Dialogs; tests/unit/test_fakes.py checks them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import argon2
import shiboken6
from PySide6.QtWidgets import QWidget

from data.security import Argon2Hasher

T0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)


def fast_hasher() -> Argon2Hasher:
    """Real argon2id with the cheapest parameters: sign-in costs milliseconds, not 50 ms+."""
    return Argon2Hasher(argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


class FakeClock:
    """A core.ports.Clock: fixed until the test moves it, or stepping by `tick` per call."""

    def __init__(self, start: datetime = T0, tick: timedelta = timedelta(0)):
        if start.tzinfo is None:
            raise ValueError("the console's clocks are aware (UTC)")
        self.now = start
        self.tick = tick

    def __call__(self) -> datetime:
        self.now += self.tick
        return self.now

    def advance(self, delta: timedelta) -> None:
        """Move the clock on by `delta`."""
        self.now += delta


@dataclass
class Question:
    """A yes/no question a presenter asked; `answer` is None while it is still open."""

    title: str
    text: str
    default_yes: bool
    on_yes: Callable[[], None]
    on_no: Callable[[], None] | None
    answer: bool | None = None


@dataclass(frozen=True)
class Message:
    """A message a presenter showed (Dialogs.inform)."""

    title: str
    text: str
    error: bool
    monospace: bool


class FakeDialogs:
    """A console.dialogs.Dialogs that records everything and answers questions at once.

    `answer` is what every question gets: True (yes), False (no), or None to leave it open
    until the test calls `reply()` (or `hide_all()` answers it No, as the real one does).
    Registered dialogs are real widgets: `hide_all` hides them like QtDialogs does.
    """

    def __init__(self, answer: bool | None = True):
        self.answer = answer
        self.questions: list[Question] = []
        self.messages: list[Message] = []
        self.registered: list[QWidget] = []

    # --- the Dialogs protocol -------------------------------------------------------------
    def confirm(
        self,
        title: str,
        text: str,
        on_yes: Callable[[], None],
        *,
        on_no: Callable[[], None] | None = None,
        default_yes: bool = False,
    ) -> None:
        q = Question(title, text, default_yes, on_yes, on_no)
        self.questions.append(q)
        if self.answer is not None:
            self._answer(q, self.answer)

    def inform(
        self, title: str, text: str, *, error: bool = False, monospace: bool = False
    ) -> None:
        self.messages.append(Message(title, text, error, monospace))

    def register(self, dialog: QWidget) -> None:
        self.registered = [d for d in self.registered if shiboken6.isValid(d)]
        if dialog not in self.registered:
            self.registered.append(dialog)

    def hide_all(self) -> None:
        for q in self.open_questions:
            self._answer(q, False)
        for d in self.registered:
            if shiboken6.isValid(d) and d.isVisible():
                d.hide()
        self.registered = [d for d in self.registered if shiboken6.isValid(d)]

    # --- for tests --------------------------------------------------------------------------
    @property
    def open_questions(self) -> list[Question]:
        """Questions not answered yet (only when `answer` is None)."""
        return [q for q in self.questions if q.answer is None]

    def reply(self, yes: bool) -> None:
        """Answer the oldest open question."""
        open_ = self.open_questions
        if not open_:
            raise AssertionError("no open question to answer")
        self._answer(open_[0], yes)

    @staticmethod
    def _answer(q: Question, yes: bool) -> None:
        q.answer = yes
        if yes:
            q.on_yes()
        elif q.on_no is not None:
            q.on_no()
