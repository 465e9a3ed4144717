"""Read-aloud through the real espeak-ng: WAV written, newest text wins, missing engine."""

from __future__ import annotations

import shutil
import threading
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from hardware.tts import EspeakSpeaker, Utterance

needs_espeak = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="needs espeak-ng")


class Heard:
    """Collects what the worker reports (on its thread)."""

    def __init__(self) -> None:
        self.done: list[tuple[Utterance, Path | None, int | None]] = []
        self.errors: list[str] = []
        self.event = threading.Event()

    def spoken(self, u: Utterance, wav: Path | None, code: int | None) -> None:
        self.done.append((u, wav, code))
        self.event.set()

    def error(self, message: str) -> None:
        self.errors.append(message)


@pytest.fixture
def heard() -> Heard:
    return Heard()


@pytest.fixture
def speaker(tmp_path: Path, heard: Heard) -> Iterator[EspeakSpeaker]:
    s = EspeakSpeaker(wav_dir=tmp_path, on_spoken=heard.spoken, on_error=heard.error)
    s.start()
    yield s
    assert s.close(5.0)


def _wait_for(heard: Heard, serial: int) -> tuple[Utterance, Path | None, int | None]:
    for _ in range(60):
        for item in heard.done:
            if item[0].serial == serial:
                return item
        heard.event.wait(0.5)
        heard.event.clear()
    raise AssertionError(f"utterance {serial} never finished")


def _seconds(wav: Path) -> float:
    with wave.open(str(wav), "rb") as w:
        assert w.getnchannels() == 1
        frames = w.readframes(w.getnframes())
        assert any(frames)  # not silence
        return w.getnframes() / w.getframerate()


@needs_espeak
@pytest.mark.parametrize(
    ("text", "language"),
    [("您对社区服务满意吗？ 1 很满意 2 满意", "zh"), ("How satisfied are you?", "en")],
)
def test_real_engine_writes_speech(
    speaker: EspeakSpeaker, heard: Heard, text: str, language: str
) -> None:
    serial = speaker.say(text, language)
    _, wav, code = _wait_for(heard, serial)
    assert code == 0
    assert wav is not None
    assert wav.read_bytes()[:4] == b"RIFF"
    assert _seconds(wav) > 0.5
    assert heard.errors == []


@needs_espeak
def test_newest_text_wins(speaker: EspeakSpeaker, heard: Heard) -> None:
    long = "This is the first question, read slowly and at length. " * 30
    first = speaker.say(long, "en")
    second = speaker.say("Second question?", "en")
    third = speaker.say("Third question?", "en")
    u, wav, code = _wait_for(heard, third)
    assert code == 0
    assert wav is not None
    assert u.text == "Third question?"
    # the first was cut (or never started), the second replaced before it was spoken
    finished = {item[0].serial: item[2] for item in heard.done}
    assert finished.get(first, -1) != 0 or second not in finished
    assert second not in finished or speaker.dropped >= 1
    assert heard.errors == []


def test_missing_engine_is_reported_and_harmless(tmp_path: Path, heard: Heard) -> None:
    s = EspeakSpeaker("espeak-ng-not-installed", wav_dir=tmp_path, on_spoken=heard.spoken)
    assert not s.available
    s.start()
    assert s.say("Hello", "en") == 0
    s.interrupt()
    assert s.close(1.0)
    assert heard.done == []
    assert list(tmp_path.iterdir()) == []


@needs_espeak
def test_close_cuts_a_long_text(tmp_path: Path, heard: Heard) -> None:
    s = EspeakSpeaker(wav_dir=tmp_path, on_spoken=heard.spoken, on_error=heard.error)
    s.start()
    s.say("A long text. " * 400, "en")
    assert s.close(5.0)
    assert not any(t.name == "tts:espeak-ng" for t in threading.enumerate())
    assert heard.errors == []
