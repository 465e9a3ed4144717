"""The clips' bitmap font and rectangles: the right pixels, clipped at the picture's edges."""

from __future__ import annotations

import numpy as np

from video.bitmapfont import GLYPH_H, GLYPH_W, draw_text, fill_rect, text_width


def test_a_glyph_lights_its_dots_at_the_scale_asked() -> None:
    img = np.zeros((20, 20, 3), np.uint8)
    draw_text(img, "1", 2, 3, 2, (255, 255, 255))
    lit = np.argwhere(img[:, :, 0] == 255)
    assert lit[:, 0].min() == 3
    assert lit[:, 0].max() == 3 + GLYPH_H * 2 - 1
    assert lit[:, 1].min() >= 2
    assert lit[:, 1].max() < 2 + GLYPH_W * 2
    # "1" has 10 dots; each is a 2x2 square.
    assert len(lit) == 10 * 4


def test_text_is_clipped_and_lower_case_is_upper_case() -> None:
    a = np.zeros((10, 30, 3), np.uint8)
    b = np.zeros((10, 30, 3), np.uint8)
    draw_text(a, "cam", -3, -2, 1, (9, 9, 9))
    draw_text(b, "CAM", -3, -2, 1, (9, 9, 9))
    assert np.array_equal(a, b)
    assert a.any()
    draw_text(a, "X", 100, 100, 1, (1, 1, 1))  # wholly outside: nothing, no error
    assert text_width("CAM01", 3) == (5 * 6 - 1) * 3


def test_rectangles_include_both_corners_and_are_clipped() -> None:
    img = np.zeros((10, 10), np.uint8)
    fill_rect(img, 2, 3, 4, 5, (7,))
    assert int((img == 7).sum()) == 9
    fill_rect(img, -5, -5, 0, 0, (8,))
    assert img[0, 0] == 8
    assert int((img == 8).sum()) == 1
