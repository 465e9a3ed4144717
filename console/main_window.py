"""The main window: dockable panes, menus, toolbar and status bar. A view, not a controller."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QToolButton,
    QWidget,
)

from core.permissions import Permission, Principal
from core.timefmt import DEFAULT_ZONE, local, utcnow
from core.views import DeviceCounts, DeviceRow, IncidentRow
from widgets import labels
from widgets.device_status import DeviceStatusWidget
from widgets.empty_state import EmptyStateWidget
from widgets.incident_queue import IncidentQueueWidget
from widgets.login import LockScreen
from widgets.notifications import Level, NotificationsWidget

PANES = ("video", "map", "calls", "incidents", "devices", "notifications")


@dataclass
class Pane:
    """A dock and the action that shows or hides it."""

    name: str
    dock: QDockWidget
    shortcut: str


class MainWindow(QMainWindow):
    """Shows what the console knows; every request goes out as a signal to the controller."""

    sig_lock_requested = Signal()  # GUI thread
    sig_sign_out_requested = Signal()
    sig_quit_requested = Signal()
    sig_new_incident_requested = Signal()
    sig_acknowledge_requested = Signal(int)  # incident id
    sig_incident_open_requested = Signal(int)  # incident id; Enter or double-click on a row
    sig_refresh_requested = Signal()
    sig_language_requested = Signal(str)  # "zh_CN" | "en"
    sig_verify_audit_requested = Signal()
    sig_accounts_requested = Signal()
    sig_reset_layout_requested = Signal()

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.zone = zone
        self.principal: Principal | None = None
        self._site_name = ""
        self._quitting = False
        self._hidden_by_lock: list[QDockWidget] = []
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )
        self.incidents = IncidentQueueWidget(zone)
        self.devices = DeviceStatusWidget(zone)
        self.notifications = NotificationsWidget(zone)
        self.video_empty = EmptyStateWidget()
        self.map_empty = EmptyStateWidget()
        self.calls_empty = EmptyStateWidget()
        contents: dict[str, QWidget] = {
            "video": self.video_empty,
            "map": self.map_empty,
            "calls": self.calls_empty,
            "incidents": self.incidents,
            "devices": self.devices,
            "notifications": self.notifications,
        }
        self.panes: dict[str, Pane] = {}
        for i, name in enumerate(PANES, start=1):
            dock = QDockWidget(self)
            dock.setObjectName(f"pane-{name}")
            dock.setWidget(contents[name])
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
            self.panes[name] = Pane(name, dock, f"Ctrl+{i}")
        # No central widget: every pane is a dock, so any of them can go to a second monitor.
        self.setCentralWidget(None)
        self.default_layout()
        self.lock_screen = LockScreen(self)
        self._build_actions()
        self._build_status_bar()
        self.notifications.sig_unread_changed.connect(self._on_notifications_unread_changed)
        self.incidents.sig_incident_activated.connect(self._on_incident_activated)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start()
        self._on_clock_timeout()
        self.retranslate()
        self.resize(1600, 900)

    # --- layout --------------------------------------------------------------------------
    def default_layout(self) -> None:
        """Video wall top left, map top right, queue below; devices and calls tabbed."""
        d = {n: p.dock for n, p in self.panes.items()}
        for dock in d.values():
            dock.setFloating(False)
            self.removeDockWidget(dock)
        top, bottom = Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
        self.addDockWidget(top, d["video"])
        self.splitDockWidget(d["video"], d["map"], Qt.Orientation.Horizontal)
        self.addDockWidget(bottom, d["incidents"])
        self.splitDockWidget(d["incidents"], d["devices"], Qt.Orientation.Horizontal)
        self.tabifyDockWidget(d["devices"], d["calls"])
        self.tabifyDockWidget(d["calls"], d["notifications"])
        for dock in d.values():
            dock.show()
        d["devices"].raise_()
        self.resizeDocks([d["video"], d["map"]], [1000, 600], Qt.Orientation.Horizontal)
        self.resizeDocks([d["video"], d["incidents"]], [560, 340], Qt.Orientation.Vertical)

    def layout_state(self) -> tuple[QByteArray, QByteArray]:
        """Geometry and dock state, to be saved for the user."""
        from console.layout import LAYOUT_VERSION

        return self.saveGeometry(), self.saveState(LAYOUT_VERSION)

    def restore_layout(self, geometry: QByteArray, state: QByteArray) -> bool:
        """Apply a saved layout; False if Qt rejected it."""
        from console.layout import LAYOUT_VERSION

        self.restoreGeometry(geometry)
        return self.restoreState(state, LAYOUT_VERSION)

    def show_pane(self, name: str) -> QDockWidget:
        """Make a pane visible and bring it to the front of its tab group."""
        dock = self.panes[name].dock
        dock.show()
        dock.raise_()
        return dock

    # --- actions -------------------------------------------------------------------------
    def _action(self, shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
        a = QAction(self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        self.addAction(a)  # shortcuts work even when the menu bar is hidden (full screen)
        return a

    def _build_actions(self) -> None:
        self.act_lock = self._action("Ctrl+L")
        self.act_lock.triggered.connect(self.sig_lock_requested)
        self.act_sign_out = self._action()
        self.act_sign_out.triggered.connect(self.sig_sign_out_requested)
        self.act_quit = self._action("Ctrl+Q")
        self.act_quit.triggered.connect(self._on_quit_triggered)
        self.act_new_incident = self._action("Ctrl+N")
        self.act_new_incident.triggered.connect(self.sig_new_incident_requested)
        self.act_acknowledge = self._action("Ctrl+K")
        self.act_acknowledge.triggered.connect(self._on_acknowledge_triggered)
        self.act_refresh = self._action("F5")
        self.act_refresh.triggered.connect(self.sig_refresh_requested)
        self.act_reset_layout = self._action()
        self.act_reset_layout.triggered.connect(self.sig_reset_layout_requested)
        self.act_fullscreen = self._action("F11")
        self.act_fullscreen.setCheckable(True)
        self.act_fullscreen.toggled.connect(self._on_fullscreen_toggled)
        self.act_filter_devices = self._action("Ctrl+F")
        self.act_filter_devices.triggered.connect(self._on_filter_devices_triggered)
        self.act_verify_audit = self._action()
        self.act_verify_audit.triggered.connect(self.sig_verify_audit_requested)
        self.act_accounts = self._action()
        self.act_accounts.triggered.connect(self.sig_accounts_requested)
        self.act_shortcuts = self._action("F1")
        self.act_shortcuts.triggered.connect(self._on_shortcuts_triggered)
        self.act_about = self._action()
        self.act_about.triggered.connect(self._on_about_triggered)
        self.lang_group = QActionGroup(self)
        self.act_lang: dict[str, QAction] = {}
        for lang in ("zh_CN", "en"):
            a = self._action()
            a.setCheckable(True)
            a.setData(lang)
            self.lang_group.addAction(a)
            self.act_lang[lang] = a
        self.lang_group.triggered.connect(self._on_language_triggered)
        self.pane_actions: dict[str, QAction] = {}
        for name, pane in self.panes.items():
            a = pane.dock.toggleViewAction()
            a.setShortcut(QKeySequence(pane.shortcut))
            self.addAction(a)
            self.pane_actions[name] = a

        mb = self.menuBar()
        self.menu_file = mb.addMenu("")
        self.menu_file.addActions([self.act_lock, self.act_sign_out])
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_view = mb.addMenu("")
        self.menu_view.addActions(list(self.pane_actions.values()))
        self.menu_view.addSeparator()
        self.menu_view.addActions([self.act_refresh, self.act_fullscreen, self.act_reset_layout])
        self.menu_incident = mb.addMenu("")
        self.menu_incident.addActions([self.act_new_incident, self.act_acknowledge])
        self.menu_tools = mb.addMenu("")
        self.menu_tools.addActions(
            [self.act_filter_devices, self.act_verify_audit, self.act_accounts]
        )
        self.menu_lang = mb.addMenu("")
        self.menu_lang.addActions(list(self.act_lang.values()))
        self.menu_help = mb.addMenu("")
        self.menu_help.addActions([self.act_shortcuts, self.act_about])

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.act_new_incident, self.act_acknowledge, self.act_refresh])
        self.toolbar.addSeparator()
        self.toolbar.addActions(list(self.pane_actions.values()))
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_lock)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.st_user = QLabel(self)
        self.st_user.setObjectName("statusUser")
        self.st_db = QLabel(self)
        self.st_db.setObjectName("statusDb")
        self.st_devices = QLabel(self)
        self.st_devices.setObjectName("statusDevices")
        self.st_notes = QToolButton(self)
        self.st_notes.setObjectName("notificationBadge")
        self.st_notes.clicked.connect(self._on_notes_badge_clicked)
        self.st_notes.hide()
        self.st_clock = QLabel(self)
        self.st_clock.setObjectName("statusClock")
        sb.addWidget(self.st_user)
        sb.addWidget(self.st_db)
        sb.addWidget(self.st_devices)
        sb.addPermanentWidget(self.st_notes)
        sb.addPermanentWidget(self.st_clock)
        self._db_ok = True
        self._db_label = ""
        self._db_detail = ""
        self._counts: DeviceCounts | None = None

    # --- state from the controller ---------------------------------------------------------
    def set_site(self, name: str) -> None:
        """The site's name, for the title."""
        self._site_name = name
        self._update_title()

    def set_principal(self, who: Principal | None) -> None:
        """Who is signed in; enables what their role allows (services check again)."""
        self.principal = who
        can = who.can if who else (lambda _p, _c=None: False)
        self.act_new_incident.setEnabled(can(Permission.HANDLE_INCIDENTS))
        self.act_acknowledge.setEnabled(can(Permission.HANDLE_INCIDENTS))
        self.act_verify_audit.setEnabled(can(Permission.VIEW_AUDIT))
        self.act_accounts.setEnabled(can(Permission.MANAGE_USERS))
        self._update_user_label()
        self._update_title()

    def set_incidents(self, rows: Sequence[IncidentRow]) -> None:
        """New content for the queue."""
        self.incidents.set_rows(rows)

    def set_devices(self, rows: Sequence[DeviceRow], counts: DeviceCounts) -> None:
        """New content for the device pane and the status bar."""
        self.devices.set_rows(rows)
        self._counts = counts
        self._update_devices_label()

    def set_database(self, label: str, ok: bool, detail: str = "") -> None:
        """The database line of the status bar; red with the reason when it is not reachable."""
        self._db_label, self._db_ok, self._db_detail = label, ok, detail
        self._update_db_label()

    def notify(self, level: Level, text: str, at: datetime | None = None) -> None:
        """Add a message to the notification area."""
        self.notifications.add(level, text, at or utcnow())

    def set_locked(self, locked: bool) -> None:
        """Cover the window with the lock screen and disable every shortcut, or undo that."""
        for a in self.actions():
            a.setEnabled(not locked)
        self.menuBar().setEnabled(not locked)
        self.toolbar.setEnabled(not locked)
        if locked:
            # A floating pane on another monitor must not stay readable while locked.
            self._hidden_by_lock += self.hide_floating_panes()
            self.lock_screen.lock(self.principal.display_name if self.principal else "")
        else:
            # Bring back only what the lock hid, not floating panes the user had closed.
            for dock in self._hidden_by_lock:
                dock.show()
            self._hidden_by_lock.clear()
            self.lock_screen.hide()
            self.set_principal(self.principal)

    def hide_floating_panes(self) -> list[QDockWidget]:
        """Hide the floating panes that are shown (lock, sign-out); return them."""
        hidden = [p.dock for p in self.panes.values() if p.dock.isFloating() and p.dock.isVisible()]
        for dock in hidden:
            dock.hide()
        return hidden

    def clear_data(self) -> None:
        """Forget what the panes show (sign-out): the next user must not see it."""
        self.incidents.set_rows([])
        self.devices.set_rows([])
        self._counts = None
        self._update_devices_label()

    @property
    def locked(self) -> bool:
        """True while the lock screen is up."""
        return self.lock_screen.isVisible()

    # --- texts ---------------------------------------------------------------------------
    def _update_title(self) -> None:
        parts = [self.tr("Street Command Console")]
        if self._site_name:
            parts.append(self._site_name)
        self.setWindowTitle(" — ".join(parts))

    def _update_user_label(self) -> None:
        who = self.principal
        if who is None:
            self.st_user.setText(self.tr("Not signed in"))
            return
        scope = (
            self.tr("street-wide")
            if who.communities is None
            else self.tr("communities: {c}").format(c=", ".join(sorted(who.communities)))
        )
        self.st_user.setText(f"{who.display_name} · {labels.role(who.role)} · {scope}")

    def _update_db_label(self) -> None:
        self.st_db.setObjectName("statusDb" if self._db_ok else "statusDbBad")
        state = self.tr("connected") if self._db_ok else self.tr("NOT REACHABLE")
        self.st_db.setText(
            self.tr("Database: {label} ({state})").format(label=self._db_label, state=state)
        )
        self.st_db.setToolTip(self._db_detail)
        self.st_db.style().unpolish(self.st_db)
        self.st_db.style().polish(self.st_db)

    def _update_devices_label(self) -> None:
        c = self._counts
        if c is None:
            self.st_devices.setText(self.tr("Devices: loading…"))
            return
        bad = c.offline > 0
        self.st_devices.setObjectName("statusDevicesBad" if bad else "statusDevices")
        self.st_devices.setText(
            self.tr("Devices: {on} online / {off} offline / {unk} never seen").format(
                on=c.online, off=c.offline, unk=c.unknown
            )
        )
        self.st_devices.style().unpolish(self.st_devices)
        self.st_devices.style().polish(self.st_devices)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        titles = {
            "video": self.tr("Video wall"),
            "map": self.tr("Map"),
            "calls": self.tr("Calls"),
            "incidents": self.tr("Incident queue"),
            "devices": self.tr("Device status"),
            "notifications": self.tr("Notifications"),
        }
        for name, pane in self.panes.items():
            pane.dock.setWindowTitle(titles[name])
        self.video_empty.set_texts(
            "▦",
            self.tr("Video wall not connected yet"),
            self.tr(
                "The cameras are configured in the site file. Live view, recording and "
                "evidence export come with the video module."
            ),
        )
        self.map_empty.set_texts(
            "◎",
            self.tr("Live map not available yet"),
            self.tr(
                "Reader positions, zones and tracked people will be drawn here once RFID/GPS "
                "tracking is connected."
            ),
        )
        self.calls_empty.set_texts(
            "☎",
            self.tr("No call centre connected"),
            self.tr(
                "Incoming and abandoned calls will be listed here once the SIP line is "
                "configured for this workstation."
            ),
        )
        self.menu_file.setTitle(self.tr("&Console"))
        self.menu_view.setTitle(self.tr("&View"))
        self.menu_incident.setTitle(self.tr("&Incidents"))
        self.menu_tools.setTitle(self.tr("&Tools"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        self.act_lock.setText(self.tr("Lock screen"))
        self.act_sign_out.setText(self.tr("Sign out"))
        self.act_quit.setText(self.tr("Quit"))
        self.act_new_incident.setText(self.tr("New incident…"))
        self.act_acknowledge.setText(self.tr("Acknowledge"))
        self.act_refresh.setText(self.tr("Refresh"))
        self.act_reset_layout.setText(self.tr("Reset layout"))
        self.act_fullscreen.setText(self.tr("Full screen"))
        self.act_filter_devices.setText(self.tr("Find device"))
        self.act_verify_audit.setText(self.tr("Verify audit log"))
        self.act_accounts.setText(self.tr("Accounts…"))
        self.act_shortcuts.setText(self.tr("Keyboard shortcuts"))
        self.act_about.setText(self.tr("About"))
        self.act_lang["zh_CN"].setText("中文")
        self.act_lang["en"].setText("English")
        self._update_title()
        self._update_user_label()
        self._update_db_label()
        self._update_devices_label()
        self._on_clock_timeout()

    def set_language_checked(self, lang: str) -> None:
        """Tick the active language in the menu."""
        if lang in self.act_lang:
            self.act_lang[lang].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- slots ---------------------------------------------------------------------------
    def _on_clock_timeout(self) -> None:
        now = local(utcnow(), self.zone)
        self.st_clock.setText(now.strftime("%Y-%m-%d %H:%M:%S"))

    def _on_notifications_unread_changed(self, n: int) -> None:
        self.st_notes.setText(self.tr("{n} new").format(n=n))
        self.st_notes.setVisible(n > 0)

    def _on_notes_badge_clicked(self) -> None:
        self.show_pane("notifications")
        self.notifications.mark_read()

    def _on_incident_activated(self, incident_id: int) -> None:
        # Enter opens the incident rather than acting on it: a stray key must not claim it.
        self.sig_incident_open_requested.emit(incident_id)

    def _on_acknowledge_triggered(self) -> None:
        iid = self.incidents.selected_incident_id()
        if iid is None:
            self.statusBar().showMessage(self.tr("Select an incident first."), 4000)
            return
        self.sig_acknowledge_requested.emit(iid)

    def _on_language_triggered(self, action: QAction) -> None:
        self.sig_language_requested.emit(str(action.data()))

    def _on_fullscreen_toggled(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def _on_filter_devices_triggered(self) -> None:
        self.show_pane("devices")
        self.devices.filter.setFocus()
        self.devices.filter.selectAll()

    def _on_shortcuts_triggered(self) -> None:
        rows = [
            (
                a.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                a.text().replace("&", ""),
            )
            for a in self.actions()
            if not a.shortcut().isEmpty()
        ]
        rows.append(("Enter", self.tr("Open the selected incident")))
        text = "\n".join(f"{k:<10} {t}" for k, t in sorted(rows))
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("Keyboard shortcuts"), text, parent=self)
        box.setStyleSheet("QLabel { font-family: monospace; }")
        box.exec()

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("Street Command Console\nCommand system of {site}").format(
                site=self._site_name
            ),
        )

    def _on_quit_triggered(self) -> None:
        self.sig_quit_requested.emit()

    def allow_close(self) -> None:
        """Let the next close event through (the controller has shut down)."""
        self._quitting = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._quitting:
            event.accept()
            return
        # The controller confirms, saves the layout and shuts threads down in order.
        event.ignore()
        self.sig_quit_requested.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lock_screen.isVisible():
            self.lock_screen.setGeometry(self.rect())
