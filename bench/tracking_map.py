"""Map update cost: 10,000 tags with 10 % moving per tick, against a plain setData of all."""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from typing import Any

Row = tuple[str, float, float, str]

TAGS = 10_000
MOVING = 0.10
FRAMES = 40


def _rows(n: int, rnd: random.Random) -> list[Any]:
    from core.tracking import TagPositionRow

    now = datetime.now(UTC)
    out = []
    for i in range(n):
        kind = "vehicle" if i % 6 == 0 else "person"
        state = "alarm" if i % 500 == 0 else ("offline" if i % 97 == 0 else "ok")
        out.append(
            TagPositionRow(
                i + 1,
                f"E2{i:08X}",
                kind,
                f"T{i}",
                "C01",
                None,
                rnd.uniform(0, 3000),
                rnd.uniform(0, 2000),
                now,
                state,
            )
        )
    return out


def _moved(rows: list[Any], rnd: random.Random) -> list[Any]:
    import dataclasses

    picked = rnd.sample(range(len(rows)), int(len(rows) * MOVING))
    for i in picked:
        r = rows[i]
        rows[i] = dataclasses.replace(r, x=r.x + rnd.uniform(-5, 5), y=r.y + rnd.uniform(-5, 5))
    return [rows[i] for i in picked]


def map_rows(tags: int = TAGS, frames: int = FRAMES) -> list[Row]:
    """(label, value, baseline, note): ms per frame, update alone and update + paint."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    from PySide6.QtWidgets import QApplication

    from widgets.tracking_map import TrackingMapWidget

    app = QApplication.instance() or QApplication(sys.argv[:1])
    rnd = random.Random(7)
    rows = _rows(tags, rnd)
    w = TrackingMapWidget()
    w.cluster_min_tags = tags + 1  # the worst case: every tag drawn one by one
    w.resize(1400, 850)
    w.show()
    w.set_rows(rows)
    w.fit()
    app.processEvents()
    w.apply_timer.stop()  # ticks are driven here, one per frame

    def paint() -> None:
        w.plot.grab()

    update_ms, frame_ms = [], []
    for _ in range(frames):
        w.push_rows(_moved(rows, rnd))
        t0 = time.perf_counter()
        w.apply_pending()
        t1 = time.perf_counter()
        paint()
        t2 = time.perf_counter()
        assert w.applied_points == int(tags * MOVING)
        update_ms.append((t1 - t0) * 1000)
        frame_ms.append((t2 - t0) * 1000)

    # Baseline: the same moves, written as pyqtgraph's plain setData of every point.
    item = w.tags
    base_update, base_frame = [], []
    for _ in range(frames):
        _moved(rows, rnd)
        xs = np.fromiter((r.x for r in rows), float, len(rows))
        ys = np.fromiter((r.y for r in rows), float, len(rows))
        data = item.data
        symbols, sizes = list(data["symbol"]), list(data["size"])
        pens, brushes = list(data["pen"]), list(data["brush"])
        t0 = time.perf_counter()
        item.setData(x=xs, y=ys, symbol=symbols, size=sizes, pen=pens, brush=brushes)
        t1 = time.perf_counter()
        paint()
        t2 = time.perf_counter()
        base_update.append((t1 - t0) * 1000)
        base_frame.append((t2 - t0) * 1000)
    bare = []
    for _ in range(frames):
        _moved(rows, rnd)
        xs = np.fromiter((r.x for r in rows), float, len(rows))
        ys = np.fromiter((r.y for r in rows), float, len(rows))
        t0 = time.perf_counter()
        item.setData(x=xs, y=ys)  # one style for all: the cheapest setData there is
        bare.append((time.perf_counter() - t0) * 1000)
    # Clustering at the whole-street zoom: run on a zoom change (and every 2 s while clustered).
    w.cluster_min_tags = 300
    w.set_rows(rows)
    w.fit()
    app.processEvents()
    cluster_ms = []
    for _ in range(10):
        t0 = time.perf_counter()
        w.update_clusters()
        cluster_ms.append((time.perf_counter() - t0) * 1000)
    assert w.clustered()
    groups = len(w.cluster_counts())
    w.shutdown()
    w.deleteLater()
    app.processEvents()

    def med(xs: list[float]) -> float:
        return round(statistics.median(xs), 2)

    def p95(xs: list[float]) -> float:
        return round(sorted(xs)[int(len(xs) * 0.95) - 1], 2)

    n = f"{tags:,} tags, {int(MOVING * 100)} % moving per tick, 1400×850 view, no clusters"
    return [
        (
            "map: update of moved tags, ms (median)",
            med(update_ms),
            med(base_update),
            f"{n}; baseline: setData of all points with their styles",
        ),
        (
            "map: update + paint per frame, ms (median)",
            med(frame_ms),
            med(base_frame),
            "goal ≤ 16 ms; paint = the plot rendered offscreen (grab)",
        ),
        (
            "map: update + paint per frame, ms (p95)",
            p95(frame_ms),
            p95(base_frame),
            "same frames",
        ),
        (
            "map: plain setData x/y of all points, ms (median)",
            med(bare),
            med(update_ms),
            "one style for every point (what FIELD-NOTES measured); baseline: our update",
        ),
        (
            "map: grouping 10,000 tags into clusters, ms (median)",
            med(cluster_ms),
            med(update_ms),
            f"the whole street in view, {groups} groups; on zoom, not per tick; "
            "baseline: one tick's update",
        ),
    ]


if __name__ == "__main__":
    for label, value, baseline, note in map_rows():
        print(f"{label:<52} {value:>9} {baseline:>9}  {note}")
