"""Calibrating a plan image by two clicked points: a [plan] table for the site file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.planimage import PlanCalibration, PlanCalibrationError, plan_snippet
from widgets.file_dialogs import PHOTOS, open_in

PREVIEW_W, PREVIEW_H = 520, 360
MARK_COLOURS = (QColor("#ff3b30"), QColor("#0a84ff"))


class PlanPreview(QLabel):
    """The chosen image scaled to fit; a click picks the image pixel under it."""

    sig_clicked = Signal(float, float)  # image pixel (px, py)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planPreview")
        self.setFixedSize(PREVIEW_W, PREVIEW_H)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: #15181c;")
        self.image = QImage()
        self._scale = 1.0
        self._offset = QPointF(0, 0)

    def set_image(self, image: QImage, marks: list[tuple[float, float] | None]) -> None:
        """Show the image with the two marks (image pixels) drawn over it."""
        self.image = image
        if image.isNull():
            self.clear()
            return
        self._scale = min(PREVIEW_W / image.width(), PREVIEW_H / image.height())
        w, h = image.width() * self._scale, image.height() * self._scale
        self._offset = QPointF((PREVIEW_W - w) / 2, (PREVIEW_H - h) / 2)
        pm = QPixmap.fromImage(
            image.scaled(
                round(w),
                round(h),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(p.font())
        font.setBold(True)
        p.setFont(font)
        for i, mark in enumerate(marks):
            if mark is None:
                continue
            c = QPointF(mark[0] * self._scale, mark[1] * self._scale)
            p.setPen(QPen(MARK_COLOURS[i], 2))
            p.drawEllipse(c, 7, 7)
            p.drawLine(c - QPointF(11, 0), c + QPointF(11, 0))
            p.drawLine(c - QPointF(0, 11), c + QPointF(0, 11))
            p.drawText(QRectF(c.x() + 8, c.y() - 22, 20, 16), str(i + 1))
        p.end()
        self.setPixmap(pm)

    def to_pixel(self, pos: QPointF) -> tuple[float, float] | None:
        """The image pixel under a position in this label, None off the image."""
        if self.image.isNull():
            return None
        px = (pos.x() - self._offset.x()) / self._scale
        py = (pos.y() - self._offset.y()) / self._scale
        if not (0 <= px <= self.image.width() and 0 <= py <= self.image.height()):
            return None
        return px, py

    def mousePressEvent(self, ev: QMouseEvent) -> None:
        hit = self.to_pixel(ev.position())
        if ev.button() == Qt.MouseButton.LeftButton and hit is not None:
            self.sig_clicked.emit(*hit)
            ev.accept()
            return
        super().mousePressEvent(ev)


class PlanImageDialog(QDialog):
    """Choose a plan image, click two points on it and type their site metres.

    The result is a [plan] table to paste into the site file (the plan of every workstation
    comes from there) and, until the console restarts, the image on this map.
    """

    sig_show_on_map = Signal(object, object)  # Path, PlanCalibration

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planImageDialog")
        self._path: Path | None = None
        self._next = 0  # which point the next click sets
        self._file_dialog: QFileDialog | None = None
        self.intro = QLabel()
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("planFile")
        self.file_edit.setReadOnly(True)
        self.browse = QPushButton()
        self.browse.setObjectName("planBrowse")
        self.browse.clicked.connect(self._on_browse_clicked)
        self.preview = PlanPreview()
        self.preview.sig_clicked.connect(self._on_preview_clicked)
        self.point_labels: list[QLabel] = []
        self.spins: list[tuple[QDoubleSpinBox, ...]] = []
        grid = QGridLayout()
        self.head_labels = [QLabel() for _ in range(4)]
        for col, label in enumerate(self.head_labels, start=1):
            grid.addWidget(label, 0, col)
        for row in range(2):
            label = QLabel()
            label.setStyleSheet(f"color: {MARK_COLOURS[row].name()}; font-weight: bold;")
            grid.addWidget(label, row + 1, 0)
            self.point_labels.append(label)
            boxes = []
            for col in range(4):
                box = QDoubleSpinBox()
                box.setObjectName(f"planPoint{row + 1}_{('px', 'py', 'x', 'y')[col]}")
                box.setDecimals(2 if col >= 2 else 1)
                if col >= 2:
                    box.setRange(-1e6, 1e6)  # site metres may be negative
                else:
                    box.setRange(0, 1e5)
                box.valueChanged.connect(self._update_result)
                grid.addWidget(box, row + 1, col + 1)
                boxes.append(box)
            self.spins.append(tuple(boxes))
        self.result_label = QLabel()
        self.result_label.setObjectName("planResult")
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setWordWrap(True)
        self.snippet = QPlainTextEdit()
        self.snippet.setObjectName("planSnippet")
        self.snippet.setReadOnly(True)
        self.snippet.setFixedHeight(72)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("planCopy")
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.show_button = QPushButton()
        self.show_button.setObjectName("planShow")
        self.show_button.clicked.connect(self._on_show_clicked)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.file_edit, 1)
        top.addWidget(self.browse)
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.show_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(top)
        lay.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addLayout(grid)
        lay.addWidget(self.result_label)
        lay.addWidget(self.snippet)
        lay.addLayout(actions)
        self._marks: list[tuple[float, float] | None] = [None, None]
        self._retranslate()
        self._update_result()

    # --- input ---------------------------------------------------------------------------------
    def load_image(self, path: Path) -> bool:
        """Show this image for calibration; False (and a message) if it cannot be read."""
        image = QImage(str(path))
        self._marks, self._next = [None, None], 0
        if image.isNull():
            self._path = None
            self.file_edit.setText(str(path))
            self.preview.set_image(QImage(), self._marks)
            self._update_result()
            self.result_label.setText(
                self.tr("{path} is not a readable PNG or JPEG image.").format(path=path)
            )
            return False
        self._path = path
        self.file_edit.setText(str(path))
        for boxes in self.spins:
            boxes[0].setMaximum(image.width())
            boxes[1].setMaximum(image.height())
        self.preview.set_image(image, self._marks)
        self._update_result()
        return True

    def set_point(self, i: int, px: float, py: float, x: float, y: float) -> None:
        """Set calibration point i (0 or 1): its image pixel and its site metres."""
        for box, value in zip(self.spins[i], (px, py, x, y), strict=True):
            box.setValue(value)
        self._marks[i] = (px, py)
        self.preview.set_image(self.preview.image, self._marks)

    @Slot(float, float)
    def _on_preview_clicked(self, px: float, py: float) -> None:
        i = self._next
        boxes = self.spins[i]
        boxes[0].setValue(px)
        boxes[1].setValue(py)
        self._marks[i] = (px, py)
        self._next = 1 - i
        self.preview.set_image(self.preview.image, self._marks)
        boxes[2].setFocus()  # the site metres of the point just clicked come next
        boxes[2].selectAll()

    @Slot()
    def _on_browse_clicked(self) -> None:
        # open(), not getOpenFileName(): no nested event loop.
        dlg = open_in(QFileDialog(self, self.tr("Plan image")), PHOTOS)
        if self.file_edit.text().strip():
            dlg.selectFile(self.file_edit.text())  # the image shown, in its own folder
        dlg.setFileMode(QFileDialog.FileMode.ExistingFile)
        dlg.setNameFilter(self.tr("Images (*.png *.jpg *.jpeg)"))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.fileSelected.connect(lambda name: self.load_image(Path(name)))
        self._file_dialog = dlg
        dlg.open()

    # --- result --------------------------------------------------------------------------------
    def calibration(self) -> PlanCalibration | None:
        """The calibration the points give, None while they cannot place the image."""
        values = [tuple(box.value() for box in boxes) for boxes in self.spins]
        try:
            return PlanCalibration(
                (values[0][0], values[0][1], values[0][2], values[0][3]),
                (values[1][0], values[1][1], values[1][2], values[1][3]),
            )
        except PlanCalibrationError:
            return None

    @Slot()
    def _update_result(self) -> None:
        cal = self.calibration() if self._path is not None else None
        for button in (self.copy_button, self.show_button):
            button.setEnabled(cal is not None)
        if self._path is None:
            self.result_label.setText(self.tr("Choose an image first."))
            self.snippet.clear()
            return
        if cal is None:
            self.result_label.setText(
                self.tr(
                    "Click two points far apart on the image (at least 10 px) and type "
                    "their different site positions in metres."
                )
            )
            self.snippet.clear()
            return
        self.result_label.setText(
            self.tr("{mpp:.3f} m per pixel, turned {deg:.1f}° counter-clockwise").format(
                mpp=cal.metres_per_pixel, deg=cal.rotation_deg
            )
        )
        self.snippet.setPlainText(plan_snippet(self._path.name, cal))

    @Slot()
    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.snippet.toPlainText())

    @Slot()
    def _on_show_clicked(self) -> None:
        cal = self.calibration()
        if self._path is not None and cal is not None:
            self.sig_show_on_map.emit(self._path, cal)

    # --- language ------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Plan image"))
        self.intro.setText(
            self.tr(
                "Click two points on the image that you can find on the site plan (far apart, "
                "e.g. two street corners) and type their site positions in metres. Paste the "
                "[plan] table below into the site file, next to which the image must lie."
            )
        )
        self.browse.setText(self.tr("Choose image…"))
        heads = (
            self.tr("Pixel x"),
            self.tr("Pixel y"),
            self.tr("Site x (m)"),
            self.tr("Site y (m)"),
        )
        for label, text in zip(self.head_labels, heads, strict=True):
            label.setText(text)
        for i, label in enumerate(self.point_labels):
            label.setText(self.tr("Point {n}").format(n=i + 1))
        self.copy_button.setText(self.tr("Copy [plan] table"))
        self.show_button.setText(self.tr("Show on this map"))
        self.show_button.setToolTip(
            self.tr("Until the console restarts; the site file keeps it for good")
        )
        self._update_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
