"""The Screening pane's tabs: find a person and start a sitting; results; rescreens; licences."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.screening_pathway import ScreeningMode
from core.screening_views import DueRow, LicenceRow, ScreeningRow, SittingPlan
from core.timefmt import DEFAULT_ZONE, fmt_local
from core.views import PersonChoice
from widgets.empty_state import EmptyStateWidget
from widgets.flow_layout import flow_row
from widgets.table_model import Column, RowTableModel
from widgets.table_titles import fit_columns


def mode_text(mode: str) -> str:
    """How a screening was given, in the current language."""
    return {
        ScreeningMode.STATION.value: QCoreApplication.translate("Screening", "At the station"),
        ScreeningMode.PHONE.value: QCoreApplication.translate("Screening", "By phone"),
        ScreeningMode.KIOSK.value: QCoreApplication.translate(
            "Screening", "Self-completed (kiosk)"
        ),
    }.get(mode, mode)


class StartTab(QWidget):
    """Find a resident, see the sitting's plan (consent first), pick how it is given, start.

    Signals (GUI thread): `sig_search(text)` as the user types; `sig_person(id)` when one is
    picked; `sig_start(id, mode)` on Start (Ctrl+Return); `sig_results(id)` for their results.
    """

    sig_search = Signal(str)
    sig_person = Signal(int)
    sig_start = Signal(int, str)
    sig_results = Signal(int)
    sig_record = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._plan: SittingPlan | None = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(self.sig_search.emit)
        self.found = QListWidget()
        self.found.currentItemChanged.connect(self._on_current)
        self.found.itemActivated.connect(lambda _i: self._start())
        self.plan = QLabel()
        self.plan.setTextFormat(Qt.TextFormat.PlainText)
        self.plan.setWordWrap(True)
        self.mode = QComboBox()
        for mode in ScreeningMode:
            self.mode.addItem("", mode.value)
        self.start_button = QPushButton()
        self.start_button.clicked.connect(self._start)
        self.start_button.setEnabled(False)
        self.results_button = QPushButton()
        self.results_button.clicked.connect(self._results)
        self.results_button.setEnabled(False)
        self.results_button.setVisible(False)
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self._record)
        self.record_button.setEnabled(False)
        self.record_button.setVisible(False)
        self._mode_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self._mode_label)
        row.addWidget(self.mode, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.search)
        box.addWidget(self.found, 1)
        box.addWidget(self.plan)
        box.addLayout(row)
        box.addWidget(flow_row(self.start_button, self.results_button, self.record_button))
        self._retranslate()

    def may_read_results(self, allowed: bool, counsel: bool = False) -> None:
        """Show the Results (and Counselling record) buttons to the roles that may read them."""
        self.results_button.setVisible(allowed)
        self.record_button.setVisible(counsel)

    def set_found(self, rows: Sequence[PersonChoice]) -> None:
        """The residents the search found."""
        self.found.clear()
        for p in rows:
            item = QListWidgetItem(f"{p.name}  ·  {p.community}  ·  {p.birth_year}  ·  #{p.id}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.found.addItem(item)
        if rows:
            self.found.setCurrentRow(0)
        else:
            self.set_plan(None)

    def set_plan(self, plan: SittingPlan | None) -> None:
        """What a sitting for the picked person starts with (None: nobody picked)."""
        self._plan = plan
        self.start_button.setEnabled(plan is not None and not plan.consent_missing)
        self.results_button.setEnabled(plan is not None)
        self.record_button.setEnabled(plan is not None)
        if plan is None:
            self.plan.setText("")
            return
        if plan.consent_missing:
            self.plan.setText(
                self.tr(
                    "{name} has no screening consent on record: record it in Residents first "
                    "(a separate consent for health data)."
                ).format(name=plan.name)
            )
            return
        lines = [
            self.tr("{name}, {age}: starts with {forms}.").format(
                name=plan.name, age=plan.age, forms=" + ".join(plan.instruments)
            )
        ]
        if not plan.emergency_contact:
            lines.append(
                self.tr("No emergency contact is on record: the crisis script will say so.")
            )
        self.plan.setText("\n".join(lines))

    def person_id(self) -> int | None:
        """The picked resident, if any."""
        item = self.found.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _on_current(self, item: QListWidgetItem | None, _prev: object) -> None:
        if item is not None:
            self.sig_person.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def _start(self) -> None:
        if self._plan is not None and not self._plan.consent_missing:
            self.sig_start.emit(self._plan.resident_id, str(self.mode.currentData()))

    def _results(self) -> None:
        if self._plan is not None:
            self.sig_results.emit(self._plan.resident_id)

    def _record(self) -> None:
        if self._plan is not None:
            self.sig_record.emit(self._plan.resident_id)

    @property
    def plan_shown(self) -> SittingPlan | None:
        """The plan of the person picked, as shown."""
        return self._plan

    def keyPressEvent(self, event: object) -> None:
        from PySide6.QtGui import QKeyEvent

        if (
            isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._start()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Name, phone, address or resident number…"))
        self._mode_label.setText(self.tr("Given"))
        for i in range(self.mode.count()):
            self.mode.setItemText(i, mode_text(str(self.mode.itemData(i))))
        self.start_button.setText(self.tr("Start the screening (Ctrl+Return)"))
        self.results_button.setText(self.tr("Results and trend"))
        self.record_button.setText(self.tr("Counselling record"))
        self.set_plan(self._plan)


class ResultsModel(RowTableModel[ScreeningRow, int]):
    """A person's screenings, newest first, with the trend read down the Score column."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column(
                    "when",
                    lambda: self.tr("Started"),
                    lambda r: fmt_local(r.started_at, DEFAULT_ZONE, seconds=False),
                ),
                Column("form", lambda: self.tr("Form"), lambda r: r.instrument),
                Column("mode", lambda: self.tr("Given"), lambda r: mode_text(r.mode)),
                Column(
                    "score",
                    lambda: self.tr("Score"),
                    lambda r: (
                        self.tr("partial, not scored")
                        if r.total is None
                        else f"{r.total}/{r.max_total} · {r.band}"
                    ),
                ),
                Column(
                    "risk",
                    lambda: self.tr("Risk answer"),
                    lambda r: (
                        self.tr("yes, incident {id}").format(id=r.incident_id) if r.risk else ""
                    ),
                ),
                Column("by", lambda: self.tr("Given by"), lambda r: r.given_by),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class DueModel(RowTableModel[DueRow, tuple[int, str]]):
    """Residents due for a rescreen, soonest first."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("due", lambda: self.tr("Due"), lambda r: r.due_on.isoformat()),
                Column("name", lambda: self.tr("Resident"), lambda r: r.name),
                Column("community", lambda: self.tr("Community"), lambda r: r.community),
                Column("form", lambda: self.tr("Next form"), lambda r: r.instrument),
                Column(
                    "last",
                    lambda: self.tr("Last result"),
                    lambda r: f"{r.last_total} · {r.last_band}",
                ),
                Column(
                    "refer",
                    lambda: self.tr("Refer"),
                    lambda r: self.tr("refer") if r.refer else "",
                ),
                Column("why", lambda: self.tr("Why"), lambda r: r.why),
            ],
            key=lambda r: (r.resident_id, r.instrument),
            parent=parent,
        )


class LicencesModel(RowTableModel[LicenceRow, tuple[str, int]]):
    """Instruments used under a licence: holder, reference, dates, usable today."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("form", lambda: self.tr("Form"), lambda r: f"{r.code}@{r.version}"),
                Column("name", lambda: self.tr("Name"), lambda r: r.name),
                Column("holder", lambda: self.tr("Licence holder"), lambda r: r.holder),
                Column("reference", lambda: self.tr("Reference"), lambda r: r.reference),
                Column("granted", lambda: self.tr("Granted"), lambda r: r.granted_on.isoformat()),
                Column(
                    "expires",
                    lambda: self.tr("Expires"),
                    lambda r: r.expires.isoformat() if r.expires else self.tr("no end date"),
                ),
                Column(
                    "usable",
                    lambda: self.tr("In force"),
                    lambda r: self.tr("yes") if r.usable else self.tr("no: new screenings refused"),
                ),
            ],
            key=lambda r: (r.code, r.version),
            parent=parent,
        )


class TableTab(QWidget):
    """A table with a heading line and an empty state in its place when there are no rows."""

    def __init__(self, model: RowTableModel, parent: QWidget | None = None):  # type: ignore[type-arg]
        super().__init__(parent)
        self.model = model
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = EmptyStateWidget()
        self._stack = QStackedWidget()
        self._stack.addWidget(self.empty)
        self._stack.addWidget(self.table)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self._stack, 1)

    def set_rows(self, rows: Sequence[object]) -> None:
        """Show these rows (the model changes in place); the empty state when there are none."""
        self.model.set_rows(list(rows))
        self._stack.setCurrentIndex(1 if rows else 0)
        if rows:
            fit_columns(self.table)


def due_heading(by: date, n: int) -> str:
    """The Due tab's heading line."""
    return QCoreApplication.translate("Screening", "{n} due for a rescreen by {day}").format(
        n=n, day=by.isoformat()
    )
