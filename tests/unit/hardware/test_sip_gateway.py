"""PjsuaGateway without a peer: start and stop, a port in use, no headset, a dial that cannot go."""

from __future__ import annotations

import socket
from pathlib import Path
from types import SimpleNamespace

from core.calls import (
    CallChanged,
    CallCommandFailed,
    CallEnd,
    CallGateway,
    CallPhase,
    GatewayState,
)
from hardware.sip.pjsua import PjsuaGateway
from tests.helpers.sipp import Events, free_udp_port


def stopped(gw: PjsuaGateway) -> None:
    gw.stop()
    gw.interrupt()
    assert gw.join(5.0)


def test_starts_listening_and_stops(tmp_path: Path) -> None:
    events = Events()
    port = free_udp_port()
    gw = PjsuaGateway(events, recordings_dir=tmp_path, port=port, audio=False)
    check: CallGateway = gw
    assert check is gw
    assert gw.name == "sip"
    gw.start()
    try:
        state = events.wait_for(GatewayState, lambda s: True)
        assert state.online
        assert state.detail.startswith(f"udp 127.0.0.1:{port}, direct line")
        assert state.registered is None
        assert gw.alive
    finally:
        stopped(gw)
    assert not gw.alive
    assert events.of(GatewayState)[-1].online is False
    assert events.of(GatewayState)[-1].detail == "stopped"


def test_a_port_in_use_is_a_clear_offline_state(tmp_path: Path) -> None:
    events = Events()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        gw = PjsuaGateway(events, recordings_dir=tmp_path, port=port, audio=False)
        gw.start()
        try:
            state = events.wait_for(GatewayState, lambda s: True)
        finally:
            stopped(gw)
    assert not state.online
    assert state.detail == f"udp 127.0.0.1:{port}: address in use"


def test_without_a_sound_device_it_says_no_headset(tmp_path: Path) -> None:
    events = Events()
    no_devices = SimpleNamespace(query_devices=lambda: [])
    gw = PjsuaGateway(
        events,
        recordings_dir=tmp_path,
        port=free_udp_port(),
        sounddevice=lambda: no_devices,  # type: ignore[arg-type,return-value]
    )
    gw.start()
    try:
        state = events.wait_for(GatewayState, lambda s: True)
    finally:
        stopped(gw)
    assert state.online
    assert state.detail.endswith("direct line, no headset")


def test_a_dial_with_nowhere_to_go_fails_at_once(tmp_path: Path) -> None:
    events = Events()
    gw = PjsuaGateway(events, recordings_dir=tmp_path, port=free_udp_port(), audio=False)
    gw.start()
    try:
        call_id = gw.dial("13800138000")
        ended = events.wait_for(
            CallChanged, lambda e: e.call.call_id == call_id and e.call.phase == CallPhase.ENDED
        )
        gw.answer("no-such-call")  # ignored, logged
        gw.hang_up(call_id)  # gone already: ignored
    finally:
        stopped(gw)
    assert ended.call.end == CallEnd.FAILED
    failed = events.of(CallCommandFailed)
    assert [(f.call_id, f.command) for f in failed] == [(call_id, "dial")]
    assert "no registrar, domain or peer" in failed[0].detail


def test_helpers_read_headers_hosts_errors_and_wav_headers(tmp_path: Path) -> None:
    from hardware.sip import pjsua

    msg = "INVITE sip:x SIP/2.0\r\nf: <sip:1@h>;tag=1\r\nCall-ID: abc\r\n\r\nFrom: body"
    assert pjsua._header(msg, "From", "f") == "<sip:1@h>;tag=1"
    assert pjsua._header(msg, "Call-ID", "i") == "abc"
    assert pjsua._header(msg, "To", "t") == ""
    assert pjsua._uri_host("<sip:u@10.0.0.5:5070;ob>") == "10.0.0.5:5070"
    assert pjsua._uri_host("sip:pbx.example") == "pbx.example"
    err = SimpleNamespace(reason="transportCreate: Address already in use (PJ_STATUS...)")
    assert pjsua._pj_reason(err) == "address in use"
    assert pjsua._pj_reason(SimpleNamespace(reason="something odd")) == "something odd"
    wav = tmp_path / "x.wav"
    wav.write_bytes(b"RIFF\x00\x00\x00\x00WAVE")
    assert not pjsua._wav_closed(wav)  # pjmedia writes the sizes when it closes the file
    wav.write_bytes(b"RIFF\x24\x00\x00\x00WAVE")
    assert pjsua._wav_closed(wav)
    assert pjsua._wav_closed(tmp_path / "missing.wav")
