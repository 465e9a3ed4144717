"""The Employment pane's tabs: seekers, their matches, postings, employers, referrals, retention."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.employment import (
    Coded,
    PostingStatus,
    Stage,
    can_advance,
    can_move_posting,
)
from core.employment_views import (
    EmployerRow,
    EmploymentFigures,
    MatchRow,
    PostingRow,
    ReferralRow,
    RetentionRow,
    ScoreLine,
    SeekerRow,
)
from widgets.empty_state import EmptyStateWidget
from widgets.flow_layout import flow_row
from widgets.screening_run import chinese
from widgets.table_model import Column, RowTableModel
from widgets.table_titles import fit_columns


def label(code: Coded | None) -> str:
    """A core code's label in the language the console speaks ("" for None)."""
    if code is None:
        return ""
    return code.zh if chinese() else code.en


def labels(codes: Iterable[Coded]) -> str:
    """Several codes' labels, comma-separated in the current language."""
    return ("、" if chinese() else ", ").join(label(c) for c in codes)


def parts_text(parts: Sequence[ScoreLine]) -> str:
    """A score's parts as a sum: "skills 30.0 + commute 24.0 + schedule 20.0"."""
    return " + ".join(f"{label(part)} {points:.1f}" for part, _w, _v, points in parts)


def yes_no(value: bool | None) -> str:
    """Yes, no, or blank for not known."""
    if value is None:
        return ""
    if value:
        return QCoreApplication.translate("Employment", "yes")
    return QCoreApplication.translate("Employment", "no")


def _day(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


def _yuan(fen: int) -> str:
    return f"{fen / 100:,.0f}"


# --- models ---------------------------------------------------------------------------------


class SeekersModel(RowTableModel[SeekerRow, int]):
    """Job seekers; the name as the service returns it (masked for roles without PII)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("name", lambda: self.tr("Name"), lambda r: r.name),
                Column("community", lambda: self.tr("Community"), lambda r: r.community),
                Column("skills", lambda: self.tr("Skills"), lambda r: ", ".join(r.skills)),
                Column("needs", lambda: self.tr("Needs"), lambda r: labels(r.needs)),
                Column(
                    "hours",
                    lambda: self.tr("Hours a week"),
                    lambda r: f"{r.min_hours}–{r.max_hours}",
                ),
                Column("km", lambda: self.tr("Up to km"), lambda r: f"{r.max_km:g}"),
                Column(
                    "consent",
                    lambda: self.tr("Consents to matching"),
                    lambda r: yes_no(r.consent),
                ),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class MatchesModel(RowTableModel[MatchRow, tuple[int, int]]):
    """One seeker's matching postings, or one posting's matching seekers, best first, with the
    parts of each score; a row is a (seeker, posting) pair."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("seeker", lambda: self.tr("Seeker"), lambda r: r.seeker),
                Column("title", lambda: self.tr("Posting"), lambda r: r.title),
                Column("employer", lambda: self.tr("Employer"), lambda r: r.employer),
                Column("total", lambda: self.tr("Score"), lambda r: f"{r.total:.1f}"),
                Column("parts", lambda: self.tr("Made of"), lambda r: parts_text(r.parts)),
                Column("km", lambda: self.tr("Distance"), lambda r: f"{r.distance_km:.1f} km"),
                Column(
                    "missing",
                    lambda: self.tr("Skills missing"),
                    lambda r: ", ".join(r.missing_skills),
                ),
            ],
            key=lambda r: (r.seeker_id, r.posting_id),
            parent=parent,
        )


class PostingsModel(RowTableModel[PostingRow, int]):
    """Postings, newest first."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("title", lambda: self.tr("Posting"), lambda r: r.title),
                Column("employer", lambda: self.tr("Employer"), lambda r: r.employer),
                Column(
                    "hours",
                    lambda: self.tr("Hours, shift"),
                    lambda r: f"{r.hours_per_week} · {label(r.shift)}",
                ),
                Column(
                    "pay",
                    lambda: self.tr("Pay a month (yuan)"),
                    lambda r: _yuan(r.pay_fen_per_month),
                ),
                Column("openings", lambda: self.tr("Openings"), lambda r: str(r.openings)),
                Column("status", lambda: self.tr("State"), lambda r: label(r.status)),
                Column(
                    "community",
                    lambda: self.tr("Community"),
                    lambda r: r.community or self.tr("street"),
                ),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class EmployersModel(RowTableModel[EmployerRow, int]):
    """Employers by name, with the disability quota shortfall and the last visit."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("name", lambda: self.tr("Employer"), lambda r: r.name),
                Column("code", lambda: self.tr("Credit code"), lambda r: r.credit_code),
                Column("status", lambda: self.tr("State"), lambda r: label(r.status)),
                Column("staff", lambda: self.tr("Staff"), lambda r: str(r.staff)),
                Column(
                    "shortfall",
                    lambda: self.tr("Quota shortfall"),
                    lambda r: str(r.shortfall) if r.shortfall else "",
                ),
                Column("open", lambda: self.tr("Open postings"), lambda r: str(r.open_postings)),
                Column("visit", lambda: self.tr("Last visit"), lambda r: _day(r.last_visit)),
                Column(
                    "community",
                    lambda: self.tr("Community"),
                    lambda r: r.community or self.tr("street"),
                ),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class PipelineModel(RowTableModel[ReferralRow, int]):
    """Referrals, newest first, at the stage each has reached."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("seeker", lambda: self.tr("Seeker"), lambda r: r.seeker),
                Column(
                    "posting",
                    lambda: self.tr("Posting"),
                    lambda r: f"{r.title} · {r.employer}",
                ),
                Column("stage", lambda: self.tr("Stage"), lambda r: label(r.stage)),
                Column(
                    "referred",
                    lambda: self.tr("Referred"),
                    lambda r: _day(r.steps[0].on) if r.steps else "",
                ),
                Column(
                    "last",
                    lambda: self.tr("Last step"),
                    lambda r: _day(r.steps[-1].on) if r.steps else "",
                ),
                Column(
                    "confirmed",
                    lambda: self.tr("Employer confirmed"),
                    lambda r: _day(r.employer_confirmed_on),
                ),
                Column("by", lambda: self.tr("Counsellor"), lambda r: r.counsellor),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class RetentionModel(RowTableModel[RetentionRow, int]):
    """Follow-up calls after a hire, soonest first."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("due", lambda: self.tr("Due"), lambda r: _day(r.due_on)),
                Column("seeker", lambda: self.tr("Seeker"), lambda r: r.seeker),
                Column(
                    "posting",
                    lambda: self.tr("Posting"),
                    lambda r: f"{r.title} · {r.employer}",
                ),
                Column("hired", lambda: self.tr("Hired"), lambda r: _day(r.hired_on)),
                Column("done", lambda: self.tr("Called"), lambda r: _day(r.done_on)),
                Column(
                    "employed",
                    lambda: self.tr("Still employed"),
                    lambda r: yes_no(r.still_employed),
                ),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


# --- tabs -----------------------------------------------------------------------------------


class ActionTab(QWidget):
    """A heading, a table (an empty state in its place when there are no rows) and buttons.

    Subclasses add their buttons with `_buttons` and enable them in `_on_selection`.
    """

    def __init__(self, model: RowTableModel[Any, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.allowed = True
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self.empty = EmptyStateWidget()
        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.table)
        self._box = QVBoxLayout(self)
        self._box.addWidget(self.heading)
        self._box.addWidget(self._stack, 1)
        self.buttons: list[QPushButton] = []
        # The heading as a text made afresh in the current language, and what it last said.
        self._heading: Callable[[], str] | None = None
        self._heading_said = ""

    def set_heading(self, text: Callable[[], str] | None) -> None:
        """The heading, said again in the new language on a switch (None: no heading).

        `text` is called now and after each language change, e.g.
        ``lambda: self.tr("{n} shown").format(n=len(rows))``.
        """
        self._heading = text
        self._heading_said = text() if text is not None else ""
        self.heading.setText(self._heading_said)

    def _say_heading(self) -> None:
        # Only a heading set by `set_heading` and not overwritten since with setText.
        if self._heading is not None and self.heading.text() == self._heading_said:
            self._heading_said = self._heading()
            self.heading.setText(self._heading_said)

    def _buttons(self, *buttons: QPushButton) -> None:
        self.buttons = list(buttons)
        self._box.addWidget(flow_row(*buttons))
        self._on_selection()

    def set_rows(self, rows: Sequence[object]) -> None:
        """Show these rows (the model changes in place); the empty state when there are none."""
        first = not len(self.model)
        self.model.set_rows(list(rows))
        self._stack.setCurrentIndex(1 if rows and self.allowed else 0)
        if rows and first:
            fit_columns(self.table)
        self._on_selection()

    def showing_empty(self) -> bool:
        """True while the empty state stands in for the table."""
        return self._stack.currentIndex() == 0

    def set_allowed(self, allowed: bool) -> None:
        """Whether the user may act here at all (the buttons and the table)."""
        self.allowed = allowed
        if not allowed:
            self.model.set_rows([])
            self._stack.setCurrentIndex(0)
        self._on_selection()

    def selected(self) -> Any:
        """The selected row, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _emit(self, signal: Any) -> None:
        """Emit `signal` with the selected row's id, if a row is selected."""
        row = self.selected()
        if row is not None:
            signal.emit(row.id)

    def select_key(self, key: Any) -> None:
        """Select the row with this key, if shown."""
        i = self.model.index_of(key)
        if i is not None:
            self.table.selectRow(i)

    def _on_selection(self) -> None:
        for b in self.buttons:
            b.setEnabled(self.allowed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self._say_heading()


class SeekersTab(ActionTab):
    """Seekers. Signals (GUI thread): `sig_register()`, `sig_edit(seeker id)`,
    `sig_training(seeker id)`, `sig_matches(seeker id)` (also on a double click)."""

    sig_register = Signal()
    sig_edit = Signal(int)
    sig_training = Signal(int)
    sig_matches = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(SeekersModel(), parent)
        self.model.setParent(self)
        self.register_button = QPushButton()
        self.edit_button = QPushButton()
        self.training_button = QPushButton()
        self.matches_button = QPushButton()
        self.register_button.clicked.connect(self.sig_register.emit)
        self.edit_button.clicked.connect(lambda: self._emit(self.sig_edit))
        self.training_button.clicked.connect(lambda: self._emit(self.sig_training))
        self.matches_button.clicked.connect(lambda: self._emit(self.sig_matches))
        self.table.doubleClicked.connect(lambda _i: self._emit(self.sig_matches))
        self._buttons(
            self.register_button, self.edit_button, self.training_button, self.matches_button
        )
        self._retranslate()

    def _on_selection(self) -> None:
        picked = self.allowed and self.selected() is not None
        self.register_button.setEnabled(self.allowed)
        for b in (self.edit_button, self.training_button, self.matches_button):
            b.setEnabled(picked)

    def _retranslate(self) -> None:
        super()._retranslate()
        self.register_button.setText(self.tr("Register seeker…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.training_button.setText(self.tr("Training…"))
        self.matches_button.setText(self.tr("Matches"))


class MatchesTab(ActionTab):
    """The matches of one seeker, or of one posting. Signal (GUI thread):
    `sig_refer(seeker id, posting id)`."""

    sig_refer = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(MatchesModel(), parent)
        self.model.setParent(self)
        self.refer_button = QPushButton()
        self.refer_button.clicked.connect(self._refer)
        self._buttons(self.refer_button)
        self._retranslate()

    def _refer(self) -> None:
        row = self.selected()
        if row is not None:
            self.sig_refer.emit(row.seeker_id, row.posting_id)

    def _on_selection(self) -> None:
        self.refer_button.setEnabled(self.allowed and self.selected() is not None)

    def _retranslate(self) -> None:
        super()._retranslate()
        self.refer_button.setText(self.tr("Refer…"))


class PostingsTab(ActionTab):
    """Postings. Signals (GUI thread): `sig_new()`, `sig_edit(posting id)`,
    `sig_seekers(posting id)` (also on a double click), `sig_status(posting id, status code)`."""

    sig_new = Signal()
    sig_edit = Signal(int)
    sig_seekers = Signal(int)
    sig_status = Signal(int, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(PostingsModel(), parent)
        self.model.setParent(self)
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.seekers_button = QPushButton()
        self.edit_button.clicked.connect(lambda: self._emit(self.sig_edit))
        self.seekers_button.clicked.connect(lambda: self._emit(self.sig_seekers))
        self.table.doubleClicked.connect(lambda _i: self._emit(self.sig_seekers))
        self.open_button = QPushButton()
        self.filled_button = QPushButton()
        self.closed_button = QPushButton()
        self.new_button.clicked.connect(self.sig_new.emit)
        self._moves = {
            self.open_button: PostingStatus.OPEN,
            self.filled_button: PostingStatus.FILLED,
            self.closed_button: PostingStatus.CLOSED,
        }
        for button, status in self._moves.items():
            button.clicked.connect(lambda _c=False, s=status: self._move(s))
        self._buttons(
            self.new_button,
            self.edit_button,
            self.seekers_button,
            self.open_button,
            self.filled_button,
            self.closed_button,
        )
        self._retranslate()

    def _move(self, status: PostingStatus) -> None:
        row = self.selected()
        if row is not None:
            self.sig_status.emit(row.id, status.value)

    def _on_selection(self) -> None:
        row: PostingRow | None = self.selected()
        self.new_button.setEnabled(self.allowed)
        self.edit_button.setEnabled(self.allowed and row is not None)
        self.seekers_button.setEnabled(self.allowed and row is not None)
        for button, status in self._moves.items():
            button.setEnabled(
                self.allowed and row is not None and can_move_posting(row.status, status)
            )

    def _retranslate(self) -> None:
        super()._retranslate()
        self.new_button.setText(self.tr("New posting…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.seekers_button.setText(self.tr("Seekers for this posting"))
        self.open_button.setText(self.tr("Open"))
        self.filled_button.setText(self.tr("Filled"))
        self.closed_button.setText(self.tr("Closed"))


class EmployersTab(ActionTab):
    """Employers. Signals (GUI thread): `sig_new()`, `sig_edit(employer id)` (also on a
    double click), `sig_visit(employer id)`."""

    sig_new = Signal()
    sig_edit = Signal(int)
    sig_visit = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(EmployersModel(), parent)
        self.model.setParent(self)
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        self.visit_button = QPushButton()
        self.new_button.clicked.connect(self.sig_new.emit)
        self.edit_button.clicked.connect(lambda: self._emit(self.sig_edit))
        self.table.doubleClicked.connect(lambda _i: self._emit(self.sig_edit))
        self.visit_button.clicked.connect(lambda: self._emit(self.sig_visit))
        self._buttons(self.new_button, self.edit_button, self.visit_button)
        self._retranslate()

    def _on_selection(self) -> None:
        picked = self.allowed and self.selected() is not None
        self.new_button.setEnabled(self.allowed)
        self.edit_button.setEnabled(picked)
        self.visit_button.setEnabled(picked)

    def _retranslate(self) -> None:
        super()._retranslate()
        self.new_button.setText(self.tr("New employer…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.visit_button.setText(self.tr("Record a visit…"))


class ReferralsTab(ActionTab):
    """The referral pipeline. Signals (GUI thread): `sig_step(referral id, stage code)` for
    interview, offer and hired; `sig_refused(referral id)`; `sig_confirmed(referral id)`."""

    sig_step = Signal(int, str)
    sig_refused = Signal(int)
    sig_confirmed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(PipelineModel(), parent)
        self.model.setParent(self)
        self.interview_button = QPushButton()
        self.offer_button = QPushButton()
        self.hired_button = QPushButton()
        self.refused_button = QPushButton()
        self.confirmed_button = QPushButton()
        self._steps = {
            self.interview_button: Stage.INTERVIEW,
            self.offer_button: Stage.OFFER,
            self.hired_button: Stage.HIRED,
        }
        for button, stage in self._steps.items():
            button.clicked.connect(lambda _c=False, s=stage: self._step(s))
        self.refused_button.clicked.connect(lambda: self._emit(self.sig_refused))
        self.confirmed_button.clicked.connect(lambda: self._emit(self.sig_confirmed))
        self._buttons(
            self.interview_button,
            self.offer_button,
            self.hired_button,
            self.refused_button,
            self.confirmed_button,
        )
        self._retranslate()

    def _step(self, stage: Stage) -> None:
        row = self.selected()
        if row is not None:
            self.sig_step.emit(row.id, stage.value)

    def _on_selection(self) -> None:
        row: ReferralRow | None = self.selected()
        ok = self.allowed and row is not None
        for button, stage in self._steps.items():
            button.setEnabled(ok and row is not None and can_advance(row.stage, stage))
        self.refused_button.setEnabled(
            ok and row is not None and can_advance(row.stage, Stage.REFUSED)
        )
        self.confirmed_button.setEnabled(
            ok
            and row is not None
            and row.stage is Stage.HIRED
            and row.employer_confirmed_on is None
        )

    def _retranslate(self) -> None:
        super()._retranslate()
        self.interview_button.setText(self.tr("Interview"))
        self.offer_button.setText(self.tr("Offer"))
        self.hired_button.setText(self.tr("Hired"))
        self.refused_button.setText(self.tr("Refused…"))
        self.confirmed_button.setText(self.tr("Employer confirmed…"))


class RetentionTab(ActionTab):
    """Follow-up calls due. Signal (GUI thread): `sig_check(check id)`."""

    sig_check = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(RetentionModel(), parent)
        self.model.setParent(self)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self._check)
        self._buttons(self.check_button)
        self._retranslate()

    def _check(self) -> None:
        row = self.selected()
        if row is not None:
            self.sig_check.emit(row.id)

    def _on_selection(self) -> None:
        self.check_button.setEnabled(self.allowed and self.selected() is not None)

    def _retranslate(self) -> None:
        super()._retranslate()
        self.check_button.setText(self.tr("Record check…"))


def figures_text(f: EmploymentFigures) -> str:
    """The figures as lines: placements toward the target, referrals by stage, and now."""
    lines = [
        QCoreApplication.translate("Employment", "{start} to {end}").format(
            start=f.start.isoformat(), end=f.end.isoformat()
        ),
        QCoreApplication.translate(
            "Employment", "Placements confirmed by the employer: {n} of {target} ({left} to go)"
        ).format(n=f.placements, target=f.target, left=f.placements_to_go),
        QCoreApplication.translate("Employment", "Referrals made, by the stage reached:"),
    ]
    lines += [f"  {label(stage)}: {n}" for stage, n in f.referrals_by_stage]
    lines += [
        QCoreApplication.translate("Employment", "Open postings now: {n}").format(
            n=f.open_postings
        ),
        QCoreApplication.translate(
            "Employment", "Seekers registered: {n}, consenting to matching: {c}"
        ).format(n=f.seekers, c=f.seekers_consenting),
    ]
    return "\n".join(lines)


class FiguresLabel(QLabel):
    """The Figures tab: `figures_text` of the figures shown, said again on a language switch."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMargin(8)
        self._text: Callable[[], str] | None = None
        self._said = ""

    def set_figures(self, figures: EmploymentFigures | None) -> None:
        """Show these figures (None: nothing)."""
        self.set_text_of(None if figures is None else lambda: figures_text(figures))

    def set_text_of(self, text: Callable[[], str] | None) -> None:
        """Show `text()` now and again after each language change (None: nothing)."""
        self._text = text
        self._said = text() if text is not None else ""
        self.setText(self._said)

    def changeEvent(self, event: QEvent) -> None:
        if (
            event.type() == QEvent.Type.LanguageChange
            and self._text is not None
            and self.text() == self._said  # not overwritten since with setText
        ):
            self._said = self._text()
            self.setText(self._said)
        super().changeEvent(event)
