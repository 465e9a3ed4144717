"""Evidence bundles: keyframe cuts without re-encoding, hashes, signature, atomic writing."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import shutil
import stat
import sys
import tempfile
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import av
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from core.recording import Gap, GapCause, Segment, SegmentState
from tests.helpers.evidence_segments import FPS, make_clip, make_segments
from video import verify_bundle
from video.evidence import (
    BundleExists,
    EvidenceError,
    ExportCancelled,
    ExportRequest,
    ExportResult,
    SourceError,
    export_bundle,
)
from video.verify_bundle import (
    BAD_MANIFEST,
    BAD_SIGNATURE,
    NOT_A_BUNDLE,
    WRONG_KEY,
    ed25519_verify,
    verify,
)

T0 = datetime(2026, 11, 30, 2, 0, 0, tzinfo=UTC)
CAMERAS = ("CAM01", "CAM02")


class Recording:
    """Two cameras, three 4 s segments each (12 s from T0), a keyframe every second."""

    def __init__(self, root: Path, segments: dict[str, list[Segment]]) -> None:
        self.root = root
        self.segments = segments

    def copy(self, to: Path) -> Recording:
        shutil.copytree(self.root, to)
        return Recording(to, {k: list(v) for k, v in self.segments.items()})


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> Recording:
    base = tmp_path_factory.mktemp("recording")
    root = base / "root"
    segments: dict[str, list[Segment]] = {}
    for n, camera in enumerate(CAMERAS):
        clip = make_clip(base / "clips", camera, seconds=12, seed=n + 1)
        segments[camera] = make_segments(clip, root, camera, T0, seconds=4, first_id=1 + 10 * n)
    return Recording(root, segments)


@pytest.fixture(scope="module")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def request(start: float = 2.5, end: float = 9.5, **kw: object) -> ExportRequest:
    fields: dict[str, object] = {
        "cameras": CAMERAS,
        "start": T0 + timedelta(seconds=start),
        "end": T0 + timedelta(seconds=end),
        "operator": "duty-officer 张",
        "workstation": "CC",
        "reason": "派出所调取 request of the police station",
        "tool_version": "0.1.0",
        "incident_id": 42,
    }
    fields.update(kw)
    return ExportRequest(**fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def bundle(
    recording: Recording, key: Ed25519PrivateKey, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, ExportResult]:
    out = tmp_path_factory.mktemp("export") / "bundle"
    result = export_bundle(
        request(
            timeline=({"at": T0, "event": "报警 call received", "by": "operator"},),
        ),
        recording.segments,
        recording.root,
        out,
        gaps={"CAM02": [Gap(1, "CAM02", T0 + timedelta(seconds=20), None, GapCause.ERROR)]},
        signing_key=key,
    )
    return out, result


def fresh(bundle: tuple[Path, ExportResult], tmp_path: Path) -> Path:
    """A copy of the module's bundle that a test may damage."""
    return Path(shutil.copytree(bundle[0], tmp_path / "copy"))


def packets(path: Path) -> list[tuple[int, bool, bytes]]:
    with av.open(str(path)) as c:
        s = c.streams.video[0]
        return [
            (int(p.pts * s.time_base * FPS), p.is_keyframe, bytes(p)) for p in c.demux(s) if p.size
        ]


def decoded_frames(path: Path) -> int:
    with av.open(str(path)) as c:
        return sum(1 for _ in c.decode(video=0))


def test_export_cuts_at_keyframes_around_the_range_without_re_encoding(
    bundle: tuple[Path, ExportResult], recording: Recording, key: Ed25519PrivateKey
) -> None:
    out, result = bundle
    if os.name == "posix":  # video of people: its owner's alone, wherever it was written
        assert stat.S_IMODE(out.stat().st_mode) == 0o700
    manifest = json.loads((out / "manifest.json").read_bytes())
    assert (
        result.manifest_sha256 == hashlib.sha256((out / "manifest.json").read_bytes()).hexdigest()
    )
    assert manifest["requested"] == {
        "start": "2026-11-30T02:00:02.500+00:00",
        "end": "2026-11-30T02:00:09.500+00:00",
    }
    for camera in CAMERAS:
        videos = [v for v in manifest["video"] if v["camera"] == camera]
        sources = recording.segments[camera]
        assert [v["source"] for v in videos] == [s.path for s in sources]
        assert [v["cut"] for v in videos] == [True, False, True]
        first, middle, last = videos
        # The keyframe at or before 2.5 s is the one at 2 s; the first at or after 9.5 s, 10 s.
        assert first["start"] == "2026-11-30T02:00:02.000+00:00"
        assert last["end"] == "2026-11-30T02:00:10.000+00:00"
        assert first["file"] == f"video/{camera}/001_20261130T020002Z.mp4"
        assert (out / middle["file"]).read_bytes() == (
            recording.root / sources[1].path
        ).read_bytes()
        # Cut files decode cleanly and hold exactly the packets between the keyframes.
        assert decoded_frames(out / first["file"]) == 2 * FPS
        assert decoded_frames(out / last["file"]) == 2 * FPS
        src_first = packets(recording.root / sources[0].path)
        cut_first = packets(out / first["file"])
        assert cut_first[0][1]  # begins on a keyframe
        assert [p[2] for p in cut_first] == [p[2] for p in src_first[2 * FPS :]]
        src_last = packets(recording.root / sources[2].path)
        cut_last = packets(out / last["file"])
        assert [p[2] for p in cut_last] == [p[2] for p in src_last[: 2 * FPS]]
        assert all(v["source_sha256"] == s.sha256 for v, s in zip(videos, sources, strict=True))
    listed = {f["path"] for f in manifest["files"]}
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} - {
        "manifest.json",
        "manifest.sig",
    }
    assert listed == on_disk
    assert {
        "verify_bundle.py",
        "README.txt",
        "signer.pem",
        "timeline.csv",
        "timeline.json",
    } <= listed
    assert manifest["signer"]["fingerprint"] in (out / "signer.pem").read_text()
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key.public_key().verify(
        (out / "manifest.sig").read_bytes(), (out / "manifest.json").read_bytes()
    )
    assert result.key_fingerprint == verify_bundle.fingerprint(raw)
    assert manifest["operator"] == "duty-officer 张"
    assert manifest["incident_id"] == 42
    assert manifest["coverage"]["CAM02"]["gaps"] == []  # the gap lies outside the range
    assert manifest["coverage"]["CAM01"]["not_recorded"] == []
    report = verify(out)
    assert report.ok, report.lines()
    assert report.signature_valid
    assert report.key_fingerprint == result.key_fingerprint


def test_timeline_calls_and_holes_in_the_recording_go_into_the_bundle(
    recording: Recording, tmp_path: Path
) -> None:
    call = tmp_path / "call-0001.wav"
    call.write_bytes(b"RIFF" + bytes(range(256)) * 40)
    segments = {"CAM01": [recording.segments["CAM01"][0], recording.segments["CAM01"][2]]}
    gap = Gap(7, "CAM01", T0 + timedelta(seconds=4), T0 + timedelta(seconds=8), GapCause.DISK_FULL)
    result = export_bundle(
        request(
            0,
            12,
            cameras=("CAM01",),
            timeline=((T0, "到达 arrived"),),
            timeline_columns=("at", "event"),
            call_recordings=(call,),
        ),
        segments,
        recording.root,
        tmp_path / "b",
        gaps={"CAM01": [gap]},
    )
    out = result.path
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["signer"] is None
    assert not (out / "manifest.sig").exists()
    assert [v["cut"] for v in manifest["video"]] == [False, False]
    coverage = manifest["coverage"]["CAM01"]
    assert coverage["gaps"][0]["cause"] == "disk_full"
    assert coverage["not_recorded"] == [
        {"start": "2026-11-30T02:00:04.000+00:00", "end": "2026-11-30T02:00:08.000+00:00"}
    ]
    assert (out / "calls" / "call-0001.wav").read_bytes() == call.read_bytes()
    csv_text = (out / "timeline.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[1] == "2026-11-30T02:00:00.000+00:00,到达 arrived"
    assert (
        json.loads((out / "timeline.json").read_text(encoding="utf-8"))[0]["event"]
        == "到达 arrived"
    )
    report = verify(out)
    assert report.ok
    assert not report.signed


@pytest.mark.parametrize(
    "victim",
    [
        "video/CAM02/002_20261130T020004Z.mp4",
        "video/CAM01/001_20261130T020002Z.mp4",
        "timeline.csv",
        "verify_bundle.py",
        "README.txt",
        "signer.pem",
    ],
)
def test_one_flipped_bit_in_any_file_fails_and_names_it(
    bundle: tuple[Path, ExportResult], tmp_path: Path, victim: str
) -> None:
    out = fresh(bundle, tmp_path)
    path = out / victim
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    report = verify(out)
    assert not report.ok
    assert victim in report.altered
    assert any(victim in line and "ALTERED" in line for line in report.lines())


def test_a_flipped_bit_in_the_manifest_fails(
    bundle: tuple[Path, ExportResult], tmp_path: Path
) -> None:
    out = fresh(bundle, tmp_path)
    path = out / "manifest.json"
    data = bytearray(path.read_bytes())
    at = data.index(b'"reason"') + 12  # inside the reason's text: still valid JSON
    data[at] ^= 0x01
    path.write_bytes(bytes(data))
    report = verify(out)
    assert [(p.kind, p.path) for p in report.problems] == [(BAD_SIGNATURE, "manifest.json")]


def test_a_hand_edited_manifest_fails(
    bundle: tuple[Path, ExportResult], recording: Recording, tmp_path: Path
) -> None:
    # Signed: any edit breaks the signature, even one that keeps every file's hash right.
    out = fresh(bundle, tmp_path)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["reason"] = "something else"
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    assert (BAD_SIGNATURE, "manifest.json") in [(p.kind, p.path) for p in verify(out).problems]
    # Unsigned: a file swapped and its manifest entry edited to a made-up hash is named.
    plain = export_bundle(
        request(cameras=("CAM01",)), recording.segments, recording.root, tmp_path / "plain"
    ).path
    manifest = json.loads((plain / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["files"][-1]
    entry["sha256"] = "0" * 64
    (plain / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    assert verify(plain).altered == [entry["path"]]


def test_a_removed_signature_or_another_key_fails(
    bundle: tuple[Path, ExportResult], tmp_path: Path
) -> None:
    out = fresh(bundle, tmp_path)
    (out / "manifest.sig").unlink()
    assert verify(out).missing == ["manifest.sig"]
    good = bundle[0]
    fp = bundle[1].key_fingerprint
    assert fp is not None
    assert verify(good, expect_fingerprint=fp).ok
    assert verify(good, expect_fingerprint=fp.replace(" ", "")[:16]).ok
    other = verify(good, expect_fingerprint="0123 4567 89ab cdef")
    assert [p.kind for p in other.problems] == [WRONG_KEY]


def test_extra_and_missing_files_are_named(
    bundle: tuple[Path, ExportResult], tmp_path: Path
) -> None:
    out = fresh(bundle, tmp_path)
    (out / "video" / "CAM01" / "004_planted.mp4").write_bytes(b"not evidence")
    (out / "timeline.json").unlink()
    (out / "video" / "CAM01" / "Thumbs.db").write_bytes(b"x")
    report = verify(out)
    assert report.extra == ["video/CAM01/004_planted.mp4"]
    assert report.missing == ["timeline.json"]
    assert report.warnings == [
        "video/CAM01/Thumbs.db was added by a file browser (not part of the evidence)"
    ]
    text = "\n".join(report.lines())
    assert "EXTRA 多出: video/CAM01/004_planted.mp4" in text
    assert "MISSING 缺失: timeline.json" in text
    assert "FAILED" in text


def test_what_is_not_a_bundle_is_said_so(tmp_path: Path) -> None:
    assert [p.kind for p in verify(tmp_path / "nowhere").problems] == [NOT_A_BUNDLE]
    assert [p.kind for p in verify(tmp_path).problems] == [NOT_A_BUNDLE]
    (tmp_path / "manifest.json").write_text("{not json", encoding="utf-8")
    report = verify(tmp_path / "manifest.json")
    assert [p.kind for p in report.problems] == [BAD_MANIFEST]
    assert "not valid JSON" in report.problems[0].detail
    (tmp_path / "manifest.json").write_text('{"format": "x", "files": []}', encoding="utf-8")
    assert [p.kind for p in verify(tmp_path).problems] == [BAD_MANIFEST]
    # A manifest naming a file outside the bundle never makes the verifier read it.
    (tmp_path / "manifest.json").write_text(
        json.dumps(
            {
                "format": verify_bundle.FORMAT,
                "files": [{"path": "../outside", "bytes": 1, "sha256": "0" * 64}],
            }
        ),
        encoding="utf-8",
    )
    assert [(p.kind, p.path) for p in verify(tmp_path).problems] == [(BAD_MANIFEST, "../outside")]


def test_cancel_halfway_leaves_nothing(recording: Recording, tmp_path: Path) -> None:
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done * 2 >= total:
            cancel.set()

    with pytest.raises(ExportCancelled):
        export_bundle(
            request(0, 12),
            recording.segments,
            recording.root,
            tmp_path / "b",
            progress=progress,
            cancel=cancel,
        )
    assert seen
    assert seen[-1][0] < seen[-1][1]
    assert list(tmp_path.iterdir()) == []


def test_progress_reaches_the_total(recording: Recording, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export_bundle(
        request(),
        recording.segments,
        recording.root,
        tmp_path / "b",
        progress=lambda d, t: seen.append((d, t)),
    )
    done = [d for d, _ in seen]
    assert done == sorted(done)
    assert seen[-1][0] == seen[-1][1] > 0


@pytest.mark.parametrize("damage", ["missing", "truncated", "altered"])
def test_a_damaged_source_segment_is_named_and_leaves_no_bundle(
    recording: Recording, tmp_path: Path, damage: str
) -> None:
    rec = recording.copy(tmp_path / "root")
    seg = rec.segments["CAM02"][1]
    path = rec.root / seg.path
    if damage == "missing":
        path.unlink()
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[: seg.bytes // 2])
    else:
        data = bytearray(path.read_bytes())
        data[-100] ^= 0x10
        path.write_bytes(bytes(data))
    dest = tmp_path / "usb"
    dest.mkdir()
    with pytest.raises(SourceError) as err:
        export_bundle(request(), rec.segments, rec.root, dest / "b")
    message = str(err.value)
    assert seg.path in message
    assert {"missing": "missing", "truncated": "truncated", "altered": "SHA-256"}[damage] in message
    assert list(dest.iterdir()) == []


def test_an_existing_bundle_is_never_overwritten(
    bundle: tuple[Path, ExportResult], recording: Recording
) -> None:
    out = bundle[0]
    before = sorted(p.name for p in out.iterdir())
    with pytest.raises(BundleExists):
        export_bundle(request(), recording.segments, recording.root, out)
    assert sorted(p.name for p in out.iterdir()) == before
    assert [p for p in out.parent.iterdir() if ".partial-" in p.name] == []


def test_a_request_without_recordings_or_reason_is_refused(
    recording: Recording, tmp_path: Path
) -> None:
    with pytest.raises(EvidenceError, match="nothing was recorded"):
        export_bundle(request(100, 200), recording.segments, recording.root, tmp_path / "b")
    with pytest.raises(EvidenceError, match="reason"):
        export_bundle(request(reason=" "), recording.segments, recording.root, tmp_path / "b")
    assert list(tmp_path.iterdir()) == []


def test_pure_python_ed25519_agrees_with_cryptography() -> None:
    # RFC 8032, section 7.1, test 1 (the empty message).
    pk = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    sig = bytes.fromhex(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
        "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    )
    assert ed25519_verify(pk, b"", sig)
    assert not ed25519_verify(pk, b"x", sig)
    for n in range(8):
        key = Ed25519PrivateKey.generate()
        raw = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        message = os.urandom(n * 37)
        signature = key.sign(message)
        assert ed25519_verify(raw, message, signature)
        bad = bytearray(signature)
        bad[n * 7 % 64] ^= 1 << (n % 8)
        assert not ed25519_verify(raw, message, bytes(bad))
        assert not ed25519_verify(raw, message + b"!", signature)
        pem = key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        assert verify_bundle.public_key_from_pem(pem.decode()) == raw


def test_the_verifier_is_python_3_8_and_standard_library_only() -> None:
    source = Path(verify_bundle.__file__).read_text(encoding="utf-8")
    tree = ast.parse(source, feature_version=(3, 8))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported.add(node.module.split(".")[0])
    assert imported <= sys.stdlib_module_names | {"__future__"}, imported


def test_a_segment_still_being_written_is_exported_up_to_its_last_whole_fragment(
    recording: Recording, tmp_path: Path
) -> None:
    rec = recording.copy(tmp_path / "root")
    seg = rec.segments["CAM01"][2]
    path = rec.root / seg.path
    data = path.read_bytes()
    # The recorder is in the middle of writing a fragment: the file ends inside it.
    cut_at = data.rindex(b"moof") + 300
    path.write_bytes(data[:cut_at])
    writing = replace(
        seg, state=SegmentState.WRITING, bytes=0, sha256="", end=seg.start + timedelta(seconds=5)
    )
    result = export_bundle(
        request(9, 12, cameras=("CAM01",)),
        {"CAM01": [writing]},
        rec.root,
        tmp_path / "b",
    )
    (video,) = result.videos
    assert video.source_state is SegmentState.WRITING
    assert video.cut
    # From the keyframe at 9 s to the end of the last complete fragment (11 s).
    assert (video.start - T0, video.end - T0) == (timedelta(seconds=9), timedelta(seconds=11))
    assert decoded_frames(result.path / video.path) == 2 * FPS
    kept = [p[2] for p in packets(result.path / video.path)]
    assert kept == [p[2] for p in packets(recording.root / seg.path)[FPS : 3 * FPS]]
    manifest = json.loads((result.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["video"][0]["source_state"] == "writing"
    assert verify(result.path).ok


def test_the_bundle_may_go_to_another_file_system(recording: Recording) -> None:
    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == recording.root.stat().st_dev:
        pytest.skip("no second file system (tmpfs /dev/shm) to write to")
    with tempfile.TemporaryDirectory(dir=shm) as tmp:
        out = Path(tmp) / "usb-bundle"
        result = export_bundle(request(), recording.segments, recording.root, out)
        assert result.path == out
        assert verify(out).ok
        assert [p.name for p in Path(tmp).iterdir()] == ["usb-bundle"]


def test_an_unreadable_segment_is_named(recording: Recording, tmp_path: Path) -> None:
    junk = os.urandom(5000)
    (tmp_path / "root" / "CAM01").mkdir(parents=True)
    (tmp_path / "root" / "CAM01" / "junk.mp4").write_bytes(junk)
    seg = Segment(
        99,
        "CAM01",
        T0,
        T0 + timedelta(seconds=4),
        "CAM01/junk.mp4",
        len(junk),
        hashlib.sha256(junk).hexdigest(),
    )
    with pytest.raises(
        SourceError, match=r"segment 99 of CAM01 \(CAM01/junk\.mp4\) cannot be read"
    ):
        export_bundle(
            request(1, 3, cameras=("CAM01",)), {"CAM01": [seg]}, tmp_path / "root", tmp_path / "b"
        )
    assert not (tmp_path / "b").exists()
