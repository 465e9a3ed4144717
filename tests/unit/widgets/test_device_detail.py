"""detail_text: a device's detail with the console's own phrases in the UI's language.

The details are made by the adapters themselves wherever that is cheap (a reader thread over
loop:// or TCP, the LLRP emulator, the JT/T 808 and DC-09 servers on 127.0.0.1, pjsua on a free
port), else by the functions that write them; a few are spelled out as the code formats them.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from console.call_line import start_line
from console.i18n import Translations
from core.alarm_plan import silent_detail
from core.calls import LINE_OFF_FOR_RUN, GatewayState
from core.tracking import LinkState
from hardware.alarms.dc09 import Dc09Receiver
from hardware.sip.audio_bridge import probe_headset
from hardware.sip.pjsua import PjsuaGateway, _pj_reason
from hardware.sip.sim import SimulatedGateway
from hardware.tracking.jt808_server import Jt808Server, _Terminal
from hardware.tracking.link import (
    Link,
    LinkLost,
    LinkRunner,
    ParserStats,
    SocketLink,
    open_link,
)
from hardware.tracking.llrp import KNOWN_TYPES, LlrpOptions, LlrpReader, LlrpSplitter, status_of
from tests.helpers.jt808_terminal import Jt808Terminal
from tests.helpers.llrp_emulator import LlrpReaderEmulator
from tests.helpers.sipp import Events, free_udp_port
from video.recorder.camera import CameraCounters, RecState
from video.recorder.engine import _link_detail
from widgets.device_detail import detail_text


def check(t: Translations, chinese: dict[str, str]) -> None:
    """Each detail reads as its Chinese in the Chinese UI and unchanged in the English one."""
    assert chinese
    assert t.switch("zh_CN")
    assert {d: detail_text(d) for d in chinese} == chinese
    assert t.switch("en")
    assert {d: detail_text(d) for d in chinese} == {d: d for d in chinese}


def links(events: Events) -> list[str]:
    return [e.detail for e in events.of(LinkState)]


def wait_detail(events: Events, pred: Callable[[str], bool]) -> str:
    return events.wait_for(LinkState, lambda s: pred(s.detail), timeout=10.0).detail


def free_tcp_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as s:
        return int(s.getsockname()[1])


class _Frames:
    """A parser that makes every read one frame."""

    def __init__(self) -> None:
        self.stats = ParserStats()
        self.buffered = 0

    def feed(self, data: bytes) -> list[bytes]:
        self.stats.frames += 1
        return [data]


def _runner(url: str, events: Events, **kwargs: Any) -> LinkRunner[bytes]:
    return LinkRunner(
        "t:R1", "R1", url, _Frames, None, events, backoff_initial=0.05, backoff_max=0.1, **kwargs
    )


def _stopped(worker: Any) -> None:
    worker.stop()
    worker.interrupt()
    assert worker.join(5.0)


# --- serial and TCP readers, NMEA trackers (hardware/tracking/link.py) ----------------------


def test_a_reader_link_over_tcp(translations: Translations) -> None:
    events = Events()
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(5.0)
        port = server.getsockname()[1]
        address = f"tcp://127.0.0.1:{port}"
        runner = _runner(address, events)
        assert runner.state().detail == "not started"
        runner.start()
        try:
            peer, _ = server.accept()
            connected = wait_detail(events, lambda d: d.endswith("connected"))
            peer.close()
            lost = wait_detail(events, lambda d: "link lost" in d)
            wait_detail(events, lambda d: d.endswith("connected") and d != lost)
        finally:
            _stopped(runner)
    assert connected == f"{address} connected"
    assert lost == f"{address}: link lost: peer closed"
    assert links(events)[-1] == "stopped"
    check(
        translations,
        {
            "not started": "未启动",
            connected: f"{address} 已连接",
            lost: f"{address}：链路中断：对端已关闭连接",
            "stopped": "已停止",
        },
    )


def test_a_silent_link_and_a_bug_in_a_hook(translations: Translations) -> None:
    silent_events, bug_events = Events(), Events()
    silent = _runner("loop://", silent_events, silence_timeout=0.1)
    silent.start()
    try:
        went_silent = wait_detail(silent_events, lambda d: "silent" in d)
    finally:
        _stopped(silent)

    def boom(frames: list[bytes], link: Link) -> None:
        raise RuntimeError("boom")

    class Echo(LinkRunner[bytes]):
        def on_open(self, link: Link) -> None:
            link.write(b"x")  # loop:// reads back what is written: a frame for `boom`

    buggy = Echo("t:R2", "R2", "loop://", _Frames, boom, bug_events, backoff_initial=5.0)
    buggy.start()
    try:
        bug = wait_detail(bug_events, lambda d: "internal" in d)
    finally:
        _stopped(buggy)
    assert went_silent == "loop://: link lost: silent for 0.1 s"
    assert links(silent_events)[0] == "loop:// connected"
    assert bug == "loop://: internal error: RuntimeError('boom')"
    check(
        translations,
        {
            "loop:// connected": "loop:// 已连接",
            went_silent: "loop://：链路中断：0.1 秒无数据",
            bug: "loop://：内部错误：RuntimeError('boom')",
        },
    )


def test_a_link_that_cannot_be_opened(translations: Translations, tmp_path: Path) -> None:
    port = free_tcp_port()
    with pytest.raises(LinkLost) as refused:
        open_link(f"tcp://127.0.0.1:{port}", connect_timeout=2.0)
    device = str(tmp_path / "ttyUSB9")
    with pytest.raises(LinkLost) as missing:
        open_link(device)
    # The runner shows the LinkLost as it is; what follows "cannot ...:" is the OS's.
    cannot_connect, cannot_open = str(refused.value), str(missing.value)
    why_connect = cannot_connect.split("cannot connect: ", 1)[1]
    why_open = cannot_open.split("cannot open: ", 1)[1]
    assert why_connect
    assert why_open
    check(
        translations,
        {
            cannot_connect: f"tcp://127.0.0.1:{port}：无法连接：{why_connect}",
            cannot_open: f"{device}：无法打开：{why_open}",
        },
    )


def test_an_address_the_site_file_got_wrong(translations: Translations) -> None:
    urls = ("foo://x", "tcp://h", "serial://", "serial:///dev/x?baud=fast")
    details = []
    for url in urls:
        events = Events()
        runner = _runner(url, events)
        runner.start()
        try:
            assert runner.join(5.0)
        finally:
            _stopped(runner)
        assert links(events)[-1] == "stopped"
        details.append(links(events)[0])
    assert details == [
        "foo://x: cannot open 'foo://x': unknown scheme 'foo'",
        "tcp://h: expected host:port in 'tcp://h'",
        "serial://: no device in 'serial://'",
        "serial:///dev/x: bad baud rate in 'serial:///dev/x?baud=fast'",
    ]
    check(
        translations,
        dict(
            zip(
                details,
                [
                    "foo://x：无法打开 'foo://x'：未知协议 'foo'",
                    "tcp://h：'tcp://h' 应为“主机:端口”格式",
                    "serial://：'serial://' 中未指定设备",
                    "serial:///dev/x：'serial:///dev/x?baud=fast' 中的波特率无效",
                ],
                strict=True,
            )
        ),
    )


def test_a_link_closed_or_that_cannot_be_written(translations: Translations) -> None:
    a, b = socket.socketpair()
    with a, b:
        link = SocketLink(a, "tcp://10.0.0.9:4001", 0.1)
        a.shutdown(socket.SHUT_WR)
        with pytest.raises(LinkLost) as write:
            link.write(b"x")
        link.close()
        with pytest.raises(LinkLost) as closed:
            link.read_some()
    # As LinkRunner._serve says a lost link: the reason without the address it starts with.
    prefix = "tcp://10.0.0.9:4001: "
    write_lost = prefix + "link lost: " + str(write.value).removeprefix(prefix)
    closed_lost = prefix + "link lost: " + str(closed.value).removeprefix(prefix)
    error = str(write.value).split("write failed: ", 1)[1]
    assert closed_lost == "tcp://10.0.0.9:4001: link lost: closed"
    check(
        translations,
        {
            write_lost: f"tcp://10.0.0.9:4001：链路中断：写入失败：{error}",
            closed_lost: "tcp://10.0.0.9:4001：链路中断：已关闭",
        },
    )


# --- LLRP readers (hardware/tracking/llrp.py) -----------------------------------------------

_FAST = LlrpOptions(
    keepalive_s=0.1,
    response_timeout_s=0.3,
    connect_timeout_s=1.0,
    backoff_min_s=0.05,
    backoff_max_s=0.1,
    tick_s=0.05,
)


def _llrp(address: str, events: Events) -> LlrpReader:
    reader = LlrpReader("R7", address, lambda read: True, events, options=_FAST)
    reader.start()
    return reader


def test_an_llrp_reader_that_reads_then_breaks_and_closes(translations: Translations) -> None:
    events = Events()
    with LlrpReaderEmulator() as emulator:
        a = emulator.address
        reader = _llrp(a, events)
        try:
            wait_detail(events, lambda d: d == f"{a}: reading")
            emulator.send_bytes(b"\x1c" + bytes(9))  # a header of LLRP version 7
            broken = wait_detail(events, lambda d: "stream broken" in d)
            assert emulator.wait_connections(2)
            # The second session reads again (its states come after the broken one's).
            events.wait_until(
                lambda: f"{a}: reading" in links(events)[links(events).index(broken) :]
            )
            emulator.drop()
            closed = wait_detail(events, lambda d: "closed" in d)
        finally:
            _stopped(reader)
    assert broken == f"{a}: stream broken (unknown LLRP version 7), reconnecting"
    assert links(events)[0] == f"{a}: connected, setting up"
    assert links(events)[-1] == f"{a}: stopped"
    check(
        translations,
        {
            f"{a}: connected, setting up": f"{a}：已连接，正在设置",
            f"{a}: reading": f"{a}：正在读取",
            broken: f"{a}：数据流损坏（未知的 LLRP 版本 7），正在重连",
            closed: f"{a}：读卡器关闭了连接",
            f"{a}: stopped": f"{a}：已停止",
        },
    )


def test_an_llrp_reader_that_fails_its_setup_or_goes_quiet(translations: Translations) -> None:
    quiet_events, refusing_events, mute_events, hung_events = Events(), Events(), Events(), Events()
    with LlrpReaderEmulator(keepalives=False) as quiet:
        reader = _llrp(quiet.address, quiet_events)
        try:
            no_keepalive = wait_detail(quiet_events, lambda d: "keepalive" in d)
        finally:
            _stopped(reader)
    with LlrpReaderEmulator(refuse=frozenset({"ADD_ROSPEC"})) as refusing:
        reader = _llrp(refusing.address, refusing_events)
        try:
            refused = wait_detail(refusing_events, lambda d: "refused" in d)
        finally:
            _stopped(reader)
    with LlrpReaderEmulator(ignore=frozenset({"SET_READER_CONFIG"})) as hung:
        reader = _llrp(hung.address, hung_events)
        try:
            unanswered = wait_detail(hung_events, lambda d: "no answer" in d)
        finally:
            _stopped(reader)
    with socket.create_server(("127.0.0.1", 0)) as mute:  # accepts, never says a word
        m = f"llrp://127.0.0.1:{mute.getsockname()[1]}"
        reader = _llrp(m, mute_events)
        try:
            no_event = wait_detail(mute_events, lambda d: "no answer" in d)
        finally:
            _stopped(reader)
    q, r, h = quiet.address, refusing.address, hung.address
    assert no_keepalive == f"{q}: no keepalive for 0.2 s"
    assert refused == f"{r}: ADD_ROSPEC refused: R_DeviceError"
    assert unanswered == f"{h}: no answer to SET_READER_CONFIG within 0.3 s"
    assert no_event == f"{m}: no answer to the connection event within 0.3 s"
    check(
        translations,
        {
            no_keepalive: f"{q}：0.2 秒未收到心跳",
            refused: f"{r}：ADD_ROSPEC 被拒绝：R_DeviceError",
            unanswered: f"{h}：0.3 秒内未收到对 SET_READER_CONFIG 的应答",
            no_event: f"{m}：0.3 秒内未收到连接事件",
        },
    )


def test_llrp_phrases_made_without_a_session(translations: Translations) -> None:
    from pyllrp import pyllrp as llrp

    problems = []
    # Headers with reserved bits set, a KEEPALIVE of 3 bytes, a message type 999.
    for header in (b"\xe4\x00", b"\x04\x3e", b"\x07\xe7"):
        splitter = LlrpSplitter(known_types=KNOWN_TYPES)
        splitter.feed(header + (3).to_bytes(4, "big") + bytes(4))
        assert splitter.broken is not None
        problems.append(splitter.broken)
    _ok, no_status = status_of(llrp.ADD_ROSPEC_RESPONSE_Message(MessageID=1))
    a = "llrp://10.0.0.5"
    status = "Failed_Reader_Initiated_Connection_Already_Exists"
    no_llrp_status = "应答中没有 LLRPStatus"
    # As LlrpReader._run and _session word them (a session needs a reader to misbehave so).
    broken = [f"{a}: stream broken ({p}), reconnecting" for p in problems]
    most = LlrpSplitter().max_message
    check(
        translations,
        {
            broken[0]: f"{a}：数据流损坏（报头保留位被置位（0xe4）），正在重连",
            broken[1]: f"{a}：数据流损坏（消息长度 3 超出 10..{most}），正在重连",
            broken[2]: f"{a}：数据流损坏（未知的消息类型 999），正在重连",
            f"{a}: ADD_ROSPEC refused: {no_status}": f"{a}：ADD_ROSPEC 被拒绝：{no_llrp_status}",
            f"{a}: the reader refused the connection: {status}": f"{a}：读卡器拒绝了连接：{status}",
            f"{a}: the reader is closing the connection": f"{a}：读卡器正在关闭连接",
            f"{a}: stopped while connecting": f"{a}：连接时已停止",
            f"{a}: connect timed out": f"{a}：连接超时",
            f"{a}: send failed: [Errno 32] Broken pipe": f"{a}：发送失败：[Errno 32] Broken pipe",
            f"{a}: read failed: [Errno 104] Connection reset by peer": (
                f"{a}：读取失败：[Errno 104] Connection reset by peer"
            ),
            f"{a}: internal error: KeyError(7)": f"{a}：内部错误：KeyError(7)",
            "stopped": "已停止",
        },
    )


def test_an_llrp_reader_nobody_answers_keeps_the_os_words(translations: Translations) -> None:
    events = Events()
    address = f"llrp://127.0.0.1:{free_tcp_port()}"
    reader = _llrp(address, events)
    try:
        refused = wait_detail(events, lambda d: d != "" and "stopped" not in d)
    finally:
        _stopped(reader)
    assert refused.startswith(f"{address}: ")  # the OS's strerror, e.g. "Connection refused"
    assert translations.switch("zh_CN")
    assert detail_text(refused) == refused


# --- the JT/T 808 server and its terminals (hardware/tracking/jt808_server.py) --------------


def _peer(term: Jt808Terminal) -> str:
    assert term.sock is not None
    host, port = term.sock.getsockname()[:2]
    return f"{host}:{port}"


def test_the_jt808_server_and_its_terminals(translations: Translations) -> None:
    events = Events()
    server = Jt808Server(lambda fix: True, events, host="127.0.0.1", port=0)
    server.start()
    try:
        port = server.port
        assert port is not None
        listening = server.state().detail
        with Jt808Terminal("013800138001") as gone:
            gone.connect(port)
            gone.register()
            gone.authenticate()
            left = _peer(gone)
            authenticated = wait_detail(events, lambda d: d.endswith("authenticated"))
        closed = wait_detail(events, lambda d: d.endswith("connection closed"))
        with Jt808Terminal("013800138002") as quitting:
            quitting.connect(port)
            quitting.register()
            quitting.authenticate()
            quit_from = _peer(quitting)
            data, _serial = quitting.frame(0x0003, b"")  # logout
            quitting.send(data)
            quitting.read_reply()
            logged_out = wait_detail(events, lambda d: d.endswith("logged out"))
    finally:
        _stopped(server)
    assert listening == f"tcp 127.0.0.1:{port}"
    assert authenticated == f"{left} authenticated"
    assert closed == f"{left}: connection closed"
    assert logged_out == f"{quit_from}: logged out"
    assert server.state().detail == "stopped"
    check(
        translations,
        {
            listening: f"tcp 127.0.0.1:{port} 监听中",
            authenticated: f"{left} 已认证",
            closed: f"{left}：连接已关闭",
            logged_out: f"{quit_from}：已注销",
            _Terminal("013800138003").detail: "从未连接",
            # hardware/netserver.py: an idle connection, a failed one.
            f"{left}: silent for {180.0:.0f} s": f"{left}：180 秒无数据",
            f"{left}: connection error (Connection reset by peer)": (
                f"{left}：连接错误（Connection reset by peer）"
            ),
        },
    )


def test_a_server_whose_port_is_taken_keeps_the_os_reason(translations: Translations) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        server = Jt808Server(lambda fix: True, Events(), host="127.0.0.1", port=port)
        server.start()
        try:
            failed = server.state().detail
        finally:
            _stopped(server)
    why = failed.split(" failed: ", 1)[1]
    assert failed == f"tcp 127.0.0.1:{port} failed: {why}"
    check(translations, {failed: f"tcp 127.0.0.1:{port} 监听失败：{why}"})


# --- the DC-09 alarm receiver (hardware/alarms/dc09.py) -------------------------------------


def test_the_alarm_receiver(translations: Translations) -> None:
    receiver = Dc09Receiver(
        {}, lambda event: True, Events(), host="127.0.0.1", tcp_port=0, udp_port=0
    )
    not_open = receiver.state().detail
    receiver.start()
    try:
        tcp, udp = receiver.tcp_port, receiver.udp_port
        listening = receiver.state().detail
    finally:
        _stopped(receiver)
    assert not_open == "tcp 127.0.0.1:0 failed: not open, udp 127.0.0.1:0 failed: not open"
    assert listening == f"tcp 127.0.0.1:{tcp}, udp 127.0.0.1:{udp}"
    assert receiver.state().detail == "stopped"
    check(
        translations,
        {
            not_open: "tcp 127.0.0.1:0 监听失败：未打开，udp 127.0.0.1:0 监听失败：未打开",
            listening: f"tcp 127.0.0.1:{tcp} 监听中，udp 127.0.0.1:{udp} 监听中",
            f"tcp 0.0.0.0:{tcp} failed: Address already in use, udp 0.0.0.0:{udp}": (
                f"tcp 0.0.0.0:{tcp} 监听失败：Address already in use，udp 0.0.0.0:{udp} 监听中"
            ),
        },
    )


# --- the SIP line (hardware/sip, console/call_line.py) --------------------------------------


def test_the_sip_line_starts_and_stops(translations: Translations, tmp_path: Path) -> None:
    events = Events()
    port = free_udp_port()
    gw = PjsuaGateway(
        events,
        recordings_dir=tmp_path,
        port=port,
        audio=False,
        registrar="127.0.0.1:9",
        user="8001",
        domain="pbx.example.org",
    )
    gw.start()
    try:
        started = events.wait_for(GatewayState, lambda s: True).detail
    finally:
        _stopped(gw)
    who = "registering as 8001@pbx.example.org"
    assert started == f"udp 127.0.0.1:{port}, {who}, no headset (audio off)"
    assert events.of(GatewayState)[-1].detail == "stopped"
    check(
        translations,
        {
            started: f"udp 127.0.0.1:{port} 监听中，正在注册为 8001@pbx.example.org，"
            "无耳麦（音频已关闭）",
            "stopped": "已停止",
        },
    )


def test_a_sip_port_in_use(translations: Translations, tmp_path: Path) -> None:
    events = Events()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        gw = PjsuaGateway(events, recordings_dir=tmp_path, port=port, audio=False)
        gw.start()
        try:
            failed = events.wait_for(GatewayState, lambda s: True).detail
        finally:
            _stopped(gw)
    assert failed == f"udp 127.0.0.1:{port}: address in use"
    check(translations, {failed: f"udp 127.0.0.1:{port} 监听失败：地址已被占用"})


def test_the_sip_lines_registration_and_headset(translations: Translations, tmp_path: Path) -> None:
    events = Events()
    gw = PjsuaGateway(
        events,
        recordings_dir=tmp_path,
        port=5070,
        registrar="pbx.example.org",
        user="8001",
        domain="pbx.example.org",
    )
    # pjsua's registration callbacks, as the SIP thread calls them (nothing started).
    gw._on_reg_state(None, SimpleNamespace(code=200, expiration=300, reason="OK"))
    gw._on_reg_state(None, SimpleNamespace(code=403, expiration=0, reason="Forbidden"))
    registered, refused = (s.detail for s in events.of(GatewayState))
    assert registered == "udp 127.0.0.1:5070, registered as 8001@pbx.example.org"
    assert refused == "udp 127.0.0.1:5070, not registered as 8001@pbx.example.org: 403 Forbidden"

    def sounddevice(*devices: dict[str, Any]) -> Any:
        return lambda: SimpleNamespace(query_devices=lambda: list(devices))

    def broken() -> Any:
        raise OSError("PortAudio not initialized")

    speaker = {"name": "Speaker", "max_input_channels": 0, "max_output_channels": 2}
    none = probe_headset(None, sounddevice())
    unknown = probe_headset("USB Headset", sounddevice(speaker))
    one_way = probe_headset("Speaker", sounddevice(speaker))
    failing = probe_headset(None, broken)
    assert probe_headset("Speaker", sounddevice({**speaker, "max_input_channels": 1})) == ""
    # As the gateway joins its parts: transport, registration, headset.
    line = "udp 127.0.0.1:5070, direct line, "
    zh = "udp 127.0.0.1:5070 监听中，直连线路，"
    check(
        translations,
        {
            registered: "udp 127.0.0.1:5070 监听中，已注册为 8001@pbx.example.org",
            refused: "udp 127.0.0.1:5070 监听中，未能注册为 8001@pbx.example.org：403 Forbidden",
            line + none: zh + "无耳麦",
            line + unknown: zh + "无耳麦：没有名为 USB Headset 的设备",
            line + one_way: zh + "无耳麦：Speaker 不同时具备输入和输出",
            line + failing: zh + "无耳麦：PortAudio not initialized",
        },
    )


def test_the_sip_line_cannot_start(translations: Translations) -> None:
    reasons = [
        _pj_reason(SimpleNamespace(reason="Address already in use (PJ_STATUS=120098)")),
        _pj_reason(SimpleNamespace(reason="Cannot assign requested address")),
        _pj_reason(SimpleNamespace(reason="Permission denied")),
    ]
    events = Events()

    def factory(sink: Any) -> Any:
        raise ImportError("No module named 'pjsua2'")

    assert start_line(factory, events, lambda worker: worker, "PH1") is None
    (not_built,) = (s.detail for s in events.of(GatewayState))
    SimulatedGateway(events).start()
    simulated = events.of(GatewayState)[-1].detail
    check(
        translations,
        {
            # As PjsuaGateway._run words a stack that did not start, and one whose loop failed.
            f"cannot start the SIP stack: {reasons[0]}": "无法启动 SIP 协议栈：地址已被占用",
            f"cannot start the SIP stack: {reasons[1]}": "无法启动 SIP 协议栈：本机没有此地址",
            f"cannot start the SIP stack: {reasons[2]}": (
                "无法启动 SIP 协议栈：权限不足（端口低于 1024？）"
            ),
            "stopped after an error: boom": "出错后已停止：boom",
            not_built: "无法启动 SIP 线路：No module named 'pjsua2'",
            LINE_OFF_FOR_RUN: "本次运行未启用电话线路",
            simulated: "模拟线路",
        },
    )


# --- simulated readers (console/tracking_runtime.py) ----------------------------------------


def test_a_simulated_reader(translations: Translations) -> None:
    check(translations, {"simulated": "模拟"})


# --- what the recorder and the alarm supervision write in Chinese ---------------------------


def test_the_recorders_and_supervisions_chinese_reads_in_english_too(
    translations: Translations,
) -> None:
    def camera(state: RecState, error: str = "") -> str:
        return _link_detail(CameraCounters("C1", state=state, last_error=error))

    refused = "ConnectionRefusedError: [Errno 111] Connection refused"
    english = {
        camera(RecState.RECORDING): "recording",
        camera(RecState.WRONG_CREDENTIALS): "wrong user name or password",
        camera(RecState.OFFLINE): "cannot connect",
        # video/recorder/camera.py: an FFmpeg open that timed out.
        camera(RecState.OFFLINE, f"no answer within {10.0:g} s"): (
            "cannot connect: no answer within 10 s"
        ),
        camera(RecState.OFFLINE, refused): f"cannot connect: {refused}",
        silent_detail(None, "Asia/Shanghai"): "no link test received",
        silent_detail(datetime(2026, 12, 1, 2, 42, tzinfo=UTC), "Asia/Shanghai"): (
            "no link test since 10:42"
        ),
    }
    assert "录像中" in english
    assert "10:42 起未收到链路测试" in english
    assert translations.switch("en")
    assert {d: detail_text(d) for d in english} == english
    assert translations.switch("zh_CN")
    chinese = {d: detail_text(d) for d in english}
    assert chinese == {d: d for d in english} | {
        camera(RecState.OFFLINE, "no answer within 10 s"): "无法连接：10 秒内无应答"
    }


# --- what is not the console's own ----------------------------------------------------------


@pytest.mark.parametrize(
    "detail",
    [
        "",
        "[Errno 111] Connection refused",
        "llrp://10.0.0.5:5084: Connection refused",
        "Address already in use",
        "403 Forbidden",
        "127.0.0.1:40000:",  # a JT/T 808 terminal's peer when its server stopped
        "udp 0.0.0.0:5060 no such transport",
        "simulated reader",
        "Stopped",
        "门禁维修中",
        "reader R7 is being repaired, back on Monday",
    ],
)
def test_text_it_does_not_know_is_kept(translations: Translations, detail: str) -> None:
    assert translations.switch("zh_CN")
    assert detail_text(detail) == detail
    assert translations.switch("en")
    assert detail_text(detail) == detail


def test_the_os_words_inside_a_phrase_are_kept(translations: Translations) -> None:
    assert translations.switch("zh_CN")
    text = detail_text("/dev/ttyUSB0: link lost: device reports readiness to read")
    assert text == "/dev/ttyUSB0：链路中断：device reports readiness to read"
    # A comma inside the registrar's reason splits nothing.
    assert detail_text("udp 1.2.3.4:5060, not registered as a@b: 500 Oops, try later") == (
        "udp 1.2.3.4:5060 监听中，未能注册为 a@b：500 Oops, try later"
    )
