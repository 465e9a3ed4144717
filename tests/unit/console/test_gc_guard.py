"""Cyclic garbage is collected on the GUI thread only, never on a worker."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication

from console.gc_guard import install


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
