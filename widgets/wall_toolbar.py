"""The wall's toolbar: layout chooser, saved views, tour start/stop and full screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QWidget,
)

from core.video_wall import LAYOUTS, TOUR_MAX_PERIOD_S, TOUR_MIN_PERIOD_S, WallLayout
from widgets.flow_layout import FlowLayout

ICON_PX = 22
ICON_LINE = QColor("#c7ccd1")
ICON_FILL = QColor(74, 163, 255, 90)


def layout_icon(lay: WallLayout, px: int = ICON_PX) -> QIcon:
    """A small picture of the layout: its tiles as outlined rectangles, the big one filled."""
    pix = QPixmap(px, px)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setPen(QPen(ICON_LINE, 1))
    cell_w, cell_h = (px - 1) / lay.columns, (px - 1) / lay.rows
    for t in lay.tiles:
        r = QRect(
            round(t.col * cell_w),
            round(t.row * cell_h),
            round(t.cols * cell_w),
            round(t.rows * cell_h),
        )
        if t.cols > 1:
            p.fillRect(r, ICON_FILL)
        p.drawRect(r)
    p.end()
    return QIcon(pix)


def _pair(parent: QWidget, label: QLabel, field: QWidget) -> QWidget:
    """A label and its field, kept on one row when the toolbar wraps."""
    pair = QWidget(parent)
    lay = QHBoxLayout(pair)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(4)
    lay.addWidget(label)
    lay.addWidget(field)
    return pair


LAYOUT_LABELS = {"1": "1", "2x2": "2×2", "3x3": "3×3", "4x4": "4×4", "5x5": "5×5"}


class WallToolbar(QWidget):
    """Commands for the wall; the presenter acts on them. Signals fire on the GUI thread.

    `confirm` and `ask_name` are injectable so tests (and other front ends) need no modal
    dialog; by default they use QMessageBox and QInputDialog.
    """

    sig_layout_chosen = Signal(str)  # a layout key
    sig_view_chosen = Signal(str)  # a saved view's name
    sig_view_save_requested = Signal(str)  # save the wall under the current view's name
    sig_view_save_as_requested = Signal(str)  # save the wall under a new name
    sig_view_delete_requested = Signal(str)  # after the operator confirmed
    sig_tour_start_requested = Signal(float)  # period in seconds
    sig_tour_stop_requested = Signal()
    sig_fullscreen_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        confirm: Callable[[str, str], bool] | None = None,
        ask_name: Callable[[str, str, str], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wallToolbar")
        self._confirm = confirm or self._confirm_dialog
        self._ask_name = ask_name or self._name_dialog
        self._touring = False
        # The controls wrap onto more rows in a narrow pane (a dock beside the queue) rather
        # than scroll out of sight; a label stays with the field it names.
        flow = FlowLayout(self, spacing=4)
        flow.setContentsMargins(4, 2, 4, 2)
        self.layout_label = QLabel(self)
        flow.addWidget(self.layout_label)
        self.layout_buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for key, wall in LAYOUTS.items():
            b = QToolButton(self)
            b.setCheckable(True)
            b.setIcon(layout_icon(wall))
            b.setIconSize(QSize(ICON_PX, ICON_PX))
            b.setText(LAYOUT_LABELS.get(key, key))
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.setProperty("layoutKey", key)
            b.clicked.connect(self._on_layout_clicked)
            self._group.addButton(b)
            self.layout_buttons[key] = b
            flow.addWidget(b)
        self.views_label = QLabel(self)
        self.views = QComboBox(self)
        self.views.setMinimumContentsLength(12)
        self.views.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.views.activated.connect(self._on_view_activated)
        self.views_label.setBuddy(self.views)
        self.save_button = QPushButton(self)
        self.save_as_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.save_as_button.clicked.connect(self._on_save_as_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        flow.addWidget(_pair(self, self.views_label, self.views))
        for w in (self.save_button, self.save_as_button, self.delete_button):
            flow.addWidget(w)
        self.period_label = QLabel(self)
        self.period = QSpinBox(self)
        self.period.setRange(int(TOUR_MIN_PERIOD_S), int(TOUR_MAX_PERIOD_S))
        self.period.setValue(10)
        self.period_label.setBuddy(self.period)
        self.tour_button = QPushButton(self)
        self.tour_button.setCheckable(True)
        self.tour_button.clicked.connect(self._on_tour_clicked)
        self.fullscreen_button = QPushButton(self)
        self.fullscreen_button.clicked.connect(self.sig_fullscreen_requested.emit)
        flow.addWidget(_pair(self, self.period_label, self.period))
        flow.addWidget(self.tour_button)
        flow.addWidget(self.fullscreen_button)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._update_enabled()
        self._retranslate()

    # --- state in -----------------------------------------------------------------------------

    def set_layout(self, key: str) -> None:
        """Check the button of the wall's current layout (no signal)."""
        self.layout_buttons[key].setChecked(True)

    def current_layout(self) -> str | None:
        """The checked layout's key."""
        b = self._group.checkedButton()
        return None if b is None else str(b.property("layoutKey"))

    def set_views(self, names: Sequence[str], current: str | None = None) -> None:
        """The saved views offered (own and shared), and the one shown now (no signal)."""
        self.views.blockSignals(True)
        self.views.clear()
        self.views.addItems(list(names))
        self.views.setCurrentIndex(self.views.findText(current) if current else -1)
        self.views.blockSignals(False)
        self._update_enabled()

    def current_view(self) -> str | None:
        """The view chosen in the combo, if any."""
        return self.views.currentText() or None if self.views.currentIndex() >= 0 else None

    def set_touring(self, touring: bool) -> None:
        """Show whether a tour runs (the button toggles between start and stop; no signal)."""
        self._touring = touring
        self.tour_button.setChecked(touring)
        self.period.setEnabled(not touring)
        self._retranslate_tour()

    def tour_period(self) -> float:
        """The period the next tour runs at, seconds."""
        return float(self.period.value())

    # --- reactions ----------------------------------------------------------------------------

    @Slot()
    def _on_layout_clicked(self) -> None:
        key = self.current_layout()
        if key is not None:
            self.sig_layout_chosen.emit(key)

    @Slot(int)
    def _on_view_activated(self, index: int) -> None:
        self._update_enabled()
        if index >= 0:
            self.sig_view_chosen.emit(self.views.itemText(index))

    @Slot()
    def _on_save_clicked(self) -> None:
        name = self.current_view()
        if name is None:
            self._on_save_as_clicked()
        else:
            self.sig_view_save_requested.emit(name)

    @Slot()
    def _on_save_as_clicked(self) -> None:
        name = self._ask_name(
            self.tr("Save wall view"), self.tr("Name of the view:"), self.current_view() or ""
        )
        if name and name.strip():
            self.sig_view_save_as_requested.emit(name.strip())

    @Slot()
    def _on_delete_clicked(self) -> None:
        name = self.current_view()
        if name is None:
            return
        question = self.tr("Delete the saved view “{name}”? The cameras are not affected.")
        if self._confirm(self.tr("Delete wall view"), question.replace("{name}", name)):
            self.sig_view_delete_requested.emit(name)

    @Slot(bool)
    def _on_tour_clicked(self, checked: bool) -> None:
        # The presenter confirms with set_touring(); until then the button shows the request.
        if checked:
            self.sig_tour_start_requested.emit(self.tour_period())
        else:
            self.sig_tour_stop_requested.emit()

    def _update_enabled(self) -> None:
        has = self.views.currentIndex() >= 0
        self.delete_button.setEnabled(has)

    def _confirm_dialog(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _name_dialog(self, title: str, label: str, text: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, label, text=text)
        return name if ok else None

    # --- texts --------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        self.layout_label.setText(self.tr("Layout"))
        tips = {
            "1": self.tr("One camera"),
            "2x2": self.tr("2 × 2 cameras"),
            "3x3": self.tr("3 × 3 cameras"),
            "4x4": self.tr("4 × 4 cameras"),
            "5x5": self.tr("5 × 5 cameras"),
            "1+5": self.tr("One large and 5 small"),
            "1+7": self.tr("One large and 7 small"),
        }
        for key, b in self.layout_buttons.items():
            b.setToolTip(tips[key])
            b.setAccessibleName(tips[key])
        self.views_label.setText(self.tr("&View"))
        self.views.setPlaceholderText(self.tr("(unsaved)"))
        self.views.setToolTip(self.tr("Saved wall views: yours and the shared ones"))
        self.save_button.setText(self.tr("Save"))
        self.save_as_button.setText(self.tr("Save as…"))
        self.delete_button.setText(self.tr("Delete…"))
        self.period_label.setText(self.tr("&Every"))
        self.period.setSuffix(self.tr(" s"))
        self.period.setToolTip(self.tr("How long each page of a tour stays on the wall"))
        self.fullscreen_button.setText(self.tr("Full screen"))
        self.fullscreen_button.setToolTip(self.tr("Show the wall full screen (F11)"))
        self._retranslate_tour()

    def _retranslate_tour(self) -> None:
        self.tour_button.setText(self.tr("Stop tour") if self._touring else self.tr("Start tour"))
        self.tour_button.setToolTip(
            self.tr("Cycle the cameras through the wall (a group: right-click it in the tree)")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
