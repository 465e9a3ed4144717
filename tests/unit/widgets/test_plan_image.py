"""The plan image under the map: placed by its two points, told when unreadable; the dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from core.planimage import PlanCalibration
from core.site import SiteSpec, parse_site
from widgets.plan_image_dialog import PlanImageDialog
from widgets.tracking_map import PLAN_IMAGE_OPACITY, TrackingMapWidget


@pytest.fixture
def mapw(qtbot: QtBot) -> Iterator[TrackingMapWidget]:
    w = TrackingMapWidget("Asia/Shanghai")
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.shutdown()


def _image(path: Path, w: int = 300, h: int = 200) -> Path:
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("#405060"))
    assert img.save(str(path))
    return path


def test_the_calibration_pixels_land_on_their_site_positions(
    mapw: TrackingMapWidget, tmp_path: Path
) -> None:
    # Rotated, scaled and shifted: pixel (40, 30) is site (1000, 500), pixel (260, 170) is
    # site (1180, 210).
    cal = PlanCalibration((40, 30, 1000, 500), (260, 170, 1180, 210))
    assert mapw.set_plan_image(_image(tmp_path / "plan.png"), cal)
    item = mapw.plan_image_item()
    assert item is not None
    assert item.zValue() < min(i.zValue() for i in (mapw.readers, mapw.tags, mapw.trail))
    assert item.opacity() == PLAN_IMAGE_OPACITY
    # The view's items are in site metres (tags are drawn at their x, y): map through the
    # item's whole placement, not its transform alone.
    for px, py, x, y in (cal.first, cal.second):
        on_map = item.mapToItem(mapw.tags, QPointF(px, py))
        assert on_map.x() == pytest.approx(x, abs=1e-6)
        assert on_map.y() == pytest.approx(y, abs=1e-6)
    assert mapw.plan_note.isHidden()


def test_a_broken_image_is_told_and_the_map_still_works(
    mapw: TrackingMapWidget, tmp_path: Path
) -> None:
    cal = PlanCalibration((0, 0, 0, 100), (100, 0, 100, 100))
    broken = tmp_path / "plan.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really")
    assert not mapw.set_plan_image(broken, cal)
    assert mapw.plan_image_item() is None
    assert not mapw.plan_note.isHidden()
    assert "not a readable PNG or JPEG image" in mapw.plan_note.text()
    assert str(broken) in mapw.plan_note.text()
    assert not mapw.set_plan_image(tmp_path / "gone.jpg", cal)
    assert "was not found" in mapw.plan_note.text()
    mapw.set_empty_text("No tags tracked yet")  # the presenter's banner does not hide it
    assert not mapw.plan_note.isHidden()
    from tests.helpers.fake_tracking import tag_row

    mapw.set_rows([tag_row(1, 10, 20)])
    mapw.apply_pending()
    assert mapw.row(1) is not None
    # A good image afterwards replaces the message.
    assert mapw.set_plan_image(_image(tmp_path / "ok.png"), cal)
    assert mapw.plan_note.isHidden()
    assert mapw.set_plan_image(None, None)
    assert mapw.plan_image_item() is None


def test_the_site_file_plan_is_drawn(mapw: TrackingMapWidget, tmp_path: Path) -> None:
    _image(tmp_path / "plan.png", 300, 200)
    site: SiteSpec = parse_site(
        '[site]\nname = "X"\n[plan]\nimage = "plan.png"\n'
        "points = [[0, 200, 0, 0], [300, 0, 3000, 2000]]\n",
        tmp_path / "site.toml",
    )
    assert site.plan is not None
    assert mapw.set_plan_image(site.plan.image, site.plan.calibration)
    item = mapw.plan_image_item()
    assert item is not None
    corner = item.mapToItem(mapw.tags, QPointF(300, 200))
    assert (round(corner.x(), 6), round(corner.y(), 6)) == (3000, 0)


def test_the_dialog_calibrates_by_two_clicks_and_typed_metres(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = PlanImageDialog()
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert not dlg.copy_button.isEnabled()
    assert dlg.load_image(_image(tmp_path / "plan.png", 400, 200))
    # The preview fits 400×200 into 520×360: 1.3 px a pixel, centred vertically.
    preview = dlg.preview
    scale = min(520 / 400, 360 / 200)
    top = (360 - 200 * scale) / 2
    for px, py in ((20, 180), (380, 20)):
        qtbot.mouseClick(
            preview,
            Qt.MouseButton.LeftButton,
            pos=QPoint(round(px * scale), round(top + py * scale)),
        )
    clicked = [(boxes[0].value(), boxes[1].value()) for boxes in dlg.spins]
    assert clicked == [pytest.approx((20, 180), abs=1), pytest.approx((380, 20), abs=1)]
    assert not dlg.copy_button.isEnabled()  # both points at site (0, 0) so far
    dlg.set_point(0, 20, 180, 0, 0)
    dlg.set_point(1, 380, 20, 360, 160)
    cal = dlg.calibration()
    assert cal is not None
    assert cal.metres_per_pixel == pytest.approx(1.0)
    assert "1.000 m per pixel" in dlg.result_label.text()
    assert dlg.copy_button.isEnabled()
    snippet = dlg.snippet.toPlainText()
    assert 'image = "plan.png"' in snippet
    spec = parse_site('[site]\nname = "X"\n' + snippet, tmp_path / "site.toml")
    assert spec.plan is not None
    assert spec.plan.calibration == cal
    with qtbot.waitSignal(dlg.sig_show_on_map) as shown:
        dlg.show_button.click()
    assert shown.args == [tmp_path / "plan.png", cal]


def test_the_dialog_refuses_an_unreadable_image(qtbot: QtBot, tmp_path: Path) -> None:
    dlg = PlanImageDialog()
    qtbot.addWidget(dlg)
    bad = tmp_path / "plan.jpg"
    bad.write_text("not an image")
    assert not dlg.load_image(bad)
    assert "not a readable PNG or JPEG image" in dlg.result_label.text()
    assert not dlg.show_button.isEnabled()
