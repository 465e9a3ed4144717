"""`console --help` and the parser load no data layer, no video stack: they answer at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# 1.7 s of imports before: the services, their models, SQLAlchemy, PyAV and NumPy.
HEAVY = {"data", "sqlalchemy", "av", "numpy", "PySide6"}

PROBE = """
import sys
from console.cli import _parser
_parser().format_help()
print("\\n".join(sorted(m for m in sys.modules)))
"""


def test_the_parser_imports_neither_the_data_layer_nor_the_video_stack() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    loaded = done.stdout.split()
    assert "console.cli" in loaded
    assert [m for m in loaded if m.split(".")[0] in HEAVY] == []
