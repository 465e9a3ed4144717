"""Visit cards: the door code drawn as a QR code a scanner reads module for module, its text
and the window printed, a one-page PDF."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import segno
from PySide6.QtWidgets import QApplication

from console.handover_pdf import DPI
from console.visit_card import QR_MM, VisitCard, render_visit_card_image, render_visit_card_pdf
from core.checkin_qr import checkin_key, make_code

T0 = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
CODE = make_code(checkin_key(b"v" * 32), "door:4711", T0, 7200)
CARD = VisitCard(CODE, "王*", "C01", "2026-11-30 09:00–11:00")
WORDS = {"title": "Volunteer visit card", "scan": "Scan on arrival.", "valid": "Valid only"}


def test_the_card_carries_the_code_module_for_module(qapp: QApplication) -> None:
    image = render_visit_card_image(CARD, WORDS)
    matrix = segno.make(CODE, error="m", micro=False).matrix
    n = len(matrix)
    mm = DPI / 25.4
    module = QR_MM * mm / n
    margin = 5 * mm  # the card's page margins
    width = 95 * mm
    x0, y0 = margin + (width - QR_MM * mm) / 2, margin + 23 * mm
    wrong = 0
    for y in range(n):
        for x in range(n):
            px = image.pixelColor(int(x0 + (x + 0.5) * module), int(y0 + (y + 0.5) * module))
            wrong += (px.lightness() < 128) != bool(matrix[y][x])
    assert wrong == 0
    # The quiet zone: white for four modules on each side.
    for k in range(1, 4):
        assert image.pixelColor(int(x0 - k * module), int(y0 + n * module / 2)).lightness() > 200


def test_the_card_is_a_one_page_pdf(qapp: QApplication) -> None:
    pdf = render_visit_card_pdf(CARD, WORDS)
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 1
