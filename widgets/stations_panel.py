"""The control room's list of community stations: online or offline since when, clock, backlog."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.model import DeviceState
from core.station import StationSeen
from core.timefmt import DEFAULT_ZONE, fmt_local
from widgets.palette import DEVICE_STATE_COLOURS
from widgets.table_model import Column, RowTableModel

OFFLINE_BACKGROUND = QColor("#4a1d1a")  # the row of a station that has gone quiet
OFFLINE_TEXT = QColor("#ff9f94")  # red that still reads on that background (6:1)
SKEW_SHOWN_S = 60.0  # the same threshold as the station's own banner


class StationsModel(RowTableModel[StationSeen, str]):
    """Rows of StationSeen by workstation; offline rows first."""

    COLUMNS = ("state", "workstation", "community", "last_seen", "skew", "waiting")

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QObject | None = None):
        self._zone = zone
        self.community_names: dict[str, str] = {}
        super().__init__(
            [
                Column(
                    "state",
                    lambda: self.tr("State"),
                    self.state_text,
                    background=self._background,
                    foreground=lambda r: QBrush(
                        DEVICE_STATE_COLOURS[DeviceState.ONLINE] if r.online else OFFLINE_TEXT
                    ),
                ),
                Column(
                    "workstation",
                    lambda: self.tr("Station"),
                    lambda r: r.workstation,
                    background=self._background,
                ),
                Column(
                    "community",
                    lambda: self.tr("Community"),
                    lambda r: self.community_names.get(r.community, r.community),
                    background=self._background,
                ),
                Column(
                    "last_seen",
                    lambda: self.tr("Last seen"),
                    lambda r: fmt_local(r.last_seen_at, self._zone) or "—",
                    background=self._background,
                ),
                Column(
                    "skew",
                    lambda: self.tr("Clock"),
                    self.skew_text,
                    background=self._background,
                ),
                Column(
                    "waiting",
                    lambda: self.tr("Waiting to send"),
                    lambda r: str(r.waiting),
                    background=self._background,
                    alignment=lambda r: Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                ),
            ],
            key=lambda r: r.workstation,
            parent=parent,
        )

    @staticmethod
    def _background(r: StationSeen) -> QColor | None:
        return None if r.online else OFFLINE_BACKGROUND

    def state_text(self, r: StationSeen) -> str:
        """Online, offline since when, or never heard from."""
        if r.online:
            return "● " + self.tr("Online")
        if r.last_seen_at is None:
            return "● " + self.tr("Never heard from")
        return "● " + self.tr("Offline since {time}").format(
            time=fmt_local(r.last_seen_at, self._zone)
        )

    def skew_text(self, r: StationSeen) -> str:
        """How wrong the station's clock was at its last heartbeat, when worth saying."""
        skew = r.clock_skew_s
        if skew is None:
            return "—"
        if abs(skew) < SKEW_SHOWN_S:
            return self.tr("OK")
        s = round(abs(skew))
        amount = (
            self.tr("{h} h {m:02d} min").format(h=s // 3600, m=s % 3600 // 60)
            if s >= 3600
            else self.tr("{m} min").format(m=s // 60)
        )
        return (self.tr("{d} fast") if skew > 0 else self.tr("{d} slow")).format(d=amount)


class StationsPanel(QWidget):
    """The stations table with a one-line summary; offline stations are red and listed first."""

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stationsPanel")
        self.summary = QLabel(self)
        self.summary.setObjectName("stationsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = StationsModel(zone, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Every column as wide as its words and its title ("Offline since 2026-11-30 14:02:00",
        # "Waiting to send"); a narrow pane scrolls sideways instead of cutting them.
        # Twenty rows size in no time.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        self._update_summary()

    def set_community_names(self, names: dict[str, str]) -> None:
        """Community codes to names, for the community column."""
        self.model.community_names = dict(names)
        self.model.refresh_column("community")

    def set_stations(self, rows: list[StationSeen]) -> None:
        """Show the stations: those that went offline first (longest silent first), then
        those never heard from, then the online ones; by code within each."""
        ordered = sorted(
            rows,
            key=lambda r: (
                r.online,
                r.last_seen_at is None,
                r.last_seen_at.timestamp() if r.last_seen_at is not None else 0.0,
                r.workstation,
            ),
        )
        self.model.set_rows(ordered)
        self._update_summary()

    def offline(self) -> list[StationSeen]:
        """The stations shown as offline."""
        return [r for r in self.model.rows() if not r.online]

    def clear(self) -> None:
        """Forget everything shown (sign-out)."""
        self.model.set_rows([])
        self._update_summary()

    def _update_summary(self) -> None:
        rows = self.model.rows()
        down = sum(1 for r in rows if not r.online)
        if not rows:
            self.summary.setText(self.tr("No station has reported yet."))
        elif down:
            self.summary.setText(
                self.tr("{down} of {n} stations offline.").format(down=down, n=len(rows))
            )
        else:
            self.summary.setText(self.tr("All {n} stations online.").format(n=len(rows)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            self._update_summary()
        super().changeEvent(event)
