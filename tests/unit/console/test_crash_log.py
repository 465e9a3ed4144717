"""A native crash of the console leaves every thread's stack in crash.log (owner-only), and
the next start finds it; a clean run after it finds nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from console.crash_log import CrashLog

ROOT = Path(__file__).resolve().parents[3]


def test_a_native_crash_leaves_its_stacks_and_the_next_start_finds_it(tmp_path: Path) -> None:
    crash = (
        "import faulthandler, threading, time\n"
        "from pathlib import Path\n"
        "from console.crash_log import CrashLog\n"
        f"CrashLog(Path({str(tmp_path)!r}))\n"
        "threading.Thread(target=time.sleep, args=(5,), name='sip:CC', daemon=True).start()\n"
        "faulthandler._sigsegv()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", crash], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    path = tmp_path / "crash.log"
    text = path.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "Thread 0x" in text, "every thread's stack, the SIP thread's too"
    assert "Current thread 0x" in text
    assert path.stat().st_mode & 0o777 == 0o600
    found = CrashLog(tmp_path)
    try:
        assert found.previous is not None
        assert found.previous.path == path
        assert found.previous.started is not None
    finally:
        found.close()
    after = CrashLog(tmp_path)  # the run just closed ended well
    after.close()
    assert after.previous is None


def test_a_first_start_has_no_crash_to_tell(tmp_path: Path) -> None:
    first = CrashLog(tmp_path)
    first.close()
    assert first.previous is None


def test_a_windows_access_violation_counts_and_a_handled_one_does_not(tmp_path: Path) -> None:
    path = tmp_path / "crash.log"
    start = "=== console started 2026-12-02T02:00:00+00:00 pid 7\n"
    violation = "Windows fatal exception: access violation\n\nCurrent thread 0x01 …\n"
    path.write_text(start + violation, encoding="utf-8")  # the process died there
    died = CrashLog(tmp_path)
    died.close()
    assert died.previous is not None
    # Written for an exception that was then handled: the run went on and ended well.
    path.write_text(start + violation + "=== console ended 2026-12-02T08:00:00+00:00\n")
    ended = CrashLog(tmp_path)
    ended.close()
    assert ended.previous is None


def test_a_long_file_is_kept_beside_with_the_stacks_the_notice_names(tmp_path: Path) -> None:
    path = tmp_path / "crash.log"
    filler = "x" * 2_100_000 + "\n"
    path.write_text(
        filler + "=== console started 2026-12-02T02:00:00+00:00 pid 7\nFatal Python error: x\n"
    )
    log = CrashLog(tmp_path)
    log.close()
    assert log.previous is not None
    assert log.previous.path == tmp_path / "crash.log.1"
    assert "Fatal Python error" in log.previous.path.read_text()
    assert path.stat().st_size < 1000  # started afresh
