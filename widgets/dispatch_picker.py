"""The dispatch picker: departments, their units and volunteers with phones; type, tick, Enter."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.assignments import NOTE_MAX, DispatchTarget, Pick

PICK_ROLE = Qt.ItemDataRole.UserRole  # the item's Pick
PHONE_COLUMN = 2


def kind_label(kind: str) -> str:
    """A department kind's name in the current language; unknown kinds as stored."""
    from PySide6.QtCore import QCoreApplication

    names = {
        "police": QCoreApplication.translate("DispatchPicker", "Police"),
        "fire": QCoreApplication.translate("DispatchPicker", "Fire"),
        "city_management": QCoreApplication.translate("DispatchPicker", "City management"),
        "committee": QCoreApplication.translate("DispatchPicker", "Neighbourhood committee"),
        "volunteers": QCoreApplication.translate("DispatchPicker", "Volunteers"),
        "street_office": QCoreApplication.translate("DispatchPicker", "Street office"),
        "civil_affairs": QCoreApplication.translate("DispatchPicker", "Civil affairs"),
    }
    return names.get(kind, kind)


class DispatchPickerDialog(QDialog):
    """Keyboard first: the filter has the focus; ↑/↓ move, Space ticks, Enter dispatches.

    Departments the incident's type is routed to come first and are marked; each
    department's units and volunteers are under it. A click on a phone number, or Ctrl+C,
    copies it. Enter dispatches the ticked lines, or the current one when none is ticked.
    """

    sig_dispatch_requested = Signal(int, list, str)  # incident id, [Pick], note; GUI thread

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dispatchPicker")
        self._incident: int | None = None
        self._targets: tuple[DispatchTarget, ...] = ()
        self._routed: tuple[str, ...] = ()
        self._busy = False
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("dispatchFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.installEventFilter(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setUniformRowHeights(True)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.note = QLineEdit(self)
        self.note.setObjectName("dispatchNote")
        self.note.setMaxLength(NOTE_MAX)
        self.note.installEventFilter(self)
        self.status = QLabel(self)
        self.status.setObjectName("loginError")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.dispatch_button = QPushButton(self)
        self.dispatch_button.setObjectName("dispatchButton")
        self.dispatch_button.setAutoDefault(False)
        self.dispatch_button.clicked.connect(self.dispatch)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.tree.installEventFilter(self)  # Ctrl+C copies the phone number
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.dispatch_button)
        buttons.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.filter)
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.note)
        lay.addLayout(buttons)
        self.resize(720, 520)
        self.retranslate()

    # --- content --------------------------------------------------------------------------
    @property
    def incident_id(self) -> int | None:
        """The incident being dispatched."""
        return self._incident

    def set_choices(
        self,
        incident_id: int,
        title: str,
        targets: Sequence[DispatchTarget],
        routed: Sequence[str],
    ) -> None:
        """Offer `targets` (routed ones already first) for one incident; the filter is reset."""
        self._incident = incident_id
        self._title = title
        self._targets = tuple(targets)
        self._routed = tuple(routed)
        self._busy = False
        self.status.clear()
        self.note.clear()
        self.filter.clear()
        self._fill()
        self.filter.setFocus()

    def _fill(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        for t in self._targets:
            kind = kind_label(t.kind)
            if t.code in self._routed:
                kind = self.tr("{kind} · routed").format(kind=kind)
            dept = QTreeWidgetItem(self.tree, [t.name, kind, t.phone])
            dept.setData(0, PICK_ROLE, Pick(t.department_id))
            dept.setCheckState(0, Qt.CheckState.Unchecked)
            dept.setToolTip(PHONE_COLUMN, self.tr("Click or Ctrl+C copies the number"))
            for u in t.units:
                item = QTreeWidgetItem(dept, [u.name, "", u.phone])
                item.setData(0, PICK_ROLE, Pick(t.department_id, u.id))
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setToolTip(PHONE_COLUMN, self.tr("Click or Ctrl+C copies the number"))
            dept.setExpanded(True)
        self.tree.blockSignals(False)
        self.tree.setColumnWidth(0, 330)
        self.tree.setColumnWidth(1, 190)
        self._select_first_visible()
        self._update_heading()

    def picks(self) -> list[Pick]:
        """The ticked lines, in list order."""
        out: list[Pick] = []
        for item in self._items():
            if item.checkState(0) is Qt.CheckState.Checked:
                out.append(item.data(0, PICK_ROLE))
        return out

    def _tops(self) -> list[QTreeWidgetItem]:
        tops = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [t for t in tops if t is not None]

    @staticmethod
    def _children(top: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        kids = (top.child(j) for j in range(top.childCount()))
        return [k for k in kids if k is not None]

    def _items(self) -> list[QTreeWidgetItem]:
        items = []
        for top in self._tops():
            items.append(top)
            items.extend(self._children(top))
        return items

    # --- filter and keys ------------------------------------------------------------------
    @Slot(str)
    def _apply_filter(self, text: str) -> None:
        words = text.casefold().split()

        def hit(item: QTreeWidgetItem) -> bool:
            hay = " ".join(item.text(c) for c in range(3)).casefold()
            return all(w in hay for w in words)

        first: QTreeWidgetItem | None = None  # the first line that matches itself
        for top in self._tops():
            top_hit = hit(top)
            if top_hit and first is None:
                first = top
            any_child = False
            for child in self._children(top):
                own = hit(child)
                if own and first is None:
                    first = child
                child.setHidden(not (top_hit or own))
                any_child = any_child or top_hit or own
            # A department stays shown above a matching unit of its own.
            top.setHidden(not (top_hit or any_child))
        if first is not None and words:
            self.tree.setCurrentItem(first)
        else:
            self._select_first_visible()

    def _visible(self) -> list[QTreeWidgetItem]:
        return [i for i in self._items() if not i.isHidden() and not self._parent_hidden(i)]

    @staticmethod
    def _parent_hidden(item: QTreeWidgetItem) -> bool:
        p = item.parent()
        return p is not None and p.isHidden()

    def _select_first_visible(self) -> None:
        shown = self._visible()
        if shown:
            self.tree.setCurrentItem(shown[0])
        else:
            self.tree.setCurrentIndex(self.tree.rootIndex())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.tree and event.matches(QKeySequence.StandardKey.Copy):
                self.copy_phone()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and watched is self.filter:
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Space and watched is self.filter and not self.filter.text():
                self._toggle_current()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.dispatch()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dispatch()
            return
        if event.key() == Qt.Key.Key_Space and self.tree.hasFocus():
            self._toggle_current()
            return
        super().keyPressEvent(event)

    def _move(self, step: int) -> None:
        shown = self._visible()
        if not shown:
            return
        cur = self.tree.currentItem()
        i = shown.index(cur) if cur in shown else -1
        self.tree.setCurrentItem(shown[max(0, min(len(shown) - 1, i + step))])

    def _toggle_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            checked = item.checkState(0) is Qt.CheckState.Checked
            item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    # --- phone ----------------------------------------------------------------------------
    @Slot()
    def copy_phone(self) -> None:
        """The current line's phone number onto the clipboard."""
        item = self.tree.currentItem()
        if item is not None and item.text(PHONE_COLUMN):
            phone = item.text(PHONE_COLUMN)
            QGuiApplication.clipboard().setText(phone)
            self.status.setText(self.tr("Copied {phone}").format(phone=phone))

    @Slot(QTreeWidgetItem, int)
    def _on_item_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        if column == PHONE_COLUMN:
            self.tree.setCurrentItem(item)
            self.copy_phone()

    @Slot(QTreeWidgetItem, int)
    def _on_item_changed(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._update_heading()

    # --- dispatch -------------------------------------------------------------------------
    @Slot()
    def dispatch(self) -> None:
        """Ask for the ticked lines (or the current one) to be notified."""
        if self._incident is None or self._busy:
            return
        picks = self.picks()
        if not picks:
            item = self.tree.currentItem()
            if item is None or item.isHidden():
                self.status.setText(self.tr("Choose a department or unit first."))
                return
            picks = [item.data(0, PICK_ROLE)]
        self._busy = True
        self.dispatch_button.setEnabled(False)
        self.status.setText(self.tr("Dispatching…"))
        self.sig_dispatch_requested.emit(self._incident, picks, self.note.text().strip())

    def show_error(self, text: str) -> None:
        """Why the dispatch was refused; the picker stays open with the choice."""
        self._busy = False
        self.dispatch_button.setEnabled(True)
        self.status.setText(text)

    # --- language -------------------------------------------------------------------------
    def _update_heading(self) -> None:
        if self._incident is None:
            return
        self.setWindowTitle(self.tr("Dispatch #{id}").format(id=self._incident))
        self.heading.setText(
            self.tr("#{id} {title} — {n} chosen").format(
                id=self._incident, title=self._title, n=len(self.picks())
            )
        )

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.tree.setHeaderLabels([self.tr("Department / unit"), self.tr("Kind"), self.tr("Phone")])
        self.filter.setPlaceholderText(
            self.tr("Type to filter · ↑↓ move · Space ticks · Enter dispatches")
        )
        self.note.setPlaceholderText(self.tr("Note to the departments (optional)"))
        self.dispatch_button.setText(self.tr("Dispatch (Enter)"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self._targets:
            self._fill()
        self.setWindowTitle(self.tr("Dispatch"))
        self._update_heading()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
