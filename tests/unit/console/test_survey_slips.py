"""Slip sheets: the PDF holds every code as text, and each QR code decodes to its slip."""

from __future__ import annotations

import io
import json
from pathlib import Path

import cv2
import numpy as np
import pypdf
import pytest
from PySide6.QtGui import QGuiApplication, QImage

from console.survey_slips import load_slip_key, new_slips, render_slips_image, render_slips_pdf
from core.keys import KeyFileError
from core.survey_slip import slip_key, verify
from data.fieldcrypt import ensure_field_keys, load_field_keys

KEY = slip_key(b"q" * 32)


@pytest.fixture
def app(qapp: QGuiApplication) -> QGuiApplication:
    return qapp


def _gray(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return raw[:, :w].copy()


def test_pdf_holds_every_code(app: QGuiApplication) -> None:
    slips = new_slips(KEY, "R2026-05", [101, 102, None, *range(200, 211)])  # 14: two pages
    pdf = pypdf.PdfReader(io.BytesIO(render_slips_pdf(slips, "居民满意度调查 2026")))
    assert len(pdf.pages) == 2
    text = "".join(p.extract_text() for p in pdf.pages)
    # pypdf sometimes reads a gap inside a monospace word: compare without white space
    flat = "".join(text.split())
    lines = {"".join(line.split()) for line in text.splitlines()}
    for slip, full in slips:
        assert slip.code in lines  # the short code on a line of its own
        assert full in flat  # the typable text, once its line breaks are removed
    assert "居民满意度调查" in text


def test_each_qr_decodes_back_to_its_slip(app: QGuiApplication) -> None:
    slips = new_slips(KEY, "R1", [7, None, 9])
    gray = _gray(render_slips_image(slips, "Survey"))
    detector = cv2.QRCodeDetector()
    ok, decoded, _, _ = detector.detectAndDecodeMulti(gray)
    found = set(decoded) if ok else set()
    if len(found - {""}) < len(slips):  # fall back to one code at a time, cell by cell
        h, w = gray.shape
        found = set()
        for row in range(4):
            for col in range(3):
                cell = gray[row * h // 4 : (row + 1) * h // 4, col * w // 3 : (col + 1) * w // 3]
                value, _, _ = detector.detectAndDecode(cell)
                found.add(value)
    texts = {t for _, t in slips}
    assert texts <= found
    for t in texts:
        assert verify(KEY, t, "R1").round_code == "R1"


def test_slip_key_comes_from_the_site_key_folder(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError):
        load_slip_key(tmp_path / "none")
    ensure_field_keys(tmp_path)
    key = load_slip_key(tmp_path)
    index_key = load_field_keys(tmp_path).index_key
    assert key == slip_key(index_key)
    assert key != index_key
    assert len(key) == 32
    doc = json.loads((tmp_path / "field-keys.json").read_text())
    assert "slip" not in json.dumps(doc)  # nothing new is stored: the key is derived
