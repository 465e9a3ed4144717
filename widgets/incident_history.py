"""The queue pane's History: a search bar over every incident, newest first, with a match count."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.history import PHONE_MAX, PHONE_MIN, TEXT_MAX, TEXT_MIN, HistoryQuery
from core.model import IncidentSource
from core.timefmt import DEFAULT_ZONE
from core.views import CommunityRow, IncidentRow, IncidentTypeRow
from widgets import labels
from widgets.empty_state import EmptyStateWidget
from widgets.incident_queue import COLUMN_WIDTHS, IncidentQueueModel

LOCATION_WIDTH = 220  # px: most street addresses whole
NO_DATE = QDate(2000, 1, 1)  # a date edit at its minimum shows "Any" (no bound)


def history_summary(count: int, capped: bool, shown: int, more: bool) -> str:
    """The count line: how many match, and how many of them are loaded."""
    if capped:
        line = QCoreApplication.translate("HistorySearchWidget", "More than {n} incidents match")
    else:
        line = QCoreApplication.translate("HistorySearchWidget", "{n} incidents match")
    line = line.format(n=f"{count:,}")
    if more or shown < count:
        line += QCoreApplication.translate(
            "HistorySearchWidget", " — showing {shown}; scroll down for more"
        ).format(shown=f"{shown:,}")
    return line


class FindKeyFilter(QObject):
    """Ctrl+F anywhere in the queue pane asks for the History search.

    The window's Ctrl+F finds a device; inside the incident pane the search of incidents is
    meant, so the pane takes the key first (ShortcutOverride reaches it from the focused child).
    """

    sig_find_requested = Signal()  # GUI thread

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        t = event.type()
        keys = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if (
            t in keys
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Find)
        ):
            event.accept()
            if t == QEvent.Type.KeyPress:
                self.sig_find_requested.emit()
            return True
        return super().eventFilter(watched, event)


class HistorySearchWidget(QWidget):
    """Search fields above the matching incidents; Enter searches, Esc clears."""

    sig_search_requested = Signal(object)  # a HistoryQuery the operator asked for; GUI thread
    sig_incident_activated = Signal(int)  # incident id; Enter or double-click; GUI thread

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incidentHistory")
        self._loading = False  # set_query fills the fields without searching
        self.text = QLineEdit(self)
        self.text.setObjectName("historyText")
        self.text.setMaxLength(TEXT_MAX)
        self.text.setClearButtonEnabled(True)
        self.phone = QLineEdit(self)
        self.phone.setObjectName("historyPhone")
        self.phone.setMaxLength(PHONE_MAX)
        self.phone.setClearButtonEnabled(True)
        self.search_button = QPushButton(self)
        self.clear_button = QPushButton(self)
        self.community = QComboBox(self)
        self.community.setObjectName("historyCommunity")
        self.kind = QComboBox(self)
        self.kind.setObjectName("historyType")
        self.source = QComboBox(self)
        self.source.setObjectName("historySource")
        for s in IncidentSource:
            self.source.addItem("", s.value)
        self.source.insertItem(0, "", None)
        self.date_from = self._date_edit("historyFrom")
        self.date_to = self._date_edit("historyTo")
        self.dash = QLabel("–", self)
        self.summary = QLabel(self)
        self.summary.setObjectName("historySummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = QLabel(self)
        self.problem.setObjectName("historyProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #ff6b60;")
        self.problem.hide()

        self.model = IncidentQueueModel(zone, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for name, width in COLUMN_WIDTHS.items():
            header.resizeSection(self.model.column_index(name), width)
        # An address is what a search often matches: it gets room; the title takes the rest.
        header.resizeSection(self.model.column_index("location"), LOCATION_WIDTH)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(
            self.model.column_index("title"), QHeaderView.ResizeMode.Stretch
        )
        # An age since reporting means nothing for a closed incident; the date says it.
        self.table.setColumnHidden(self.model.column_index("age"), True)
        self.table.activated.connect(self._on_table_activated)
        self.empty = EmptyStateWidget(self)
        for label in self.empty.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the title quotes what was typed
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)

        self.text.returnPressed.connect(self._on_search_asked)
        self.phone.returnPressed.connect(self._on_search_asked)
        self.search_button.clicked.connect(self._on_search_asked)
        self.clear_button.clicked.connect(self.clear)
        for combo in (self.community, self.kind, self.source):
            combo.activated.connect(self._on_filter_changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._on_filter_changed)

        fields = QGridLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.setHorizontalSpacing(6)
        fields.setVerticalSpacing(2)
        fields.addWidget(self.text, 0, 0, 1, 3)
        fields.addWidget(self.phone, 0, 3, 1, 2)
        fields.addWidget(self.search_button, 0, 5)
        fields.addWidget(self.community, 1, 0)
        fields.addWidget(self.kind, 1, 1)
        fields.addWidget(self.source, 1, 2)
        dates = QHBoxLayout()
        dates.setSpacing(4)
        dates.addWidget(self.date_from, 1)
        dates.addWidget(self.dash)
        dates.addWidget(self.date_to, 1)
        fields.addLayout(dates, 1, 3, 1, 2)
        fields.addWidget(self.clear_button, 1, 5)
        fields.setColumnStretch(0, 3)
        for c in (1, 2, 3, 4):
            fields.setColumnStretch(c, 2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 0)
        lay.setSpacing(2)
        lay.addLayout(fields)
        lay.addWidget(self.problem)
        lay.addWidget(self.summary)
        lay.addWidget(self.stack, 1)
        self._result: tuple[int, bool, bool] = (0, False, False)  # count, capped, more
        self._asked = HistoryQuery()  # the query whose rows are shown
        self.retranslate()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        return edit

    # --- the form ---------------------------------------------------------------------------
    def set_choices(
        self, communities: Sequence[CommunityRow], types: Sequence[IncidentTypeRow]
    ) -> None:
        """The communities and incident types the filters offer (the current choice stays)."""
        keep = self.query()
        self._loading = True
        try:
            for combo, items in (
                (self.community, [(c.name, c.code) for c in communities]),
                (self.kind, [(t.name, t.code) for t in types]),
            ):
                combo.clear()
                combo.addItem("", None)
                for text, code in items:
                    combo.addItem(text, code)
            self._set_combo(self.community, keep.community)
            self._set_combo(self.kind, keep.type_code)
            self._retranslate_any()
        finally:
            self._loading = False

    @staticmethod
    def _set_combo(combo: QComboBox, value: str | None) -> None:
        i = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(0, i))

    @staticmethod
    def _day(edit: QDateEdit) -> date | None:
        d = edit.date()
        return None if d == NO_DATE else date(d.year(), d.month(), d.day())

    def query(self) -> HistoryQuery:
        """The query the fields describe now."""
        source = self.source.currentData()
        return HistoryQuery(
            text=self.text.text().strip(),
            phone=self.phone.text().strip(),
            community=self.community.currentData(),
            type_code=self.kind.currentData(),
            source=IncidentSource(source) if source else None,
            date_from=self._day(self.date_from),
            date_to=self._day(self.date_to),
        )

    def set_query(self, q: HistoryQuery) -> None:
        """Fill the fields (a remembered query) without searching."""
        self._loading = True
        try:
            self.text.setText(q.text)
            self.phone.setText(q.phone)
            if q.community is not None and self.community.findData(q.community) < 0:
                self.community.addItem(q.community, q.community)  # named when choices load
            if q.type_code is not None and self.kind.findData(q.type_code) < 0:
                self.kind.addItem(q.type_code, q.type_code)
            self._set_combo(self.community, q.community)
            self._set_combo(self.kind, q.type_code)
            self._set_combo(self.source, q.source.value if q.source else None)
            for edit, d in ((self.date_from, q.date_from), (self.date_to, q.date_to)):
                edit.setDate(QDate(d.year, d.month, d.day) if d else NO_DATE)
        finally:
            self._loading = False

    def focus_search(self) -> None:
        """Put the cursor in the search text, all of it selected (Ctrl+F)."""
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

    def clear(self) -> None:
        """Empty every field and show the whole history again (Esc)."""
        self.set_query(HistoryQuery())
        self._on_search_asked()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_filter_changed(self, *_args: object) -> None:
        if not self._loading:
            self._on_search_asked()

    def _on_search_asked(self) -> None:
        q = self.query()
        problem = q.problem()
        self.problem.setVisible(problem is not None)
        if problem is not None:
            self.problem.setText(self._problem_text(problem))
            return
        self.sig_search_requested.emit(q)

    def _problem_text(self, problem: str) -> str:
        if problem == "short_text":
            return self.tr("Type at least {n} letters or digits (or an incident number).").format(
                n=TEXT_MIN
            )
        if problem == "short_phone":
            return self.tr("Type at least {n} digits of the phone number.").format(n=PHONE_MIN)
        if problem == "dates":
            return self.tr("The date range ends before it starts.")
        return self.tr("The search is too long.")

    # --- results ----------------------------------------------------------------------------
    def show_result(
        self, q: HistoryQuery, rows: Sequence[IncidentRow], count: int, capped: bool, more: bool
    ) -> None:
        """Rows of a search (newest first) with its count; applied in place."""
        self._asked = q
        self._result = (count, capped, more)
        self.model.set_rows(rows)
        self.model.set_more(more)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self._update_texts()

    def set_rows(self, rows: Sequence[IncidentRow], count: int | None = None) -> None:
        """Rows merged after a change or a further page (the count line follows)."""
        c, capped, more = self._result
        self._result = (c if count is None else count, capped, more)
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self._update_texts()

    def set_more(self, more: bool) -> None:
        """Whether another page follows the last row."""
        c, capped, _more = self._result
        self._result = (c, capped, more)
        self.model.set_more(more)
        self._update_texts()

    def rows(self) -> tuple[IncidentRow, ...]:
        """The incidents shown, newest first."""
        return self.model.rows()

    @property
    def asked(self) -> HistoryQuery:
        """The query whose rows are shown."""
        return self._asked

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.sig_incident_activated.emit(self.model.row_at(index.row()).id)

    def _update_texts(self) -> None:
        count, capped, more = self._result
        self.summary.setText(history_summary(count, capped, self.model.rowCount(), more))
        q = self._asked
        if q.is_empty:
            self.empty.set_texts(
                "∅",
                self.tr("No incidents yet"),
                self.tr("Every incident, open or closed, is listed here newest first."),
            )
            return
        what = q.text or q.phone
        title = (
            self.tr("No incidents match “{what}”").format(what=what)
            if what
            else self.tr("No incidents match these filters")
        )
        self.empty.set_texts(
            "∅",
            title,
            self.tr(
                "Check the spelling, widen the dates or choose another community, type or "
                "source. Esc clears the search."
            ),
        )

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.text.setPlaceholderText(
            self.tr("Number, name, address or text (Ctrl+F) — Enter searches, Esc clears")
        )
        self.phone.setPlaceholderText(self.tr("Phone digits"))
        self.search_button.setText(self.tr("Search"))
        self.clear_button.setText(self.tr("Clear"))
        for i in range(self.source.count()):
            value = self.source.itemData(i)
            if value:
                self.source.setItemText(i, labels.source(IncidentSource(value)))
        self._retranslate_any()
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("Any date"))
        self.date_from.setToolTip(self.tr("Reported on or after"))
        self.date_to.setToolTip(self.tr("Reported on or before"))
        self.model.retranslate()
        self._update_texts()

    def _retranslate_any(self) -> None:
        self.community.setItemText(0, self.tr("All communities"))
        self.kind.setItemText(0, self.tr("All types"))
        self.source.setItemText(0, self.tr("All sources"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
