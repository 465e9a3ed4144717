"""The site file's plan image on the wired console's map, and the Plan image… dialog's gate."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from console.presenters.tracking import TrackingPresenter
from core.planimage import PlanCalibration, PlanSpec
from core.site import SiteSpec
from tests.helpers.consoles import MakeConsole, SeededSite, sign_in


def test_the_site_plan_image_is_drawn_and_only_device_managers_calibrate(
    make_console: MakeConsole,
    seeded: SeededSite,
    demo_site: SiteSpec,
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    img = QImage(600, 400, QImage.Format.Format_RGB32)
    img.fill(QColor("#5a6a7a"))
    assert img.save(str(tmp_path / "plan.png"))
    cal = PlanCalibration((0, 400, 0, 0), (600, 0, 3000, 2000))
    site = dataclasses.replace(demo_site, plan=PlanSpec(tmp_path / "plan.png", cal))
    app = make_console(site=site, language="en")
    app.start()
    p = app.presenter("tracking")
    assert isinstance(p, TrackingPresenter)
    item = p.pane.plan_image_item()
    assert item is not None
    corner = item.mapToItem(p.pane.tags, QPointF(600, 0))
    assert (round(corner.x(), 6), round(corner.y(), 6)) == (3000, 2000)
    assert p.pane.plan_note.isHidden()
    sign_in(qtbot, app, seeded, "operator")
    assert not p.act_plan_image.isEnabled()
    p.open_plan_image()
    assert p.plan_dialog is None
    app.session.sign_out()
    sign_in(qtbot, app, seeded, "admin")
    assert p.act_plan_image.isEnabled()
    p.open_plan_image()
    dlg = p.plan_dialog
    assert dlg is not None
    qtbot.waitUntil(dlg.isVisible)
    assert dlg.load_image(tmp_path / "plan.png")
    dlg.set_point(0, 0, 400, 100, 0)
    dlg.set_point(1, 600, 0, 3100, 2000)
    dlg.show_button.click()  # for this session, on this map
    moved = p.pane.plan_image_item()
    assert moved is not None
    assert moved is not item
    assert moved.mapToItem(p.pane.tags, QPointF(0, 400)).x() == pytest.approx(100)
