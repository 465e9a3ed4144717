"""Residents at the street's size: masked list, number lookup, seeding; each against plaintext."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, Integer, String, func, insert, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

POPULATION = 75_000
LOOKUPS = 2_000


# The plaintext schema as it was before migration 0005, beside the real table in the same file:
# the baselines read the same rows through the same SQLAlchemy Core machinery (typed columns,
# the same joins), without hints, masks or keys.
class _PlainBase(DeclarativeBase):
    """A metadata of its own: the baseline table is never part of the console's schema."""


class PlainResident(_PlainBase):
    """A resident as the plaintext schema stored it (mapped like Resident, for the same path)."""

    __tablename__ = "plain_resident"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    community_id: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(64))
    gender: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date] = mapped_column(Date)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    address: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(32))
    lives_alone: Mapped[bool] = mapped_column(Boolean)
    dementia: Mapped[bool] = mapped_column(Boolean)
    disability: Mapped[bool] = mapped_column(Boolean)
    chronic_illness: Mapped[bool] = mapped_column(Boolean)


P = PlainResident


def _time(fn: Callable[[], Any], repeat: int = 5) -> float:
    """Median seconds of `fn()` (warm: the first call is not counted)."""
    fn()
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


class _NoCrypto:
    """Stands in for FieldKeys in the seeding baseline: values stored as they are."""

    fingerprint = "plaintext-baseline"

    def encrypt(self, plaintext: str, column: str) -> str:
        return plaintext

    def index(self, id_number: str) -> str:
        return id_number


def _seed(path: Path, keys: Path, crypto: bool) -> float:
    """Seconds to seed the demo site with POPULATION residents (one run, a fresh file)."""
    import data.seeding as seeding
    from console.paths import demo_site_file
    from console.startup import local_services
    from core.site import load_site
    from data.migrate import open_database

    db = open_database(f"sqlite:///{path}")
    original = seeding.field_keys_for
    if not crypto:
        seeding.field_keys_for = lambda _s, _folder: _NoCrypto()  # type: ignore[assignment,return-value]
    try:
        t = time.perf_counter()
        seeding.seed_site(
            db, load_site(demo_site_file()), local_services(db, "CC", keys), population=POPULATION
        )
        return time.perf_counter() - t
    finally:
        seeding.field_keys_for = original
        db.dispose()


def _plain_table(db: Any, people: list[Any]) -> None:
    """The same residents in the plaintext schema (same community ids, same order)."""
    _PlainBase.metadata.create_all(db.engine)
    with db.engine.begin() as conn:
        ids = dict(conn.execute(text("SELECT code, id FROM community")).all())
        conn.execute(
            insert(PlainResident),
            [
                {
                    "id": i,
                    "community_id": ids[p.community],
                    "name": p.name,
                    "gender": p.gender,
                    "birth_date": p.birth_date,
                    "id_number": p.id_number,
                    "address": p.address,
                    "phone": p.phone,
                    "lives_alone": p.care.lives_alone,
                    "dementia": p.care.dementia,
                    "disability": p.care.disability,
                    "chronic_illness": p.care.chronic_illness,
                }
                for i, p in enumerate(people, start=1)
            ],
        )


def table_rows(population: int = POPULATION) -> list[tuple[str, float, float, str]]:
    """(measure, console, baseline, note): list, lookup and seeding with and without crypto."""
    global POPULATION
    POPULATION = population
    from core.personal import ResidentRow
    from core.population import generate_population
    from data.fieldcrypt import ensure_field_keys, load_field_keys
    from data.migrate import open_database
    from data.services.residents import ID_NUMBER_COLUMN
    from data.services.residents import _list_columns as list_columns

    with tempfile.TemporaryDirectory(prefix="console-residents-") as tmp:
        keys = Path(tmp) / "keys"
        ensure_field_keys(keys)
        seed_plain = _seed(Path(tmp) / "plain.db", keys / "unused", crypto=False)
        seed_crypto = _seed(Path(tmp) / "street.db", keys, crypto=True)
        db = open_database(f"sqlite:///{Path(tmp) / 'street.db'}")
        try:
            from console.startup import local_services
            from data.models import Resident, SiteMeta

            svc = local_services(db, "CC", keys)
            with db.session() as s:
                day = s.get_one(SiteMeta, "population_date").value
            from console.paths import demo_site_file
            from core.site import load_site

            people = list(
                generate_population(
                    load_site(demo_site_file()), population, today=date.fromisoformat(day)
                )
            )
            _plain_table(db, people)
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            who = svc.signin.principal("operator")
            residents = svc.residents

            def masked() -> int:
                return len(residents.page(who, limit=population).rows)

            from data.models import Community

            plain_stmt = (
                select(
                    P.id,
                    Community.code,
                    Community.name,
                    P.name,
                    P.gender,
                    P.birth_date,
                    P.id_number,
                    P.phone,
                    P.address,
                    P.lives_alone,
                    P.dementia,
                    P.disability,
                    P.chronic_illness,
                )
                .join(Community, P.community_id == Community.id)
                .order_by(P.id)
                .limit(population + 1)
            )

            def plain() -> int:
                # The same rows from the plaintext schema, shown as stored: no mask, no key.
                with db.session() as s:
                    s.scalar(select(func.count(P.id)))
                    rows = s.execute(plain_stmt).all()
                out = [
                    ResidentRow(
                        id=r[0],
                        community=r[1],
                        community_name=r[2],
                        name=r[3],
                        gender=r[4],
                        birth=r[5].isoformat(),
                        id_number=r[6],
                        phone=r[7],
                        address=r[8],
                        minor=False,
                        care_needed=r[9] or r[10] or r[11] or r[12],
                        care=(r[9], r[10], r[11], r[12]),
                    )
                    for r in rows
                ]
                return len(out)

            field_keys = load_field_keys(keys)

            def decrypting() -> int:
                # What the list would cost without the stored hint: every number decrypted.
                from core.personal import mask_id_number

                with db.session() as s:
                    tokens = s.execute(
                        text("SELECT id_number_enc FROM resident ORDER BY id")
                    ).scalars()
                    return len(
                        [mask_id_number(field_keys.decrypt(t, ID_NUMBER_COLUMN)) for t in tokens]
                    )

            assert masked() == plain() == population
            t_masked = _time(masked)
            t_plain = _time(plain)
            t_decrypt = _time(decrypting)
            t_raw = _time(lambda: _raw_only(db, list_columns(who.role, date.today()), population))

            sample = random.Random(7).sample(people, min(LOOKUPS, len(people)))

            def by_service() -> None:
                for p in sample:
                    assert residents.page(who, query=p.id_number, limit=1).total == 1

            def by_hmac() -> None:
                # The lookup itself: the keyed hash of the typed number, one indexed equality.
                with db.session() as s:
                    for p in sample:
                        mac = field_keys.index(p.id_number)
                        found = s.execute(
                            select(Resident.id).where(Resident.id_number_hmac == mac)
                        ).scalar()
                        assert found is not None

            def by_plain() -> None:
                with db.session() as s:
                    for p in sample:
                        found = s.execute(select(P.id).where(P.id_number == p.id_number)).scalar()
                        assert found is not None

            def by_plain_service_shape() -> None:
                # As the service does it (a session per lookup, a count and a page), plaintext.
                for p in sample:
                    with db.session() as s:
                        where = P.id_number == p.id_number
                        s.scalar(select(func.count(P.id)).where(where))
                        rows = s.execute(plain_stmt.where(where)).all()
                        assert len(rows) == 1

            n = len(sample)
            t_hmac = _time(by_hmac, repeat=3) / n * 1000
            t_plain_lookup = _time(by_plain, repeat=3) / n * 1000
            t_service = _time(by_service, repeat=3) / n * 1000
            t_plain_shape = _time(by_plain_service_shape, repeat=3) / n * 1000
        finally:
            db.dispose()
    k = f"{population // 1000}k"
    return [
        (
            f"list {k} residents masked (s)",
            t_masked,
            t_plain,
            "goal <= 1.10x; baseline: plaintext schema, unmasked",
        ),
        (
            f"list {k}: the masked SELECT alone (s)",
            t_raw,
            t_plain,
            "masked columns picked in SQL; no count, no policy per row",
        ),
        (
            f"list {k} decrypting every number (s)",
            t_decrypt,
            t_plain,
            "decrypt + mask only, on top of the list, if there were no hint",
        ),
        (
            "find by identity number (ms each)",
            t_hmac,
            t_plain_lookup,
            "HMAC + its unique index vs the plaintext unique index",
        ),
        (
            "  the same through the service (ms)",
            t_service,
            t_plain_shape,
            "count + page + masking, both schemas",
        ),
        (f"seed {k} residents encrypted (s)", seed_crypto, seed_plain, "baseline: no crypto"),
    ]


def _raw_only(db: Any, stmt: Any, population: int) -> int:
    from core.personal import ResidentRow

    with db.session() as s:
        rows = s.execute(stmt.order_by(text("resident.id")).limit(population + 1)).all()
    return len(
        [
            ResidentRow(
                r[0], r[1], r[2], r[3], r[4], str(r[5]), r[6], r[7], r[8], False, None, None
            )
            for r in rows
        ]
    )


def main() -> int:
    """`python -m bench.residents [N]`: the table alone."""
    import sys

    from bench.__main__ import _print_table

    _print_table(table_rows(int(sys.argv[1]) if len(sys.argv) > 1 else POPULATION))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
