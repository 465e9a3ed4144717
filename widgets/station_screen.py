"""The community station's screen: large, touchable, its own queue, panic, intake, outbox."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.station import LinkState, SendState, StationLink
from core.timefmt import DEFAULT_ZONE, local, utcnow
from core.views import IncidentRow
from widgets import labels
from widgets.palette import PRIORITY_COLOURS, TEXT_ON_PRIORITY
from widgets.station_intake import StationIntakeWidget, wrap_rows
from widgets.station_outbox import StationOutboxWidget
from widgets.station_panic import HOLD_MS, PanicButton

SKEW_SHOWN_S = 60.0  # a clock off by less is not worth a worker's attention
STATION_STYLE = """
QWidget#stationScreen, QWidget#stationScreen QWidget { font-size: 14pt; }
QWidget#stationScreen QPushButton { min-height: 48px; padding: 4px 18px; }
QWidget#stationScreen QLineEdit, QWidget#stationScreen QComboBox { min-height: 44px; }
QWidget#stationScreen QTabBar::tab { min-height: 44px; min-width: 88px; padding: 4px 14px; }
QWidget#stationScreen QListWidget::item { padding: 6px; }
QWidget#stationScreen QPushButton:focus, QWidget#stationScreen QLineEdit:focus,
QWidget#stationScreen QListWidget:focus, QWidget#stationScreen QComboBox:focus,
QWidget#stationScreen QPlainTextEdit:focus { border: 2px solid #64d2ff; }
QWidget#stationScreen QPushButton#stationTarget:checked {
    background: #23384f; border: 2px solid #0a84ff;
}
QLabel#stationLinkOnline { background: #15301f; color: #ffffff; padding: 8px 12px; }
QLabel#stationLinkConnecting { background: #23384f; color: #ffffff; padding: 8px 12px; }
QLabel#stationLinkOffline {
    background: #7a1d16; color: #ffffff; padding: 8px 12px; font-weight: bold;
}
QLabel#stationPanicStatus {
    background: #4a1d1a; color: #ffffff; padding: 8px 12px; font-weight: bold;
}
QLabel#stationPanicSent { background: #15301f; color: #ffffff; padding: 8px 12px; }
QLabel#stationHeading { font-weight: bold; color: #c7c7cc; }
QLabel#stationError { color: #ff9f0a; }
"""


class StationLinkBanner(QLabel):
    """The link to the centre in words: online, or offline since when; a wrong clock."""

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.zone = zone
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._link = StationLink(LinkState.ONLINE, None)
        self._now = utcnow
        self.set_link(self._link)

    def duration_text(self, seconds: float) -> str:
        """A clock's difference as a worker reads it: 1 h 02 min, 5 min, 40 s."""
        s = round(abs(seconds))
        if s >= 3600:
            return self.tr("{h} h {m:02d} min").format(h=s // 3600, m=s % 3600 // 60)
        if s >= 60:
            return self.tr("{m} min").format(m=s // 60)
        return self.tr("{s} s").format(s=s)

    def _since_text(self, since: datetime) -> str:
        here = local(since, self.zone)
        today = local(self._now(), self.zone).date()
        return here.strftime("%H:%M") if here.date() == today else here.strftime("%m-%d %H:%M")

    def texts(self, link: StationLink) -> list[str]:
        """The banner's lines for a link state."""
        lines: list[str] = []
        if link.state is LinkState.ONLINE:
            lines.append(self.tr("Connected to the centre."))
        elif link.since is None:
            # The sender has not reached the centre yet since this console started.
            lines.append(self.tr("Connecting to the centre…"))
        else:
            lines.append(
                self.tr(
                    "No link to the centre since {time}. Keep working: entries wait here and "
                    "are sent once the link is back."
                ).format(time=self._since_text(link.since))
            )
        if link.waiting:
            lines.append(self.tr("{n} waiting to send.").format(n=link.waiting))
        skew = link.clock_skew_s
        if skew is not None and abs(skew) >= SKEW_SHOWN_S:
            text = (
                self.tr("This PC's clock is {d} fast; the server's time is used.")
                if skew > 0
                else self.tr("This PC's clock is {d} slow; the server's time is used.")
            )
            lines.append(text.format(d=self.duration_text(skew)))
        return lines

    def set_link(self, link: StationLink) -> None:
        """Show a link state."""
        self._link = link
        if link.state is LinkState.ONLINE:
            self.setObjectName("stationLinkOnline")
        elif link.since is None:
            self.setObjectName("stationLinkConnecting")  # not alarming: it has not failed
        else:
            self.setObjectName("stationLinkOffline")
        self.setText(" ".join(self.texts(link)))
        self.style().unpolish(self)
        self.style().polish(self)

    def link(self) -> StationLink:
        """The link shown."""
        return self._link

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_link(self._link)
        super().changeEvent(event)


class StationQueueWidget(QListWidget):
    """The community's own open incidents, most urgent first, in large rows."""

    ID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.zone = zone
        self.setObjectName("stationQueue")
        wrap_rows(self)
        self._rows: list[IncidentRow] = []

    def set_rows(self, rows: list[IncidentRow]) -> None:
        """Show the queue as read (already in the station's scope)."""
        self._rows = list(rows)
        self._fill()

    def rows(self) -> list[IncidentRow]:
        """The incidents shown."""
        return list(self._rows)

    def _text(self, r: IncidentRow) -> str:
        when = local(r.created_at, self.zone).strftime("%H:%M")
        state = labels.incident_state(r.state)
        return f"{r.priority.name} · #{r.id} · {r.title}\n{state} · {when}"

    def _fill(self) -> None:
        self.clear()
        if not self._rows:
            self.addItem(self.tr("Nothing open in this community."))
            return
        for r in self._rows:
            item = QListWidgetItem(self._text(r))
            item.setData(self.ID_ROLE, r.id)
            if r.priority.value <= 2:
                item.setBackground(QBrush(PRIORITY_COLOURS[r.priority]))
                item.setForeground(QBrush(TEXT_ON_PRIORITY))
            self.addItem(item)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._fill()
        super().changeEvent(event)


class StationScreen(QWidget):
    """Everything a committee worker needs on one touch screen; the presenter fills it."""

    def __init__(
        self,
        zone: str = DEFAULT_ZONE,
        parent: QWidget | None = None,
        *,
        hold_ms: int = HOLD_MS,
        clock: Callable[[], int] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("stationScreen")
        self.setStyleSheet(STATION_STYLE)
        self.zone = zone
        self._community = ""
        self._counts: dict[SendState, int] = dict.fromkeys(SendState, 0)
        self.banner = StationLinkBanner(zone, self)
        self.title = QLabel(self)
        self.title.setObjectName("stationHeading")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.panic = PanicButton(self, hold_ms=hold_ms, clock=clock)
        self.panic_status = QLabel(self)
        self.panic_status.setObjectName("stationPanicStatus")
        self.panic_status.setTextFormat(Qt.TextFormat.PlainText)
        self.panic_status.setWordWrap(True)
        self.panic_status.hide()
        self.queue_heading = QLabel(self)
        self.queue_heading.setObjectName("stationHeading")
        self.queue = StationQueueWidget(zone, self)
        self.intake = StationIntakeWidget(zone, self)
        self.outbox = StationOutboxWidget(zone, self)
        self.tabs = QTabWidget(self)
        # Eight services share the bar: past its width it scrolls rather than clips a title.
        self.tabs.setUsesScrollButtons(True)
        self.tabs.tabBar().setExpanding(False)
        self.tabs.addTab(self.intake, "")
        self.tabs.addTab(self.outbox, "")

        left = QVBoxLayout()
        left.addWidget(self.panic, 3)
        left.addWidget(self.panic_status)
        left.addWidget(self.queue_heading)
        left.addWidget(self.queue, 4)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.tabs, 7)
        lay = QVBoxLayout(self)
        lay.addWidget(self.banner)
        lay.addWidget(self.title)
        lay.addLayout(body, 1)
        # Where the keyboard lands (signing in, Ctrl+0): the request's search on the New
        # request tab, else the tabs. It landed on the panic button, the first control, where
        # a held Enter or Space raises a P1 alarm.
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._on_tab_changed()
        self.retranslate()

    def _on_tab_changed(self, _index: int = 0) -> None:
        on_intake = self.tabs.currentWidget() is self.intake
        self.setFocusProxy(self.intake.search if on_intake else self.tabs.tabBar())

    def set_community(self, name: str) -> None:
        """The community this station serves (its name in the heading)."""
        self._community = name
        self.retranslate()

    def set_outbox_counts(self, counts: dict[SendState, int]) -> None:
        """Waiting and conflicting entries, for the tab's title."""
        self._counts = dict(counts)
        self._retitle_tabs()

    def show_panic_status(self, text: str, *, sent: bool = False) -> None:
        """What became of the last panic press ("" hides it)."""
        self.panic_status.setObjectName("stationPanicSent" if sent else "stationPanicStatus")
        self.panic_status.setText(text)
        self.panic_status.setVisible(bool(text))
        self.panic_status.style().unpolish(self.panic_status)
        self.panic_status.style().polish(self.panic_status)

    def clear(self) -> None:
        """Forget everything shown (sign-out): the next worker starts afresh."""
        self.queue.set_rows([])
        self.intake.reset()
        self.outbox.clear()
        self.show_panic_status("")
        self._counts = dict.fromkeys(SendState, 0)
        self._retitle_tabs()

    def _retitle_tabs(self) -> None:
        self.tabs.setTabText(0, self.tr("New request"))
        waiting, conflicts = self._counts[SendState.WAITING], self._counts[SendState.CONFLICT]
        if conflicts:
            text = self.tr("Outbox ({n} waiting, {c} to decide)").format(n=waiting, c=conflicts)
        elif waiting:
            text = self.tr("Outbox ({n} waiting)").format(n=waiting)
        else:
            text = self.tr("Outbox")
        self.tabs.setTabText(1, text)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.title.setText(
            self.tr("Station of {community}").format(community=self._community)
            if self._community
            else self.tr("Community station")
        )
        self.queue_heading.setText(self.tr("Open in this community"))
        self._retitle_tabs()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
