"""`python -m bench.handover`: the handover PDF's cost, and what rendering it off the GUI thread
leaves the GUI thread, each against a baseline measured in the same run.

- pdf_ms: render_pdf of a report with N open items (the default 150: ~4 A4 pages);
- layout_ms (baseline): the same HTML laid out in a QTextDocument, no PDF;
- gui_gap_*_ms: the longest gap between 10 ms timer ticks on the GUI thread while a worker
  thread renders the PDF in this process (thread) or through a child process (child, what the
  console does), against the same gap with nothing rendering (idle, the baseline);
- child_ms: the whole render through the child process, interpreter start included.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from console.handover_pdf import (
    ChildRenderer,
    build_document,
    footer_for,
    render_pdf,
    report_labels,
    state_names,
)
from core.handover import CheckpointInfo, Count, HandoverReport, OpenItem
from core.incidents import IncidentState
from core.model import Priority


def report(items: int) -> HandoverReport:
    """A realistic report: Chinese titles, masked callers, a signed checkpoint."""
    end = datetime(2026, 11, 30, 8, tzinfo=UTC)
    rows = tuple(
        OpenItem(
            i,
            Priority(1 + i % 4),
            "fall",
            f"独居老人未出门 第{i}号 咸阳北路12号",
            IncidentState.ACKNOWLEDGED,
            end - timedelta(minutes=5 * i),
            "王小明",
            f"C{i % 20:02d}",
            "张*",
            "138****5678",
        )
        for i in range(items)
    )
    return HandoverReport(
        site="红桥区咸阳北路街道",
        workstation="CC",
        outgoing="李值班",
        outgoing_username="operator",
        shift_start=end - timedelta(hours=8),
        shift_end=end,
        open_items=rows,
        open_total=items,
        sla_misses=(),
        by_type=(Count("fall", items, items),),
        by_community=tuple(Count(f"C{c:02d}", 5, 5) for c in range(20)),
        notes="3号楼电梯故障，已报修。",
        checkpoint=CheckpointInfo("ab" * 32, 12345, True, "x-handover.json", "deadbeef (key 01)"),
    )


def _gap_ms(app: QApplication, work: threading.Thread | None) -> float:
    """The longest gap between 10 ms ticks on the GUI thread while `work` runs (or 0.3 s)."""
    clock = QElapsedTimer()
    clock.start()
    last, worst = [0], [0]

    def tick() -> None:
        now = clock.elapsed()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    loop = QEventLoop()
    if work is not None:
        work.start()
    deadline = time.monotonic() + 0.3
    while (work is not None and work.is_alive()) or time.monotonic() < deadline:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    if work is not None:
        work.join()
    timer.stop()
    return float(worst[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    r = report(args.items)
    labels, states = report_labels(), state_names()
    footer = footer_for(r, "2026-11-30 16:00")
    render_pdf(r, labels, states, footer)  # fonts loaded once, as in a running console

    child = ChildRenderer()
    pdf, layout, gaps, idle, child_gaps, child_ms = [], [], [], [], [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        render_pdf(r, labels, states, footer)
        pdf.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        doc: QTextDocument = build_document(r, labels, states)
        doc.pageCount()
        layout.append((time.perf_counter() - t) * 1000)
        idle.append(_gap_ms(app, None))
        worker = threading.Thread(
            target=render_pdf, args=(r, labels, states, footer), name="bench:pdf"
        )
        gaps.append(_gap_ms(app, worker))
        spent: list[float] = []

        def through_child(spent: list[float] = spent) -> None:
            t = time.perf_counter()
            child(r, labels, states, footer)
            spent.append((time.perf_counter() - t) * 1000)

        child_gaps.append(_gap_ms(app, threading.Thread(target=through_child, name="bench:child")))
        child_ms.extend(spent)
    out = {
        "items": args.items,
        "pdf_ms": round(statistics.median(pdf), 1),
        "layout_ms": round(statistics.median(layout), 1),
        "pdf_vs_layout": round(statistics.median(pdf) / statistics.median(layout), 2),
        "child_ms": round(statistics.median(child_ms), 1),
        "gui_gap_idle_ms": round(statistics.median(idle), 1),
        "gui_gap_thread_ms": round(statistics.median(gaps), 1),
        "gui_gap_child_ms": round(statistics.median(child_gaps), 1),
        "thread_vs_idle": round(statistics.median(gaps) / max(1.0, statistics.median(idle)), 2),
        "child_vs_idle": round(
            statistics.median(child_gaps) / max(1.0, statistics.median(idle)), 2
        ),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
