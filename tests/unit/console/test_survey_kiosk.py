"""Kiosk mode with pytest-qt: whole flows, slips, idle reset, the PIN, read-aloud."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.survey_kiosk import KioskController, KioskExit, pin_delay
from core.survey import Choice, Form, Kind, Question, Skip
from core.survey_slip import make_slip, slip_key
from core.survey_take import SurveySubmission
from hardware.tts import EspeakSpeaker, Utterance

KEY = slip_key(b"k" * 32)
PIN = "482916"
SAT = (Choice("vs", "Very satisfied"), Choice("s", "Satisfied"), Choice("ns", "Not satisfied"))
FORM = Form(
    "sat",
    "Street services survey",
    1,
    (
        Question(
            "q1", Kind.SINGLE, "How satisfied are you?", True, SAT, skip=(Skip("q1 = 'vs'", "q3"),)
        ),
        Question("q2", Kind.TEXT, "What should we improve?"),
        Question("q3", Kind.NPS, "Would you recommend us?", True),
        Question("q4", Kind.RATING, "Rate the lighting", True, max=5),
    ),
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Kiosk:
    """A controller with a recording submit; closed (and its speaker joined) after the test."""

    def __init__(self, qtbot: QtBot, **kw: object) -> None:
        self.got: list[SurveySubmission] = []
        self.clock = Clock()
        options: dict[str, object] = {
            "keep_partial": False,
            "anonymous": True,
            "submit": self.got.append,
            "idle_seconds": 60,
            "language": "en",
            "slip_key": KEY,
            "community": "C01",
            "clock": self.clock,
        }
        options.update(kw)
        self.c = KioskController("R1", FORM, **options)  # type: ignore[arg-type]
        self.v = self.c.view
        qtbot.addWidget(self.v)
        self.c.start(PIN, full_screen=False)
        self.v.resize(1366, 768)
        self.qtbot = qtbot

    def key(self, *keys: Qt.Key) -> None:
        for k in keys:
            self.qtbot.keyClick(self.v.question, k)

    def scan(self, text: str) -> None:
        self.qtbot.keyClicks(self.v, text)
        self.qtbot.keyClick(self.v, Qt.Key.Key_Return)

    def on(self, page: object) -> bool:
        return self.v.current_page() is page


Make = Callable[..., Kiosk]


@pytest.fixture
def make(qtbot: QtBot) -> Iterator[Make]:
    """Builds kiosks; each is closed afterwards, which joins its read-aloud worker."""
    made: list[Kiosk] = []

    def build(**kw: object) -> Kiosk:
        k = Kiosk(qtbot, **kw)
        made.append(k)
        return k

    yield build
    for k in made:
        if k.c._pin_hash is not None:
            k.c.close()


def test_whole_flow_anonymous_without_slip(make: Make) -> None:
    k = make()
    assert k.on(k.v.welcome)
    assert k.v.start_button.isVisible()
    k.qtbot.mouseClick(k.v.start_button, Qt.MouseButton.LeftButton)
    assert k.on(k.v.question_page)
    assert k.v.progress_label.text() == "Question 1 of 4"
    assert not k.v.back_button.isEnabled()
    k.key(Qt.Key.Key_2, Qt.Key.Key_Return)  # satisfied: no skip
    assert k.v.question.question.id == "q2"
    k.qtbot.keyClicks(k.v.question.editor(), "More benches")
    k.qtbot.mouseClick(k.v.next_button, Qt.MouseButton.LeftButton)
    k.key(Qt.Key.Key_9, Qt.Key.Key_Return)
    k.key(Qt.Key.Key_4, Qt.Key.Key_Return)
    assert k.on(k.v.thanks)
    [sub] = k.got
    assert sub.complete
    assert sub.mode == "kiosk"
    assert sub.helped_by is None
    assert sub.resident_id is None
    assert sub.community == "C01"
    assert sub.round_code == "R1"
    assert sub.answers == {"q1": "s", "q2": "More benches", "q3": 9, "q4": 4}
    assert uuid.UUID(sub.client_uuid).version == 4
    k.qtbot.mouseClick(k.v.done_button, Qt.MouseButton.LeftButton)
    assert k.on(k.v.welcome)
    k.qtbot.keyClick(k.v, Qt.Key.Key_Return)  # the next person starts with Enter
    assert k.on(k.v.question_page)
    k.key(Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_1, Qt.Key.Key_0, Qt.Key.Key_Return)
    k.key(Qt.Key.Key_5, Qt.Key.Key_Return)
    assert [s.answers for s in k.got][1] == {"q1": "vs", "q3": 10, "q4": 5}  # q2 skipped
    assert k.got[0].client_uuid != k.got[1].client_uuid


def test_back_shows_the_earlier_answer(make: Make) -> None:
    k = make()
    k.qtbot.mouseClick(k.v.start_button, Qt.MouseButton.LeftButton)
    k.key(Qt.Key.Key_3, Qt.Key.Key_Return)
    assert k.v.progress_label.text() == "Question 2 of 4"
    k.qtbot.mouseClick(k.v.back_button, Qt.MouseButton.LeftButton)
    assert k.v.question.question.id == "q1"
    assert k.v.question.value() == "ns"
    k.key(Qt.Key.Key_1, Qt.Key.Key_Return)  # now skips q2
    assert k.v.question.question.id == "q3"
    assert k.v.progress_label.text() == "Question 2 of 3"


def test_required_question_is_not_passed(make: Make) -> None:
    k = make()
    k.qtbot.mouseClick(k.v.start_button, Qt.MouseButton.LeftButton)
    k.qtbot.mouseClick(k.v.next_button, Qt.MouseButton.LeftButton)
    assert k.v.question.question.id == "q1"
    assert k.v.question._error.text() == "Please answer this question"


def test_slip_flow_named_round(make: Make) -> None:
    k = make(anonymous=False)
    assert not k.v.start_button.isVisible()
    k.qtbot.keyClick(k.v, Qt.Key.Key_Return)  # no slip, no start
    assert k.on(k.v.welcome)
    slip, text = make_slip(KEY, "R1", 42)
    k.scan(text)
    assert k.on(k.v.question_page)
    k.key(Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_8, Qt.Key.Key_Return)
    k.key(Qt.Key.Key_3, Qt.Key.Key_Return)
    [sub] = k.got
    assert sub.client_uuid == slip.slip_uuid
    assert sub.resident_id == 42
    assert sub.complete
    k.qtbot.keyClick(k.v, Qt.Key.Key_Return)  # thanks → welcome
    k.scan(text)
    assert k.on(k.v.welcome)
    assert "used already" in k.v.welcome_message.text()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (make_slip(KEY, "R2", 42)[1], "another survey"),
        (make_slip(slip_key(b"x" * 32), "R1", 42)[1], "not valid here"),
        (make_slip(KEY, "R1", 42)[1].replace(".42.", ".43."), "not valid here"),
        ("4006381333931", "not a survey slip"),
    ],
    ids=["other-round", "other-site", "altered", "a-barcode"],  # the slips are random
)
def test_bad_slips_are_refused_with_a_message(make: Make, text: str, message: str) -> None:
    k = make(anonymous=False)
    k.scan(text)
    assert k.on(k.v.welcome)
    assert message in k.v.welcome_message.text()
    assert k.got == []


@pytest.mark.parametrize("keep_partial", [False, True])
def test_idle_resets_to_welcome(make: Make, keep_partial: bool) -> None:
    k = make(idle_seconds=0.3, keep_partial=keep_partial)
    k.qtbot.mouseClick(k.v.start_button, Qt.MouseButton.LeftButton)
    k.key(Qt.Key.Key_2, Qt.Key.Key_Return)
    k.qtbot.keyClicks(k.v.question.editor(), "Half")
    k.qtbot.waitUntil(lambda: k.on(k.v.welcome), timeout=5000)
    assert k.c.session is None
    if keep_partial:
        [sub] = k.got
        assert not sub.complete
        assert sub.answers == {"q1": "s"}
    else:
        assert k.got == []


def test_idle_partial_never_complete_even_when_all_answered(make: Make) -> None:
    k = make(idle_seconds=0.3, keep_partial=True)
    k.qtbot.mouseClick(k.v.start_button, Qt.MouseButton.LeftButton)
    k.key(Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_7, Qt.Key.Key_Return, Qt.Key.Key_2)
    k.qtbot.waitUntil(lambda: k.on(k.v.welcome), timeout=5000)
    [sub] = k.got
    assert sub.complete is False


def test_idle_leaves_a_forgotten_pin_pad(make: Make) -> None:
    k = make(idle_seconds=0.3)
    k.qtbot.mouseClick(k.v.exit_button, Qt.MouseButton.LeftButton)
    assert k.on(k.v.pin_page)
    k.qtbot.waitUntil(lambda: k.on(k.v.welcome), timeout=5000)


def test_pin_exit(make: Make, qtbot: QtBot) -> None:
    k = make()
    k.qtbot.keyClick(
        k.v, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    assert k.on(k.v.pin_page)
    refused: list[int] = []
    k.c.sig_pin_refused.connect(refused.append)
    for wrong in ("0000", "123456"):
        k.qtbot.keyClicks(k.v.pin_field, wrong)
        k.qtbot.keyClick(k.v.pin_field, Qt.Key.Key_Return)
    assert refused == [1, 2]
    assert k.v.isVisible()
    assert k.v.pin_message.text() == "Wrong PIN"
    for digit in PIN:  # the right PIN, on the touch pad, but too soon
        k.qtbot.mouseClick(k.v.pin_keys[digit], Qt.MouseButton.LeftButton)
    k.qtbot.mouseClick(k.v.pin_keys["OK"], Qt.MouseButton.LeftButton)
    assert k.v.isVisible()
    assert "wait" in k.v.pin_message.text()
    k.clock.now += pin_delay(2)
    with qtbot.waitSignal(k.c.sig_exited, timeout=5000) as blocker:
        k.qtbot.keyClicks(k.v.pin_field, PIN)
        k.qtbot.keyClick(k.v.pin_field, Qt.Key.Key_Return)
    assert blocker.args[0] == KioskExit("R1", 2, 0)
    assert not k.v.isVisible()


def test_pin_cancel_returns_to_the_question(make: Make) -> None:
    k = make()
    k.qtbot.mouseClick(k.v.start_button, Qt.MouseButton.LeftButton)
    k.qtbot.mouseClick(k.v.exit_button, Qt.MouseButton.LeftButton)
    k.qtbot.mouseClick(k.v.pin_cancel, Qt.MouseButton.LeftButton)
    assert k.on(k.v.question_page)


def test_pin_must_be_4_to_8_digits(qtbot: QtBot) -> None:
    c = KioskController("R1", FORM, keep_partial=False, anonymous=True, submit=lambda s: None)
    qtbot.addWidget(c.view)
    for bad in ("123", "123456789", "12a4", ""):
        with pytest.raises(ValueError, match="4 to 8 digits"):
            c.start(bad, full_screen=False)
    assert pin_delay(1) == 0
    assert pin_delay(3) == 4
    assert pin_delay(50) == 60


def test_close_and_escape_are_ignored(make: Make) -> None:
    k = make()
    k.qtbot.mouseClick(k.v.start_button, Qt.MouseButton.LeftButton)
    assert k.v.close() is False
    assert k.v.isVisible()
    k.qtbot.keyClick(k.v.question, Qt.Key.Key_Escape)
    k.qtbot.keyClick(k.v, Qt.Key.Key_Escape)
    assert k.on(k.v.question_page)
    assert k.v.isVisible()
    flags = k.v.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint


def test_a_worker_or_family_member_helped(make: Make) -> None:
    k = make(helpers=[(7, "Wang Li"), (9, "Zhao Min")])
    for choose, mode, helper in ((1, "kiosk", 9), (2, "family", None)):
        k.qtbot.keyClick(k.v, Qt.Key.Key_Return)
        k.qtbot.mouseClick(k.v.helper_button, Qt.MouseButton.LeftButton)
        assert k.on(k.v.helper_page)
        k.qtbot.mouseClick(k.v.helper_buttons[choose], Qt.MouseButton.LeftButton)
        assert k.on(k.v.question_page)
        assert k.v.helper_button.isChecked()
        k.key(Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_5, Qt.Key.Key_Return)
        k.key(Qt.Key.Key_5, Qt.Key.Key_Return)
        k.qtbot.keyClick(k.v, Qt.Key.Key_Return)
        assert (k.got[-1].mode, k.got[-1].helped_by) == (mode, helper)
    assert k.v.helper_button.text() == "A worker helped"
    assert not k.v.helper_button.isChecked()


def test_submit_refusal_is_shown(make: Make) -> None:
    def refuse(s: SurveySubmission) -> None:
        raise ValueError("survey round R1 is closed")

    k = make(submit=refuse)
    k.qtbot.mouseClick(k.v.start_button, Qt.MouseButton.LeftButton)
    k.key(Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_5, Qt.Key.Key_Return)
    k.key(Qt.Key.Key_5, Qt.Key.Key_Return)
    assert k.on(k.v.thanks)
    assert "survey round R1 is closed" in k.v.thanks_detail.text()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")
def test_each_question_is_read_aloud(make: Make, tmp_path: Path) -> None:
    spoken: list[tuple[Utterance, Path | None, int | None]] = []
    tts = EspeakSpeaker(wav_dir=tmp_path, on_spoken=lambda u, w, c: spoken.append((u, w, c)))
    k = make(tts=tts)
    assert not k.v.tts_notice.isVisible()
    k.qtbot.mouseClick(k.v.start_button, Qt.MouseButton.LeftButton)
    k.qtbot.waitUntil(lambda: any(c == 0 for _, _, c in spoken), timeout=10000)
    u, wav, _ = next(x for x in spoken if x[2] == 0)
    assert u.text.startswith("How satisfied are you?")
    assert "1, Very satisfied." in u.text
    assert wav is not None
    assert wav.read_bytes()[:4] == b"RIFF"
    assert wav.stat().st_size > 1000
    k.key(Qt.Key.Key_1, Qt.Key.Key_Return)
    k.qtbot.waitUntil(lambda: any(x[0].text.startswith("Would you") for x in spoken), timeout=10000)
    assert k.c.close()


def test_without_read_aloud_the_kiosk_works(make: Make) -> None:
    k = make(tts=EspeakSpeaker("espeak-ng-missing"))
    assert k.v.tts_notice.isVisibleTo(k.v)
    assert not k.v.read_button.isVisibleTo(k.v)
    k.qtbot.mouseClick(k.v.start_button, Qt.MouseButton.LeftButton)
    k.key(Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_5, Qt.Key.Key_Return)
    k.key(Qt.Key.Key_5, Qt.Key.Key_Return)
    assert k.got[0].complete


def test_a_slip_scanned_during_the_questions_changes_nothing(make: Make) -> None:
    k = make()
    k.qtbot.mouseClick(k.v.start_button, Qt.MouseButton.LeftButton)
    k.key(Qt.Key.Key_3)
    _, text = make_slip(KEY, "R1", 42)
    k.qtbot.keyClicks(k.v.question, text)
    k.qtbot.keyClick(k.v.question, Qt.Key.Key_Return)
    assert k.v.question.question is not None
    assert k.v.question.question.id == "q1"
    assert k.v.question.value() == "ns"
    assert k.got == []
    k.key(Qt.Key.Key_Return)  # the person's own Enter still works
    assert k.v.question.question.id == "q2"
