"""Account administration through AuthService: listing and password resets, admin only."""

from __future__ import annotations

import pytest

from core.auth import LoginError
from core.model import RoleName
from core.permissions import PermissionDenied
from core.site import SiteSpec
from data.db import Database
from data.security import AuthService
from data.seeding import seed_site
from tests.unit.data.support import cheap_hasher


@pytest.fixture
def auth(db: Database, demo_site: SiteSpec) -> AuthService:
    a = AuthService(db, workstation="CC", hasher=cheap_hasher())
    seed_site(db, demo_site, a, population=0)
    return a


def test_list_users_shows_roles_scopes_and_is_admin_only(auth: AuthService) -> None:
    rows = {r.username: r for r in auth.list_users(auth.principal("admin"))}
    assert set(rows) == {"admin", "supervisor", "operator", "ws01"}
    assert rows["ws01"].role is RoleName.STATION
    assert rows["ws01"].communities == ("C01",)
    assert rows["operator"].communities == ()
    assert rows["admin"].locked_until is None
    with pytest.raises(PermissionDenied):
        auth.list_users(auth.principal("supervisor"))


def test_reset_password_replaces_the_old_one(auth: AuthService) -> None:
    admin = auth.principal("admin")
    new = auth.reset_password(admin, "operator")
    assert auth.policy.password_problem(new) is None
    assert auth.login("operator", new).username == "operator"
    with pytest.raises(LoginError):
        auth.login("operator", "not-the-new-one-1")
    with pytest.raises(PermissionDenied):
        auth.reset_password(auth.principal("operator"), "admin")
