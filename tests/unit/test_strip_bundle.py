"""tools/strip_bundle.py: libraries lose their symbols and still load; auditwheel's are left."""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from pathlib import Path

import bitarray
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from strip_bundle import candidates, strip_bundle

pytestmark = pytest.mark.skipif(shutil.which("strip") is None, reason="binutils' strip is missing")


def test_a_library_is_stripped_and_still_loads_and_wheel_libraries_are_left(
    tmp_path: Path,
) -> None:
    source = next(Path(bitarray.__file__).parent.glob("_bitarray*.so"))
    mine = tmp_path / "pkg" / source.name
    theirs = tmp_path / "numpy.libs" / source.name
    for target in (mine, theirs):
        target.parent.mkdir()
        shutil.copy2(source, target)
    size = source.stat().st_size
    assert candidates(tmp_path) == [mine]
    saved, restored = strip_bundle(tmp_path)
    assert restored == 0
    assert saved == size - mine.stat().st_size > 0
    assert theirs.stat().st_size == size
    ctypes.CDLL(str(mine), mode=os.RTLD_LAZY)  # still a loadable library


def test_a_library_that_would_not_load_keeps_its_symbols(tmp_path: Path) -> None:
    source = next(Path(bitarray.__file__).parent.glob("_bitarray*.so"))
    fake = tmp_path / "pkg" / "broken.so"
    fake.parent.mkdir()
    fake.write_bytes(b"\x7fELF" + b"\0" * (80 * 1024))  # a header and nothing loadable
    good = tmp_path / "pkg" / source.name
    shutil.copy2(source, good)
    before = fake.read_bytes()
    _, restored = strip_bundle(tmp_path)
    assert restored == 1
    assert fake.read_bytes() == before
    assert good.stat().st_size < source.stat().st_size
