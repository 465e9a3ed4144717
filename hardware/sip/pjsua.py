"""The SIP user agent over pjsua2: one thread `sip` owns pjlib and takes commands from a queue."""

from __future__ import annotations

import collections
import dataclasses
import itertools
import logging
import queue
import re
import secrets
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pjsua2 as pj

from core.calls import (
    MAX_CALLS,
    AudioLevel,
    CallChanged,
    CallCommandFailed,
    CallDirection,
    CallEnd,
    CallInfo,
    CallPhase,
    CallRefused,
    GatewayState,
)
from core.events import WorkerFailed
from core.ports import EventSink
from core.timefmt import utcnow
from hardware.audio import AudioUnavailable, load_sounddevice
from hardware.sip.audio_bridge import RATE, HeadsetPort, HeadsetStream, RingStream, probe_headset
from hardware.sip.callerid import caller_id, dial_string

log = logging.getLogger(__name__)

POLL_MS = 20  # libHandleEvents' wait: the longest a queued command waits
LEVEL_PERIOD_S = 0.1  # AudioLevel at most ~10/s
MEDIA_CHECK_S = 1.0
SHUTDOWN_PUMP_S = 1.0
CLOSE_WAIT_S = 0.5
SETTLE_FRAMES = 5  # 100 ms of bridge clock before libDestroy
RETRY_MIN_S, RETRY_MAX_S = 2.0, 60.0
FOREIGN_LOG_MAX = 1000
_CALL_FULL = re.compile(r"too many calls|maximum number of calls|PJSUA_MAX_CALLS", re.IGNORECASE)
_RX_INVITE = re.compile(r"^RX \d+ bytes Request msg INVITE", re.MULTILINE)


class _StartFailed(Exception):
    """pjsua could not start: the detail goes to GatewayState as it is."""


@dataclass
class _Line:
    """One call's mutable state; touched on the SIP thread only."""

    call: _Call
    info: CallInfo
    recorder: Any = None  # pj.AudioMediaRecorder once media flows
    media: Any = None  # the call's pj.AudioMedia while connected
    bridged: bool = False  # connected to the headset port
    answered: bool = False
    confirmed: bool = False
    ending: CallEnd | None = None  # why we ended it, when we did
    remote_hold: bool = False
    rx_packets: int = -1
    rx_since: float = 0.0  # monotonic time the packet count last moved (or media started)


class _Call(pj.Call):  # type: ignore[misc]
    """A pjsua2 call that hands its callbacks to the gateway (SIP thread)."""

    def __init__(self, gateway: PjsuaGateway, acc: Any, call_id: str, pj_id: int = -1) -> None:
        if pj_id >= 0:
            super().__init__(acc, pj_id)
        else:
            super().__init__(acc)
        self.gateway = gateway
        self.call_id = call_id

    def onCallState(self, prm: Any) -> None:
        self.gateway._guard("call state", self.gateway._on_call_state, self)

    def onCallMediaState(self, prm: Any) -> None:
        self.gateway._guard("media state", self.gateway._on_media_state, self)

    def onCallTransferStatus(self, prm: Any) -> None:
        self.gateway._guard("transfer status", self.gateway._on_transfer_status, self, prm)


class _Account(pj.Account):  # type: ignore[misc]
    def __init__(self, gateway: PjsuaGateway) -> None:
        super().__init__()
        self.gateway = gateway

    def onIncomingCall(self, prm: Any) -> None:
        self.gateway._guard("incoming call", self.gateway._on_incoming, self, prm)

    def onRegState(self, prm: Any) -> None:
        self.gateway._guard("registration", self.gateway._on_reg_state, self, prm)


class _LogWriter(pj.LogWriter):  # type: ignore[misc]
    """pjlib's log into Python logging; also spots the INVITEs pjsua refuses by itself.

    Runs on whichever thread logs (the SIP thread, pjmedia's clock thread): it only formats
    and hands on.
    """

    def __init__(self, gateway: PjsuaGateway) -> None:
        super().__init__()
        self.gateway = gateway

    def write(self, entry: Any) -> None:
        try:
            msg = str(entry.msg).rstrip()
            level = int(entry.level)
            if threading.get_ident() == self.gateway._sip_ident:
                self.gateway._on_pj_log(level, msg)
            elif self.gateway._foreign_log.qsize() < FOREIGN_LOG_MAX:
                # pjlib's own threads (media, clock): logging would call current_thread() and
                # leave a _DummyThread behind for good; the SIP thread logs it instead.
                self.gateway._foreign_log.put((level, msg))
            else:
                self.gateway._log_errors += 1  # dropped: the SIP thread is not keeping up
        except Exception:  # never into pjlib
            self.gateway._log_errors += 1


class PjsuaGateway:
    """A SIP user agent (core.calls.CallGateway) and a core.ports.Stoppable.

    Commands (`answer`, `dial`, ...) may come from any thread: they go into a queue that the
    thread `name` drains between `libHandleEvents` calls, so every pjsua2 call runs on the
    one thread that created the library. Events go to `sink` from that thread (and
    AudioLevel from it too). With `registrar` the console is an extension on a PBX
    (`user`/`password`, digest auth, `domain` defaulting to the registrar's host);
    without, it is a direct line that takes any INVITE to `bind_host:port`, and calls out
    to `peer` ("host[:port]").

    What is recorded: the caller's audio mixed with the operator's microphone (when a
    headset is open), 16 kHz mono PCM16, to `recordings_dir/<YYYY-MM-DD>/<call_id>.wav`.
    """

    def __init__(
        self,
        sink: EventSink,
        *,
        recordings_dir: Path,
        bind_host: str = "127.0.0.1",
        port: int = 5060,
        transport: str = "udp",
        registrar: str | None = None,
        user: str | None = None,
        password: str | None = None,
        domain: str | None = None,
        peer: str | None = None,
        headset_device: str | None = None,
        ring_device: str | None = None,
        audio: bool = True,
        rtp_timeout: float = 30.0,
        rtp_port: int = 4000,
        name: str = "sip",
        sounddevice: Callable[[], ModuleType] = load_sounddevice,
    ):
        if transport not in ("udp", "tcp"):
            raise ValueError(f"transport must be udp or tcp, not {transport!r}")
        if registrar and not user:
            raise ValueError("a registrar needs a user")
        self._name = name
        self.sink = sink
        self.recordings_dir = recordings_dir
        self.bind_host = bind_host
        self.port = port
        self.transport = transport
        self.registrar = registrar
        self.user = user
        self.password = password
        self.domain = domain or (registrar.split(":", 1)[0] if registrar else None)
        self.peer = peer
        self.headset_device = headset_device
        self.ring_device = ring_device
        self.audio = audio
        self.rtp_timeout = rtp_timeout
        self.rtp_port = rtp_port
        self._sounddevice = sounddevice
        self.stop_event = threading.Event()
        self._commands: queue.SimpleQueue[tuple[str, tuple[Any, ...]]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._sip_ident = -1
        self._foreign_log: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()
        self._log_errors = 0
        self._seq = itertools.count(1)
        self._tag = secrets.token_hex(3)
        # SIP thread only, from here on.
        self._ep: Any = None
        self._running = False  # libStart() done: events may be pumped
        self._acc: Any = None
        self._writer: Any = None
        self._port: HeadsetPort | None = None
        self._stream: HeadsetStream | None = None
        self._ring: RingStream | None = None
        self._was_ringing = False
        self._lines: dict[str, _Line] = {}
        self._graveyard: list[Any] = []  # pjsua2 objects to drop outside their callbacks
        self._later: list[tuple[str, Callable[[], None]]] = []  # run after libHandleEvents
        self._closing: list[tuple[CallInfo, float]] = []  # ENDED waiting for its WAV to close
        self._headset_detail = ""
        self._registered: bool | None = None
        self._reg_detail = ""
        self._state: tuple[bool, str, bool | None] | None = None
        self._last_invite = ""  # the last INVITE pjlib logged (for a call pjsua refuses itself)
        self._refused_invites: list[str] = []  # INVITEs pjsua refused itself, as logged
        self._recent_refusals: collections.deque[str] = collections.deque(maxlen=64)
        self._next_level = 0.0
        self._next_media_check = 0.0
        self.refused = 0  # CallRefused published (tests, status)
        self.sink_errors = 0  # events the sink raised on

    # --- Stoppable ------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self._name

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the SIP thread (once)."""
        if self._thread is not None:
            raise RuntimeError(f"{self._name} already started")
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.stop_event.set()

    def interrupt(self) -> None:
        # pjsua cannot be woken from outside; the loop looks at the stop event every 20 ms.
        pass

    def join(self, timeout: float) -> bool:
        if self._thread is None:
            return True
        self._thread.join(max(timeout, 0.0))
        return not self._thread.is_alive()

    # --- CallGateway commands (any thread) ------------------------------------------------
    def answer(self, call_id: str) -> None:
        self._commands.put(("answer", (call_id,)))

    def hold(self, call_id: str) -> None:
        self._commands.put(("hold", (call_id,)))

    def resume(self, call_id: str) -> None:
        self._commands.put(("resume", (call_id,)))

    def transfer(self, call_id: str, number: str) -> None:
        self._commands.put(("transfer", (call_id, number)))

    def hang_up(self, call_id: str) -> None:
        self._commands.put(("hang_up", (call_id,)))

    def dial(self, number: str) -> str:
        call_id = self._new_call_id()
        self._commands.put(("dial", (call_id, number, utcnow())))
        return call_id

    def set_volume(self, output: float, input_gain: float) -> None:
        self._commands.put(("set_volume", (output, input_gain)))

    def set_devices(self, headset: str | None, ring: str | None) -> None:
        self._commands.put(("set_devices", (headset, ring)))

    def _new_call_id(self) -> str:
        return f"{self._name}-{self._tag}-{next(self._seq)}"

    # --- the SIP thread -------------------------------------------------------------------
    def _run(self) -> None:
        self._sip_ident = threading.get_ident()
        retry = RETRY_MIN_S
        while not self.stop_event.is_set():
            try:
                self._setup()
            except _StartFailed as exc:
                self._publish_state(False, str(exc))
                self._destroy()
                # A port in use may come free: try again, later each time.
                self.stop_event.wait(retry)
                retry = min(retry * 2, RETRY_MAX_S)
                continue
            except Exception as exc:
                _log_error("%s: could not start", self._name)
                self._publish_state(False, f"cannot start the SIP stack: {_pj_reason(exc)}")
                self._emit(WorkerFailed(self._name, str(exc), utcnow(), False))
                self._destroy()
                return
            final = "stopped"
            try:
                self._loop()
            except Exception as exc:
                _log_error("%s: the SIP loop failed", self._name)
                final = f"stopped after an error: {exc}"
                self._emit(WorkerFailed(self._name, str(exc), utcnow(), False))
            finally:
                self._shutdown(final)
            return

    def _loop(self) -> None:
        ep = self._ep
        while not self.stop_event.is_set():
            self._drain_commands()
            ep.libHandleEvents(POLL_MS)
            later, self._later = self._later, []
            for what, fn in later:
                self._guard(what, fn)
            self._graveyard.clear()
            self._drain_foreign_log()
            self._after_refusals()
            self._publish_closed()
            self._update_ring()
            now = time.monotonic()
            if now >= self._next_level:
                self._next_level = now + LEVEL_PERIOD_S
                self._publish_level()
            if now >= self._next_media_check:
                self._next_media_check = now + MEDIA_CHECK_S
                self._check_media(now)

    def _setup(self) -> None:
        ep = pj.Endpoint()
        self._ep = ep
        ep.libCreate()
        cfg = pj.EpConfig()
        cfg.uaConfig.threadCnt = 0  # SIP events only on this thread, in libHandleEvents
        cfg.uaConfig.mainThreadOnly = False
        cfg.uaConfig.maxCalls = MAX_CALLS
        cfg.uaConfig.userAgent = "StreetCommandConsole"
        self._writer = _LogWriter(self)
        cfg.logConfig.writer = self._writer
        # Level 4 carries each SIP message: the writer reads INVITEs that pjsua refuses alone.
        cfg.logConfig.level = 4
        cfg.logConfig.consoleLevel = 4
        cfg.logConfig.msgLogging = 1
        cfg.logConfig.decor = 0
        med = cfg.medConfig
        med.clockRate = RATE
        med.sndClockRate = RATE
        med.channelCount = 1
        med.audioFramePtime = 20
        med.noVad = True
        med.ecTailLen = 0
        ep.libInit(cfg)
        # The wheel has no sound devices: the null device clocks the conference bridge.
        ep.audDevManager().setNullDev()
        where = f"{self.transport} {self.bind_host}:{self.port}"
        tcfg = pj.TransportConfig()
        tcfg.port = self.port
        if self.bind_host not in ("", "0.0.0.0"):
            tcfg.boundAddress = self.bind_host
        kind = pj.PJSIP_TRANSPORT_UDP if self.transport == "udp" else pj.PJSIP_TRANSPORT_TCP
        try:
            ep.transportCreate(kind, tcfg)
        except pj.Error as exc:
            raise _StartFailed(f"{where}: {_pj_reason(exc)}") from None
        ep.libStart()
        self._running = True
        acfg = pj.AccountConfig()
        host = f"{self.bind_host}:{self.port}"
        if self.registrar:
            acfg.idUri = f"sip:{self.user}@{self.domain}"
            acfg.regConfig.registrarUri = f"sip:{self.registrar}"
            acfg.regConfig.retryIntervalSec = 30
            acfg.sipConfig.authCreds.append(
                pj.AuthCredInfo("digest", "*", self.user or "", 0, self.password or "")
            )
            self._registered = False
            self._reg_detail = f"registering as {self.user}@{self.domain}"
        else:
            acfg.idUri = f"sip:{self.user or 'console'}@{host}"
            self._reg_detail = "direct line"
        mtc = acfg.mediaConfig.transportConfig
        mtc.port = self.rtp_port
        mtc.portRange = 1000
        if self.bind_host not in ("", "0.0.0.0"):
            mtc.boundAddress = self.bind_host
        self._acc = _Account(self)
        self._acc.create(acfg)
        if self.audio:
            self._port = HeadsetPort()
            self._ring = RingStream(self.ring_device, self._sounddevice)
            self._headset_detail = probe_headset(self.headset_device, self._sounddevice)
        else:
            self._headset_detail = "no headset (audio off)"
        self._publish_state(True, "")

    def _drain_commands(self) -> None:
        while True:
            try:
                command, args = self._commands.get_nowait()
            except queue.Empty:
                return
            self._guard(command, getattr(self, f"_do_{command}"), *args)

    def _guard(self, what: str, fn: Callable[..., None], *args: Any) -> None:
        """Run a callback or command; an error is logged and published, never raised into pjsua."""
        try:
            fn(*args)
        except Exception as exc:
            _log_error("%s: %s failed", self._name, what)
            self._emit(WorkerFailed(self._name, f"{what}: {exc}", utcnow(), True))

    def _emit(self, event: object) -> None:
        """Publish to the sink; a sink that raises is logged, and the call goes on (a 180 or a
        BYE must not be lost to a subscriber's bug)."""
        try:
            self.sink.publish(event)
        except Exception:
            self.sink_errors += 1
            _log_error("%s: the sink failed on %s", self._name, type(event).__name__)

    # --- state ----------------------------------------------------------------------------
    def _publish_state(self, online: bool, error: str) -> None:
        if online:
            parts = [f"{self.transport} {self.bind_host}:{self.port}", self._reg_detail]
            if self._headset_detail:
                parts.append(self._headset_detail)
            detail = ", ".join(p for p in parts if p)
        else:
            detail = error
        state = (online, detail, self._registered if online else None)
        if state == self._state:
            return
        self._state = state
        # Offline is worth a warning, except the clean stop the owner asked for.
        quiet = online or (self.stop_event.is_set() and detail == "stopped")
        (log.info if quiet else log.warning)("%s: %s", self._name, detail)
        self._emit(GatewayState(online, detail, utcnow(), state[2]))

    def _on_reg_state(self, acc: Any, prm: Any) -> None:
        code = int(prm.code)
        if 200 <= code < 300 and int(prm.expiration) > 0:
            self._registered = True
            self._reg_detail = f"registered as {self.user}@{self.domain}"
        else:
            self._registered = False
            reason = f"{code} {prm.reason}".strip()
            self._reg_detail = f"not registered as {self.user}@{self.domain}: {reason}"
        self._publish_state(True, "")

    def _on_pj_log(self, level: int, msg: str) -> None:
        # SIP thread (the writer queues other threads' lines). SIP is parsed on this thread
        # only, so an INVITE is logged here just before pjsua's refusal of it.
        if _RX_INVITE.match(msg):
            self._last_invite = msg
        elif _CALL_FULL.search(msg):
            self._refused_invites.append(self._last_invite)
        # pjsua's level 3 is chatty (a statistics dump per call): debug, like its messages.
        if level <= 1:
            log.error("pjsua: %s", msg)
        elif level == 2:
            log.warning("pjsua: %s", msg)
        else:
            log.debug("pjsua: %s", msg)

    def _drain_foreign_log(self) -> None:
        while True:
            try:
                level, msg = self._foreign_log.get_nowait()
            except queue.Empty:
                return
            self._on_pj_log(level, msg)

    def _after_refusals(self) -> None:
        """Publish CallRefused for the INVITEs pjsua answered with 486 by itself (lines full)."""
        refused, self._refused_invites = self._refused_invites, []
        for logged in refused:
            invite = logged.split("\n", 1)[-1]
            sip_call_id = _header(invite, "Call-ID", "i")
            if sip_call_id in self._recent_refusals:
                continue  # a retransmission of an INVITE refused already (stateless 486)
            self._recent_refusals.append(sip_call_id)
            number, display = caller_id(_header(invite, "From", "f"), invite)
            self._publish_refused(number, display)

    def _publish_refused(self, number: str, display: str) -> None:
        self.refused += 1
        log.warning("%s: refused a call from %r: every line is taken", self._name, number)
        self._emit(CallRefused(number, display, utcnow(), 486, f"all {MAX_CALLS} lines are taken"))

    def _publish(self, line: _Line, **changes: Any) -> None:
        info = dataclasses.replace(line.info, **changes)
        if info == line.info:
            return
        line.info = info
        self._emit(CallChanged(info))

    # --- inbound --------------------------------------------------------------------------
    def _on_incoming(self, acc: Any, prm: Any) -> None:
        invite = str(prm.rdata.wholeMsg)
        call_id = self._new_call_id()
        call = _Call(self, acc, call_id, int(prm.callId))
        ci = call.getInfo()
        number, display = caller_id(str(ci.remoteUri), invite)
        info = CallInfo(
            call_id=call_id,
            direction=CallDirection.INBOUND,
            phase=CallPhase.RINGING,
            number=number,
            display=display,
            started_at=utcnow(),
            sip_call_id=str(ci.callIdString)[:200],
        )
        if len(self._lines) >= MAX_CALLS:
            # pjsua normally refuses a fifth call itself; this is the same answer if it does not.
            self._graveyard.append(call)
            call.answer(_op(486))
            self._publish_refused(number, display)
            return
        line = _Line(call=call, info=info)
        self._lines[call_id] = line
        self._emit(CallChanged(info))  # ringing on screen before the 180 goes out
        call.answer(_op(180))

    def _on_call_state(self, call: _Call) -> None:
        line = self._lines.get(call.call_id)
        if line is None:
            return
        ci = call.getInfo()
        state = ci.state
        if state == pj.PJSIP_INV_STATE_CONFIRMED:
            line.confirmed = True
            line.rx_since = time.monotonic()
            phase = CallPhase.HELD if line.info.phase == CallPhase.HELD else CallPhase.ACTIVE
            self._publish(line, phase=phase, answered_at=line.info.answered_at or utcnow())
        elif state == pj.PJSIP_INV_STATE_DISCONNECTED:
            self._end(line, int(ci.lastStatusCode))

    def _end(self, line: _Line, status: int) -> None:
        inbound = line.info.direction == CallDirection.INBOUND
        if line.ending is not None:
            end = line.ending
        elif inbound and not line.answered:
            end = CallEnd.ABANDONED
        elif inbound and not line.confirmed and status == 200:
            # 200 on an answered inbound call that never got its ACK: pjsua took the caller's
            # BYE, a caller who dropped as the operator picked up. Nobody spoke to them: like
            # a caller who gave up while it rang, they go on the callback list.
            end = CallEnd.ABANDONED
        elif line.confirmed:
            end = CallEnd.HUNG_UP_REMOTE
        else:
            end = CallEnd.FAILED
        # pjsua has taken the call's media out of the bridge already: only our ports remain.
        line.media = None
        self._unbridge(line)
        recorded = self._stop_recording(line)
        del self._lines[line.info.call_id]
        self._graveyard.append(line.call)  # dropped after this callback returns
        ended = dataclasses.replace(
            line.info, phase=CallPhase.ENDED, end=end, ended_at=utcnow(), status=status or None
        )
        line.info = ended
        if recorded:
            # pjmedia's bridge destroys the recorder on its clock thread a frame or two later;
            # ENDED promises a closed WAV, so it waits for the header (at most CLOSE_WAIT_S).
            self._closing.append((ended, time.monotonic() + CLOSE_WAIT_S))
        else:
            self._emit(CallChanged(ended))

    def _publish_closed(self, *, force: bool = False) -> None:
        """Publish the ENDED of calls whose WAV file is closed (or waited for long enough)."""
        if not self._closing:
            return
        now = time.monotonic()
        waiting = []
        for info, deadline in self._closing:
            if force or now >= deadline or _wav_closed(info.recording):
                self._emit(CallChanged(info))
            else:
                waiting.append((info, deadline))
        self._closing = waiting

    # --- media ----------------------------------------------------------------------------
    def _on_media_state(self, call: _Call) -> None:
        line = self._lines.get(call.call_id)
        if line is None:
            return
        ci = call.getInfo()
        status = None
        for m in ci.media:
            if m.type == pj.PJMEDIA_TYPE_AUDIO:
                status = m.status
                break
        if status in (pj.PJSUA_CALL_MEDIA_ACTIVE, pj.PJSUA_CALL_MEDIA_REMOTE_HOLD):
            line.remote_hold = status == pj.PJSUA_CALL_MEDIA_REMOTE_HOLD
            media = call.getAudioMedia(-1)
            line.media = media
            self._start_recording(line, media)
            self._bridge(line, media)
            if line.rx_packets < 0:
                line.rx_since = time.monotonic()
            if line.confirmed:
                self._publish(line, phase=CallPhase.ACTIVE)  # off hold, or a new offer
            # Before the ACK the recorder runs already; ACTIVE (with it) goes out on CONFIRMED,
            # since a hold or transfer before the ACK fails with PJSIP_ESESSIONSTATE.
        elif status == pj.PJSUA_CALL_MEDIA_LOCAL_HOLD:
            self._unbridge(line)
            self._publish(line, phase=CallPhase.HELD)
        else:
            self._unbridge(line)

    def _start_recording(self, line: _Line, media: Any) -> None:
        if line.recorder is None:
            day = line.info.started_at.astimezone().strftime("%Y-%m-%d")
            path = self.recordings_dir / day / f"{line.info.call_id}.wav"
            path.parent.mkdir(parents=True, exist_ok=True)
            recorder = pj.AudioMediaRecorder()
            recorder.createRecorder(str(path))
            line.recorder = recorder
            line.info = dataclasses.replace(line.info, recording=path)
            if self._port is not None:
                self._port.startTransmit(recorder)  # the operator's voice, mixed in
        media.startTransmit(line.recorder)

    def _stop_recording(self, line: _Line) -> bool:
        """Stop and release the call's recorder; False if it had none."""
        recorder, line.recorder = line.recorder, None
        if recorder is None:
            return False
        if self._port is not None:
            _quietly(self._port.stopTransmit, recorder)
        if line.media is not None:
            _quietly(line.media.stopTransmit, recorder)
        # Destroying the recorder closes the WAV file (its header gets the length).
        del recorder
        return True

    def _bridge(self, line: _Line, media: Any) -> None:
        port = self._port
        if port is None or line.bridged:
            return
        media.startTransmit(port)
        port.startTransmit(media)
        line.bridged = True
        if self._stream is None:
            self._open_headset()

    def _unbridge(self, line: _Line) -> None:
        port, media = self._port, line.media
        if line.bridged and port is not None and media is not None:
            _quietly(media.stopTransmit, port)
            _quietly(port.stopTransmit, media)
        line.bridged = False
        if self._stream is not None and not any(x.bridged for x in self._lines.values()):
            self._close_headset()

    def _open_headset(self) -> None:
        if self._port is None:
            return
        stream = HeadsetStream(self._port, self.headset_device, self._sounddevice)
        try:
            stream.open()
        except AudioUnavailable as exc:
            self._headset_detail = str(exc)
            self._publish_state(True, "")
            return
        self._port.to_headset.clear()
        self._port.from_headset.clear()
        self._stream = stream
        if self._headset_detail:
            self._headset_detail = ""
            self._publish_state(True, "")

    def _close_headset(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            stream.close()

    def _update_ring(self) -> None:
        """Ring while an inbound call rings; tried once each time ringing begins."""
        ringing = any(x.info.phase == CallPhase.RINGING for x in self._lines.values())
        if ringing != self._was_ringing and self._ring is not None:
            if ringing:
                self._ring.start()
            else:
                self._ring.stop()
        self._was_ringing = ringing

    def _publish_level(self) -> None:
        port = self._port
        if port is None or not any(x.bridged for x in self._lines.values()):
            return
        self._emit(AudioLevel(port.input_rms, port.output_rms, utcnow()))

    def _check_media(self, now: float) -> None:
        """End answered calls whose RTP stopped for `rtp_timeout` seconds (NO_MEDIA)."""
        for line in list(self._lines.values()):
            if not line.confirmed or line.media is None or line.remote_hold:
                continue
            if line.info.phase == CallPhase.HELD:
                line.rx_since = now
                continue
            try:
                packets = int(line.call.getStreamStat(0).rtcp.rxStat.pkt)
            except pj.Error:
                continue
            if packets != line.rx_packets:
                line.rx_packets = packets
                line.rx_since = now
            elif now - line.rx_since >= self.rtp_timeout:
                log.warning(
                    "%s: %s: no RTP for %.0f s, hanging up",
                    self._name,
                    line.info.call_id,
                    now - line.rx_since,
                )
                line.ending = CallEnd.NO_MEDIA
                line.call.hangup(_op(0))

    # --- commands (SIP thread) ------------------------------------------------------------
    def _line(self, call_id: str, command: str) -> _Line | None:
        line = self._lines.get(call_id)
        if line is None:
            log.info("%s: %s for call %s that is gone: ignored", self._name, command, call_id)
        return line

    def _failed(self, call_id: str, command: str, detail: str) -> None:
        log.warning("%s: %s of %s failed: %s", self._name, command, call_id, detail)
        self._emit(CallCommandFailed(call_id, command, detail, utcnow()))

    def _do_answer(self, call_id: str) -> None:
        line = self._line(call_id, "answer")
        if line is None:
            return
        if line.info.phase != CallPhase.RINGING or line.answered:
            return
        line.answered = True
        try:
            line.call.answer(_op(200))
        except pj.Error as exc:
            line.answered = False
            self._failed(call_id, "answer", _pj_reason(exc))
            return
        line.info = dataclasses.replace(line.info, answered_at=line.info.answered_at or utcnow())

    def _do_hold(self, call_id: str) -> None:
        line = self._line(call_id, "hold")
        if line is None or line.info.phase != CallPhase.ACTIVE:
            return
        try:
            line.call.setHold(pj.CallOpParam(True))
        except pj.Error as exc:
            self._failed(call_id, "hold", _pj_reason(exc))

    def _do_resume(self, call_id: str) -> None:
        line = self._line(call_id, "resume")
        if line is None or line.info.phase != CallPhase.HELD:
            return
        prm = pj.CallOpParam(True)
        prm.opt.flag = pj.PJSUA_CALL_UNHOLD
        try:
            line.call.reinvite(prm)
        except pj.Error as exc:
            self._failed(call_id, "resume", _pj_reason(exc))

    def _do_transfer(self, call_id: str, number: str) -> None:
        line = self._line(call_id, "transfer")
        if line is None or line.info.phase not in (CallPhase.ACTIVE, CallPhase.HELD):
            return
        target = dial_string(number)
        if not target:
            self._failed(call_id, "transfer", f"not a number: {number!r}")
            return
        host = self.domain or self.peer or _uri_host(str(line.call.getInfo().remoteContact))
        try:
            line.call.xfer(f"sip:{target}@{host}", pj.CallOpParam(True))
        except pj.Error as exc:
            self._failed(call_id, "transfer", _pj_reason(exc))

    def _on_transfer_status(self, call: _Call, prm: Any) -> None:
        line = self._lines.get(call.call_id)
        if line is None:
            return
        code = int(prm.statusCode)
        if code >= 300:
            prm.cont = False
            self._failed(line.info.call_id, "transfer", f"{code} {prm.reason}")
        elif 200 <= code < 300 and prm.finalNotify:
            prm.cont = False
            line.ending = CallEnd.TRANSFERRED
            # After this NOTIFY has its 200: a BYE sent from inside the callback overtakes it.
            self._later.append(("hang up after transfer", lambda: self._hang_up_line(line)))

    def _hang_up_line(self, line: _Line) -> None:
        if self._lines.get(line.info.call_id) is line:
            line.call.hangup(_op(0))

    def _do_hang_up(self, call_id: str) -> None:
        line = self._line(call_id, "hang up")
        if line is None:
            return
        if line.ending is None:
            line.ending = CallEnd.HUNG_UP_LOCAL
        # A ringing call the operator rejects is declined (603); any other gets CANCEL or BYE.
        ringing = line.info.phase == CallPhase.RINGING and not line.answered
        line.call.hangup(_op(603 if ringing else 0))

    def _do_dial(self, call_id: str, number: str, at: datetime) -> None:
        target = dial_string(number)
        info = CallInfo(
            call_id=call_id,
            direction=CallDirection.OUTBOUND,
            phase=CallPhase.DIALING,
            number=target,
            display="",
            started_at=at,
        )
        self._emit(CallChanged(info))
        host = self.domain or self.peer
        detail = ""
        if not target:
            detail = f"not a number: {number!r}"
        elif host is None:
            detail = "no registrar, domain or peer to call through"
        elif len(self._lines) >= MAX_CALLS:
            detail = f"all {MAX_CALLS} lines are taken"
        if not detail:
            call = _Call(self, self._acc, call_id)
            line = _Line(call=call, info=info, answered=True)
            self._lines[call_id] = line
            try:
                call.makeCall(f"sip:{target}@{host}", pj.CallOpParam(True))
            except pj.Error as exc:
                self._graveyard.append(call)
                if self._lines.pop(call_id, None) is None:
                    return  # pjsua ended it inside makeCall: ENDED is out already
                detail = _pj_reason(exc)
            else:
                if call_id in self._lines:
                    line.info = dataclasses.replace(
                        line.info, sip_call_id=str(call.getInfo().callIdString)[:200]
                    )
                return
        self._failed(call_id, "dial", detail)
        ended = dataclasses.replace(
            info, phase=CallPhase.ENDED, end=CallEnd.FAILED, ended_at=utcnow()
        )
        self._emit(CallChanged(ended))

    def _do_set_volume(self, output: float, input_gain: float) -> None:
        if self._port is not None:
            self._port.output_gain = min(max(float(output), 0.0), 1.0)
            self._port.input_gain = min(max(float(input_gain), 0.0), 1.0)

    def _do_set_devices(self, headset: str | None, ring: str | None) -> None:
        if ring != self.ring_device and self._ring is not None:
            self._ring.stop()
            self._ring = RingStream(ring, self._sounddevice)
            self._was_ringing = False  # rings on the new speaker if a call rings now
        self.ring_device = ring
        if headset == self.headset_device:
            return
        self.headset_device = headset
        if self._port is None:
            return
        self._headset_detail = probe_headset(headset, self._sounddevice)
        if self._stream is not None:
            self._close_headset()
            self._open_headset()
        self._publish_state(True, "")

    # --- shutdown -------------------------------------------------------------------------
    def _shutdown(self, final: str) -> None:
        """FIELD-NOTES' order: hang up all, pump ~1 s, recorders, calls, account, library."""
        ep = self._ep
        try:
            if ep is not None and self._lines:
                self._hang_up_all()
            # Pump until every call is gone and its WAV closed: pjmedia's bridge removes ports
            # on its clock thread, and a removal still queued at libDestroy aborts the process.
            deadline = time.monotonic() + SHUTDOWN_PUMP_S
            while ep is not None and time.monotonic() < deadline:
                self._pump()
                if not self._lines and not self._closing:
                    break
            self._end_all()
        except Exception:
            _log_error("%s: hanging up at shutdown failed", self._name)
        self._destroy()
        self._publish_state(False, final)

    def _hang_up_all(self) -> None:
        # A method of its own, like _end_all: a loop variable in _shutdown would keep a _Call
        # alive past libDestroy, and its destructor then aborts the process.
        for line in self._lines.values():
            if line.ending is None:
                line.ending = CallEnd.HUNG_UP_LOCAL
        self._ep.hangupAllCalls()

    def _pump(self, frames: int = 1) -> None:
        for _ in range(frames):
            self._ep.libHandleEvents(POLL_MS)
            self._graveyard.clear()
            self._publish_closed()

    def _end_all(self) -> None:
        # Still not disconnected after the pump: end them on screen all the same. (A method of
        # its own: no local keeps a _Call alive until after libDestroy.)
        for call_id in list(self._lines):
            self._end(self._lines[call_id], 0)

    def _destroy(self) -> None:
        """Release pjsua2 objects in order and destroy the library (SIP thread)."""
        self._close_headset()
        if self._ring is not None:
            self._ring.stop()
        for line in self._lines.values():
            self._stop_recording(line)
        self._lines.clear()
        self._graveyard.clear()
        self._later.clear()  # lambdas that hold lines, and so calls
        if self._running:
            # The bridge's clock thread carries out the disconnections queued just now (the
            # calls' media, the recorders) while the headset port still exists: released with
            # a connection still on it, the port was called into after it was freed (a
            # segmentation fault once at shutdown, in a full test run).
            self._pump(SETTLE_FRAMES)
        self._port = None
        if self._running:
            # Then the port's own removal, queued by its release.
            self._pump(SETTLE_FRAMES)
        if self._acc is not None:
            try:
                self._acc.shutdown()
            except Exception:
                _log_error("%s: account shutdown failed", self._name)
            self._acc = None
        if self._ep is not None:
            try:
                # pjsua_destroy sleeps ~1 s for unregistration and TURN unless told there is
                # no network to wait for; a direct line has nothing to unregister (calls are
                # hung up and pumped before this).
                self._ep.libDestroy(0 if self.registrar else pj.PJSUA_DESTROY_NO_NETWORK)
            except Exception:
                _log_error("%s: libDestroy failed", self._name)
            self._ep = None
        self._running = False
        self._writer = None
        self._drain_foreign_log()
        self._publish_closed(force=True)  # libDestroy has closed every file


def _log_error(msg: str, *args: object) -> None:
    """log.exception without keeping the traceback: a handler that keeps records (pytest's)
    would keep the frames, and with them pjsua2 objects, alive past libDestroy (a crash)."""
    log.error(msg + "\n%s", *args, traceback.format_exc())


def _op(status: int) -> Any:
    prm = pj.CallOpParam(True)
    if status:
        prm.statusCode = status
    return prm


def _quietly(fn: Callable[..., Any], *args: Any) -> None:
    try:
        fn(*args)
    except pj.Error:
        log.debug("pjsua: %s failed: %s", getattr(fn, "__name__", fn), traceback.format_exc())


def _pj_reason(exc: Any) -> str:
    """The readable part of a pj.Error ("address in use" for EADDRINUSE)."""
    text = str(getattr(exc, "reason", "") or exc)
    low = text.lower()
    if "address already in use" in low or "eaddrinuse" in low or "status=120098" in low:
        return "address in use"
    if "cannot assign requested address" in low or "120099" in low:
        return "address not available on this machine"
    if "permission denied" in low or "120013" in low:
        return "permission denied (a port below 1024?)"
    return text.strip() or type(exc).__name__


def _wav_closed(path: Path | None) -> bool:
    """True once pjmedia's WAV writer has written the RIFF size (0 while it records)."""
    if path is None:
        return True
    try:
        with path.open("rb") as f:
            head = f.read(8)
    except OSError:
        return True  # nothing to wait for
    return len(head) == 8 and int.from_bytes(head[4:8], "little") > 0


def _header(message: str, *names: str) -> str:
    for raw in message.splitlines():
        if not raw.strip():
            break
        name, sep, value = raw.partition(":")
        if sep and name.strip().lower() in {n.lower() for n in names}:
            return value.strip()
    return ""


def _uri_host(uri: str) -> str:
    """host[:port] of a SIP URI inside a header value (`<sip:u@10.0.0.5:5060;ob>`)."""
    m = re.search(r"sips?:(?:[^@>;]*@)?([^;>?\s]+)", uri)
    return m.group(1) if m else ""
