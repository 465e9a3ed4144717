"""Tests for roles, permissions and community scope."""

from __future__ import annotations

import dataclasses

import pytest

from core.model import RoleName
from core.permissions import ROLE_PERMISSIONS, Permission, PermissionDenied, Principal

P = Permission


def principal(role: RoleName, communities: frozenset[str] | None = None) -> Principal:
    return Principal(
        user_id=7,
        username=f"{role.value}1",
        display_name="某人",
        role=role,
        permissions=ROLE_PERMISSIONS[role],
        communities=communities,
    )


def test_every_role_has_permissions() -> None:
    assert set(ROLE_PERMISSIONS) == set(RoleName)


def test_admin_has_everything() -> None:
    assert ROLE_PERMISSIONS[RoleName.ADMIN] == frozenset(Permission)


def test_role_permission_highlights() -> None:
    op = ROLE_PERMISSIONS[RoleName.OPERATOR]
    sup = ROLE_PERMISSIONS[RoleName.SUPERVISOR]
    station = ROLE_PERMISSIONS[RoleName.STATION]
    assert P.HANDLE_INCIDENTS in op
    assert P.REVIEW_INCIDENTS not in op
    assert P.VIEW_RESIDENT_PII not in op
    assert P.MANAGE_USERS not in op
    assert P.REVIEW_INCIDENTS in sup
    assert P.VIEW_AUDIT in sup
    assert P.MANAGE_USERS not in sup
    assert P.VIEW_RESIDENT_PII in station
    assert P.REVIEW_INCIDENTS not in station
    assert P.VIEW_AUDIT not in station
    assert op < sup


def test_street_wide_principal_may_act_in_any_community() -> None:
    op = principal(RoleName.OPERATOR)
    assert op.street_wide
    assert op.can(P.VIEW_DEVICES)
    assert op.can(P.VIEW_DEVICES, "C01")
    assert op.can(P.VIEW_DEVICES, "C20")
    assert not op.can(P.MANAGE_USERS)
    assert not op.can(P.MANAGE_USERS, "C01")


def test_scoped_principal_is_limited_to_its_communities() -> None:
    st = principal(RoleName.STATION, frozenset({"C01"}))
    assert not st.street_wide
    assert st.can(P.VIEW_DEVICES, "C01")
    assert not st.can(P.VIEW_DEVICES, "C02")
    # No community named: the permission alone decides (services filter by scope).
    assert st.can(P.VIEW_DEVICES)
    # Scope never grants a permission the role lacks.
    assert not st.can(P.REVIEW_INCIDENTS, "C01")


def test_require_passes_silently_when_allowed() -> None:
    st = principal(RoleName.STATION, frozenset({"C01", "C03"}))
    st.require(P.HANDLE_INCIDENTS, "C03")
    st.require(P.HANDLE_INCIDENTS)


def test_require_outside_scope_raises_with_details() -> None:
    st = principal(RoleName.STATION, frozenset({"C01"}))
    with pytest.raises(PermissionDenied) as info:
        st.require(P.VIEW_DEVICES, "C02")
    err = info.value
    assert err.username == "station1"
    assert err.permission is P.VIEW_DEVICES
    assert err.community == "C02"
    assert str(err) == "user 'station1' may not view_devices in community C02"
    assert isinstance(err, PermissionError)


def test_require_without_permission_raises() -> None:
    op = principal(RoleName.OPERATOR)
    with pytest.raises(PermissionDenied, match=r"may not manage_users$") as info:
        op.require(P.MANAGE_USERS)
    assert info.value.community is None


def test_principal_is_frozen() -> None:
    op = principal(RoleName.OPERATOR)
    with pytest.raises(dataclasses.FrozenInstanceError):
        op.role = RoleName.ADMIN  # type: ignore[misc]
