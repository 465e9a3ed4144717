"""Sign-in dialog and the idle lock screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.timefmt import DEFAULT_ZONE, local, utcnow


class LoginDialog(QDialog):
    """Asks for user name and password; the caller checks them off the GUI thread."""

    sig_login_requested = Signal(str, str)  # username, password; GUI thread
    sig_language_requested = Signal(str)  # "zh_CN" or "en"; GUI thread

    def __init__(self, site_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setModal(True)
        self._site = site_name
        self.banner = QLabel(self)
        self.banner.setObjectName("loginBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.site_label = QLabel(self)
        self.site_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.sign_in = QPushButton(self)
        self.sign_in.setObjectName("signIn")
        self.sign_in.setDefault(True)
        self.sign_in.clicked.connect(self._on_sign_in_clicked)
        self.quit = QPushButton(self)
        self.quit.clicked.connect(self.reject)
        self.user_label = QLabel(self)
        self.password_label = QLabel(self)
        self.language_label = QLabel(self)
        self.user_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        self.language_label.setBuddy(self.language)
        self.form = QFormLayout()
        self.form.addRow(self.user_label, self.username)
        self.form.addRow(self.password_label, self.password)
        self.form.addRow(self.language_label, self.language)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit)
        buttons.addWidget(self.sign_in)
        lay = QVBoxLayout(self)
        lay.addWidget(self.banner)
        lay.addWidget(self.site_label)
        lay.addSpacing(12)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addLayout(buttons)
        self.setMinimumWidth(420)
        self.retranslate()

    def set_language(self, lang: str) -> None:
        """Show which language is active without emitting a request."""
        i = self.language.findData(lang)
        if i >= 0:
            self.language.blockSignals(True)
            self.language.setCurrentIndex(i)
            self.language.blockSignals(False)

    def set_site_name(self, name: str) -> None:
        """The site named under the banner (the database's name wins over the site file's)."""
        if name:
            self._site = name
            self.site_label.setText(name)

    @property
    def busy(self) -> bool:
        """True from a sign-in request until its answer."""
        return not self.sign_in.isEnabled()

    def set_busy(self, busy: bool) -> None:
        """Disable input while the password is being checked."""
        for w in (self.username, self.password, self.sign_in, self.language):
            w.setEnabled(not busy)
        self.sign_in.setText(self.tr("Checking…") if busy else self.tr("Sign in"))

    def show_error(self, text: str) -> None:
        """Show why sign-in failed and get ready for another try."""
        self.set_busy(False)
        self.error.setText(text)
        self.password.clear()
        self.password.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc must not close the console by accident; Quit is an explicit button.
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def _on_sign_in_clicked(self) -> None:
        user = self.username.text().strip()
        if not user:
            self.error.setText(self.tr("Enter your user name."))
            self.username.setFocus()
            return
        self.error.clear()
        self.set_busy(True)
        self.sig_login_requested.emit(user, self.password.text())

    def _on_language_changed(self, _index: int) -> None:
        self.sig_language_requested.emit(str(self.language.currentData()))

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Sign in — Street Command Console"))
        self.banner.setText(self.tr("Street Command Console"))
        self.site_label.setText(self._site)
        self.user_label.setText(self.tr("User name"))
        self.password_label.setText(self.tr("Password"))
        self.language_label.setText(self.tr("Language"))
        self.sign_in.setText(self.tr("Sign in"))
        self.quit.setText(self.tr("Quit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LockScreen(QFrame):
    """Covers the main window after idle time; only the password (or sign-out) gets past it.

    While shown it keeps a clock in the site's time zone and says how many incidents are
    waiting, so a locked console still tells a passer-by that something needs attention.
    """

    sig_unlock_requested = Signal(str)  # password; GUI thread
    sig_sign_out_requested = Signal()  # GUI thread

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        zone: str = DEFAULT_ZONE,
        clock: Callable[[], datetime] = utcnow,
    ):
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self._who = ""
        self._waiting: int | None = None
        self._zone = zone
        self._now = clock
        self.title = QLabel(self)
        self.title.setObjectName("lockTitle")
        self.who = QLabel(self)
        self.clock = QLabel(self)
        self.clock.setObjectName("lockClock")
        font = QFont(self.clock.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 2.4)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
        self.clock.setFont(font)
        self.waiting = QLabel(self)
        self.waiting.setObjectName("lockWaiting")
        self.password = QLineEdit(self)
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._on_unlock_clicked)
        self.password.setMinimumWidth(200)
        self.password.setMaximumWidth(320)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        for label in (self.title, self.who, self.clock, self.waiting, self.error):
            # Names and messages are data: never rendered as rich text.
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock = QPushButton(self)
        self.unlock.setObjectName("unlock")
        self.unlock.clicked.connect(self._on_unlock_clicked)
        self.sign_out = QPushButton(self)
        self.sign_out.clicked.connect(self.sig_sign_out_requested)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._on_ticker_timeout)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.password)
        row.addWidget(self.unlock)
        row.addStretch(1)
        row2 = QHBoxLayout()
        row2.addStretch(1)
        row2.addWidget(self.sign_out)
        row2.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(2)
        lay.addWidget(self.clock)
        lay.addSpacing(8)
        lay.addWidget(self.title)
        lay.addWidget(self.who)
        lay.addWidget(self.waiting)
        lay.addSpacing(16)
        lay.addLayout(row)
        lay.addWidget(self.error)
        lay.addLayout(row2)
        lay.addStretch(3)
        self.hide()
        self.retranslate()
        self._on_ticker_timeout()

    def lock(self, display_name: str) -> None:
        """Cover the parent and ask for the password."""
        self._who = display_name
        self.retranslate()
        self.error.clear()
        self.password.clear()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.password.setFocus()

    def set_waiting(self, count: int | None) -> None:
        """How many incidents wait for someone (None or 0: none)."""
        self._waiting = count
        self._show_waiting()

    def set_busy(self, busy: bool) -> None:
        """Disable input while the password is being checked."""
        self.password.setEnabled(not busy)
        self.unlock.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        """Say why unlocking failed."""
        self.set_busy(False)
        self.error.setText(text)
        self.password.clear()
        self.password.setFocus()

    def show_wrong_password(self) -> None:
        """The lock screen asks for the password only: say that it was wrong, nothing more."""
        self.show_error(self.tr("Wrong password."))

    def showEvent(self, event: QShowEvent) -> None:
        self._on_ticker_timeout()
        self._ticker.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._ticker.stop()
        super().hideEvent(event)

    def _on_ticker_timeout(self) -> None:
        self.clock.setText(local(self._now(), self._zone).strftime("%Y-%m-%d %H:%M:%S"))

    def _on_unlock_clicked(self) -> None:
        self.set_busy(True)
        self.sig_unlock_requested.emit(self.password.text())

    def _show_waiting(self) -> None:
        n = self._waiting or 0
        if n == 0:
            text = self.tr("No incidents waiting")
        elif n == 1:
            text = self.tr("1 incident waiting")
        else:
            text = self.tr("{n} incidents waiting").format(n=n)
        self.waiting.setText(text)
        font = self.waiting.font()
        font.setBold(n > 0)
        self.waiting.setFont(font)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab cycles within the lock screen: no widget behind it may take the keyboard."""
        chain = [w for w in (self.password, self.unlock, self.sign_out) if w.isEnabled()]
        if not chain:
            return True
        focus = QApplication.focusWidget()
        i = chain.index(focus) if focus in chain else -1
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        chain[(i + (1 if next else -1)) % len(chain)].setFocus(reason)
        return True

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Screen locked"))
        self.who.setText(self.tr("Signed in: {name}").format(name=self._who))
        self.password.setPlaceholderText(self.tr("Password"))
        self.unlock.setText(self.tr("Unlock"))
        self.sign_out.setText(self.tr("Sign out"))
        self._show_waiting()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
