"""Proof of delivery: a signature pad and/or a photo, and the resident's confirmation.

The dialog cannot be accepted without evidence (a signature or a photo) and the confirmation of
the resident (or of a named person at the door): an unverified hand-off is blocked here and
again by the service (core.orders.check_proof).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.orders import OrderError, ProofRequest, ProofSubmission, check_proof, money
from widgets.file_dialogs import PHOTOS, remember, start_folder
from widgets.order_labels import refusal_text

PAD_SIZE = QSize(360, 140)
MIN_POINTS = 8  # fewer points is a tap, not a signature
PHOTO_MAX_BYTES = 4 * 1024 * 1024


class SignaturePad(QWidget):
    """Strokes drawn with the mouse, pen or finger; `png()` is the drawing on white."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[QPointF]] = []
        self.setMinimumSize(PAD_SIZE)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def sizeHint(self) -> QSize:
        return PAD_SIZE

    def points(self) -> int:
        return sum(len(s) for s in self._strokes)

    def signed(self) -> bool:
        return self.points() >= MIN_POINTS

    def clear(self) -> None:
        self._strokes.clear()
        self.update()
        self.sig_changed.emit()

    def add_stroke(self, points: list[QPointF]) -> None:
        """One stroke at once (a pen tablet's report, or a test)."""
        if points:
            self._strokes.append(list(points))
            self.update()
            self.sig_changed.emit()

    def png(self) -> bytes:
        """The signature as PNG bytes; empty when nothing is signed."""
        if not self.signed():
            return b""
        image = QImage(self.size(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._draw(painter, QColor("black"))
        painter.end()
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; str works
        buf.close()
        return bytes(data.data())

    def _draw(self, painter: QPainter, colour: QColor) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
            else:
                painter.drawPolyline(QPolygonF(stroke))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#999999"), 1, Qt.PenStyle.DashLine))
        y = self.height() - 28
        painter.drawLine(16, y, self.width() - 16, y)
        self._draw(painter, QColor("black"))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._strokes.append([event.position()])
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self._strokes:
            self._strokes[-1].append(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_changed.emit()


class DeliveryProofDialog(QDialog):
    """Record the hand-off of one order; `proof()` once accepted."""

    def __init__(self, request: ProofRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self._photo = b""
        self._photo_name = ""
        self.setModal(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.pad = SignaturePad()
        self.clear_button = QPushButton()
        self.photo_button = QPushButton()
        self.photo_label = QLabel()
        self.confirmed = QCheckBox()
        self.confirmed_by = QLineEdit()
        self.confirmed_by.setMaxLength(64)
        self.blocked = QLabel()
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("color: #ff9f94;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._sign_label = QLabel()
        self._by_label = QLabel()
        pad_row = QHBoxLayout()
        pad_row.addWidget(self.pad, 1)
        side = QVBoxLayout()
        side.addWidget(self.clear_button)
        side.addStretch(1)
        pad_row.addLayout(side)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.photo_label, 1)
        form = QFormLayout()
        form.addRow(self._by_label, self.confirmed_by)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self._sign_label)
        box.addLayout(pad_row)
        box.addLayout(photo_row)
        box.addWidget(self.confirmed)
        box.addLayout(form)
        box.addWidget(self.blocked)
        box.addWidget(self.buttons)
        self.pad.sig_changed.connect(self._update)
        self.clear_button.clicked.connect(self.pad.clear)
        self.photo_button.clicked.connect(self._on_photo_clicked)
        self.confirmed.toggled.connect(self._update)
        self.confirmed_by.textChanged.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()

    # --- reading ----------------------------------------------------------------------------
    def proof(self) -> ProofSubmission:
        return ProofSubmission(
            order_id=self.request.order_id,
            signature_png=self.pad.png(),
            photo=self._photo,
            photo_name=self._photo_name,
            confirmed_by_resident=self.confirmed.isChecked(),
            confirmed_by=self.confirmed_by.text().strip(),
        )

    def problem(self) -> str | None:
        """Why the hand-off cannot be recorded yet (a core.orders refusal code), or None."""
        try:
            check_proof(
                ProofSubmission(
                    self.request.order_id,
                    signature_png=b"x" if self.pad.signed() else b"",
                    photo=self._photo,
                    confirmed_by_resident=self.confirmed.isChecked(),
                    confirmed_by=self.confirmed_by.text(),
                )
            )
        except OrderError as exc:
            return exc.reason
        return None

    # --- input ------------------------------------------------------------------------------
    def set_photo(self, data: bytes, name: str) -> None:
        """A photo of the goods at the door (from a file, or the station's camera)."""
        if len(data) > PHOTO_MAX_BYTES:
            self.photo_label.setText(self.tr("The photo is larger than 4 MB."))
            return
        self._photo, self._photo_name = data, name
        self.photo_label.setText(name)
        self._update()

    def _on_photo_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Photo of the hand-off"),
            str(start_folder(PHOTOS)),
            self.tr("Images (*.jpg *.jpeg *.png)"),
        )
        if path:
            remember(PHOTOS, path)
            with open(path, "rb") as fh:
                data = fh.read(PHOTO_MAX_BYTES + 1)
            self.set_photo(data, path.replace("\\", "/").rsplit("/", 1)[-1])

    def accept(self) -> None:
        if self.problem() is not None:  # blocked: the button is disabled, Enter too
            self._update()
            return
        super().accept()

    def _update(self, *_a: object) -> None:
        problem = self.problem()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(problem is None)
        self.blocked.setText(
            "" if problem is None else self.tr("Blocked: {why}").format(why=refusal_text(problem))
        )

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        r = self.request
        self.setWindowTitle(self.tr("Proof of delivery — order {id}").format(id=r.order_id))
        lines = "\n".join(
            f"  {ln.name} × {ln.quantity} {ln.unit}  {money(ln.price_cents * ln.quantity)}"
            for ln in r.lines
        )
        self.summary.setText(
            self.tr("For {resident}, brought by {deliverer}:").format(
                resident=r.resident, deliverer=r.deliverer or "—"
            )
            + ("\n" + lines if lines else "")
        )
        self._sign_label.setText(self.tr("Signature of the resident"))
        self.clear_button.setText(self.tr("Clear"))
        self.photo_button.setText(self.tr("Attach a photo…"))
        if not self._photo:
            self.photo_label.setText(self.tr("No photo"))
        self.confirmed.setText(self.tr("The resident confirms receiving the goods"))
        self._by_label.setText(self.tr("Confirmed by"))
        self.confirmed_by.setPlaceholderText(self.tr("The resident, or a named person at the door"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Record delivery"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
