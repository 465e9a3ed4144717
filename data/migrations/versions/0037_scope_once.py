"""Row security decides a role's scope once per statement, not once per row"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from alembic import op

revision = "0037"
down_revision = "0036"
branch_labels = None
depends_on = None

# Every community policy so far asks "is there a scope row for this role that is street-wide
# or this row's community?", a subquery that names the row and so runs once per row: on
# PostgreSQL a street-wide read of 75,000 residents spent most of its time there. Asked
# without naming the row, the role's scope is two values PostgreSQL computes once per
# statement (an InitPlan); each row then costs one comparison. The meaning is unchanged: a
# role the scope table lacks gets NULL from both and sees nothing; a NULL community in the
# scope row is street-wide; a row without a community is seen street-wide only.
_ROLE = "r.role_name = (CURRENT_USER)::text"
_STREET = f"(SELECT r.community_id IS NULL FROM db_role_scope r WHERE {_ROLE})"
_COMMUNITY = f"(SELECT r.community_id FROM db_role_scope r WHERE {_ROLE})"

# How PostgreSQL prints the old subquery back (pg_policies), whatever the table.
_PER_ROW = re.compile(
    r"(?P<open>\()?EXISTS \( SELECT 1\s+FROM db_role_scope r\s+WHERE "
    r"\(\(r\.role_name = \(CURRENT_USER\)::text\) AND "
    r"\(\(r\.community_id IS NULL\) OR \(r\.community_id = (?P<table>\w+)\.community_id"
    r"\)\)\)\)(?(open)\))"
)


def once(table: str) -> str:
    """The scope test of `table`'s rows with the role's scope read once per statement."""
    return f"({_STREET} OR ({table}.community_id = {_COMMUNITY}))"


def per_row(table: str) -> str:
    """The scope test as migrations 0006 to 0033 wrote it (for the downgrade)."""
    return (
        "EXISTS (SELECT 1 FROM db_role_scope r WHERE r.role_name = current_user::text "
        f"AND (r.community_id IS NULL OR r.community_id = {table}.community_id))"
    )


# How PostgreSQL prints the new test back (the column unqualified), for the downgrade.
_ONCE = re.compile(
    r"(?P<open>\()?\(\( SELECT \(r\.community_id IS NULL\)\s+FROM db_role_scope r\s+"
    r"WHERE \(r\.role_name = \(CURRENT_USER\)::text\)\) OR \((?:\w+\.)?community_id = \( SELECT "
    r"r\.community_id\s+FROM db_role_scope r\s+WHERE \(r\.role_name = \(CURRENT_USER\)::text\)"
    r"\)\)\)(?(open)\))"
)


_CORRELATED = re.compile(r"r\.community_id = \w+\.community_id")


def _policies() -> list[tuple[str, str, str | None, str | None]]:
    """Every policy of the schema: table, name, USING and WITH CHECK as PostgreSQL prints them."""
    rows = op.get_bind().exec_driver_sql(
        "SELECT tablename, policyname, qual, with_check FROM pg_policies "
        "WHERE schemaname = current_schema() ORDER BY tablename, policyname"
    )
    return [(t, n, q, c) for t, n, q, c in rows]


def _remade(make: Callable[[str], str], table: str, m: re.Match[str]) -> str:
    """The test `m` found, made again by `make` for its table (or the policy's own)."""
    return make(m.groupdict().get("table") or table)


def _rewrite(pattern: re.Pattern[str], make: Callable[[str], str]) -> int:
    """Rewrites every policy whose tests match `pattern`; returns how many it changed."""
    changed = 0
    for table, name, qual, check in _policies():
        parts = []
        for clause, text in (("USING", qual), ("WITH CHECK", check)):
            if text is None:
                continue
            new = pattern.sub(partial(_remade, make, table), text)
            if new != text:
                parts.append(f"{clause} ({new})")
        if parts:
            op.get_bind().exec_driver_sql(f'ALTER POLICY "{name}" ON "{table}" ' + " ".join(parts))
            changed += 1
    return changed


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return  # SQLite has no row security
    _rewrite(_PER_ROW, once)
    # Any variant the pattern missed would keep the per-row cost without anyone noticing.
    left = [
        f"{table}.{name}"
        for table, name, qual, check in _policies()
        if _CORRELATED.search(f"{qual} {check}")
    ]
    if left:
        raise RuntimeError(f"policies kept their per-row scope test: {', '.join(left)}")


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    _rewrite(_ONCE, per_row)
