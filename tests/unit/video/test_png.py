"""encode_png: what OpenCV and Qt decode is exactly the frame that was encoded."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PySide6.QtGui import QImage

from video.png import encode_png

RNG = np.random.default_rng(7)


def _decode(data: bytes) -> np.ndarray:
    out = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_UNCHANGED)
    assert out is not None
    return out


@pytest.mark.parametrize("shape", [(1, 1, 3), (7, 5, 3), (36, 64, 3), (180, 320, 3)])
def test_bgr_round_trips_exactly(shape: tuple[int, int, int]) -> None:
    image = RNG.integers(0, 256, shape, dtype=np.uint8)
    assert np.array_equal(_decode(encode_png(image)), image)


def test_bgra_drops_its_alpha_unless_asked() -> None:
    image = RNG.integers(0, 256, (20, 30, 4), dtype=np.uint8)
    assert np.array_equal(_decode(encode_png(image)), image[:, :, :3])
    assert np.array_equal(_decode(encode_png(image, alpha=True)), image)


def test_grey_round_trips_and_qt_reads_the_colours_right() -> None:
    grey = RNG.integers(0, 256, (9, 11), dtype=np.uint8)
    assert np.array_equal(_decode(encode_png(grey)), grey)
    bgr = np.zeros((2, 2, 3), np.uint8)
    bgr[0, 0] = (255, 0, 0)  # blue in BGR
    img = QImage.fromData(encode_png(bgr), "PNG")
    assert not img.isNull()
    c = img.pixelColor(0, 0)
    assert (c.red(), c.green(), c.blue()) == (0, 0, 255)


def test_a_non_contiguous_view_is_encoded_as_shown() -> None:
    frame = RNG.integers(0, 256, (40, 60, 4), dtype=np.uint8)
    view = frame[5:25, 10:50]
    assert np.array_equal(_decode(encode_png(view)), view[:, :, :3])


@pytest.mark.parametrize(
    "bad",
    [np.zeros((0, 4, 3), np.uint8), np.zeros((4, 4, 2), np.uint8), np.zeros((4, 4), np.float32)],
)
def test_what_is_not_a_frame_is_refused(bad: np.ndarray) -> None:
    with pytest.raises(ValueError, match="expected"):
        encode_png(bad)
