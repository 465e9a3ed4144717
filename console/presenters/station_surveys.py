"""A station's surveys: the kiosk over an open round, slips to print; responses go to the outbox."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Slot
from PySide6.QtWidgets import QFileDialog, QTabWidget

from console.presenters.base import Presenter, PresenterContext
from console.survey_kiosk import KioskController, KioskExit
from console.survey_slips import new_slips, render_slips_pdf, slip_labels
from core.audit import AuditAction
from core.events import ChangesAvailable
from core.permissions import Principal
from core.station import StationDesk, StationRound, StationSurvey
from core.survey import FormFileError, load_form
from core.survey_take import SurveySubmission
from core.timefmt import local, utcnow
from data.exports import write_private
from data.services.station_surveys import station_rounds, unanswered
from hardware.tts import Speaker
from widgets.file_dialogs import SAVED, open_in
from widgets.station_surveys import StationSurveysWidget

log = logging.getLogger(__name__)

SLIP_FILTER = "PDF (*.pdf)"


def ui_language() -> str:
    """The kiosk speaks the console's language: "zh" or "en"."""
    return "zh" if QLocale().name().startswith("zh") else "en"


class StationSurveysPresenter(Presenter):
    """Owns the station screen's surveys tab and at most one kiosk at a time.

    The kiosk hands each response to the station's desk (the local outbox), so a response
    taken while the link is down is sent once it is back, and counted once.
    """

    name = "station_surveys"
    watches = frozenset({"survey_round", "survey_response"})

    def __init__(
        self,
        ctx: PresenterContext,
        desk: StationDesk,
        tabs: QTabWidget,
        *,
        workstation: str,
        community: str,
        slip_key: bytes | None,
        speaker: Callable[[], Speaker | None] = lambda: None,
        idle_seconds: float = 90.0,
        clock: Callable[[], datetime] = utcnow,
    ):
        super().__init__(ctx)
        self.desk = desk
        self.workstation = workstation
        self.community = community
        self.slip_key = slip_key
        self.speaker = speaker
        self.idle_seconds = idle_seconds
        self.clock = clock
        self.widget = StationSurveysWidget()
        self.widget.sig_kiosk_requested.connect(self._on_kiosk_requested)
        self.widget.sig_slips_requested.connect(self._on_slips_requested)
        self.widget.sig_refresh_requested.connect(self.reload)
        self.tabs = tabs
        self.tab_index = tabs.addTab(self.widget, "")
        self._retitle()
        self.kiosk: KioskController | None = None
        self.rounds: list[StationRound] = []
        self._slips_dialog: QFileDialog | None = None
        self._pending_slips: tuple[str, int, bool] | None = None

    # --- lifecycle --------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        self._retitle()
        self.reload()

    def signed_out(self) -> None:
        self.widget.set_rounds([])
        self.widget.set_status("")
        self.widget.set_error("")

    def on_changes(self, changes: ChangesAvailable) -> None:
        self.reload()

    def reload(self) -> None:
        who = self.who
        if who is None:
            return
        service, community = self.ctx.services.surveys, self.community
        today = local(self.clock(), self.ctx.zone).date()
        self.read_for(
            who,
            lambda: station_rounds(service, who, community, today),
            self._on_rounds,
            self.tr("Loading the survey rounds"),
            "station-surveys",
        )

    def shutdown(self) -> None:
        if self.kiosk is not None:
            self.kiosk.close()
            self.kiosk = None

    def _on_rounds(self, rounds: list[StationRound]) -> None:
        self.rounds = rounds
        self.widget.set_rounds(rounds)
        self._retitle()

    def _retitle(self) -> None:
        self.tabs.setTabText(self.tab_index, self.tr("Surveys"))

    # --- the kiosk --------------------------------------------------------------------------
    def round(self, code: str) -> StationRound | None:
        return next((r for r in self.rounds if r.code == code), None)

    @Slot(str, str)
    def _on_kiosk_requested(self, code: str, pin: str) -> None:
        who, rnd = self.who, self.round(code)
        if who is None or rnd is None:
            return
        if self.kiosk is not None:
            self.widget.set_error(self.tr("A kiosk is running already."))
            return
        try:
            form = load_form(rnd.definition, f"round {rnd.code}")
        except (FormFileError, ValueError) as exc:
            log.warning("round %s: its form cannot be read: %s", rnd.code, exc)
            self.widget.set_error(
                self.tr("This round's form cannot be read: {error}").format(error=exc)
            )
            return
        kiosk = KioskController(
            rnd.code,
            form,
            keep_partial=rnd.keep_partial,
            anonymous=rnd.anonymous,
            submit=self._submit,
            tts=self.speaker(),
            idle_seconds=self.idle_seconds,
            language=ui_language(),
            slip_key=self.slip_key,
            community=self.community,
            helpers=[(who.user_id, who.display_name or who.username)],
        )
        kiosk.sig_exited.connect(self._on_kiosk_exited)
        kiosk.sig_pin_refused.connect(self._on_pin_refused)
        self.kiosk = kiosk
        self._audit("started", rnd.code, {})
        kiosk.start(pin)
        self.widget.set_status(self.tr("The kiosk runs for round {code}.").format(code=rnd.code))

    def _submit(self, submission: SurveySubmission) -> None:
        """The kiosk's submit: into the outbox on the GUI thread (a local file, quick)."""
        self.desk.submit_survey(
            StationSurvey(self.workstation, self.community, self.clock(), submission)
        )

    @Slot(object)
    def _on_kiosk_exited(self, done: KioskExit) -> None:
        if self.kiosk is not None:  # closed by itself before it said so
            self.kiosk.view.deleteLater()
            self.kiosk.deleteLater()
            self.kiosk = None
        self._audit(
            "left",
            done.round_code,
            {"responses": done.responses, "wrong_pins": done.failed_attempts},
        )
        self.widget.set_status(
            self.tr("The kiosk was left: {n} responses taken.").format(n=done.responses)
        )
        self.reload()

    @Slot(int)
    def _on_pin_refused(self, failures: int) -> None:
        if self.kiosk is not None:
            self._audit("wrong_pin", self.kiosk.round_code, {"in_a_row": failures})

    def _audit(self, what: str, code: str, detail: dict[str, object]) -> None:
        who = self.who
        if who is None:
            return
        audit = self.ctx.services.audit
        text = json.dumps({"kiosk": what, **detail}, sort_keys=True)
        self.ctx.jobs.write(
            lambda: audit.record(who, AuditAction.SURVEY_KIOSK, f"round:{code}", text),
            label="kiosk-audit",
        )

    # --- slips ------------------------------------------------------------------------------
    @Slot(str, int, bool)
    def _on_slips_requested(self, code: str, count: int, named: bool) -> None:
        if self.slip_key is None:
            self.widget.set_error(
                self.tr(
                    "This PC has no key folder, so it cannot sign slips. Ask the administrator "
                    "for the site's key folder (--keys)."
                )
            )
            return
        self._pending_slips = (code, count, named)
        dialog = open_in(QFileDialog(self.widget, self.tr("Save the slips")), SAVED)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(SLIP_FILTER)
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(f"slips-{code}.pdf")
        dialog.fileSelected.connect(self.save_slips)
        self._slips_dialog = dialog
        dialog.open()

    @Slot(str)
    def save_slips(self, path: str) -> None:
        """Sign, draw and write the slips asked for to `path` (off the GUI thread). A named
        slip carries the resident's masked name and address for the worker who hands it out."""
        who, asked, key = self.who, self._pending_slips, self.slip_key
        self._pending_slips = None
        if who is None or asked is None or key is None or not path:
            return
        code, count, named = asked
        rnd = self.round(code)
        title = rnd.title if rnd is not None else code
        surveys, residents, community = (
            self.ctx.services.surveys,
            self.ctx.services.residents,
            self.community,
        )
        labels = slip_labels()

        def job() -> int:
            people: list[int | None] = [None] * count
            captions: list[str] | None = None
            if named:
                ids = unanswered(surveys, who, code, community, count)
                rows = {r.id: r for r in residents.rows_by_ids(who, ids)}
                people = list(ids)
                captions = [
                    f"{rows[i].name} · {rows[i].address}" if i in rows else f"#{i}" for i in ids
                ]
            if not people:
                return 0
            slips = new_slips(key, code, people)
            pdf = render_slips_pdf(slips, title, labels, captions)
            write_private(Path(path), lambda out: out.write(pdf))  # whole or not at all
            return len(slips)

        def done(n: int) -> None:
            if n == 0:
                self.widget.set_error(self.tr("Everyone of this community has answered."))
                return
            self._audit("slips", code, {"slips": n, "named": named})
            self.widget.set_status(self.tr("{n} slips saved to {path}.").format(n=n, path=path))

        self.read_for(who, job, done, self.tr("Preparing the slips"), "station-slips")
