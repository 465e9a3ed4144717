"""The headset bridge: ring buffers, and pjsua2's loop alone (player → HeadsetPort → recorder)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from hardware.audio import AudioUnavailable
from hardware.sip.audio_bridge import (
    RATE,
    RING_OFF_S,
    RING_ON_S,
    RING_TONE,
    HeadsetPort,
    HeadsetStream,
    RingBuffer,
    RingStream,
    probe_headset,
    ring_pattern,
)
from tests.helpers.sipp import dominant_hz, pj_endpoint, read_wav, rms, write_wav


def test_ring_buffer_wraps_and_keeps_order() -> None:
    rb = RingBuffer(8)
    rb.write(np.arange(6, dtype=np.int16))
    assert list(rb.read(4)) == [0, 1, 2, 3]
    rb.write(np.arange(6, 12, dtype=np.int16))  # wraps around the end
    assert len(rb) == 8
    assert list(rb.read(8)) == list(range(4, 12))
    assert rb.dropped == 0
    assert rb.missing == 0


def test_a_full_ring_buffer_drops_new_samples_and_an_empty_one_pads_with_silence() -> None:
    rb = RingBuffer(4)
    rb.write(np.array([1, 2, 3], dtype=np.int16))
    rb.write(np.array([4, 5, 6], dtype=np.int16))
    assert rb.dropped == 2
    assert list(rb.read(6)) == [1, 2, 3, 4, 0, 0]
    assert rb.missing == 2


def tone_wav(path: Path, freq: float, seconds: float) -> Path:
    t = np.arange(int(seconds * RATE)) / RATE
    return write_wav(path, (0.5 * 32767 * np.sin(2 * np.pi * freq * t)).astype(np.int16))


def run_loop(tmp_path: Path, *, input_gain: float) -> tuple[np.ndarray, SimpleNamespace]:
    """Player → port; what the port receives is fed straight back as its 'microphone';
    port → recorder. Returns the recording (the port's output) after ~1.2 s."""
    import pjsua2 as pj

    with pj_endpoint() as ep:
        port = HeadsetPort()
        player = pj.AudioMediaPlayer()
        recorder = pj.AudioMediaRecorder()
        try:
            port.input_gain = input_gain
            player.createPlayer(str(tone_wav(tmp_path / "tone.wav", 1000.0, 2.0)), 1)
            recorder.createRecorder(str(tmp_path / "out.wav"))
            player.startTransmit(port)
            port.startTransmit(recorder)
            for _ in range(60):  # pjmedia's clock thread runs the port; 60 x 20 ms
                port.from_headset.write(port.to_headset.read(len(port.to_headset)))
                ep.libHandleEvents(20)
            stats = SimpleNamespace(
                output_rms=port.output_rms, input_rms=port.input_rms, errors=port.errors
            )
        finally:
            # pjsua2 objects go before the library does, even when this fails: one freed
            # after libDestroy aborts the process. Deleting the recorder closes the WAV.
            # The player and the recorder go first and their disconnections are carried out
            # while the port still exists (as hardware/sip/pjsua.py does): released together,
            # the clock thread once called into the port after its attributes were gone.
            del player, recorder
            for _ in range(5):  # the bridge removes ports on its clock thread
                ep.libHandleEvents(20)
            del port
            for _ in range(5):
                ep.libHandleEvents(20)
    samples, rate = read_wav(tmp_path / "out.wav")
    assert rate == RATE
    return samples, stats


def test_pjsua2_loop_carries_the_tone(tmp_path: Path) -> None:
    samples, port = run_loop(tmp_path, input_gain=1.0)
    assert len(samples) > RATE // 2
    assert dominant_hz(samples, RATE) == pytest.approx(1000.0, abs=10.0)
    assert rms(samples) > 0.2  # a 0.5-peak sine is 0.35 RMS
    assert port.output_rms > 0.2  # the level meter saw the call audio
    assert port.errors == 0


def test_mute_sends_silence(tmp_path: Path) -> None:
    samples, port = run_loop(tmp_path, input_gain=0.0)
    assert rms(samples) < 1e-3
    assert port.input_rms == 0.0
    assert port.output_rms > 0.2  # the operator still hears the caller


def fake_sd(devices: list[dict[str, object]]) -> SimpleNamespace:
    def stream(**kwargs: object) -> object:
        raise ValueError(f"No input device matching {kwargs.get('device')!r}")

    return SimpleNamespace(query_devices=lambda: devices, Stream=stream)


def test_no_devices_means_no_headset() -> None:
    assert probe_headset(None, lambda: fake_sd([])) == "no headset"  # type: ignore[arg-type,return-value]

    def missing() -> object:
        raise AudioUnavailable("PortAudio is not available: libportaudio.so")

    assert probe_headset(None, missing).startswith("no headset: PortAudio")  # type: ignore[arg-type]
    duplex = {"name": "USB headset", "max_input_channels": 1, "max_output_channels": 2}
    assert probe_headset("USB headset", lambda: fake_sd([duplex])) == ""  # type: ignore[arg-type,return-value]
    assert "no device named" in probe_headset("Other", lambda: fake_sd([duplex]))  # type: ignore[arg-type,return-value]


def test_a_stream_that_cannot_open_says_no_headset() -> None:
    duplex = {"name": "USB headset", "max_input_channels": 1, "max_output_channels": 2}
    port = SimpleNamespace(to_headset=RingBuffer(8), from_headset=RingBuffer(8))
    stream = HeadsetStream(port, "USB headset", lambda: fake_sd([duplex]))  # type: ignore[arg-type,return-value]
    with pytest.raises(AudioUnavailable, match="no headset"):
        stream.open()
    assert not stream.is_open


def test_the_ring_is_two_tones_then_silence() -> None:
    pattern = ring_pattern(0.3).astype(np.float64) / 32768
    on = pattern[: int(RING_ON_S * RATE)]
    spectrum = np.abs(np.fft.rfft(on))
    freqs = np.fft.rfftfreq(len(on), 1 / RATE)
    peaks = sorted(float(freqs[i]) for i in np.argsort(spectrum)[-2:])
    assert peaks == pytest.approx(list(RING_TONE), abs=2.0)
    assert np.max(np.abs(on)) <= 0.31
    assert not np.any(pattern[int(RING_ON_S * RATE) :])
    assert len(pattern) == int((RING_ON_S + RING_OFF_S) * RATE)


def test_the_ring_stream_loops_and_a_missing_speaker_stays_silent() -> None:
    played: list[np.ndarray] = []
    opened: list[dict[str, object]] = []

    class Out:
        def __init__(self, **kwargs: object) -> None:
            opened.append(kwargs)
            self.callback = kwargs["callback"]

        def start(self) -> None:
            for _ in range(320):  # 320 blocks of 320 samples: over two periods of the ring
                out = np.zeros((320, 1), dtype=np.int16)
                self.callback(out, 320, None, None)
                played.append(out[:, 0].copy())

        def abort(self) -> None:
            pass

        def close(self) -> None:
            opened.append({"closed": True})

    ring = RingStream("Speakers", lambda: SimpleNamespace(OutputStream=Out))  # type: ignore[arg-type,return-value]
    ring.start()
    assert ring.ringing
    ring.start()  # already ringing: no second stream
    ring.stop()
    assert not ring.ringing
    assert [o.get("device") for o in opened] == ["Speakers", None]
    sound = np.concatenate(played)
    period = len(ring_pattern())
    assert np.array_equal(sound[:period], sound[period : 2 * period])  # it loops

    def gone() -> object:
        raise AudioUnavailable("PortAudio is not available")

    silent = RingStream(None, gone)  # type: ignore[arg-type]
    silent.start()
    assert not silent.ringing
    assert silent.error.startswith("no ring speaker")
    silent.stop()
