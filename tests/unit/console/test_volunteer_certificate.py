"""The certificate PDF: one A4 page with every field the Order names, Chinese text extractable,
the withdrawn and display-copy marks, rendered off the GUI thread too."""

from __future__ import annotations

import io
import threading
from dataclasses import replace
from datetime import date

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from console.volunteer_certificate import certificate_words, render_certificate
from core.certificates import CertificateDoc

DOC = CertificateDoc(
    number="ZYFW-2026-00017",
    volunteer="张小红",
    id_number="120106199001011234",
    first_day=date(2026, 1, 1),
    last_day=date(2026, 6, 30),
    minutes=1535,
    content="陪伴独居老人就医；送餐上门",
    issuer="红桥区咸阳北路街道办事处",
    community="咸阳北里社区",
    issued_on=date(2026, 7, 9),
)


def text_of(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(reader.pages[0].extract_text().split())


def test_the_certificate_says_who_how_long_what_who_issued_its_number_and_date(
    qapp: QApplication,
) -> None:
    pages, text = text_of(render_certificate(DOC, certificate_words()))
    assert pages == 1
    for field in (
        "ZYFW-2026-00017",
        "张小红",
        "120106199001011234",
        "2026-01-01",
        "2026-06-30",
        "25.6",
        "陪伴独居老人就医",
        "红桥区咸阳北路街道办事处",
        "咸阳北里社区",
        "2026-07-09",
        "MCA Order 67",
    ):
        assert field in text, field
    assert "WITHDRAWN" not in text
    assert "Display copy" not in text


def test_withdrawn_and_display_copies_say_so(qapp: QApplication) -> None:
    words = certificate_words()
    _, withdrawn = text_of(render_certificate(replace(DOC, withdrawn="记录不实"), words))
    assert "WITHDRAWN: 记录不实" in withdrawn
    copy = replace(DOC, id_number="1201**********1234", masked=True)
    _, masked = text_of(render_certificate(copy, words))
    assert "1201**********1234" in masked
    assert "120106199001011234" not in masked
    assert "Display copy" in masked


def test_rendered_on_a_worker_thread_as_the_writer_does(qapp: QApplication) -> None:
    words = certificate_words()
    out: list[bytes] = []
    t = threading.Thread(target=lambda: out.append(render_certificate(DOC, words)), name="pdf")
    t.start()
    t.join(30)
    assert not t.is_alive()
    assert "ZYFW-2026-00017" in text_of(out[0])[1]
