"""`console camera discover|probe`: find ONVIF cameras and read their profiles for the site file."""

from __future__ import annotations

import argparse
import sys

from console.startup import EXIT_OK, EXIT_REFUSED

STOP_S = 3.0


def add_camera_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """The `camera` command and its subcommands."""
    camera = sub.add_parser("camera", parents=[common], help="find and check ONVIF cameras")
    camera_sub = camera.add_subparsers(dest="camera_command", required=True)
    discover = camera_sub.add_parser(
        "discover",
        parents=[common],
        help="list the ONVIF cameras that answer a WS-Discovery probe on this network",
    )
    discover.add_argument("--timeout", type=float, default=3.0, help="seconds to listen")
    discover.add_argument(
        "--host",
        action="append",
        default=[],
        metavar="IP[:PORT]",
        help="also probe this address directly (where multicast does not reach)",
    )
    probe = camera_sub.add_parser(
        "probe",
        parents=[common],
        help="sign in to an ONVIF camera and print its profiles, stream URLs and PTZ",
    )
    probe.add_argument("address", help="host or host:port of the camera's web service")
    probe.add_argument(
        "--credentials",
        required=True,
        metavar="ENTRY",
        help="the entry of the camera credentials file to sign in with",
    )
    probe.add_argument("--credentials-file", metavar="FILE", help="default: the key folder's file")


def _out(msg: str) -> None:
    print(msg)  # noqa: T201 - the CLI's output


def _error(msg: str) -> None:
    print(f"console: error: {msg}", file=sys.stderr)  # noqa: T201 - the CLI's error channel


def run_camera_command(args: argparse.Namespace) -> int:
    """Run `console camera …`."""
    # Imported here, not for `console --help`: the camera sources bring PyAV and NumPy.
    from console.video_sources import credentials_file
    from video.credentials import CredentialsError, open_credentials
    from video.onvif import OnvifError, OnvifService
    from video.urls import redact

    service = OnvifService()
    service.start()
    try:
        if args.camera_command == "discover":
            found = service.discover(args.timeout, args.host).result(args.timeout + 10)
            if not found:
                _out("no ONVIF camera answered")
            for d in found:
                label = " · ".join(x for x in (d.name, d.hardware) if x)
                _out(f"{d.host}:{d.port}\t{label}\t{' '.join(d.xaddrs)}")
            return EXIT_OK
        host, _, port = args.address.partition(":")
        store = open_credentials(credentials_file(args.credentials_file))
        try:
            login = store.get(args.credentials)
        except CredentialsError as exc:
            _error(str(exc))
            return EXIT_REFUSED
        try:
            info = service.connect(
                "probe", host, int(port or 80), login.user, login.password
            ).result(30)
            uris = service.stream_uris("probe").result(30)
        except OnvifError as exc:
            _error(redact(str(exc), login.password))
            return EXIT_REFUSED
        _out(f"{info.manufacturer} {info.model} (firmware {info.firmware})")
        for p in info.profiles:
            _out(f"  profile {p.token}: {p.name} {p.width}×{p.height} {p.encoding}")
        for kind, uri in uris.items():
            _out(f"  {kind.value} stream: {uri}")
        _out(f"  PTZ: {'yes' if info.has_ptz else 'no'}")
        return EXIT_OK
    finally:
        service.stop(STOP_S)
