"""`console verify`, `console evidence export` and the bundle's own verifier, run as users do."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from console.startup import EXIT_CHECK_FAILED, EXIT_OK, EXIT_REFUSED
from core.recording import Segment
from data.audit import iter_audit
from data.migrate import open_database
from data.services.recordings import DbRecordingSink
from tests.helpers.cli import run_cli
from tests.helpers.evidence_segments import make_clip, make_segments
from video.evidence import ExportRequest, export_bundle

SYSTEM_PYTHON = Path("/usr/bin/python3")
# The oldest Python the verifier promises to run on, where this machine has one (pyenv).
PYTHON_38 = sorted(Path.home().glob(".pyenv/versions/3.8*/bin/python3"))
T0 = datetime(2026, 11, 30, 2, 0, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[Segment]]]:
    base = tmp_path_factory.mktemp("rec")
    segments = {
        cam: make_segments(make_clip(base / "clips", cam, 8, n), base / "root", cam, T0)
        for n, cam in enumerate(("CAM01", "CAM02"), 1)
    }
    return base / "root", segments


@pytest.fixture(scope="module")
def bundle(
    recording: tuple[Path, dict[str, list[Segment]]], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    root, segments = recording
    out = tmp_path_factory.mktemp("bundle") / "evidence-42"
    export_bundle(
        ExportRequest(
            cameras=("CAM01", "CAM02"),
            start=T0 + timedelta(seconds=1.5),
            end=T0 + timedelta(seconds=6.5),
            operator="sup1",
            workstation="CC",
            reason="派出所调取",
            tool_version="test",
            incident_id=42,
        ),
        segments,
        root,
        out,
        signing_key=Ed25519PrivateKey.generate(),
    )
    return out


def damaged(bundle: Path, tmp_path: Path, victim: str) -> Path:
    out = Path(shutil.copytree(bundle, tmp_path / "copy"))
    data = bytearray((out / victim).read_bytes())
    data[len(data) // 3] ^= 0x04
    (out / victim).write_bytes(bytes(data))
    return out


def system_verifier(
    bundle: Path, *args: str, python: Path = SYSTEM_PYTHON
) -> subprocess.CompletedProcess[str]:
    """The bundle's own verifier under the system Python, isolated (-I: no site-packages, no
    environment, no current folder on the path): it needs nothing of the console's."""
    if not python.exists():
        pytest.skip(f"no Python at {python}")
    return subprocess.run(
        [str(python), "-I", "verify_bundle.py", ".", *args],
        cwd=bundle,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )


def test_the_bundles_own_verifier_runs_on_a_bare_system_python(
    bundle: Path, tmp_path: Path
) -> None:
    good = system_verifier(bundle)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "VERIFIED" in good.stdout
    fp = next(line for line in good.stdout.splitlines() if "fingerprint" in line).split(": ")[-1]
    assert system_verifier(bundle, "--fingerprint", fp).returncode == 0
    assert system_verifier(bundle, "--fingerprint", "ffff " * 4).returncode == 1
    elsewhere = subprocess.run(
        [str(SYSTEM_PYTHON), "-I", str(bundle / "verify_bundle.py"), str(bundle)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )
    assert elsewhere.returncode == 0, elsewhere.stdout + elsewhere.stderr
    bad = system_verifier(damaged(bundle, tmp_path, "video/CAM02/002_20261130T020004Z.mp4"))
    assert bad.returncode == 1
    assert "ALTERED 已被改动: video/CAM02/002_20261130T020004Z.mp4" in bad.stdout
    assert "FAILED" in bad.stdout


@pytest.mark.skipif(not PYTHON_38, reason="no Python 3.8 on this machine")
def test_the_bundles_own_verifier_runs_on_python_3_8(bundle: Path, tmp_path: Path) -> None:
    good = system_verifier(bundle, python=PYTHON_38[0])
    assert good.returncode == 0, good.stdout + good.stderr
    assert "signature 签名:     Ed25519, valid" in good.stdout
    bad = system_verifier(damaged(bundle, tmp_path, "manifest.json"), python=PYTHON_38[0])
    assert bad.returncode == 1
    assert "manifest.json" in bad.stdout


def test_console_verify_names_what_is_wrong(bundle: Path, tmp_path: Path) -> None:
    good = run_cli(tmp_path, "verify", str(bundle))
    assert good.returncode == EXIT_OK, good.stderr
    assert "VERIFIED" in good.stdout
    assert "CAM01, CAM02" in good.stdout
    bad = damaged(bundle, tmp_path, "verify_bundle.py")
    (bad / "timeline.txt").write_text("planted", encoding="utf-8")
    (bad / "README.txt").unlink()
    done = run_cli(tmp_path, "verify", str(bad), "--json")
    assert done.returncode == EXIT_CHECK_FAILED
    found = {(p["kind"], p["path"]) for p in json.loads(done.stdout)["problems"]}
    assert found == {
        ("altered", "verify_bundle.py"),
        ("extra", "timeline.txt"),
        ("missing", "README.txt"),
    }


def test_console_verify_of_what_is_no_bundle_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "not-a-bundle"
    folder.mkdir()
    done = run_cli(tmp_path, "verify", str(folder))
    assert done.returncode == EXIT_CHECK_FAILED
    assert "is not an evidence bundle: no manifest.json" in done.stderr
    (folder / "manifest.json").write_text("{", encoding="utf-8")
    done = run_cli(tmp_path, "verify", str(folder))
    assert done.returncode == EXIT_CHECK_FAILED
    assert "not valid JSON" in done.stderr


def _audit_details(url: str) -> list[tuple[str, str]]:
    db = open_database(url)
    try:
        with db.session() as s:
            return [(r.action, r.detail) for r in iter_audit(s)]
    finally:
        db.dispose()


@pytest.mark.slow
def test_evidence_export_from_the_database_is_signed_verified_and_audited(
    recording: tuple[Path, dict[str, list[Segment]]], tmp_path: Path
) -> None:
    root, segments = recording
    url = f"sqlite:///{tmp_path / 'c.db'}"
    base = ["--db", url, "--keys", str(tmp_path / "keys")]
    assert run_cli(tmp_path, *base, "demo", "--population", "0").returncode == EXIT_OK
    added = run_cli(
        tmp_path, *base, "user", "add", "sup1", "--role", "supervisor", stdin="Evidence-pass-42\n"
    )
    assert added.returncode == EXIT_OK, added.stderr
    added = run_cli(
        tmp_path, *base, "user", "add", "op1", "--role", "operator", stdin="Operator-pass-42\n"
    )
    assert added.returncode == EXIT_OK, added.stderr
    db = open_database(url)
    try:
        sink = DbRecordingSink(db, "test:1")
        for rows in segments.values():
            for seg in rows:
                seg_id = sink.segment_opened(seg.camera, seg.start, seg.path, "h264")
                sink.segment_closed(seg_id, seg.end, seg.bytes, seg.sha256, seg.state)
    finally:
        db.dispose()
    # Times without an offset are the site's (Asia/Shanghai: UTC+8).
    args = [
        *base,
        "evidence",
        "export",
        "--camera",
        "CAM01",
        "--camera",
        "CAM02",
        "--from",
        "2026-11-30T10:00:01.500",
        "--to",
        "2026-11-30T10:00:06.500",
        "--root",
        str(root),
        "--reason",
        "派出所调取 case 2026-118",
    ]
    refused = run_cli(
        tmp_path,
        *args,
        "--out",
        str(tmp_path / "x"),
        "--user",
        "op1",
        "--reason",
        "",
        stdin="Operator-pass-42\n",
    )
    assert refused.returncode == EXIT_REFUSED, refused.stdout + refused.stderr
    assert not (tmp_path / "x").exists()
    out = tmp_path / "usb" / "evidence-1"
    out.parent.mkdir()
    done = run_cli(tmp_path, *args, "--out", str(out), "--user", "sup1", stdin="Evidence-pass-42\n")
    assert done.returncode == EXIT_OK, done.stdout + done.stderr
    assert "signed; key fingerprint" in done.stdout
    assert "MB (100 %)" in done.stdout  # the progress line
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["requested"]["start"] == "2026-11-30T02:00:01.500+00:00"
    assert manifest["operator"] == "sup1"
    assert [v["cut"] for v in manifest["video"]] == [True, True, True, True]
    digest = next(line for line in done.stdout.splitlines() if "manifest SHA-256" in line)
    sha = digest.split()[2]
    exported = [d for a, d in _audit_details(url) if a == "evidence_exported"]
    assert len(exported) == 1
    assert json.loads(exported[0])["manifest_sha256"] == sha
    assert system_verifier(out).returncode == 0
    again = run_cli(tmp_path, *args, "--out", str(out), "--user", "sup1", stdin="x\n")
    assert again.returncode != EXIT_OK
    assert "never overwritten" in again.stderr
    assert [p.name for p in out.parent.iterdir()] == ["evidence-1"]
