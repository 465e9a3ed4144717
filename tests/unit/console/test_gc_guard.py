"""Cyclic garbage is collected on the GUI thread only, never on a worker."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import weakref
from pathlib import Path

from PySide6.QtWidgets import QApplication

from console.gc_guard import install

ROOT = Path(__file__).resolve().parents[3]


class Node:
    me: object = None


def test_cycles_wait_for_the_gui_threads_collector(qapp: QApplication) -> None:
    collector = install(qapp)
    assert install(qapp) is collector  # one per application
    assert not gc.isenabled()
    node = Node()
    node.me = node
    ref = weakref.ref(node)
    del node
    # A worker allocating plenty triggers no collection of its own.
    worker = threading.Thread(target=lambda: [[] for _ in range(200_000)], name="test-alloc")
    worker.start()
    worker.join()
    assert ref() is not None
    threshold = collector.threshold
    collector.threshold = (0, 0, 0)
    try:
        collector.check()  # what its timer does on the GUI thread
    finally:
        collector.threshold = threshold
    assert ref() is None


PROBE = """
import gc, time
from PySide6.QtWidgets import QApplication
import console.app  # everything the console imports
app = QApplication([])
before = len(gc.get_objects())
from console.gc_guard import install
install(app)
frozen = gc.get_freeze_count()
cycle = []
cycle.append(cycle)
del cycle
print(before, frozen, len(gc.get_objects()), gc.collect())
"""


def test_what_lives_at_start_is_frozen_out_of_the_full_collections() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    before, frozen, tracked, collected = (int(x) for x in done.stdout.split())
    assert before > 100_000  # the console's imports
    assert frozen > 0.9 * before  # out of the collector's sight ...
    assert tracked < before / 10  # ... so a full collection walks a tenth or less
    assert collected >= 1  # and a cycle made afterwards is still collected
