"""The full-screen survey kiosk: welcome, one large question per screen, thanks, a PIN to leave."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.survey import Question
from widgets.survey_question import QuestionView

KIOSK_SCALE = 2.0  # type 22 pt, touch targets 64 px
TOUCH = 72  # px, the kiosk's own buttons
_WORKER_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
FAMILY = "family"  # helper_chosen's value for "a family member helped"
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.Wheel,
        QEvent.Type.InputMethod,
    }
)


def _label(text: str = "", point: float = 20.0, *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles and names are data, never HTML
    label.setWordWrap(True)
    f = label.font()
    f.setPointSizeF(point)
    f.setBold(bold)
    label.setFont(f)
    return label


def _big_button(text: str, point: float = 20.0) -> QPushButton:
    b = QPushButton(text)
    b.setMinimumHeight(TOUCH)
    b.setMinimumWidth(TOUCH * 2)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the kiosk (scanner, digits, Enter)
    f = b.font()
    f.setPointSizeF(point)
    b.setFont(f)
    return b


class KioskView(QWidget):
    """The kiosk's screens; it shows what its controller says and reports what people do.

    Signals fire on the GUI thread. `activity` fires on any key, touch or click inside the
    kiosk (the idle reset counts from it). Closing, Esc and Alt+F4 are ignored until the
    controller calls allow_close(True) after the PIN.
    """

    start_requested = Signal()
    slip_scanned = Signal(str)
    answered = Signal(object)
    back_requested = Signal()
    read_again_requested = Signal()
    done_requested = Signal()
    helper_toggled = Signal(bool)
    helper_chosen = Signal(object)  # a worker's user id, FAMILY, or None (nobody)
    pin_requested = Signal()
    pin_entered = Signal(str)
    pin_cancelled = Signal()
    activity = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("surveyKiosk")
        self.setWindowFlags(
            Qt.WindowType.Window
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._closable = False
        self._scan = ""  # what a USB scanner (a keyboard) typed on the welcome screen
        self._swallowing = False  # dropping a scan that came during the questions
        self._swallowed_at = 0
        self._clock = QElapsedTimer()
        self._clock.start()
        self._return_to: QWidget | None = None  # the page under the PIN or helper overlay

        self.pages = QStackedWidget()
        self.welcome = self._build_welcome()
        self.question_page = self._build_question()
        self.thanks = self._build_thanks()
        self.pin_page = self._build_pin()
        self.helper_page = self._build_helpers()
        for page in (
            self.welcome,
            self.question_page,
            self.thanks,
            self.pin_page,
            self.helper_page,
        ):
            self.pages.addWidget(page)

        root = QVBoxLayout(self)
        root.setContentsMargins(24, 12, 24, 16)
        root.addWidget(self.pages, 1)
        # A discreet corner button for the worker: small, unlabelled, but still touchable;
        # placed over the pages (resizeEvent) so it costs no row of the screen.
        self.exit_button = QPushButton("⋯", self)
        self.exit_button.setObjectName("kioskExit")
        self.exit_button.setFixedSize(48, 48)
        self.exit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exit_button.setFlat(True)
        self.exit_button.setToolTip(self.tr("Worker: leave the kiosk"))
        self.exit_button.clicked.connect(self.pin_requested)

        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.pages.setCurrentWidget(self.welcome)

    # --- pages ----------------------------------------------------------------------------
    def _build_welcome(self) -> QWidget:
        page = QWidget()
        self.title = _label("", 34, bold=True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.instruction = _label("", 22)
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_message = _label("", 18)
        self.welcome_message.setObjectName("welcomeMessage")
        self.welcome_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome_message.setStyleSheet("color: #ff9f0a;")
        self.start_button = _big_button(self.tr("Start"), 26)
        self.start_button.setMinimumHeight(TOUCH + 24)
        self.start_button.setMinimumWidth(360)
        self.start_button.clicked.connect(self.start_requested)
        self.tts_notice = _label(self.tr("Read-aloud is unavailable on this computer"), 14)
        self.tts_notice.setObjectName("ttsNotice")
        self.tts_notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tts_notice.hide()
        box = QVBoxLayout(page)
        box.addStretch(2)
        box.addWidget(self.title)
        box.addSpacing(24)
        box.addWidget(self.instruction)
        box.addSpacing(32)
        box.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addSpacing(16)
        box.addWidget(self.welcome_message)
        box.addStretch(3)
        box.addWidget(self.tts_notice)
        return page

    def _build_question(self) -> QWidget:
        page = QWidget()
        self.progress_label = _label("", 16)
        self.progress_label.setWordWrap(False)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(14)
        self.question = QuestionView(scale=KIOSK_SCALE)
        self.question.answered.connect(self.answered)
        self.back_button = _big_button(self.tr("Back"))
        self.back_button.clicked.connect(self.back_requested)
        self.next_button = _big_button(self.tr("Next"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.read_button = _big_button(self.tr("Read aloud"), 16)
        self.read_button.setMinimumHeight(56)
        self.read_button.clicked.connect(self.read_again_requested)
        self.helper_button = _big_button(self.tr("A worker helped"), 16)
        self.helper_button.setMinimumHeight(56)
        self.helper_button.setCheckable(True)
        self.helper_button.toggled.connect(self.helper_toggled)
        head = QHBoxLayout()
        head.addWidget(self.progress_label, 1)
        head.addWidget(self.read_button)
        head.addWidget(self.helper_button)
        head.addSpacing(56)  # the corner button sits above this
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        box = QVBoxLayout(page)
        box.addLayout(head)
        box.addWidget(self.progress)
        box.addWidget(self.question, 1)
        box.addLayout(nav)
        return page

    def _build_thanks(self) -> QWidget:
        page = QWidget()
        self.thanks_label = _label(self.tr("Thank you!"), 40, bold=True)
        self.thanks_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_detail = _label("", 22)
        self.thanks_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button = _big_button(self.tr("Done"), 22)
        self.done_button.clicked.connect(self.done_requested)
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(self.thanks_label)
        box.addWidget(self.thanks_detail)
        box.addSpacing(32)
        box.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(1)
        return page

    def _build_pin(self) -> QWidget:
        page = QWidget()
        self.pin_label = _label(self.tr("Worker PIN to leave the kiosk"), 24, bold=True)
        self.pin_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_field = QLineEdit()
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setMaxLength(8)
        self.pin_field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_field.setMinimumHeight(TOUCH)
        self.pin_field.setMaximumWidth(360)
        f = self.pin_field.font()
        f.setPointSizeF(24)
        self.pin_field.setFont(f)
        self.pin_field.returnPressed.connect(self._on_pin_ok)
        self.pin_message = _label("", 18)
        self.pin_message.setObjectName("pinMessage")
        self.pin_message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_message.setStyleSheet("color: #ff453a;")
        pad_box = QWidget()
        pad_box.setFixedWidth(3 * (TOUCH + 60))  # a phone-like pad, not a full-width one
        pad = QGridLayout(pad_box)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        self.pin_keys: dict[str, QPushButton] = {}
        for i, k in enumerate(keys):
            b = _big_button(k, 22)
            b.setMinimumWidth(TOUCH + 24)
            b.clicked.connect(self._on_pin_key)
            pad.addWidget(b, i // 3, i % 3)
            self.pin_keys[k] = b
        self.pin_cancel = _big_button(self.tr("Cancel"), 18)
        self.pin_cancel.clicked.connect(self._on_pin_cancel)
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(self.pin_label)
        box.addWidget(self.pin_field, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.pin_message)
        box.addWidget(pad_box, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.pin_cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(1)
        return page

    def _build_helpers(self) -> QWidget:
        page = QWidget()
        self.helper_title = _label(self.tr("Who helped?"), 26, bold=True)
        self.helper_grid = QGridLayout()
        self.helper_buttons: list[QPushButton] = []
        box = QVBoxLayout(page)
        box.addWidget(self.helper_title)
        box.addLayout(self.helper_grid)
        box.addStretch(1)
        return page

    # --- what the controller shows ----------------------------------------------------------
    def show_welcome(self, title: str, instruction: str, message: str = "") -> None:
        self.title.setText(title)
        self.instruction.setText(instruction)
        self.welcome_message.setText(message)
        self.helper_button.setChecked(False)
        self._scan = ""
        self._go(self.welcome)

    def set_start_enabled(self, enabled: bool) -> None:
        self.start_button.setVisible(enabled)

    def show_question(
        self, q: Question, value: object, number: int, total: int, *, can_back: bool
    ) -> None:
        self.question.set_question(q, value)
        self.progress_label.setText(
            self.tr("Question %1 of %2").replace("%1", str(number)).replace("%2", str(total))
        )
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(number - 1)
        self.back_button.setEnabled(can_back)
        self._go(self.question_page)

    def show_question_problem(self, message: str) -> None:
        self.question.show_problem(message)

    def show_thanks(self, detail: str = "") -> None:
        self.thanks_detail.setText(detail)
        self._go(self.thanks)

    def show_pin(self, message: str = "") -> None:
        if self.pages.currentWidget() not in (self.pin_page, self.helper_page):
            self._return_to = self.pages.currentWidget()
        self.pin_field.clear()
        self.pin_message.setText(message)
        self._go(self.pin_page)
        self.pin_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_pin_message(self, message: str) -> None:
        self.pin_field.clear()
        self.pin_message.setText(message)

    def show_helpers(self, helpers: Sequence[tuple[int, str]]) -> None:
        """Offer the workers who may have helped, a family member, and nobody."""
        if self.pages.currentWidget() not in (self.pin_page, self.helper_page):
            self._return_to = self.pages.currentWidget()
        for b in self.helper_buttons:
            self.helper_grid.removeWidget(b)
            b.deleteLater()
        self.helper_buttons = []
        items: list[tuple[object, str]] = [(uid, name) for uid, name in helpers]
        items += [(FAMILY, self.tr("A family member")), (None, self.tr("Nobody helped"))]
        for i, (value, name) in enumerate(items):
            b = _big_button(name, 20)
            b.setProperty("helper", value)
            b.clicked.connect(self._on_helper_clicked)
            self.helper_grid.addWidget(b, i // 3, i % 3)
            self.helper_buttons.append(b)
        self._go(self.helper_page)

    def set_helper_label(self, text: str) -> None:
        """What the helper toggle says once someone is chosen (the toggle is on iff `text`)."""
        self.helper_button.blockSignals(True)
        self.helper_button.setChecked(bool(text))
        self.helper_button.blockSignals(False)
        self.helper_button.setText(text or self.tr("A worker helped"))

    def back_from_overlay(self) -> None:
        self._go(self._return_to or self.welcome)
        self._return_to = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.exit_button.move(self.width() - self.exit_button.width() - 8, 8)
        self.exit_button.raise_()

    def set_tts_available(self, available: bool) -> None:
        self.tts_notice.setVisible(not available)
        self.read_button.setVisible(available)

    def allow_close(self, allowed: bool) -> None:
        self._closable = allowed

    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

    # --- input ----------------------------------------------------------------------------
    def _go(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        if page is self.question_page:
            editor = self.question.editor()
            (editor if editor is not None and editor.isEnabled() else self.question).setFocus()
        elif page is not self.pin_page:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_next_clicked(self) -> None:
        self.question.commit()

    @Slot()
    def _on_pin_key(self) -> None:
        sender = self.sender()
        key = sender.text() if isinstance(sender, QPushButton) else ""
        if key == "OK":
            self._on_pin_ok()
        elif key == "⌫":
            self.pin_field.backspace()
        elif len(self.pin_field.text()) < 8:
            self.pin_field.insert(key)

    @Slot()
    def _on_pin_ok(self) -> None:
        pin = self.pin_field.text()
        self.pin_field.clear()
        self.pin_entered.emit(pin)

    @Slot()
    def _on_pin_cancel(self) -> None:
        self.pin_field.clear()
        self.back_from_overlay()
        self.pin_cancelled.emit()

    @Slot()
    def _on_helper_clicked(self) -> None:
        sender = self.sender()
        value = sender.property("helper") if isinstance(sender, QPushButton) else None
        self.back_from_overlay()
        self.helper_chosen.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            return  # a kiosk has no way out by keyboard but the PIN
        page = self.pages.currentWidget()
        if page is self.welcome:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                text, self._scan = self._scan.strip(), ""
                if text:
                    self.slip_scanned.emit(text)
                elif self.start_button.isVisible():
                    self.start_requested.emit()
                return
            if event.text() and event.text().isprintable():
                self._scan = (self._scan + event.text())[-512:]
                return
        if page is self.question_page and key == Qt.Key.Key_PageUp:
            self.back_requested.emit()
            return
        if page is self.thanks and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.done_requested.emit()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closable:
            event.accept()
        else:
            event.ignore()  # Alt+F4 and the window manager's close do nothing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _INPUT or not isinstance(watched, QWidget):
            return False
        if watched is not self and not self.isAncestorOf(watched):
            return False
        self.activity.emit()
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape:
                return True  # Esc never reaches a child that might close or clear something
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() == Qt.Key.Key_K and mods == _WORKER_KEYS:
                # filtered here rather than a QShortcut: it works whichever child has focus
                self.pin_requested.emit()
                return True
            if self.pages.currentWidget() is self.question_page:
                return self._swallow_scan(watched, event)
        return False

    def _swallow_scan(self, watched: QWidget, event: QKeyEvent) -> bool:
        """A slip scanned during someone's questions: its digits would pick choices and its
        Enter move on. A letter outside a text field starts a scan; keys are dropped until its
        Enter, or until half a second without keys."""
        now = self._clock.elapsed()
        if self._swallowing and now - self._swallowed_at > 500:
            self._swallowing = False
        if self._swallowing:
            self._swallowed_at = now
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._swallowing = False
            return True
        text = event.text()
        typing = isinstance(watched, (QLineEdit, QAbstractSpinBox)) or isinstance(
            watched.parentWidget(), QAbstractSpinBox
        )
        if text[:1].isascii() and text[:1].isalpha() and not typing:
            self._swallowing, self._swallowed_at = True, now
            return True
        return False

    def release(self) -> None:
        """Stop watching the application's input (the owner calls it when the kiosk ends)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
