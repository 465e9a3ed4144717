"""`console verify BUNDLE` and `console evidence export`: evidence bundles checked and written."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from console.startup import EXIT_CHECK_FAILED, EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from core.recording import Gap, Segment

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from video.evidence import ExportRequest, ExportResult

EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports it
_PACKAGE = "street-command-console"


def add_evidence_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """`verify BUNDLE` and `evidence export`."""
    verify = sub.add_parser(
        "verify",
        parents=[common],
        help="check an evidence bundle: names every altered, missing or extra file (exit 1 if "
        "anything does not match)",
    )
    verify.add_argument("bundle", type=Path, metavar="BUNDLE", help="the bundle folder")
    verify.add_argument(
        "--fingerprint",
        metavar="FP",
        help="also require a valid signature by the key with this fingerprint",
    )
    verify.add_argument("--json", action="store_true", help="print the findings as JSON")
    evidence = sub.add_parser("evidence", parents=[common], help="evidence bundles of recordings")
    evidence_sub = evidence.add_subparsers(dest="evidence_command", required=True)
    export = evidence_sub.add_parser(
        "export",
        parents=[common],
        help="write recorded video of cameras over a time range (cut at keyframes, not "
        "re-encoded) with a signed manifest and a verifier into a new folder",
    )
    export.add_argument(
        "--camera", action="append", required=True, metavar="CODE", help="a camera (repeatable)"
    )
    export.add_argument(
        "--from",
        dest="start",
        required=True,
        metavar="TIME",
        help="start, ISO 8601 (without an offset: the site's time zone)",
    )
    export.add_argument("--to", dest="end", required=True, metavar="TIME", help="end, ISO 8601")
    export.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="the bundle folder (must not exist)"
    )
    export.add_argument(
        "--reason", default="", help="why the video leaves the console (a supervisor may omit it)"
    )
    export.add_argument("--incident", type=int, metavar="N", help="the incident it belongs to")
    export.add_argument(
        "--user",
        required=True,
        metavar="NAME",
        help="the exporting account (its password is asked for; its first line on stdin when "
        "not a terminal)",
    )
    export.add_argument(
        "--root", type=Path, metavar="DIR", help="the recording folder (default: the recorder's)"
    )
    export.add_argument(
        "--no-sign",
        action="store_true",
        help="do not sign the manifest even when this workstation holds the site's key",
    )


def _out(msg: str) -> None:
    print(msg, flush=True)  # noqa: T201 - the CLI's output


def _error(msg: str) -> None:
    print(f"console: error: {msg}", file=sys.stderr)  # noqa: T201 - the CLI's error channel


# --- verify ---------------------------------------------------------------------------------
def run_verify_command(args: argparse.Namespace) -> int:
    """Print the bundle's report; 0 only when every file matches and any signature is valid."""
    from video.verify_bundle import BAD_MANIFEST, NOT_A_BUNDLE, verify

    report = verify(args.bundle, expect_fingerprint=args.fingerprint)
    if args.json:
        _out(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK if report.ok else EXIT_CHECK_FAILED
    fatal = [p for p in report.problems if p.kind in (NOT_A_BUNDLE, BAD_MANIFEST)]
    if report.manifest is None and fatal:
        # Nothing could be checked: a sentence, not a report of an empty bundle.
        _error(f"{args.bundle} is not an evidence bundle: {fatal[0].detail}")
        return EXIT_CHECK_FAILED
    for line in report.lines():
        _out(line)
    return EXIT_OK if report.ok else EXIT_CHECK_FAILED


# --- export ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Footage:
    """What the database says about an export: the recordings, the incident's extras, and
    the reason to record."""

    operator: str
    reason: str
    segments: Mapping[str, Sequence[Segment]]
    gaps: Mapping[str, Sequence[Gap]]
    timeline: tuple[Mapping[str, object], ...]
    call_recordings: tuple[Path, ...]


def parse_time(text: str, zone: str) -> datetime:
    """ISO 8601; a time without an offset is in the site's zone. ValueError when unreadable."""
    try:
        ts = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a time (e.g. 2026-11-30T10:15:00)") from None
    return ts.replace(tzinfo=ZoneInfo(zone)) if ts.tzinfo is None else ts


def tool_version() -> str:
    """The console's version as the manifest records it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{_PACKAGE} {version(_PACKAGE)}"
    except PackageNotFoundError:
        return f"{_PACKAGE} (source checkout)"


def signing_key(key_folder: Path) -> Ed25519PrivateKey | None:
    """The site's Ed25519 key (the one that signs audit checkpoints) when this workstation
    holds it; None otherwise (the bundle is then unsigned, its manifest hash audited)."""
    from data.checkpoints import load_signing_key, signing_key_readable

    if not signing_key_readable(key_folder):
        return None
    return load_signing_key(key_folder)


def export_with_progress(
    request: ExportRequest,
    footage: Footage,
    root: Path,
    out: Path,
    key: Ed25519PrivateKey | None,
    *,
    report: Callable[[str], None] = _out,
    cancel: threading.Event | None = None,
) -> ExportResult:
    """Write the bundle, printing progress about once a second (Ctrl-C leaves nothing)."""
    from video.evidence import export_bundle

    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] >= 1.0 or done >= total:
            last[0] = now
            report(f"  {done / 1e6:8.1f} / {total / 1e6:.1f} MB ({100 * done // max(total, 1)} %)")

    return export_bundle(
        request,
        footage.segments,
        root,
        out,
        gaps=footage.gaps,
        signing_key=key,
        progress=progress,
        cancel=cancel,
    )


class _Database:
    """The database part of an export: sign-in, authorisation, the recordings and the incident's
    extras, and the audit of the written bundle's manifest hash."""

    def __init__(self, args: argparse.Namespace) -> None:
        from console.paths import key_dir
        from console.startup import local_services
        from data.db import DbOptions, resolve_url
        from data.migrate import open_database

        self._db = open_database(resolve_url(args.db), opts=DbOptions(), must_exist=True)
        self._services = local_services(self._db, args.workstation, key_dir(args.keys))

    def gather(
        self, args: argparse.Namespace, start: datetime, end: datetime, password: str
    ) -> Footage:
        """Sign in, authorise (an unauthorised attempt is audited) and read what to export."""
        services = self._services
        self._who = who = services.signin.login(args.user, password)
        reason = services.evidence.authorise_export(who, args.reason)
        tl = services.recordings.timeline(who, args.camera, start, end)
        segments: dict[str, list[Segment]] = {c: [] for c in tl.cameras}
        for seg in tl.segments:
            segments.setdefault(seg.camera, []).append(seg)
        gaps: dict[str, list[Gap]] = {}
        for gap in tl.gaps:
            gaps.setdefault(gap.camera, []).append(gap)
        rows: tuple[Mapping[str, object], ...] = ()
        calls: tuple[Path, ...] = ()
        if args.incident is not None:
            rows = tuple(
                {"at": e.at, "kind": e.kind, "text": e.text, "author": e.author}
                for e in services.evidence.incident_timeline_export(who, args.incident)
            )
            found = services.evidence.call_recordings_for(who, args.incident)
            calls = tuple(Path(p) for p in found)
        return Footage(who.username, reason, segments, gaps, rows, calls)

    def record(self, request: ExportRequest, result: ExportResult, reason: str) -> None:
        """The audit row (and incident timeline entry) of a written bundle."""
        self._services.evidence.record_export(
            self._who,
            result.manifest_sha256,
            request.cameras,
            request.start,
            request.end,
            request.incident_id,
            reason,
            str(result.path),
        )

    def close(self) -> None:
        self._db.dispose()


def run_evidence_command(args: argparse.Namespace) -> int:
    """Run `console evidence export`: sign in, authorise, write the bundle, audit its hash."""
    from console.authority import read_secret
    from console.paths import key_dir
    from console.recorder_service import default_root
    from console.startup import load_site_file
    from core.auth import LoginError
    from core.permissions import PermissionDenied
    from data.services.evidence import EvidenceRefused
    from video.evidence import BundleExists, EvidenceError, ExportRequest

    if args.evidence_command != "export":
        return EXIT_USAGE
    site = load_site_file(args.site)
    try:
        start, end = parse_time(args.start, site.timezone), parse_time(args.end, site.timezone)
    except ValueError as exc:
        _error(str(exc))
        return EXIT_USAGE
    if end <= start:
        _error("--to must come after --from")
        return EXIT_USAGE
    if args.out.exists():
        _error(f"{args.out} exists: a bundle is never overwritten; choose a new folder name")
        return EXIT_USAGE
    password = read_secret(f"password of {args.user}: ")
    database = _Database(args)
    try:
        try:
            footage = database.gather(args, start, end, password)
        except LoginError as exc:
            _error(f"sign-in refused ({exc.reason})")
            return EXIT_REFUSED
        except (EvidenceRefused, PermissionDenied) as exc:
            _error(str(exc))
            return EXIT_REFUSED
        except (LookupError, ValueError) as exc:
            _error(str(exc))
            return EXIT_USAGE
        key = None if args.no_sign else signing_key(key_dir(args.keys))
        request = ExportRequest(
            cameras=tuple(footage.segments) or tuple(args.camera),
            start=start,
            end=end,
            operator=footage.operator,
            workstation=args.workstation,
            reason=footage.reason or "(supervisor, no reason typed)",
            tool_version=tool_version(),
            incident_id=args.incident,
            timeline=footage.timeline,
            call_recordings=footage.call_recordings,
        )
        root = (args.root or default_root()).resolve()
        _out(f"exporting {', '.join(request.cameras)} to {args.out} …")
        try:
            result = export_with_progress(request, footage, root, args.out, key)
        except KeyboardInterrupt:
            _error("cancelled; nothing was written")
            return EXIT_INTERRUPTED
        except BundleExists as exc:
            _error(str(exc))
            return EXIT_USAGE
        except (EvidenceError, OSError) as exc:
            _error(f"{exc}; nothing was written")
            return EXIT_CHECK_FAILED
        try:
            database.record(request, result, footage.reason)
        except BaseException:
            # A bundle whose export is not in the audit log must not leave the console.
            shutil.rmtree(result.path, ignore_errors=True)
            raise
    finally:
        database.close()
    _out(
        f"bundle written: {result.path} ({len(result.videos)} video files, "
        f"{result.bytes / 1e6:.1f} MB, {result.seconds:.1f} s)"
    )
    _out(f"manifest SHA-256 {result.manifest_sha256} (recorded in the audit log)")
    if result.key_fingerprint:
        _out(f"signed; key fingerprint {result.key_fingerprint}")
    else:
        _out("not signed: this workstation does not hold the site's signing key")
    return EXIT_OK
