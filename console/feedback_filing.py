"""A feedback ticket filed from another pane (a call, a survey comment): its dialog, its write."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from console.presenters.base import Presenter
from core.feedback import DepartmentChoice, NewTicket
from core.permissions import Permission, Principal
from widgets.feedback_dialog import FeedbackTicketDialog


class FeedbackFiling(QObject):
    """Opens the "new feedback ticket" dialog for `owner` (the departments are read first, off
    the GUI thread, through the owner so that a result for an older session is dropped), then
    files what was entered on the writer thread and says so in the status bar."""

    def __init__(self, owner: Presenter, label: str):
        super().__init__(owner)
        self.owner = owner
        self.label = label  # the write job's name in logs ("feedback from call")

    def open(self, communities: Sequence[tuple[str, str]], **prefill: Any) -> None:
        """The dialog prefilled (FeedbackTicketDialog.prefill's keywords); nothing for a user
        who may not file tickets or a locked console."""
        ctx, who = self.owner.ctx, self.owner.who
        if who is None or ctx.session.locked or not who.can(Permission.HANDLE_INCIDENTS):
            return
        feedback = ctx.services.feedback

        def opened(departments: list[DepartmentChoice]) -> None:
            dlg = FeedbackTicketDialog(list(communities), departments, ctx.window)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.prefill(**prefill)
            dlg.accepted.connect(lambda: self.file(who, dlg.ticket()))
            ctx.dialogs.register(dlg)
            dlg.open()

        self.owner.read_for(
            who, lambda: feedback.departments(who), opened, self.tr("Could not read departments")
        )

    def file(self, who: Principal, ticket: NewTicket) -> None:
        """File the ticket; its number in the status bar, a failure in the notifications."""
        ctx = self.owner.ctx
        feedback = ctx.services.feedback
        ctx.jobs.write(
            lambda: feedback.create(who, ticket),
            lambda tid: ctx.window.show_message(
                self.tr("Feedback ticket No. {id} filed").format(id=tid), 5000
            ),
            lambda exc: ctx.feedback.report(exc, self.tr("Could not file the ticket")),
            self.label,
        )
