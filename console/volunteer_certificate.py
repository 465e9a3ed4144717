"""A volunteer service certificate as a one-page A4 PDF with the fields MCA Order 67 names."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QPageSize, QPainter, QPdfWriter, QPen

from console.handover_pdf import DPI, page_layout, text_font, thread_event_loop
from core.certificates import CertificateDoc

MM = DPI / 25.4


def certificate_words() -> dict[str, str]:
    """The certificate's words in the current language (call where translators are installed)."""

    return {
        "title": QCoreApplication.translate(
            "VolunteerCertificate", "Certificate of Volunteer Service"
        ),
        "number": QCoreApplication.translate("VolunteerCertificate", "No."),
        "body": QCoreApplication.translate(
            "VolunteerCertificate",
            "This is to certify that {name} (identity number {id}) took part in volunteer "
            "service from {first} to {last}, for {hours} hours of service in all.",
        ),
        "content": QCoreApplication.translate("VolunteerCertificate", "Service content"),
        "hours": QCoreApplication.translate("VolunteerCertificate", "Service hours"),
        "issuer": QCoreApplication.translate("VolunteerCertificate", "Issued by"),
        "community": QCoreApplication.translate("VolunteerCertificate", "Community"),
        "date": QCoreApplication.translate("VolunteerCertificate", "Date of issue"),
        "seal": QCoreApplication.translate("VolunteerCertificate", "(seal)"),
        "basis": QCoreApplication.translate(
            "VolunteerCertificate",
            "Issued from the volunteer service records under the Measures for Volunteer "
            "Service Records and Certificates (MCA Order 67). The hours are service time "
            "confirmed and approved, travel excluded. Verify the number with the issuer.",
        ),
        "withdrawn": QCoreApplication.translate("VolunteerCertificate", "WITHDRAWN: {reason}"),
        "copy": QCoreApplication.translate(
            "VolunteerCertificate",
            "Display copy: the identity number is masked; not valid as a certificate.",
        ),
    }


def render_certificate(doc: CertificateDoc, words: Mapping[str, str]) -> bytes:
    """The certificate as PDF bytes (any thread once a QGuiApplication exists)."""
    loop = thread_event_loop()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(page_layout(QPageSize.PageSizeId.A4, (20, 20, 20, 20)))
    writer.setTitle(f"{words['title']} {doc.number}")
    writer.setCreator("Street Command Console")
    painter = QPainter(writer)
    try:
        page = QRectF(writer.pageLayout().paintRectPixels(DPI))
        width, height = page.width(), page.height()
        painter.setPen(QPen(QColor("#8a1c1c"), 0.8 * MM))
        painter.drawRect(QRectF(0, 0, width, height))
        painter.setPen(QPen(QColor("#8a1c1c"), 0.3 * MM))
        painter.drawRect(QRectF(2.5 * MM, 2.5 * MM, width - 5 * MM, height - 5 * MM))
        painter.setPen(QColor("black"))
        inner = 16 * MM
        left, text_width = inner, width - 2 * inner
        y = 14 * MM
        wrap = int(Qt.TextFlag.TextWordWrap)
        left_flags = int(Qt.AlignmentFlag.AlignLeft) | wrap
        centre = int(Qt.AlignmentFlag.AlignHCenter) | wrap
        right = int(Qt.AlignmentFlag.AlignRight) | wrap

        def block(text: str, point: float, flags: int = left_flags, gap_mm: float = 4.0) -> None:
            nonlocal y
            painter.setFont(text_font(point))
            box = painter.boundingRect(QRectF(left, y, text_width, height - y), flags, text)
            painter.drawText(box, flags, text)
            y = box.bottom() + gap_mm * MM

        block(f"{words['number']} {doc.number}", 10, right, 8)
        block(words["title"], 24, centre, 14)
        body = words["body"].format(
            name=doc.volunteer,
            id=doc.id_number,
            first=doc.first_day.isoformat(),
            last=doc.last_day.isoformat(),
            hours=doc.hours,
        )
        block(body, 13, left_flags, 8)
        block(f"{words['hours']}: {doc.hours}", 12, left_flags, 3)
        block(f"{words['content']}: {doc.content}", 12, left_flags, 3)
        block(f"{words['community']}: {doc.community}", 12, left_flags, 16)
        block(f"{words['issuer']}: {doc.issuer}", 12, right, 3)
        block(f"{words['date']}: {doc.issued_on.isoformat()}", 12, right, 3)
        block(words["seal"], 11, right, 12)
        if doc.withdrawn:
            painter.setPen(QColor("#b00020"))
            block(words["withdrawn"].format(reason=doc.withdrawn), 16, centre, 6)
            painter.setPen(QColor("black"))
        if doc.masked:
            painter.setPen(QColor("#555555"))
            block(words["copy"], 10, centre, 6)
            painter.setPen(QColor("black"))
        y = max(y, height - 34 * MM)
        painter.drawLine(int(left), int(y), int(left + text_width), int(y))
        y += 3 * MM
        block(words["basis"], 9, left_flags, 0)
    finally:
        painter.end()
    buffer.close()
    del loop
    return bytes(data.data())
