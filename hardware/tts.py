"""Offline read-aloud through espeak-ng: one named worker, the newest text wins, interruptible."""

# Mandarin uses the voice `cmn-latn-pinyin`: on Debian 12's espeak-ng 1.51 the plain `cmn` voice
# reads the tone digits of its own pinyin aloud in English (espeak-ng#1370); both voices read
# Chinese characters, only this one with Mandarin tones.

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

log = logging.getLogger(__name__)

VOICES = {"zh": "cmn-latn-pinyin", "en": "en"}
MAX_CHARS = 2000  # a question with its choices; more is a form mistake, not something to read


@dataclass(frozen=True, slots=True)
class Utterance:
    """One text to speak; `serial` grows with each say(), so a result names what it was for."""

    serial: int
    text: str
    language: str


class Speaker(Protocol):
    """A read-aloud engine as a kiosk uses it (all methods are called on the owner's thread)."""

    @property
    def available(self) -> bool: ...

    def start(self) -> None: ...

    def say(self, text: str, language: str) -> int: ...

    def interrupt(self) -> None: ...

    def close(self, timeout: float) -> bool: ...


# Called on the speaker's worker thread: (utterance, WAV written or None, exit code or None).
SpokenCallback = Callable[[Utterance, Path | None, int | None], None]
ErrorCallback = Callable[[str], None]


class EspeakSpeaker:
    """espeak-ng in a child process per utterance, driven by the thread `tts:espeak-ng`.

    say() replaces any text not yet started and kills the one being spoken, so a person moving
    on hears the new question at once. With `wav_dir` each utterance is written to a WAV file
    there instead of played (tests, and a station without a sound card that wants the files).
    The owner calls close() with a deadline; it returns whether the worker ended in time.
    """

    def __init__(
        self,
        binary: str = "espeak-ng",
        *,
        wav_dir: Path | None = None,
        speed: int = 150,
        on_spoken: SpokenCallback | None = None,
        on_error: ErrorCallback | None = None,
    ) -> None:
        self._binary = shutil.which(binary)
        self._wav_dir = wav_dir
        self._speed = speed
        self._on_spoken = on_spoken
        self._on_error = on_error
        self._cond = threading.Condition()
        self._pending: Utterance | None = None  # a mailbox of one: older unspoken text is dropped
        self._proc: subprocess.Popen[bytes] | None = None
        self._serial = 0
        self._cut = False  # the running process was killed on purpose (not a failure)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.dropped = 0  # texts replaced before they were spoken
        if self._binary is None:
            log.warning("read-aloud unavailable: %s not found", binary)

    @property
    def available(self) -> bool:
        return self._binary is not None

    @property
    def binary(self) -> str | None:
        return self._binary

    def start(self) -> None:
        if self._binary is None or self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="tts:espeak-ng", daemon=True)
        self._thread.start()

    def say(self, text: str, language: str) -> int:
        """Speak `text` next (replacing what waits, cutting what plays); its serial, 0 if none."""
        text = " ".join(text.split())[:MAX_CHARS]
        if self._binary is None or self._thread is None or not text:
            return 0
        with self._cond:
            self._serial += 1
            if self._pending is not None:
                self.dropped += 1
            self._pending = Utterance(self._serial, text, language)
            self._kill_locked()
            self._cond.notify()
            return self._serial

    def interrupt(self) -> None:
        """Stop speaking now and forget what waits."""
        with self._cond:
            self._pending = None
            self._kill_locked()

    def close(self, timeout: float) -> bool:
        """Stop the worker and any speech; True if the thread ended within `timeout` seconds."""
        self._stop.set()
        self.interrupt()
        with self._cond:
            self._cond.notify_all()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(timeout)
        if thread.is_alive():
            log.error("read-aloud worker did not stop within %.1f s", timeout)
            return False
        return True

    # --- worker ---------------------------------------------------------------------------
    def _kill_locked(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._cut = True

    def _command(self, u: Utterance) -> tuple[list[str], Path | None]:
        assert self._binary is not None
        voice = VOICES.get(u.language.split("_")[0], VOICES["en"])
        cmd = [self._binary, "-v", voice, "-s", str(self._speed), "-b", "1", "--stdin"]
        wav = None
        if self._wav_dir is not None:
            wav = self._wav_dir / f"utterance-{u.serial:05d}.wav"
            cmd += ["-w", str(wav)]
        return cmd, wav

    def _run(self) -> None:
        while not self._stop.is_set():
            with self._cond:
                while self._pending is None and not self._stop.is_set():
                    self._cond.wait(0.5)
                if self._stop.is_set():
                    return
                u, self._pending = self._pending, None
                assert u is not None
                cmd, wav = self._command(u)
                try:
                    # started under the lock, so say() always sees the process it must cut
                    self._proc = subprocess.Popen(
                        cmd,
                        stdin=subprocess.PIPE,
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.PIPE,
                    )
                except OSError as exc:
                    self._proc = None
                    self._fail(f"read-aloud failed to start: {exc}")
                    continue
                proc, self._cut = self._proc, False
            try:
                _, err = proc.communicate(u.text.encode("utf-8"), timeout=120)
            except subprocess.TimeoutExpired:
                proc.kill()
                _, err = proc.communicate()
            except OSError as exc:  # killed while its input was being written
                proc.kill()
                proc.wait()
                err = str(exc).encode()
            with self._cond:
                self._proc, cut = None, self._cut
            code = proc.returncode
            if code != 0 and not cut and not self._stop.is_set():
                self._fail(f"read-aloud exited with {code}: {err.decode(errors='replace')[:200]}")
                self._stop.wait(0.2)  # a broken engine must not spin the worker
            if self._on_spoken is not None:
                try:
                    self._on_spoken(u, wav if code == 0 else None, code)
                except Exception:
                    log.exception("read-aloud callback failed")

    def _fail(self, message: str) -> None:
        log.error("%s", message)
        if self._on_error is not None:
            try:
                self._on_error(message)
            except Exception:
                log.exception("read-aloud error callback failed")
