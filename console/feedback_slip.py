"""A feedback ticket's reply slip: one A5 page for the resident, with how to rate the outcome."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRectF,
    Qt,
)
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

from console.handover_pdf import DPI, page_layout, text_font, thread_event_loop

MM = DPI / 25.4


@dataclass(frozen=True, slots=True)
class ReplySlip:
    """What the slip says; the contact already masked as the printing role sees it."""

    ticket_id: int
    street: str
    community: str
    category: str
    department: str
    filed_on: str  # YYYY-MM-DD, site time
    replied_on: str
    feedback: str  # the resident's words, as filed
    reply: str
    contact: str  # "" when none was given
    rate_by: str  # how to give the rating: the station, the centre's number


def slip_words() -> dict[str, str]:
    """The slip's words in the current language (call where translators are installed)."""

    return {
        "title": QCoreApplication.translate("FeedbackSlip", "Reply to your feedback"),
        "ticket": QCoreApplication.translate("FeedbackSlip", "Ticket No."),
        "community": QCoreApplication.translate("FeedbackSlip", "Community"),
        "category": QCoreApplication.translate("FeedbackSlip", "Category"),
        "department": QCoreApplication.translate("FeedbackSlip", "Handled by"),
        "filed": QCoreApplication.translate("FeedbackSlip", "Filed on"),
        "replied": QCoreApplication.translate("FeedbackSlip", "Replied on"),
        "feedback": QCoreApplication.translate("FeedbackSlip", "Your feedback"),
        "reply": QCoreApplication.translate("FeedbackSlip", "Our reply"),
        "contact": QCoreApplication.translate("FeedbackSlip", "Contact"),
        "rate": QCoreApplication.translate(
            "FeedbackSlip",
            "How satisfied are you with the outcome? Tell us a number from 1 (not at all) to 5 "
            "(very): {how}. Quote the ticket number.",
        ),
    }


def render_reply_slip(slip: ReplySlip, words: Mapping[str, str]) -> bytes:
    """The slip as PDF bytes (any thread once a QGuiApplication exists)."""
    loop = thread_event_loop()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(page_layout(QPageSize.PageSizeId.A5, (12, 12, 12, 12)))
    writer.setTitle(f"{words['title']} {slip.ticket_id}")
    writer.setCreator("Street Command Console")
    painter = QPainter(writer)
    try:
        page = QRectF(writer.pageLayout().paintRectPixels(DPI))
        width = page.width()
        y = 0.0
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)

        def block(text: str, point: float, gap_mm: float = 2.0) -> None:
            nonlocal y
            painter.setFont(text_font(point))
            box = painter.boundingRect(QRectF(0, y, width, page.height() - y), flags, text)
            painter.drawText(box, flags, text)
            y = box.bottom() + gap_mm * MM

        block(slip.street, 10, 1)
        block(words["title"], 16, 4)
        facts = [
            f"{words['ticket']} {slip.ticket_id}",
            f"{words['community']}: {slip.community}",
            f"{words['category']}: {slip.category}",
            f"{words['department']}: {slip.department}",
            f"{words['filed']}: {slip.filed_on}    {words['replied']}: {slip.replied_on}",
        ]
        if slip.contact:
            facts.append(f"{words['contact']}: {slip.contact}")
        block("\n".join(facts), 10, 4)
        block(words["feedback"], 11, 1)
        block(slip.feedback, 10, 4)
        block(words["reply"], 11, 1)
        block(slip.reply, 10, 6)
        painter.drawLine(0, int(y), int(width), int(y))
        y += 3 * MM
        block(words["rate"].format(how=slip.rate_by), 10)
    finally:
        painter.end()
    buffer.close()
    del loop
    return bytes(data.data())
