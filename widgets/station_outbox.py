"""The station's outbox: what waits to be sent, what was sent, and conflicts a person decides."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.station import EntryKind, OutboxItem, SendState
from core.timefmt import DEFAULT_ZONE, local
from widgets.empty_state import EmptyStateWidget
from widgets.text import plain_tooltip

log = logging.getLogger(__name__)

STATE_COLOURS: dict[SendState, QColor] = {
    SendState.WAITING: QColor("#3d3410"),  # amber: kept here, not yet at the centre
    SendState.SENT: QColor("#15301f"),
    SendState.CONFLICT: QColor("#4a1d1a"),  # red: a person must decide
    SendState.REFUSED: QColor("#3a2a12"),
    SendState.DISCARDED: QColor("#26282c"),
}
UNKNOWN_COLOUR = QColor("#26282c")  # a state this screen does not know: as if discarded
UUID_ROLE = Qt.ItemDataRole.UserRole


class StationOutboxWidget(QWidget):
    """Lists the outbox newest first; a conflict selected can be applied anyway or discarded."""

    # GUI thread: (entry uuid, apply anyway?); the presenter asks for confirmation first.
    sig_decide_requested = Signal(str, bool)

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.zone = zone
        self._items: list[OutboxItem] = []
        self.heading = QLabel(self)
        self.heading.setObjectName("stationHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(self)
        self.list.setObjectName("stationOutbox")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)  # rows of the same state apart
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(False)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.conflict_help = QLabel(self)
        self.conflict_help.setWordWrap(True)
        self.conflict_help.setTextFormat(Qt.TextFormat.PlainText)
        self.apply = QPushButton(self)
        self.apply.setObjectName("stationApplyAnyway")
        self.discard = QPushButton(self)
        self.discard.setObjectName("stationDiscard")
        self.apply.clicked.connect(lambda: self._decide(True))
        self.discard.clicked.connect(lambda: self._decide(False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply)
        buttons.addWidget(self.discard)
        buttons.addStretch(1)
        # Nothing sent yet: say what will appear here rather than show an empty box.
        self.empty = EmptyStateWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.list)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.conflict_help)
        lay.addLayout(buttons)
        self.retranslate()
        self._update_buttons()

    # --- data -----------------------------------------------------------------------------
    def set_items(self, items: list[OutboxItem]) -> None:
        """Show the outbox (newest first); the selection stays on the same entry."""
        chosen = self.current_uuid()
        self._items = sorted(items, key=lambda i: i.created_at, reverse=True)
        self.list.clear()
        for item in self._items:
            row = QListWidgetItem(self._row_text(item))
            row.setData(UUID_ROLE, item.uuid)
            row.setToolTip(self._tooltip(item))
            row.setBackground(QBrush(STATE_COLOURS.get(item.state, UNKNOWN_COLOUR)))
            row.setSizeHint(row.sizeHint())
            self.list.addItem(row)
            if item.uuid == chosen:
                self.list.setCurrentItem(row)
        self.stack.setCurrentWidget(self.list if self._items else self.empty)
        self._update_buttons()

    def items(self) -> list[OutboxItem]:
        """The entries shown, newest first."""
        return list(self._items)

    def row_texts(self) -> list[str]:
        """Each row's text as shown (tests, screenshots)."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def counts(self) -> dict[SendState, int]:
        """How many entries of each state are shown."""
        out = dict.fromkeys(SendState, 0)
        for item in self._items:
            out[item.state] += 1
        return out

    def select(self, uuid: str) -> bool:
        """Select an entry by uuid; False if it is not shown."""
        for i in range(self.list.count()):
            if self.list.item(i).data(UUID_ROLE) == uuid:
                self.list.setCurrentRow(i)
                return True
        return False

    def current_uuid(self) -> str:
        """The selected entry's uuid, "" for none."""
        row = self.list.currentItem()
        return str(row.data(UUID_ROLE)) if row is not None else ""

    def clear(self) -> None:
        """Forget everything shown (sign-out)."""
        self.set_items([])

    # --- texts ----------------------------------------------------------------------------
    def state_text(self, state: SendState) -> str:
        """A send state in words (a state this screen does not know yet: its code, never an
        error: the text is made in GUI callbacks, where one would hide the whole outbox)."""
        return {
            SendState.WAITING: self.tr("Waiting to send"),
            SendState.SENT: self.tr("Sent"),
            SendState.CONFLICT: self.tr("Conflict: decide"),
            SendState.REFUSED: self.tr("Refused by the centre"),
            SendState.DISCARDED: self.tr("Discarded"),
        }.get(state, str(state))

    def kind_text(self, kind: EntryKind) -> str:
        """An entry's kind in words (every EntryKind has its words: the tests go through them
        all; an unknown one shows its code rather than break the list)."""
        return {
            EntryKind.PANIC: self.tr("Panic"),
            EntryKind.REQUEST: self.tr("Request"),
            EntryKind.NOTE: self.tr("Note"),
            EntryKind.SURVEY: self.tr("Survey response"),
            EntryKind.ORDER: self.tr("Order"),
        }.get(kind, str(kind))

    def _when(self, at: datetime) -> str:
        return local(at, self.zone).strftime("%m-%d %H:%M")

    def ref_text(self, ref: str) -> str:
        """What an entry became at the centre, in words ("incident:42" → incident 42)."""
        kind, _, number = ref.partition(":")
        if kind == "incident":
            return self.tr("incident {n}").format(n=number)
        if kind == "ticket":
            return self.tr("service ticket {n}").format(n=number)
        if kind == "survey":
            return self.tr("survey round {code}").format(code=number)
        if kind == "order":
            return self.tr("order {n}").format(n=number)
        return ref

    def _text(self, item: OutboxItem) -> str:
        state, kind = self.state_text(item.state), self.kind_text(item.kind)
        lines = [" · ".join((state, kind, self._when(item.created_at)))]
        # The entry's own summary and the server's detail are technical (and in English):
        # the tooltip has them; the row says what the worker needs in their language.
        if item.state is SendState.SENT:
            lines.append(
                self.tr("At the centre as {ref}").format(ref=self.ref_text(item.server_ref))
                if item.server_ref
                else self.tr("At the centre")
            )
        elif item.state is SendState.WAITING:
            line = self.tr("Kept on this PC; sent once the link is back.")
            if item.attempts:
                line += " " + self.tr("Tried {n} times.").format(n=item.attempts)
            lines.append(line)
        elif item.state is SendState.CONFLICT:
            lines.append(self.tr("The centre changed this incident meanwhile: decide below."))
        elif item.state is SendState.REFUSED:
            lines.append(self.tr("The centre refused it: phone the centre if it still matters."))
        else:
            lines.append(self.tr("Discarded by a person's decision."))
        return "\n".join(lines)

    def _row_text(self, item: OutboxItem) -> str:
        """A row's words; never an error: these are made in GUI callbacks (the desk's read,
        a language change), and one entry's words must not hide the whole outbox."""
        try:
            return self._text(item)
        except Exception:
            log.exception("outbox entry %s (%s) not put in words", item.uuid, item.kind)
            return " · ".join(t for t in (str(item.state), str(item.kind), item.summary) if t)

    def _tooltip(self, item: OutboxItem) -> str:
        return plain_tooltip("\n".join(t for t in (item.summary, item.detail) if t))

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.heading.setText(self.tr("Sent from this station"))
        self.empty.set_texts(
            "✉",
            self.tr("Nothing sent from this station yet"),
            self.tr(
                "Requests, panics, survey answers and orders taken here appear with their "
                "state: waiting to send (kept on this PC while the centre is out of reach), "
                "sent, refused by the centre, or a conflict for you to decide."
            ),
        )
        self.conflict_help.setText(
            self.tr(
                "A conflict: the centre changed the same incident meanwhile. Apply this "
                "station's entry anyway, or discard it. Nothing is dropped unasked."
            )
        )
        self.apply.setText(self.tr("Apply anyway…"))
        self.discard.setText(self.tr("Discard…"))
        by_uuid = {item.uuid: item for item in self._items}
        for i in range(self.list.count()):
            row = self.list.item(i)
            shown = by_uuid.get(str(row.data(UUID_ROLE)))
            if shown is not None:
                row.setText(self._row_text(shown))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- slots ----------------------------------------------------------------------------
    def _current(self) -> OutboxItem | None:
        uuid = self.current_uuid()
        return next((i for i in self._items if i.uuid == uuid), None)

    def _update_buttons(self) -> None:
        item = self._current()
        conflict = item is not None and item.state is SendState.CONFLICT
        any_conflict = any(i.state is SendState.CONFLICT for i in self._items)
        self.apply.setEnabled(conflict)
        self.discard.setEnabled(conflict)
        self.conflict_help.setVisible(any_conflict)
        self.apply.setVisible(any_conflict)
        self.discard.setVisible(any_conflict)

    def _on_current_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _decide(self, apply_anyway: bool) -> None:
        item = self._current()
        if item is not None and item.state is SendState.CONFLICT:
            self.sig_decide_requested.emit(item.uuid, apply_anyway)
