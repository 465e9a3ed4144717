"""The camera tree beside the wall: cameras by community, live state, search, drag to a tile."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeyEvent,
    QPainter,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.video import StreamState
from core.video_wall import CameraEntry
from widgets.device_detail import detail_text
from widgets.video_wall import MIME_CAMERA, STATE_COLOURS

CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # the camera code (camera rows only)
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2  # the community code (group rows only)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # casefolded text the search matches
STATE_ROLE = Qt.ItemDataRole.UserRole + 4  # the StreamState value
ICON_PX = 10


def _dot(colour: QColor) -> QIcon:
    pix = QPixmap(ICON_PX, ICON_PX)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(colour)
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(1, 1, ICON_PX - 2, ICON_PX - 2)
    p.end()
    return QIcon(pix)


class _CameraModel(QStandardItemModel):
    """Communities and their cameras; camera rows drag out as MIME_CAMERA."""

    def mimeTypes(self) -> list[str]:
        return [MIME_CAMERA]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        codes = [str(i.data(CODE_ROLE)) for i in indexes if i.data(CODE_ROLE)]
        if codes:
            data.setData(MIME_CAMERA, codes[0].encode("utf-8"))
            data.setText(codes[0])
        return data


class _Filter(QSortFilterProxyModel):
    """Cameras whose code or name contains the text; a community whose name does keeps all."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.needle = ""
        self.setRecursiveFilteringEnabled(True)  # a matching camera keeps its community shown
        self.setAutoAcceptChildRows(True)

    def set_needle(self, text: str) -> None:
        # begin/endFilterChange: invalidateFilter() is deprecated since Qt 6.10.
        self.beginFilterChange()
        self.needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.needle:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return self.needle in str(index.data(SEARCH_ROLE) or "")


class CameraTree(QWidget):
    """Search box over a tree of communities and cameras; every signal fires on the GUI thread."""

    sig_camera_activated = Signal(str)  # camera code: double-click or Enter (show it on the wall)
    sig_tour_requested = Signal(list)  # camera codes of one community: "Tour this group"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraTree")
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.model = _CameraModel(self)
        self.proxy = _Filter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_tree_menu)
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.installEventFilter(self)
        self.search.textChanged.connect(self._on_search_changed)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search)
        lay.addWidget(self.tree, 1)
        self._cameras: dict[str, QStandardItem] = {}
        self._groups: dict[str, QStandardItem] = {}
        self._entries: dict[str, CameraEntry] = {}
        # code -> (reachable, detail) as the recorder last reported it (Device status): a
        # camera not on the wall still shows whether it can be reached.
        self._links: dict[str, tuple[bool, str]] = {}
        self._icons = {state: _dot(colour) for state, colour in STATE_COLOURS.items()}
        self._retranslate()

    # --- plain data in ------------------------------------------------------------------------

    def set_cameras(self, rows: Sequence[CameraEntry | tuple[str, str, str, str, bool]]) -> None:
        """All cameras: (code, name, community code, community name, has_ptz), in any order.

        Communities are sorted by name, their cameras by code; known states are kept.
        """
        states = {code: item.data(STATE_ROLE) for code, item in self._cameras.items()}
        self.model.clear()
        self._cameras.clear()
        self._groups.clear()
        self._entries = {}
        entries = [CameraEntry(*r) for r in rows]
        for e in sorted(entries, key=lambda e: (e.community_name, e.community, e.code)):
            group = self._groups.get(e.community)
            if group is None:
                group = QStandardItem(e.community_name or e.community)
                group.setData(e.community, GROUP_ROLE)
                group.setData(f"{e.community} {e.community_name}".casefold(), SEARCH_ROLE)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.model.appendRow(group)
                self._groups[e.community] = group
            item = QStandardItem()
            item.setData(e.code, CODE_ROLE)
            item.setData(f"{e.code} {e.name}".casefold(), SEARCH_ROLE)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
            group.appendRow(item)
            self._cameras[e.code] = item
            self._entries[e.code] = e
            self._show_state(item, StreamState(states.get(e.code) or StreamState.IDLE))
        self.tree.expandAll()

    def set_state(self, code: str, state: StreamState) -> None:
        """A camera's stream state (its dot's colour and tooltip); unknown codes are ignored."""
        item = self._cameras.get(code)
        if item is not None and item.data(STATE_ROLE) != state.value:
            self._show_state(item, state)

    def set_links(self, links: dict[str, tuple[bool, str]]) -> None:
        """Whether each camera can be reached (code -> (online, detail)), from Device status.
        A camera not on the wall shows it: red when its recorder cannot reach it. Codes left
        out are unknown (no recorder reported them) and shown as before."""
        changed = {
            c for c in self._links.keys() | links.keys() if self._links.get(c) != links.get(c)
        }
        self._links = dict(links)
        for code in changed:
            item = self._cameras.get(code)
            if item is not None:
                self._show_state(item, StreamState(item.data(STATE_ROLE)))

    def link(self, code: str) -> tuple[bool, str] | None:
        """The link last given for a camera, if any."""
        return self._links.get(code)

    def state(self, code: str) -> StreamState | None:
        """The state last shown for a camera."""
        item = self._cameras.get(code)
        return None if item is None else StreamState(item.data(STATE_ROLE))

    def visible_cameras(self) -> list[str]:
        """Codes of the cameras the search leaves visible, in tree order."""
        out: list[str] = []
        for g in range(self.proxy.rowCount()):
            gi = self.proxy.index(g, 0)
            out += [
                str(self.proxy.index(r, 0, gi).data(CODE_ROLE))
                for r in range(self.proxy.rowCount(gi))
            ]
        return out

    def visible_groups(self) -> list[str]:
        """Community codes the search leaves visible."""
        return [str(self.proxy.index(g, 0).data(GROUP_ROLE)) for g in range(self.proxy.rowCount())]

    def group_cameras(self, community: str) -> list[str]:
        """Every camera of a community in tree order (the search does not matter)."""
        group = self._groups.get(community)
        if group is None:
            return []
        return [str(group.child(r).data(CODE_ROLE)) for r in range(group.rowCount())]

    def select_camera(self, code: str) -> None:
        """Select (and scroll to) a camera, e.g. the one the selected tile shows."""
        item = self._cameras.get(code)
        if item is None:
            return
        index = self.proxy.mapFromSource(item.index())
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # --- reactions --------------------------------------------------------------------------------

    def _show_state(self, item: QStandardItem, state: StreamState) -> None:
        code = str(item.data(CODE_ROLE))
        e = self._entries.get(code)
        name = e.name if e is not None else code
        item.setData(state.value, STATE_ROLE)
        link = self._links.get(code)
        shown = state
        words = self._state_names[state]
        if state is StreamState.IDLE and link is not None:
            online, detail = link
            if not online:
                shown = StreamState.OFFLINE
            words = self.tr("{state} · {link}").format(
                state=words,
                link=detail_text(detail)
                or (self.tr("reachable") if online else self.tr("unreachable")),
            )
        item.setIcon(self._icons[shown])
        ptz = self.tr(" · PTZ") if e is not None and e.has_ptz else ""
        item.setText(f"{code}  {name}{ptz}")
        item.setToolTip(f"{code} {name}\n{words}")

    @Slot(str)
    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_needle(text)
        self.tree.expandAll()

    @Slot(QModelIndex)
    def _on_tree_activated(self, index: QModelIndex) -> None:
        code = index.data(CODE_ROLE)
        if code:
            self.sig_camera_activated.emit(str(code))

    def menu_for(self, index: QModelIndex) -> QMenu | None:
        """The context menu of a row (a group: tour it; a camera: show it); caller deletes it."""
        if not index.isValid():
            return None
        menu = QMenu(self)
        community = index.data(GROUP_ROLE)
        if community:
            codes = self.group_cameras(str(community))
            action = QAction(self.tr("Tour this group"), menu)
            action.setEnabled(bool(codes))
            action.triggered.connect(lambda: self.sig_tour_requested.emit(codes))
        else:
            code = str(index.data(CODE_ROLE))
            action = QAction(self.tr("Show on the wall"), menu)
            action.triggered.connect(lambda: self.sig_camera_activated.emit(code))
        menu.addAction(action)
        return menu

    @Slot(QPoint)
    def _on_tree_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if not index.isValid():  # the menu key: the current row
            index = self.tree.currentIndex()
            pos = self.tree.visualRect(index).center()
        menu = self.menu_for(index)
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down:
                # From the search box straight into the results.
                self.tree.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.tree.currentIndex().isValid() and self.proxy.rowCount():
                    self.tree.setCurrentIndex(self.proxy.index(0, 0))
                return True
            if watched is self.search and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                visible = self.visible_cameras()
                if len(visible) == 1:  # one match: Enter shows it
                    self.sig_camera_activated.emit(visible[0])
                return True
        return super().eventFilter(watched, event)

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Find a camera by name or code…"))
        self.tree.setToolTip(
            self.tr("Drag a camera onto a tile, or press Enter to show it on the wall")
        )
        self._state_names = {
            StreamState.IDLE: self.tr("Not shown"),
            StreamState.CONNECTING: self.tr("Connecting…"),
            StreamState.LIVE: self.tr("Live"),
            StreamState.RECONNECTING: self.tr("Reconnecting"),
            StreamState.OFFLINE: self.tr("Offline"),
            StreamState.NO_SIGNAL: self.tr("No signal"),
            StreamState.WRONG_CREDENTIALS: self.tr("Wrong credentials"),
            StreamState.UNSUPPORTED: self.tr("Unsupported stream"),
            StreamState.ERROR: self.tr("Error"),
        }
        for item in self._cameras.values():
            self._show_state(item, StreamState(item.data(STATE_ROLE)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
