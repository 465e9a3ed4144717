"""Roles, permissions and community scope, checked by services before they act."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from core.model import RoleName


class Permission(enum.StrEnum):
    """Things a signed-in user may do; services check these, the UI only mirrors them."""

    VIEW_CONSOLE = "view_console"
    VIEW_INCIDENTS = "view_incidents"
    # The street's incidents other than the restricted risk alerts (HANDLE_RISK): every role
    # that views incidents but the counsellor, whose work is the risk alerts alone.
    VIEW_GENERAL_INCIDENTS = "view_general_incidents"
    HANDLE_INCIDENTS = "handle_incidents"
    REVIEW_INCIDENTS = "review_incidents"
    VIEW_DEVICES = "view_devices"
    MANAGE_DEVICES = "manage_devices"
    VIEW_RESIDENTS = "view_residents"
    VIEW_RESIDENT_PII = "view_resident_pii"
    # Anonymising a resident on request (PIPL Art. 47) cannot be undone: administrators only.
    ANONYMISE_RESIDENTS = "anonymise_residents"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    # Answer and report on assignments of the account's own department (checked in the write).
    RESPOND_ASSIGNMENTS = "respond_assignments"
    # Answer, hold, transfer and hang up calls on this workstation's line, call back abandoned
    # callers, and say what became of each call (an incident or "no incident").
    HANDLE_CALLS = "handle_calls"
    # Issue, replace and return tags and set their care profiles (tracking needs consent).
    MANAGE_TAGS = "manage_tags"
    # Where tracked people and vehicles are now (the map): the control room, the stations and
    # the responding departments find them; nobody else needs their whereabouts.
    VIEW_WHEREABOUTS = "view_whereabouts"
    # Watch live video on the wall and keep one's own named wall views.
    VIEW_VIDEO = "view_video"
    # Shared (site-wide) wall views, and cameras' motion settings: mask, sensitivity, schedule.
    MANAGE_VIDEO = "manage_video"
    # Export recorded video as an evidence bundle (a reason is recorded unless a supervisor).
    EXPORT_EVIDENCE = "export_evidence"
    # Release an incident's evidence hold: its recordings fall back under retention.
    RELEASE_EVIDENCE = "release_evidence"
    # Place orders of daily necessities for a resident and move deliveries along (station
    # staff, the hotline, a registered family member through them).
    PLACE_ORDERS = "place_orders"
    # Certify, suspend and exit merchants; licences, inspections, complaints, catalogue and
    # price surveys.
    MANAGE_MERCHANTS = "manage_merchants"
    # Volunteers' profiles, teams, shifts, pairings and tasks (a station: its community's).
    MANAGE_VOLUNTEERS = "manage_volunteers"
    # Approve volunteers' hours and issue certificates ("whoever records, certifies").
    APPROVE_HOURS = "approve_hours"
    # Give a screening (consent first) at a station, by phone or at a kiosk; the giver sees
    # that screening's result and, on a risk answer, the crisis script.
    SCREEN_RESIDENTS = "screen_residents"
    # Read screening results, trends and rescreen schedules of people (not only figures).
    VIEW_SCREENING_RESULTS = "view_screening_results"
    # Counselling records: appointments, contacts and their notes, referrals and outcomes.
    COUNSEL = "counsel"
    # See and handle risk incidents raised by a screening (restricted in the queue).
    HANDLE_RISK = "handle_risk"
    # The screening and counselling figures (counts only, small cells suppressed).
    VIEW_SCREENING_FIGURES = "view_screening_figures"
    # Community employment: employers, postings, job seekers (their consent first), matching,
    # referrals through to retention checks (a station: its community's seekers).
    MANAGE_EMPLOYMENT = "manage_employment"


_ALL = frozenset(Permission)

ROLE_PERMISSIONS: dict[RoleName, frozenset[Permission]] = {
    RoleName.OPERATOR: frozenset(
        {
            Permission.VIEW_CONSOLE,
            Permission.VIEW_INCIDENTS,
            Permission.VIEW_GENERAL_INCIDENTS,
            Permission.VIEW_WHEREABOUTS,
            Permission.HANDLE_INCIDENTS,
            Permission.HANDLE_CALLS,
            Permission.VIEW_DEVICES,
            Permission.VIEW_RESIDENTS,
            Permission.VIEW_VIDEO,
            Permission.EXPORT_EVIDENCE,
            Permission.PLACE_ORDERS,
        }
    ),
    RoleName.SUPERVISOR: frozenset(
        {
            Permission.VIEW_CONSOLE,
            Permission.VIEW_INCIDENTS,
            Permission.VIEW_GENERAL_INCIDENTS,
            Permission.VIEW_WHEREABOUTS,
            Permission.HANDLE_INCIDENTS,
            Permission.HANDLE_CALLS,
            Permission.REVIEW_INCIDENTS,
            Permission.VIEW_DEVICES,
            Permission.VIEW_RESIDENTS,
            Permission.VIEW_RESIDENT_PII,
            Permission.VIEW_AUDIT,
            Permission.MANAGE_TAGS,
            Permission.VIEW_VIDEO,
            Permission.MANAGE_VIDEO,
            Permission.EXPORT_EVIDENCE,
            Permission.RELEASE_EVIDENCE,
            Permission.PLACE_ORDERS,
            Permission.MANAGE_MERCHANTS,
            Permission.MANAGE_VOLUNTEERS,
            Permission.APPROVE_HOURS,
            Permission.HANDLE_RISK,
            Permission.VIEW_SCREENING_FIGURES,
            Permission.MANAGE_EMPLOYMENT,
        }
    ),
    RoleName.ADMIN: _ALL,
    RoleName.STATION: frozenset(
        {
            Permission.VIEW_CONSOLE,
            Permission.VIEW_INCIDENTS,
            Permission.VIEW_GENERAL_INCIDENTS,
            Permission.VIEW_WHEREABOUTS,
            Permission.HANDLE_INCIDENTS,
            Permission.HANDLE_CALLS,
            Permission.VIEW_DEVICES,
            Permission.VIEW_RESIDENTS,
            Permission.VIEW_RESIDENT_PII,
            Permission.MANAGE_TAGS,  # the station issues tags to its own residents
            Permission.VIEW_VIDEO,  # its own community's cameras (row-level security)
            Permission.EXPORT_EVIDENCE,  # of its own cameras, with a recorded reason
            Permission.PLACE_ORDERS,
            Permission.MANAGE_VOLUNTEERS,
            # The worker who gives a screening at the station handles its risk alert there.
            Permission.SCREEN_RESIDENTS,
            Permission.HANDLE_RISK,
            Permission.MANAGE_EMPLOYMENT,
        }
    ),
    RoleName.DEPARTMENT: frozenset(
        {
            Permission.VIEW_CONSOLE,
            Permission.VIEW_INCIDENTS,
            Permission.VIEW_GENERAL_INCIDENTS,
            Permission.VIEW_WHEREABOUTS,
            Permission.VIEW_DEVICES,
            Permission.VIEW_RESIDENTS,
            Permission.RESPOND_ASSIGNMENTS,
            Permission.APPROVE_HOURS,
        }
    ),
    RoleName.COUNSELLOR: frozenset(
        {
            Permission.VIEW_CONSOLE,
            Permission.VIEW_INCIDENTS,
            Permission.HANDLE_INCIDENTS,
            Permission.HANDLE_RISK,
            Permission.VIEW_RESIDENTS,
            Permission.VIEW_RESIDENT_PII,
            Permission.SCREEN_RESIDENTS,
            Permission.VIEW_SCREENING_RESULTS,
            Permission.COUNSEL,
            Permission.VIEW_SCREENING_FIGURES,
        }
    ),
}


class PermissionDenied(PermissionError):
    """A user asked for something their role or scope does not allow."""

    def __init__(self, username: str, permission: Permission, community: str | None = None):
        where = f" in community {community}" if community else ""
        super().__init__(f"user {username!r} may not {permission.value}{where}")
        self.username = username
        self.permission = permission
        self.community = community


@dataclass(frozen=True, slots=True)
class Principal:
    """The signed-in user as services see it.

    `communities` is None for a street-wide role; otherwise the codes of the communities the
    user may see (a station PC sees only its own).
    """

    user_id: int
    username: str
    display_name: str
    role: RoleName
    permissions: frozenset[Permission]
    communities: frozenset[str] | None = None
    # The server-side session of a sign-in on PostgreSQL (migration 0016): account changes
    # there need it. Never shown, logged or compared.
    session_token: str = field(default="", compare=False, repr=False)

    def can(self, permission: Permission, community: str | None = None) -> bool:
        """True if the role grants the permission and the community is within scope."""
        if permission not in self.permissions:
            return False
        return community is None or self.communities is None or community in self.communities

    def require(self, permission: Permission, community: str | None = None) -> None:
        """Raise PermissionDenied unless `can` holds."""
        if not self.can(permission, community):
            raise PermissionDenied(self.username, permission, community)

    @property
    def street_wide(self) -> bool:
        """True if the user is not limited to some communities."""
        return self.communities is None
