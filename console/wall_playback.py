"""Tiles of the video wall that play recorded video: instant replay, pause, back to live."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject

from core.mailbox import LatestMailbox
from core.recording import Segment
from core.timefmt import local
from core.video import StreamKind, StreamState, StreamStatus, VideoFrame
from video.playback import PlaybackClock, PlaybackState, PlaybackStatus, PlaybackWorker
from widgets.video_wall import PlaybackOverlay

log = logging.getLogger(__name__)

REPLAY_SECONDS = 30.0


class PlaybackWords(QObject):
    """What a tile in playback says (one wording for the wall's replay and the playback pane)."""

    def overlay(
        self,
        camera: str,
        at: datetime,
        zone: str,
        status: PlaybackStatus | None,
        *,
        speed: float = 1.0,
        paused: bool = False,
        opening: bool = False,
    ) -> tuple[PlaybackOverlay, StreamStatus]:
        """The amber overlay (time, speed, paused) and the tile's state (its detail: tooltip)."""
        banner = self.tr("PLAYBACK {time}").format(time=local(at, zone).strftime("%H:%M:%S"))
        if speed != 1.0:
            banner += f" {speed:g}×"
        if paused or (status is not None and status.state is PlaybackState.PAUSED):
            banner += self.tr(" · paused")
        message: str | None = None
        if status is not None:
            if status.state is PlaybackState.GAP:
                message = self.tr("No recording here")
                if status.next_start is not None:
                    message = self.tr("No recording here; it resumes at {time}").format(
                        time=local(status.next_start, zone).strftime("%H:%M:%S")
                    )
            elif status.state is PlaybackState.END:
                message = self.tr("End of the recording")
            elif status.state is PlaybackState.ERROR:
                message = self.tr("The recording cannot be read here")
            elif status.state is PlaybackState.SEEKING and opening:
                message = self.tr("Opening the recording…")
            if status.keyframes_only:
                banner += self.tr(" · keyframes")
        detail = status.detail if status is not None else ""
        return PlaybackOverlay(banner, message), StreamStatus(
            camera, StreamKind.MAIN, StreamState.LIVE, detail=detail
        )


STOP_DEADLINE_S = 3.0


@dataclass(slots=True)
class TilePlay:
    """One tile's playback: its camera, clock and worker, and what it showed last."""

    tile: int
    camera: str
    gen: int
    clock: PlaybackClock
    worker: PlaybackWorker
    replay: bool  # an instant replay: back to live when it catches up with the recording
    status: PlaybackStatus | None = None
    shown_at: datetime | None = None  # the recorded time of the newest frame painted


class WallPlayback:
    """The wall's tiles in playback. GUI thread only, but for the workers' mailboxes."""

    def __init__(self, root: Path, frames: LatestMailbox[int, VideoFrame]) -> None:
        self.root = root
        self.frames = frames
        # Keyed by (tile, generation) so a replaced worker's last status cannot hide the new one's.
        self.statuses: LatestMailbox[tuple[int, int], PlaybackStatus] = LatestMailbox(
            max_keys=64, name="wall-playback"
        )
        self.tiles: dict[int, TilePlay] = {}
        self._stopping: list[PlaybackWorker] = []
        self._gen = 0

    def playing(self, tile: int) -> TilePlay | None:
        return self.tiles.get(tile)

    def start(
        self,
        tile: int,
        camera: str,
        at: datetime,
        segments: Sequence[Segment],
        size: tuple[int, int],
        *,
        replay: bool = False,
    ) -> TilePlay:
        """Play `camera`'s recording on `tile` from `at` (whatever the tile did before)."""
        self.stop(tile)
        self._gen += 1
        gen = self._gen
        clock = PlaybackClock(at)

        def on_status(status: PlaybackStatus) -> None:  # a worker thread: the mailbox only
            self.statuses.put((tile, gen), status)

        worker = PlaybackWorker(
            camera, segments, self.root, clock, size, self.frames, tile, on_status
        )
        play = TilePlay(tile, camera, gen, clock, worker, replay)
        self.tiles[tile] = play
        worker.start()
        clock.play()
        return play

    def toggle(self, tile: int) -> bool | None:
        """Pause or play on; True when it plays now, None for a live tile."""
        play = self.tiles.get(tile)
        return None if play is None else play.clock.toggle()

    def accepts(self, tile: int, frame: VideoFrame) -> bool:
        """Whether a frame from the shared mailbox is this tile's playback."""
        play = self.tiles.get(tile)
        return play is not None and frame.camera == play.camera and frame.recorded_at is not None

    def take_statuses(self) -> dict[int, PlaybackStatus]:
        """The newest status of each playing tile since the last call (stale ones dropped)."""
        out: dict[int, PlaybackStatus] = {}
        for (tile, gen), status in self.statuses.take().items():
            play = self.tiles.get(tile)
            if play is not None and play.gen == gen:
                play.status = status
                out[tile] = status
        return out

    def caught_up(self, tile: int) -> bool:
        """An instant replay that reached the end of the recording (live is next)."""
        play = self.tiles.get(tile)
        return (
            play is not None
            and play.replay
            and play.status is not None
            and play.status.state is PlaybackState.END
        )

    def set_size(self, tile: int, size: tuple[int, int]) -> None:
        play = self.tiles.get(tile)
        if play is not None:
            play.worker.set_size(*size)

    def stop(self, tile: int) -> bool:
        """Stop a tile's playback without waiting (the tick reaps the worker); True if it had."""
        play = self.tiles.pop(tile, None)
        if play is None:
            return False
        play.worker.stop()
        self._stopping.append(play.worker)
        self.frames.forget(tile)
        self.statuses.forget((tile, play.gen))
        return True

    def stop_all(self) -> list[int]:
        tiles = list(self.tiles)
        for tile in tiles:
            self.stop(tile)
        return tiles

    def reap(self) -> None:
        self._stopping = [w for w in self._stopping if w.alive]

    def shutdown(self, deadline: float = STOP_DEADLINE_S) -> list[str]:
        """Stop every worker and join them under one deadline; the names still running."""
        self.stop_all()
        workers, self._stopping = self._stopping, []
        end = time.monotonic() + deadline
        for w in workers:
            w.join(max(0.0, end - time.monotonic()))
        stuck = [w.name for w in workers if w.alive]
        if stuck:
            log.error("playback workers still running at exit: %s", ", ".join(stuck))
        return stuck
