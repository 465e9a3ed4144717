"""Evidence export of ~10 minutes of 4 cameras against `cp` of the same segment files."""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import tempfile
import time
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path

import av

from core.recording import Segment, segment_path
from video.clips import ClipSpec, ensure_clip
from video.evidence import ExportRequest, export_bundle
from video.verify_bundle import verify

FPS = 25
T0 = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
FRAGMENTED = {"movflags": "frag_keyframe+empty_moov+default_base_moof"}


def _segments(clip: Path, root: Path, camera: str, count: int, seconds: int) -> list[Segment]:
    """`count` fMP4 segments of `seconds`, each the clip's packets remuxed (not re-encoded)."""
    with av.open(str(clip)) as inp:
        vin = inp.streams.video[0]
        packets = [p for p in inp.demux(vin) if p.size]
        rows: list[Segment] = []
        for k in range(count):
            start = T0 + timedelta(seconds=k * seconds)
            rel = segment_path(camera, start)
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            with av.open(str(path), "w", format="mp4", options=FRAGMENTED) as out:
                stream = out.add_stream_from_template(vin)
                for i, packet in enumerate(packets[: seconds * FPS]):
                    packet.pts = packet.dts = i
                    packet.duration = 1
                    packet.time_base = Fraction(1, FPS)
                    packet.stream = stream
                    out.mux(packet)
            data = path.read_bytes()
            rows.append(
                Segment(
                    id=len(rows) + 1,
                    camera=camera,
                    start=start,
                    end=start + timedelta(seconds=seconds),
                    path=rel,
                    bytes=len(data),
                    sha256=hashlib.sha256(data).hexdigest(),
                )
            )
    return rows


def _dense_clip(path: Path, spec: ClipSpec) -> Path:
    """The clip's street picture with sensor-like noise, so that the encoder reaches a camera's
    bitrate (the plain synthetic picture compresses to a tenth of it)."""
    if path.exists():
        return path
    import numpy as np

    from video.clips import _frame

    rng = np.random.default_rng(spec.seed)
    phase = rng.uniform(0, 2 * np.pi, 3)
    noise = rng.integers(-12, 12, size=(8, spec.height, spec.width, 3), dtype=np.int16)
    tmp = path.with_name(path.name + ".part")
    with av.open(str(tmp), "w", format="h264") as out:
        stream = out.add_stream("libx264", rate=spec.fps)
        stream.width, stream.height = spec.width, spec.height
        stream.pix_fmt = "yuv420p"
        stream.bit_rate = spec.bitrate
        stream.options = {
            "preset": "ultrafast",
            "g": str(spec.gop),
            "keyint_min": str(spec.gop),
            "sc_threshold": "0",
            "bf": "0",
        }
        for i in range(int(spec.seconds * spec.fps)):
            img = (_frame(spec, i, phase).astype(np.int16) + noise[i % 8]).clip(0, 255)
            frame = av.VideoFrame.from_ndarray(img.astype(np.uint8), format="bgr24")
            frame.pts = i
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    tmp.rename(path)
    return path


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--cameras", type=int, default=4)
    p.add_argument("--minutes", type=int, default=10)
    p.add_argument("--bitrate", type=int, default=2_000_000, help="bits/s of the clips")
    p.add_argument("--work", type=Path, help="folder for clips, recordings and exports")
    p.add_argument("--dense", action="store_true", help="noisy clips at the full bitrate")
    args = p.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-evidence-"))
    clips = work / "clips"
    root = work / ("root-dense" if args.dense else "root")
    cameras = [f"CAM{n:02d}" for n in range(1, args.cameras + 1)]
    segments = {}
    t = time.perf_counter()
    for n, cam in enumerate(cameras):
        spec = ClipSpec(cam, width=1280, height=720, seconds=60, seed=n, bitrate=args.bitrate)
        if args.dense:
            clip = _dense_clip(clips / f"{cam}-{args.bitrate}-dense.h264", spec)
        else:
            clip = ensure_clip(clips / f"{cam}-{args.bitrate}.h264", spec)
        segments[cam] = _segments(clip, root, cam, args.minutes, 60)
    total = sum(s.bytes for rows in segments.values() for s in rows)
    print(
        f"made {sum(map(len, segments.values()))} segments, {total / 1e6:.0f} MB, "
        f"in {time.perf_counter() - t:.1f} s"
    )
    request = ExportRequest(
        cameras=tuple(cameras),
        start=T0 + timedelta(seconds=30.5),
        end=T0 + timedelta(minutes=args.minutes, seconds=-29.5),
        operator="bench",
        workstation="CC",
        reason="benchmark",
        tool_version="bench",
    )
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    sources = [root / s.path for rows in segments.values() for s in rows]
    for run in range(2):
        out = work / f"export-{run}"
        t = time.perf_counter()
        result = export_bundle(request, segments, root, out, signing_key=key)
        export_s = time.perf_counter() - t
        t = time.perf_counter()
        report = verify(out)
        verify_s = time.perf_counter() - t
        assert report.ok
        copy = work / f"cp-{run}"
        copy.mkdir()
        t = time.perf_counter()
        subprocess.run(["cp", *map(str, sources), str(copy)], check=True)
        subprocess.run(["sync", "-f", str(copy)], check=True)
        cp_s = time.perf_counter() - t
        print(
            f"run {run}: export {export_s:.2f} s ({result.bytes / 1e6:.0f} MB written, "
            f"{result.bytes / 1e6 / export_s:.0f} MB/s, includes its own verify), "
            f"verify alone {verify_s:.2f} s, cp+sync of all {total / 1e6:.0f} MB source bytes "
            f"{cp_s:.2f} s ({total / 1e6 / cp_s:.0f} MB/s)"
        )
        shutil.rmtree(out)
        shutil.rmtree(copy)
    if args.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
