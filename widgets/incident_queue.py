"""The incident queue: open items by priority, with an empty state when there are none."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta

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
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.incidents import QueueView, needs_attention
from core.model import Priority
from core.sla import SlaLevel, SlaStatus, sla_status
from core.timefmt import DEFAULT_ZONE, fmt_local, utcnow
from core.views import IncidentRow, IncidentTypeRow
from widgets import labels
from widgets.empty_state import EmptyStateWidget
from widgets.palette import PRIORITY_COLOURS, STATE_COLOURS, TEXT_ON_PRIORITY
from widgets.table_model import Column, PagedRowTableModel


def age_parts(since: datetime, now: datetime) -> tuple[int, int, int]:
    """Whole days, hours and minutes between two instants (never negative)."""
    secs = max(0, int((now - since).total_seconds()))
    return secs // 86400, secs % 86400 // 3600, secs % 3600 // 60


# Fixed widths (px) wide enough for either language; the title takes the rest. Sized once, so
# a language switch or a long title never pushes the handler off the screen.
COLUMN_WIDTHS = {
    "priority": 88,
    "number": 52,
    "state": 100,
    "community": 110,
    "location": 100,
    "created": 124,
    "age": 96,  # "4 天 19 小时" inside a coloured cell's padding
    "claimed": 90,
}
TITLE_MIN = 180
FLASH_MS = 600  # a new P1/P2 row flashes at this beat until acknowledged
SLA_COLOURS = {SlaLevel.WARNING: QColor("#ffd60a"), SlaLevel.BREACHED: QColor("#ff453a")}
SELECTION_FRAME = QColor("#4aa3ff")


def _whole(r: IncidentRow) -> str:
    return r.title


def queue_summary(
    counts: Mapping[Priority, int], shown: int, total: int, review: bool = False
) -> tuple[str, str]:
    """The pane's count line and its tooltip, so that nothing is ever silently left out."""
    parts = " · ".join(f"{p.name} {counts.get(p, 0)}" for p in Priority)
    if review:
        line = QCoreApplication.translate("IncidentQueueWidget", "{parts} · {total} to review")
    else:
        line = QCoreApplication.translate("IncidentQueueWidget", "{parts} · {total} open")
    text = line.format(parts=parts, total=total)
    if shown < total:
        text += QCoreApplication.translate(
            "IncidentQueueWidget", " — showing {shown}; scroll down for more"
        ).format(shown=shown)
    tip = "\n".join(f"{labels.priority(p)}: {counts.get(p, 0)}" for p in Priority)
    return text, tip


class IncidentQueueModel(PagedRowTableModel[IncidentRow, int]):
    """Rows of IncidentRow in the service's order (priority, new first, oldest first)."""

    COLUMNS = (
        "priority",
        "number",
        "state",
        "title",
        "community",
        "location",
        "created",
        "age",
        "claimed",
    )

    def __init__(
        self,
        zone: str = DEFAULT_ZONE,
        clock: Callable[[], datetime] = utcnow,
        parent: QObject | None = None,
    ):
        self._zone = zone
        self._clock = clock
        self.flash_on = False  # the flash's phase (new P1/P2 rows)
        self._type_targets: dict[str, tuple[timedelta, timedelta, timedelta | None]] = {}
        super().__init__(
            [
                Column(
                    "priority",
                    lambda: self.tr("Priority"),
                    lambda r: labels.priority(r.priority),
                    background=lambda r: QBrush(PRIORITY_COLOURS[r.priority]),
                    foreground=lambda r: QBrush(TEXT_ON_PRIORITY),
                ),
                Column(
                    "number",
                    lambda: self.tr("No."),
                    lambda r: str(r.id),
                    alignment=lambda r: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                ),
                Column(
                    "state",
                    lambda: self.tr("State"),
                    lambda r: labels.incident_state(r.state),
                    background=lambda r: QBrush(STATE_COLOURS[r.state]),
                    foreground=lambda r: QBrush(TEXT_ON_PRIORITY),
                ),
                # Long texts are elided in the cell; the tooltip has them whole. A new P1/P2
                # flashes here until acknowledged.
                Column(
                    "title",
                    lambda: self.tr("Incident"),
                    lambda r: r.title,
                    tooltip=_whole,
                    background=self._flash_brush,
                    foreground=self._flash_text,
                ),
                Column(
                    "community", lambda: self.tr("Community"), lambda r: r.community_name or "—"
                ),
                Column(
                    "location",
                    lambda: self.tr("Location"),
                    lambda r: r.location,
                    tooltip=lambda r: r.location or None,
                ),
                Column(
                    "created",
                    lambda: self.tr("Reported"),
                    lambda r: fmt_local(r.created_at, self._zone, seconds=False),
                ),
                Column(
                    "age",
                    lambda: self.tr("Age"),
                    lambda r: self.age_text(r.created_at),
                    background=self._sla_brush,
                    foreground=self._sla_text_brush,
                    tooltip=self.sla_text,
                ),
                Column("claimed", lambda: self.tr("Handled by"), lambda r: r.claimed_by or ""),
            ],
            key=lambda r: r.id,
            parent=parent,
        )

    def age_text(self, since: datetime, now: datetime | None = None) -> str:
        """'3 min', '2 h 05 min', '1 d 4 h': compact, for a column read at a glance."""
        d, h, m = age_parts(since, now or self._clock())
        if d:
            return self.tr("{d} d {h} h").format(d=d, h=h)
        if h:
            return self.tr("{h} h {m} min").format(h=h, m=f"{m:02d}")
        return self.tr("{m} min").format(m=m)

    # --- attention: new P1/P2 flash until acknowledged --------------------------------------
    def _flash_brush(self, r: IncidentRow) -> QBrush | None:
        if self.flash_on and needs_attention(r.priority, r.state):
            return QBrush(PRIORITY_COLOURS[r.priority])
        return None

    def _flash_text(self, r: IncidentRow) -> QBrush | None:
        if self.flash_on and needs_attention(r.priority, r.state):
            return QBrush(TEXT_ON_PRIORITY)
        return None

    def attention_rows(self) -> list[int]:
        """Row numbers of the incidents that demand attention."""
        return [i for i, r in enumerate(self.rows()) if needs_attention(r.priority, r.state)]

    def toggle_flash(self) -> None:
        """One beat of the flash: only the rows that flash are repainted."""
        self.flash_on = not self.flash_on
        c = self.column_index("title")
        for i in self.attention_rows():
            self.dataChanged.emit(self.index(i, c), self.index(i, c))

    def set_types(self, types: Sequence[IncidentTypeRow]) -> None:
        """The incident types' own SLA targets (they win over the per-priority defaults)."""
        self._type_targets = {t.code: (t.acknowledge, t.resolve, t.dispatch) for t in types}
        self.refresh_ages()

    def _sla(self, r: IncidentRow) -> SlaStatus:
        by_type = self._type_targets.get(r.type_code or "")
        return sla_status(r.priority, r.state, r.created_at, self._clock(), by_type=by_type)

    def _sla_brush(self, r: IncidentRow) -> QBrush | None:
        level = self._sla(r).level
        return None if level is SlaLevel.OK else QBrush(SLA_COLOURS[level])

    def _sla_text_brush(self, r: IncidentRow) -> QBrush | None:
        return None if self._sla(r).level is SlaLevel.OK else QBrush(TEXT_ON_PRIORITY)

    def sla_text(self, r: IncidentRow) -> str | None:
        """'Acknowledge within 5 min: 2 min left' (or how late); None without a running clock."""
        st = self._sla(r)
        if not st.clock:
            return None
        target = self.duration_text(st.target)
        if st.clock == "acknowledge":
            head = self.tr("Acknowledge within {t}").format(t=target)
        elif st.clock == "dispatch":
            head = self.tr("Dispatch within {t}").format(t=target)
        else:
            head = self.tr("Resolve within {t}").format(t=target)
        if st.level is not SlaLevel.BREACHED:
            return self.tr("{head}: {left} left").format(
                head=head, left=self.duration_text(st.left)
            )
        return self.tr("{head}: overdue by {late}").format(
            head=head, late=self.duration_text(-st.left)
        )

    def duration_text(self, d: timedelta) -> str:
        """A duration as the age column writes it."""
        now = self._clock()
        return self.age_text(now - d, now)

    def refresh_ages(self) -> None:
        """Repaint the age column (a timer calls this; ages grow while nothing else changes)."""
        self.refresh_column("age")


class PriorityDelegate(QStyledItemDelegate):
    """Paints a coloured cell (priority, a late age) in its colour even on the selected row.

    The selection's blue would hide P1 red or an SLA breach on exactly the row the operator is
    looking at; selection shows as a frame instead. A cell without a colour is drawn as usual.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        if not isinstance(brush, QBrush):
            super().paint(painter, option, index)
            return
        painter.save()
        painter.fillRect(rect, brush)
        painter.setPen(TEXT_ON_PRIORITY)
        painter.setFont(option.font)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        inner = rect.adjusted(6, 0, -4, 0)
        shown = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(
            inner, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown
        )
        if selected:
            painter.setPen(QPen(SELECTION_FRAME, 3))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


# Arrows that move the row cursor: with nothing selected, the first one selects the current row.
_ROW_KEYS = frozenset({Qt.Key.Key_Down, Qt.Key.Key_Up})


class IncidentQueueWidget(QWidget):
    """The queue table under a count line, or an empty state when nothing is open."""

    sig_incident_activated = Signal(int)  # incident id; Enter or double-click; GUI thread
    sig_view_changed = Signal(str)  # a QueueView value; the operator picked another view

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("incidentQueue")
        self.risk_alerts_only = False  # set_risk_alerts_only
        self.model = IncidentQueueModel(zone, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setObjectName("incidentTable")
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for name, width in COLUMN_WIDTHS.items():
            header.resizeSection(self.model.column_index(name), width)
        # The title takes what the others leave, but never less than TITLE_MIN: on a narrow
        # pane the table scrolls sideways instead of squeezing the title to nothing.
        header.resizeSection(self.model.column_index("title"), TITLE_MIN)
        self.table.viewport().installEventFilter(self)
        self.priority_delegate = PriorityDelegate(self.table)
        # Every cell that may carry a colour: priority, state chip, a flashing title, SLA age.
        for name in ("priority", "state", "title", "age"):
            self.table.setItemDelegateForColumn(
                self.model.column_index(name), self.priority_delegate
            )
        self.table.activated.connect(self._on_table_activated)
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(30_000)
        self._age_timer.timeout.connect(self.model.refresh_ages)
        self._age_timer.start()
        # Runs only while a new P1/P2 is shown (no idle cost otherwise).
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self.model.toggle_flash)
        self.empty = EmptyStateWidget(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("queueSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.views = QTabBar(self)
        # Both after `views` exists (the filter looks at it): Down from the tabs goes into the
        # rows, and the rows' first arrow selects.
        self.views.installEventFilter(self)
        self.table.installEventFilter(self)
        self.views.setObjectName("queueViews")
        self.views.setDrawBase(False)
        self.views.setExpanding(False)
        for view in QueueView:
            self.views.setTabData(self.views.addTab(""), view.value)
        self.views.currentChanged.connect(self._on_views_current_changed)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(12)
        top.addWidget(self.views)
        top.addWidget(self.summary, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 0)
        lay.setSpacing(2)
        lay.addLayout(top)
        lay.addWidget(self.stack, 1)
        self._counts: tuple[dict[Priority, int], int] = ({}, 0)
        self.history: QWidget | None = None  # the History view's page (set_history)
        self.retranslate()
        self._show_page()

    def set_history(self, page: QWidget) -> None:
        """The page shown while the History view is chosen (its owner fills it)."""
        self.history = page
        self.stack.addWidget(page)
        self._show_page()

    def _show_page(self) -> None:
        if self.history is not None and self.view is QueueView.HISTORY:
            self.stack.setCurrentWidget(self.history)
        else:
            self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)
        self.summary.setVisible(self.view is not QueueView.HISTORY)
        # Where the keyboard lands when the pane gets it (Ctrl+4, signing in): the rows, so
        # that Down and Enter work at once; the view tabs while there is no row.
        page = self.stack.currentWidget()
        self.setFocusProxy(self.views if page is None or page is self.empty else page)

    def set_rows(self, rows: Sequence[IncidentRow]) -> None:
        """Show the open incidents (GUI thread); applied in place, so the selection stays."""
        keep = self.selected_incident_id()
        self.model.set_rows(rows)
        flashing = bool(self.model.attention_rows())
        if flashing and not self._flash_timer.isActive():
            self._flash_timer.start()
        elif not flashing and self._flash_timer.isActive():
            self._flash_timer.stop()
            if self.model.flash_on:
                self.model.toggle_flash()
        if keep is not None and self.model.index_of(keep) is None:
            # The selected incident left the queue: selecting its neighbour instead would let
            # Ctrl+K claim an incident the operator never chose.
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
        self._show_page()
        self._update_summary()

    def rows(self) -> tuple[IncidentRow, ...]:
        """The incidents shown, in order."""
        return self.model.rows()

    def currentWidget(self) -> QWidget | None:
        """The table, or the empty state when nothing is open."""
        return self.stack.currentWidget()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_title()
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ROW_KEYS
            and not self.table.selectionModel().hasSelection()
            and self.table.currentIndex().isValid()
        ):
            # Qt makes the first row current, unselected, when the keyboard comes in: the first
            # Down went to the second row (or nowhere with one row), and Ctrl+K had nothing
            # to acknowledge. The first arrow selects the row the cursor is on.
            self.table.selectRow(self.table.currentIndex().row())
            return True
        if (
            watched is self.views
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.stack.currentWidget() is self.table
        ):
            # The tabs sit above the rows (and hold the keyboard while a view is still
            # empty, e.g. just after signing in): Down steps into the list.
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def _fit_title(self) -> None:
        header = self.table.horizontalHeader()
        title = self.model.column_index("title")
        others = sum(header.sectionSize(i) for i in range(self.model.columnCount()) if i != title)
        header.resizeSection(title, max(TITLE_MIN, self.table.viewport().width() - others))

    @property
    def view(self) -> QueueView:
        """The view shown."""
        return QueueView(str(self.views.tabData(self.views.currentIndex())))

    def set_view(self, view: QueueView) -> None:
        """Show another view's tab (its rows come from the owner)."""
        for i in range(self.views.count()):
            if self.views.tabData(i) == view.value:
                self.views.setCurrentIndex(i)

    def _on_views_current_changed(self, _index: int) -> None:
        self._show_page()
        self._update_summary()
        self._update_empty()
        self.sig_view_changed.emit(self.view.value)

    def _update_empty(self) -> None:
        view = self.view
        if view is QueueView.MINE:
            title = self.tr("Nothing claimed by you")
            text = self.tr("Incidents you acknowledge are listed here until they are resolved.")
        elif view is QueueView.UNASSIGNED:
            title = self.tr("Every open incident has a handler")
            text = self.tr("Incidents nobody has acknowledged yet are listed here.")
        elif view is QueueView.REVIEW:
            title = self.tr("Nothing awaiting review")
            text = self.tr(
                "Resolved incidents wait here for a supervisor, who closes them or returns them "
                "with a reason. Whoever resolved an incident cannot close it."
            )
        elif self.risk_alerts_only:
            title = self.tr("No open incidents")
            text = self.tr(
                "The risk alerts of screenings appear here, most urgent first: acknowledge "
                "each the same day."
            )
        else:
            title = self.tr("No open incidents")
            text = self.tr(
                "Incidents raised by calls, alarms, tracking rules or operators appear here, "
                "most urgent first. Press Ctrl+N to log one by hand."
            )
        self.empty.set_texts("✓", title, text)

    def set_risk_alerts_only(self, only: bool) -> None:
        """The queue of a role that sees the screenings' risk alerts alone (a counsellor): its
        empty state does not offer Ctrl+N, which that role does not have."""
        self.risk_alerts_only = only
        self._update_empty()

    def set_counts(self, by_priority: Mapping[Priority, int], total: int) -> None:
        """Open incidents in scope, whether shown or not (the count line)."""
        self._counts = (dict(by_priority), total)
        self._update_summary()

    def _update_summary(self) -> None:
        counts, total = self._counts
        total = max(total, self.model.rowCount())
        text, tip = queue_summary(
            counts, self.model.rowCount(), total, review=self.view is QueueView.REVIEW
        )
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
        names = {
            QueueView.OPEN: self.tr("Open"),
            QueueView.MINE: self.tr("Mine"),
            QueueView.UNASSIGNED: self.tr("Unassigned"),
            QueueView.REVIEW: self.tr("Awaiting review"),
            QueueView.HISTORY: self.tr("History"),
        }
        for i in range(self.views.count()):
            self.views.setTabText(i, names[QueueView(str(self.views.tabData(i)))])
        self._update_empty()
        self.model.retranslate()
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
