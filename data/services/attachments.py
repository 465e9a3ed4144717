"""Incident attachments: bytes stored once by SHA-256 in the database, opened from a checked cache.

The API other capabilities use (a department's completion photo, the handover report, calls and
clips later) is three calls:

- `add(who, incident_id, name, data) -> AttachmentRow`: checks the file (core.attachments),
  stores its bytes once, lists it on the incident's timeline, audits.
- `list(who, incident_id) -> list[AttachmentRow]`: the incident's attachments, oldest first.
- `open(who, attachment_id) -> Path`: a verified copy in this PC's cache, audited every time.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, aliased

from core.attachments import (
    AttachmentDamaged,
    AttachmentRow,
    CheckedFile,
    cache_suffix,
    check_file,
    is_sha256,
    kind_of_mime,
)
from core.audit import AuditAction
from core.incidents import TransitionError
from core.permissions import Permission, PermissionDenied, Principal
from data.context import STREET_WIDE, ServiceContext, WriteTx
from data.db import Database, upsert_insert, user_data_dir
from data.models import Attachment, AttachmentBlob, Community, Incident, IncidentEvent, User
from data.services.assignments import answers_for
from data.services.incident_guard import check_general
from data.services.incidents import IncidentService

log = logging.getLogger(__name__)

TABLE = "attachment"
EVENT_KIND = "attachment"  # the timeline entry of an added file; its note is the file's name
# Cached copies are working copies for a viewer, not an archive: older ones are removed at the
# next open, so that personal data does not pile up on a workstation's disk.
CACHE_MAX_AGE_S = 24 * 3600


def default_cache_dir(db: Database) -> Path:
    """This PC's cache: beside a SQLite file (the data directory), else in the user's data."""
    url = make_url(db.url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).expanduser().resolve().parent / "attachments"
    return user_data_dir() / "attachments"


def _private_dir(path: Path) -> None:
    """Create `path` (and parents) readable by this user only; tighten one made wider."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if hasattr(os, "geteuid"):
        st = path.stat()
        if st.st_uid == os.geteuid() and st.st_mode & 0o077:
            path.chmod(0o700)


def _file_sha256(path: Path) -> str | None:
    """The SHA-256 of a file, None when it cannot be read."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def attachment_row(a: Attachment, added_by: str | None) -> AttachmentRow:
    """The plain row of an attachment (for the incident window and the video service)."""
    return AttachmentRow(
        id=a.id,
        incident_id=a.incident_id,
        name=a.name,
        kind=kind_of_mime(a.mime),
        mime=a.mime,
        size=a.size,
        sha256=a.sha256,
        added_by=added_by,
        added_at=a.added_at,
    )


def delete_attachments_of(s: Session, incident_ids: Sequence[int]) -> int:
    """Delete the attachments of these incidents and the bytes nothing else refers to.

    For the retention job (the database owner's task), inside its transaction; returns how
    many attachments went. Cached copies on workstations age out of their caches.
    """
    if not incident_ids:
        return 0
    found = s.execute(
        select(Attachment.id, Attachment.sha256).where(Attachment.incident_id.in_(incident_ids))
    ).all()
    if not found:
        return 0
    shas = {sha for _id, sha in found}
    s.execute(
        delete(Attachment).where(Attachment.id.in_([i for i, _sha in found])),
        execution_options={"synchronize_session": False},
    )
    still = set(s.scalars(select(Attachment.sha256).where(Attachment.sha256.in_(shas))))
    if shas - still:
        s.execute(
            delete(AttachmentBlob).where(AttachmentBlob.sha256.in_(shas - still)),
            execution_options={"synchronize_session": False},
        )
    return len(found)


def add_attachment(
    tx: WriteTx, who: Principal, incident_id: int, checked: CheckedFile, data: bytes
) -> Attachment:
    """The rows of one attachment in the caller's write transaction: the bytes (once per
    content), the attachment, its timeline entry and the change rows; the caller audits."""
    s = tx.session
    values = {"sha256": checked.sha256, "size": len(data), "data": data, "created_at": tx.now}
    # ON CONFLICT DO NOTHING: under row security a station cannot see another community's
    # copy of the same bytes, and must neither fail on nor read it.
    s.execute(upsert_insert(s, AttachmentBlob).values(**values).on_conflict_do_nothing())
    att = Attachment(
        incident_id=incident_id,
        sha256=checked.sha256,
        name=checked.name,
        size=checked.size,
        mime=checked.mime,
        added_by_id=who.user_id,
        added_at=tx.now,
    )
    s.add(att)
    s.flush()
    s.add(
        IncidentEvent(
            incident_id=incident_id,
            ts=tx.now,
            kind=EVENT_KIND,
            note=checked.name,
            actor_id=who.user_id,
            workstation=tx.ctx.workstation,
        )
    )
    tx.change(TABLE, att.id, "insert")
    # The timeline changed: windows showing the incident elsewhere re-read it.
    tx.change("incident", incident_id, "update")
    return att


def detail_of(att: Attachment) -> str:
    """The audit detail of an added attachment."""
    return json.dumps(
        {"attachment": att.id, "name": att.name, "sha256": att.sha256},
        ensure_ascii=False,
        sort_keys=True,
    )


class AttachmentService:
    """Files and snapshots of incidents; the incident's scope and permissions apply."""

    def __init__(self, ctx: ServiceContext, cache_dir: Path | None = None):
        self.ctx = ctx
        self.cache_dir = cache_dir or default_cache_dir(ctx.db)

    # --- writes ---------------------------------------------------------------------------
    def add(self, who: Principal, incident_id: int, name: str, data: bytes) -> AttachmentRow:
        """Attach a file to an incident (HANDLE_INCIDENTS in its community, or a department's
        user whose department took on work for it: a photo of what was done).

        Raises core.attachments.AttachmentRefused for a file that is empty, too big, a program,
        of a type not taken, or not what its extension says; TransitionError for an
        anonymised incident. The same bytes added twice are stored once.
        """
        # Checked and hashed before the write lock is taken: up to 50 MB of work.
        checked = check_file(name, data)
        with self.ctx.write(who) as tx:
            s = tx.session
            inc, ccode = IncidentService.locked_row(s, incident_id)
            check_general(self.ctx, tx, inc, ccode)
            if who.can(Permission.RESPOND_ASSIGNMENTS) and not who.can(Permission.HANDLE_INCIDENTS):
                # A department's photo of its work: only on an incident it was dispatched to.
                self.ctx.check(tx, Permission.RESPOND_ASSIGNMENTS)
                if not answers_for(s, who, incident_id):
                    raise PermissionDenied(who.username, Permission.HANDLE_INCIDENTS, ccode)
            else:
                self.ctx.check(tx, Permission.HANDLE_INCIDENTS, ccode or STREET_WIDE)
            if inc.anonymised_at is not None:
                raise TransitionError(f"incident {incident_id} is anonymised: nothing is added")
            att = add_attachment(tx, who, incident_id, checked, data)
            tx.audit(AuditAction.ATTACHMENT_ADDED, target=str(incident_id), detail=detail_of(att))
            return attachment_row(att, who.display_name)

    # --- reads ----------------------------------------------------------------------------
    def list(self, who: Principal, incident_id: int) -> builtins.list[AttachmentRow]:
        """An incident's attachments, oldest first (VIEW_INCIDENTS in its community)."""
        adder = aliased(User)
        with self.ctx.read() as s:
            ccode = self._community(s, incident_id)
            self.ctx.require(who, Permission.VIEW_INCIDENTS, ccode or STREET_WIDE)
            rows = s.execute(
                select(Attachment, adder.display_name)
                .outerjoin(adder, Attachment.added_by_id == adder.id)
                .where(Attachment.incident_id == incident_id)
                .order_by(Attachment.added_at, Attachment.id)
            ).all()
            return [attachment_row(a, name) for a, name in rows]

    def open(self, who: Principal, attachment_id: int) -> Path:
        """A verified copy of the attachment's bytes in this PC's cache, for a viewer.

        Every open is audited (who, which incident, which file), a refused one too. The
        cached copy is re-hashed each time; a bad copy is rewritten from the database.
        Raises AttachmentDamaged when the stored bytes are missing or do not match their
        SHA-256: such a file is never handed to a viewer.
        """
        with self.ctx.read() as s:
            found = s.execute(
                select(Attachment, Community.code)
                .join(Incident, Attachment.incident_id == Incident.id)
                .outerjoin(Community, Incident.community_id == Community.id)
                .where(Attachment.id == attachment_id)
            ).one_or_none()
            if found is None:
                raise LookupError(f"no attachment {attachment_id}")
            att, ccode = found
            self.ctx.require(who, Permission.VIEW_INCIDENTS, ccode or STREET_WIDE)
            if not is_sha256(att.sha256):
                raise AttachmentDamaged(att.id, att.name, "its content address is not a SHA-256")
            path = self._cache_path(att.sha256, cache_suffix(kind_of_mime(att.mime)))
            outcome, data = "opened", None
            if _file_sha256(path) != att.sha256:
                data = s.scalar(
                    select(AttachmentBlob.data).where(AttachmentBlob.sha256 == att.sha256)
                )
                if data is None:
                    outcome = "damaged: its bytes are missing from the database"
                elif hashlib.sha256(data).hexdigest() != att.sha256:
                    outcome = "damaged: its bytes no longer match their SHA-256"
                else:
                    outcome = "opened (cached copy rewritten)" if path.exists() else "opened"
        with self.ctx.write(who) as tx:
            tx.audit(
                AuditAction.ATTACHMENT_OPENED,
                target=str(att.incident_id),
                detail=json.dumps(
                    {"attachment": att.id, "name": att.name, "outcome": outcome},
                    ensure_ascii=False,
                    sort_keys=True,
                ),
            )
        if outcome.startswith("damaged"):
            log.error("attachment %s of incident %s %s", att.id, att.incident_id, outcome)
            raise AttachmentDamaged(att.id, att.name, outcome.removeprefix("damaged: "))
        if data is not None:
            self._write_cached(path, data)
        else:
            os.utime(path)  # in use again: not pruned while it is being looked at
        self._prune(keep=path)
        return path

    @staticmethod
    def _community(s: Session, incident_id: int) -> str | None:
        found = s.execute(
            select(Incident.id, Community.code)
            .outerjoin(Community, Incident.community_id == Community.id)
            .where(Incident.id == incident_id)
        ).one_or_none()
        if found is None:
            raise LookupError(f"no incident {incident_id}")
        code: str | None = found[1]
        return code

    # --- this PC's cache ------------------------------------------------------------------
    def _cache_path(self, sha256: str, suffix: str) -> Path:
        """attachments/ab/cd/<sha256><suffix>: the name is never the user's file name."""
        return self.cache_dir / sha256[:2] / sha256[2:4] / f"{sha256}{suffix}"

    def _write_cached(self, path: Path, data: bytes) -> None:
        """Write a copy atomically (a viewer never sees half a file), 0600 in 0700 folders."""
        for folder in (self.cache_dir, path.parent.parent, path.parent):
            _private_dir(folder)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".part-")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        # A fresh mtime: the copy is as new as this open, whatever the prune says.
        os.utime(path)

    def _prune(self, keep: Path) -> None:
        """Remove cached copies older than CACHE_MAX_AGE_S (one being viewed may stay)."""
        if not self.cache_dir.is_dir():
            return
        cutoff = time.time() - CACHE_MAX_AGE_S
        for f in self.cache_dir.glob("*/*/*"):
            try:
                if f != keep and f.is_file() and f.stat().st_mtime < cutoff:
                    f.unlink()
            except OSError:
                continue  # open in a viewer on Windows: removed at a later open
