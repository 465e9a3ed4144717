"""Signed checkpoints of the audit chain: bytes, signatures, files, and the check of the chain."""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core.audit import AuditRecord
from core.keys import KeyFileError

# cryptography loads where a key is used, not with the console: 20 ms of every cold start.
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

CHECKPOINTS_ENV = "CONSOLE_CHECKPOINTS"
FORMAT = "street-command-console/audit-checkpoint/1"
PRIVATE_KEY_FILE = "audit-signing.key"
PUBLIC_KEY_FILE = "audit-signing.pub"
# Public keys replaced by `console audit keygen --force` are kept as audit-signing.<key id>.pub,
# so the checkpoints they signed stay checkable.
RETIRED_KEY_GLOB = "audit-signing.*.pub"
SUFFIX = ".json"
_HASH_CHARS = frozenset("0123456789abcdef")


class CheckpointReason(enum.StrEnum):
    """Why a checkpoint was taken."""

    PERIODIC = "periodic"
    HANDOVER = "handover"
    MANUAL = "manual"


class CheckpointError(Exception):
    """A checkpoint file cannot be read, or the chain cannot be checkpointed; says which."""


def resolve_checkpoint_dir(
    cli_dir: str | Path | None, env: Mapping[str, str] | None = None, *, default: Path
) -> Path:
    """`--checkpoints DIR`, else $CONSOLE_CHECKPOINTS, else `default` (console.paths)."""
    env = os.environ if env is None else env
    if cli_dir:
        return Path(cli_dir)
    if env.get(CHECKPOINTS_ENV):
        return Path(env[CHECKPOINTS_ENV])
    return default


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """What a checkpoint states about the chain at one moment.

    `last_id` is 0 and both hashes are the genesis hash for an empty chain.
    """

    site: str
    rows: int
    last_id: int
    last_row_hash: str
    head_hash: str
    at: datetime
    workstation: str
    reason: CheckpointReason

    def fields(self) -> dict[str, object]:
        """The stated facts as JSON values (time as UTC ISO 8601 with microseconds)."""
        return {
            "format": FORMAT,
            "site": self.site,
            "rows": self.rows,
            "last_id": self.last_id,
            "last_row_hash": self.last_row_hash,
            "head_hash": self.head_hash,
            "at": _ts_text(self.at),
            "workstation": self.workstation,
            "reason": self.reason.value,
        }

    def payload(self) -> bytes:
        """The canonical bytes that are signed: sorted keys, no spaces, UTF-8."""
        return json.dumps(
            self.fields(), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ).encode("utf-8")

    @property
    def when(self) -> str:
        """'2026-11-29 10:00:00 UTC', as messages name a checkpoint."""
        return self.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _ts_text(ts: datetime) -> str:
    if ts.tzinfo is None:
        raise ValueError("checkpoint times must be timezone-aware")
    return ts.astimezone(UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class SignedCheckpoint:
    """A checkpoint with its Ed25519 signature and the id of the key that made it."""

    checkpoint: Checkpoint
    key_id: str
    signature: bytes

    @property
    def signature_fingerprint(self) -> str:
        """A short, readable digest of the signature for printed reports ('3f2a 9b1c …')."""
        digest = hashlib.sha256(self.signature).hexdigest()[:24]
        return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))

    def to_json(self) -> str:
        """The file's text: the stated facts, then key id and signature (base64)."""
        doc = {
            "checkpoint": self.checkpoint.fields(),
            "key_id": self.key_id,
            "signature": base64.b64encode(self.signature).decode("ascii"),
        }
        return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def file_name(self) -> str:
        """'20261129T100000.123456Z-periodic.json': names sort by time."""
        at = self.checkpoint.at.astimezone(UTC)
        return f"{at:%Y%m%dT%H%M%S.%fZ}-{self.checkpoint.reason.value}{SUFFIX}"

    def describe(self) -> str:
        """The printable text for a handover report (site, rows, head, time, signature)."""
        cp = self.checkpoint
        return "\n".join(
            [
                f"Audit checkpoint ({cp.reason.value}) — {cp.site or 'site not named'}",
                f"  time:        {cp.when}",
                f"  workstation: {cp.workstation}",
                f"  rows:        {cp.rows} (last row id {cp.last_id})",
                f"  head hash:   {cp.head_hash}",
                f"  signature:   {self.signature_fingerprint} (key {self.key_id})",
            ]
        )


# --- keys -----------------------------------------------------------------------------------
def key_id(public_key: Ed25519PublicKey) -> str:
    """A stable short name of a public key: the first 16 hex digits of SHA-256 of its bytes."""
    from cryptography.hazmat.primitives import serialization

    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def new_key_pair() -> tuple[bytes, bytes]:
    """A fresh Ed25519 key pair as (private PKCS#8 PEM, public SubjectPublicKeyInfo PEM)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return private_pem, public_pem(private.public_key())


def public_pem(public_key: Ed25519PublicKey) -> bytes:
    """The public key as PEM (SubjectPublicKeyInfo)."""
    from cryptography.hazmat.primitives import serialization

    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_private_key(pem: bytes, source: str) -> Ed25519PrivateKey:
    """Parse a private key file's bytes; KeyFileError names `source` if they are not one."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"{source}: not an unencrypted private key in PEM form") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{source}: not an Ed25519 key")
    return key


def load_public_key(pem: bytes, source: str) -> Ed25519PublicKey:
    """Parse a public key file's bytes; KeyFileError names `source` if they are not one."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(pem)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(f"{source}: not a public key in PEM form") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(f"{source}: not an Ed25519 key")
    return key


# --- signing and reading ----------------------------------------------------------------------
def sign(checkpoint: Checkpoint, private_key: Ed25519PrivateKey) -> SignedCheckpoint:
    """Sign the checkpoint's canonical bytes."""
    return SignedCheckpoint(
        checkpoint=checkpoint,
        key_id=key_id(private_key.public_key()),
        signature=private_key.sign(checkpoint.payload()),
    )


class SignatureStatus(enum.StrEnum):
    """What checking one checkpoint's signature found."""

    VALID = "valid"
    BAD = "bad"
    UNKNOWN_KEY = "unknown_key"


def check_signature(
    signed: SignedCheckpoint, public_keys: Mapping[str, Ed25519PublicKey]
) -> SignatureStatus:
    """Verify against the public key the checkpoint names, among those the site keeps."""
    from cryptography.exceptions import InvalidSignature

    key = public_keys.get(signed.key_id)
    if key is None:
        return SignatureStatus.UNKNOWN_KEY
    try:
        key.verify(signed.signature, signed.checkpoint.payload())
    except InvalidSignature:
        return SignatureStatus.BAD
    return SignatureStatus.VALID


def parse(text: str, source: str) -> SignedCheckpoint:
    """Read a checkpoint file's text; CheckpointError says what is wrong with it.

    Only the shape is checked here: whether the content is genuine is the signature's job.
    """
    try:
        doc = json.loads(text)
        body = doc["checkpoint"]
        if body.get("format") != FORMAT:
            raise CheckpointError(f"{source}: not a checkpoint of this console's format")
        cp = Checkpoint(
            site=_str(body["site"]),
            rows=_int(body["rows"]),
            last_id=_int(body["last_id"]),
            last_row_hash=_hash(body["last_row_hash"]),
            head_hash=_hash(body["head_hash"]),
            at=_time(body["at"]),
            workstation=_str(body["workstation"]),
            reason=CheckpointReason(body["reason"]),
        )
        signature = base64.b64decode(_str(doc["signature"]), validate=True)
        return SignedCheckpoint(cp, _str(doc["key_id"]), signature)
    except CheckpointError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
        raise CheckpointError(f"{source}: unreadable checkpoint ({exc!r})") from exc


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"expected a count, got {value!r}")
    return value


def _hash(value: object) -> str:
    text = _str(value)
    if len(text) != 64 or not set(text) <= _HASH_CHARS:
        raise ValueError(f"expected a SHA-256 hex digest, got {text!r}")
    return text


def _time(value: object) -> datetime:
    ts = datetime.fromisoformat(_str(value))
    if ts.tzinfo is None:
        raise ValueError("checkpoint time without a time zone")
    return ts.astimezone(UTC)


# --- checking the chain against checkpoints -------------------------------------------------
class Finding(enum.StrEnum):
    """What one checkpoint file says about the chain."""

    MATCH = "match"
    MISMATCH = "mismatch"
    TRUNCATED = "truncated"
    BAD_SIGNATURE = "bad_signature"
    UNKNOWN_KEY = "unknown_key"
    OTHER_SITE = "other_site"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class CheckpointCheck:
    """One checkpoint file and what checking it found."""

    source: str
    finding: Finding
    detail: str
    checkpoint: Checkpoint | None = None

    @property
    def ok(self) -> bool:
        """True when the file is genuine and the chain still holds what it states."""
        return self.finding is Finding.MATCH


@dataclass(slots=True)
class ChainPositions:
    """Watches the records going through verify_chain and notes where the wanted rows are.

    One pass serves both checks: the chain's own and the checkpoints', so a long log is read
    once.
    """

    wanted: frozenset[int]
    seen: dict[int, tuple[int, str]] = field(default_factory=dict)  # id -> (position, hash)
    rows: int = 0

    def observe(self, records: Iterable[AuditRecord]) -> Iterator[AuditRecord]:
        """Pass `records` through unchanged, counting them and noting the wanted ones."""
        wanted, seen = self.wanted, self.seen
        n = 0
        for rec in records:
            n += 1
            if rec.id in wanted:
                seen[rec.id] = (n, rec.row_hash)
            yield rec
        self.rows = n


def compare(cp: Checkpoint, positions: ChainPositions) -> tuple[Finding, str]:
    """Does the chain still hold, at the checkpoint's row, what the checkpoint states?"""
    if cp.rows == 0:
        return Finding.MATCH, "taken when the log was empty"
    found = positions.seen.get(cp.last_id)
    if found is None:
        if positions.rows < cp.rows:
            return Finding.TRUNCATED, (
                f"the chain has {positions.rows} rows, fewer than the {cp.rows} the checkpoint "
                f"of {cp.when} recorded (rows deleted or the log truncated)"
            )
        return Finding.MISMATCH, f"row {cp.last_id}, the newest at the checkpoint, is gone"
    position, row_hash = found
    if row_hash != cp.last_row_hash:
        return Finding.MISMATCH, f"row {cp.last_id} no longer has the hash the checkpoint recorded"
    if position != cp.rows:
        return Finding.MISMATCH, (
            f"row {cp.last_id} is now number {position} in the chain, the checkpoint recorded "
            f"{cp.rows} (rows before it removed or inserted)"
        )
    return Finding.MATCH, f"row {cp.last_id} and the {cp.rows} rows up to it are unchanged"


def check_files(
    files: Sequence[tuple[str, SignedCheckpoint | CheckpointError]],
    public_keys: Mapping[str, Ed25519PublicKey],
    site: str,
) -> tuple[list[CheckpointCheck], list[tuple[str, Checkpoint]]]:
    """Checks of the files that cannot be trusted, and the genuine checkpoints of this site."""
    problems: list[CheckpointCheck] = []
    genuine: list[tuple[str, Checkpoint]] = []
    for source, item in files:
        if isinstance(item, CheckpointError):
            problems.append(CheckpointCheck(source, Finding.UNREADABLE, str(item)))
            continue
        status = check_signature(item, public_keys)
        cp = item.checkpoint
        if status is SignatureStatus.BAD:
            why = "bad signature: the file was altered or not signed with the site's key"
            problems.append(CheckpointCheck(source, Finding.BAD_SIGNATURE, why, cp))
        elif status is SignatureStatus.UNKNOWN_KEY:
            why = f"signed with key {item.key_id}, which is not among the site's public keys"
            problems.append(CheckpointCheck(source, Finding.UNKNOWN_KEY, why, cp))
        elif cp.site != site:
            # Not skipped: renaming the site in the database must not silence every checkpoint.
            why = f"a checkpoint of site {cp.site!r}, but this database is site {site!r}"
            problems.append(CheckpointCheck(source, Finding.OTHER_SITE, why, cp))
        else:
            genuine.append((source, cp))
    return problems, genuine


@dataclass(frozen=True, slots=True)
class AnchorReport:
    """The chain against every checkpoint found; `checks` in chain order, problems first."""

    folder: str
    public_keys: int
    files: int
    checks: tuple[CheckpointCheck, ...]
    rows: int

    @property
    def ok(self) -> bool:
        """True when every checkpoint file is genuine and matches the chain."""
        return all(c.ok for c in self.checks)

    @property
    def anchored(self) -> bool:
        """True when at least one genuine checkpoint was compared with the chain."""
        return any(c.ok for c in self.checks)

    @property
    def latest(self) -> Checkpoint | None:
        """The genuine checkpoint furthest along the chain."""
        done = [c.checkpoint for c in self.checks if c.checkpoint is not None and c.ok]
        return max(done, key=lambda cp: (cp.rows, cp.at), default=None)

    def problems(self) -> list[str]:
        """One line per problem; the first rewritten checkpoint names what cannot be trusted."""
        lines: list[str] = []
        chain = sorted(
            (c for c in self.checks if c.finding in _COMPARED and c.checkpoint is not None),
            key=lambda c: (c.checkpoint.rows, c.checkpoint.at),  # type: ignore[union-attr]
        )
        trusted: Checkpoint | None = None
        for check in chain:
            cp = check.checkpoint
            assert cp is not None
            if check.ok:
                trusted = cp
                continue
            lines.append(_rewritten(check, cp, trusted))
            break
        for check in self.checks:
            if check.finding in _COMPARED:
                continue
            lines.append(f"checkpoint {check.source}: {check.detail}")
        return lines

    def warning(self) -> str | None:
        """Why the chain is only self-consistent, when no checkpoint anchors it."""
        if self.anchored or not self.ok:
            return None
        if self.files == 0:
            return (
                f"no checkpoints in {self.folder}: the chain is only self-consistent (whoever "
                "can write the database could rewrite it unnoticed); `console audit checkpoint` "
                "signs one"
            )
        return (
            f"no public key to check the {self.files} checkpoints in {self.folder}: the chain is "
            "only self-consistent"
        )


_COMPARED = frozenset({Finding.MATCH, Finding.MISMATCH, Finding.TRUNCATED})


def _rewritten(check: CheckpointCheck, cp: Checkpoint, trusted: Checkpoint | None) -> str:
    after = (
        f"rows after row {trusted.last_id} (the last matching checkpoint, of {trusted.when}) "
        "cannot be trusted"
        if trusted is not None and trusted.rows > 0
        else "no earlier checkpoint matches: no row can be trusted"
    )
    if check.finding is Finding.TRUNCATED:
        return f"chain shorter than a signed checkpoint: {check.detail}; {after}"
    return (
        f"history rewritten before row {cp.last_id}: checkpoint of {cp.when} does not match "
        f"({check.detail}); {after}"
    )


def anchor_report(
    *,
    folder: str,
    files: int,
    public_keys: int,
    problems: Sequence[CheckpointCheck],
    genuine: Sequence[tuple[str, Checkpoint]],
    positions: ChainPositions,
) -> AnchorReport:
    """Compare every genuine checkpoint with the positions seen in one pass of the chain."""
    checks = list(problems)
    for source, cp in genuine:
        finding, detail = compare(cp, positions)
        checks.append(CheckpointCheck(source, finding, detail, cp))
    return AnchorReport(
        folder=folder,
        public_keys=public_keys,
        files=files,
        checks=tuple(checks),
        rows=positions.rows,
    )
