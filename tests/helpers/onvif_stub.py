"""A small ONVIF camera for tests: device, media and PTZ over SOAP 1.2, and WS-Discovery.

No ONVIF simulator is packaged anywhere (FIELD-NOTES, Cameras in the field), so this answers the
operations `video.onvif` uses, checks the WS-Security UsernameToken digest like a camera does
(wrong password or a clock off by more than five minutes -> SOAP fault ``ter:NotAuthorized``),
and records every PTZ call it receives. Use it as a context manager::

    with OnvifStub(user="admin", password="secret") as cam:
        ...  # cam.port, cam.discovery_port, cam.ptz_calls()

It runs its own event loop in a thread named ``onvif-stub`` that ``stop()`` joins.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import socket
import struct
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any, cast
from xml.sax.saxutils import escape

from aiohttp import web
from lxml import etree  # type: ignore[import-untyped]
from wsdiscovery.actions import constructProbeMatch
from wsdiscovery.message import createSOAPMessage, parseSOAPMessage
from wsdiscovery.namespaces import NS_ACTION_PROBE
from wsdiscovery.qname import QName
from wsdiscovery.scope import Scope
from wsdiscovery.service import Service

NS = {
    "env": "http://www.w3.org/2003/05/soap-envelope",
    "tds": "http://www.onvif.org/ver10/device/wsdl",
    "trt": "http://www.onvif.org/ver10/media/wsdl",
    "tptz": "http://www.onvif.org/ver20/ptz/wsdl",
    "tt": "http://www.onvif.org/ver10/schema",
    "ter": "http://www.onvif.org/ver10/error",
}
NVT = QName("http://www.onvif.org/ver10/network/wsdl", "NetworkVideoTransmitter", "dn")
MULTICAST_GROUP = "239.255.255.250"


@dataclass(frozen=True)
class StubProfile:
    """A media profile the stub offers."""

    token: str
    name: str
    width: int
    height: int
    encoding: str
    uri: str


@dataclass(frozen=True)
class PtzCall:
    """One PTZ request as the stub received it."""

    operation: str  # ContinuousMove, Stop, GetPresets, GotoPreset, SetPreset
    profile: str
    args: dict[str, Any] = field(default_factory=dict)


def default_profiles() -> list[StubProfile]:
    """A Hikvision-like pair: H.265 main at 1080p, H.264 sub at 640x360."""
    return [
        StubProfile(
            "Profile_1", "mainStream", 1920, 1080, "H265",
            "rtsp://127.0.0.1:554/Streaming/Channels/101?transportmode=unicast",
        ),
        StubProfile(
            "Profile_2", "subStream", 640, 360, "H264",
            "rtsp://127.0.0.1:554/Streaming/Channels/102?transportmode=unicast",
        ),
    ]  # fmt: skip


def _envelope(body: str) -> str:
    decls = " ".join(f'xmlns:{p}="{u}"' for p, u in NS.items())
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<env:Envelope {decls}>'
        f"<env:Body>{body}</env:Body></env:Envelope>"
    )


def _fault(subcode: str, reason: str, status: int = 400) -> web.Response:
    body = (
        "<env:Fault><env:Code><env:Value>env:Sender</env:Value>"
        f"<env:Subcode><env:Value>{subcode}</env:Value></env:Subcode></env:Code>"
        f'<env:Reason><env:Text xml:lang="en">{escape(reason)}</env:Text></env:Reason>'
        "</env:Fault>"
    )
    return web.Response(
        status=status, text=_envelope(body), content_type="application/soap+xml", charset="utf-8"
    )


def _ok(body: str) -> web.Response:
    return web.Response(text=_envelope(body), content_type="application/soap+xml", charset="utf-8")


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


class OnvifStub:
    """An ONVIF camera on 127.0.0.1 (an ephemeral HTTP port and a unicast WS-Discovery port)."""

    def __init__(
        self,
        *,
        user: str = "admin",
        password: str = "secret",
        ptz: bool = True,
        profiles: Iterable[StubProfile] | None = None,
        name: str = "Stub Camera",
        hardware: str = "DS-2DE4425IW",
        multicast_port: int | None = None,
        clock_offset: timedelta = timedelta(0),
    ) -> None:
        self.user = user
        self.password = password
        self.ptz = ptz
        self.profiles = list(profiles) if profiles is not None else default_profiles()
        self.name = name
        self.hardware = hardware
        self.endpoint = f"urn:uuid:{uuid.uuid4()}"
        self.multicast_port = multicast_port  # join 239.255.255.250 on this port (None: don't)
        self.clock_offset = clock_offset  # the camera's clock error (cameras drift, or never set)
        # Operations that never answer (until stop): a camera that hangs mid-call.
        self.hang_operations: set[str] = set()
        self.presets: dict[str, str] = {"1": "Gate", "2": "Crossing"}  # token -> name
        self._calls: list[PtzCall] = []
        self._operations: list[str] = []
        self._lock = threading.Lock()
        self._http_sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._http_sock.getsockname()[1]
        self._udp_sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._udp_sock.bind(("127.0.0.1", 0))
        self.discovery_port: int = self._udp_sock.getsockname()[1]
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, name="onvif-stub", daemon=True)
        self._ready = threading.Event()
        self._stopping: asyncio.Event | None = None
        self._error: BaseException | None = None

    # --- what tests look at ---------------------------------------------------------------------
    @property
    def xaddr(self) -> str:
        return f"http://127.0.0.1:{self.port}/onvif/device_service"

    def ptz_calls(self) -> list[PtzCall]:
        """The PTZ calls received so far, oldest first."""
        with self._lock:
            return list(self._calls)

    def operations(self) -> list[str]:
        """Every SOAP operation received so far (authenticated or not), oldest first."""
        with self._lock:
            return list(self._operations)

    # --- lifecycle ------------------------------------------------------------------------------
    def start(self) -> OnvifStub:
        self._thread.start()
        if not self._ready.wait(10) or self._error is not None:
            self.stop()
            raise RuntimeError(f"ONVIF stub did not start: {self._error}")
        return self

    def stop(self) -> None:
        if self._thread.is_alive() and self._stopping is not None:
            self._loop.call_soon_threadsafe(self._stopping.set)
            self._thread.join(5)
        for sock in (self._http_sock, self._udp_sock):
            sock.close()

    def __enter__(self) -> OnvifStub:
        return self.start()

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_until_complete(self._serve())
        except BaseException as exc:  # reported to start() or lost with the test's failure
            self._error = exc
            self._ready.set()
        finally:
            self._loop.close()

    async def _serve(self) -> None:
        self._stopping = asyncio.Event()
        app = web.Application()
        app.router.add_post("/onvif/{service}", self._handle)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await runner.setup()
        await web.SockSite(runner, self._http_sock).start()
        transports = []
        unicast, _ = await self._loop.create_datagram_endpoint(
            lambda: _Responder(self), sock=self._udp_sock
        )
        transports.append(unicast)
        if self.multicast_port is not None:
            msock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
            msock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            msock.bind(("", self.multicast_port))
            mreq = struct.pack("4s4s", socket.inet_aton(MULTICAST_GROUP), bytes(4))
            msock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
            multicast, _ = await self._loop.create_datagram_endpoint(
                lambda: _Responder(self), sock=msock
            )
            transports.append(multicast)
        self._ready.set()
        try:
            await self._stopping.wait()
        finally:
            for t in transports:
                t.close()
            await runner.cleanup()

    # --- discovery ------------------------------------------------------------------------------
    def probe_match(self, data: bytes, sender: str) -> bytes | None:
        """The ProbeMatch answering `data`, or None when it is not a Probe for a camera."""
        env = parseSOAPMessage(data, sender)
        if env is None or env.getAction() != NS_ACTION_PROBE:
            return None
        types = env.getTypes()
        if types and not any(t.getLocalname() == NVT.getLocalname() for t in types):
            return None
        scopes = [
            Scope("onvif://www.onvif.org/type/video_encoder"),
            Scope("onvif://www.onvif.org/Profile/Streaming"),
            Scope(f"onvif://www.onvif.org/name/{self.name}"),
            Scope(f"onvif://www.onvif.org/hardware/{self.hardware}"),
        ]
        if self.ptz:
            scopes.append(Scope("onvif://www.onvif.org/type/ptz"))
        service = Service([NVT], scopes, [self.xaddr], self.endpoint, 0)
        reply = constructProbeMatch([service], env.getMessageId())
        return str(createSOAPMessage(reply)).encode("utf-8")

    # --- SOAP -----------------------------------------------------------------------------------
    async def _handle(self, request: web.Request) -> web.Response:
        try:
            root = etree.fromstring(await request.read())
        except etree.XMLSyntaxError:
            return _fault("ter:WellFormed", "Malformed request")
        body = root.find("{*}Body")
        op_el = body[0] if body is not None and len(body) else None
        if op_el is None:
            return _fault("ter:InvalidArgs", "Empty body")
        op = _local(op_el.tag)
        with self._lock:
            self._operations.append(op)
        if op != "GetSystemDateAndTime" and not self._authorised(root):
            return _fault("ter:NotAuthorized", "Sender not Authorized")
        if op in self.hang_operations:
            assert self._stopping is not None
            await self._stopping.wait()
            return _fault("ter:Action", "Shutting down", status=500)
        handler = getattr(self, f"_op_{op}", None)
        if handler is None:
            return _fault("ter:ActionNotSupported", f"{op} is not supported")
        result: web.Response = handler(op_el)
        return result

    def _authorised(self, root: Any) -> bool:
        token = root.find(".//{*}Security/{*}UsernameToken")
        if token is None:
            return False
        user = token.findtext("{*}Username") or ""
        pw_el = token.find("{*}Password")
        if pw_el is None or user != self.user:
            return False
        given = pw_el.text or ""
        if (pw_el.get("Type") or "").endswith("#PasswordText"):
            return given == self.password
        nonce_b64 = token.findtext("{*}Nonce") or ""
        created = token.findtext("{*}Created") or ""
        try:
            nonce = base64.b64decode(nonce_b64)
            when = datetime.fromisoformat(created.replace("Z", "+00:00"))
        except ValueError:
            return False
        now = datetime.now(UTC) + self.clock_offset
        if when.tzinfo is None or abs(now - when) > timedelta(minutes=5):
            return False  # cameras refuse stale tokens (a replayed or badly clocked request)
        expected = base64.b64encode(
            hashlib.sha1(nonce + created.encode() + self.password.encode()).digest()
        ).decode()
        return given == expected

    def _record(self, op: str, el: Any, **args: Any) -> None:
        with self._lock:
            self._calls.append(PtzCall(op, el.findtext("{*}ProfileToken") or "", args))

    def _services_xml(self) -> list[tuple[str, str, str]]:
        base = f"http://127.0.0.1:{self.port}/onvif"
        out = [
            ("Device", NS["tds"], f"{base}/device_service"),
            ("Media", NS["trt"], f"{base}/media_service"),
        ]
        if self.ptz:
            out.append(("PTZ", NS["tptz"], f"{base}/ptz_service"))
        return out

    def _op_GetSystemDateAndTime(self, el: Any) -> web.Response:
        now = datetime.now(UTC) + self.clock_offset
        return _ok(
            "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>"
            "<tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>"
            "<tt:TimeZone><tt:TZ>CST-8</tt:TZ></tt:TimeZone><tt:UTCDateTime>"
            f"<tt:Time><tt:Hour>{now.hour}</tt:Hour><tt:Minute>{now.minute}</tt:Minute>"
            f"<tt:Second>{now.second}</tt:Second></tt:Time>"
            f"<tt:Date><tt:Year>{now.year}</tt:Year><tt:Month>{now.month}</tt:Month>"
            f"<tt:Day>{now.day}</tt:Day></tt:Date>"
            "</tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>"
        )

    def _op_GetServices(self, el: Any) -> web.Response:
        items = "".join(
            f"<tds:Service><tds:Namespace>{ns}</tds:Namespace><tds:XAddr>{url}</tds:XAddr>"
            "<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version>"
            "</tds:Service>"
            for _, ns, url in self._services_xml()
        )
        return _ok(f"<tds:GetServicesResponse>{items}</tds:GetServicesResponse>")

    def _op_GetCapabilities(self, el: Any) -> web.Response:
        items = "".join(
            f"<tt:{name}><tt:XAddr>{url}</tt:XAddr></tt:{name}>"
            for name, _, url in self._services_xml()
        )
        return _ok(
            "<tds:GetCapabilitiesResponse><tds:Capabilities>"
            f"{items}</tds:Capabilities></tds:GetCapabilitiesResponse>"
        )

    def _op_GetDeviceInformation(self, el: Any) -> web.Response:
        return _ok(
            "<tds:GetDeviceInformationResponse><tds:Manufacturer>Stubvision</tds:Manufacturer>"
            f"<tds:Model>{escape(self.hardware)}</tds:Model>"
            "<tds:FirmwareVersion>V5.7.3</tds:FirmwareVersion>"
            "<tds:SerialNumber>STUB0001</tds:SerialNumber><tds:HardwareId>88</tds:HardwareId>"
            "</tds:GetDeviceInformationResponse>"
        )

    def _op_GetProfiles(self, el: Any) -> web.Response:
        ptz = (
            '<tt:PTZConfiguration token="PTZToken"><tt:Name>PTZ</tt:Name>'
            "<tt:UseCount>2</tt:UseCount><tt:NodeToken>PTZNodeToken</tt:NodeToken>"
            "</tt:PTZConfiguration>"
            if self.ptz
            else ""
        )
        items = "".join(
            f'<trt:Profiles token="{p.token}" fixed="true"><tt:Name>{escape(p.name)}</tt:Name>'
            f'<tt:VideoEncoderConfiguration token="VEC_{p.token}"><tt:Name>{p.name}</tt:Name>'
            f"<tt:UseCount>1</tt:UseCount><tt:Encoding>{p.encoding}</tt:Encoding>"
            f"<tt:Resolution><tt:Width>{p.width}</tt:Width><tt:Height>{p.height}</tt:Height>"
            "</tt:Resolution><tt:Quality>3</tt:Quality>"
            "<tt:SessionTimeout>PT5S</tt:SessionTimeout></tt:VideoEncoderConfiguration>"
            f"{ptz}</trt:Profiles>"
            for p in self.profiles
        )
        return _ok(f"<trt:GetProfilesResponse>{items}</trt:GetProfilesResponse>")

    def _op_GetStreamUri(self, el: Any) -> web.Response:
        token = el.findtext("{*}ProfileToken")
        profile = next((p for p in self.profiles if p.token == token), None)
        if profile is None:
            return _fault("ter:NoProfile", f"No profile {token}")
        protocol = el.findtext(".//{*}Protocol")
        if protocol not in ("RTSP", "TCP", "UDP"):
            return _fault("ter:InvalidStreamSetup", f"Unsupported protocol {protocol}")
        return _ok(
            "<trt:GetStreamUriResponse><trt:MediaUri>"
            f"<tt:Uri>{escape(profile.uri)}</tt:Uri>"
            "<tt:InvalidAfterConnect>false</tt:InvalidAfterConnect>"
            "<tt:InvalidAfterReboot>false</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout>"
            "</trt:MediaUri></trt:GetStreamUriResponse>"
        )

    def _ptz_fault(self) -> web.Response | None:
        if not self.ptz:
            return _fault("ter:ActionNotSupported", "PTZ is not supported")
        return None

    def _op_ContinuousMove(self, el: Any) -> web.Response:
        if (fault := self._ptz_fault()) is not None:
            return fault
        pan_tilt = el.find("{*}Velocity/{*}PanTilt")
        zoom = el.find("{*}Velocity/{*}Zoom")
        self._record(
            "ContinuousMove",
            el,
            pan=float(pan_tilt.get("x")) if pan_tilt is not None else None,
            tilt=float(pan_tilt.get("y")) if pan_tilt is not None else None,
            zoom=float(zoom.get("x")) if zoom is not None else None,
            timeout=el.findtext("{*}Timeout"),
        )
        return _ok("<tptz:ContinuousMoveResponse/>")

    def _op_Stop(self, el: Any) -> web.Response:
        if (fault := self._ptz_fault()) is not None:
            return fault
        self._record("Stop", el, pan_tilt=el.findtext("{*}PanTilt"), zoom=el.findtext("{*}Zoom"))
        return _ok("<tptz:StopResponse/>")

    def _op_GetPresets(self, el: Any) -> web.Response:
        if (fault := self._ptz_fault()) is not None:
            return fault
        self._record("GetPresets", el)
        with self._lock:
            items = "".join(
                f'<tptz:Preset token="{t}"><tt:Name>{escape(n)}</tt:Name></tptz:Preset>'
                for t, n in self.presets.items()
            )
        return _ok(f"<tptz:GetPresetsResponse>{items}</tptz:GetPresetsResponse>")

    def _op_GotoPreset(self, el: Any) -> web.Response:
        if (fault := self._ptz_fault()) is not None:
            return fault
        token = el.findtext("{*}PresetToken") or ""
        with self._lock:
            known = token in self.presets
        if not known:
            return _fault("ter:NoToken", f"No preset {token}")
        self._record("GotoPreset", el, preset=token)
        return _ok("<tptz:GotoPresetResponse/>")

    def _op_SetPreset(self, el: Any) -> web.Response:
        if (fault := self._ptz_fault()) is not None:
            return fault
        name = el.findtext("{*}PresetName") or ""
        with self._lock:
            token = el.findtext("{*}PresetToken") or str(
                max((int(t) for t in self.presets if t.isdigit()), default=0) + 1
            )
            self.presets[token] = name
        self._record("SetPreset", el, name=name, preset=token)
        return _ok(f"<tptz:SetPresetResponse><tptz:PresetToken>{token}</tptz:PresetToken>"
                   "</tptz:SetPresetResponse>")  # fmt: skip


class _Responder(asyncio.DatagramProtocol):
    """Answers WS-Discovery Probes for the stub, unicast to whoever asked."""

    def __init__(self, stub: OnvifStub) -> None:
        self._stub = stub
        self._transport: asyncio.DatagramTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # asyncio's selector transport is not registered as a DatagramTransport subclass.
        self._transport = cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        reply = self._stub.probe_match(data, str(addr[0]))
        if reply is not None and self._transport is not None:
            with contextlib.suppress(OSError):
                self._transport.sendto(reply, addr)


def multicast_works(port: int = 0) -> bool:
    """Whether a multicast datagram sent here comes back to a local member (not on every CI)."""
    recv = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    send = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        recv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        recv.bind(("", port))
        mreq = struct.pack("4s4s", socket.inet_aton(MULTICAST_GROUP), bytes(4))
        recv.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
        recv.settimeout(1.0)
        send.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 1)
        send.sendto(b"ping", (MULTICAST_GROUP, recv.getsockname()[1]))
        return recv.recv(16) == b"ping"
    except OSError:
        return False
    finally:
        recv.close()
        send.close()
