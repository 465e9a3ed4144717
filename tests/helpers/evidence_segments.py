"""Recorded segments for evidence tests: generated clips remuxed into fMP4 segments as recorded."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from fractions import Fraction
from pathlib import Path

import av

from core.recording import Segment, segment_path
from video.clips import ClipSpec, ensure_clip

FPS = 25
FRAGMENTED = {"movflags": "frag_keyframe+empty_moov+default_base_moof"}


def make_clip(folder: Path, camera: str, seconds: float, seed: int) -> Path:
    """A small H.264 clip with a keyframe every second (made once per folder)."""
    spec = ClipSpec(camera, width=320, height=180, seconds=seconds, seed=seed, gop=FPS)
    return ensure_clip(folder / f"{camera}.h264", spec)


def make_segments(
    clip: Path, root: Path, camera: str, start: datetime, seconds: float = 4.0, first_id: int = 1
) -> list[Segment]:
    """Remux `clip` without decoding into fMP4 segments of `seconds` under `root` (as the
    recorder writes them) and return their index rows."""
    per_segment = round(seconds * FPS)
    rows: list[Segment] = []
    out: av.container.OutputContainer | None = None
    stream = None
    seg_start = start
    count = 0

    def close() -> None:
        assert out is not None
        out.close()
        path = root / rel
        data = path.read_bytes()
        rows.append(
            Segment(
                id=first_id + len(rows),
                camera=camera,
                start=seg_start,
                end=seg_start + timedelta(seconds=count / FPS),
                path=rel,
                bytes=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                codec="h264",
            )
        )

    with av.open(str(clip)) as inp:
        vin = inp.streams.video[0]
        index = 0
        for packet in inp.demux(vin):
            if packet.size == 0:
                continue
            if index % per_segment == 0:
                assert packet.is_keyframe, "segments start at a keyframe"
                if out is not None:
                    close()
                seg_start = start + timedelta(seconds=index / FPS)
                rel = segment_path(camera, seg_start)
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                out = av.open(str(root / rel), "w", format="mp4", options=FRAGMENTED)
                stream = out.add_stream_from_template(vin)
                count = 0
            packet.pts = packet.dts = count
            packet.duration = 1
            packet.time_base = Fraction(1, FPS)
            packet.stream = stream
            assert out is not None
            out.mux(packet)
            count += 1
            index += 1
    if out is not None:
        close()
    return rows
