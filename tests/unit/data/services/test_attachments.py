"""AttachmentService on SQLite and PostgreSQL: storage by content, audited opens, damage, scope."""

from __future__ import annotations

import json
import os
import stat
import struct
import zlib
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update

from core.attachments import AttachmentDamaged, AttachmentRefused, FileKind, Refusal
from core.audit import AuditAction
from core.incidents import TransitionError
from core.model import Priority
from core.permissions import PermissionDenied
from core.site import SiteSpec
from data.db import Database
from data.migrate import open_database
from data.models import Attachment, AttachmentBlob, Incident
from data.pgroles import station_role
from data.services.attachments import AttachmentService
from data.services.retention import RetentionService
from tests.helpers.postgres import as_owner, setup_console_roles
from tests.unit.data.worlds import World, demo_world


def png(width: int = 2, height: int = 1, seed: int = 0) -> bytes:
    """A real, decodable PNG (grey pixels, `seed` changes their value)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    raw = b"".join(b"\x00" + bytes([seed % 256] * width) for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


@pytest.fixture
def att(env: World, tmp_path: Path) -> AttachmentService:
    return AttachmentService(env.ctx, tmp_path / "data" / "attachments")


def incident(env: World, community: str | None = "C01") -> int:
    return env.svc.incidents.create(
        env.who("supervisor"), title="楼道堆物", priority=Priority.P3, community=community
    )


def audits(env: World, action: AuditAction) -> list[tuple[str, str, dict[str, object]]]:
    return [(a, t, json.loads(d)) for a, act, t, d in env.audit() if act == action.value]


def blob_count(db: Database) -> int:
    with as_owner(db) as owner, owner.session() as s:
        return s.scalar(select(func.count()).select_from(AttachmentBlob)) or 0


def test_add_lists_the_file_on_the_timeline_and_audits(env: World, att: AttachmentService) -> None:
    iid = incident(env)
    operator = env.who("operator")
    row = att.add(operator, iid, "C:\\Users\\op\\现场照片.png", png())
    assert (row.name, row.kind, row.mime, row.size) == (
        "现场照片.png",
        FileKind.PNG,
        "image/png",
        len(png()),
    )
    assert row.added_by == operator.display_name
    assert att.list(operator, iid) == [row]
    assert env.events(iid)[-1] == ("attachment", None, None, "现场照片.png")
    assert env.changes()[-2:] == [("attachment", row.id, "insert"), ("incident", iid, "update")]
    [(actor, target, detail)] = audits(env, AuditAction.ATTACHMENT_ADDED)
    assert (actor, target) == ("operator", str(iid))
    assert detail == {"attachment": row.id, "name": "现场照片.png", "sha256": row.sha256}
    assert env.audit_ok()


def test_the_same_bytes_are_stored_once_and_shared_by_two_incidents(
    env: World, att: AttachmentService
) -> None:
    first, second = incident(env), incident(env, "C02")
    sup = env.who("supervisor")
    a = att.add(sup, first, "a.png", png(seed=1))
    b = att.add(sup, first, "copy.png", png(seed=1))
    c = att.add(sup, second, "elsewhere.png", png(seed=1))
    d = att.add(sup, second, "other.png", png(seed=2))
    assert a.sha256 == b.sha256 == c.sha256 != d.sha256
    assert blob_count(env.db) == 2
    assert [r.name for r in att.list(sup, first)] == ["a.png", "copy.png"]
    assert [r.name for r in att.list(sup, second)] == ["elsewhere.png", "other.png"]
    assert att.open(sup, c.id).read_bytes() == png(seed=1)


def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_stored(
    env: World, att: AttachmentService
) -> None:
    iid = incident(env)
    before = len(env.audit())
    with pytest.raises(AttachmentRefused) as refused:
        att.add(env.who("operator"), iid, "photo.jpg", PDF)
    assert refused.value.refusal is Refusal.MISMATCH
    assert str(refused.value) == "photo.jpg is a PDF document, not a JPEG image"
    with pytest.raises(AttachmentRefused, match="program or script"):
        att.add(env.who("operator"), iid, "tool.png", b"MZ\x90\x00" + bytes(100))
    assert att.list(env.who("operator"), iid) == []
    assert blob_count(env.db) == 0
    assert len(env.audit()) == before


def test_every_open_is_audited_and_the_copy_is_private(
    env: World, att: AttachmentService, tmp_path: Path
) -> None:
    iid = incident(env)
    row = att.add(env.who("operator"), iid, "记录.pdf", PDF)
    first = att.open(env.who("operator"), row.id)
    again = att.open(env.who("supervisor"), row.id)
    assert first == again
    assert first.read_bytes() == PDF
    assert first.name == f"{row.sha256}.pdf"  # never the user's name
    assert first.parent == tmp_path / "data" / "attachments" / row.sha256[:2] / row.sha256[2:4]
    if hasattr(os, "geteuid"):
        assert stat.S_IMODE(first.stat().st_mode) == 0o600
        for folder in (first.parent, first.parent.parent, first.parent.parent.parent):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    opened = audits(env, AuditAction.ATTACHMENT_OPENED)
    assert [(a, t) for a, t, _d in opened] == [("operator", str(iid)), ("supervisor", str(iid))]
    assert all(d["attachment"] == row.id and d["name"] == "记录.pdf" for _a, _t, d in opened)


def test_a_damaged_cached_copy_is_rewritten_from_the_database(
    env: World, att: AttachmentService
) -> None:
    iid = incident(env)
    row = att.add(env.who("operator"), iid, "p.png", png())
    path = att.open(env.who("operator"), row.id)
    path.write_bytes(b"\x89PNG tampered")
    assert att.open(env.who("operator"), row.id).read_bytes() == png()
    path.unlink()
    assert att.open(env.who("operator"), row.id).read_bytes() == png()
    outcomes = [d["outcome"] for _a, _t, d in audits(env, AuditAction.ATTACHMENT_OPENED)]
    assert outcomes == ["opened", "opened (cached copy rewritten)", "opened"]


def test_damaged_stored_bytes_are_reported_and_never_opened(
    env: World, att: AttachmentService
) -> None:
    iid = incident(env)
    row = att.add(env.who("operator"), iid, "p.png", png())
    with as_owner(env.db) as owner, owner.engine.begin() as conn:
        conn.execute(
            update(AttachmentBlob)
            .where(AttachmentBlob.sha256 == row.sha256)
            .values(data=png(seed=9))
        )
    with pytest.raises(AttachmentDamaged, match="no longer match"):
        att.open(env.who("operator"), row.id)
    assert not any(att.cache_dir.rglob(f"{row.sha256}*"))
    [(_a, _t, detail)] = audits(env, AuditAction.ATTACHMENT_OPENED)
    assert str(detail["outcome"]).startswith("damaged")


def test_scope_and_permissions_are_the_incidents(env: World, att: AttachmentService) -> None:
    mine, theirs = incident(env, "C01"), incident(env, "C02")
    ws01 = env.who("ws01")  # the C01 station
    row = att.add(ws01, mine, "p.png", png())
    other = att.add(env.who("supervisor"), theirs, "q.png", png(seed=3))
    assert [r.id for r in att.list(ws01, mine)] == [row.id]
    with pytest.raises(PermissionDenied):
        att.list(ws01, theirs)
    with pytest.raises(PermissionDenied):
        att.open(ws01, other.id)
    with pytest.raises(PermissionDenied):
        att.add(ws01, theirs, "r.png", png(seed=4))
    with pytest.raises(LookupError):
        att.open(ws01, 999_999)


def test_nothing_is_added_to_an_anonymised_incident(env: World, att: AttachmentService) -> None:
    iid = incident(env)
    with as_owner(env.db) as owner, owner.engine.begin() as conn:
        conn.execute(update(Incident).where(Incident.id == iid).values(anonymised_at=env.clock.now))
    with pytest.raises(TransitionError):
        att.add(env.who("operator"), iid, "p.png", png())


@pytest.fixture
def owner_env(owner_db: Database, demo_site: SiteSpec) -> World:
    world = demo_world(owner_db, demo_site)
    world.clock.tick = timedelta(0)
    return world


def test_retention_takes_the_files_of_anonymised_incidents_but_not_held_ones(
    owner_env: World, tmp_path: Path
) -> None:
    env = owner_env
    att = AttachmentService(env.ctx, tmp_path / "cache")
    sup = env.who("supervisor")
    old, held, kept = incident(env), incident(env), incident(env)
    gone = att.add(sup, old, "old.png", png(seed=1))
    shared = att.add(sup, old, "shared.png", png(seed=2))
    att.add(sup, kept, "shared-too.png", png(seed=2))
    on_hold = att.add(sup, held, "held.png", png(seed=3))
    env.svc.incidents.set_legal_hold(sup, held, True, "公安调查")
    long_ago = env.clock.now - timedelta(days=5 * 366)
    with env.db.engine.begin() as conn:
        conn.execute(
            update(Incident)
            .where(Incident.id.in_([old, held]))
            .values(state="closed", updated_at=long_ago)
        )
    RetentionService(env.ctx).run(env.who("admin"))
    with env.db.session() as s:
        left = set(s.scalars(select(Attachment.name)))
        blobs = set(s.scalars(select(AttachmentBlob.sha256)))
    assert left == {"shared-too.png", "held.png"}
    assert blobs == {shared.sha256, on_hold.sha256}  # old.png's bytes went, shared ones stay
    assert gone.sha256 not in blobs
    assert att.list(sup, old) == []
    assert [r.name for r in att.list(sup, held)] == ["held.png"]


def test_a_station_role_reaches_only_its_communitys_attachments(
    env: World, att: AttachmentService
) -> None:
    db = env.db
    if db.dialect != "postgresql":
        pytest.skip("row-level security is PostgreSQL's")
    mine = att.add(env.who("supervisor"), incident(env, "C01"), "mine.png", png(seed=1))
    theirs = att.add(env.who("supervisor"), incident(env, "C02"), "theirs.png", png(seed=2))
    password = "station-c01-test"
    with as_owner(db) as owner:
        setup_console_roles(owner, ["C01", "C02"], {station_role("C01"): password})
    url = db.engine.url.set(username=station_role("C01"), password=password)
    station = open_database(url.render_as_string(hide_password=False))
    try:
        with station.engine.connect() as conn:
            names = set(conn.execute(text("SELECT name FROM attachment")).scalars())
            shas = set(conn.execute(text("SELECT sha256 FROM attachment_blob")).scalars())
            # The same bytes as another community's file: stored without an error, and still
            # without reading the other copy.
            conn.execute(
                text(
                    "INSERT INTO attachment_blob (sha256, size, data, created_at) "
                    "VALUES (:s, 1, :d, now()) ON CONFLICT DO NOTHING"
                ),
                {"s": theirs.sha256, "d": b"x"},
            )
            conn.commit()
            again = set(conn.execute(text("SELECT sha256 FROM attachment_blob")).scalars())
    finally:
        station.dispose()
    assert names == {"mine.png"}
    assert shas == again == {mine.sha256}
