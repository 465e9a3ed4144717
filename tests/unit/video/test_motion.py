"""MotionDetector on synthetic BGRA frames (numpy) and on frames decoded from a generated clip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np
import pytest

from core.motion import MotionMask, MotionSettings
from video.clips import ClipSpec, ensure_clip
from video.motion import MotionDetector, MotionResult

W, H = 320, 180
STEP = 0.25  # 4 Hz, the default analysis rate


def _scene(rng: np.random.Generator, noise: float = 3.0) -> np.ndarray:
    """A textured grey street (the same every frame) plus fresh sensor noise."""
    base = np.full((H, W), 90.0)
    base[H // 2 :, :] = 60.0  # a road
    base += np.sin(np.arange(W) / 7.0)[None, :] * 10  # texture that must not count as motion
    frame = base + rng.normal(0.0, noise, (H, W))
    grey = np.clip(frame, 0, 255).astype(np.uint8)
    return np.ascontiguousarray(np.dstack([grey, grey, grey, np.full_like(grey, 255)]))


def _with_box(
    frame: np.ndarray, x: int, y: int, w: int = 40, h: int = 30, level: int = 200
) -> np.ndarray:
    out = frame.copy()
    out[y : y + h, x : x + w, :3] = level
    return out


def _run(
    detector: MotionDetector, frames: Iterator[np.ndarray] | list[np.ndarray], t0: float = 0.0
) -> list[MotionResult]:
    return [detector.process(f, t0 + i * STEP) for i, f in enumerate(frames)]


def _moving_box(n: int, seed: int = 1, y: int = 110, **box: int) -> Iterator[np.ndarray]:
    rng = np.random.default_rng(seed)
    for i in range(n):
        frame = _scene(rng)
        # The first two frames are empty street: the detector learns the background.
        yield frame if i < 2 else _with_box(frame, 10 + 12 * i, y, **box)


def test_a_moving_box_is_found_where_it_is() -> None:
    detector = MotionDetector()
    results = _run(detector, _moving_box(12))
    assert not any(r.motion for r in results[:2])
    assert all(r.motion for r in results[2:])
    last = results[-1].regions[0]
    box_x = (10 + 12 * 11) / W
    # The largest region covers the box's current place (and the ghost where it just was).
    assert last.x <= box_x <= last.x + last.w
    assert last.y <= 110 / H <= last.y + last.h
    assert 0 < results[-1].score < 0.2
    events = [i for i, r in enumerate(results) if r.event]
    assert events == [2 + detector.settings.persist_frames - 1]


def test_static_noise_raises_nothing_even_when_sensitive() -> None:
    rng = np.random.default_rng(7)
    for sensitivity in (50, 90):
        detector = MotionDetector(MotionSettings(sensitivity=sensitivity))
        results = _run(detector, [_scene(rng, noise=4.0) for _ in range(40)])
        assert [r for r in results if r.motion] == []
        assert detector.events == 0


def test_a_single_flicker_is_not_an_event() -> None:
    rng = np.random.default_rng(3)
    frames = [_scene(rng) for _ in range(10)]
    frames[5] = _with_box(frames[5], 100, 100)
    results = _run(MotionDetector(), frames)
    assert results[5].motion  # seen ...
    assert not any(r.active or r.event for r in results)  # ... but not persistent


def test_ignored_area_suppresses_motion_inside_it_only() -> None:
    road = ((0.0, 0.5), (1.0, 0.5), (1.0, 1.0), (0.0, 1.0))
    detector = MotionDetector(MotionSettings(mask=MotionMask(ignore=(road,))))
    assert not any(r.motion or r.event for r in _run(detector, _moving_box(12)))
    # The same mask does not hide a box moving above the road.
    detector = MotionDetector(MotionSettings(mask=MotionMask(ignore=(road,))))
    assert any(r.event for r in _run(detector, _moving_box(12, y=20)))


def test_watch_area_limits_detection_to_it() -> None:
    sky = ((0.0, 0.0), (1.0, 0.0), (1.0, 0.4), (0.0, 0.4))
    detector = MotionDetector(MotionSettings(mask=MotionMask(watch=(sky,))))
    assert not any(r.motion for r in _run(detector, _moving_box(12)))  # the box is on the road
    detector.set_mask(MotionMask())
    detector.reset()
    assert any(r.event for r in _run(detector, _moving_box(12), t0=100))


def test_sensitivity_decides_whether_a_small_faint_object_counts() -> None:
    faint = {"w": 12, "h": 10, "level": 85}  # 25 grey levels above the road, 0.2 % of the frame

    def events(sensitivity: int) -> int:
        detector = MotionDetector(MotionSettings(sensitivity=sensitivity))
        _run(detector, _moving_box(12, **faint))
        return detector.events

    assert events(10) == 0
    assert events(90) == 1
    # Changed while running (the operator's slider): the next frames use it.
    detector = MotionDetector(MotionSettings(sensitivity=10))
    frames = list(_moving_box(16, **faint))
    assert not any(r.motion for r in _run(detector, frames[:8]))
    detector.set_sensitivity(90)
    assert any(r.event for r in _run(detector, frames[8:], t0=8 * STEP))


def test_cooldown_allows_one_event_per_period() -> None:
    settings = MotionSettings(cooldown_s=5.0, persist_frames=3)
    detector = MotionDetector(settings)
    rng = np.random.default_rng(5)
    frames = [_scene(rng)] + [
        _with_box(_scene(rng), 10 + (12 * i) % 260, 100) for i in range(1, 40)
    ]
    results = _run(detector, frames)  # 10 s of continuous motion at 4 Hz
    events = [i * STEP for i, r in enumerate(results) if r.event]
    assert events == [0.75, 5.75]  # active on the 3rd moving frame; then once per 5 s
    assert all(r.active for r in results[3:])


def test_whole_picture_change_resets_instead_of_raising() -> None:
    rng = np.random.default_rng(9)
    frames = [_scene(rng) for _ in range(4)]
    lights = [np.clip(_scene(rng).astype(np.int16) + 80, 0, 255).astype(np.uint8) for _ in range(6)]
    results = _run(MotionDetector(MotionSettings(persist_frames=1)), frames + lights)
    assert results[4].scene_change
    assert not any(r.event for r in results)


def test_rate_limit_and_resolution_change() -> None:
    detector = MotionDetector(MotionSettings(rate_hz=4.0))
    rng = np.random.default_rng(2)
    assert detector.due(0.0)
    detector.process(_scene(rng), 0.0)
    assert not detector.due(0.1)
    assert detector.due(0.25)
    # A different size (the camera's sub stream changed) starts a new background, no motion.
    big = np.zeros((360, 640, 4), np.uint8)
    assert not detector.process(big, 0.5).motion
    assert not detector.process(big, 0.75).motion
    with pytest.raises(ValueError, match="uint8"):
        detector.process(np.zeros((H, W), np.float32), 1.0)


@pytest.fixture(scope="module")
def street_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = ClipSpec("CAM-M1", width=W, height=H, seconds=3, seed=4)
    return ensure_clip(tmp_path_factory.mktemp("motion") / "street.h264", spec)


def _decoded(clip: Path, every: int) -> list[np.ndarray]:
    with av.open(str(clip)) as container:
        frames = [f.to_ndarray(format="bgra") for f in container.decode(video=0)]
    return [np.ascontiguousarray(f) for f in frames[::every]]


def test_decoded_street_clip_moves_on_the_road_only(street_clip: Path) -> None:
    frames = _decoded(street_clip, every=6)  # 25 fps analysed at ~4 Hz
    assert len(frames) >= 12
    # The burnt-in label and clock change every second: a typical area to ignore.
    header = ((0.0, 0.0), (1.0, 0.0), (1.0, 0.2), (0.0, 0.2))
    detector = MotionDetector(MotionSettings(mask=MotionMask(ignore=(header,))))
    results = _run(detector, frames)
    assert sum(r.motion for r in results[1:]) >= len(results) // 2
    assert detector.events == 1
    regions = [g for r in results for g in r.regions]
    # The boxes and lane marks move in the road band (55 %-85 % of the height).
    assert all(g.y + g.h > 0.45 for g in regions)
    # With the road ignored as well, nothing is left moving.
    road = ((0.0, 0.45), (1.0, 0.45), (1.0, 1.0), (0.0, 1.0))
    quiet = MotionDetector(MotionSettings(mask=MotionMask(ignore=(header, road))))
    assert not any(r.motion for r in _run(quiet, frames))
