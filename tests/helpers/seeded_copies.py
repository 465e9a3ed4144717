"""A seeded database made once per test process and backend, copied for each test.

Seeding the demo street (communities, accounts, devices, a few hundred residents) cost most of
a service test's time; a copy costs what the `db` fixture's empty database costs: SQLite's
backup API into the test's file, or PostgreSQL's CREATE DATABASE … TEMPLATE (roles' grants
come with it). The field keys the residents were encrypted with are copied too.
"""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from data.db import Database
from data.fieldcrypt import ensure_field_keys
from data.migrate import open_database
from tests.helpers.postgres import PgServer

# (database, keys folder): fills the database as its owner with those keys; what it returns is
# kept with the template and given to every copy (a fake clock's time after seeding).
Seed = Callable[[Database, Path], object]


@dataclass(frozen=True)
class _Template:
    where: str  # a SQLite file's path, or a PostgreSQL database's name
    keys: Path
    meta: object = None


@dataclass(frozen=True)
class Copy:
    """A test's copy: its database, its field keys, and what the seeding returned."""

    db: Database
    keys: Path
    meta: object


_made: dict[tuple[str, str], _Template] = {}
_counter = itertools.count()


def seeded_database(
    request: pytest.FixtureRequest, backend: str, tmp_path: Path, name: str, seed: Seed
) -> Copy:
    """A test's own copy of what `seed` writes on `backend` ("sqlite" or "postgresql"; on
    PostgreSQL connected as the workstation's role, like the `db` fixture), and a copy of its
    field keys; `seed` runs once per test process and backend under `name`."""
    template = _made.get((name, backend))
    if template is None:
        template = _make(request, backend, name, seed)
        _made[(name, backend)] = template
    keys = tmp_path / "keys"
    shutil.copytree(template.keys, keys)
    if backend == "postgresql":
        srv: PgServer = request.getfixturevalue("pg_server")
        database = f"t{os.getpid()}_{name}_{next(_counter)}"
        srv.create_database(database, template=template.where)
        srv.drop_after(request, database)
        copy = Copy(open_database(srv.workstation_url(database)), keys, template.meta)
        request.addfinalizer(copy.db.dispose)  # runs first: the drop cuts no open pool
        return copy
    path = tmp_path / "console.db"
    copy_sqlite(template.where, path)
    return Copy(open_database(f"sqlite:///{path}"), keys, template.meta)


def copy_sqlite(source: str | Path, target: str | Path) -> None:
    """A seeded template's SQLite file into `target`, page by page (SQLite's backup API)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _make(request: pytest.FixtureRequest, dialect: str, name: str, seed: Seed) -> _Template:
    folder = request.getfixturevalue("tmp_path_factory").mktemp(f"seeded-{name}")
    keys = folder / "keys"
    ensure_field_keys(keys)
    if dialect == "postgresql":
        srv: PgServer = request.getfixturevalue("pg_server")
        migrated: str = request.getfixturevalue("pg_migrated_template")
        database = f"seeded_{name}_{os.getpid()}_{next(_counter)}"
        owner = open_database(srv.create_database(database, template=migrated))
        try:
            meta = seed(owner, keys)
        finally:
            owner.dispose()
        return _Template(database, keys, meta)
    migrated_file: Path = request.getfixturevalue("sqlite_migrated_template")
    path = folder / "console.db"
    shutil.copyfile(migrated_file, path)
    db = open_database(f"sqlite:///{path}")
    try:
        meta = seed(db, keys)
    finally:
        db.dispose()
    return _Template(str(path), keys, meta)
