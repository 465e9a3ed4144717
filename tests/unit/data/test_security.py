"""What stays of data/security.py: the argon2id hasher, random passwords, principals of users.

Sign-in and accounts are tested with their services (tests/unit/data/services/).
"""

from __future__ import annotations

import argon2
import pytest
from sqlalchemy import select

from core.auth import LoginPolicy
from core.model import RoleName
from core.permissions import ROLE_PERMISSIONS
from data.db import Database
from data.models import User
from data.security import Argon2Hasher, generate_password, principal_of
from tests.unit.data.support import cheap_hasher
from tests.unit.data.worlds import small_world


def test_cheap_hasher_is_still_argon2id() -> None:
    stored = cheap_hasher().hash("x")
    assert stored.startswith("$argon2id$")
    assert cheap_hasher().verify(stored, "x")
    assert not cheap_hasher().verify(stored, "y")
    assert not cheap_hasher().verify("not a hash", "x")


def test_a_hash_of_other_parameters_needs_a_rehash() -> None:
    stronger = Argon2Hasher(argon2.PasswordHasher(time_cost=2, memory_cost=16, parallelism=1))
    old = cheap_hasher().hash("x")
    assert stronger.needs_rehash(old)
    assert stronger.verify(old, "x")  # still accepted: the upgrade happens at sign-in
    assert not stronger.needs_rehash(stronger.hash("x"))


def test_generate_password_passes_the_policy() -> None:
    for _ in range(20):
        pw = generate_password()
        assert len(pw) == 14
        assert LoginPolicy().password_problem(pw) is None
        assert not set(pw) & set("0OoIl1")


@pytest.mark.parametrize(
    ("username", "role", "scope"),
    [("operator", RoleName.OPERATOR, None), ("ws01", RoleName.STATION, frozenset({"C01"}))],
)
def test_principal_of_a_user(
    db: Database, username: str, role: RoleName, scope: frozenset[str] | None
) -> None:
    small_world(db)
    with db.session() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        p = principal_of(user)
        assert (p.user_id, p.username, p.display_name) == (user.id, username, user.display_name)
    assert p.role is role
    assert p.permissions == ROLE_PERMISSIONS[role]
    assert p.communities == scope
