"""Kiosk mode for a survey round: drives the kiosk view through core.survey.Session.

Flow: welcome → a scanned slip (or Start, in a round that takes people without slips) → one
question per screen → thanks → welcome. After `idle_seconds` without input a half-finished
response is dropped or handed over as partial (complete=False), per the round's keep_partial.
Leaving takes the worker's PIN, held only as an argon2 hash; wrong PINs wait longer each time.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from core.survey import Form, Kind, Question, Session, answers_to_json, path
from core.survey_slip import Slip, SlipError, verify
from core.survey_take import SubmitSurvey, SurveySubmission, new_client_uuid
from data.security import Argon2Hasher
from hardware.tts import Speaker
from widgets.survey_kiosk import FAMILY, KioskView

log = logging.getLogger(__name__)

PIN = re.compile(r"\d{4,8}")
TTS_DEADLINE_S = 2.0
MAX_PIN_DELAY_S = 60.0


def pin_delay(failures: int) -> float:
    """Seconds a PIN entry is refused after `failures` wrong PINs in a row: 0, 0, 2, 4, 8 … 60."""
    if failures < 2:
        return 0.0
    return float(min(MAX_PIN_DELAY_S, 2 ** (failures - 1)))


@dataclass(frozen=True, slots=True)
class KioskExit:
    """The kiosk was left with the PIN: for the owner's audit record."""

    round_code: str
    failed_attempts: int  # wrong PINs since the kiosk started
    responses: int  # handed to submit while the kiosk ran (partials included)


class KioskController(QObject):
    """Owns one kiosk run: the view, the session, the idle timer, the PIN, the read-aloud.

    `submit` is called on the GUI thread and must return quickly (an outbox enqueue or a job
    handed to the database writer); an exception it raises is shown to the person and logged.
    The controller owns `tts`: it starts it in start() and joins it under a deadline in
    close(). Signals fire on the GUI thread; the owner audits `sig_exited` and
    `sig_pin_refused`.
    """

    sig_exited = Signal(object)  # KioskExit, after the right PIN; the window is closed
    sig_pin_refused = Signal(int)  # wrong PINs in a row so far
    sig_submitted = Signal(object)  # SurveySubmission, after submit returned

    def __init__(
        self,
        round_code: str,
        form: Form,
        *,
        keep_partial: bool,
        anonymous: bool,
        submit: SubmitSurvey,
        tts: Speaker | None = None,
        idle_seconds: float = 90.0,
        language: str = "zh",
        slip_key: bytes | None = None,
        require_slip: bool | None = None,
        community: str | None = None,
        helpers: Sequence[tuple[int, str]] = (),
        thanks_seconds: float = 8.0,
        clock: Callable[[], float] = time.monotonic,
        hasher: Argon2Hasher | None = None,
        view: KioskView | None = None,
        parent: QObject | None = None,
    ) -> None:
        """A kiosk for `round_code`; `require_slip` defaults to "named rounds need a slip"
        (an anonymous round also lets people start without one). `community` is where the
        kiosk stands: a response without a person is counted there. `helpers` are (user id,
        name) of the workers who may help at this station."""
        super().__init__(parent)
        self.round_code = round_code
        self.form = form
        self.keep_partial = keep_partial
        self.anonymous = anonymous
        self.language = language
        self.community = community
        self.require_slip = (not anonymous) if require_slip is None else require_slip
        self._submit = submit
        self._tts = tts
        self._slip_key = slip_key
        self._helpers = tuple(helpers)
        self._clock = clock
        self._hasher = hasher or Argon2Hasher()
        self._pin_hash: str | None = None
        self._failures = 0  # in a row; reset by the right PIN
        self._failed_total = 0
        self._locked_until = 0.0
        self._submitted = 0
        self._used_slips: set[str] = set()  # this kiosk's; the server's UNIQUE key is the guard
        self.session: Session | None = None
        self._slip: Slip | None = None
        self._client_uuid = ""
        self._helped_by: int | None = None
        self._family = False
        self.view = view or KioskView()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(max(1, round(idle_seconds * 1000)))
        self._idle.timeout.connect(self._on_idle_timeout)
        self._thanks = QTimer(self)
        self._thanks.setSingleShot(True)
        self._thanks.setInterval(max(1, round(thanks_seconds * 1000)))
        self._thanks.timeout.connect(self._on_thanks_timeout)
        v = self.view
        v.start_requested.connect(self._on_view_start_requested)
        v.slip_scanned.connect(self._on_view_slip_scanned)
        v.answered.connect(self._on_view_answered)
        v.back_requested.connect(self._on_view_back_requested)
        v.read_again_requested.connect(self._on_view_read_again_requested)
        v.helper_toggled.connect(self._on_view_helper_toggled)
        v.helper_chosen.connect(self._on_view_helper_chosen)
        v.done_requested.connect(self._on_view_done_requested)
        v.pin_requested.connect(self._on_view_pin_requested)
        v.pin_entered.connect(self._on_view_pin_entered)
        v.pin_cancelled.connect(self._on_view_pin_cancelled)
        v.activity.connect(self._on_view_activity)

    # --- life -----------------------------------------------------------------------------
    def start(self, pin: str, *, full_screen: bool = True) -> None:
        """Enter kiosk mode with the worker's PIN (4–8 digits; ValueError otherwise)."""
        if not PIN.fullmatch(pin):
            raise ValueError(self.tr("The PIN must be 4 to 8 digits"))
        self._pin_hash = self._hasher.hash(pin)
        if self._tts is not None:
            self._tts.start()
        available = self._tts is not None and self._tts.available
        if not available:
            log.warning("kiosk %s: read-aloud is unavailable", self.round_code)
        self.view.set_tts_available(available)
        self.view.set_start_enabled(not self.require_slip)
        self.view.allow_close(False)
        self._welcome()
        if full_screen:
            self.view.showFullScreen()
        else:
            self.view.show()
        self.view.raise_()
        self.view.activateWindow()

    def close(self) -> bool:
        """Tear down (after the PIN, or by the owner at shutdown); True if read-aloud stopped
        in time. A response in progress is handled as on an idle reset."""
        self._idle.stop()
        self._thanks.stop()
        self._abandon()
        self._pin_hash = None
        stopped = True
        if self._tts is not None:
            stopped = self._tts.close(TTS_DEADLINE_S)
        self.view.release()
        self.view.allow_close(True)
        self.view.close()
        return stopped

    @property
    def failed_attempts(self) -> int:
        return self._failed_total

    # --- screens --------------------------------------------------------------------------
    def _welcome(self, message: str = "") -> None:
        self.session = None
        self._slip = None
        self._helped_by, self._family = None, False
        self._idle.stop()
        self._thanks.stop()
        if self._tts is not None:
            self._tts.interrupt()
        if self.require_slip:
            instruction = self.tr("Please scan the code on your survey slip")
        elif self._slip_key is not None:
            instruction = self.tr("Scan your survey slip, or touch Start")
        else:
            instruction = self.tr("Touch Start to begin")
        self.view.set_helper_label("")
        self.view.show_welcome(self.form.title, instruction, message)

    def _begin(self, slip: Slip | None) -> None:
        self.session = Session(self.form)
        self._slip = slip
        self._client_uuid = slip.slip_uuid if slip is not None else new_client_uuid()
        self._helped_by, self._family = None, False
        self._idle.start()
        self._show_current()

    def _show_current(self) -> None:
        s = self.session
        if s is None:
            return
        q = s.current
        if q is None:
            self._finish()
            return
        shown = [x.id for x in path(self.form, s.answers)]
        number = shown.index(q.id) + 1 if q.id in shown else len(shown)
        self.view.show_question(q, s.answers.get(q.id), number, len(shown), can_back=number > 1)
        self._speak(q)

    def _finish(self) -> None:
        s = self.session
        assert s is not None
        done = self._hand_over(s, complete=s.complete)
        self.session = None
        self._idle.stop()
        if self._tts is not None:
            self._tts.interrupt()
        if done is None:
            self.view.show_thanks(self.tr("Your answers have been saved."))
        else:
            self.view.show_thanks(
                self.tr("Your answers could not be saved: %1. Please ask a worker.").replace(
                    "%1", done
                )
            )
        self._thanks.start()

    def _hand_over(self, s: Session, *, complete: bool) -> str | None:
        """Give the response to submit; None when taken, the reason when refused."""
        sub = SurveySubmission(
            round_code=self.round_code,
            client_uuid=self._client_uuid,
            resident_id=self._slip.resident_id if self._slip is not None else None,
            mode="family" if self._family else "kiosk",
            helped_by=self._helped_by,
            answers=answers_to_json(s.answers),
            complete=complete,
            community=self.community,
        )
        try:
            self._submit(sub)
        except Exception as exc:
            log.exception("kiosk %s: response not taken", self.round_code)
            return str(exc) or type(exc).__name__
        if self._slip is not None:
            self._used_slips.add(self._slip.slip_uuid)
        self._submitted += 1
        self.sig_submitted.emit(sub)
        return None

    def _abandon(self) -> None:
        """A half-finished response: handed over as partial if the round keeps them."""
        s, self.session = self.session, None
        if s is None or not s.answers:
            return
        if self.keep_partial:
            # never complete, even if every question happens to be answered: the person did
            # not reach the end and confirm
            self._hand_over(s, complete=False)
        else:
            log.info("kiosk %s: a half-finished response was discarded", self.round_code)

    # --- read-aloud -------------------------------------------------------------------------
    def spoken_text(self, q: Question) -> str:
        """What is read for `q`: the question, then its choices with their keys."""
        parts = [q.text]
        if q.kind in (Kind.SINGLE, Kind.MULTIPLE):
            parts += [f"{i + 1}, {c.label}." for i, c in enumerate(q.choices)]
        elif q.kind is Kind.RATING:
            parts.append(
                self.tr("Choose from %1 to %2.").replace("%1", "1").replace("%2", f"{q.max or 5:g}")
            )
        elif q.kind is Kind.NPS:
            parts.append(self.tr("Choose from %1 to %2.").replace("%1", "0").replace("%2", "10"))
        elif q.kind is Kind.MATRIX:
            parts += [f"{i + 1}, {c.label}." for i, c in enumerate(q.columns)]
            parts += [f"{r.label}." for r in q.rows]
        return " ".join(parts)

    def _speak(self, q: Question) -> None:
        if self._tts is not None and self._tts.available:
            self._tts.say(self.spoken_text(q), self.language)

    # --- view -----------------------------------------------------------------------------
    @Slot()
    def _on_view_start_requested(self) -> None:
        if self.require_slip:
            self._welcome(self.tr("Please scan your survey slip first"))
            return
        self._begin(None)

    @Slot(str)
    def _on_view_slip_scanned(self, text: str) -> None:
        if self.session is not None:
            return
        if self._slip_key is None:
            self._welcome(self.tr("Survey slips are not taken at this kiosk"))
            return
        try:
            slip = verify(self._slip_key, text, self.round_code)
        except SlipError as exc:
            log.info("kiosk %s: slip refused: %s", self.round_code, exc)
            self._welcome(self._slip_message(exc))
            return
        if slip.slip_uuid in self._used_slips:
            self._welcome(self.tr("This slip has been used already. Thank you!"))
            return
        if slip.resident_id is None and self.require_slip and not self.anonymous:
            self._welcome(self.tr("This slip does not name a person; please ask a worker"))
            return
        self._begin(slip)

    def _slip_message(self, exc: SlipError) -> str:
        if exc.reason == "round":
            return self.tr("This slip is for another survey; please ask a worker")
        if exc.reason == "altered":
            return self.tr("This slip is not valid here; please ask a worker")
        if exc.reason == "foreign":
            return self.tr("That is not a survey slip")
        return self.tr("The slip could not be read; please scan it again")

    @Slot(object)
    def _on_view_answered(self, value: object) -> None:
        s = self.session
        if s is None:
            return
        problem = s.answer(value)
        if problem is not None:
            self.view.show_question_problem(problem)
            return
        self._show_current()

    @Slot()
    def _on_view_back_requested(self) -> None:
        if self.session is not None:
            self.session.back()
            self._show_current()

    @Slot()
    def _on_view_read_again_requested(self) -> None:
        if self.session is not None and self.session.current is not None:
            self._speak(self.session.current)

    @Slot(bool)
    def _on_view_helper_toggled(self, on: bool) -> None:
        if on:
            self.view.show_helpers(self._helpers)
        else:
            self._helped_by, self._family = None, False
            self.view.set_helper_label("")

    @Slot(object)
    def _on_view_helper_chosen(self, who: object) -> None:
        self._family = who == FAMILY
        self._helped_by = who if isinstance(who, int) else None
        if self._family:
            label = self.tr("Helped by a family member")
        elif self._helped_by is not None:
            name = dict(self._helpers).get(self._helped_by, str(self._helped_by))
            label = self.tr("Helped by %1").replace("%1", name)
        else:
            label = ""
        self.view.set_helper_label(label)

    @Slot()
    def _on_view_done_requested(self) -> None:
        self._welcome()

    @Slot()
    def _on_thanks_timeout(self) -> None:
        self._welcome()

    @Slot()
    def _on_idle_timeout(self) -> None:
        # also leaves a PIN pad or helper list someone walked away from
        if self.session is None and self.view.current_page() is self.view.welcome:
            return
        log.info("kiosk %s: idle, back to the welcome screen", self.round_code)
        self._abandon()
        self._welcome()

    @Slot()
    def _on_view_activity(self) -> None:
        if self._pin_hash is not None:
            self._idle.start()

    @Slot()
    def _on_view_pin_requested(self) -> None:
        self.view.show_pin()
        self._idle.start()

    @Slot()
    def _on_view_pin_cancelled(self) -> None:
        pass  # the view went back to where it was; the idle timer keeps running

    @Slot(str)
    def _on_view_pin_entered(self, pin: str) -> None:
        now = self._clock()
        if now < self._locked_until:
            wait = int(self._locked_until - now + 0.999)
            self.view.set_pin_message(
                self.tr("Too many wrong PINs: wait %1 s").replace("%1", str(wait))
            )
            return
        if self._pin_hash is not None and self._hasher.verify(self._pin_hash, pin):
            self._failures = 0
            failed, responses = self._failed_total, self._submitted
            log.info("kiosk %s left with the PIN", self.round_code)
            self.close()
            self.sig_exited.emit(KioskExit(self.round_code, failed, responses))
            return
        self._failures += 1
        self._failed_total += 1
        self._locked_until = now + pin_delay(self._failures)
        log.warning("kiosk %s: wrong PIN (%d in a row)", self.round_code, self._failures)
        self.sig_pin_refused.emit(self._failures)
        self.view.set_pin_message(self.tr("Wrong PIN"))
