"""A screening sitting, one question at a time: keys pick (0–3, Y/N), Backspace goes back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.screening import Instrument, Item, Option, next_item
from widgets.flow_layout import flow_row


def chinese() -> bool:
    """True while the console speaks Chinese (console.i18n sets the default locale)."""
    return QLocale().language() == QLocale.Language.Chinese


def _key_of(option: Option) -> str:
    """The key that picks an option: its digit code (PHQ, GAD), or Y/N for yes/no (GDS)."""
    if option.code.isdigit() and len(option.code) == 1:
        return option.code
    return {"yes": "Y", "no": "N"}.get(option.code, "")


class ScreeningRunDialog(QDialog):
    """Asks the sitting's forms item by item; the presenter saves every answer as it comes.

    `sig_answers_changed(key, answers)`: the answers so far of one form (instrument key, dict
    of item number → option code), after every pick; GUI thread. The dialog moves on at once
    (the next item is computed here, not read from the database); when a form is complete it
    waits for `form_saved` to say what the presenter stored and which forms follow.
    """

    sig_answers_changed = Signal(str, object)
    # The question just shown, with its answers, as text to read aloud (kiosk); GUI thread.
    sig_item_shown = Signal(str)
    # By phone: ring the person on this workstation's line (Ctrl+D); GUI thread.
    sig_dial = Signal()

    def __init__(
        self,
        person: str,
        *,
        kiosk: bool = False,
        phone: bool = False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("screeningRun")
        self._kiosk = kiosk
        self._queue: list[Instrument] = []
        self._current: Instrument | None = None
        self._answers: dict[int, str] = {}
        self._item: Item | None = None
        self._history: list[int] = []  # items answered in this form, in order (Backspace)
        self._waiting = False
        self._done: list[str] = []  # result lines of the forms completed
        self._buttons: list[tuple[QPushButton, Option]] = []
        # Asked before a half-answered form is left: given what to do on yes (the
        # presenter's dialogs ask the user without a nested event loop).
        self.confirm_leave: Callable[[Callable[[], None]], None] = lambda leave: leave()
        self.setModal(True)
        self.resize(760, 520)
        self._person = QLabel(person)
        self._person.setTextFormat(Qt.TextFormat.PlainText)
        self._form = QLabel()
        self._form.setTextFormat(Qt.TextFormat.PlainText)
        self._form.setObjectName("screeningForm")
        self._frame = QLabel()
        self._frame.setTextFormat(Qt.TextFormat.PlainText)
        self._frame.setWordWrap(True)
        self._progress = QProgressBar()
        self._progress.setTextVisible(True)
        self._question = QLabel()
        self._question.setTextFormat(Qt.TextFormat.PlainText)
        self._question.setWordWrap(True)
        font = QFont(self._question.font())
        font.setPointSizeF(font.pointSizeF() * (1.8 if kiosk else 1.4))
        self._question.setFont(font)
        self._options = QWidget()
        self._options_box = QVBoxLayout(self._options)
        self._options_box.setContentsMargins(0, 0, 0, 0)
        self._hint = QLabel()
        self._hint.setTextFormat(Qt.TextFormat.PlainText)
        self._hint.setObjectName("hint")
        ask = QWidget()
        ask_box = QVBoxLayout(ask)
        ask_box.addWidget(self._frame)
        ask_box.addWidget(self._question, 1)
        ask_box.addWidget(self._options)
        ask_box.addWidget(self._hint)
        self._status = QLabel()
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setWordWrap(True)
        self._status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._pages = QStackedWidget()
        self._pages.addWidget(ask)
        self._pages.addWidget(self._status)
        self._back = QPushButton()
        self._back.clicked.connect(self._go_back)
        self._close = QPushButton()
        self._close.clicked.connect(self.reject)
        self.dial_button = QPushButton()
        self.dial_button.clicked.connect(self._dial)
        self.dial_button.setVisible(phone)
        self.call_state = QLabel()
        self.call_state.setTextFormat(Qt.TextFormat.PlainText)
        self.call_state.setVisible(phone)
        top = QHBoxLayout()
        top.addWidget(self._person, 1)
        top.addWidget(self.call_state)
        top.addWidget(self.dial_button)
        top.addWidget(self._form)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self._progress)
        box.addWidget(self._pages, 1)
        box.addWidget(flow_row(self._back, self._close))
        self._retranslate()

    # --- what the presenter calls ---------------------------------------------------------
    def start(self, instruments: list[Instrument]) -> None:
        """Ask these forms in order."""
        self._queue = list(instruments)
        self._next_form()

    def form_saved(self, result_line: str, follow_ups: list[Instrument]) -> None:
        """The completed form is stored: its result line, and the forms it calls for next."""
        self._waiting = False
        if result_line:
            self._done.append(result_line)
        known = {i.code for i in self._queue}
        self._queue.extend(i for i in follow_ups if i.code not in known)
        self._next_form()

    def set_call_state(self, text: str, *, may_dial_again: bool) -> None:
        """What became of the call (placed, or why not); Dial again only when it may help."""
        self.call_state.setText(text)
        self.dial_button.setEnabled(may_dial_again)

    def _dial(self) -> None:
        if self.dial_button.isVisible() and self.dial_button.isEnabled():
            self.dial_button.setEnabled(False)  # one call at a time; the presenter answers
            self.call_state.setText(self.tr("Calling…"))
            self.sig_dial.emit()

    def save_failed(self, message: str) -> None:
        """The last save was refused: say so; the answers stay on screen to try again."""
        self._waiting = False
        self._status.setText(message)
        self._pages.setCurrentIndex(1)

    @property
    def current_key(self) -> str | None:
        """The instrument key being asked, if any."""
        return self._current.key if self._current is not None else None

    @property
    def sitting_done(self) -> bool:
        """True once every form of the sitting is complete and stored."""
        return self._current is None and not self._queue and not self._waiting

    def pick(self, code: str) -> None:
        """Answer the current item with an option code (a click, a key, or a test)."""
        if self._item is None or self._current is None or self._waiting:
            return
        option = next((o for o in self._item.options if o.code == code), None)
        if option is None:
            return
        number = self._item.number
        self._answers[number] = option.code
        if number in self._history:
            self._history.remove(number)
        self._history.append(number)
        self.sig_answers_changed.emit(self._current.key, dict(self._answers))
        self._show_item()

    # --- the flow -------------------------------------------------------------------------
    def _next_form(self) -> None:
        if not self._queue:
            self._current = None
            self._item = None
            summary = "\n".join(self._done)
            self._status.setText(
                self.tr("The sitting is complete.") + ("\n\n" + summary if summary else "")
            )
            self._pages.setCurrentIndex(1)
            self._progress.setValue(self._progress.maximum())
            self._back.setEnabled(False)
            self._close.setText(self.tr("Close"))
            self._close.setFocus()
            return
        self._current = self._queue.pop(0)
        self._close.setText(self.tr("Leave (Esc)"))
        self._answers = {}
        self._history = []
        self._form.setText(self._current.name_zh if chinese() else self._current.name_en)
        frame = self._current.time_frame_zh if chinese() else self._current.time_frame_en
        self._frame.setText(frame)
        self._progress.setMaximum(len(self._current.items))
        self._show_item()

    def _show_item(self) -> None:
        assert self._current is not None
        self._item = next_item(self._current, self._answers)
        answered = len(self._answers)
        total = len(self._current.items)
        self._progress.setValue(answered)
        self._progress.setFormat(
            self.tr("Question {n} of {total}").format(n=min(answered + 1, total), total=total)
        )
        self._back.setEnabled(bool(self._history))
        if self._item is None:
            self._waiting = True
            self._status.setText(self.tr("Saving and scoring…"))
            self._pages.setCurrentIndex(1)
            return
        self._pages.setCurrentIndex(0)
        self._question.setText(
            f"{self._item.number}. " + (self._item.zh if chinese() else self._item.en)
        )
        self._fill_options(self._item)
        self._announce(self._item)

    def _announce(self, item: Item) -> None:
        zh = chinese()
        options = (
            "；".join(o.zh for o in item.options) if zh else "; ".join(o.en for o in item.options)
        )
        self.sig_item_shown.emit(f"{item.zh if zh else item.en}。{options}")

    def _fill_options(self, item: Item) -> None:
        for button, _o in self._buttons:
            button.deleteLater()
        self._buttons = []
        while self._options_box.count():
            self._options_box.takeAt(0)
        picked = self._answers.get(item.number)
        for option in item.options:
            key = _key_of(option)
            text = option.zh if chinese() else option.en
            button = QPushButton(f"[{key}]  {text}" if key else text)
            button.setCheckable(True)
            button.setChecked(option.code == picked)
            button.setMinimumHeight(56 if self._kiosk else 36)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the dialog
            button.clicked.connect(lambda _c=False, code=option.code: self.pick(code))
            self._options_box.addWidget(button)
            self._buttons.append((button, option))
        self.setFocus()

    def _go_back(self) -> None:
        if not self._history or self._current is None or self._waiting:
            return
        number = self._history.pop()
        self._item = self._current.item(number)
        self._pages.setCurrentIndex(0)
        self._question.setText(
            f"{self._item.number}. " + (self._item.zh if chinese() else self._item.en)
        )
        self._fill_options(self._item)
        self._announce(self._item)
        self._progress.setValue(len(self._history))
        self._back.setEnabled(bool(self._history))

    # --- Qt -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Backspace:
            self._go_back()
            return
        text = event.text().upper()
        if self._item is not None and text:
            for _b, option in self._buttons:
                if _key_of(option) == text:
                    self.pick(option.code)
                    return
        super().keyPressEvent(event)

    def reject(self) -> None:
        """Esc or Leave: a form half answered stays partial, after `confirm_leave` agrees."""
        if self._current is not None and self._answers and not self.sitting_done:
            self.confirm_leave(lambda: QDialog.reject(self))
            return
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Screening"))
        self._back.setText(self.tr("Back (Backspace)"))
        self.dial_button.setText(self.tr("Dial (Ctrl+D)"))
        self.dial_button.setShortcut("Ctrl+D")  # after setText, which resets the shortcut
        self._close.setText(self.tr("Close") if self.sitting_done else self.tr("Leave (Esc)"))
        self._hint.setText(
            self.tr("Press the key shown on an answer, or click it; Backspace changes the last.")
        )
