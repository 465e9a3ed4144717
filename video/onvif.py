"""ONVIF cameras: WS-Discovery, profiles, stream URIs, PTZ and presets, on one named thread."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import enum
import logging
import math
import os
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit

import aiohttp

from core.video import StreamKind
from video.urls import redact, without_credentials


def _import_onvif() -> Any:
    """Import onvif-zeep-async without its import-time `logging.basicConfig(level=INFO)`.

    WORKAROUND: onvif/client.py configures the root logger when imported; the console
    configures logging itself (and a basicConfig here would make the console's a no-op).
    """
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import onvif
        import onvif.exceptions
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return onvif


_onvif = _import_onvif()
import zeep.exceptions  # noqa: E402 - after onvif, which patches zeep
from wsdiscovery.actions import constructProbe  # noqa: E402
from wsdiscovery.message import createSOAPMessage, parseSOAPMessage  # noqa: E402
from wsdiscovery.namespaces import NS_ACTION_PROBE_MATCH  # noqa: E402
from wsdiscovery.qname import QName  # noqa: E402

log = logging.getLogger(__name__)

T = TypeVar("T")

WS_DISCOVERY_GROUP = "239.255.255.250"
WS_DISCOVERY_PORT = 3702
# The ONVIF device type every camera answers a Probe for (ONVIF Core, 7.3.2).
_NVT = QName("http://www.onvif.org/ver10/network/wsdl", "NetworkVideoTransmitter", "dn")
_PTZ_NS = "http://www.onvif.org/ver20/ptz/wsdl"
_SCOPE_NAME = "onvif://www.onvif.org/name/"
_SCOPE_HARDWARE = "onvif://www.onvif.org/hardware/"


class OnvifErrorKind(enum.StrEnum):
    """Why an ONVIF call failed, for the tile to say so in plain words."""

    UNREACHABLE = "unreachable"  # connection refused, no route, DNS
    TIMEOUT = "timeout"  # the camera did not answer within the call's timeout
    AUTH = "auth"  # NotAuthorized: wrong user/password, or the camera's clock is far off
    NO_PTZ = "no_ptz"  # the camera (or its profile) has no PTZ
    NOT_CONNECTED = "not_connected"  # connect() was not called (or failed) for this camera
    FAULT = "fault"  # the camera refused the request (a SOAP fault other than auth)
    INVALID = "invalid"  # a bad argument (speed outside -1..1, empty preset name)
    STOPPED = "stopped"  # the service is stopped or stopping
    ERROR = "error"  # anything else


class OnvifError(Exception):
    """A failed ONVIF call; `str(e)` is for people and never holds credentials."""

    def __init__(self, kind: OnvifErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True, slots=True)
class DiscoveredDevice:
    """One camera that answered a WS-Discovery Probe."""

    address: str  # the IP the answer came from
    xaddrs: tuple[str, ...]  # device service URLs, e.g. http://10.0.0.5/onvif/device_service
    scopes: tuple[str, ...]
    name: str  # from the onvif://www.onvif.org/name/ scope ("" if none)
    hardware: str  # from the hardware scope ("" if none)
    endpoint: str  # the device's endpoint reference (urn:uuid:...), stable across reboots

    @property
    def host(self) -> str:
        """The device service's host (from the first XAddr; else the sender's address)."""
        if self.xaddrs:
            return urlsplit(self.xaddrs[0]).hostname or self.address
        return self.address

    @property
    def port(self) -> int:
        """The device service's HTTP port (80 when the XAddr names none)."""
        if self.xaddrs:
            parts = urlsplit(self.xaddrs[0])
            with contextlib.suppress(ValueError):
                return parts.port or (443 if parts.scheme == "https" else 80)
        return 80


@dataclass(frozen=True, slots=True)
class OnvifProfile:
    """A media profile (a stream the camera encodes)."""

    token: str
    name: str
    width: int
    height: int
    encoding: str  # H264, H265, JPEG, ... as the camera names it
    ptz: bool  # the profile carries a PTZ configuration


@dataclass(frozen=True, slots=True)
class OnvifCameraInfo:
    """What connect() learnt about a camera."""

    code: str
    host: str
    port: int
    manufacturer: str
    model: str
    firmware: str
    profiles: tuple[OnvifProfile, ...]
    has_ptz: bool  # a PTZ service and a profile with a PTZ configuration

    @property
    def main_profile(self) -> OnvifProfile | None:
        """The largest profile (ties: the camera's order); None without profiles."""
        if not self.profiles:
            return None
        return max(self.profiles, key=lambda p: p.width * p.height)

    @property
    def sub_profile(self) -> OnvifProfile | None:
        """The smallest other profile; the main one when the camera has a single profile."""
        main = self.main_profile
        others = [p for p in self.profiles if p is not main]
        if not others:
            return main
        return min(others, key=lambda p: p.width * p.height)

    @property
    def ptz_profile(self) -> OnvifProfile | None:
        """The profile PTZ requests name (the main one if it has PTZ, else the first that has)."""
        if not self.has_ptz:
            return None
        main = self.main_profile
        if main is not None and main.ptz:
            return main
        return next((p for p in self.profiles if p.ptz), None)


@dataclass(frozen=True, slots=True)
class PtzPreset:
    """A stored camera position."""

    token: str
    name: str


@dataclass
class _Camera:
    """A connected camera (touched only on the service's thread)."""

    info: OnvifCameraInfo
    device: Any  # onvif.ONVIFCamera
    password: str
    media: Any
    ptz: Any | None
    uris: dict[str, str]


def _failed(error: BaseException) -> concurrent.futures.Future[Any]:
    fut: concurrent.futures.Future[Any] = concurrent.futures.Future()
    fut.set_exception(error)
    return fut


def _field(obj: Any, *path: str) -> Any:
    """obj.a.b... tolerating missing parts (zeep objects and dicts from lenient parsing)."""
    for name in path:
        if obj is None:
            return None
        obj = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
    return obj


def _is_not_authorized(fault: Any) -> bool:
    codes = [str(_field(fault, "code") or "")]
    codes += [str(getattr(q, "localname", q)) for q in (_field(fault, "subcodes") or [])]
    text = " ".join([*codes, str(_field(fault, "message") or "")]).lower()
    return "notauthorized" in text or "not authorized" in text or "unauthorized" in text


def describe_error(exc: BaseException, where: str, secrets: Sequence[str] = ()) -> OnvifError:
    """`exc` from the ONVIF stack as an OnvifError whose text names `where` and no secret."""
    # onvif wraps what it cannot classify in ONVIFError(err) "from err": look at the cause.
    seen = 0
    while (
        isinstance(exc, _onvif.ONVIFError)
        and not isinstance(
            exc, _onvif.exceptions.ONVIFAuthError | _onvif.exceptions.ONVIFTimeoutError
        )
        and exc.__cause__ is not None
        and seen < 5
    ):
        exc = exc.__cause__
        seen += 1
    kind: OnvifErrorKind
    if isinstance(exc, OnvifError):
        return exc
    if isinstance(exc, TimeoutError | _onvif.exceptions.ONVIFTimeoutError):
        kind, text = OnvifErrorKind.TIMEOUT, f"{where}: no answer in time"
    elif isinstance(exc, _onvif.exceptions.ONVIFAuthError):
        kind, text = OnvifErrorKind.AUTH, f"{where}: wrong user name or password"
    elif isinstance(exc, zeep.exceptions.Fault):
        if _is_not_authorized(exc):
            kind = OnvifErrorKind.AUTH
            text = f"{where}: not authorised (wrong user name or password, or the camera's clock)"
        else:
            kind, text = OnvifErrorKind.FAULT, f"{where}: the camera refused: {exc.message}"
    elif isinstance(exc, zeep.exceptions.TransportError):
        if exc.status_code in (401, 403):
            kind, text = OnvifErrorKind.AUTH, f"{where}: wrong user name or password"
        else:
            kind, text = OnvifErrorKind.FAULT, f"{where}: HTTP {exc.status_code}"
    elif isinstance(exc, aiohttp.ClientConnectorError | aiohttp.ClientConnectionError | OSError):
        kind, text = OnvifErrorKind.UNREACHABLE, f"{where}: cannot reach the camera ({exc})"
    elif isinstance(exc, aiohttp.ClientError):
        kind, text = OnvifErrorKind.ERROR, f"{where}: HTTP error ({exc})"
    else:
        kind, text = OnvifErrorKind.ERROR, f"{where}: {type(exc).__name__}: {exc}"
    return OnvifError(kind, redact(text, *secrets))


class OnvifService:
    """Owns the `onvif` thread and its event loop; every method is thread-safe.

    Calls return `concurrent.futures.Future`s (add a done callback and hop to the GUI thread to
    show the result); they fail with `OnvifError` only. Every call has a timeout; `stop()` cancels
    calls in flight (they fail with kind STOPPED) and joins the thread under a deadline.
    """

    def __init__(
        self,
        *,
        call_timeout: float = 5.0,
        connect_timeout: float = 10.0,
        adjust_time: bool = True,
    ) -> None:
        self.call_timeout = call_timeout
        self.connect_timeout = connect_timeout
        # Sign WS-Security tokens with the camera's clock: many cameras refuse a token whose
        # Created time is minutes off theirs, and camera clocks drift.
        self.adjust_time = adjust_time
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._stopping = threading.Event()
        self._ready = threading.Event()
        self._cameras: dict[str, _Camera] = {}  # the loop's thread only
        self._infos: dict[str, OnvifCameraInfo] = {}
        self._lock = threading.Lock()

    # --- lifecycle ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self._stopping.is_set()

    def start(self) -> None:
        """Start the `onvif` thread (idempotent while running)."""
        if self._thread is not None:
            return
        self._stopping.clear()
        self._ready.clear()
        loop = asyncio.new_event_loop()
        # onvif parses its WSDL files in the loop's default executor: give its threads a name.
        self._executor = concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix="onvif-io")
        loop.set_default_executor(self._executor)
        self._loop = loop
        self._thread = threading.Thread(target=self._run, name="onvif", daemon=True)
        self._thread.start()
        self._ready.wait(5)

    def stop(self, deadline: float = 3.0) -> bool:
        """Cancel calls in flight, close camera sessions, join the thread; True if it ended."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return True
        if threading.current_thread() is thread:
            raise RuntimeError("OnvifService.stop() called from its own thread (a done callback)")
        self._stopping.set()
        t_end = time.monotonic() + deadline
        if thread.is_alive():
            try:
                fut = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
                fut.result(timeout=max(0.1, deadline * 0.6))
            except (concurrent.futures.TimeoutError, RuntimeError):
                log.warning("ONVIF: sessions not closed within %.1f s", deadline * 0.6)
            except Exception:
                log.exception("ONVIF: error while closing camera sessions")
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(loop.stop)
            thread.join(max(0.0, t_end - time.monotonic()))
        joined = not thread.is_alive()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        if joined:
            self._thread = None
            self._loop = None
            self._executor = None
        else:
            log.warning("ONVIF: thread did not end within %.1f s", deadline)
        with self._lock:
            self._infos.clear()
        return joined

    def _run(self) -> None:
        loop = self._loop
        assert loop is not None
        asyncio.set_event_loop(loop)
        loop.call_soon(self._ready.set)
        try:
            loop.run_forever()
        except Exception:
            log.exception("ONVIF event loop failed")
        finally:
            with contextlib.suppress(Exception):
                for task in asyncio.all_tasks(loop):
                    task.cancel()
                loop.run_until_complete(asyncio.sleep(0))
            loop.close()

    async def _shutdown(self) -> None:
        current = asyncio.current_task()
        tasks = [t for t in asyncio.all_tasks() if t is not current]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=0.5)
        for code in list(self._cameras):
            await self._close_camera(code)

    # --- plumbing -------------------------------------------------------------------------------
    def _submit(
        self, make: Callable[[], Awaitable[T]], timeout: float, where: str, secrets: Sequence[str]
    ) -> concurrent.futures.Future[T]:
        loop = self._loop
        if loop is None or not self.running:
            return _failed(OnvifError(OnvifErrorKind.STOPPED, f"{where}: ONVIF service stopped"))
        coro = self._guard(make, timeout, where, secrets)
        try:
            return asyncio.run_coroutine_threadsafe(coro, loop)
        except RuntimeError:  # the loop closed between the check and the call
            coro.close()
            return _failed(OnvifError(OnvifErrorKind.STOPPED, f"{where}: ONVIF service stopped"))

    async def _guard(
        self, make: Callable[[], Awaitable[T]], timeout: float, where: str, secrets: Sequence[str]
    ) -> T:
        try:
            return await asyncio.wait_for(make(), timeout)
        except asyncio.CancelledError:
            if self._stopping.is_set():
                raise OnvifError(
                    OnvifErrorKind.STOPPED, f"{where}: ONVIF service stopped"
                ) from None
            raise
        except OnvifError:
            raise
        except TimeoutError:
            raise OnvifError(
                OnvifErrorKind.TIMEOUT, f"{where}: no answer within {timeout:g} s"
            ) from None
        except Exception as exc:
            error = describe_error(exc, where, secrets)
            log.debug("ONVIF %s failed: %s", where, error)
            raise error from None

    def _camera(self, code: str) -> _Camera:
        cam = self._cameras.get(code)
        if cam is None:
            raise OnvifError(OnvifErrorKind.NOT_CONNECTED, f"{code}: not connected over ONVIF")
        return cam

    def _ptz(self, code: str) -> tuple[_Camera, str]:
        cam = self._camera(code)
        profile = cam.info.ptz_profile
        if cam.ptz is None or profile is None:
            raise OnvifError(OnvifErrorKind.NO_PTZ, f"{code}: this camera has no PTZ")
        return cam, profile.token

    def _secrets(self, code: str) -> tuple[str, ...]:
        cam = self._cameras.get(code)
        return (cam.password,) if cam is not None else ()

    def camera(self, code: str) -> OnvifCameraInfo | None:
        """What the last successful connect() learnt about `code` (None if not connected)."""
        with self._lock:
            return self._infos.get(code)

    # --- discovery ------------------------------------------------------------------------------
    def discover(
        self,
        timeout: float = 3.0,
        hosts: Iterable[str | tuple[str, int]] = (),
        *,
        multicast: bool = True,
        multicast_port: int = WS_DISCOVERY_PORT,
    ) -> concurrent.futures.Future[list[DiscoveredDevice]]:
        """Probe for cameras for `timeout` s: multicast on the LAN and unicast to `hosts`.

        `hosts` are "ip", "ip:port" or (ip, port) (port 3702 by default): for cameras in
        another subnet, and for networks (or CI loopback) where multicast does not get through.
        """
        targets = list(hosts)
        return self._submit(
            lambda: self._discover(timeout, targets, multicast, multicast_port),
            timeout + 2.0,
            "discovery",
            (),
        )

    async def _discover(
        self,
        timeout: float,
        hosts: list[str | tuple[str, int]],
        multicast: bool,
        multicast_port: int,
    ) -> list[DiscoveredDevice]:
        loop = asyncio.get_running_loop()
        targets: list[tuple[str, int]] = []
        if multicast:
            targets.append((WS_DISCOVERY_GROUP, multicast_port))
        for host in hosts:
            name, port = _host_port(host)
            infos = await loop.getaddrinfo(
                name, port, family=socket.AF_INET, type=socket.SOCK_DGRAM
            )
            targets.extend((str(i[4][0]), int(i[4][1])) for i in infos[:1])
        probe = constructProbe([_NVT], [])
        message_id = str(probe.getMessageId())
        data = str(createSOAPMessage(probe)).encode("utf-8")
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)  # stay on the LAN
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 1)
        sock.bind(("0.0.0.0", 0))
        collector = _ProbeCollector(message_id)
        transport, _ = await loop.create_datagram_endpoint(lambda: collector, sock=sock)
        try:
            # SOAP-over-UDP repeats a Probe: one lost datagram must not hide a camera.
            for _ in range(2):
                for target in targets:
                    try:
                        transport.sendto(data, target)
                    except OSError as exc:
                        collector.errors.append(f"{target[0]}: {exc}")
                await asyncio.sleep(min(0.2, timeout / 4))
            await asyncio.sleep(max(0.0, timeout - 2 * min(0.2, timeout / 4)))
        finally:
            transport.close()
        if not collector.found and targets and len(collector.errors) >= 2 * len(targets):
            raise OnvifError(
                OnvifErrorKind.UNREACHABLE, "discovery: " + "; ".join(collector.errors[:3])
            )
        return sorted(collector.found.values(), key=lambda d: (d.address, d.endpoint))

    # --- connection -----------------------------------------------------------------------------
    def connect(
        self, code: str, host: str, port: int, user: str, password: str
    ) -> concurrent.futures.Future[OnvifCameraInfo]:
        """Connect (or reconnect) camera `code`: services, device information and profiles."""
        return self._submit(
            lambda: self._connect(code, host, port, user, password),
            self.connect_timeout,
            f"{code} ({host}:{port})",
            (password,),
        )

    async def _connect(
        self, code: str, host: str, port: int, user: str, password: str
    ) -> OnvifCameraInfo:
        await self._close_camera(code)
        saved = {k: os.environ[k] for k in ("http_proxy", "https_proxy") if k in os.environ}
        # no_cache: the WSDL comes from the package; zeep's cache would only write a file.
        device = _onvif.ONVIFCamera(
            host, port, user, password, no_cache=True, adjust_time=self.adjust_time
        )
        os.environ.update(saved)  # ONVIFCamera pops the proxy variables for the whole process
        try:
            await device.update_xaddrs()
            devicemgmt = await device.create_devicemgmt_service()
            about = await devicemgmt.GetDeviceInformation()
            media = await device.create_media_service()
            raw_profiles = await media.GetProfiles()
            profiles = tuple(_profile(p) for p in raw_profiles or [])
            ptz = None
            if _PTZ_NS in device.xaddrs and any(p.ptz for p in profiles):
                ptz = await device.create_ptz_service()
            info = OnvifCameraInfo(
                code=code,
                host=host,
                port=int(port),
                manufacturer=str(_field(about, "Manufacturer") or ""),
                model=str(_field(about, "Model") or ""),
                firmware=str(_field(about, "FirmwareVersion") or ""),
                profiles=profiles,
                has_ptz=ptz is not None,
            )
        except BaseException:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(device.close(), 1.0)
            raise
        self._cameras[code] = _Camera(info, device, password, media, ptz, {})
        with self._lock:
            self._infos[code] = info
        log.info(
            "ONVIF %s: %s %s, %d profile(s), PTZ %s",
            code, info.manufacturer, info.model, len(profiles), "yes" if info.has_ptz else "no",
        )  # fmt: skip
        return info

    def disconnect(self, code: str) -> concurrent.futures.Future[None]:
        """Forget camera `code` and close its HTTP sessions."""
        return self._submit(lambda: self._close_camera(code), self.call_timeout, code, ())

    async def _close_camera(self, code: str) -> None:
        cam = self._cameras.pop(code, None)
        with self._lock:
            self._infos.pop(code, None)
        if cam is not None:
            try:
                await asyncio.wait_for(cam.device.close(), 1.0)
            except Exception as exc:
                log.debug("ONVIF %s: close failed: %s", code, type(exc).__name__)

    # --- media ----------------------------------------------------------------------------------
    def stream_uri(self, code: str, profile: str) -> concurrent.futures.Future[str]:
        """The RTSP URI of `profile` (a token), without credentials (add them for playing)."""
        return self._submit(
            lambda: self._stream_uri(code, profile),
            self.call_timeout,
            f"{code} stream URI",
            self._secrets(code),
        )

    async def _stream_uri(self, code: str, token: str) -> str:
        cam = self._camera(code)
        if token not in cam.uris:
            reply = await cam.media.GetStreamUri(
                {
                    "StreamSetup": {"Stream": "RTP-Unicast", "Transport": {"Protocol": "RTSP"}},
                    "ProfileToken": token,
                }
            )
            uri = str(_field(reply, "Uri") or "")
            if not uri:
                raise OnvifError(OnvifErrorKind.FAULT, f"{code}: the camera gave no stream URI")
            # Some cameras put the user and password in the URI: the wall adds its own.
            cam.uris[token] = without_credentials(uri)
        return cam.uris[token]

    def stream_uris(self, code: str) -> concurrent.futures.Future[dict[StreamKind, str]]:
        """The main and sub streams' RTSP URIs (the largest and smallest profiles)."""
        return self._submit(
            lambda: self._stream_uris(code),
            self.call_timeout,
            f"{code} stream URIs",
            self._secrets(code),
        )

    async def _stream_uris(self, code: str) -> dict[StreamKind, str]:
        info = self._camera(code).info
        main, sub = info.main_profile, info.sub_profile
        if main is None or sub is None:
            raise OnvifError(OnvifErrorKind.FAULT, f"{code}: the camera has no media profile")
        return {
            StreamKind.MAIN: await self._stream_uri(code, main.token),
            StreamKind.SUB: await self._stream_uri(code, sub.token),
        }

    # --- PTZ ------------------------------------------------------------------------------------
    def continuous_move(
        self, code: str, pan: float, tilt: float, zoom: float = 0.0
    ) -> concurrent.futures.Future[None]:
        """Start moving at the given speeds (each -1..1; 0 holds that axis) until ptz_stop()."""
        for axis, value in (("pan", pan), ("tilt", tilt), ("zoom", zoom)):
            if not (isinstance(value, int | float) and math.isfinite(value) and -1 <= value <= 1):
                return _failed(
                    OnvifError(
                        OnvifErrorKind.INVALID, f"{code}: {axis} speed {value!r} not in -1..1"
                    )
                )
        return self._submit(
            lambda: self._move(code, float(pan), float(tilt), float(zoom)),
            self.call_timeout,
            f"{code} PTZ move",
            self._secrets(code),
        )

    async def _move(self, code: str, pan: float, tilt: float, zoom: float) -> None:
        cam, token = self._ptz(code)
        assert cam.ptz is not None
        await cam.ptz.ContinuousMove(
            {
                "ProfileToken": token,
                "Velocity": {"PanTilt": {"x": pan, "y": tilt}, "Zoom": {"x": zoom}},
            }
        )

    def ptz_stop(self, code: str) -> concurrent.futures.Future[None]:
        """Stop pan, tilt and zoom."""
        return self._submit(
            lambda: self._stop_ptz(code), self.call_timeout, f"{code} PTZ stop", self._secrets(code)
        )

    async def _stop_ptz(self, code: str) -> None:
        cam, token = self._ptz(code)
        assert cam.ptz is not None
        await cam.ptz.Stop({"ProfileToken": token, "PanTilt": True, "Zoom": True})

    def get_presets(self, code: str) -> concurrent.futures.Future[list[PtzPreset]]:
        """The camera's stored positions."""
        return self._submit(
            lambda: self._get_presets(code),
            self.call_timeout,
            f"{code} PTZ presets",
            self._secrets(code),
        )

    async def _get_presets(self, code: str) -> list[PtzPreset]:
        cam, token = self._ptz(code)
        assert cam.ptz is not None
        reply = await cam.ptz.GetPresets({"ProfileToken": token})
        return [
            PtzPreset(str(_field(p, "token") or ""), str(_field(p, "Name") or ""))
            for p in reply or []
            if _field(p, "token")
        ]

    def goto_preset(self, code: str, preset: str) -> concurrent.futures.Future[None]:
        """Move to the stored position `preset` (a token from get_presets)."""
        return self._submit(
            lambda: self._goto_preset(code, preset),
            self.call_timeout,
            f"{code} PTZ go to preset",
            self._secrets(code),
        )

    async def _goto_preset(self, code: str, preset: str) -> None:
        cam, token = self._ptz(code)
        assert cam.ptz is not None
        await cam.ptz.GotoPreset({"ProfileToken": token, "PresetToken": preset})

    def set_preset(self, code: str, name: str) -> concurrent.futures.Future[str]:
        """Store the current position as a new preset called `name`; returns its token."""
        if not name.strip():
            return _failed(OnvifError(OnvifErrorKind.INVALID, f"{code}: a preset needs a name"))
        return self._submit(
            lambda: self._set_preset(code, name.strip()),
            self.call_timeout,
            f"{code} PTZ set preset",
            self._secrets(code),
        )

    async def _set_preset(self, code: str, name: str) -> str:
        cam, token = self._ptz(code)
        assert cam.ptz is not None
        reply = await cam.ptz.SetPreset({"ProfileToken": token, "PresetName": name})
        return str(reply if isinstance(reply, str) else _field(reply, "PresetToken") or "")


class _ProbeCollector(asyncio.DatagramProtocol):
    """Collects the ProbeMatches answering one Probe (by its message id)."""

    def __init__(self, message_id: str) -> None:
        self.message_id = message_id
        self.found: dict[str, DiscoveredDevice] = {}
        self.errors: list[str] = []

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        sender = str(addr[0])
        try:
            env = parseSOAPMessage(data, sender)
            if env is None or env.getAction() != NS_ACTION_PROBE_MATCH:
                return
            if env.getRelatesTo() != self.message_id:
                return  # an answer to someone else's Probe
            for match in env.getProbeResolveMatches():
                scopes = tuple(str(s.getValue()) for s in match.getScopes())
                endpoint = str(match.getEPR())
                self.found[endpoint] = DiscoveredDevice(
                    address=sender,
                    xaddrs=tuple(str(x) for x in match.getXAddrs() or ()),
                    scopes=scopes,
                    name=_scope_value(scopes, _SCOPE_NAME),
                    hardware=_scope_value(scopes, _SCOPE_HARDWARE),
                    endpoint=endpoint,
                )
        except Exception as exc:  # a malformed datagram from anything on port 3702
            log.debug("discovery: ignored a datagram from %s: %s", sender, type(exc).__name__)

    def error_received(self, exc: Exception) -> None:
        self.errors.append(str(exc))


def _scope_value(scopes: Iterable[str], prefix: str) -> str:
    for scope in scopes:
        if scope.lower().startswith(prefix):
            return unquote(scope[len(prefix) :])
    return ""


def _host_port(host: str | tuple[str, int]) -> tuple[str, int]:
    if isinstance(host, tuple):
        return host[0], int(host[1])
    name, sep, port = host.rpartition(":")
    if sep and port.isdigit() and ":" not in name:
        return name, int(port)
    return host, WS_DISCOVERY_PORT


def _profile(raw: Any) -> OnvifProfile:
    vec = _field(raw, "VideoEncoderConfiguration")
    return OnvifProfile(
        token=str(_field(raw, "token") or ""),
        name=str(_field(raw, "Name") or ""),
        width=int(_field(vec, "Resolution", "Width") or 0),
        height=int(_field(vec, "Resolution", "Height") or 0),
        encoding=str(_field(vec, "Encoding") or ""),
        ptz=_field(raw, "PTZConfiguration") is not None,
    )
