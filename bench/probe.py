"""Child process of the benchmarks: start the console (or a bare Qt window) and measure it."""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# Idle is measured after the first paints and deferred layouts have settled, for both the
# console and the bare window: an operator's console idles for hours, not for its first second.
SETTLE_S = 3.0


def _rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def _idle(qapp: object, seconds: float) -> tuple[float, float]:
    """Run an event loop for `seconds`; return (wall, cpu) spent.

    A local QEventLoop, not QApplication.quit(): in Qt 6 quit() first closes every top-level
    window, and closing the console's window quits the console — the measurement would then
    time a console that has shut down.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    w0, c0 = time.perf_counter(), _cpu()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    return time.perf_counter() - w0, _cpu() - c0


def bare(idle_s: float) -> dict[str, float]:
    """Baseline: a QApplication with an empty, shown QMainWindow."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    qapp = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.resize(1600, 900)
    w.show()
    qapp.processEvents()
    ready = time.time()
    _idle(qapp, SETTLE_S)
    wall, cpu = _idle(qapp, idle_s)
    return {"ready_at": ready, "idle_cpu_pct": 100 * cpu / wall, "rss_mib": _rss_kib() / 1024}


def console(db_url: str, idle_s: float) -> dict[str, float]:
    """The console as `console` starts it: the sign-in window first, then loading, then signed
    in as the operator (the typing is left out) with the panes loaded."""
    import tempfile
    from pathlib import Path

    from console.gui import early_login, make_qapp

    qapp = make_qapp()
    dlg = early_login(qapp, "", "zh_CN")
    login = time.time()
    from console.app import ConsoleApp, ConsoleOptions
    from data.migrate import open_database

    db = open_database(db_url)
    with tempfile.TemporaryDirectory() as cfg:
        app = ConsoleApp(qapp, db, ConsoleOptions(config_dir=Path(cfg), confirm_quit=False))
        app.start(dlg)
        app.session._on_login_succeeded(app.services.signin.principal("operator"))
        app.wait_idle()
        ready = time.time()
        _idle(qapp, SETTLE_S)
        wall, cpu = _idle(qapp, idle_s)
        rss = _rss_kib() / 1024
        if app._shut_down or not app.window.isVisible():
            raise RuntimeError("the console closed while it was measured idling")
        app.shutdown()
    return {
        "login_at": login,
        "ready_at": ready,
        "idle_cpu_pct": 100 * cpu / wall,
        "rss_mib": rss,
    }


if __name__ == "__main__":
    kind, idle = sys.argv[1], float(sys.argv[2])
    out = bare(idle) if kind == "bare" else console(sys.argv[3], idle)
    print(json.dumps(out))
