"""The screenshot's Qt message filter drops the offscreen plugin's noise and nothing else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import qWarning
from pytestqt.logging import _QtMessageCapture as QtMessageCapture  # the qtlog fixture's type

from console.screenshot import quiet_offscreen_noise


@pytest.mark.qt_log_level_fail("CRITICAL")
def test_only_the_known_noise_is_dropped(qtlog: QtMessageCapture) -> None:
    with quiet_offscreen_noise():
        qWarning("This plugin does not support propagateSizeHints()")
        qWarning("QPainter::begin: Paint device returned engine == 0")
        qWarning("This plugin does not support propagateSizeHints() for real")
    messages = [r.message for r in qtlog.records]
    assert messages == [
        "QPainter::begin: Paint device returned engine == 0",
        "This plugin does not support propagateSizeHints() for real",
    ]


@pytest.mark.qt_log_level_fail("CRITICAL")
def test_the_previous_handler_is_restored(qtlog: QtMessageCapture) -> None:
    with quiet_offscreen_noise():
        pass
    qWarning("This plugin does not support propagateSizeHints()")
    assert [r.message for r in qtlog.records] == [
        "This plugin does not support propagateSizeHints()"
    ]
