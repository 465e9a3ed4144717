"""Strip the symbol tables from a built bundle's shared libraries, keeping only what still loads.

`strip` rewrites an ELF file; a library that auditwheel patched with patchelf (a moved RPATH,
renamed dependencies) can come out unloadable ("ELF load command address/offset not
page-aligned"). So every library is dlopen-ed before and after; one that does not load after
(or could not be checked before) gets its original back. Libraries in auditwheel's `*.libs`
folders are left alone.
Linux only (the Windows bundle has no ELF symbols to strip); saves ~70 MB of ~420.

`python tools/strip_bundle.py DIST_FOLDER` (the spec runs it after COLLECT).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

MIN_SIZE = 64 * 1024  # smaller files hold too few symbols to be worth a load check

_PROBE = """
import ctypes, os, sys
failed = []
for path in sys.argv[1:]:
    try:
        ctypes.CDLL(path, mode=os.RTLD_LAZY)
    except OSError:
        failed.append(path)
print("\\n".join(failed))
"""


def candidates(dist: Path) -> list[Path]:
    """The bundle's shared libraries worth stripping (none from auditwheel's folders)."""
    out = []
    for path in sorted(dist.rglob("*.so*")):
        if not path.is_file() or path.is_symlink() or path.stat().st_size < MIN_SIZE:
            continue
        if any(part.endswith(".libs") for part in path.relative_to(dist).parts):
            continue
        out.append(path)
    return out


def unloadable(paths: list[Path]) -> set[Path] | None:
    """Those of `paths` that dlopen refuses; None if the probe itself died (trust nothing)."""
    if not paths:
        return set()
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        return None
    return {Path(line) for line in done.stdout.splitlines() if line.strip()}


def strip_bundle(dist: Path) -> tuple[int, int]:
    """Strip in place; returns (bytes saved, libraries restored)."""
    tool = shutil.which("strip")
    if tool is None or not sys.platform.startswith("linux"):
        return 0, 0
    paths = candidates(dist)
    before_bad = unloadable(paths)
    if before_bad is None:
        return 0, 0
    size_before = sum(p.stat().st_size for p in paths)
    with tempfile.TemporaryDirectory(prefix="strip-") as tmp:
        keep = Path(tmp)
        originals: dict[Path, Path] = {}
        for i, path in enumerate(paths):
            saved = keep / f"{i}"
            shutil.copy2(path, saved)
            originals[path] = saved
            if subprocess.run([tool, "--strip-unneeded", str(path)], check=False).returncode:
                shutil.copy2(saved, path)
        after_bad = unloadable(paths)
        # What would not load before cannot be checked after: it keeps its symbols too.
        broken = set(paths) if after_bad is None else after_bad | before_bad
        for path in broken:
            shutil.copy2(originals[path], path)
    saved_bytes = size_before - sum(p.stat().st_size for p in paths)
    return saved_bytes, len(broken)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: strip_bundle.py DIST_FOLDER", file=sys.stderr)
        return 2
    saved, restored = strip_bundle(Path(args[0]))
    print(
        f"strip: {saved / 1e6:.1f} MB saved; kept whole (would not load stripped, or could "
        f"not be checked): {restored}"
    )
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    raise SystemExit(main())
