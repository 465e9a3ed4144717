"""Signed audit checkpoints on disk: the site's signing key, writing one, checking the chain."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from core.audit import GENESIS_HASH, ChainReport, verify_chain
from core.checkpoint import (
    PRIVATE_KEY_FILE,
    PUBLIC_KEY_FILE,
    RETIRED_KEY_GLOB,
    SUFFIX,
    AnchorReport,
    ChainPositions,
    Checkpoint,
    CheckpointError,
    CheckpointReason,
    SignedCheckpoint,
    anchor_report,
    check_files,
    key_id,
    load_private_key,
    load_public_key,
    new_key_pair,
    parse,
    sign,
)
from core.keys import KeyFileError, make_key_dir, write_secret
from core.ports import Clock
from core.timefmt import utcnow
from data.audit import iter_audit
from data.db import Database
from data.models import AuditHead, AuditLog, SiteMeta

if TYPE_CHECKING:  # cryptography loads where a key is used, not with the console
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )

log = logging.getLogger(__name__)

AUDIT_TABLES = ("audit_log", "audit_head")


# --- keys -----------------------------------------------------------------------------------
def signing_key_readable(key_dir: Path | None) -> bool:
    """True when this workstation holds the private key and may read it (no parsing)."""
    if key_dir is None:
        return False
    path = key_dir / PRIVATE_KEY_FILE
    return path.is_file() and os.access(path, os.R_OK)


def ensure_audit_key(key_dir: Path) -> bool:
    """Create the audit signing key pair when the folder holds neither half; True if created.

    A folder holding only the public key (a workstation that checks, but does not sign) is
    left alone: a new private key there would not match the site's public key.
    """
    if (key_dir / PRIVATE_KEY_FILE).exists() or (key_dir / PUBLIC_KEY_FILE).exists():
        return False
    _write_pair(key_dir)
    return True


def generate_audit_key(key_dir: Path, *, force: bool = False) -> str:
    """Create a new key pair; return its key id. Refuse to replace one unless `force`.

    A replaced public key is kept as audit-signing.<key id>.pub: the checkpoints it signed
    stay checkable, and a key swapped by an intruder would show as a new key id.
    """
    private, public = key_dir / PRIVATE_KEY_FILE, key_dir / PUBLIC_KEY_FILE
    existing = [p for p in (private, public) if p.exists()]
    if existing and not force:
        raise KeyFileError(
            f"{existing[0]} exists: the site has an audit signing key already. "
            "`console audit keygen --force` replaces it (its public key is kept so that "
            "older checkpoints can still be checked)."
        )
    if public.exists():
        old = load_public_key(public.read_bytes(), str(public))
        retired = key_dir / f"audit-signing.{key_id(old)}.pub"
        os.replace(public, retired)
        log.warning("audit signing key replaced; old public key kept as %s", retired)
    return _write_pair(key_dir)


def _write_pair(key_dir: Path) -> str:
    make_key_dir(key_dir)
    private_pem, public_pem_bytes = new_key_pair()
    write_secret(key_dir / PRIVATE_KEY_FILE, private_pem)
    # The public half is not secret, but the folder is the administrators' (0700) anyway.
    write_secret(key_dir / PUBLIC_KEY_FILE, public_pem_bytes)
    return key_id(load_public_key(public_pem_bytes, PUBLIC_KEY_FILE))


def load_signing_key(key_dir: Path | None) -> Ed25519PrivateKey:
    """The site's private audit key; KeyFileError says which file and what to do."""
    if key_dir is None:
        raise KeyFileError("no key folder configured (--keys DIR or $CONSOLE_KEYS)")
    path = key_dir / PRIVATE_KEY_FILE
    try:
        pem = path.read_bytes()
    except FileNotFoundError as exc:
        raise KeyFileError(
            f"no audit signing key at {path}: only the site's administrators hold it "
            "(`console audit keygen` creates one)"
        ) from exc
    except OSError as exc:
        raise KeyFileError(f"{path} cannot be read: {exc.strerror}") from exc
    key = load_private_key(pem, str(path))
    public = key_dir / PUBLIC_KEY_FILE
    if public.exists():
        # A signature nobody can check is worth nothing: say so now, not at the next audit.
        current = load_public_key(public.read_bytes(), str(public))
        if key_id(current) != key_id(key.public_key()):
            raise KeyFileError(f"{path} and {public} are not one key pair")
    return key


def load_public_keys(key_dir: Path | None) -> tuple[dict[str, Ed25519PublicKey], list[str]]:
    """The site's public keys by key id (current and retired), and problems reading them."""
    keys: dict[str, Ed25519PublicKey] = {}
    problems: list[str] = []
    if key_dir is None or not key_dir.is_dir():
        return keys, problems
    paths = [key_dir / PUBLIC_KEY_FILE, *sorted(key_dir.glob(RETIRED_KEY_GLOB))]
    for path in paths:
        if not path.exists():
            continue
        try:
            key = load_public_key(path.read_bytes(), str(path))
        except (KeyFileError, OSError) as exc:
            problems.append(str(exc))
            continue
        keys[key_id(key)] = key
    if (key_dir / PRIVATE_KEY_FILE).exists() and not (key_dir / PUBLIC_KEY_FILE).exists():
        # The administrators' workstation: the public half can be derived from the private.
        try:
            derived = load_signing_key(key_dir).public_key()
            keys[key_id(derived)] = derived
        except KeyFileError as exc:
            problems.append(str(exc))
    return keys, problems


# --- checkpoint files -----------------------------------------------------------------------
def save_checkpoint(folder: Path, signed: SignedCheckpoint) -> Path:
    """Write one checkpoint file atomically (0600) into the folder (0700)."""
    make_key_dir(folder)
    name = signed.file_name()
    path = folder / name
    n = 1
    while path.exists():  # two in one microsecond: keep both, still in time order
        path = folder / f"{name.removesuffix(SUFFIX)}-{n}{SUFFIX}"
        n += 1
    write_secret(path, signed.to_json().encode("utf-8"))
    return path


def load_checkpoint_files(folder: Path) -> list[tuple[str, SignedCheckpoint | CheckpointError]]:
    """Every checkpoint file of the folder, in time order, parsed or with what is wrong."""
    if not folder.is_dir():
        return []
    found: list[tuple[str, SignedCheckpoint | CheckpointError]] = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            found.append((path.name, parse(path.read_text(encoding="utf-8"), path.name)))
        except CheckpointError as exc:
            found.append((path.name, exc))
        except (OSError, UnicodeDecodeError) as exc:
            found.append((path.name, CheckpointError(f"{path.name}: cannot be read ({exc})")))
    return found


# --- writing a checkpoint -------------------------------------------------------------------
def read_checkpoint(
    session: Session, *, workstation: str, reason: CheckpointReason, clock: Clock = utcnow
) -> Checkpoint:
    """The chain head as it stands, in one statement (one snapshot on both databases).

    Refuses a head that does not match the newest row: signing it would certify damage.
    """
    newest = select(func.max(AuditLog.id)).scalar_subquery()
    count = select(func.count()).select_from(AuditLog).scalar_subquery()
    site = select(SiteMeta.value).where(SiteMeta.key == "site_name").scalar_subquery()
    row = session.execute(
        select(AuditHead.rows, AuditHead.last_hash, AuditLog.id, newest, count, site)
        .select_from(AuditHead)
        .outerjoin(AuditLog, AuditLog.row_hash == AuditHead.last_hash)
        .where(AuditHead.id == 1)
    ).one_or_none()
    if row is None:
        raise CheckpointError("the audit chain head (audit_head) is missing: run `audit verify`")
    head_rows, head_hash, last_id, newest_id, counted, site_name = row
    if head_rows == 0 and head_hash == GENESIS_HASH and counted == 0:
        last_id = 0
    elif last_id is None or last_id != newest_id or head_rows != counted:
        raise CheckpointError(
            "the audit chain head does not match the newest row; not signing it "
            "(`console audit verify` says what is wrong)"
        )
    return Checkpoint(
        site=site_name or "",
        rows=int(head_rows),
        last_id=int(last_id),
        last_row_hash=head_hash,
        head_hash=head_hash,
        at=clock(),
        workstation=workstation,
        reason=reason,
    )


def write_checkpoint(
    db: Database,
    key_dir: Path | None,
    folder: Path,
    *,
    workstation: str,
    reason: CheckpointReason = CheckpointReason.MANUAL,
    clock: Clock = utcnow,
) -> tuple[Path, SignedCheckpoint]:
    """Read the head, sign it with the site's key, and store the checkpoint file."""
    key = load_signing_key(key_dir)  # before the read: no key, no work
    with db.session() as s:
        cp = read_checkpoint(s, workstation=workstation, reason=reason, clock=clock)
    signed = sign(cp, key)
    path = save_checkpoint(folder, signed)
    log.info("audit checkpoint %s: %d rows, head %s", path.name, cp.rows, cp.head_hash[:16])
    return path, signed


def checkpoint_for_handover(
    db: Database,
    key_dir: Path | None,
    folder: Path,
    *,
    workstation: str,
    clock: Clock = utcnow,
) -> str:
    """Take a handover checkpoint and return its printable text for the handover report.

    The printed head hash and signature fingerprint are a copy outside every computer: a
    later rewrite of the log cannot match them.
    """
    path, signed = write_checkpoint(
        db, key_dir, folder, workstation=workstation, reason=CheckpointReason.HANDOVER, clock=clock
    )
    return f"{signed.describe()}\n  file:        {path}"


# --- verifying ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class AuditVerdict:
    """The chain's own check, the checkpoints' check, and what is missing from the database."""

    chain: ChainReport
    anchors: AnchorReport
    missing: tuple[str, ...] = ()
    key_problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing was found wrong (a warning may remain)."""
        return not self.missing and self.chain.ok and self.anchors.ok and not self.key_problems

    def problems(self) -> list[str]:
        """Every problem as one line, the gravest first."""
        lines = list(self.missing)
        for b in self.chain.breaks:
            where = "chain head" if b.row_id < 0 else f"row {b.row_id}"
            lines.append(f"{where}: {b.reason}")
        lines.extend(self.anchors.problems())
        lines.extend(f"key: {p}" for p in self.key_problems)
        return lines

    def warning(self) -> str | None:
        """Set when the chain is consistent but not anchored by any checkpoint."""
        return None if self.missing else self.anchors.warning()


def verify_anchored(session: Session, key_dir: Path | None, folder: Path) -> AuditVerdict:
    """Check the chain, its head, and every checkpoint of the folder, in one pass of the log.

    A dropped audit table or an emptied head is tampering, reported as such, not an error.
    """
    public_keys, key_problems = load_public_keys(key_dir)
    files = load_checkpoint_files(folder)
    bad_files, genuine = check_files(files, public_keys, _site_name(session))
    positions = ChainPositions(frozenset(cp.last_id for _, cp in genuine))
    missing = _missing_tables(session)
    if missing:
        chain = ChainReport(rows=0, last_hash=GENESIS_HASH, breaks=())
        lines = tuple(
            f"table {t} is missing (dropped): the audit trail was destroyed" for t in missing
        )
    else:
        head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one_or_none()
        lines = () if head is not None else ("the chain head (audit_head) was removed",)
        chain = verify_chain(
            positions.observe(iter_audit(session)),
            expected_head=None if head is None else head.last_hash,
            expected_rows=None if head is None else head.rows,
        )
    anchors = anchor_report(
        folder=str(folder),
        files=len(files),
        public_keys=len(public_keys),
        problems=bad_files,
        genuine=genuine,
        positions=positions,
    )
    return AuditVerdict(chain, anchors, lines, tuple(key_problems))


def _missing_tables(session: Session) -> tuple[str, ...]:
    insp = inspect(session.connection())
    return tuple(t for t in AUDIT_TABLES if not insp.has_table(t))


def _site_name(session: Session) -> str:
    if not inspect(session.connection()).has_table("site_meta"):
        return ""
    value = session.scalar(select(SiteMeta.value).where(SiteMeta.key == "site_name"))
    return value or ""
