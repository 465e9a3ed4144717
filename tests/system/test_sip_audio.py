"""Call audio through a real sound server: pjsua2 → HeadsetPort → PortAudio → PulseAudio null sink
→ its monitor → PortAudio → HeadsetPort → recorder; the tone must come back at its pitch."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from hardware.audio import load_sounddevice
from hardware.sip.audio_bridge import RATE, HeadsetPort, HeadsetStream, probe_headset
from tests.helpers.pulse import null_sink  # noqa: F401 (a fixture)
from tests.helpers.sipp import dominant_hz, pj_endpoint, read_wav, rms, write_wav

pytestmark = pytest.mark.slow


@pytest.mark.usefixtures("null_sink")
def test_a_call_tone_goes_round_the_headset_and_back(tmp_path: Path) -> None:
    import pjsua2 as pj

    sd = load_sounddevice()
    # PortAudio lists devices when it starts: start it again now that the server runs.
    sd._terminate()
    sd._initialize()
    if "pulse" not in [d["name"] for d in sd.query_devices()]:
        pytest.skip("PortAudio has no 'pulse' device (libasound2-plugins missing)")
    assert probe_headset("pulse") == ""
    t = np.arange(3 * RATE) / RATE
    tone = write_wav(
        tmp_path / "tone.wav", (0.5 * 32767 * np.sin(2 * np.pi * 1000 * t)).astype(np.int16)
    )
    with pj_endpoint() as ep:
        port = HeadsetPort()
        stream = HeadsetStream(port, "pulse")
        player = pj.AudioMediaPlayer()
        recorder = pj.AudioMediaRecorder()
        try:
            player.createPlayer(str(tone), pj.PJMEDIA_FILE_NO_LOOP)
            recorder.createRecorder(str(tmp_path / "heard.wav"))
            stream.open()
            player.startTransmit(port)  # "the caller" into the headset's speaker
            port.startTransmit(recorder)  # the headset's microphone (the sink's monitor) out
            # PulseAudio's first capture from a new monitor may stall for a second or two: wait
            # (at most 6 s) until the tone comes back, then count losses over 1 s of steady run.
            steady = -1
            for i in range(300):
                ep.libHandleEvents(20)
                if steady < 0 and port.input_rms > 0.05:
                    steady = i
                    for ring in (port.to_headset, port.from_headset):
                        ring.dropped = ring.missing = 0
                if steady >= 0 and i - steady >= 50:
                    break
            assert steady >= 0, "the tone never came back through the sink's monitor"
        finally:
            stream.close()
            counts = {
                "to_headset.dropped": port.to_headset.dropped,
                "to_headset.missing": port.to_headset.missing,
                "from_headset.dropped": port.from_headset.dropped,
                "from_headset.missing": port.from_headset.missing,
                "status": stream.status_flags,
            }
            # Gone before the library is, even when the test fails (a traceback keeps its
            # frames' locals, and a pjsua2 object freed after libDestroy aborts the process).
            del player, recorder, stream, port
            for _ in range(5):  # the bridge removes the ports on its clock thread
                ep.libHandleEvents(20)
    heard, rate = read_wav(tmp_path / "heard.wav")
    settled = heard[-int(0.8 * rate) :]  # the steady second's end
    assert rms(settled) > 0.05, "the monitor's audio reached the recorder"
    assert dominant_hz(settled, rate) == pytest.approx(1000.0, abs=10.0)
    # Over the steady second the rings kept up: a frame or two may go to clock drift.
    assert counts["to_headset.dropped"] <= 2 * 320, counts
    assert counts["from_headset.missing"] <= 5 * 320, counts
