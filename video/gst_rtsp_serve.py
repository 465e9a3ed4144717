"""A looping RTSP server for demo cameras and tests; run with Debian's own python3 (python3-gi).

Usage: /usr/bin/python3 video/gst_rtsp_serve.py --port 0 --mount /cam01/sub=clip.h264
       [--mount /cam02/main=clip.h265] [--auth user:password] [--fps 25]

Prints ``READY <port>`` on stdout once it listens, then serves until SIGTERM or SIGINT. Each
client gets its own pipeline: gst-rtsp-server aborts in gst_rtsp_media_get_rates when several
clients start one shared mount at once (FIELD-NOTES, Video). This file runs outside the
project's virtual environment and imports nothing from the project.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys

import gi  # type: ignore[import-not-found]

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # type: ignore[import-not-found]  # noqa: E402

_PAY = {
    ".h264": ("video/x-h264", "h264parse", "rtph264pay"),
    ".264": ("video/x-h264", "h264parse", "rtph264pay"),
    ".h265": ("video/x-h265", "h265parse", "rtph265pay"),
    ".265": ("video/x-h265", "h265parse", "rtph265pay"),
}


def _launch(path: str, fps: int) -> str:
    """The pipeline of one looping mount: an Annex-B elementary stream file paced at `fps`."""
    ext = path[path.rfind(".") :].lower()
    if ext not in _PAY:
        raise SystemExit(f"gst_rtsp_serve: {path}: expected a .h264 or .h265 elementary stream")
    caps, parse, pay = _PAY[ext]
    location = path.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f'( multifilesrc location="{location}" loop=true '
        f"caps={caps},stream-format=byte-stream,framerate={fps}/1 ! {parse} ! "
        f"{pay} name=pay0 config-interval=-1 pt=96 )"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8554)
    parser.add_argument("--address", default="127.0.0.1")
    parser.add_argument("--fps", type=int, default=25)
    parser.add_argument("--mount", action="append", default=[], metavar="PATH=FILE")
    parser.add_argument("--auth", default="", metavar="USER:PASSWORD", help="for every mount")
    args = parser.parse_args(argv)
    if not args.mount:
        parser.error("at least one --mount PATH=FILE")

    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address(args.address)
    server.set_service(str(args.port))
    mounts = server.get_mount_points()
    perms = None
    if args.auth:
        # Server-wide Basic auth: no default token, so a client without credentials is
        # challenged with 401 (a default token would make the mounts answer 404 instead).
        user, _, password = args.auth.partition(":")
        token = GstRtspServer.RTSPToken()
        token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "viewer")
        auth = GstRtspServer.RTSPAuth()
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
        server.set_auth(auth)
        perms = GstRtspServer.RTSPPermissions()
        for perm in (
            GstRtspServer.RTSP_PERM_MEDIA_FACTORY_ACCESS,
            GstRtspServer.RTSP_PERM_MEDIA_FACTORY_CONSTRUCT,
        ):
            perms.add_permission_for_role("viewer", perm, True)
    for spec in args.mount:
        path, _, file = spec.partition("=")
        factory = GstRtspServer.RTSPMediaFactory()
        factory.set_launch(_launch(file, args.fps))
        factory.set_shared(False)
        if perms is not None:
            factory.set_permissions(perms)
        mounts.add_factory(path, factory)

    loop = GLib.MainLoop()
    if server.attach(None) == 0:
        sys.stderr.write(f"gst_rtsp_serve: cannot listen on {args.address}:{args.port}\n")
        return 2
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    parent = os.getppid()

    def orphaned() -> bool:
        # The owner killed with -9 never stops us: a server nobody owns must not linger.
        if os.getppid() != parent:
            loop.quit()
            return False
        return True

    GLib.timeout_add_seconds(1, orphaned)
    sys.stdout.write(f"READY {server.get_bound_port()}\n")
    sys.stdout.flush()
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
