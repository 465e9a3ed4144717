"""Cyclic garbage collection on the GUI thread only: a Qt object must never die on a worker."""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_MS = 500


class GuiGarbageCollector(QObject):
    """Turns automatic collection off and collects, by generation, from a GUI-thread timer.

    Python's collector runs on whichever thread happens to allocate: on a database reader it
    destroyed a cycle holding QObjects there, and Qt's destructor waited for the interpreter
    lock its own thread held (a deadlock seen in CI). Collecting only from the GUI thread
    keeps every QObject's death where it was born. The thresholds are Python's own.

    What is alive when it is made (the modules, classes and functions of every import: 270,000
    objects in the console) lives as long as the process, so it is frozen out of the
    collector's sight: a full collection walked all of it on the GUI thread, 180 ms during
    which the wall painted nothing and keys waited; it now walks what was made since. Frozen
    objects are still freed when their last reference goes; only a cycle among them would stay.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        gc.collect()  # the garbage of the imports first: frozen, it would never go
        gc.freeze()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds (GUI thread)."""
        l0, l1, l2 = gc.get_count()
        if l0 > self.threshold[0]:
            gc.collect(0)
            if l1 > self.threshold[1]:
                gc.collect(1)
                if l2 > self.threshold[2]:
                    gc.collect(2)


def install(app: QCoreApplication) -> GuiGarbageCollector:
    """The application's collector (one per QApplication, made on first call)."""
    found = app.findChild(GuiGarbageCollector)
    if isinstance(found, GuiGarbageCollector):
        return found
    return GuiGarbageCollector(app)
