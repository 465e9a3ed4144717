"""Live and playback RTSP URLs of Hikvision and Dahua cameras and NVRs, from their presets."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from urllib.parse import urlsplit

from core.site import CameraSpec
from core.site_cameras import DEFAULT_RTSP_PORT, PRESET_VENDORS, split_address
from core.video import StreamKind
from video.urls import with_credentials


class PresetError(ValueError):
    """A camera's preset cannot give the URL asked for (no credentials in the message)."""


def _netloc(address: str, rtsp_port: int) -> str:
    host, _http_port = split_address(address)  # the address's own port is the device's HTTP
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{rtsp_port}"


def hikvision_live(address: str, channel: int, kind: StreamKind, rtsp_port: int = 554) -> str:
    """`rtsp://host:554/Streaming/Channels/<ch>01` (main) or `<ch>02` (sub)."""
    track = f"{channel}{'01' if kind is StreamKind.MAIN else '02'}"
    return f"rtsp://{_netloc(address, rtsp_port)}/Streaming/Channels/{track}"


def dahua_live(address: str, channel: int, kind: StreamKind, rtsp_port: int = 554) -> str:
    """`rtsp://host:554/cam/realmonitor?channel=<ch>&subtype=0` (main) or `subtype=1` (sub)."""
    subtype = 0 if kind is StreamKind.MAIN else 1
    return (
        f"rtsp://{_netloc(address, rtsp_port)}/cam/realmonitor?channel={channel}&subtype={subtype}"
    )


def _span(start: datetime, end: datetime, tz: tzinfo) -> tuple[datetime, datetime]:
    """Start and end on the device's clock; naive or reversed times are refused."""
    for moment in (start, end):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise PresetError(f"playback times must carry a time zone, got {moment.isoformat()}")
    if end <= start:
        raise PresetError("playback must end after it starts")
    return start.astimezone(tz), end.astimezone(tz)


def hikvision_playback(
    address: str,
    channel: int,
    start: datetime,
    end: datetime,
    kind: StreamKind = StreamKind.MAIN,
    rtsp_port: int = 554,
    *,
    device_tz: tzinfo = UTC,
) -> str:
    """`/Streaming/tracks/<ch>01?starttime=YYYYMMDDThhmmssZ&endtime=…` from aware times.

    The times are written in UTC; some firmwares read the 'Z' time as their own clock: pass
    their zone as `device_tz` for those.
    """
    begin, finish = (t.strftime("%Y%m%dT%H%M%SZ") for t in _span(start, end, device_tz))
    track = f"{channel}{'01' if kind is StreamKind.MAIN else '02'}"
    return (
        f"rtsp://{_netloc(address, rtsp_port)}/Streaming/tracks/{track}"
        f"?starttime={begin}&endtime={finish}"
    )


def dahua_playback(
    address: str,
    channel: int,
    start: datetime,
    end: datetime,
    kind: StreamKind = StreamKind.MAIN,
    rtsp_port: int = 554,
    *,
    device_tz: tzinfo,
) -> str:
    """`/cam/playback?channel=<ch>&subtype=0&starttime=YYYY_MM_DD_hh_mm_ss&endtime=…`.

    Dahua reads the times on the device's own clock: `device_tz` is its zone (the site's).
    """
    begin, finish = (t.strftime("%Y_%m_%d_%H_%M_%S") for t in _span(start, end, device_tz))
    subtype = 0 if kind is StreamKind.MAIN else 1
    return (
        f"rtsp://{_netloc(address, rtsp_port)}/cam/playback?channel={channel}&subtype={subtype}"
        f"&starttime={begin}&endtime={finish}"
    )


def preset_live_url(camera: CameraSpec, kind: StreamKind) -> str:
    """A camera's live URL without credentials: its explicit URL, else its vendor's preset."""
    explicit = camera.main_url if kind is StreamKind.MAIN else camera.sub_url
    if explicit:
        return explicit
    if camera.vendor == "hikvision":
        return hikvision_live(camera.address, camera.channel, kind, camera.rtsp_port)
    if camera.vendor == "dahua":
        return dahua_live(camera.address, camera.channel, kind, camera.rtsp_port)
    if camera.vendor == "onvif":
        raise PresetError(
            f"camera {camera.code}: an ONVIF camera's {kind.value} stream URL comes from the "
            "camera (GetStreamUri); write main_url and sub_url to use it without ONVIF"
        )
    raise PresetError(f"camera {camera.code}: no {kind.value} stream URL in the site file")


def playback_url(
    camera: CameraSpec,
    start: datetime,
    end: datetime,
    kind: StreamKind = StreamKind.MAIN,
    *,
    device_tz: tzinfo,
) -> str:
    """A recorded stretch of a Hikvision or Dahua camera, without credentials."""
    if camera.vendor not in PRESET_VENDORS:
        raise PresetError(
            f"camera {camera.code}: playback needs a hikvision or dahua preset, not {camera.vendor}"
        )
    port = camera.rtsp_port or DEFAULT_RTSP_PORT
    if camera.vendor == "hikvision":
        # Hikvision writes UTC ('Z'); device_tz only for firmwares that ignore it.
        return hikvision_playback(camera.address, camera.channel, start, end, kind, port)
    return dahua_playback(
        camera.address, camera.channel, start, end, kind, port, device_tz=device_tz
    )


def onvif_endpoint(camera: CameraSpec) -> tuple[str, int]:
    """(host, port) of a camera's ONVIF service for video.onvif's connect(); port 80 unless
    given (443 for an https:// URL). PresetError for a camera without one."""
    if not camera.onvif:
        raise PresetError(f"camera {camera.code} has no ONVIF service in the site file")
    parts = urlsplit(camera.onvif)
    if parts.scheme:
        if not parts.hostname:
            raise PresetError(f"camera {camera.code}: no host in its ONVIF URL")
        return parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80)
    host, port = split_address(camera.onvif)
    return host, port or 80


def with_login(url: str, user: str, password: str) -> str:
    """An rtsp:// URL with the login inserted (percent-encoded); files and demo:// unchanged."""
    if not url.lower().startswith(("rtsp://", "rtsps://", "http://", "https://")):
        return url
    return with_credentials(url, user, password)
