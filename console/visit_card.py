"""A resident's visit card as PDF: the door's signed check-in code as a QR, valid in the window."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import segno
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from console.handover_pdf import DPI, page_layout, text_font

MM = DPI / 25.4
CARD_MM = (95.0, 130.0)  # a card cut from A6, to leave at the door or hand to the resident
QR_MM = 50.0  # about 1.3 mm per module at version 5: read by a phone from arm's length
MONO = ["DejaVu Sans Mono", "Liberation Mono", "Monospace"]


@dataclass(frozen=True, slots=True)
class VisitCard:
    """What a card says: the code, the resident (masked as the viewer sees them), the window."""

    code: str
    resident: str
    community: str
    window: str  # "2026-11-30 09:00–11:00", in the site's time


def card_words() -> dict[str, str]:
    """The card's words in the current language."""
    return {
        "title": QCoreApplication.translate("VisitCard", "Volunteer visit card"),
        "scan": QCoreApplication.translate(
            "VisitCard",
            "Volunteer: scan this code on arrival and when leaving, and give the text with "
            "your volunteer number to the station.",
        ),
        "valid": QCoreApplication.translate("VisitCard", "Valid only"),
    }


def _layout() -> QPageLayout:
    return page_layout(QPageSize.PageSizeId.A6, margins_mm=(5, 5, 5, 5))


def _draw(painter: QPainter, card: VisitCard, words: Mapping[str, str]) -> None:
    width = CARD_MM[0] * MM
    wrap = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop) | int(
        Qt.TextFlag.TextWordWrap
    )
    painter.setPen(QColor("black"))
    painter.setFont(text_font(12))
    painter.drawText(QRectF(0, 0, width, 9 * MM), wrap, words["title"])
    painter.setFont(text_font(9))
    head = f"{card.community} · {card.resident}\n{words['valid']} {card.window}"
    painter.drawText(QRectF(0, 9 * MM, width, 11 * MM), wrap, head)
    matrix = segno.make(card.code, error="m", micro=False).matrix
    n = len(matrix)
    module = QR_MM * MM / n
    x0, y0 = (width - QR_MM * MM) / 2, 23 * MM
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        x = 0
        while x < n:  # one rectangle per run of dark modules: a smaller PDF
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                painter.drawRect(
                    QRectF(x0 + start * module, y0 + y * module, (x - start) * module, module)
                )
            else:
                x += 1
    painter.restore()
    below = y0 + QR_MM * MM + 4 * MM
    painter.setFont(text_font(5.5, MONO))
    # The code's text as well: a volunteer whose phone cannot scan types it in.
    painter.drawText(QRectF(0, below, width, 8 * MM), wrap, card.code)
    painter.setFont(text_font(8))
    painter.drawText(QRectF(0, below + 9 * MM, width, 20 * MM), wrap, words["scan"])


def render_visit_card_pdf(card: VisitCard, words: Mapping[str, str] | None = None) -> bytes:
    """The PDF bytes of one A6 card. Uses no QWidget: runs on any thread once a
    QGuiApplication exists."""
    words = words or card_words()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(_layout())
    writer.setTitle(words["title"])
    writer.setCreator("Street Command Console")
    painter = QPainter(writer)
    try:
        _draw(painter, card, words)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def render_visit_card_image(card: VisitCard, words: Mapping[str, str] | None = None) -> QImage:
    """The card as a picture at the PDF's resolution, drawn by the same code (for a preview
    and for checking the code)."""
    layout = _layout()
    size = layout.fullRectPixels(DPI)
    image = QImage(size.width(), size.height(), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(DPI / 0.0254))
    image.setDotsPerMeterY(round(DPI / 0.0254))
    image.fill(Qt.GlobalColor.white)
    margin = layout.paintRectPixels(DPI).topLeft()
    painter = QPainter(image)
    try:
        painter.translate(margin.x(), margin.y())
        _draw(painter, card, words or card_words())
    finally:
        painter.end()
    return image
