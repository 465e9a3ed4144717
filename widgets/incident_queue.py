"""The incident queue: open items by priority, with an empty state when there are none."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.model import Priority
from core.timefmt import DEFAULT_ZONE, fmt_local, utcnow
from core.views import IncidentRow
from widgets import labels
from widgets.empty_state import EmptyStateWidget
from widgets.palette import PRIORITY_COLOURS, TEXT_ON_PRIORITY
from widgets.table_model import Column, RowTableModel


def age_parts(since: datetime, now: datetime) -> tuple[int, int, int]:
    """Whole days, hours and minutes between two instants (never negative)."""
    secs = max(0, int((now - since).total_seconds()))
    return secs // 86400, secs % 86400 // 3600, secs % 3600 // 60


SIZE_SAMPLE_ROWS = 25  # rows measured when sizing columns to their contents
_NO_PARENT = QModelIndex()


def queue_summary(counts: Mapping[Priority, int], shown: int, total: int) -> tuple[str, str]:
    """The pane's count line and its tooltip, so that nothing is ever silently left out."""
    parts = " · ".join(f"{p.name} {counts.get(p, 0)}" for p in Priority)
    text = QCoreApplication.translate("IncidentQueueWidget", "{parts} · {total} open").format(
        parts=parts, total=total
    )
    if shown < total:
        text += QCoreApplication.translate(
            "IncidentQueueWidget", " — showing {shown}; scroll down for more"
        ).format(shown=shown)
    tip = "\n".join(f"{labels.priority(p)}: {counts.get(p, 0)}" for p in Priority)
    return text, tip


class IncidentQueueModel(RowTableModel[IncidentRow, int]):
    """Rows of IncidentRow in the service's order (priority, new first, oldest first)."""

    COLUMNS = ("priority", "state", "title", "community", "location", "created", "age", "claimed")

    sig_more_requested = Signal()  # the view reached the last row and more exist; GUI thread

    def __init__(
        self,
        zone: str = DEFAULT_ZONE,
        clock: Callable[[], datetime] = utcnow,
        parent: QObject | None = None,
    ):
        self._zone = zone
        self._clock = clock
        self._more = False  # open incidents follow the last row
        self._fetching = False  # a page was asked for and has not come yet
        super().__init__(
            [
                Column(
                    "priority",
                    lambda: self.tr("Priority"),
                    lambda r: labels.priority(r.priority),
                    background=lambda r: QBrush(PRIORITY_COLOURS[r.priority]),
                    foreground=lambda r: QBrush(TEXT_ON_PRIORITY),
                ),
                Column("state", lambda: self.tr("State"), lambda r: labels.incident_state(r.state)),
                Column("title", lambda: self.tr("Incident"), lambda r: r.title),
                Column(
                    "community", lambda: self.tr("Community"), lambda r: r.community_name or "—"
                ),
                Column("location", lambda: self.tr("Location"), lambda r: r.location),
                Column(
                    "created",
                    lambda: self.tr("Reported"),
                    lambda r: fmt_local(r.created_at, self._zone, seconds=False),
                ),
                Column("age", lambda: self.tr("Age"), lambda r: self.age_text(r.created_at)),
                Column("claimed", lambda: self.tr("Handled by"), lambda r: r.claimed_by or ""),
            ],
            key=lambda r: r.id,
            parent=parent,
        )

    def age_text(self, since: datetime) -> str:
        """'3 min', '2 h 05 min', '1 d 4 h': compact, for a column read at a glance."""
        d, h, m = age_parts(since, self._clock())
        if d:
            return self.tr("{d} d {h} h").format(d=d, h=h)
        if h:
            return self.tr("{h} h {m} min").format(h=h, m=f"{m:02d}")
        return self.tr("{m} min").format(m=m)

    def refresh_ages(self) -> None:
        """Repaint the age column (a timer calls this; ages grow while nothing else changes)."""
        self.refresh_column("age")

    # --- the rest of the queue, a page at a time --------------------------------------------
    def set_more(self, more: bool) -> None:
        """Whether open incidents follow the last row (another page can be fetched)."""
        self._more = more
        self._fetching = False

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> None:
        if parent.isValid() or self._fetching:
            return
        self._fetching = True  # one request at a time; set_more() answers it
        self.sig_more_requested.emit()


class IncidentQueueWidget(QWidget):
    """The queue table under a count line, or an empty state when nothing is open."""

    sig_incident_activated = Signal(int)  # incident id; Enter or double-click; GUI thread

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incidentQueue")
        self.model = IncidentQueueModel(zone, parent=self)
        self._sized = False
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._on_table_activated)
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(30_000)
        self._age_timer.timeout.connect(self.model.refresh_ages)
        self._age_timer.start()
        self.empty = EmptyStateWidget(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("queueSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.setSpacing(2)
        lay.addWidget(self.summary)
        lay.addWidget(self.stack, 1)
        self._counts: tuple[dict[Priority, int], int] = ({}, 0)
        self.retranslate()

    def set_rows(self, rows: Sequence[IncidentRow]) -> None:
        """Show the open incidents (GUI thread); applied in place, so the selection stays."""
        keep = self.selected_incident_id()
        self.model.set_rows(rows)
        if keep is not None and self.model.index_of(keep) is None:
            # The selected incident left the queue: selecting its neighbour instead would let
            # Ctrl+K claim an incident the operator never chose.
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self._update_summary()
        if rows and not self._sized:
            # Once, and from the first rows only: measuring every cell costs ~150 ms per 500
            # rows (FIELD-NOTES), paid on the GUI thread before the first paint.
            self._sized = True
            self.table.horizontalHeader().setResizeContentsPrecision(SIZE_SAMPLE_ROWS)
            self.table.resizeColumnsToContents()

    def rows(self) -> tuple[IncidentRow, ...]:
        """The incidents shown, in order."""
        return self.model.rows()

    def currentWidget(self) -> QWidget | None:
        """The table, or the empty state when nothing is open."""
        return self.stack.currentWidget()

    def set_counts(self, by_priority: Mapping[Priority, int], total: int) -> None:
        """Open incidents in scope, whether shown or not (the count line)."""
        self._counts = (dict(by_priority), total)
        self._update_summary()

    def _update_summary(self) -> None:
        counts, total = self._counts
        total = max(total, self.model.rowCount())
        text, tip = queue_summary(counts, self.model.rowCount(), total)
        self.summary.setText(text)
        self.summary.setToolTip(tip)

    def selected_incident_id(self) -> int | None:
        """The id of the selected incident, if any."""
        sel = self.table.selectionModel().selectedRows()
        return self.model.row_at(sel[0].row()).id if sel else None

    def _on_table_activated(self, index: QModelIndex) -> None:
        self.sig_incident_activated.emit(self.model.row_at(index.row()).id)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.empty.set_texts(
            "✓",
            self.tr("No open incidents"),
            self.tr(
                "Incidents raised by calls, alarms, tracking rules or operators appear here, "
                "most urgent first. Press Ctrl+N to log one by hand."
            ),
        )
        self.model.retranslate()
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
