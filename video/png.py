"""PNG encoding of decoded frames with numpy and zlib (snapshots, motion events)."""

from __future__ import annotations

import struct
import zlib
from typing import Any

import numpy as np

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# PNG colour types by channels after conversion: grey, RGB, RGBA.
_COLOUR_TYPE = {1: 0, 3: 2, 4: 6}


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def encode_png(image: np.ndarray[Any, Any], *, alpha: bool = False, level: int = 6) -> bytes:
    """A uint8 frame as PNG bytes: grey (h, w) or (h, w, 1), BGR (h, w, 3) or BGRA (h, w, 4),
    as the decoder delivers them. BGRA loses its alpha unless `alpha` (a decoded frame's alpha
    is always opaque, and RGB is a quarter smaller).

    Every row uses PNG's "Sub" filter (each byte minus the one a pixel to its left), computed
    for the whole frame at once; on camera pictures it compresses about as well as choosing a
    filter per row, at a fraction of the cost.
    """
    if image.dtype != np.uint8 or image.ndim not in (2, 3) or image.size == 0:
        raise ValueError(f"expected a non-empty uint8 image, got {image.dtype} {image.shape}")
    if image.ndim == 2:
        image = image[:, :, None]
    channels = image.shape[2]
    if channels == 4 and not alpha:
        image, channels = image[:, :, :3], 3
    if channels not in _COLOUR_TYPE:
        raise ValueError(f"expected 1, 3 or 4 channels, got {channels}")
    if channels >= 3:
        # BGR(A) → RGB(A): PNG stores red first.
        order = [2, 1, 0, 3][:channels]
        image = image[:, :, order]
    h, w = image.shape[:2]
    rows = np.ascontiguousarray(image).reshape(h, w * channels)
    filtered = np.empty((h, w * channels + 1), np.uint8)
    filtered[:, 0] = 1  # the Sub filter
    filtered[:, 1 : channels + 1] = rows[:, :channels]
    np.subtract(rows[:, channels:], rows[:, :-channels], out=filtered[:, channels + 1 :])
    header = struct.pack(">IIBBBBB", w, h, 8, _COLOUR_TYPE[channels], 0, 0, 0)
    return (
        _SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(filtered.tobytes(), level))
        + _chunk(b"IEND", b"")
    )
