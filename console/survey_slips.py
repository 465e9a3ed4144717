"""Sheets of signed survey slips as PDF: a QR code per slip, its short code and its typable text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import segno
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPainter,
    QPdfWriter,
    QPen,
)

from console.handover_pdf import DPI, FONT_FAMILIES, page_layout, text_font
from core.survey_slip import Slip, make_slip, slip_key
from data.fieldcrypt import load_field_keys

COLUMNS, ROWS = 3, 4  # 12 slips per A4 page, each about 63 × 69 mm
MM = DPI / 25.4
QR_MM = 29.0  # about 0.9 mm per module at version 4: a cheap scanner reads it from 20 cm
MONO = ["DejaVu Sans Mono", "Liberation Mono", "Monospace"]


def load_slip_key(key_dir: Path | None) -> bytes:
    """The slip key of this site: derived from the key folder's HMAC index key (KeyFileError
    when the folder has no field keys; see core.survey_slip for why derived)."""
    return slip_key(load_field_keys(key_dir).index_key)


def new_slips(key: bytes, round_code: str, people: Sequence[int | None]) -> list[tuple[Slip, str]]:
    """One fresh slip per entry: a resident id (a named slip) or None (an anonymous one)."""
    return [make_slip(key, round_code, person) for person in people]


def slip_labels() -> dict[str, str]:
    """The slip's words in the current language."""
    return {
        "scan": QCoreApplication.translate(
            "SurveySlips", "Scan this code at the survey kiosk, or hand the slip to a worker."
        ),
        "once": QCoreApplication.translate("SurveySlips", "Valid once."),
        "round": QCoreApplication.translate("SurveySlips", "Round"),
    }


def typable(text: str) -> list[str]:
    """The slip text on three lines (head, UUID, MAC): short enough to print and to type."""
    head, uid, mac = text.rsplit(".", 2)
    return [head + ".", uid + ".", mac]


def _font(families: list[str], point: float) -> QFont:
    return text_font(point, families)


def _layout() -> QPageLayout:
    return page_layout(margins_mm=(10, 10, 10, 10))


def _draw_qr(painter: QPainter, text: str, box: QRectF) -> None:
    qr = segno.make(text, error="m", micro=False)
    matrix = qr.matrix
    n = len(matrix)
    module = box.width() / n
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        x = 0
        while x < n:  # one rectangle per run of dark modules: a smaller, faster PDF
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                painter.drawRect(
                    QRectF(
                        box.x() + start * module,
                        box.y() + y * module,
                        (x - start) * module,
                        module,
                    )
                )
            else:
                x += 1
    painter.restore()


def _draw_slip(
    painter: QPainter,
    cell: QRectF,
    slip: Slip,
    text: str,
    title: str,
    caption: str,
    labels: Mapping[str, str],
) -> None:
    pad = 3 * MM
    inner = cell.adjusted(pad, pad, -pad, -pad)
    painter.save()
    pen = QPen(QColor("#888888"))
    pen.setStyle(Qt.PenStyle.DashLine)  # cut here
    painter.setPen(pen)
    painter.drawRect(cell.adjusted(0, 0, -2, -2))  # inside the page's printable area
    painter.setPen(QColor("black"))
    painter.setFont(_font(FONT_FAMILIES, 9))
    wrap = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | int(
        Qt.TextFlag.TextWordWrap
    )
    head = f"{title}\n{labels['round']} {slip.round_code}" + (f" · {caption}" if caption else "")
    painter.drawText(QRectF(inner.x(), inner.y(), inner.width(), 8 * MM), wrap, head)
    # 3 mm of white all round the code: the quiet zone of about four modules a scanner needs
    qr = QRectF(inner.center().x() - QR_MM * MM / 2, inner.y() + 11 * MM, QR_MM * MM, QR_MM * MM)
    _draw_qr(painter, text, qr)
    y = qr.bottom() + 3 * MM
    painter.setFont(_font(MONO, 14))
    painter.drawText(QRectF(inner.x(), y, inner.width(), 6 * MM), wrap, slip.code)
    y += 6 * MM
    painter.setFont(_font(MONO, 6.5))
    painter.drawText(QRectF(inner.x(), y, inner.width(), 8.5 * MM), wrap, "\n".join(typable(text)))
    y += 8.5 * MM
    painter.setFont(_font(FONT_FAMILIES, 6))
    painter.drawText(
        QRectF(inner.x(), y, inner.width(), inner.bottom() - y),
        wrap,
        f"{labels['scan']} {labels['once']}",
    )
    painter.restore()


def _paint_page(
    painter: QPainter,
    slips: Sequence[tuple[Slip, str]],
    page: int,
    title: str,
    labels: Mapping[str, str],
    captions: Sequence[str] | None,
) -> None:
    area = _layout().paintRectPixels(DPI)
    w, h = area.width() / COLUMNS, area.height() / ROWS
    per_page = COLUMNS * ROWS
    for i in range(page * per_page, min(len(slips), (page + 1) * per_page)):
        slip, text = slips[i]
        k = i % per_page
        cell = QRectF((k % COLUMNS) * w, (k // COLUMNS) * h, w, h)
        caption = captions[i] if captions is not None and i < len(captions) else ""
        _draw_slip(painter, cell, slip, text, title, caption, labels)


def page_count(slips: Sequence[tuple[Slip, str]]) -> int:
    return max(1, -(-len(slips) // (COLUMNS * ROWS)))


def render_slips_pdf(
    slips: Sequence[tuple[Slip, str]],
    title: str,
    labels: Mapping[str, str] | None = None,
    captions: Sequence[str] | None = None,
) -> bytes:
    """The PDF bytes: A4 pages of 12 slips with dashed cut lines. `captions` (one per slip,
    e.g. a building and flat for the worker who hands them out) are printed under the title.

    Uses no QWidget: runs on any thread once a QGuiApplication exists."""
    labels = labels or slip_labels()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(_layout())
    writer.setTitle(title)
    writer.setCreator("Street Command Console")
    painter = QPainter(writer)
    try:
        for page in range(page_count(slips)):
            if page:
                writer.newPage()
            _paint_page(painter, slips, page, title, labels, captions)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def render_slips_image(
    slips: Sequence[tuple[Slip, str]],
    title: str,
    page: int = 0,
    labels: Mapping[str, str] | None = None,
    captions: Sequence[str] | None = None,
) -> QImage:
    """One page as a picture at the PDF's resolution, drawn by the same code (no PDF renderer
    is installed: this is how the codes are checked and a sheet is previewed)."""
    size = _layout().fullRectPixels(DPI)
    image = QImage(size.width(), size.height(), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(DPI / 0.0254))  # point sizes as on paper
    image.setDotsPerMeterY(round(DPI / 0.0254))
    image.fill(Qt.GlobalColor.white)
    margin = _layout().paintRectPixels(DPI).topLeft()
    painter = QPainter(image)
    try:
        painter.translate(margin.x(), margin.y())
        _paint_page(painter, slips, page, title, labels or slip_labels(), captions)
    finally:
        painter.end()
    return image
