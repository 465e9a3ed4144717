"""The translation sources cover every UI string, and zh_CN leaves nothing unfinished."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out[(name, msg.findtext("source") or "")] = msg
    return out


def test_zh_cn_has_no_unfinished_or_empty_translation() -> None:
    msgs = _messages(TS_DIR / "console_zh_CN.ts")
    assert len(msgs) > 100
    bad = [
        src
        for (_ctx, src), m in msgs.items()
        if m.find("translation") is None
        or m.find("translation").get("type") in ("unfinished", "obsolete")  # type: ignore[union-attr]
        or not (m.findtext("translation") or "").strip()
    ]
    assert bad == []


# A role has one name in Chinese everywhere (widgets/labels.py): the indicators' pane called
# the supervisor 值班主任 while every other text says 值班长.
ROLE_WORDS = {"值班主任": "值班长", "操作员": "值班员", "管理人员": "管理员"}


def test_a_role_has_one_name_in_chinese() -> None:
    found = []
    for (_ctx, src), m in _messages(TS_DIR / "console_zh_CN.ts").items():
        translation = m.find("translation")
        if translation is None or translation.get("type") == "vanished":
            continue
        found += [(src, wrong) for wrong in ROLE_WORDS if wrong in (translation.text or "")]
    assert found == []


def test_placeholders_survive_translation() -> None:
    """A translated text must carry the same {names} as its source, or .format() fails."""
    import re

    for (_ctx, src), m in _messages(TS_DIR / "console_zh_CN.ts").items():
        want = sorted(re.findall(r"\{\w*\}", src))
        got = sorted(re.findall(r"\{\w*\}", m.findtext("translation") or ""))
        assert got == want, src


def test_every_source_string_is_in_the_ts_files(tmp_path: Path) -> None:
    """lupdate over the current sources finds nothing the committed .ts files lack."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if lupdate is None:
        pytest.fail("pyside6-lupdate not installed next to the interpreter")
    sources = sorted(str(p) for d in ("console", "widgets") for p in (ROOT / d).rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    missing = set(_messages(fresh)) - set(_messages(TS_DIR / "console_zh_CN.ts"))
    assert missing == set(), "run `make lupdate` and translate: " + repr(sorted(missing))


def test_qm_files_are_built() -> None:
    for lang in ("zh_CN", "en"):
        assert (TS_DIR / f"console_{lang}.qm").stat().st_size > 0


def test_every_translated_text_is_a_literal_lupdate_can_find() -> None:
    """lupdate reads only literal texts: `translate(ctx, some_variable)` or `self.tr(name)` in a
    helper would leave its strings out of the .ts files and English in the Chinese UI."""
    import ast

    found = []
    for folder in ("console", "widgets"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                    continue
                args = node.args
                owner = node.func.value
                is_app = isinstance(owner, ast.Name) and owner.id.endswith("Application")
                if node.func.attr == "translate" and is_app and len(args) >= 2:
                    text = args[1]
                elif node.func.attr == "tr" and args:
                    text = args[0]
                else:
                    continue
                if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
