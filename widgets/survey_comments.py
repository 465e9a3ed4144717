"""A round's free-text answers, each one a possible feedback ticket (every comment answered)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, slots=True)
class Comment:
    """One text answer: the question, the text, where it was taken (never who)."""

    round_code: str
    question_id: str
    question: str
    text: str
    community: str
    community_name: str


class SurveyCommentsWidget(QWidget):
    """The comments of the round shown in Results, newest form first, filterable by text.

    `sig_ticket_requested(Comment)`: the worker wants a feedback ticket for it (Enter or the
    button). Tickets already filed from a comment are not tracked here: the Feedback pane
    lists them with the round and question as their source.
    """

    sig_ticket_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._all: list[Comment] = []
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._fill)
        # Enter in the search goes to the comments found (Enter there files the ticket).
        self.search.returnPressed.connect(self._to_list)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemActivated.connect(self._on_ticket_clicked)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ticket_button = QPushButton(self)
        self.ticket_button.clicked.connect(self._on_ticket_clicked)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.search)
        top.addWidget(self.ticket_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.list, 1)
        box.addWidget(self.empty, 1)
        self._round = ""
        self.retranslate()
        self.set_comments("", [])

    def set_comments(self, round_code: str, comments: list[Comment]) -> None:
        """Show a round's comments ("" and []: no round chosen)."""
        self._round = round_code
        self._all = list(comments)
        self._fill()
        self._texts()

    def shown(self) -> list[Comment]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def selected(self) -> Comment | None:
        row = self.list.currentRow()
        if row < 0:
            return None
        found: Comment = self.list.item(row).data(Qt.ItemDataRole.UserRole)
        return found

    @Slot()
    def _fill(self) -> None:
        needle = self.search.text().strip().lower()
        self.list.clear()
        for c in self._all:
            if needle and needle not in c.text.lower() and needle not in c.community_name.lower():
                continue
            item = QListWidgetItem(f"{c.text}\n— {c.community_name} · {c.question}")
            item.setData(Qt.ItemDataRole.UserRole, c)
            item.setToolTip(c.question)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.setVisible(bool(self._all))
        self.empty.setVisible(not self._all)
        self._update_buttons()
        self._texts()

    @Slot()
    def _to_list(self) -> None:
        if self.list.count():
            self.list.setFocus()

    @Slot()
    def _update_buttons(self) -> None:
        self.ticket_button.setEnabled(self.selected() is not None)

    @Slot()
    def _on_ticket_clicked(self) -> None:
        c = self.selected()
        if c is not None:
            self.sig_ticket_requested.emit(c)

    def _texts(self) -> None:
        if not self._round:
            self.heading.setText(self.tr("Comments"))
            self.empty.setText(self.tr("Choose a round in Rounds to read its comments."))
            return
        shown = self.list.count()
        if shown == len(self._all):
            heading = self.tr("Comments of round {code}: {n}").format(
                code=self._round, n=len(self._all)
            )
        else:
            # A search shows part of them: the count says so (it said 196 with one shown).
            heading = self.tr("Comments of round {code}: {shown} of {n} shown").format(
                code=self._round, shown=shown, n=len(self._all)
            )
        self.heading.setText(heading)
        self.empty.setText(self.tr("Nobody has written a comment in this round yet."))

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search the comments"))
        self.ticket_button.setText(self.tr("Feedback ticket…"))
        self.ticket_button.setToolTip(
            self.tr("File the selected comment as a feedback ticket, to be answered (Enter)")
        )
        self._texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
