"""The first-start dialog: this PC's role, workstation, database (tested first) and devices."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.station_setup import (
    DEFAULT_PG_PORT,
    DbCheck,
    DbCheckKind,
    DbKind,
    DbTarget,
    PcRole,
    PgServer,
    StationSetup,
)

log = logging.getLogger(__name__)

# How long closing the dialog waits for a running test (its connect timeout is shorter).
TEST_JOIN_S = 8.0


@dataclass(frozen=True, slots=True)
class WorkstationOption:
    """A workstation of the site file; `community` None is the control room."""

    code: str
    name: str
    community: str | None = None


@dataclass(frozen=True, slots=True)
class DeviceOption:
    """A device the site file gives a workstation: reader, camera or other device."""

    code: str
    name: str
    kind: str  # "reader", "camera" or a site device kind
    workstation: str


@dataclass(frozen=True, slots=True)
class SetupForm:
    """What the dialog is filled with."""

    workstations: Sequence[WorkstationOption]
    devices: Sequence[DeviceOption]
    default_path: str  # the embedded file's default location, shown as a hint
    where: str  # the setup file's path, shown at the bottom
    current: StationSetup | None = None
    password_kept: bool = False  # a password is stored already (left empty: kept)
    first_start: bool = True  # before a start; False: an administrator's change (next start)


DbTest = Callable[[DbTarget, str], DbCheck]


class _TestResult(QObject):
    """Carries a finished test from its thread to the GUI thread (a queued signal)."""

    sig_finished = Signal(int, object)  # worker thread: (generation, DbCheck)


class FirstStartDialog(QDialog):
    """Asks for this PC's setup; Save is enabled for a server only after a passing test.

    The test runs the `test` callback on its own thread (`setup:dbtest`): it may block for
    the connect timeout. A failed test leaves every value in place and says why.
    """

    sig_test_finished = Signal(object)  # GUI thread: the DbCheck of the latest test

    def __init__(self, form: SetupForm, test: DbTest, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("firstStartDialog")
        self.form = form
        self._test = test
        self._generation = 0
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._passed: tuple[DbTarget, str] | None = None  # what the last passing test tried
        self._save_after_test = False
        self.last_check: DbCheck | None = None
        self._relay = _TestResult(self)
        self._relay.sig_finished.connect(self._on_test_finished)
        self._build()
        self.retranslate()
        self._fill(form)
        self._on_input_changed()

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = QLabel(self)
        self.problem.setObjectName("setupProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        # This PC
        self.pc_box = QGroupBox(self)
        self.role_control = QRadioButton(self.pc_box)
        self.role_control.setObjectName("roleControlRoom")
        self.role_station = QRadioButton(self.pc_box)
        self.role_station.setObjectName("roleStation")
        self.roles = QButtonGroup(self)
        self.roles.addButton(self.role_control)
        self.roles.addButton(self.role_station)
        self.workstation = QComboBox(self.pc_box)
        self.workstation.setObjectName("setupWorkstation")
        self.lbl_workstation = QLabel(self.pc_box)
        self.lbl_workstation.setBuddy(self.workstation)
        pc = QGridLayout(self.pc_box)
        pc.setColumnStretch(1, 1)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role_control)
        role_row.addWidget(self.role_station)
        role_row.addStretch(1)
        pc.addLayout(role_row, 0, 0, 1, 2)
        pc.addWidget(self.lbl_workstation, 1, 0)
        pc.addWidget(self.workstation, 1, 1)
        # Database
        self.db_box = QGroupBox(self)
        self.db_embedded = QRadioButton(self.db_box)
        self.db_embedded.setObjectName("dbEmbedded")
        self.db_server = QRadioButton(self.db_box)
        self.db_server.setObjectName("dbServer")
        self.db_kinds = QButtonGroup(self)
        self.db_kinds.addButton(self.db_embedded)
        self.db_kinds.addButton(self.db_server)
        self.path = QLineEdit(self.db_box)
        self.path.setObjectName("dbPath")
        self.host = QLineEdit(self.db_box)
        self.host.setObjectName("dbHost")
        self.port = QSpinBox(self.db_box)
        self.port.setObjectName("dbPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PG_PORT)
        self.database = QLineEdit(self.db_box)
        self.database.setObjectName("dbName")
        self.user = QLineEdit(self.db_box)
        self.user.setObjectName("dbUser")
        self.password = QLineEdit(self.db_box)
        self.password.setObjectName("dbPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self.db_box)
        self.test_button.setObjectName("dbTest")
        self.test_button.setAutoDefault(False)
        self.progress = QProgressBar(self.db_box)
        self.progress.setRange(0, 0)  # busy: a connect has no known length
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.hide()
        self.status = QLabel(self.db_box)
        self.status.setObjectName("dbStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._db_labels = [QLabel(self.db_box) for _ in range(6)]
        for label, buddy in zip(
            self._db_labels,
            (self.path, self.host, self.port, self.database, self.user, self.password),
            strict=True,
        ):
            label.setBuddy(buddy)
        db = QGridLayout(self.db_box)
        db.setColumnStretch(1, 1)
        db.addWidget(self.db_embedded, 0, 0, 1, 4)
        db.addWidget(self._db_labels[0], 1, 0)
        db.addWidget(self.path, 1, 1, 1, 3)
        db.addWidget(self.db_server, 2, 0, 1, 4)
        db.addWidget(self._db_labels[1], 3, 0)
        db.addWidget(self.host, 3, 1)
        db.addWidget(self._db_labels[2], 3, 2)
        db.addWidget(self.port, 3, 3)
        for row, (label, field) in enumerate(
            zip(self._db_labels[3:], (self.database, self.user, self.password), strict=True),
            start=4,
        ):
            db.addWidget(label, row, 0)
            db.addWidget(field, row, 1, 1, 3)
        db.addWidget(self.test_button, 7, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        db.addWidget(self.progress, 7, 2, 1, 2)
        db.addWidget(self.status, 8, 0, 1, 4)
        # Devices
        self.dev_box = QGroupBox(self)
        self.devices = QListWidget(self.dev_box)
        self.devices.setObjectName("setupDevices")
        self.devices.setMinimumHeight(90)
        self.dev_hint = QLabel(self.dev_box)
        self.dev_hint.setWordWrap(True)
        self.dev_hint.setTextFormat(Qt.TextFormat.PlainText)
        dev = QVBoxLayout(self.dev_box)
        dev.addWidget(self.dev_hint)
        dev.addWidget(self.devices)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("setupSave")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.problem)
        layout.addWidget(self.pc_box)
        layout.addWidget(self.db_box)
        layout.addWidget(self.dev_box, 1)
        layout.addWidget(self.where)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        for w in (self.role_control, self.role_station, self.db_embedded, self.db_server):
            w.toggled.connect(self._on_input_changed)
        self.role_control.toggled.connect(self._on_role_toggled)
        self.workstation.currentIndexChanged.connect(self._on_workstation_changed)
        for edit in (self.path, self.host, self.database, self.user, self.password):
            edit.textChanged.connect(self._on_input_changed)
        self.port.valueChanged.connect(self._on_input_changed)
        self.test_button.clicked.connect(self._on_test_clicked)
        QWidget.setTabOrder(self.role_control, self.role_station)
        QWidget.setTabOrder(self.role_station, self.workstation)
        QWidget.setTabOrder(self.workstation, self.db_embedded)
        QWidget.setTabOrder(self.db_embedded, self.path)
        QWidget.setTabOrder(self.path, self.db_server)
        QWidget.setTabOrder(self.db_server, self.host)
        QWidget.setTabOrder(self.host, self.port)
        QWidget.setTabOrder(self.port, self.database)
        QWidget.setTabOrder(self.database, self.user)
        QWidget.setTabOrder(self.user, self.password)
        QWidget.setTabOrder(self.password, self.test_button)
        QWidget.setTabOrder(self.test_button, self.devices)

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.setWindowTitle(self.tr("Set up this PC"))
        if self.form.first_start and self.form.current is None:
            self.intro.setText(
                self.tr(
                    "This console starts here for the first time. Say what this PC is, where "
                    "its database is, and which devices it runs."
                )
            )
        elif self.form.first_start:
            self.intro.setText(
                self.tr("Check this PC's setup; the console starts with it once it is saved.")
            )
        else:
            self.intro.setText(
                self.tr(
                    "Changes apply at the next start of the console on this PC. They are "
                    "recorded in the audit log."
                )
            )
        self.pc_box.setTitle(self.tr("This PC"))
        self.role_control.setText(self.tr("&Control-room workstation"))
        self.role_station.setText(self.tr("Communit&y station"))
        self.lbl_workstation.setText(self.tr("&Workstation:"))
        self.db_box.setTitle(self.tr("Database"))
        self.db_embedded.setText(self.tr("&Embedded file on this PC (a single workstation)"))
        self.db_server.setText(self.tr("Shared &PostgreSQL server"))
        texts = (
            self.tr("&File:"),
            self.tr("&Host:"),
            self.tr("P&ort:"),
            self.tr("Data&base:"),
            self.tr("&User:"),
            self.tr("Passwo&rd:"),
        )
        for label, text in zip(self._db_labels, texts, strict=True):
            label.setText(text)
        self.path.setPlaceholderText(self.form.default_path)
        self.path.setToolTip(self.tr("Leave empty for the default file."))
        self.password.setPlaceholderText(
            self.tr("(kept: leave empty)") if self.form.password_kept else ""
        )
        self.test_button.setText(self.tr("&Test connection"))
        self.dev_box.setTitle(self.tr("Devices run by this PC"))
        self.dev_hint.setText(
            self.tr(
                "The site file gives these devices to the chosen workstation. Untick those "
                "that another PC runs."
            )
        )
        self.where.setText(self.tr("Saved for this user in: {path}").format(path=self.form.where))
        self.save_button.setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        if self.last_check is not None:
            self._show_check(self.last_check)

    def showEvent(self, event: QShowEvent) -> None:
        # A window is not held at its layout's height for its width (wrapped labels): the
        # form's line edits were squeezed to slivers. Grow to what the width needs.
        layout = self.layout()
        need = layout.totalHeightForWidth(self.width()) if layout is not None else -1
        if need > self.height():
            self.resize(self.width(), need)
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill(self, form: SetupForm) -> None:
        cur = form.current
        station = cur is not None and cur.role is PcRole.STATION
        (self.role_station if station else self.role_control).setChecked(True)
        self._fill_workstations(cur.workstation if cur is not None else "")
        db = cur.database if cur is not None else DbTarget(DbKind.EMBEDDED)
        (self.db_server if db.kind is DbKind.POSTGRESQL else self.db_embedded).setChecked(True)
        self.path.setText(db.path)
        if db.server is not None:
            self.host.setText(db.server.host)
            self.port.setValue(db.server.port)
            self.database.setText(db.server.database)
            self.user.setText(db.server.user)
        self._fill_devices(set(cur.not_owned) if cur is not None else set())

    def _fill_workstations(self, select: str) -> None:
        station = self.role_station.isChecked()
        self.workstation.blockSignals(True)
        self.workstation.clear()
        for w in self.form.workstations:
            if (w.community is not None) == station:
                self.workstation.addItem(f"{w.code} · {w.name}", w.code)
        index = self.workstation.findData(select)
        self.workstation.setCurrentIndex(max(index, 0))
        self.workstation.blockSignals(False)

    def _fill_devices(self, unticked: set[str]) -> None:
        self.devices.clear()
        code = self.workstation.currentData()
        kinds = {"reader": self.tr("Reader"), "camera": self.tr("Camera")}
        for d in self.form.devices:
            if d.workstation != code:
                continue
            kind = kinds.get(d.kind, self.tr("Device"))
            item = QListWidgetItem(f"{d.code} · {d.name} ({kind})", self.devices)
            item.setData(Qt.ItemDataRole.UserRole, d.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = d.code not in unticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # --- values -----------------------------------------------------------------------------
    def target(self) -> DbTarget:
        """The database as typed."""
        if self.db_embedded.isChecked():
            return DbTarget(DbKind.EMBEDDED, path=self.path.text().strip())
        server = PgServer(
            host=self.host.text().strip(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            port=self.port.value(),
        )
        return DbTarget(DbKind.POSTGRESQL, server=server)

    def setup(self) -> StationSetup:
        """The setup as chosen (the password apart: `typed_password`)."""
        unticked = tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.devices.item(i) for i in range(self.devices.count()))
            if item.checkState() != Qt.CheckState.Checked
        )
        role = PcRole.STATION if self.role_station.isChecked() else PcRole.CONTROL_ROOM
        return StationSetup(
            role, str(self.workstation.currentData() or ""), self.target(), unticked
        )

    def typed_password(self) -> str | None:
        """The password typed; None when left empty (a kept one stays)."""
        return self.password.text() or None

    def _complete(self) -> bool:
        if not self.workstation.currentData():
            return False
        t = self.target()
        return t.server is None or bool(t.server.host and t.server.database and t.server.user)

    @Slot()
    def _on_input_changed(self) -> None:
        server = self.db_server.isChecked()
        for w in (self.host, self.port, self.database, self.user, self.password):
            w.setEnabled(server)
        self.path.setEnabled(not server)
        for label in self._db_labels[1:]:
            label.setEnabled(server)
        self._db_labels[0].setEnabled(not server)
        running = self._thread is not None
        complete = self._complete()
        self.test_button.setEnabled(complete and not running)
        passed = self._passed == (self.target(), self.password.text())
        # A server is saved only once a test of exactly these values passed; a file is
        # tested when Save is pressed (it takes a moment).
        self.save_button.setEnabled(complete and not running and (passed or not server))
        if not passed and self.last_check is not None and self.last_check.ok and not running:
            self.last_check = None
            self.status.clear()

    @Slot(bool)
    def _on_role_toggled(self, _checked: bool) -> None:
        self._fill_workstations(str(self.workstation.currentData() or ""))
        self._on_workstation_changed(self.workstation.currentIndex())

    @Slot(int)
    def _on_workstation_changed(self, _index: int) -> None:
        self._fill_devices(set())
        self._on_input_changed()

    # --- testing ----------------------------------------------------------------------------
    @Slot()
    def _on_test_clicked(self) -> None:
        self.start_test()

    def start_test(self) -> None:
        """Test the database as typed, off the GUI thread."""
        if self._thread is not None or not self._complete():
            return
        self._generation += 1
        generation = self._generation
        target, password = self.target(), self.password.text()
        test, relay, stop = self._test, self._relay, self._stop

        def run() -> None:
            try:
                check = test(target, password)
            except Exception as exc:  # the callback's own failure is shown, not lost
                log.exception("database test failed")
                check = DbCheck(DbCheckKind.CONFIG, str(exc))
            if not stop.is_set():
                relay.sig_finished.emit(generation, (target, password, check))

        self.last_check = None
        self.status.setText(self.tr("Testing the connection…"))
        self.progress.show()
        self._thread = threading.Thread(target=run, name="setup:dbtest", daemon=True)
        self._thread.start()
        self._on_input_changed()

    @Slot(int, object)
    def _on_test_finished(self, generation: int, result: object) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(TEST_JOIN_S)  # it has emitted: this returns at once
        if generation != self._generation:
            return
        assert isinstance(result, tuple)
        target, password, check = result
        self.progress.hide()
        self.last_check = check
        self._passed = (target, password) if check.ok else None
        self._show_check(check)
        self._on_input_changed()
        self.sig_test_finished.emit(check)
        if self._save_after_test:
            self._save_after_test = False
            if check.ok:
                self.accept()
            elif check.kind is DbCheckKind.AUTH:
                self.password.setFocus()

    def _show_check(self, check: DbCheck) -> None:
        title, remedy = self.check_texts(check.kind)
        self.status.setText(f"{title}\n{remedy}" if remedy else title)
        self.status.setToolTip(check.detail)
        self.status.setProperty("ok", check.ok)
        self.status.setStyleSheet("" if check.ok else "color: #c62828;")

    def check_texts(self, kind: DbCheckKind) -> tuple[str, str]:
        """A headline and a remedy for a test's outcome, in the current language."""
        texts = {
            DbCheckKind.OK: (self.tr("Connection works: the database is ready."), ""),
            DbCheckKind.NEW_FILE: (
                self.tr("The file does not exist yet: it is created at the first start."),
                "",
            ),
            DbCheckKind.UPGRADE: (
                self.tr("The database is from an older version: it is updated at start."),
                "",
            ),
            DbCheckKind.NOT_MIGRATED: (
                self.tr("The database is not set up for this version."),
                self.tr("Its owner must run `console migrate` on it first."),
            ),
            DbCheckKind.UNREACHABLE: (
                self.tr("The database server cannot be reached."),
                self.tr("Check the host and port, the network, and that the server runs."),
            ),
            DbCheckKind.AUTH: (
                self.tr("The server refused the user name or password."),
                self.tr("Check both and test again."),
            ),
            DbCheckKind.NO_DATABASE: (
                self.tr("The server has no database of that name."),
                self.tr("Check the database name."),
            ),
            DbCheckKind.NEWER_SCHEMA: (
                self.tr("The database is newer than this console."),
                self.tr("Install the newer console on this PC."),
            ),
            DbCheckKind.FOREIGN: (
                self.tr("This is not a console database."),
                self.tr("It was not changed. Check the address."),
            ),
            DbCheckKind.CORRUPT: (
                self.tr("The database file is damaged."),
                self.tr("Restore it from a backup or choose another file."),
            ),
            DbCheckKind.LOCKED: (
                self.tr("The database is in use by another program."),
                self.tr("Close it and test again."),
            ),
            DbCheckKind.CONFIG: (
                self.tr("The database setting is not valid."),
                self.tr("Check the values typed."),
            ),
        }
        return texts[kind]

    def show_problem(self, text: str) -> None:
        """A problem found before the dialog opened (a damaged setup file, an unreachable
        database at start), shown above the form as typed."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # --- closing ----------------------------------------------------------------------------
    @Slot()
    def _on_save_clicked(self) -> None:
        if not self.save_button.isEnabled():
            return
        if self._passed == (self.target(), self.password.text()):
            self.accept()
            return
        self._save_after_test = True  # an embedded file: tested now, saved if it passes
        self.start_test()

    def done(self, result: int) -> None:
        """Closing: a running test's result is no longer wanted; its thread is joined."""
        self.stop_test()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop_test()
        super().closeEvent(event)

    def stop_test(self) -> None:
        """Drop a running test and join its thread (it ends by its connect timeout)."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._stop.set()
        self._generation += 1  # a result already on its way is dropped too
        self._save_after_test = False
        thread.join(TEST_JOIN_S)
        if thread.is_alive():
            log.error("the database test did not end within %.0f s", TEST_JOIN_S)
        self._stop = threading.Event()
        self.progress.hide()
