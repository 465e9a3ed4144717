"""Small numpy image operations for motion analysis: grey, area resize, blur, morphology, blobs."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# OpenCV's fixed-point ITU-R 601 weights (0.114 B, 0.587 G, 0.299 R in 1/2**15): same bytes out.
_B2Y, _G2Y, _R2Y, _Y_SHIFT = 3735, 19235, 9798, 15
# Pixels converted at a time: a band's uint32 scratch stays in the CPU cache, which halves the
# cost at 640x360 against one whole-frame pass.
_GREY_BAND = 32 * 1024

Point = tuple[float, float]


def to_grey(image: np.ndarray) -> np.ndarray:
    """A uint8 grey image from uint8 grey, BGR or BGRA (channel order as decoded)."""
    if image.dtype != np.uint8 or image.ndim not in (2, 3):
        raise ValueError(f"expected a uint8 image, got {image.dtype} {image.shape}")
    if image.ndim == 2:
        return image
    if image.shape[2] not in (3, 4):
        raise ValueError(f"expected 1, 3 or 4 channels, got {image.shape[2]}")
    h, w = image.shape[:2]
    out = np.empty((h, w), np.uint8)
    rows = max(1, _GREY_BAND // w)
    acc_rows = np.empty((min(h, rows), w), np.uint32)
    tmp_rows = np.empty_like(acc_rows)
    for y in range(0, h, rows):
        band = image[y : y + rows]
        acc, tmp = acc_rows[: band.shape[0]], tmp_rows[: band.shape[0]]
        np.multiply(band[:, :, 0], np.uint32(_B2Y), out=acc)
        np.multiply(band[:, :, 1], np.uint32(_G2Y), out=tmp)
        acc += tmp
        np.multiply(band[:, :, 2], np.uint32(_R2Y), out=tmp)
        acc += tmp
        acc += 1 << (_Y_SHIFT - 1)  # round half up, as OpenCV does
        acc >>= _Y_SHIFT
        out[y : y + band.shape[0]] = acc
    return out


def resize_area(grey: np.ndarray, width: int, height: int) -> np.ndarray:
    """Shrink a uint8 grey image to width x height by box averaging (OpenCV's INTER_AREA).

    Whole-number factors average exact blocks; other factors weigh the source pixels a
    destination pixel partly covers by the covered fraction (sums over a cumulative sum).
    """
    h, w = grey.shape
    if not (0 < width <= w and 0 < height <= h):
        raise ValueError(f"resize_area only shrinks: {w}x{h} to {width}x{height}")
    if (width, height) == (w, h):
        return grey.copy()
    if w % width == 0 and h % height == 0:
        fx, fy = w // width, h // height
        # Strided slice sums: much cheaper than a reshape-and-sum over two short axes.
        wide = 255 * fx * fy > 0xFFFF
        cols: np.ndarray = grey[:, 0::fx].astype(np.uint32 if wide else np.uint16)
        for i in range(1, fx):
            cols += grey[:, i::fx]
        sums: np.ndarray = cols[0::fy].copy()
        for j in range(1, fy):
            sums += cols[j::fy]
        if fx == fy == 2:  # OpenCV's 2x2 path rounds half up in integers ...
            return ((sums + 2) >> 2).astype(np.uint8)
        # ... and its other whole factors multiply by a float reciprocal and round half even.
        mean: np.ndarray = np.rint(sums.astype(np.float32) * np.float32(1.0 / (fx * fy)))
        return mean.astype(np.uint8)
    out = _area_axis(grey.astype(np.float64), width, axis=1)
    out = _area_axis(out, height, axis=0)
    rounded: np.ndarray = np.rint(out)
    return rounded.astype(np.uint8)


def _area_axis(data: np.ndarray, size: int, axis: int) -> np.ndarray:
    """Average `data` along `axis` into `size` equal, possibly fractional, source intervals."""
    n = data.shape[axis]
    if n == size:
        return data
    scale = n / size
    data = np.moveaxis(data, axis, 0)
    cum = np.zeros((n + 1, *data.shape[1:]), np.float64)
    np.cumsum(data, axis=0, out=cum[1:])
    edges = np.arange(size + 1, dtype=np.float64) * scale
    edges[-1] = n  # no float drift past the last pixel
    whole = np.minimum(np.floor(edges).astype(np.intp), n - 1)
    frac = (edges - whole)[:, None]  # data is 2-D: a grey image, one axis moved first
    # The cumulative sum at a fractional position: whole pixels plus a share of the next one.
    at = cum[whole] + frac * data[whole]
    out = (at[1:] - at[:-1]) / scale
    return np.moveaxis(out, 0, axis)


def gaussian_blur5(grey: np.ndarray) -> np.ndarray:
    """OpenCV's GaussianBlur(grey, (5, 5), 0) on uint8: kernel [1 4 6 4 1]/16, BORDER_REFLECT_101.

    Fixed point like OpenCV's exact 8-bit path: integer sums (at most 255 * 256, so uint16)
    rounded half up at the end.
    """
    if grey.dtype != np.uint8 or grey.ndim != 2:
        raise ValueError(f"expected a uint8 grey image, got {grey.dtype} {grey.shape}")
    h, w = grey.shape
    if h < 3 or w < 3:
        p = np.pad(grey, 2, mode="reflect").astype(np.uint16)  # numpy's "reflect": REFLECT_101
    else:  # the same padding by hand: np.pad's own overhead is half the blur at 320x180
        p = np.empty((h + 4, w + 4), np.uint16)
        p[2:-2, 2:-2] = grey
        p[2:-2, :2] = grey[:, 2:0:-1]
        p[2:-2, -2:] = grey[:, -2:-4:-1]
        p[:2] = p[4:2:-1]
        p[-2:] = p[-4:-6:-1]
    rows = p[:, :-4] + p[:, 4:]
    mid = p[:, 1:-3] + p[:, 3:-1]
    mid <<= 2
    rows += mid
    rows += p[:, 2:-2] * np.uint16(6)
    out = rows[:-4] + rows[4:]
    mid = rows[1:-3] + rows[3:-1]
    mid <<= 2
    out += mid
    out += rows[2:-2] * np.uint16(6)
    out += 128
    out >>= 8
    return out.astype(np.uint8)


def dilate(mask: np.ndarray, radius: int = 1) -> np.ndarray:
    """Boolean dilation by a (2r+1)-square; outside the image counts as empty (OpenCV's border).

    A 3x3 dilation repeated n times is one (2n+1)-square dilation.
    """
    mask = mask if mask.dtype == np.bool_ else mask != 0
    if radius <= 0:
        return mask.copy()
    h, w = mask.shape
    span = np.zeros((h + 2 * radius, w + 2 * radius), np.bool_)
    span[radius : radius + h, radius : radius + w] = mask
    # OR over 2r+1 neighbours by overlapping doublings (spans of 1, 2, 4, ...): log steps.
    want = 2 * radius + 1
    length = 1
    while length < want:
        step = min(length, want - length)
        span = span[:-step] | span[step:]
        length += step
    length = 1
    while length < want:
        step = min(length, want - length)
        span = span[:, :-step] | span[:, step:]
        length += step
    return span


def erode(mask: np.ndarray, radius: int = 1) -> np.ndarray:
    """Boolean erosion by a (2r+1)-square; outside the image counts as set, so edges stay."""
    return ~dilate(~(mask if mask.dtype == np.bool_ else mask != 0), radius)


def components(mask: np.ndarray) -> np.ndarray:
    """8-connected components of a 2-D mask: an (n, 5) int64 array of x, y, w, h, area.

    The same rows in the same order as OpenCV's connectedComponentsWithStats(connectivity=8)
    without the background row: OpenCV scans 2x2 blocks, so a component's label follows the
    first block (in raster order of blocks) that holds one of its pixels. Runs of set pixels
    per row, joined with a union-find over runs of neighbouring rows.
    """
    if mask.ndim != 2:
        raise ValueError(f"expected a 2-D mask, got shape {mask.shape}")
    w = mask.shape[1]
    runs_row, runs_start, runs_end = _runs(mask)
    n = runs_row.size
    if n == 0:
        return np.zeros((0, 5), np.int64)
    # A global key per run so one searchsorted finds, for each run, the touching runs of the
    # row above: with 8-connectivity [s_a, e_a) and [s_b, e_b) touch when s_a <= e_b and
    # s_b <= e_a (ends exclusive). Runs in a row are disjoint and sorted, so the touching
    # ones are a contiguous index range.
    stride = w + 2
    start_key = runs_row * stride + runs_start
    end_key = runs_row * stride + runs_end
    above = (runs_row - 1) * stride
    lo = np.searchsorted(end_key, above + runs_start, side="left")
    hi = np.searchsorted(start_key, above + runs_end, side="right")
    lo = np.maximum(lo, np.searchsorted(runs_row, runs_row - 1, side="left"))
    count = np.maximum(hi - lo, 0)
    pairs_b = np.repeat(np.arange(n), count)
    offsets = np.arange(pairs_b.size) - np.repeat(np.cumsum(count) - count, count)
    pairs_a = np.repeat(lo, count) + offsets
    parent = list(range(n))
    for a, b in zip(pairs_a.tolist(), pairs_b.tolist(), strict=True):
        ra = a
        while parent[ra] != ra:
            parent[ra] = parent[parent[ra]]
            ra = parent[ra]
        rb = b
        while parent[rb] != rb:
            parent[rb] = parent[parent[rb]]
            rb = parent[rb]
        # The smaller run index is the root: it is the component's first run in raster order.
        if ra < rb:
            parent[rb] = ra
        elif rb < ra:
            parent[ra] = rb
    roots = np.asarray(parent, np.intp)
    while True:  # flatten the remaining chains
        nxt = roots[roots]
        if np.array_equal(nxt, roots):
            break
        roots = nxt
    uniq, label = np.unique(roots, return_inverse=True)
    k = uniq.size
    order = np.argsort(label, kind="stable")
    firsts = np.searchsorted(label[order], np.arange(k))
    x0 = np.minimum.reduceat(runs_start[order], firsts)
    x1 = np.maximum.reduceat(runs_end[order], firsts)
    y0 = np.minimum.reduceat(runs_row[order], firsts)
    y1 = np.maximum.reduceat(runs_row[order], firsts)
    area = np.bincount(label, weights=runs_end - runs_start, minlength=k).astype(np.int64)
    stats = np.stack([x0, y0, x1 - x0, y1 - y0 + 1, area], axis=1).astype(np.int64)
    # A run's first block is that of its first pixel; a component's is the least of its runs'.
    block = (runs_row // 2) * (w // 2 + 1) + runs_start // 2
    first_block = np.minimum.reduceat(block[order], firsts)
    return stats[np.argsort(first_block, kind="stable")]


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row, start and (exclusive) end of each horizontal run of set pixels, in raster order."""
    h, w = mask.shape
    # Each row framed by unset pixels, so runs never join across rows; one flat pass finds
    # every change, and the changes alternate start, end, start, end ...
    stride = w + 2
    edged = np.zeros((h, stride), np.bool_)
    edged[:, 1:-1] = mask
    flat = edged.ravel()
    change = np.flatnonzero(flat[1:] != flat[:-1]) + 1
    rows, cols = np.divmod(change, stride)
    cols -= 1
    return rows[0::2], cols[0::2], cols[1::2]


def polygon_mask(width: int, height: int, polygon: Sequence[Point]) -> np.ndarray:
    """Pixels of a width x height image inside `polygon` (pixel coordinates), as booleans.

    Like OpenCV's fillPoly on the rounded vertices: pixel (x, y) is the point (x, y), insides
    by the even-odd rule, and the outline itself is filled too.
    """
    pts = np.rint(np.asarray(polygon, np.float64)).reshape(-1, 2)
    if pts.shape[0] < 3:
        raise ValueError("a polygon needs at least 3 points")
    inside = np.zeros((height, width), np.bool_)
    xs = np.arange(width, dtype=np.float64)
    ys = np.arange(height, dtype=np.float64)
    nxt = np.roll(pts, -1, axis=0)
    for (x0, y0), (x1, y1) in zip(pts.tolist(), nxt.tolist(), strict=True):
        if y0 == y1:
            continue  # horizontal edges cross no row; the outline below draws them
        # Half-open in y so a vertex shared by two edges is counted once.
        lo, hi = (y0, y1) if y0 < y1 else (y1, y0)
        rows = (ys >= lo) & (ys < hi)
        if not rows.any():
            continue
        cross = x0 + (ys[rows] - y0) * (x1 - x0) / (y1 - y0)
        inside[rows] ^= xs[None, :] < cross[:, None]
    for (x0, y0), (x1, y1) in zip(pts.tolist(), nxt.tolist(), strict=True):
        steps = int(max(abs(x1 - x0), abs(y1 - y0))) + 1
        t = np.linspace(0.0, 1.0, steps)
        lx = np.rint(x0 + t * (x1 - x0)).astype(np.intp)
        ly = np.rint(y0 + t * (y1 - y0)).astype(np.intp)
        keep = (lx >= 0) & (lx < width) & (ly >= 0) & (ly < height)
        inside[ly[keep], lx[keep]] = True
    return inside
