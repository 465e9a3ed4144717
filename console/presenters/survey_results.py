"""A round's results and comments in the Surveys pane: recomputed off the GUI thread, exported,
and any comment filed as a feedback ticket."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QFileDialog

from console.feedback_filing import FeedbackFiling
from console.presenters.base import Presenter, PresenterContext
from console.survey_export import SurveyExporter, recompute
from core.events import ChangesAvailable
from core.feedback import Source
from core.permissions import Principal
from core.survey import Form, Kind
from core.survey_results import ResultRow, RoundResults
from core.timefmt import local, utcnow
from data.services.surveys import READ, RoundData
from widgets.file_dialogs import SAVED, open_in
from widgets.survey_comments import Comment, SurveyCommentsWidget
from widgets.survey_results import SurveyResultsWidget
from widgets.surveys import SurveysWidget

log = logging.getLogger(__name__)

RECOMPUTE_DELAY_MS = 3000  # responses arriving in a burst (an outbox replay) recompute once
FILTERS = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}


@dataclass(frozen=True, slots=True)
class Shown:
    """One recompute: the round's data, its form, its figures, its comments."""

    data: RoundData
    form: Form
    results: RoundResults
    comments: list[Comment]


def comments_of(data: RoundData, form: Form, names: dict[str, str]) -> list[Comment]:
    """Every non-empty text answer of the round, in the order of the form's questions."""
    texts = [q for q in form.questions if q.kind is Kind.TEXT]
    out = []
    for q in texts:
        for row in data.rows:
            value = row.answers.get(q.id) if isinstance(row, ResultRow) else None
            if isinstance(value, str) and value.strip():
                out.append(
                    Comment(
                        data.round_code,
                        q.id,
                        q.text,
                        value.strip(),
                        row.community,
                        names.get(row.community, row.community),
                    )
                )
    return out


class SurveyResultsPresenter(Presenter):
    """Owns the Results and Comments tabs of the Surveys pane (given by the composition root)."""

    name = "survey_results"
    watches = frozenset({"survey_response", "survey_round"})

    def __init__(
        self, ctx: PresenterContext, pane: SurveysWidget, clock: Callable[[], datetime] = utcnow
    ):
        super().__init__(ctx)
        self.clock = clock
        self.view = SurveyResultsWidget()
        self.comments = SurveyCommentsWidget()
        pane.set_results_view(self.view)
        pane.add_tab(self.comments, lambda: self.tr("Comments"))
        pane.rounds.sig_round_selected.connect(self.show_round)
        self.view.sig_refresh_requested.connect(self.recompute)
        self.view.sig_export_requested.connect(self._on_export_requested)
        self.comments.sig_ticket_requested.connect(self._on_ticket_requested)
        self.filing = FeedbackFiling(self, "feedback from survey")
        self.round_code = ""
        self.shown: Shown | None = None
        self.names: dict[str, str] = {}
        self._dialog: QFileDialog | None = None
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(RECOMPUTE_DELAY_MS)
        self._later.timeout.connect(self.recompute)

    # --- lifecycle --------------------------------------------------------------------------
    def signed_in(self, who: Principal) -> None:
        site = self.ctx.services.site
        self.read_for(
            who,
            lambda: {c.code: c.name for c in site.communities(who)},
            self._on_names,
            self.tr("Could not read the communities"),
        )

    def signed_out(self) -> None:
        self._later.stop()
        self.round_code, self.shown = "", None
        self.view.set_results(None)
        self.comments.set_comments("", [])

    def shutdown(self) -> None:
        self._later.stop()

    def on_changes(self, changes: ChangesAvailable) -> None:
        if self.round_code:
            self._later.start()  # restarted by each batch: one recompute after a burst

    def reload(self) -> None:
        self.recompute()

    def _on_names(self, names: dict[str, str]) -> None:
        self.names = names
        if self.shown is not None:  # shown before the names came: show them with names
            self._on_shown(self.shown)

    # --- results ----------------------------------------------------------------------------
    @Slot(str)
    def show_round(self, code: str) -> None:
        """The round chosen in Rounds: its results and comments (recomputed in full)."""
        if code == self.round_code and self.shown is not None:
            return
        self.round_code = code
        self.recompute()

    @Slot()
    def recompute(self) -> None:
        who, code = self.who, self.round_code
        if who is None or not code or not who.can(READ):
            return
        surveys, names = self.ctx.services.surveys, dict(self.names)
        today = local(self.clock(), self.ctx.zone).date()

        def job() -> Shown:
            data, form, results = recompute(surveys, who, code, today)
            return Shown(data, form, results, comments_of(data, form, names))

        self.read_for(
            who, job, self._on_shown, self.tr("Could not compute the results"), "survey-results"
        )

    def _on_shown(self, shown: Shown) -> None:
        if shown.data.round_code != self.round_code:
            return  # another round was chosen meanwhile
        # The names may have come while the figures were computed with none: name them now.
        names = self.names
        shown = replace(
            shown,
            comments=[
                replace(c, community_name=names.get(c.community, c.community_name))
                for c in shown.comments
            ],
        )
        self.shown = shown
        d = shown.data
        heading = " · ".join(t for t in (d.form_title, d.round_code, d.purpose) if t)
        self.view.set_results(shown.results, heading, self.names)
        self.comments.set_comments(d.round_code, shown.comments)

    # --- export -----------------------------------------------------------------------------
    @Slot(str)
    def _on_export_requested(self, fmt: str) -> None:
        if self.who is None or not self.round_code or fmt not in FILTERS:
            return
        dialog = open_in(QFileDialog(self.view, self.tr("Export the results")), SAVED)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(FILTERS[fmt])
        dialog.setDefaultSuffix(fmt)
        dialog.selectFile(f"survey-{self.round_code}.{fmt}")
        dialog.fileSelected.connect(lambda path: self.export(fmt, Path(path)))
        self._dialog = dialog
        dialog.open()

    def export(self, fmt: str, path: Path) -> None:
        """Write the shown round's results to `path` off the GUI thread (CSV and XLSX with
        every answer but no person; the PDF as the report of figures)."""
        who, code = self.who, self.round_code
        if who is None or not code:
            return
        exporter = SurveyExporter(
            self.ctx.services.surveys,
            who.display_name or who.username,
            self.ctx.services.ctx.workstation,
            self.names,
            self.ctx.zone,
        )
        now = self.clock()
        today = local(now, self.ctx.zone).date()
        reason = self.tr("survey results")

        def job() -> Path:
            exporter.export(
                who, code, fmt, path, today=today, now=now, reason=reason, raw=fmt != "pdf"
            )
            return path

        def done(written: Path) -> None:
            self.ctx.window.show_message(
                self.tr("Results saved to {path}").format(path=written), 5000
            )

        self.read_for(who, job, done, self.tr("Could not export the results"), "survey-export")

    # --- comments → feedback tickets ----------------------------------------------------------
    @Slot(object)
    def _on_ticket_requested(self, comment: Comment) -> None:
        self.filing.open(
            sorted(self.names.items()),
            source=Source.SURVEY,
            community=comment.community,
            text=comment.text,
            round_code=comment.round_code,
            question_id=comment.question_id,
        )
