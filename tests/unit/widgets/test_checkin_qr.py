"""The check-in QR widget: the code drawn as a readable QR, the countdown, rotation asked once
before expiry, an expired code taken off the screen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import segno
from pytestqt.qtbot import QtBot

from core.checkin_qr import checkin_key, make_code
from widgets.checkin_qr import CheckinQrWidget, QrView

KEY = checkin_key(b"k" * 32)
T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def test_the_code_is_drawn_with_a_countdown_and_rotation_asked_once(qtbot: QtBot) -> None:
    clock = Clock()
    w = CheckinQrWidget(clock=clock, rotate_before_s=60)
    qtbot.addWidget(w)
    text = make_code(KEY, "station:C01", T0, 120)
    w.set_code(text, T0 + timedelta(seconds=120), "Station C01")
    assert w.qr.modules == segno.make(text, error="m", micro=False).symbol_size(border=0)[0]
    assert w.countdown_label.text() == "Valid for 2:00"
    assert w.place_label.text() == "Station C01"
    asked: list[int] = []
    w.sig_rotate.connect(lambda: asked.append(1))
    clock.now = T0 + timedelta(seconds=59)
    w.tick()
    assert (asked, w.countdown_label.text()) == ([], "Valid for 1:01")
    clock.now = T0 + timedelta(seconds=60)
    w.tick()
    w.tick()
    assert asked == [1]  # once per code
    assert w.code_text == text


def test_an_expired_code_leaves_the_screen_and_rotation_is_asked_again(qtbot: QtBot) -> None:
    clock = Clock()
    w = CheckinQrWidget(clock=clock, rotate_before_s=60)
    qtbot.addWidget(w)
    w.set_code(make_code(KEY, "station:C01", T0, 120), T0 + timedelta(seconds=120))
    asked: list[int] = []
    w.sig_rotate.connect(lambda: asked.append(1))
    clock.now = T0 + timedelta(seconds=61)
    w.tick()
    clock.now = T0 + timedelta(seconds=120)
    w.tick()
    assert asked == [1, 1]  # the fetch after the first request did not come in time
    assert (w.qr.modules, w.code_text) == (0, "")
    assert w.countdown_label.text() == "Code expired: waiting for a new one"
    fresh = make_code(KEY, "station:C01", clock.now, 120)
    w.set_code(fresh, clock.now + timedelta(seconds=120))
    assert w.code_text == fresh
    w.clear()
    assert (w.qr.modules, w.countdown_label.text()) == (0, "No check-in code")


def test_the_drawn_code_has_dark_modules_where_the_qr_has_them(qtbot: QtBot) -> None:
    view = QrView()
    qtbot.addWidget(view)
    text = make_code(KEY, "door:42", T0, 3600)
    view.set_text(text)
    view.resize(400, 400)
    image = view.grab().toImage()
    matrix = segno.make(text, error="m", micro=False).matrix
    n = len(matrix)
    module = 400 // (n + 8)
    origin = (400 - module * (n + 8)) // 2 + 4 * module
    for y in (0, n // 2, n - 1):
        for x in range(n):
            centre = image.pixelColor(
                origin + x * module + module // 2, origin + y * module + module // 2
            )
            assert (centre.lightness() < 128) == bool(matrix[y][x])
