"""Regression guard for the PySide6 6.12.0 None-refcount bug.

What broke: PySide6 6.12.0 on CPython 3.11 dropped one reference to `None` on every call of a
void C++ method from Python, such as `QWidget.update()` or `QPainter.drawImage()`. `None` is
not immortal before CPython 3.12, so its count ran down with every repaint request until the
interpreter aborted with `Fatal Python error: none_dealloc` after about 5,300 calls, i.e. a
few seconds into a busy video wall. 6.11.3 is clean; pyproject.toml pins below 6.12 on 3.11.

The calls run in a child process, so that an abort shows as a failed test with its stderr
instead of killing the pytest run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CALLS = 20_000
TOLERANCE = 100  # other code may hold or drop a few references meanwhile

CHILD = r"""
import json, sys
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

calls = int(sys.argv[1])
app = QApplication([])
w = QWidget()
w.resize(64, 48)
canvas = QImage(64, 48, QImage.Format.Format_ARGB32)
tile = QImage(8, 8, QImage.Format.Format_ARGB32)
tile.fill(QColor("red"))
rect = QRect(0, 0, 16, 16)
colour = QColor("#ff3b30")
result = {}

before = sys.getrefcount(None)
for _ in range(calls):
    w.update()
result["update"] = sys.getrefcount(None) - before

painter = QPainter(canvas)
before = sys.getrefcount(None)
for _ in range(calls):
    painter.fillRect(rect, colour)
result["fillRect"] = sys.getrefcount(None) - before
before = sys.getrefcount(None)
for _ in range(calls):
    painter.drawImage(0, 0, tile)
result["drawImage"] = sys.getrefcount(None) - before
painter.end()

app.processEvents()
print(json.dumps(result))
"""


def test_void_calls_do_not_leak_references_to_none(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(CALLS)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, (
        f"child exited with {proc.returncode} (a negative code is a signal: "
        f"none_dealloc aborts with SIGABRT)\n{proc.stderr[-3000:]}"
    )
    deltas = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(deltas) == {"update", "fillRect", "drawImage"}
    for call, delta in deltas.items():
        assert delta > -TOLERANCE, f"{CALLS} calls of {call} dropped {-delta} refs to None"
