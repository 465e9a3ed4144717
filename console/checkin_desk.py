"""A place's check-in: its rotating signed code, the scan field, visit cards (any screen)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog

from console.presenters.base import Presenter
from console.visit_card import VisitCard, card_words, render_visit_card_pdf
from core.permissions import Permission, PermissionDenied
from core.timefmt import local
from core.volunteer_hours import CheckinRefused, format_minutes
from data.exports import write_private
from widgets.file_dialogs import SAVED, open_in
from widgets.volunteer_hours import CheckinPanel


class CheckinDesk(QObject):
    """Drives one CheckinPanel for its owning presenter: the control room's Check-in tab
    (any community of the user) or a station screen's (its own community only).

    `recorded` runs after each check-in or check-out (the owner re-reads what it shows).
    `at_station`: this screen is a station's, so a code entered here must be its own
    station's or a visit card of one of its community's residents (the service refuses
    any other place's, audited).
    """

    def __init__(
        self,
        owner: Presenter,
        panel: CheckinPanel,
        recorded: Callable[[], None] = lambda: None,
        *,
        at_station: bool = False,
    ):
        super().__init__(owner)
        self.owner = owner
        self.panel = panel
        self.recorded = recorded
        self.at_station = at_station
        self.card_file_dialog: QFileDialog | None = None
        self._fetching = False
        panel.qr.sig_rotate.connect(self._on_qr_rotate)
        panel.sig_place_changed.connect(self._on_place_changed)
        panel.sig_shown.connect(self._on_checkin_shown)
        panel.sig_submit.connect(self._on_checkin_submit)
        panel.sig_visit_card.connect(self._on_checkin_visit_card)
        panel.sig_volunteer_entered.connect(self._on_volunteer_entered)
        # Enter in the last field records, as in the volunteer's number (check-out's content
        # is typed last).
        panel.content_edit.returnPressed.connect(panel.submit)
        # A refusal is about the last entry: not left standing over the other direction.
        panel.direction.currentIndexChanged.connect(self._on_direction_changed)

    def set_places(self, places: list[tuple[str, str]]) -> None:
        """The places (community code, name) this screen checks in for; a code for the first."""
        self.panel.set_places(places)
        self.fetch_code()

    def clear(self) -> None:
        """Signed out: no code, no places, no last result."""
        self.panel.qr.clear()
        self.panel.set_places([])
        self.panel.show_result(True, "")

    def hide_code(self) -> None:
        """A code on a locked screen could be scanned by anyone."""
        self.panel.qr.clear()

    def stop(self) -> None:
        """The console closes."""
        self.panel.qr.timer.stop()

    # --- the code on screen ---------------------------------------------------------------
    @Slot()
    def _on_qr_rotate(self) -> None:
        self.fetch_code()

    @Slot()
    def _on_place_changed(self) -> None:
        self.fetch_code()

    @Slot()
    def _on_checkin_shown(self) -> None:
        if not self.panel.qr.code_text:
            self.fetch_code()

    def fetch_code(self) -> None:
        who = self.owner.who
        community = self.panel.place()
        if who is None or not community or not who.can(Permission.MANAGE_VOLUNTEERS, community):
            self.panel.qr.clear()
            return
        if self.owner.ctx.session.locked or not self.panel.isVisible():
            # Nobody looks at a hidden tab or a locked screen: no code made every minute for
            # nobody (or anybody) to scan.
            self.panel.qr.clear()
            return
        if self._fetching:
            return
        self._fetching = True
        hours = self.owner.ctx.services.hours
        # The community's name too: a volunteer reads which station's code this is.
        words = self.panel.place_label(community)

        def shown(result: tuple[str, datetime]) -> None:
            self._fetching = False
            # The screen may have locked while the code was made: not painted behind the lock.
            if self.owner.ctx.session.locked:
                self.panel.qr.clear()
                return
            if self.owner.who == who and self.panel.place() == community:
                self.panel.qr.set_code(result[0], result[1], words)

        def failed(exc: BaseException) -> None:
            self._fetching = False
            self.panel.qr.clear()
            if self.owner.who == who:
                # No key folder on this PC: say so once, in the tab, not as a stream of errors.
                self.panel.show_result(
                    False, self.tr("No check-in code on this PC: {why}").format(why=exc)
                )

        self.owner.ctx.jobs.read(
            lambda: hours.station_code(who, community), shown, failed, "hours code"
        )

    # --- check-in and check-out -----------------------------------------------------------
    @Slot()
    def _on_direction_changed(self) -> None:
        self.panel.result_label.clear()

    @Slot(int)
    def _on_volunteer_entered(self, volunteer: int) -> None:
        """Offer the volunteer's open tasks and today's confirmed shifts at this place."""
        who = self.owner.who
        community = self.panel.place()
        self.panel.set_work([])
        if who is None or not community or not who.can(Permission.MANAGE_VOLUNTEERS, community):
            return
        hours = self.owner.ctx.services.hours

        def shown(items: list[tuple[str, int, str]]) -> None:
            # Still the same number and place: the worker may have typed on meanwhile.
            entered = self.panel.volunteer_edit.text().strip()
            if entered == str(volunteer) and self.panel.place() == community:
                self.panel.set_work(items)

        self.owner.read_for(
            who,
            lambda: hours.work_choices(who, community, volunteer),
            shown,
            self.tr("Could not read the volunteer's tasks"),
            "hours-work",
        )

    @Slot(str, str, int, int, str)
    def _on_checkin_submit(
        self, direction: str, code: str, volunteer: int, travel: int, content: str
    ) -> None:
        self.record(direction, code, volunteer, travel, content)

    def record(
        self,
        direction: str,
        code: str,
        volunteer: int,
        travel: int,
        content: str,
        *,
        no_service_confirmed: bool = False,
    ) -> None:
        """Check in or out (off the GUI thread); a check-out with no minute of service is
        recorded only once the worker has said that 0:00 is what happened."""
        who = self.owner.who
        if who is None:
            return
        hours = self.owner.ctx.services.hours
        zone = self.owner.ctx.zone
        clock = self.owner.ctx.services.ctx.clock
        place = self.screen_place()
        task_id, shift_id = self.panel.work() if direction == "in" else (None, None)

        def job() -> tuple[int | None, datetime]:
            if direction == "out":
                minutes = hours.check_out(
                    who,
                    code,
                    volunteer,
                    travel_minutes=travel or None,
                    content=content or None,
                    at_place=place,
                    allow_no_service=no_service_confirmed,
                )
                return minutes, clock()
            hours.check_in(
                who,
                code,
                volunteer,
                task_id=task_id,
                shift_id=shift_id,
                travel_minutes=travel,
                content=content,
                at_place=place,
            )
            return None, clock()

        def done(result: tuple[int | None, datetime]) -> None:
            minutes, at = result
            if minutes is not None:
                text = self.tr("Volunteer No. {n} checked out: {t} of service").format(
                    n=volunteer, t=format_minutes(minutes)
                )
            else:
                text = self.tr("Volunteer No. {n} checked in at {at}").format(
                    n=volunteer, at=local(at, zone).strftime("%H:%M")
                )
            self.panel.show_result(True, text)
            self.recorded()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, CheckinRefused) and exc.reason == "no_service":
                self.panel.show_result(False, self.refusal_text(exc.reason, str(exc)))
                self._ask_no_service(code, volunteer, travel, content)
            elif isinstance(exc, CheckinRefused):
                self.panel.show_result(False, self.refusal_text(exc.reason, str(exc)))
            elif isinstance(exc, PermissionDenied):  # audited as a denial by the service
                self.panel.show_result(
                    False, self.tr("Refused: this code is for a place outside your communities.")
                )
            elif isinstance(exc, ValueError):
                self.panel.show_result(False, str(exc))
            else:
                self.panel.show_result(False, self.tr("Not recorded"))
                self.owner.ctx.feedback.report(exc, self.tr("Could not record the check-in"))

        self.owner.ctx.jobs.write(job, done, failed, "hours")

    def _ask_no_service(self, code: str, volunteer: int, travel: int, content: str) -> None:
        """Out in the minute of the check-in, or all of it travel: a slip, most often (the
        wrong direction, the wrong number), so recorded only when the worker says so."""
        who = self.owner.who

        def yes() -> None:
            if self.owner.who == who:
                self.record("out", code, volunteer, travel, content, no_service_confirmed=True)

        self.owner.ctx.dialogs.confirm(
            self.tr("No time of service"),
            self.tr(
                "Volunteer No. {n} would be checked out with no time of service (0:00). "
                "Record this check-out anyway?"
            ).format(n=volunteer),
            yes,
        )

    def screen_place(self) -> str | None:
        """The place a code entered here must be for: this station's, or None (the control
        room takes any place of the user's communities)."""
        community = self.panel.place()
        return f"station:{community}" if self.at_station and community else None

    def refusal_text(self, reason: str, detail: str) -> str:
        """Why a code was refused, in words a station worker can act on."""
        words = {
            "forged": self.tr("Refused: this code was not made by this site or was altered."),
            "expired": self.tr("Refused: this code has expired. Scan the current one."),
            "early": self.tr("Refused: this visit card is not valid yet."),
            "malformed": self.tr("Refused: this is not a check-in code. Scan it again."),
            "replayed": self.tr("Refused: this code was already used by this volunteer."),
            "place": self.tr("Refused: this code is for another place."),
            "card_taken": self.tr(
                "Refused: this visit card was already used by another volunteer."
            ),
            "overlap": self.tr("Refused: these hours overlap other hours of this volunteer."),
            "not_checked_in": self.tr("Refused: this volunteer is not checked in."),
            "volunteer": self.tr("Refused: no active volunteer has this number."),
            "task": self.tr("Refused: the task or shift is not at this place."),
            "hours": self.tr("Refused: check the times; correct them in the Hours tab."),
            "community": self.tr(
                "Refused: this volunteer belongs to another community. A station checks in "
                "its own community's volunteers only."
            ),
            "no_service": self.tr(
                "Not recorded: no time of service (0:00) since the check-in. Check the "
                "direction and the travel time."
            ),
        }
        return words.get(reason, detail)

    # --- visit cards ----------------------------------------------------------------------
    @Slot(int, object, object)
    def _on_checkin_visit_card(self, resident_id: int, starts: datetime, ends: datetime) -> None:
        dialog = open_in(QFileDialog(self.panel, self.tr("Save the visit card")), SAVED)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter("PDF (*.pdf)")
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(
            f"visit-{resident_id}-{local(starts, self.owner.ctx.zone):%Y%m%d-%H%M}.pdf"
        )
        dialog.fileSelected.connect(
            lambda path: self.save_visit_card(resident_id, starts, ends, Path(path))
        )
        self.card_file_dialog = dialog
        dialog.open()

    def save_visit_card(
        self, resident_id: int, starts: datetime, ends: datetime, path: Path
    ) -> None:
        """Write a visit card for a resident's door, valid from `starts` to `ends` (off the
        GUI thread)."""
        who = self.owner.who
        if who is None:
            return
        hours, zone = self.owner.ctx.services.hours, self.owner.ctx.zone
        words = card_words()
        window = f"{local(starts, zone):%Y-%m-%d %H:%M}–{local(ends, zone):%H:%M}"

        def job() -> Path:
            code, community, name = hours.visit_card(who, resident_id, starts, ends)
            card = VisitCard(code, name, community, window)
            pdf = render_visit_card_pdf(card, words)
            write_private(path, lambda out: out.write(pdf))  # whole or not at all
            return path

        self.owner.read_for(
            who,
            job,
            lambda p: self.owner.ctx.window.show_message(
                self.tr("Visit card saved to {path}").format(path=p), 5000
            ),
            self.tr("Could not make the visit card"),
            "hours-card",
        )
