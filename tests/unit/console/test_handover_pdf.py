"""The handover PDF read back as text: Chinese, the signed chain head, a footer on every page."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from console.handover_pdf import (
    ChildRenderer,
    footer_for,
    render_page_image,
    render_pdf,
    report_labels,
    state_names,
)
from core.model import Priority
from data.checkpoints import generate_audit_key
from tests.unit.data.worlds import World

ITEMS = 150  # several pages: the footer must be on each


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def _fill(world: World, items: int) -> None:
    operator = world.who("operator")
    for n in range(items):
        world.svc.incidents.create(
            operator,
            title=f"独居老人未出门 第{n}号",
            priority=Priority.P3,
            community="C01",
            caller_name="王小明",
            caller_phone=f"139{n:08d}",
        )


def _text(pdf: bytes) -> list[str]:
    # pypdf separates words with tabs or newlines as the glyph positions suggest: fold them.
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_the_pdf_carries_chinese_the_signed_head_and_a_footer_on_every_page(
    qapp: QApplication, env: World, tmp_path: Path
) -> None:
    _fill(env, ITEMS)
    keys = tmp_path / "keys"
    generate_audit_key(keys)
    env.ctx.keys = keys
    operator = env.who("operator")
    cp = env.svc.handover.checkpoint(tmp_path / "cps")
    report = replace(env.svc.handover.gather(operator, notes="电梯故障"), checkpoint=cp)
    labels = {**report_labels(), "title": "交接班报告"}
    footer = footer_for(report, "2026-11-30 16:00")

    pages = _text(render_pdf(report, labels, state_names(), footer))

    assert len(pages) >= 3
    whole = " ".join(pages)
    assert "交接班报告" in pages[0]
    assert "红桥区咸阳北路街道" in pages[0]
    assert "独居老人未出门 第0号" in whole
    assert cp.head_hash in whole.replace(" ", "")
    assert cp.file_name in whole.replace(" ", "")
    assert cp.signature.replace(" ", "") in whole.replace(" ", "")
    assert cp.key_id in whole
    for number, page in enumerate(pages, start=1):
        assert f"{report.outgoing} ( operator)" in page or f"{report.outgoing} (operator)" in page
        assert "2026-11-30 16:00" in page
        assert f"page {number}/{len(pages)}" in page
        assert "Contains personal information" in page
    # An operator's paper: phones and names masked (core.personal), never in full.
    assert "139****0007" in whole
    assert "13900000007" not in whole
    assert "王**" in whole
    assert "王小明" not in whole


def test_without_a_key_the_pdf_says_so_and_prints_the_head(
    qapp: QApplication, env: World, tmp_path: Path
) -> None:
    _fill(env, 3)
    operator = env.who("operator")
    cp = env.svc.handover.checkpoint(tmp_path / "cps")
    assert not cp.signed
    report = replace(env.svc.handover.gather(operator), checkpoint=cp)
    pdf = render_pdf(report, report_labels(), state_names(), footer_for(report, "now"))
    whole = " ".join(_text(pdf))
    assert cp.head_hash in whole.replace(" ", "")
    assert "Not signed: this workstation holds no audit signing key." in whole
    assert not (tmp_path / "cps").exists()


def test_a_page_picture_has_ink_in_the_body_and_the_footer(qapp: QApplication, env: World) -> None:
    _fill(env, 3)
    report = env.svc.handover.gather(env.who("operator"))
    image = render_page_image(report, report_labels(), state_names(), footer_for(report, "x"))
    h = image.height()

    def dark_rows(top: int, bottom: int) -> int:
        return sum(
            any(image.pixelColor(x, y).lightness() < 128 for x in range(0, image.width(), 3))
            for y in range(top, bottom)
        )

    assert dark_rows(0, h // 4) > 20  # the heading and the first rows
    assert dark_rows(h * 9 // 10, h) > 5  # the footer


def test_the_child_process_makes_the_same_pdf_and_stops_when_told(
    qapp: QApplication, env: World
) -> None:
    _fill(env, 3)
    report = env.svc.handover.gather(env.who("operator"))
    args = (report, report_labels(), state_names(), footer_for(report, "2026-11-30 16:00"))
    renderer = ChildRenderer(timeout_s=50)
    assert _text(renderer(*args)) == _text(render_pdf(*args))
    renderer.stop()
    with pytest.raises(RuntimeError, match="closing"):
        renderer(*args)
