"""The feedback pane: the ticket queue with its deadlines, a ticket's history and steps, and the
monthly response, resolution and satisfaction rates per community."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.feedback import (
    CATEGORIES,
    RATING_MAX,
    RATING_MIN,
    REPLY_MAX,
    UNRESOLVED,
    Action,
    Deadline,
    DepartmentChoice,
    MonthRates,
    Rate,
    ReplyChannel,
    TicketEventRow,
    TicketRow,
    TicketState,
    queue_key,
)
from core.timefmt import DEFAULT_ZONE, fmt_local
from widgets.empty_state import EmptyStateWidget
from widgets.feedback_dialog import (
    category_text,
    channel_text,
    deadline_text,
    source_text,
    state_text,
)
from widgets.flow_layout import flow_row
from widgets.table_model import Column, RowTableModel

OVERDUE_BACKGROUND = QColor("#4a1d1a")
OVERDUE_TEXT = QColor("#ff9f94")
SOON_TEXT = QColor("#ffc66d")  # under a quarter of the category's first-response time left
SOON = timedelta(hours=2)
# Pane-local keys (only while the pane has the focus). None of the main menus' mnemonics
# (Alt+C, V, I, T, L, H: console/shell/main_window.py MENUS), which would make a key ambiguous
# and do nothing: Resolve was Alt+V, Rating Alt+T and Show contact Alt+C.
REPLY_KEY, RESOLVE_KEY, RATE_KEY, REOPEN_KEY = "Alt+Y", "Alt+R", "Alt+S", "Alt+O"
ASSIGN_KEY, NEW_KEY = "Alt+G", "Alt+N"
CONTACT_KEY = "Alt+P"
ALL = ""  # a filter's "all" choice
UNRESOLVED_FILTER = "unresolved"


class TicketsModel(RowTableModel[TicketRow, int]):
    """The queue: one row per ticket, its running deadline coloured."""

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QObject | None = None):
        self._zone = zone
        self.now = datetime.now(UTC)
        self.community_names: dict[str, str] = {}
        super().__init__(
            [
                Column("id", lambda: self.tr("No."), lambda r: str(r.id), sort_key=lambda r: r.id),
                Column("state", lambda: self.tr("State"), lambda r: state_text(r.state)),
                Column(
                    "left",
                    lambda: self.tr("Time left"),
                    self.left_text,
                    background=self._background,
                    foreground=self._foreground,
                ),
                Column(
                    "category", lambda: self.tr("Category"), lambda r: category_text(r.category)
                ),
                Column(
                    "community",
                    lambda: self.tr("Community"),
                    lambda r: self.community_names.get(r.community, r.community),
                ),
                Column(
                    "department",
                    lambda: self.tr("Department"),
                    lambda r: r.department_name or r.department or "—",
                ),
                Column(
                    "opened",
                    lambda: self.tr("Opened"),
                    lambda r: fmt_local(r.created_at, self._zone, seconds=False),
                ),
                Column("source", lambda: self.tr("Source"), lambda r: source_text(r.source)),
                Column("text", lambda: self.tr("Feedback"), lambda r: r.text.splitlines()[0]),
            ],
            key=lambda r: r.id,
            parent=parent,
        )

    def span_text(self, span: timedelta) -> str:
        """'3 d 4 h', '2 h 05 min', '12 min' (of a span, sign ignored)."""
        s = int(abs(span.total_seconds()))
        d, h, m = s // 86400, s % 86400 // 3600, s % 3600 // 60
        if d:
            return self.tr("{d} d {h} h").format(d=d, h=h)
        if h:
            return self.tr("{h} h {m:02d} min").format(h=h, m=m)
        return self.tr("{m} min").format(m=m)

    def left_text(self, r: TicketRow) -> str:
        """Which deadline runs and how long is left, or how late it is; the outcome when none."""
        clock = r.clock(self.now)
        if clock.deadline is None:
            if r.rating is not None:
                return self.tr("Rated {n}/5").format(n=r.rating)
            return "—"
        what = deadline_text(clock.deadline)
        if clock.overdue:
            return self.tr("{what}: overdue {span}").format(
                what=what, span=self.span_text(clock.left)
            )
        return self.tr("{what}: {span} left").format(what=what, span=self.span_text(clock.left))

    def _background(self, r: TicketRow) -> QColor | None:
        return OVERDUE_BACKGROUND if r.clock(self.now).overdue else None

    def _foreground(self, r: TicketRow) -> QBrush | None:
        clock = r.clock(self.now)
        if clock.overdue:
            return QBrush(OVERDUE_TEXT)
        if clock.deadline is not None and clock.left < SOON:
            return QBrush(SOON_TEXT)
        return None


class RatesModel(RowTableModel[MonthRates, str]):
    """A month's rates, one row per community."""

    def __init__(self, parent: QObject | None = None):
        self.community_names: dict[str, str] = {}
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        super().__init__(
            [
                Column(
                    "community",
                    lambda: self.tr("Community"),
                    lambda r: self.community_names.get(r.community, r.community),
                ),
                Column(
                    "tickets",
                    lambda: self.tr("Tickets"),
                    lambda r: str(r.tickets),
                    alignment=lambda r: right,
                    sort_key=lambda r: r.tickets,
                ),
                Column(
                    "response",
                    lambda: self.tr("Response rate"),
                    lambda r: self.rate_text(r.response),
                    alignment=lambda r: right,
                ),
                Column(
                    "resolution",
                    lambda: self.tr("Resolution rate"),
                    lambda r: self.rate_text(r.resolution),
                    alignment=lambda r: right,
                ),
                Column(
                    "satisfaction",
                    lambda: self.tr("Satisfaction rate"),
                    lambda r: self.rate_text(r.satisfaction),
                    alignment=lambda r: right,
                ),
            ],
            key=lambda r: r.community,
            parent=parent,
        )

    def rate_text(self, rate: Rate) -> str:
        """'93.3 % (14/15)', or '—' when nothing was counted."""
        value = rate.value
        if value is None:
            return "—"
        return self.tr("{pct} % ({num}/{den})").format(
            pct=f"{value * 100:.1f}", num=rate.num, den=rate.den
        )


class TicketStepDialog(QDialog):
    """One step's details: a reply (channel and text), a resolution, a rating, a reason, or
    another department. Plain values out; the presenter files them."""

    def __init__(
        self,
        action: Action,
        departments: Sequence[DepartmentChoice] = (),
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("ticketStepDialog")
        self.action = action
        self.channel = QComboBox(self)
        for ch in ReplyChannel:
            self.channel.addItem(channel_text(ch), ch.value)
        self.rating = QComboBox(self)
        self.rating.setObjectName("ticketRating")
        # None chosen to start with: a hurried Enter must not record a 5 (recorded once).
        self.rating.addItem(self.tr("— choose —"), None)
        for n in range(RATING_MAX, RATING_MIN - 1, -1):
            self.rating.addItem(self._rating_text(n), n)
        self.department = QComboBox(self)
        for d in departments:
            self.department.addItem(f"{d.name} ({d.code})", d.code)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        form = QFormLayout()
        need_text = action in (Action.REPLY, Action.RESOLVE, Action.REOPEN)
        if action is Action.REPLY:
            form.addRow(self.tr("How"), self.channel)
        if action is Action.RATE:
            form.addRow(self.tr("The resident's rating"), self.rating)
        if action is Action.ASSIGN:
            form.addRow(self.tr("Department"), self.department)
        label = {
            Action.REPLY: self.tr("What the resident was told"),
            Action.RESOLVE: self.tr("What was done"),
            Action.REOPEN: self.tr("Why it is reopened"),
        }.get(action, self.tr("Note (optional)"))
        form.addRow(label, self.text)
        for w in (self.channel, self.rating, self.department):
            w.setVisible(form.indexOf(w) >= 0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self._need_text = need_text
        self.text.textChanged.connect(self._update_ok)
        self.rating.currentIndexChanged.connect(self._update_ok)
        self.setWindowTitle(
            {
                Action.REPLY: self.tr("Reply to the resident"),
                Action.RESOLVE: self.tr("Resolve the ticket"),
                Action.RATE: self.tr("The resident's rating"),
                Action.REOPEN: self.tr("Reopen the ticket"),
                Action.ASSIGN: self.tr("Give to another department"),
            }.get(action, "")
        )
        self._update_ok()
        self.resize(460, 280)

    def _rating_text(self, n: int) -> str:
        return {
            5: self.tr("5 · very satisfied"),
            4: self.tr("4 · satisfied"),
            3: self.tr("3 · neither"),
            2: self.tr("2 · dissatisfied"),
            1: self.tr("1 · very dissatisfied"),
        }[n]

    def _update_ok(self) -> None:
        words = self.text.toPlainText().strip()
        ok = len(words) <= REPLY_MAX and (bool(words) or not self._need_text)
        if self.action is Action.ASSIGN:
            ok = ok and self.department.count() > 0
        if self.action is Action.RATE:
            ok = ok and self.rating.currentData() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def accept(self) -> None:
        # Enter, or a caller, while OK is disabled (no rating chosen yet) records nothing.
        if self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            super().accept()

    def words(self) -> str:
        """The text entered."""
        return self.text.toPlainText().strip()

    def value(self) -> object:
        """The channel, the rating or the department chosen (None for the others)."""
        if self.action is Action.REPLY:
            return ReplyChannel(str(self.channel.currentData()))
        if self.action is Action.RATE:
            n = self.rating.currentData()
            return None if n is None else int(n)
        if self.action is Action.ASSIGN:
            return str(self.department.currentData())
        return None


class FeedbackPane(QWidget):
    """The queue, a ticket's detail and history, the steps, and the monthly rates (GUI thread;
    plain rows in, requests out as signals)."""

    sig_filters_changed = Signal()
    sig_selection_changed = Signal()
    sig_new_requested = Signal()
    sig_step_requested = Signal(str)  # a core.feedback.Action value
    sig_month_changed = Signal(int, int)  # year, month
    sig_contact_requested = Signal(int)  # the whole contact of this ticket (an audited read)

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedbackPane")
        self._zone = zone
        self._total = 0
        self.can_work = False
        self.can_reveal = False  # the role may read a contact in full (each read audited)
        self._revealed: dict[int, tuple[str, str]] = {}
        self._events: list[TicketEventRow] = []
        # --- the queue ------------------------------------------------------------------
        self.state = QComboBox(self)
        self.state.setObjectName("feedbackStateFilter")
        self.category = QComboBox(self)
        self.category.setObjectName("feedbackCategoryFilter")
        self.community = QComboBox(self)
        self.community.setObjectName("feedbackCommunityFilter")
        self._community_codes: list[str] = []
        self.community_names: dict[str, str] = {}
        for box in (self.state, self.category, self.community):
            box.currentIndexChanged.connect(self._on_filter_changed)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = TicketsModel(zone, self)
        self.table = QTableView(self)
        self.table.setObjectName("feedbackTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Short columns fit their text, measured on the first rows only (a few hundred rows
        # each time would cost ~150 ms, FIELD-NOTES); the department's long names get a width.
        header.setResizeContentsPrecision(30)
        for name in ("id", "state", "left", "category", "community", "opened", "source"):
            header.setSectionResizeMode(
                self.model.column_index(name), QHeaderView.ResizeMode.ResizeToContents
            )
        header.resizeSection(self.model.column_index("department"), 200)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.empty = EmptyStateWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        # --- the detail -----------------------------------------------------------------
        self.detail = QLabel(self)
        self.detail.setObjectName("feedbackDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # residents' words are data
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history_title = QLabel(self)
        self.history = QListWidget(self)
        self.history.setObjectName("feedbackHistory")
        self.history.setWordWrap(True)
        self.new = self._button("feedbackNew", NEW_KEY, self.sig_new_requested.emit)
        self.reply = self._step_button("feedbackReply", REPLY_KEY, Action.REPLY)
        self.resolve = self._step_button("feedbackResolve", RESOLVE_KEY, Action.RESOLVE)
        self.rate = self._step_button("feedbackRate", RATE_KEY, Action.RATE)
        self.reopen = self._step_button("feedbackReopen", REOPEN_KEY, Action.REOPEN)
        self.assign = self._step_button("feedbackAssign", ASSIGN_KEY, Action.ASSIGN)
        self.contact = self._button("feedbackContact", CONTACT_KEY, self._on_contact_clicked)
        filters = QHBoxLayout()
        self.filter_labels = [QLabel(self) for _ in range(3)]
        for lbl, box in zip(
            self.filter_labels, (self.state, self.category, self.community), strict=True
        ):
            filters.addWidget(lbl)
            filters.addWidget(box)
        filters.addStretch(1)
        filters.addWidget(self.new)
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addLayout(filters)
        left_lay.addWidget(self.summary)
        left_lay.addWidget(self.stack, 1)
        # The steps under the queue, whose width they wrap in: in the narrow detail column
        # they stood one above the other and the last ones went out of sight.
        left_lay.addWidget(flow_row(self.reply, self.resolve, self.rate, self.reopen, self.assign))
        right = QWidget(self)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.detail)
        # Not in the steps' row: that row sets the pane's (and the window's) least width.
        below = QHBoxLayout()
        below.addWidget(self.history_title, 1)
        below.addWidget(self.contact)
        right_lay.addLayout(below)
        right_lay.addWidget(self.history, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([1100, 460])
        # --- the monthly rates ----------------------------------------------------------
        self.month = QDateEdit(self)
        self.month.setObjectName("feedbackMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(False)
        self.month.dateChanged.connect(self._on_month_changed)
        self.month_label = QLabel(self)
        self.rates_note = QLabel(self)
        self.rates_note.setTextFormat(Qt.TextFormat.PlainText)
        self.rates_note.setWordWrap(True)
        self.rates = RatesModel(self)
        self.rates_table = QTableView(self)
        self.rates_table.setObjectName("feedbackRates")
        self.rates_table.setModel(self.rates)
        self.rates_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rates_table.verticalHeader().hide()
        self.rates_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        rates = QWidget(self)
        rates_lay = QVBoxLayout(rates)
        row = QHBoxLayout()
        row.addWidget(self.month_label)
        row.addWidget(self.month)
        row.addStretch(1)
        rates_lay.addLayout(row)
        rates_lay.addWidget(self.rates_table, 1)
        rates_lay.addWidget(self.rates_note)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.split, "")
        self.tabs.addTab(rates, "")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.tabs)
        self.retranslate()
        self._show_detail(None, [])

    def _button(self, name: str, key: str, slot: object) -> QPushButton:
        b = QPushButton(self)
        b.setObjectName(name)
        b.clicked.connect(slot)
        # Only while the pane has the focus: the same keys stay free elsewhere.
        sc = QShortcut(QKeySequence(key), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(b.animateClick)
        b.setProperty("shortcutKey", key)
        return b

    def _step_button(self, name: str, key: str, action: Action) -> QPushButton:
        return self._button(name, key, lambda: self.sig_step_requested.emit(action.value))

    # --- what the presenter shows ---------------------------------------------------------
    def set_communities(self, codes: Sequence[str], names: dict[str, str]) -> None:
        """The communities the filter offers (those in the user's scope)."""
        self._community_codes = list(codes)
        self.community_names = dict(names)
        self.model.community_names = self.community_names
        self.rates.community_names = self.community_names
        self._fill_filters()
        self.model.refresh_column("community")
        self.rates.refresh_column("community")

    def set_month(self, year: int, month: int) -> None:
        """The month the rates tab shows (no signal)."""
        self.month.blockSignals(True)
        self.month.setDate(QDate(year, month, 1))
        self.month.blockSignals(False)

    def month_chosen(self) -> tuple[int, int]:
        """(year, month) of the rates tab."""
        d = self.month.date()
        return d.year(), d.month()

    def filters(self) -> tuple[frozenset[TicketState] | None, str | None, str | None]:
        """(states, category, community) the queue is filtered by; None: all."""
        st = self.state.currentData()
        states: frozenset[TicketState] | None
        if st == UNRESOLVED_FILTER:
            states = UNRESOLVED
        elif st:
            states = frozenset({TicketState(str(st))})
        else:
            states = None
        cat = self.category.currentData() or None
        com = self.community.currentData() or None
        return states, None if cat is None else str(cat), None if com is None else str(com)

    def set_tickets(self, rows: Sequence[TicketRow], total: int, now: datetime) -> None:
        """The queue as read (in place: selection and scroll stay)."""
        self.model.now = now
        self._total = total
        self.model.set_rows(rows)
        self._after_rows()

    def upsert(self, rows: Sequence[TicketRow], gone: Sequence[int] = ()) -> None:
        """Changed tickets re-read: updated in place, gone ones removed, new and changed ones
        where the queue's order puts them (the service's: core.feedback.queue_key)."""
        before = len(self.model)
        self.model.remove_keys(gone)
        self.model.upsert(rows, position_key=queue_key)
        self._total += len(self.model) - before
        self._after_rows()

    def tick(self, now: datetime) -> None:
        """The time-left column follows the clock."""
        self.model.now = now
        self.model.refresh_column("left")
        self.update_buttons()

    def selected(self) -> TicketRow | None:
        """The selected ticket, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, ticket_id: int) -> None:
        """Select a ticket by id when it is shown."""
        i = self.model.index_of(ticket_id)
        if i is not None:
            self.table.selectRow(i)

    def show_history(self, ticket_id: int, events: Sequence[TicketEventRow]) -> None:
        """The selected ticket's history, when it is still the selected one."""
        row = self.selected()
        if row is not None and row.id == ticket_id:
            self._show_detail(row, events)

    def show_contact(self, ticket_id: int, name: str, phone: str) -> None:
        """A ticket's contact read in full: shown in its detail while it stays selected (another
        ticket selected, a lock or sign-out masks it again: each look is an audited read). A
        contact that comes after another ticket was selected is not kept."""
        row = self.selected()
        if row is None or row.id != ticket_id:
            return
        self._revealed = {ticket_id: (name, phone)}
        self._show_detail(row, self._events)
        self.update_buttons()

    def forget_contacts(self) -> None:
        """Mask every contact read in full again (the screen locks)."""
        if not self._revealed:
            return
        self._revealed.clear()
        self._show_detail(self.selected(), self._events)
        self.update_buttons()

    def _on_contact_clicked(self) -> None:
        r = self.selected()
        if r is not None:
            self.sig_contact_requested.emit(r.id)

    def set_rates(self, rows: Sequence[MonthRates]) -> None:
        """The month's rates per community."""
        self.rates.set_rows(rows)

    def clear(self) -> None:
        """Forget everything shown (sign-out)."""
        self.model.set_rows([])
        self.rates.set_rows([])
        self._revealed.clear()
        self._total = 0
        self._after_rows()

    def update_buttons(self) -> None:
        """Enable the steps the selected ticket allows (and the user may take)."""
        r = self.selected()
        st = None if r is None else r.state
        work = self.can_work
        self.new.setEnabled(work)
        self.reply.setEnabled(work and st in UNRESOLVED)
        self.assign.setEnabled(work and st in UNRESOLVED)
        self.resolve.setEnabled(work and st is TicketState.ANSWERED)
        self.rate.setEnabled(work and st is TicketState.RESOLVED)
        self.reopen.setEnabled(work and st in (TicketState.RESOLVED, TicketState.RATED))
        self.contact.setEnabled(
            self.can_reveal and r is not None and r.phone_masked and r.id not in self._revealed
        )

    # --- inside ---------------------------------------------------------------------------
    def _after_rows(self) -> None:
        self.stack.setCurrentWidget(self.table if len(self.model) else self.empty)
        self.summary.setText(
            self.tr("{shown} of {total} tickets shown").format(
                shown=len(self.model), total=max(self._total, len(self.model))
            )
        )
        r = self.selected()
        if r is None:
            self._show_detail(None, [])
        self.update_buttons()

    def _ref(self, r: TicketRow) -> str:
        """Where the ticket came from in words: "round:SAT-1/comment" read as a code."""
        ref = r.source_ref
        if ref.startswith("round:") and "/" in ref:
            code, question = ref.removeprefix("round:").split("/", 1)
            return self.tr("(round {round}, question {question})").format(
                round=code, question=question
            )
        return ref

    def _on_selection_changed(self, *_a: object) -> None:
        r = self.selected()
        # Another ticket (or none): the contact read in full is masked again.
        self._revealed = {k: v for k, v in self._revealed.items() if r is not None and k == r.id}
        self._show_detail(r, [])
        self.update_buttons()
        self.sig_selection_changed.emit()

    def _on_filter_changed(self, *_a: object) -> None:
        self.sig_filters_changed.emit()

    def _on_month_changed(self, d: QDate) -> None:
        self.sig_month_changed.emit(d.year(), d.month())

    def _show_detail(self, r: TicketRow | None, events: Sequence[TicketEventRow]) -> None:
        self._events = list(events)
        self.history.clear()
        if r is None:
            self.detail.setText(self.tr("Select a ticket to see what was said and done."))
            return
        lines = [
            self.tr("No. {id} · {state} · {category}").format(
                id=r.id, state=state_text(r.state), category=category_text(r.category)
            ),
            self.tr("Community: {c} · Department: {d}").format(
                c=self.community_names.get(r.community, r.community),
                d=r.department_name or r.department or "—",
            ),
            self.tr("Source: {s} {ref}").format(s=source_text(r.source), ref=self._ref(r)).strip(),
            self.tr("Contact: {who}").format(
                who=" ".join(
                    x for x in self._revealed.get(r.id, (r.contact_name, r.contact_phone)) if x
                )
                or "—"
            ),
            "",
            r.text,
        ]
        if r.response_due_at is not None:
            lines.insert(
                4,
                self.tr("First response due {a} · resolution due {b}").format(
                    a=fmt_local(r.response_due_at, self._zone, seconds=False),
                    b=fmt_local(r.resolve_due_at, self._zone, seconds=False),
                ),
            )
        if r.reply_text:
            channel = channel_text(r.reply_channel) if r.reply_channel else ""
            lines += [
                "",
                self.tr("Last reply ({how}): {text}").format(how=channel, text=r.reply_text),
            ]
        self.detail.setText("\n".join(lines))
        for e in events:
            self.history.addItem(self._event_text(e))

    def _event_text(self, e: TicketEventRow) -> str:
        when = fmt_local(e.ts, self._zone, seconds=False)
        who = e.actor or self.tr("the clock")
        what = {
            Action.CREATE: self.tr("opened"),
            Action.ASSIGN: self.tr("given to {v}"),
            Action.REPLY: self.tr("answered ({v})"),
            Action.RESOLVE: self.tr("resolved"),
            Action.RATE: self.tr("rated {v}/5"),
            Action.REOPEN: self.tr("reopened"),
            Action.OVERDUE: self.tr("overdue: {v}"),
        }[e.kind]
        value = e.value
        if e.kind is Action.REPLY and value in {c.value for c in ReplyChannel}:
            value = channel_text(ReplyChannel(value))
        elif e.kind is Action.OVERDUE:
            value = deadline_text(Deadline(value.partition("@")[0]))
        text = f"{when} · {who} · {what.format(v=value)}"
        return f"{text}\n{e.note}" if e.note else text

    def _fill_filters(self) -> None:
        def fill(box: QComboBox, items: list[tuple[str, str]]) -> None:
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            for text, data in items:
                box.addItem(text, data)
            i = box.findData(current) if current is not None else -1
            box.setCurrentIndex(max(i, 0))
            box.blockSignals(False)

        fill(
            self.state,
            [(self.tr("Unresolved"), UNRESOLVED_FILTER), (self.tr("All states"), ALL)]
            + [(state_text(s), s.value) for s in TicketState],
        )
        fill(
            self.category,
            [(self.tr("All categories"), ALL)]
            + [(category_text(c.code), c.code) for c in CATEGORIES],
        )
        fill(
            self.community,
            [(self.tr("All communities"), ALL)]
            + [(self.community_names.get(c, c), c) for c in self._community_codes],
        )

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.tabs.setTabText(0, self.tr("Tickets"))
        self.tabs.setTabText(1, self.tr("Monthly rates"))
        for lbl, t in zip(
            self.filter_labels,
            (self.tr("State"), self.tr("Category"), self.tr("Community")),
            strict=True,
        ):
            lbl.setText(t)
        for b, text in (
            (self.new, self.tr("New ticket…")),
            (self.reply, self.tr("Reply…")),
            (self.resolve, self.tr("Resolve…")),
            (self.rate, self.tr("Rating…")),
            (self.reopen, self.tr("Reopen…")),
            (self.assign, self.tr("Reassign…")),
            (self.contact, self.tr("Show contact")),
        ):
            key = str(b.property("shortcutKey"))
            # The key on the button, as other panes show theirs ("Resolve… (Alt+R)").
            b.setText(self.tr("{action} ({key})").format(action=text, key=key))
            b.setToolTip(key)
        self.history_title.setText(self.tr("History"))
        self.month_label.setText(self.tr("Month"))
        self.rates_note.setText(
            self.tr(
                "Over the tickets opened in the month. Response rate: answered by the "
                "first-response deadline, of those whose deadline has passed or that were "
                "answered. Resolution rate: resolved, of all. Satisfaction rate: rated 4 or 5, "
                "of those rated."
            )
        )
        self.empty.set_texts(
            "✉",
            self.tr("No feedback tickets"),
            self.tr(
                "Comments, complaints and requests from calls, station visits, survey answers "
                "and walk-ins appear here with their deadlines. New ticket… files one."
            ),
        )
        self._fill_filters()
        self.model.retranslate()
        self.rates.retranslate()
        self._after_rows()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
