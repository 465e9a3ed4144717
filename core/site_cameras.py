"""The site file's camera sources: explicit stream URLs or a vendor preset, never a password."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from core.site import _Table

# hikvision and dahua build their URLs from address and channel (video.vendors); onvif asks the
# camera for them (GetStreamUri); generic takes main_url and sub_url as written.
CAMERA_VENDORS: Final = frozenset({"hikvision", "dahua", "onvif", "generic"})
PRESET_VENDORS: Final = frozenset({"hikvision", "dahua"})
ADDRESS_VENDORS: Final = frozenset({"hikvision", "dahua", "onvif"})
CAMERA_CODECS: Final = frozenset({"h264", "h265"})
DEFAULT_RTSP_PORT: Final = 554
MAX_CHANNEL: Final = 999  # NVRs number channels from 1; Hikvision's IP channels reach the 30s
# A clip file written without a scheme (the demo, tests): these suffixes only, so a mistyped
# URL such as 'rtsp:/host' is not silently taken for a file name.
CLIP_SUFFIXES: Final = (".h264", ".h265", ".264", ".265", ".mp4", ".mkv", ".ts")

CAMERA_SOURCE_FIELDS: Final = (
    "vendor",
    "address",
    "channel",
    "rtsp_port",
    "codec",
    "onvif",
    "credentials",
    # Never valid: read only to say where a camera's user and password belong instead.
    "user",
    "password",
)

_SCHEME_RE: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://.+")
_ENTRY_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_USERINFO_RE: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#\s]*@")
_HOST_RE: Final = re.compile(
    r"[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
)

INLINE_SECRET: Final = (
    "a user or password written in the site file; put them in an entry of the camera "
    'credentials file and name the entry here with credentials = "<entry>"'
)


@dataclass(frozen=True, slots=True)
class CameraSource:
    """Where a camera's streams come from, as the site file gives it (no secret in it)."""

    vendor: str = "generic"
    main_url: str = ""  # explicit; for a preset it overrides the built URL
    sub_url: str = ""
    address: str = ""  # host or host:port (the device's HTTP port) of a preset or ONVIF camera
    channel: int = 1
    rtsp_port: int = DEFAULT_RTSP_PORT
    codec: str = ""  # "h264" / "h265": a hint for the main stream; "" unknown
    onvif: str = ""  # the ONVIF service: host[:port] or http(s)://…; "" none
    credentials: str = ""  # the name of an entry in the camera credentials file; "" none


def split_address(address: str) -> tuple[str, int | None]:
    """('host', port or None) of 'host', 'host:port', '[v6]:port' or a bare IPv6 address."""
    text = address.strip()
    if not text or any(c.isspace() for c in text) or "/" in text or "@" in text:
        raise ValueError("expected 'host' or 'host:port'")
    port: int | None = None
    if text.startswith("["):
        host, sep, rest = text[1:].partition("]")
        if not sep:
            raise ValueError("unclosed '[' in an IPv6 address")
        if rest:
            if not rest.startswith(":"):
                raise ValueError("expected ':port' after ']'")
            port = _port(rest[1:])
        ipaddress.IPv6Address(host)
        return host, port
    if text.count(":") > 1:
        ipaddress.IPv6Address(text)
        return text, None
    host, sep, port_text = text.partition(":")
    if sep:
        port = _port(port_text)
    if _HOST_RE.fullmatch(host) is None:
        raise ValueError(f"{host!r} is not a host name or IP address")
    return host, port


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise ValueError(f"port must be 1 to 65535, got {text!r}")
    return int(text)


def has_userinfo(url: str) -> bool:
    """Whether a URL carries 'user@' or 'user:password@' before its host."""
    return _USERINFO_RE.match(url.strip()) is not None


def is_clip_path(text: str) -> bool:
    """A clip file given by its path (no scheme), relative to the site file's folder."""
    return _SCHEME_RE.fullmatch(text) is None and text.lower().endswith(CLIP_SUFFIXES)


def read_camera_source(table: _Table) -> CameraSource:
    """The source fields of one [[camera]]; every problem is reported on its own line."""
    data = table.data
    vendor = table.choice("vendor", CAMERA_VENDORS) if "vendor" in data else "generic"
    for key in ("user", "password"):
        if key in data:
            # Never quote the value: it is a secret, and error messages reach logs.
            table.report(key, INLINE_SECRET)
    urls = {key: _url(table, key, vendor) for key in ("main_url", "sub_url")}
    address = _address(table, vendor)
    channel = _preset_int(table, vendor, "channel", 1, MAX_CHANNEL, default=1)
    rtsp_port = _preset_int(table, vendor, "rtsp_port", 1, 65535, default=DEFAULT_RTSP_PORT)
    codec = table.choice("codec", CAMERA_CODECS) if "codec" in data else ""
    onvif = _onvif(table, vendor, address)
    credentials = ""
    if "credentials" in data:
        credentials = table.text("credentials")
        if table.ok("credentials") and (
            _ENTRY_RE.fullmatch(credentials) is None or has_userinfo(credentials)
        ):
            # A name, never the secret: do not echo what was written.
            table.report(
                "credentials",
                "expected the name of an entry in the camera credentials file "
                "(letters, digits, '_' and '-'), not a user or password",
            )
    return CameraSource(
        vendor=vendor,
        main_url=urls["main_url"],
        sub_url=urls["sub_url"],
        address=address,
        channel=channel,
        rtsp_port=rtsp_port,
        codec=codec,
        onvif=onvif,
        credentials=credentials,
    )


def _url(table: _Table, key: str, vendor: str) -> str:
    # A generic camera (or one whose vendor is misspelt) needs both URLs; a preset builds them,
    # ONVIF asks the camera, and an explicit URL there overrides the preset.
    if key not in table.data and (vendor in ADDRESS_VENDORS or not vendor):
        return ""
    if key in table.data and isinstance(table.data[key], str) and has_userinfo(table.data[key]):
        table.report(key, INLINE_SECRET)
        return ""
    url = table.text(key)
    if table.ok(key) and _SCHEME_RE.fullmatch(url) is None and not is_clip_path(url):
        table.report(
            key,
            f"expected a stream URL like 'rtsp://host/path' or a clip file "
            f"({', '.join(CLIP_SUFFIXES)}), got {url!r}",
        )
    return url


def _address(table: _Table, vendor: str) -> str:
    data = table.data
    if "address" not in data or not vendor:
        if vendor in ADDRESS_VENDORS:
            table.report("address", f"a {vendor} camera needs its address ('host' or 'host:port')")
        return ""
    if vendor not in ADDRESS_VENDORS:
        table.report("address", _preset_only("address", vendor))
        return ""
    if isinstance(data["address"], str) and "@" in data["address"]:
        table.report("address", INLINE_SECRET)
        return ""
    address = table.text("address")
    if table.ok("address"):
        try:
            split_address(address)
        except ValueError as exc:
            table.report("address", f"expected 'host' or 'host:port' ({exc}), got {address!r}")
    return address


def _preset_int(table: _Table, vendor: str, key: str, low: int, high: int, *, default: int) -> int:
    if key not in table.data:
        return default
    if vendor and vendor not in PRESET_VENDORS:
        table.report(key, _preset_only(key, vendor))
        return default
    value = table.integer(key, minimum=low)
    if table.ok(key) and value > high:
        table.report(key, f"must be {low} to {high}, got {value}")
    return value if table.ok(key) else default


def _onvif(table: _Table, vendor: str, address: str) -> str:
    data = table.data
    if "onvif" not in data:
        # An ONVIF camera's service is at its address unless given apart.
        return address if vendor == "onvif" else ""
    raw = data["onvif"]
    if isinstance(raw, str) and "@" in raw:
        table.report("onvif", INLINE_SECRET)
        return ""
    onvif = table.text("onvif")
    if not table.ok("onvif"):
        return ""
    if _SCHEME_RE.fullmatch(onvif) is not None:
        parts = urlsplit(onvif)
        if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
            table.report(
                "onvif", f"expected 'host[:port]' or an http(s):// service URL, got {onvif!r}"
            )
        return onvif
    try:
        split_address(onvif)
    except ValueError as exc:
        table.report("onvif", f"expected 'host[:port]' or an http(s):// URL ({exc}), got {onvif!r}")
    return onvif


def _preset_only(key: str, vendor: str) -> str:
    presets = '"hikvision", "dahua" or "onvif"' if key == "address" else '"hikvision" or "dahua"'
    return f"'{key}' is for a vendor preset (vendor = {presets}); a {vendor} camera has none"
