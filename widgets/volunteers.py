"""The volunteers' tabs: volunteers with profile and photo, teams, shifts with sign-ups,
pairings with residents and tasks; each a keyboard-first table with an honest empty state."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.timefmt import DEFAULT_ZONE, fmt_local
from core.volunteers import (
    DAY_PARTS,
    PairingRow,
    ShiftRow,
    SignupRow,
    TaskRow,
    TeamRow,
    VolunteerRow,
    availability_slots,
)
from widgets.empty_state import EmptyStateWidget
from widgets.flow_layout import FlowLayout
from widgets.table_model import Column, RowTableModel
from widgets.volunteers_text import VolunteerTexts

R = TypeVar("R")
ALL = ""  # the community filter's "all" choice
PHOTO_SIZE = 120


def _shortcut(
    key: QKeySequence, parent: QWidget, slot: Callable[[], object], context: Qt.ShortcutContext
) -> QShortcut:
    """A shortcut limited to `context` (QShortcut's constructor ignores a context keyword)."""
    sc = QShortcut(key, parent)
    sc.setContext(context)
    sc.activated.connect(slot)
    return sc


class _Table(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)


class _Button:
    """A toolbar button with its shortcut; `needs_row` buttons wait for a selection."""

    def __init__(
        self, widget: QPushButton, text: Callable[[], str], key: str, needs_row: bool
    ) -> None:
        self.widget, self.text, self.key, self.needs_row = widget, text, key, needs_row


class ListTab(QWidget, Generic[R]):
    """A table of rows with a toolbar above, an empty state instead of an empty table, and
    an optional detail widget below; subclasses give the model and the buttons."""

    sig_selection_changed = Signal()

    def __init__(self, model: RowTableModel[R, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = VolunteerTexts(self)
        self.model = model
        self.can_edit = False
        # Filters on one row, the buttons on their own row that wraps: in a docked pane of a
        # 1600x900 window one row of both squeezed every label to a few characters.
        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(0, 0, 0, 0)
        self.button_row = QWidget(self)
        self.buttons = FlowLayout(self.button_row)
        self.table = _Table(self)
        self.table.setModel(model)
        self.empty = EmptyStateWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.split = QSplitter(Qt.Orientation.Vertical, self)
        self.split.addWidget(self.stack)
        # Said when a list stopped at its limit: the screen never looks complete when it is not.
        self.truncated_note = QLabel(self)
        self.truncated_note.setObjectName("volunteersTruncated")
        self.truncated_note.hide()
        self._buttons: list[_Button] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(self.toolbar)
        box.addWidget(self.button_row)
        box.addWidget(self.truncated_note)
        box.addWidget(self.split, 1)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.activated())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            _shortcut(
                QKeySequence(key), self.table, self.activated, Qt.ShortcutContext.WidgetShortcut
            )

    def add_button(
        self, text: Callable[[], str], key: str, slot: Callable[[], None], *, needs_row: bool
    ) -> QPushButton:
        b = QPushButton(self)
        b.clicked.connect(slot)
        b.setObjectName("volunteersButton")
        self.buttons.addWidget(b)
        _shortcut(QKeySequence(key), self, slot, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._buttons.append(_Button(b, text, key, needs_row))
        return b

    def activated(self) -> None:
        """Enter or a double click on a row (subclasses: edit or open)."""

    def selected(self) -> R | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def set_rows(self, rows: Sequence[R], *, truncated: bool = False) -> None:
        """Show `rows`; `truncated`: more matched than the list holds (said above it)."""
        self.truncated_note.setVisible(truncated)
        self.truncated_note.setText(self.texts.first_shown(len(rows)) if truncated else "")
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        if rows and self.selected() is None:
            self.table.selectRow(0)
        self.update_buttons()

    def update_buttons(self) -> None:
        has_row = self.selected() is not None
        for b in self._buttons:
            b.widget.setEnabled(self.can_edit and (has_row or not b.needs_row))

    def _on_selection_changed(self) -> None:
        self.update_buttons()
        self.sig_selection_changed.emit()

    def retranslate(self) -> None:
        for b in self._buttons:
            b.widget.setText(f"{b.text()} ({b.key})")
        if self.truncated_note.isVisible():
            self.truncated_note.setText(self.texts.first_shown(self.model.rowCount()))
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self.set_empty_texts()

    def set_empty_texts(self) -> None:
        """The empty state's words (subclasses)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# --- volunteers --------------------------------------------------------------------------------


class VolunteersModel(RowTableModel[VolunteerRow, int]):
    def __init__(self, texts: VolunteerTexts, parent: QObject | None = None) -> None:
        t = texts
        super().__init__(
            [
                Column("id", lambda: self.tr("No."), lambda r: str(r.id), sort_key=lambda r: r.id),
                Column("name", lambda: self.tr("Name"), lambda r: r.name),
                Column("community", lambda: self.tr("Community"), lambda r: r.community),
                Column("born", lambda: self.tr("Born"), lambda r: str(r.birth_year)),
                Column("phone", lambda: self.tr("Phone"), lambda r: r.phone),
                Column("id_number", lambda: self.tr("Identity No."), lambda r: r.id_number),
                Column("skills", lambda: self.tr("Skills"), lambda r: "、".join(r.skills)),
                Column(
                    "quals",
                    lambda: self.tr("Qualifications"),
                    lambda r: "、".join(
                        q.kind + (t.expired_mark() if q.expired else "") for q in r.qualifications
                    ),
                ),
                Column("insurance", lambda: self.tr("Insurance"), t.insurance),
                Column("teams", lambda: self.tr("Teams"), lambda r: "、".join(r.teams)),
                Column("active", lambda: self.tr("Status"), t.active),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class VolunteerDetail(QWidget):
    """The selected volunteer: photo (hidden without personal-data rights), availability
    grid, qualifications with expiry."""

    def __init__(self, texts: VolunteerTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.photo = QLabel(self)
        self.photo.setObjectName("volunteerPhoto")
        self.photo.setFixedSize(PHOTO_SIZE, PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setWordWrap(True)
        self.photo.setFrameShape(QLabel.Shape.Box)
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.grid = QGridLayout()
        self.cells: dict[tuple[int, int], QLabel] = {}
        self._day_labels: list[QLabel] = []
        self._part_labels: list[QLabel] = []
        for d in range(7):
            lab = QLabel(self)
            self._day_labels.append(lab)
            self.grid.addWidget(lab, 0, d + 1)
            for p in range(len(DAY_PARTS)):
                cell = QLabel(self)
                cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setMinimumWidth(28)
                self.cells[(d, p)] = cell
                self.grid.addWidget(cell, p + 1, d + 1)
        for p in range(len(DAY_PARTS)):
            lab = QLabel(self)
            self._part_labels.append(lab)
            self.grid.addWidget(lab, p + 1, 0)
        # The availability grid under the text, not beside it: beside, a docked pane left the
        # text a column of a few characters that ran off the bottom.
        right = QVBoxLayout()
        right.addWidget(self.info)
        right.addLayout(self.grid)
        right.addStretch(1)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        box = QHBoxLayout(self)
        box.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        box.addLayout(right, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.show_row(None, None)

    def retranslate(self) -> None:
        for d, lab in enumerate(self._day_labels):
            lab.setText(self.texts.weekday_short(d))
        for p, lab in enumerate(self._part_labels):
            lab.setText(self.texts.part(p))

    def show_row(self, row: VolunteerRow | None, photo: bytes | None) -> None:
        self.retranslate()
        t = self.texts
        self.photo.clear()
        if row is None:
            self.info.setText(t.pick_volunteer())
            self.photo.setText("")
            slots: set[tuple[int, int]] = set()
        else:
            slots = availability_slots(row.availability)
            self.info.setText(t.profile(row))
            if row.masked and row.has_photo:
                self.photo.setText(t.photo_hidden())
            elif photo:
                pix = QPixmap()
                pix.loadFromData(photo)
                self.photo.setPixmap(
                    pix.scaled(
                        PHOTO_SIZE,
                        PHOTO_SIZE,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
            else:
                self.photo.setText(t.no_photo())
        for key, cell in self.cells.items():
            cell.setText("●" if key in slots else "·")


class VisitorCard(QWidget):
    """The selected row's volunteer as the visited resident should see them (full name and
    photo), for a station worker to show who will come."""

    def __init__(self, texts: VolunteerTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.setObjectName("visitorCard")
        self.photo = QLabel(self)
        self.photo.setObjectName("visitorPhoto")
        self.photo.setFixedSize(PHOTO_SIZE, PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setWordWrap(True)
        self.photo.setFrameShape(QLabel.Shape.Box)
        self.info = QLabel(self)
        self.info.setObjectName("visitorName")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        box = QHBoxLayout(self)
        box.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        box.addWidget(self.info, 1, Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.name: str | None = None
        self._photo: bytes | None = None
        self.show_card(None, None)

    def show_card(self, name: str | None, photo: bytes | None) -> None:
        """`name` None: no volunteer selected (or not read yet)."""
        self.name, self._photo = name, photo
        self.photo.clear()
        if name is None:
            self.info.setText(self.texts.visitor_none())
            self.photo.setText("")
            return
        self.info.setText(self.texts.visitor_hint().format(name=name))
        if photo:
            pix = QPixmap()
            pix.loadFromData(photo)
            self.photo.setPixmap(
                pix.scaled(
                    PHOTO_SIZE,
                    PHOTO_SIZE,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.photo.setText(self.texts.no_photo())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_card(self.name, self._photo)
        super().changeEvent(event)


class VolunteersTab(ListTab[VolunteerRow]):
    """Volunteers of the chosen community, searched by name or number."""

    sig_filter_changed = Signal()
    sig_new = Signal()
    sig_edit = Signal(int)
    sig_reveal = Signal(int)
    sig_photo = Signal(int)
    sig_qualification = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        texts = VolunteerTexts()
        super().__init__(VolunteersModel(texts), parent)
        self.community = QComboBox(self)
        self.community.setObjectName("volunteerCommunity")
        self.community.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search = QLineEdit(self)
        self.search.setObjectName("volunteerSearch")
        self.search.setClearButtonEnabled(True)
        self.toolbar.addWidget(self.community)
        self.toolbar.addWidget(self.search, 1)
        self.community.currentIndexChanged.connect(lambda _i: self.sig_filter_changed.emit())
        self.search.returnPressed.connect(self.sig_filter_changed.emit)
        self.add_button(self.texts.new_volunteer, "Ins", self.sig_new.emit, needs_row=False)
        self.add_button(self.texts.edit, "F2", self.activated, needs_row=True)
        self.add_button(self.texts.reveal_id, "Ctrl+R", self._reveal, needs_row=True)
        self.add_button(self.texts.photo_button, "Ctrl+P", self._photo, needs_row=True)
        self.add_button(self.texts.qualification_button, "Alt+Q", self._qual, needs_row=True)
        _shortcut(
            QKeySequence("Alt+S"),
            self,
            self.search.setFocus,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.detail = VolunteerDetail(texts, self)
        # The detail scrolls when the splitter leaves it less height than its text and grid.
        self.detail_scroll = QScrollArea(self)
        self.detail_scroll.setWidget(self.detail)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.split.addWidget(self.detail_scroll)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.retranslate()

    def set_communities(self, codes: Sequence[str], names: dict[str, str]) -> None:
        self.community.blockSignals(True)
        self.community.clear()
        if len(codes) != 1:
            self.community.addItem(self.texts.all_communities(), ALL)
        for c in codes:
            self.community.addItem(f"{c} {names.get(c, '')}".strip(), c)
        self.community.blockSignals(False)

    def chosen_community(self) -> str | None:
        value = self.community.currentData()
        return value or None

    def activated(self) -> None:
        row = self.selected()
        if row is not None and self.can_edit:
            self.sig_edit.emit(row.id)

    def _reveal(self) -> None:
        row = self.selected()
        if row is not None:
            self.sig_reveal.emit(row.id)

    def _photo(self) -> None:
        row = self.selected()
        if row is not None:
            self.sig_photo.emit(row.id)

    def _qual(self) -> None:
        row = self.selected()
        if row is not None:
            self.sig_qualification.emit(row.id)

    def retranslate(self) -> None:
        super().retranslate()
        self.search.setPlaceholderText(self.texts.search_hint())

    def set_empty_texts(self) -> None:
        self.empty.set_texts("☺", self.texts.no_volunteers(), self.texts.no_volunteers_hint())


# --- teams -------------------------------------------------------------------------------------


class TeamsModel(RowTableModel[TeamRow, int]):
    def __init__(self, texts: VolunteerTexts, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("name", lambda: self.tr("Team"), lambda r: r.name),
                Column(
                    "community",
                    lambda: self.tr("Community"),
                    lambda r: r.community or texts.street_wide(),
                ),
                Column("leader", lambda: self.tr("Leader"), lambda r: r.leader_name or "—"),
                Column(
                    "account",
                    lambda: self.tr("Leader's account"),
                    lambda r: texts.yes_no(r.leader_user_id is not None),
                ),
                Column("members", lambda: self.tr("Members"), lambda r: str(len(r.members))),
                Column(
                    "names",
                    lambda: self.tr("Who"),
                    lambda r: "、".join(n for _, n in r.members),
                ),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class TeamsTab(ListTab[TeamRow]):
    sig_new = Signal()
    sig_edit = Signal(int)
    sig_join = Signal(int)
    sig_leave = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        texts = VolunteerTexts()
        super().__init__(TeamsModel(texts), parent)
        self.add_button(self.texts.new_team, "Ins", self.sig_new.emit, needs_row=False)
        self.add_button(self.texts.edit, "F2", self.activated, needs_row=True)
        self.add_button(self.texts.add_member, "Ctrl+J", self._join, needs_row=True)
        self.add_button(self.texts.remove_member, "Alt+M", self._leave, needs_row=True)
        self.retranslate()

    def activated(self) -> None:
        row = self.selected()
        if row is not None and self.can_edit:
            self.sig_edit.emit(row.id)

    def _join(self) -> None:
        row = self.selected()
        if row is not None:
            self.sig_join.emit(row.id)

    def _leave(self) -> None:
        row = self.selected()
        if row is not None:
            self.sig_leave.emit(row.id)

    def set_empty_texts(self) -> None:
        self.empty.set_texts("⚑", self.texts.no_teams(), self.texts.no_teams_hint())


# --- shifts ------------------------------------------------------------------------------------


class ShiftsModel(RowTableModel[ShiftRow, int]):
    def __init__(self, texts: VolunteerTexts, zone: str, parent: QObject | None = None) -> None:
        t = texts
        super().__init__(
            [
                Column(
                    "when",
                    lambda: self.tr("When"),
                    lambda r: t.span(r.starts_at, r.ends_at, zone),
                ),
                Column("title", lambda: self.tr("Shift"), lambda r: r.title),
                Column("place", lambda: self.tr("Place"), lambda r: r.place),
                Column(
                    "places",
                    lambda: self.tr("Places"),
                    lambda r: t.places(r),
                ),
                Column("rules", lambda: self.tr("Rules"), lambda r: t.rules(r, zone)),
                Column("mode", lambda: self.tr("Sign-up"), lambda r: t.mode(r)),
                Column("community", lambda: self.tr("Community"), lambda r: r.community),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class SignupsModel(RowTableModel[SignupRow, int]):
    def __init__(self, texts: VolunteerTexts, zone: str, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("volunteer", lambda: self.tr("Volunteer"), lambda r: r.volunteer),
                Column(
                    "status", lambda: self.tr("Status"), lambda r: texts.signup_status(r.status)
                ),
                Column(
                    "at",
                    lambda: self.tr("Signed up"),
                    lambda r: fmt_local(r.signed_at, zone, seconds=False),
                ),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class ShiftsTab(ListTab[ShiftRow]):
    """Shifts of the next weeks; the selected shift's sign-ups below."""

    sig_new = Signal()
    sig_edit = Signal(int)
    sig_signup = Signal(int)
    sig_cancel = Signal(int)
    sig_decide = Signal(int, bool)  # sign-up id, confirm
    sig_withdraw = Signal(int)

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None) -> None:
        texts = VolunteerTexts()
        super().__init__(ShiftsModel(texts, zone), parent)
        self.add_button(self.texts.new_shift, "Ins", self.sig_new.emit, needs_row=False)
        self.add_button(self.texts.edit, "F2", self.activated, needs_row=True)
        self.add_button(self.texts.sign_up, "Ctrl+U", self._signup, needs_row=True)
        self.add_button(self.texts.cancel_shift, "Ctrl+Del", self._cancel, needs_row=True)
        self.signups_model = SignupsModel(texts, zone, self)
        lower = QWidget(self)
        self.signups_bar = QHBoxLayout()
        self.signups_label = QLabel(lower)
        self.signups_bar.addWidget(self.signups_label, 1)
        self.confirm_btn = QPushButton(lower)
        self.decline_btn = QPushButton(lower)
        self.withdraw_btn = QPushButton(lower)
        for b, slot, key in (
            (self.confirm_btn, lambda: self._decide(True), "Alt+Y"),
            (self.decline_btn, lambda: self._decide(False), "Alt+L"),
            (self.withdraw_btn, self._withdraw, "Alt+W"),
        ):
            b.clicked.connect(slot)
            self.signups_bar.addWidget(b)
            _shortcut(QKeySequence(key), self, slot, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.signups = _Table(lower)
        self.signups.setModel(self.signups_model)
        self.signups.selectionModel().selectionChanged.connect(lambda *_: self._signup_buttons())
        lbox = QVBoxLayout(lower)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addLayout(self.signups_bar)
        lbox.addWidget(self.signups, 1)
        self.split.addWidget(lower)
        self.retranslate()
        self._signup_buttons()

    def activated(self) -> None:
        row = self.selected()
        if row is not None and self.can_edit:
            self.sig_edit.emit(row.id)

    def _signup(self) -> None:
        row = self.selected()
        if row is not None and self.can_edit:
            self.sig_signup.emit(row.id)

    def _cancel(self) -> None:
        row = self.selected()
        if row is not None and self.can_edit:
            self.sig_cancel.emit(row.id)

    def selected_signup(self) -> SignupRow | None:
        rows = self.signups.selectionModel().selectedRows()
        return self.signups_model.row_at(rows[0].row()) if rows else None

    def _decide(self, confirm: bool) -> None:
        su = self.selected_signup()
        if su is not None and self.can_edit and su.status == "pending":
            self.sig_decide.emit(su.id, confirm)

    def _withdraw(self) -> None:
        su = self.selected_signup()
        if su is not None and self.can_edit and su.status in ("pending", "confirmed"):
            self.sig_withdraw.emit(su.id)

    def set_signups(self, rows: Sequence[SignupRow]) -> None:
        self.signups_model.set_rows(rows)
        if rows and self.selected_signup() is None:
            self.signups.selectRow(0)
        self.signups_label.setText(
            self.texts.signups_title(len(rows)) if self.selected() else self.texts.pick_shift()
        )
        self._signup_buttons()

    def _signup_buttons(self) -> None:
        su = self.selected_signup()
        pending = su is not None and su.status == "pending"
        self.confirm_btn.setEnabled(self.can_edit and pending)
        self.decline_btn.setEnabled(self.can_edit and pending)
        self.withdraw_btn.setEnabled(
            self.can_edit and su is not None and su.status in ("pending", "confirmed")
        )

    def retranslate(self) -> None:
        super().retranslate()
        self.confirm_btn.setText(self.texts.confirm_signup() + " (Alt+Y)")
        self.decline_btn.setText(self.texts.decline_signup() + " (Alt+L)")
        self.withdraw_btn.setText(self.texts.withdraw() + " (Alt+W)")
        self.signups_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self.signups_label.setText(self.texts.pick_shift())

    def set_empty_texts(self) -> None:
        self.empty.set_texts("◷", self.texts.no_shifts(), self.texts.no_shifts_hint())


# --- pairings ----------------------------------------------------------------------------------


class PairingsModel(RowTableModel[PairingRow, int]):
    def __init__(self, texts: VolunteerTexts, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("volunteer", lambda: self.tr("Volunteer"), lambda r: r.volunteer),
                Column("resident", lambda: self.tr("Resident"), lambda r: r.resident),
                Column(
                    "alone",
                    lambda: self.tr("Lives alone"),
                    lambda r: texts.yes_no(r.lives_alone),
                ),
                Column(
                    "when",
                    lambda: self.tr("Visits"),
                    lambda r: texts.cadence(r.cadence, r.weekday),
                ),
                Column("note", lambda: self.tr("Note"), lambda r: r.note),
                Column("since", lambda: self.tr("Since"), lambda r: r.started_on.isoformat()),
                Column("community", lambda: self.tr("Community"), lambda r: r.community),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class PairingsTab(ListTab[PairingRow]):
    sig_new = Signal()
    sig_end = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PairingsModel(VolunteerTexts()), parent)
        self.add_button(self.texts.new_pairing, "Ins", self.sig_new.emit, needs_row=False)
        self.add_button(self.texts.end_pairing, "Ctrl+Del", self._end, needs_row=True)
        self.visitor = VisitorCard(self.texts, self)
        self.split.addWidget(self.visitor)
        self.retranslate()

    def selected_volunteer(self) -> int | None:
        row = self.selected()
        return None if row is None else row.volunteer_id

    def _end(self) -> None:
        row = self.selected()
        if row is not None and self.can_edit:
            self.sig_end.emit(row.id)

    def set_empty_texts(self) -> None:
        self.empty.set_texts("♥", self.texts.no_pairings(), self.texts.no_pairings_hint())


# --- tasks -------------------------------------------------------------------------------------


class TasksModel(RowTableModel[TaskRow, int]):
    def __init__(self, texts: VolunteerTexts, zone: str, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    "due",
                    lambda: self.tr("Due"),
                    lambda r: fmt_local(r.due_at, zone, seconds=False) if r.due_at else "—",
                ),
                Column("kind", lambda: self.tr("Kind"), lambda r: texts.task_kind(r.kind)),
                Column("title", lambda: self.tr("Task"), lambda r: r.title),
                Column("resident", lambda: self.tr("Resident"), lambda r: r.resident or "—"),
                Column("volunteer", lambda: self.tr("Volunteer"), lambda r: r.volunteer or "—"),
                Column("status", lambda: self.tr("Status"), lambda r: texts.task_status(r.status)),
                Column("source", lambda: self.tr("From"), lambda r: texts.task_source(r)),
                Column("community", lambda: self.tr("Community"), lambda r: r.community),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class TasksTab(ListTab[TaskRow]):
    sig_new = Signal()
    sig_assign = Signal(int)
    sig_close = Signal(int, bool)  # task id, done (else cancelled)

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None) -> None:
        super().__init__(TasksModel(VolunteerTexts(), zone), parent)
        self.add_button(self.texts.new_task, "Ins", self.sig_new.emit, needs_row=False)
        self.add_button(self.texts.assign, "Alt+G", self.activated, needs_row=True)
        self.add_button(self.texts.done, "Ctrl+D", lambda: self._close(True), needs_row=True)
        self.add_button(
            self.texts.cancel_task, "Ctrl+Del", lambda: self._close(False), needs_row=True
        )
        self.visitor = VisitorCard(self.texts, self)
        self.split.addWidget(self.visitor)
        self.retranslate()

    def selected_volunteer(self) -> int | None:
        row = self.selected()
        return None if row is None else row.volunteer_id

    def activated(self) -> None:
        row = self.selected()
        if row is not None and self.can_edit:
            self.sig_assign.emit(row.id)

    def _close(self, done: bool) -> None:
        row = self.selected()
        if row is not None and self.can_edit:
            self.sig_close.emit(row.id, done)

    def set_empty_texts(self) -> None:
        self.empty.set_texts("✓", self.texts.no_tasks(), self.texts.no_tasks_hint())
