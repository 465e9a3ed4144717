"""The volunteers' words in the UI language: states, kinds, refusals and empty states."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from core.timefmt import fmt_local, local
from core.volunteers import (
    Refusal,
    ShiftRow,
    SignupRefused,
    TaskRow,
    VolunteerRow,
)


class VolunteerTexts(QObject):
    """Every translated phrase of the volunteers' tabs and dialogs, in one context."""

    # --- buttons ---
    def new_volunteer(self) -> str:
        return self.tr("New volunteer")

    def edit(self) -> str:
        return self.tr("Edit")

    def reveal_id(self) -> str:
        return self.tr("Show identity No.")

    def photo_button(self) -> str:
        return self.tr("Photo…")

    def qualification_button(self) -> str:
        return self.tr("Qualification…")

    def new_team(self) -> str:
        return self.tr("New team")

    def add_member(self) -> str:
        return self.tr("Add member")

    def remove_member(self) -> str:
        return self.tr("Remove member")

    def new_shift(self) -> str:
        return self.tr("New shift")

    def sign_up(self) -> str:
        return self.tr("Sign up a volunteer")

    def cancel_shift(self) -> str:
        return self.tr("Cancel shift")

    def confirm_signup(self) -> str:
        return self.tr("Confirm")

    def decline_signup(self) -> str:
        return self.tr("Decline")

    def withdraw(self) -> str:
        return self.tr("Withdraw")

    def new_pairing(self) -> str:
        return self.tr("New pairing")

    def end_pairing(self) -> str:
        return self.tr("End pairing")

    def new_task(self) -> str:
        return self.tr("New task")

    def assign(self) -> str:
        return self.tr("Assign")

    def done(self) -> str:
        return self.tr("Done")

    def cancel_task(self) -> str:
        return self.tr("Cancel task")

    # --- filters and hints ---
    def all_communities(self) -> str:
        return self.tr("All communities")

    def search_hint(self) -> str:
        return self.tr("Name or volunteer No. (Alt+S, Enter)")

    def pick_volunteer(self) -> str:
        return self.tr("Select a volunteer to see the profile.")

    def pick_shift(self) -> str:
        return self.tr("Select a shift to see its sign-ups.")

    def signups_title(self, n: int) -> str:
        return self.tr("Sign-ups: {n}").format(n=n)

    def photo_hidden(self) -> str:
        return self.tr("Photo hidden (personal data)")

    def no_photo(self) -> str:
        return self.tr("No photo")

    def first_shown(self, n: int) -> str:
        return self.tr("First {n} shown — narrow the search.").format(n=n)

    def first_residents(self, n: int) -> str:
        return self.tr(
            "Only the first {n} residents are listed (those living alone first)."
        ).format(n=n)

    def visitor_none(self) -> str:
        return self.tr("Select a row with a volunteer to show the resident who will come.")

    def visitor_hint(self) -> str:
        return self.tr("Show this to the resident: {name} will come.")

    def street_wide(self) -> str:
        return self.tr("Street-wide")

    def yes_no(self, value: bool) -> str:
        return self.tr("Yes") if value else self.tr("No")

    def expired_mark(self) -> str:
        return self.tr(" (expired)")

    def active(self, r: VolunteerRow) -> str:
        return self.tr("Active") if r.active else self.tr("Inactive")

    def insurance(self, r: VolunteerRow) -> str:
        if not r.insurance_policy:
            return self.tr("None")
        until = r.insurance_expires.isoformat() if r.insurance_expires else "—"
        if not r.insured:
            return self.tr("Expired {date}").format(date=until)
        return self.tr("Until {date}").format(date=until)

    def profile(self, r: VolunteerRow) -> str:
        quals = "; ".join(
            f"{q.kind} {q.number} "
            + (q.expires_on.isoformat() if q.expires_on else self.tr("no expiry"))
            + (self.expired_mark() if q.expired else "")
            for q in r.qualifications
        )
        lines = [
            f"{r.name} ({r.id}) · {r.community} · {r.birth_year}",
            self.tr("Identity No.: {n}").format(n=r.id_number),
            self.tr("Phone: {p}").format(p=r.phone or "—"),
            self.tr("Skills: {s}").format(s="、".join(r.skills) or "—"),
            self.tr("Qualifications: {q}").format(q=quals or "—"),
            self.tr("Insurance: {i}").format(
                i=f"{r.insurance_policy} · {self.insurance(r)}" if r.insurance_policy else "—"
            ),
            self.tr("Teams: {t}").format(t="、".join(r.teams) or "—"),
        ]
        return "\n".join(lines)

    def weekday_short(self, d: int) -> str:
        return (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )[d]

    def part(self, p: int) -> str:
        return (self.tr("Morning"), self.tr("Afternoon"), self.tr("Evening"))[p]

    # --- shifts ---
    def span(self, start: datetime, end: datetime, zone: str) -> str:
        a, b = local(start, zone), local(end, zone)
        return f"{self.weekday_short(a.weekday())} {a:%m-%d %H:%M}–{b:%H:%M}"

    def places(self, r: ShiftRow) -> str:
        if r.cancelled:
            return self.tr("Cancelled")
        text = f"{r.confirmed}/{r.capacity}"
        if r.pending:
            text += " " + self.tr("(+{n} pending)").format(n=r.pending)
        if r.confirmed + r.pending >= r.capacity:
            text += " " + self.tr("full")
        return text

    def rules(self, r: ShiftRow, zone: str) -> str:
        parts = []
        if r.qualification:
            parts.append(self.tr("needs {q}").format(q=r.qualification))
        if r.min_age:
            parts.append(self.tr("age {n}+").format(n=r.min_age))
        if r.signup_deadline is not None:
            parts.append(
                self.tr("sign up by {t}").format(
                    t=fmt_local(r.signup_deadline, zone, seconds=False)
                )
            )
        return "; ".join(parts) or "—"

    def mode(self, r: ShiftRow) -> str:
        return self.tr("Instant") if r.signup_mode == "instant" else self.tr("Needs confirmation")

    def signup_status(self, status: str) -> str:
        return {
            "pending": self.tr("Pending"),
            "confirmed": self.tr("Confirmed"),
            "declined": self.tr("Declined"),
            "withdrawn": self.tr("Withdrawn"),
        }.get(status, status)

    def refusal(self, exc: SignupRefused) -> str:
        """Why a sign-up was refused, in the UI language."""
        text = {
            Refusal.FULL: self.tr("The shift is full."),
            Refusal.TOO_YOUNG: self.tr("The volunteer is under the shift's minimum age."),
            Refusal.QUALIFICATION_MISSING: self.tr(
                "The volunteer lacks the qualification the shift requires."
            ),
            Refusal.QUALIFICATION_EXPIRED: self.tr(
                "The volunteer's qualification that the shift requires has expired."
            ),
            Refusal.DEADLINE_PASSED: self.tr("The sign-up deadline has passed."),
            Refusal.OVERLAP: self.tr(
                "The volunteer is already signed up for another shift at that time."
            ),
            Refusal.CANCELLED: self.tr("The shift was cancelled."),
            Refusal.STARTED: self.tr("The shift has already started."),
            Refusal.INACTIVE: self.tr("The volunteer is not active."),
            Refusal.ALREADY: self.tr("The volunteer is already signed up for this shift."),
            Refusal.OTHER_COMMUNITY: self.tr("The volunteer belongs to another community."),
        }[exc.code]
        return f"{text} ({exc.detail})" if exc.detail else text

    def service_error(self, text: str) -> str:
        """A rule the service refused by, in the UI language (as given when not known)."""
        if text.startswith("this identity number is already volunteer "):
            return self.tr(
                "This identity number is already registered as volunteer No. {n}."
            ).format(n=text.rsplit(" ", 1)[-1])
        if text.startswith("identity number:"):
            return self.tr("The identity number is not valid (check the digits).")
        if text.endswith("already hold a place on this shift"):
            return self.tr(
                "{n} volunteers already hold a place: the capacity cannot be lower."
            ).format(n=text.split(" ", 1)[0])
        if text.startswith("the photo is "):
            return self.tr("The photo is too large (at most 256 KiB).")
        if text.startswith("these volunteers would overlap another of their shifts: "):
            return self.tr(
                "The new times would overlap another shift of: {names}. Withdraw them first."
            ).format(names=text.split(": ", 1)[1])
        known = {
            "the incident belongs to another community than the task": self.tr(
                "The incident belongs to another community than the task."
            ),
            "the incident has no community: only a street-wide user may make it a task of "
            "a community": self.tr(
                "The incident has no community: only a street-wide user can make it a task."
            ),
            "the order belongs to another community than the task": self.tr(
                "The order belongs to another community than the task."
            ),
            "the photo must be a JPEG or PNG image": self.tr(
                "The photo must be a JPEG or PNG image."
            ),
            "this volunteer already visits this resident": self.tr(
                "This volunteer already visits this resident."
            ),
            "the resident lives in another community than the volunteer's": self.tr(
                "The resident lives in another community than the volunteer."
            ),
            "the volunteer is not active": self.tr("The volunteer is not active."),
            "assign the task to a volunteer before marking it done": self.tr(
                "Assign the task to a volunteer before marking it done."
            ),
            "the volunteer belongs to another community than the team": self.tr(
                "The volunteer belongs to another community than the team."
            ),
            "the volunteer belongs to another community than the task": self.tr(
                "The volunteer belongs to another community than the task."
            ),
        }
        return known.get(text, text)

    # --- pairings and tasks ---
    def cadence(self, cadence: str, weekday: int) -> str:
        every = {
            "weekly": self.tr("Weekly"),
            "fortnightly": self.tr("Fortnightly"),
            "monthly": self.tr("Monthly"),
        }.get(cadence, cadence)
        return f"{every} · {self.weekday_short(weekday)}"

    def cadence_name(self, cadence: str) -> str:
        return self.cadence(cadence, 0).split(" · ")[0]

    def task_kind(self, kind: str) -> str:
        return {
            "welfare_check": self.tr("Welfare check"),
            "delivery": self.tr("Delivery"),
            "visit": self.tr("Visit"),
            "request": self.tr("Station request"),
        }.get(kind, kind)

    def task_status(self, status: str) -> str:
        return {
            "open": self.tr("Unassigned"),
            "assigned": self.tr("Assigned"),
            "done": self.tr("Done"),
            "cancelled": self.tr("Cancelled"),
        }.get(status, status)

    def task_source(self, r: TaskRow) -> str:
        if r.incident_id is not None:
            return self.tr("Incident No. {n}").format(n=r.incident_id)
        if r.order_id is not None:
            return self.tr("Order No. {n}").format(n=r.order_id)
        if r.ticket_id is not None:
            return self.tr("Request No. {n}").format(n=r.ticket_id)
        return "—"

    def suggestion_reason(self, reason: str) -> str:
        return {
            "paired": self.tr("visits this resident"),
            "available": self.tr("usually free now"),
            "community": self.tr("same community"),
        }.get(reason, reason)

    # --- empty states ---
    def no_volunteers(self) -> str:
        return self.tr("No volunteers")

    def no_volunteers_hint(self) -> str:
        return self.tr(
            "No volunteer matches. Press Ins to register one, or clear the search (Alt+S)."
        )

    def no_teams(self) -> str:
        return self.tr("No teams")

    def no_teams_hint(self) -> str:
        return self.tr("Press Ins to form a team and name its leader.")

    def no_shifts(self) -> str:
        return self.tr("No shifts ahead")

    def no_shifts_hint(self) -> str:
        return self.tr("No shift in the next four weeks. Press Ins to plan one.")

    def no_pairings(self) -> str:
        return self.tr("No pairings")

    def no_pairings_hint(self) -> str:
        return self.tr(
            "Pair a volunteer with a resident for regular visits: press Ins. Residents living "
            "alone are listed first."
        )

    def no_tasks(self) -> str:
        return self.tr("No open tasks")

    def no_tasks_hint(self) -> str:
        return self.tr(
            "Tasks come from incidents (welfare checks), deliveries and requests at a station. "
            "Press Ins to add one."
        )
