"""The main window: panes, actions and status items come in as data; it only shows and asks."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QChildEvent, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QToolBar,
    QWidget,
)

from console.shell.panes import Area, PaneSpec
from core.permissions import Permission, Principal
from core.timefmt import DEFAULT_ZONE, local, utcnow
from widgets import labels
from widgets.eliding_label import ElidingLabel
from widgets.login import LockScreen
from widgets.service_pane import TabbedPane
from widgets.visibility import in_view

MENUS = ("console", "view", "incidents", "tools", "language", "help")
LANGUAGES = {"zh_CN": "中文", "en": "English"}


def _constant(text: str) -> Callable[[], str]:
    """A text that is the same in every language (a language's own name)."""
    return lambda: text


@dataclass(frozen=True)
class ActionSpec:
    """A menu entry (and maybe a toolbar button) that a capability contributes."""

    name: str
    text: Callable[[], str]  # read at call time, so it follows the language
    menu: str  # one of MENUS
    shortcut: str | QKeySequence.StandardKey | None = None
    toolbar: bool = False
    # Enabled only for roles that have it (all of them, for a tuple).
    permission: Permission | tuple[Permission, ...] | None = None
    separator_before: bool = False
    last: bool = False  # stays at the end of its menu whatever is added later (Quit)


@dataclass
class Pane:
    """A dock, its spec and the action that shows or hides it."""

    spec: PaneSpec
    dock: QDockWidget
    toggle: QAction
    key: QShortcut | None = None


class MainWindow(QMainWindow):
    """Shows what the presenters give it; requests go out as signals."""

    sig_quit_requested = Signal()  # GUI thread: window closed or Quit chosen
    sig_language_requested = Signal(str)  # "zh_CN" | "en"
    sig_reset_layout_requested = Signal()

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.zone = zone
        self.principal: Principal | None = None
        self._site_name = ""
        self._quitting = False
        self._menu_tails: dict[str, QAction] = {}  # a menu's first entry that stays last
        self._hidden_by_lock: list[QDockWidget] = []
        self._db_label = ""
        self._db_ok = True
        self._db_detail = ""
        self.panes: dict[str, Pane] = {}
        self._maximised_before_full = False
        self._toolbar_panes: frozenset[str] | None = None  # None: every pane has its button
        self.attention_requests = 0  # how often the window asked for attention (status, tests)
        self.actions_by_name: dict[str, tuple[ActionSpec, QAction]] = {}
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
        )
        # No central widget: every pane is a dock, so any of them can go to a second monitor.
        self.setCentralWidget(None)  # type: ignore[arg-type]  # Qt accepts no central widget
        self.lock_screen = LockScreen(self, zone=zone)
        self._build_menus()
        self._build_status_bar()
        # The status-bar clock shows minutes and wakes once a minute, on the minute: a repaint
        # every second cost ~1 % of a core for a console that idles through a twelve-hour
        # shift (measured; the lock screen keeps a seconds clock while it is up).
        self._clock = QTimer(self)
        self._clock.setSingleShot(True)
        self._clock.setTimerType(Qt.TimerType.PreciseTimer)
        self._clock.timeout.connect(self._on_clock_timeout)
        self.retranslate()
        self.resize(1600, 900)

    # --- panes ----------------------------------------------------------------------------
    def add_pane(self, spec: PaneSpec) -> QDockWidget:
        """Give a capability's widget a dock, a View-menu entry and a shortcut."""
        if spec.name in self.panes:
            raise ValueError(f"pane {spec.name!r} added twice")
        dock = QDockWidget(self)
        dock.setObjectName(f"pane-{spec.name}")
        dock.setWidget(spec.widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        dock.setWindowTitle(spec.title())
        # Not Qt's toggleViewAction: on a pane tabbed behind another it closed the pane (its
        # tab went) and a second press brought it back still behind. This one brings a pane
        # forward, and hides it only when it is already in front.
        toggle = QAction(spec.title(), self)
        toggle.setObjectName(f"pane-action-{spec.name}")
        toggle.setCheckable(True)
        qt_toggle = dock.toggleViewAction()  # Qt keeps it checked while the dock is not closed
        toggle.setChecked(qt_toggle.isChecked())
        qt_toggle.toggled.connect(toggle.setChecked)  # the dock's close button, a restored layout
        toggle.triggered.connect(lambda _checked=False, n=spec.name: self.bring_forward(n))
        key = None
        if spec.shortcut:
            # The menu shows the key, but the key itself is the window's shortcut below: a
            # key goes by where the keyboard is, a click by what is on screen.
            toggle.setShortcut(QKeySequence(spec.shortcut))
            toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            key = QShortcut(QKeySequence(spec.shortcut), self)  # works with the menu bar hidden
            key.setObjectName(f"pane-key-{spec.name}")
            key.activated.connect(lambda n=spec.name: self.keyboard_to(n))
        self.addAction(toggle)  # listed with the shortcuts (F1), disabled while locked
        self.panes[spec.name] = Pane(spec, dock, toggle, key)
        # The View menu and the toolbar list the panes in their order, whatever order the
        # presenters were built in: take them out and put them back in front of the markers.
        ordered = [p.toggle for p in sorted(self.panes.values(), key=lambda p: p.spec.order)]
        view = self.menus["view"]
        for a in ordered:
            view.removeAction(a)
            self.toolbar.removeAction(a)
        view.insertActions(self._sep_view, ordered)
        self.toolbar.insertActions(self._sep_tail, self._toolbar_toggles())
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.visibilityChanged.connect(
            lambda visible, d=dock: visible and QTimer.singleShot(0, d, lambda: self._announce(d))
        )
        return dock

    def createPopupMenu(self) -> QMenu:
        """The menu of a right click on a title bar or the toolbar: the panes' own actions,
        not Qt's toggleViewAction (which closes a pane that is behind another tab)."""
        menu = QMenu(self)
        for pane in sorted(self.panes.values(), key=lambda p: p.spec.order):
            menu.addAction(pane.toggle)
        return menu

    def childEvent(self, event: QChildEvent) -> None:
        """The tab bars Qt makes for tabbed panes show whole titles and scroll: elided, ten
        panes in one area read "S…", "O…", "Pl…" (Qt sets ElideRight on them)."""
        super().childEvent(event)
        if event.type() is QEvent.Type.ChildPolished:
            bar = event.child()
            if isinstance(bar, QTabBar):
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)

    def _announce(self, dock: QDockWidget) -> None:
        """The service panes in a dock that came forward, a station screen's too, that can be
        seen now say so (`TabbedPane.sig_shown`): a tabbed dock is never hidden, so they get
        no show event of their own."""
        for pane in dock.findChildren(TabbedPane):
            pane.announce()

    def _toolbar_toggles(self) -> list[QAction]:
        return [
            p.toggle
            for p in sorted(self.panes.values(), key=lambda p: p.spec.order)
            if self._toolbar_panes is None or p.spec.name in self._toolbar_panes
        ]

    def keep_panes_in_toolbar(self, names: Collection[str]) -> None:
        """Only these panes get a toolbar button (a community station's one screen); the View
        menu and the shortcuts still reach every pane."""
        self._toolbar_panes = frozenset(names)
        for pane in self.panes.values():
            self.toolbar.removeAction(pane.toggle)
        self.toolbar.insertActions(self._sep_tail, self._toolbar_toggles())

    def pane(self, name: str) -> QWidget:
        """The widget of a pane."""
        return self.panes[name].spec.widget

    def default_layout(self) -> None:
        """Built from the specs: two areas on top side by side, two below; shared areas tab."""
        by_area: dict[Area, list[Pane]] = {a: [] for a in Area}
        # The front pane of a shared area comes first: the first tab is the one shown.
        for p in sorted(self.panes.values(), key=lambda p: (not p.spec.front, p.spec.order)):
            p.dock.setFloating(False)
            self.removeDockWidget(p.dock)
            by_area[p.spec.area].append(p)
        heads: dict[Area, QDockWidget] = {}
        for area, row in (
            (Area.TOP_LEFT, Qt.DockWidgetArea.TopDockWidgetArea),
            (Area.BOTTOM_LEFT, Qt.DockWidgetArea.BottomDockWidgetArea),
        ):
            if by_area[area]:
                self.addDockWidget(row, by_area[area][0].dock)
                heads[area] = by_area[area][0].dock
        for left, right, row in (
            (Area.TOP_LEFT, Area.TOP_RIGHT, Qt.DockWidgetArea.TopDockWidgetArea),
            (Area.BOTTOM_LEFT, Area.BOTTOM_RIGHT, Qt.DockWidgetArea.BottomDockWidgetArea),
        ):
            if not by_area[right]:
                continue
            first = by_area[right][0].dock
            if left in heads:
                self.splitDockWidget(heads[left], first, Qt.Orientation.Horizontal)
            else:
                self.addDockWidget(row, first)
            heads[right] = first
        for area, panes in by_area.items():
            if not panes:
                continue
            if area not in heads:
                self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panes[0].dock)
            for prev, nxt in itertools.pairwise(panes):
                self.tabifyDockWidget(prev.dock, nxt.dock)
        for p in self.panes.values():
            p.dock.show()
        for panes in by_area.values():
            front = next((p for p in panes if p.spec.front), None)
            if front is not None:
                front.dock.raise_()
        tl, tr = heads.get(Area.TOP_LEFT), heads.get(Area.TOP_RIGHT)
        bl, br = heads.get(Area.BOTTOM_LEFT), heads.get(Area.BOTTOM_RIGHT)
        if tl is not None and tr is not None:
            self.resizeDocks([tl, tr], [1100, 500], Qt.Orientation.Horizontal)
        if bl is not None and br is not None:
            self.resizeDocks([bl, br], [700, 900], Qt.Orientation.Horizontal)
        if tl is not None and bl is not None:
            self.resizeDocks([tl, bl], [560, 340], Qt.Orientation.Vertical)
        self._apply_pane_access()

    def layout_state(self) -> tuple[QByteArray, QByteArray]:
        """Geometry and dock state, to be saved for the user."""
        from console.layout import LAYOUT_VERSION

        return self.saveGeometry(), self.saveState(LAYOUT_VERSION)

    def restore_layout(self, geometry: QByteArray, state: QByteArray) -> bool:
        """Apply a saved layout; False if Qt rejected it."""
        from console.layout import LAYOUT_VERSION

        self.restoreGeometry(geometry)
        restored = self.restoreState(state, LAYOUT_VERSION)
        self._apply_pane_access()
        return restored

    def in_front(self, name: str) -> bool:
        """True if the pane is on screen: shown, and the current tab of its group."""
        return in_view(self.panes[name].dock)

    def bring_forward(self, name: str) -> None:
        """A pane's toolbar button and View menu entry (and its key, see `keyboard_to`): a pane
        that is closed or behind another tab comes forward with the keyboard in it; one in
        front is hidden."""
        pane = self.panes[name]
        if not self.pane_allowed(name):
            return
        floating = pane.dock.isFloating() and not pane.dock.isHidden()  # its own window
        if floating or self.in_front(name):
            pane.dock.close()
        else:
            self.show_pane(name)
            _focus_into(pane.dock.widget())
        pane.toggle.setChecked(not pane.dock.isHidden())

    def keyboard_to(self, name: str) -> None:
        """A pane's shortcut key: the keyboard goes into the pane, brought forward if need be;
        pressed again, with the keyboard already in it, the pane is hidden.

        A pane on screen whose shortcut is pressed while the keyboard is elsewhere (the queue
        after signing in) gets the keyboard: hiding it there took it away from an operator
        who only wanted to type in it.
        """
        pane = self.panes[name]
        focus = QApplication.focusWidget()
        has_keyboard = focus is not None and pane.dock.isAncestorOf(focus)
        shown = not pane.dock.isHidden() and (pane.dock.isFloating() or self.in_front(name))
        # A pane where nothing takes the keyboard (an empty state alone) is hidden by its key,
        # as by a second press, rather than the key doing nothing for ever.
        if shown and not has_keyboard and _takes_keyboard(pane.dock.widget()):
            if pane.dock.isFloating():
                pane.dock.activateWindow()
            _focus_into(pane.dock.widget())
            return
        self.bring_forward(name)

    def keyboard_to_first(self, names: Sequence[str]) -> str | None:
        """Give the keyboard to the first of these panes that is on screen; its name or None.

        After signing in nothing had the keyboard (or the wall's camera search had it): an
        operator's Enter opened nothing and the arrows moved nothing.
        """
        for name in names:
            pane = self.panes.get(name)
            if pane is not None and not pane.dock.isHidden() and self.in_front(name):
                _focus_into(pane.dock.widget())
                return name
        return None

    def show_pane(self, name: str) -> QDockWidget:
        """Make a pane visible and bring it to the front of its tab group."""
        dock = self.panes[name].dock
        if self.pane_allowed(name):
            dock.show()
            dock.raise_()
        return dock

    # --- actions and menus --------------------------------------------------------------
    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.menus: dict[str, QMenu] = {name: mb.addMenu("") for name in MENUS}
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        # Three runs of the toolbar: capabilities' actions, the panes, the lock at the end.
        self._sep_panes = self.toolbar.addSeparator()
        self._sep_tail = self.toolbar.addSeparator()
        self._sep_view = self.menus["view"].addSeparator()
        self.act_fullscreen = self.add_action(
            ActionSpec("fullscreen", lambda: self.tr("Full screen"), "view", "F11")
        )
        self.act_fullscreen.setCheckable(True)
        self.act_fullscreen.toggled.connect(self._on_fullscreen_toggled)
        self.act_reset_layout = self.add_action(
            ActionSpec("reset_layout", lambda: self.tr("Reset layout"), "view")
        )
        self.act_reset_layout.triggered.connect(self.sig_reset_layout_requested)
        self.lang_group = QActionGroup(self)
        self.act_lang: dict[str, QAction] = {}
        for lang, name in LANGUAGES.items():
            a = self.add_action(ActionSpec(f"lang_{lang}", _constant(name), "language"))
            a.setCheckable(True)
            a.setData(lang)
            self.lang_group.addAction(a)
            self.act_lang[lang] = a
        self.lang_group.triggered.connect(self._on_language_triggered)

    def add_action(self, spec: ActionSpec, slot: Callable[[], None] | None = None) -> QAction:
        """Add a capability's action to its menu (and the toolbar); returns the QAction."""
        if spec.name in self.actions_by_name:
            raise ValueError(f"action {spec.name!r} added twice")
        a = QAction(spec.text(), self)
        a.setObjectName(f"action-{spec.name}")
        if spec.shortcut is not None:
            a.setShortcut(QKeySequence(spec.shortcut))
        self.addAction(a)  # shortcuts work even when the menu bar is hidden (full screen)
        menu = self.menus[spec.menu]
        # Capabilities add their entries in the order they are built; an entry marked `last`
        # (Quit) keeps its place at the end, its separator with it.
        tail = self._menu_tails.get(spec.menu)
        first = a
        if spec.separator_before:
            first = QAction(self)
            first.setSeparator(True)
        for entry in dict.fromkeys((first, a)):
            if tail is None:
                menu.addAction(entry)
            else:
                menu.insertAction(tail, entry)
        if spec.last:
            self._menu_tails[spec.menu] = first
        if spec.toolbar and spec.menu == "console":
            self.toolbar.addAction(a)
        elif spec.toolbar:
            self.toolbar.insertAction(self._sep_panes, a)
        if slot is not None:
            # Not connect(slot): PySide6 passes `checked` to a slot's first optional parameter.
            a.triggered.connect(lambda _checked=False, slot=slot: slot())
        self.actions_by_name[spec.name] = (spec, a)
        a.setEnabled(self._allowed(spec))
        return a

    def action(self, name: str) -> QAction:
        """A contributed action by name."""
        return self.actions_by_name[name][1]

    def _allowed(self, spec: ActionSpec) -> bool:
        needed = spec.permission
        if needed is None:
            return True
        who = self.principal
        if who is None:
            return False
        return all(who.can(p) for p in (needed if isinstance(needed, tuple) else (needed,)))

    def pane_allowed(self, name: str) -> bool:
        """True if the signed-in role has a use for the pane (`PaneSpec.permission`); every
        pane is, while nobody is signed in (the window is hidden then)."""
        needed = self.panes[name].spec.permission
        return needed is None or self.principal is None or self.principal.can(needed)

    def _apply_pane_access(self) -> None:
        """The panes the signed-in role has no use for go, with their buttons, View-menu
        entries and keys: a counsellor was shown the video wall's empty tiles, a map of
        everyone tracked and a devices pane that reported "no permission" every second."""
        for name, pane in self.panes.items():
            allowed = self.pane_allowed(name)
            pane.toggle.setVisible(allowed)
            if pane.key is not None:
                pane.key.setEnabled(allowed and not self.locked)
            if not allowed and not pane.dock.isHidden():
                pane.dock.close()

    # --- status bar -----------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.st_user = QLabel(self)
        self.st_user.setObjectName("statusUser")
        self.st_db = QLabel(self)
        self.st_db.setObjectName("statusDb")
        # Messages have a label of their own: QStatusBar.showMessage would cover the user,
        # database and device indicators while it shows.
        self.st_message = ElidingLabel(self)
        self.st_message.setObjectName("statusMessage")
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.st_message.clear)
        self.st_clock = QLabel(self)
        self.st_clock.setObjectName("statusClock")
        self.st_clock.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for w in (self.st_user, self.st_db):
            w.setTextFormat(Qt.TextFormat.PlainText)
            sb.addWidget(w)
        sb.addWidget(self.st_message, 1)
        sb.addPermanentWidget(self.st_clock)

    def add_status_widget(self, widget: QWidget, *, permanent: bool = False) -> None:
        """A capability's indicator: left with the others, or permanent (right, by the clock)."""
        sb = self.statusBar()
        if permanent:
            sb.removeWidget(self.st_clock)
            sb.addPermanentWidget(widget)
            sb.addPermanentWidget(self.st_clock)
            self.st_clock.show()
        else:
            sb.removeWidget(self.st_message)
            sb.addWidget(widget)
            sb.addWidget(self.st_message, 1)
            self.st_message.show()

    def request_attention(self) -> None:
        """Make the window ask for the operator's eyes (taskbar flash, raised alert)."""
        self.attention_requests += 1
        QApplication.alert(self, 0)

    def show_message(self, text: str, timeout_ms: int = 6000) -> None:
        """A passing message in the status bar; the indicators stay visible."""
        self.st_message.setText(text)
        if timeout_ms > 0:
            self._message_timer.start(timeout_ms)
        else:
            self._message_timer.stop()

    def clear_message(self) -> None:
        """Remove the passing message."""
        self._message_timer.stop()
        self.st_message.clear()

    # --- state from the presenters --------------------------------------------------------
    def set_site(self, name: str) -> None:
        """The site's name, for the title."""
        self._site_name = name
        self._update_title()

    def set_principal(self, who: Principal | None) -> None:
        """Who is signed in; enables what their role allows (services check again)."""
        self.principal = who
        for spec, a in self.actions_by_name.values():
            a.setEnabled(self._allowed(spec))
        self._apply_pane_access()
        self._update_user_label()
        self._update_title()

    def set_database(self, label: str, ok: bool, detail: str = "") -> None:
        """The database line of the status bar; red with the reason when it is not reachable."""
        self._db_label, self._db_ok, self._db_detail = label, ok, detail
        self._update_db_label()

    def set_locked(self, locked: bool) -> None:
        """Cover the window with the lock screen and disable every shortcut, or undo that."""
        for a in self.actions():
            a.setEnabled(not locked)
        for pane in self.panes.values():
            if pane.key is not None:
                pane.key.setEnabled(not locked and self.pane_allowed(pane.spec.name))
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
            # The lock screen covered every dock (their visible regions were empty): the panes
            # that owe a read while covered read now, as when a dock comes forward.
            for p in self.panes.values():
                if in_view(p.dock):
                    p.dock.visibilityChanged.emit(True)

    def hide_floating_panes(self) -> list[QDockWidget]:
        """Hide the floating panes that are shown (lock, sign-out); return them."""
        hidden = [p.dock for p in self.panes.values() if p.dock.isFloating() and p.dock.isVisible()]
        for dock in hidden:
            dock.hide()
        return hidden

    @property
    def locked(self) -> bool:
        """True while the lock screen is up."""
        return self.lock_screen.isVisible()

    def set_language_checked(self, lang: str) -> None:
        """Tick the active language in the menu."""
        if lang in self.act_lang:
            self.act_lang[lang].setChecked(True)

    # --- texts ----------------------------------------------------------------------------
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

    def retranslate(self) -> None:
        """Set every text of the frame in the current language (panes do their own)."""
        for p in self.panes.values():
            p.dock.setWindowTitle(p.spec.title())
            p.toggle.setText(p.spec.title())
        for spec, a in self.actions_by_name.values():
            a.setText(spec.text())
        titles = {
            "console": self.tr("&Console"),
            "view": self.tr("&View"),
            "incidents": self.tr("&Incidents"),
            "tools": self.tr("&Tools"),
            "language": self.tr("&Language"),
            "help": self.tr("&Help"),
        }
        for name, menu in self.menus.items():
            menu.setTitle(titles[name])
        self._update_title()
        self._update_user_label()
        self._update_db_label()
        self._on_clock_timeout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.WindowStateChange:
            # F11's check mark follows the window, whoever changed it (a sign-in that
            # maximises a window left full screen by the previous user, the window manager).
            full = self.isFullScreen()
            if self.act_fullscreen.isChecked() != full:
                self.act_fullscreen.blockSignals(True)
                self.act_fullscreen.setChecked(full)
                self.act_fullscreen.blockSignals(False)
        super().changeEvent(event)

    # --- slots ----------------------------------------------------------------------------
    def _on_clock_timeout(self) -> None:
        now = local(utcnow(), self.zone)
        self.st_clock.setText(now.strftime("%Y-%m-%d %H:%M"))
        # Next on the coming minute (a little after, so the text has surely changed).
        self._clock.start((60 - now.second) * 1000 - now.microsecond // 1000 + 20)

    def _on_language_triggered(self, action: QAction) -> None:
        self.sig_language_requested.emit(str(action.data()))

    def _on_fullscreen_toggled(self, on: bool) -> None:
        if on:
            self._maximised_before_full = self.isMaximized()
            self.showFullScreen()
        elif self._maximised_before_full:
            self.showMaximized()  # F11 twice returns to the maximised window, not 1600x900
        else:
            self.showNormal()

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(key, what it does) for every action with a shortcut, for the F1 list."""
        return sorted(
            (
                a.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                a.text().replace("&", ""),
            )
            for a in self.actions()
            if not a.shortcut().isEmpty() and a.isVisible()  # not a pane the role is not offered
        )

    @property
    def quitting(self) -> bool:
        """True once the console has shut down and the window may close."""
        return self._quitting

    def allow_close(self) -> None:
        """Let the next close event through (the console has shut down)."""
        self._quitting = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._quitting:
            event.accept()
            return
        # The session confirms, saves the layout and shuts threads down in order.
        self.sig_quit_requested.emit()
        # If the quit went ahead at once (no question asked), the close already under way is
        # the one that ends the window: a close() from inside it would be ignored.
        event.setAccepted(self.quitting)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lock_screen.isVisible():
            self.lock_screen.setGeometry(self.rect())


def _takes_keyboard(widget: QWidget) -> bool:
    """True if the widget, or a control shown inside it, can have the keyboard."""
    for w in (widget, *widget.findChildren(QWidget)):
        tabs = bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if tabs and w.isVisibleTo(widget.window()) and w.isEnabled():
            return True
    return False


def _focus_into(widget: QWidget) -> None:
    """Give the keyboard to the pane's own choice (its focus proxy), else to the widget it
    had the keyboard in last, else to its first control."""
    proxy = widget.focusProxy()
    if proxy is not None and proxy.isVisible() and proxy.isEnabled():
        # The pane names where the keyboard belongs (the queue: its rows once there are any).
        proxy.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    last = widget.focusWidget()
    if last is not None and last.isVisible():
        last.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    nxt = widget.nextInFocusChain()
    while nxt is not None and nxt is not widget:
        takes_tab = bool(nxt.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if takes_tab and widget.isAncestorOf(nxt) and nxt.isVisible() and nxt.isEnabled():
            nxt.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        nxt = nxt.nextInFocusChain()
