"""Survey rounds: the list with participation, a new round's dialog, and a round's call list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.business import KINDS as BUSINESS_KINDS
from core.survey_views import CallListRow, PublishedForm, RoundRow
from core.views import CommunityRow
from widgets.table_model import Column, RowTableModel

CARE_FLAGS = ("lives_alone", "dementia", "disability", "chronic_illness")
FRAME_DELAY_MS = 300  # the frame is counted after the choices settle, not per click
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True, slots=True)
class NewRound:
    """A round as the dialog asks for it (SurveyService.create_round's arguments)."""

    code: str
    purpose: str
    form_code: str
    form_version: int
    frame_kind: str
    frame_params: dict[str, Any]
    starts_on: date
    ends_on: date
    anonymous: bool
    keep_partial: bool


class RoundsModel(RowTableModel[RoundRow, str]):
    """Rounds by code: form, frame, dates, status and participation."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("code", lambda: self.tr("Round"), lambda r: r.code),
                Column("status", lambda: self.tr("Status"), self.status_text),
                Column(
                    "participation",
                    lambda: self.tr("Participation"),
                    lambda r: f"{r.complete}/{r.frame} ({r.rate:.0%})",
                    alignment=lambda r: _RIGHT,
                    sort_key=lambda r: r.rate,
                ),
                Column(
                    "partial",
                    lambda: self.tr("Partial"),
                    lambda r: str(r.partial),
                    alignment=lambda r: _RIGHT,
                ),
                Column("purpose", lambda: self.tr("Purpose"), lambda r: r.purpose),
                Column(
                    "form", lambda: self.tr("Form"), lambda r: f"{r.form_code} v{r.form_version}"
                ),
                Column("frame", lambda: self.tr("Frame"), self.frame_text),
                Column(
                    "dates",
                    lambda: self.tr("Dates"),
                    lambda r: f"{r.starts_on:%m-%d} – {r.ends_on:%m-%d}",
                    tooltip=lambda r: f"{r.starts_on.isoformat()} – {r.ends_on.isoformat()}",
                ),
                Column(
                    "anonymous",
                    lambda: self.tr("Anonymous"),
                    lambda r: self.tr("yes") if r.anonymous else self.tr("no"),
                ),
            ],
            key=lambda r: r.code,
            parent=parent,
        )

    def frame_text(self, r: RoundRow) -> str:
        return {
            "communities": self.tr("communities"),
            "care": self.tr("care group"),
            "sample": self.tr("random sample"),
            "businesses": self.tr("businesses"),
        }.get(r.frame_kind, r.frame_kind)

    def status_text(self, r: RoundRow) -> str:
        return self.tr("open") if r.status == "open" else self.tr("closed")


class CallListModel(RowTableModel[CallListRow, int]):
    """People of a round still to call, masked as the viewer may see them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("name", lambda: self.tr("Name"), lambda r: r.name),
                Column("community", lambda: self.tr("Community"), lambda r: r.community),
                Column("phone", lambda: self.tr("Phone"), lambda r: r.phone),
                Column("age", lambda: self.tr("Born"), lambda r: r.age),
            ],
            key=lambda r: r.resident_id,
            parent=parent,
        )


def _table(model: RowTableModel[Any, Any]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class RoundsWidget(QWidget):
    """The rounds list, its actions, and the selected round's call list.

    Signals (GUI thread): `sig_round_selected(str)`, `sig_new_round_requested()`,
    `sig_close_requested(str)`, `sig_paper_requested(str)`, `sig_call_next_requested(str)`,
    `sig_call_requested(str, int)` (a round and the person double-clicked).
    """

    sig_round_selected = Signal(str)
    sig_new_round_requested = Signal()
    sig_close_requested = Signal(str)
    sig_paper_requested = Signal(str)
    sig_call_next_requested = Signal(str)
    sig_call_requested = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RoundsModel(self)
        self.view = _table(self.model)
        header = self.view.horizontalHeader()
        # The purpose is long: a fixed width (status and participation come before it).
        self.view.setColumnWidth(4, 240)
        header.setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.calls = CallListModel(self)
        self.call_view = _table(self.calls)
        for col, width in enumerate((160, 200, 160)):
            self.call_view.setColumnWidth(col, width)
        self.call_view.doubleClicked.connect(self._on_call_double_clicked)
        self.call_label = QLabel()
        self.call_label.setTextFormat(Qt.TextFormat.PlainText)
        self.new_round = QPushButton()
        self.new_round.clicked.connect(self.sig_new_round_requested)
        self.close_round = QPushButton()
        self.close_round.clicked.connect(lambda: self._emit_for(self.sig_close_requested))
        self.paper = QPushButton()
        self.paper.clicked.connect(lambda: self._emit_for(self.sig_paper_requested))
        self.call_next = QPushButton()
        self.call_next.clicked.connect(lambda: self._emit_for(self.sig_call_next_requested))
        buttons = QHBoxLayout()
        for b in (self.new_round, self.close_round, self.paper, self.call_next):
            buttons.addWidget(b)
        buttons.addStretch(1)
        top = QWidget()
        tbox = QVBoxLayout(top)
        tbox.setContentsMargins(0, 0, 0, 0)
        tbox.addLayout(buttons)
        tbox.addWidget(self.view, 1)
        bottom = QWidget()
        bbox = QVBoxLayout(bottom)
        bbox.setContentsMargins(0, 0, 0, 0)
        bbox.addWidget(self.call_label)
        bbox.addWidget(self.call_view, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([300, 250])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(split)
        self._may = {"author": False, "take": False, "read": False}
        self.retranslate()
        self._update_buttons()

    # --- what the presenter sets ------------------------------------------------------------
    def set_rights(self, *, author: bool, take: bool, read: bool) -> None:
        """What the signed-in role may do here (the rest is hidden or disabled)."""
        self._may = {"author": author, "take": take, "read": read}
        self.new_round.setVisible(author)
        self.close_round.setVisible(author)
        self.paper.setVisible(take)
        self.call_next.setVisible(take)
        self._update_buttons()

    def set_rounds(self, rows: list[RoundRow]) -> None:
        self.model.set_rows(rows)
        if not self.view.selectionModel().hasSelection() and rows:
            self.view.selectRow(0)
        self._update_buttons()

    def set_call_list(
        self, round_code: str, rows: list[CallListRow], todo: int, frame: int
    ) -> None:
        """The people still to answer (`todo` of the `frame`; the first of them in `rows`)."""
        if round_code != self.selected_code():
            return  # another round was chosen meanwhile
        self.calls.set_rows(rows)
        text = self.tr("Call list of {round}: {n} of {frame} still to answer").format(
            round=round_code, n=todo, frame=frame
        )
        if len(rows) < todo:
            text += " " + self.tr("(the first {k} shown)").format(k=len(rows))
        self.call_label.setText(text)
        self._update_buttons()

    def clear(self) -> None:
        self.model.set_rows([])
        self.calls.set_rows([])
        self.call_label.clear()
        self._update_buttons()

    def selected_round(self) -> RoundRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_code(self) -> str:
        r = self.selected_round()
        return r.code if r is not None else ""

    # --- internals ------------------------------------------------------------------------
    def _emit_for(self, signal: Any) -> None:
        code = self.selected_code()
        if code:
            signal.emit(code)

    def _update_buttons(self) -> None:
        r = self.selected_round()
        is_open = r is not None and r.status == "open"
        self.close_round.setEnabled(is_open)
        self.paper.setEnabled(is_open)
        self.call_next.setEnabled(is_open and len(self.calls) > 0)

    @Slot()
    def _on_selection_changed(self) -> None:
        self.calls.set_rows([])
        self.call_label.clear()
        self._update_buttons()
        code = self.selected_code()
        if code:
            self.sig_round_selected.emit(code)

    @Slot()
    def _on_call_double_clicked(self) -> None:
        rows = self.call_view.selectionModel().selectedRows()
        r = self.selected_round()
        if rows and r is not None and r.status == "open" and self._may["take"]:
            self.sig_call_requested.emit(r.code, self.calls.row_at(rows[0].row()).resident_id)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.model.retranslate()
        self.calls.retranslate()
        self.new_round.setText(self.tr("New round…"))
        self.close_round.setText(self.tr("Close round…"))
        self.paper.setText(self.tr("Enter paper responses…"))
        self.call_next.setText(self.tr("Call next"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class NewRoundDialog(QDialog):
    """A new round: code, purpose, a published form, its frame (size shown first), dates.

    Signals (GUI thread): `sig_frame_size_requested(str, dict)` whenever the frame changes
    (debounced); `sig_create_requested(NewRound)` on OK.
    """

    sig_frame_size_requested = Signal(str, dict)
    sig_create_requested = Signal(object)

    def __init__(
        self,
        forms: list[PublishedForm],
        communities: list[CommunityRow],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.purpose = QLineEdit()
        self.purpose.setMaxLength(300)
        self.form = QComboBox()
        for f in forms:
            self.form.addItem(f"{f.code} v{f.version} · {f.title}", f)
        self.kind = QComboBox()
        self.communities = QListWidget()
        self.communities.setMaximumHeight(130)
        for c in communities:
            item = QListWidgetItem(f"{c.code} {c.name}")
            item.setData(Qt.ItemDataRole.UserRole, c.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.communities.addItem(item)
        self.care = QComboBox()
        self.business_kinds = QListWidget()  # a frame of businesses: these kinds (none: all)
        self.business_kinds.setMaximumHeight(110)
        for k in BUSINESS_KINDS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, k)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.business_kinds.addItem(item)
        self.n = QSpinBox()
        self.n.setRange(1, 1_000_000)
        self.n.setValue(200)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2_000_000_000)
        self.seed.setValue(today.year * 10000 + today.month * 100 + today.day)
        self.starts = QDateEdit(QDate(today.year, today.month, today.day))
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat("yyyy-MM-dd")
        end = today + timedelta(days=30)
        self.ends = QDateEdit(QDate(end.year, end.month, end.day))
        self.ends.setCalendarPopup(True)
        self.ends.setDisplayFormat("yyyy-MM-dd")
        self.anonymous = QCheckBox()
        self.keep_partial = QCheckBox()
        self.size_label = QLabel()
        self.size_label.setTextFormat(Qt.TextFormat.PlainText)
        self.size_label.setObjectName("frameSize")
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #ff453a;")
        self.frame_size: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FRAME_DELAY_MS)
        self._timer.timeout.connect(self.request_frame_size)
        self.layout_ = QFormLayout()
        self.labels = [QLabel() for _ in range(13)]
        fields: list[QWidget] = [
            self.code,
            self.purpose,
            self.form,
            self.kind,
            self.communities,
            self.care,
            self.n,
            self.seed,
            self.starts,
            self.ends,
            self.anonymous,
            self.keep_partial,
            self.business_kinds,
        ]
        for label, w in zip(self.labels, fields, strict=True):
            self.layout_.addRow(label, w)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.layout_)
        box.addWidget(self.size_label)
        box.addWidget(self.error)
        box.addWidget(self.buttons)
        self.retranslate()
        self.kind.currentIndexChanged.connect(self._on_frame_changed)
        self.care.currentIndexChanged.connect(self._on_frame_changed)
        self.n.valueChanged.connect(self._on_frame_changed)
        self.seed.valueChanged.connect(self._on_frame_changed)
        self.communities.itemChanged.connect(self._on_frame_changed)
        self.business_kinds.itemChanged.connect(self._on_frame_changed)
        self._on_frame_changed()

    def frame(self) -> tuple[str, dict[str, Any]]:
        """The frame kind and its parameters as SurveyService.create_round takes them."""
        kind = str(self.kind.currentData())
        params: dict[str, Any] = {}
        codes = [
            str(self.communities.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.communities.count())
            if self.communities.item(i).checkState() == Qt.CheckState.Checked
        ]
        if codes:
            params["communities"] = codes
        if kind == "care":
            params["flag"] = str(self.care.currentData())
        if kind == "sample":
            params["n"] = self.n.value()
            params["seed"] = self.seed.value()
        if kind == "businesses":
            kinds = [
                str(self.business_kinds.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.business_kinds.count())
                if self.business_kinds.item(i).checkState() == Qt.CheckState.Checked
            ]
            if kinds:
                params["kinds"] = kinds
        return kind, params

    def set_frame_size(self, kind: str, params: dict[str, Any], n: int) -> None:
        """The presenter counted the frame; stale counts (the choices moved on) are ignored."""
        if (kind, params) != self.frame():
            return
        self.frame_size = n
        if kind == "businesses":
            text = self.tr("This frame draws {n} businesses now.")
        else:
            text = self.tr("This frame draws {n} people now.")
        self.size_label.setText(text.format(n=n))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def request(self) -> NewRound | None:
        """The round asked for, or None with the reason shown."""
        f = self.form.currentData()
        code, purpose = self.code.text().strip(), self.purpose.text().strip()
        if not isinstance(f, PublishedForm):
            self.error.setText(self.tr("Publish a form first: a round needs a published form."))
            return None
        if not code or not purpose:
            self.error.setText(self.tr("Give the round a code and a purpose."))
            return None
        s, e = self.starts.date(), self.ends.date()
        starts, ends = date(s.year(), s.month(), s.day()), date(e.year(), e.month(), e.day())
        if ends < starts:
            self.error.setText(self.tr("The round ends before it starts."))
            return None
        kind, params = self.frame()
        return NewRound(
            code=code,
            purpose=purpose,
            form_code=f.code,
            form_version=f.version,
            frame_kind=kind,
            frame_params=params,
            starts_on=starts,
            ends_on=ends,
            anonymous=self.anonymous.isChecked(),
            keep_partial=self.keep_partial.isChecked(),
        )

    @Slot()
    def request_frame_size(self) -> None:
        self._timer.stop()
        kind, params = self.frame()
        self.sig_frame_size_requested.emit(kind, params)

    @Slot()
    def _on_frame_changed(self) -> None:
        kind = str(self.kind.currentData())
        self.layout_.setRowVisible(5, kind == "care")
        self.layout_.setRowVisible(6, kind == "sample")
        self.layout_.setRowVisible(7, kind == "sample")
        self.layout_.setRowVisible(12, kind == "businesses")
        self.frame_size = None
        self.size_label.setText(self.tr("Counting the frame…"))
        self._timer.start()

    @Slot()
    def _on_ok(self) -> None:
        req = self.request()
        if req is None:
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.error.clear()
        self.sig_create_requested.emit(req)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("New survey round"))
        texts = [
            self.tr("Code"),
            self.tr("Purpose"),
            self.tr("Form (published)"),
            self.tr("Frame"),
            self.tr("Communities (none: all)"),
            self.tr("Care flag"),
            self.tr("Sample size N"),
            self.tr("Seed"),
            self.tr("Starts"),
            self.tr("Ends"),
            self.tr("Anonymous"),
            self.tr("Keep partial responses"),
            self.tr("Business kinds (none: all)"),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.code.setPlaceholderText(self.tr("e.g. 2026-Q4-SAT"))
        self.anonymous.setText(self.tr('keep only a "has answered" flag per person'))
        self.keep_partial.setText(self.tr("an unfinished response is kept, marked partial"))
        self.seed.setToolTip(self.tr("The same seed draws the same people"))
        kinds = {
            "communities": self.tr("All residents of the communities"),
            "care": self.tr("A care-flag group"),
            "sample": self.tr("A random sample of N"),
            "businesses": self.tr("Businesses of the communities (trading on the start date)"),
        }
        current = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        for k, text in kinds.items():
            self.kind.addItem(text, k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        flags = {
            "lives_alone": self.tr("Lives alone"),
            "dementia": self.tr("Dementia"),
            "disability": self.tr("Disability"),
            "chronic_illness": self.tr("Chronic illness"),
        }
        flag = self.care.currentData()
        self.care.blockSignals(True)
        self.care.clear()
        for f in CARE_FLAGS:
            self.care.addItem(flags[f], f)
        self.care.setCurrentIndex(max(0, self.care.findData(flag)))
        self.care.blockSignals(False)
        business_kinds = {
            "shop": self.tr("Shop"),
            "restaurant": self.tr("Restaurant"),
            "service": self.tr("Service"),
            "market": self.tr("Market stall"),
            "other": self.tr("Other"),
        }
        self.business_kinds.blockSignals(True)
        for i in range(self.business_kinds.count()):
            item = self.business_kinds.item(i)
            k = str(item.data(Qt.ItemDataRole.UserRole))
            item.setText(business_kinds.get(k, k))
        self.business_kinds.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
