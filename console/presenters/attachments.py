"""The incident window's attachments: part of the incident capability, driven by its presenter.

Not a presenter of its own: it lives and dies with the incident window, which the incident
presenter owns. Reading, checking and hashing a file run on the reader pool, storing it and
every open (with its audit row) on the writer; the GUI thread only shows the outcome.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from console.presenters.base import PresenterContext
from core.attachments import (
    AttachmentDamaged,
    AttachmentRefused,
    AttachmentRow,
    CheckedFile,
    check_file,
    check_size,
    safe_name,
)
from widgets.attachments import AttachmentsWidget
from widgets.file_dialogs import FILES, open_in

log = logging.getLogger(__name__)

ChooseFiles = Callable[[QWidget, Callable[[list[Path]], None]], None]
"""Asks the user for files without a nested event loop; calls back with the chosen paths."""
Opener = Callable[[Path], bool]
"""Hands a verified file to the system's viewer; False when none could open it."""


def _open_with_system(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def read_and_check(path: Path) -> tuple[CheckedFile, bytes]:
    """On a reader thread: the size first (a 4 GB file is never loaded), then the content."""
    check_size(path.name, path.stat().st_size)
    data = path.read_bytes()
    return check_file(path.name, data), data


class AttachmentsController(QObject):
    """Lists, adds and opens the attachments of the incident the incident window shows."""

    def __init__(self, ctx: PresenterContext, on_changed: Callable[[int], None]):
        super().__init__(ctx.window)
        self.ctx = ctx
        self.on_changed = on_changed  # an incident's timeline changed: its window re-reads it
        self.widget: AttachmentsWidget | None = None
        self.incident_id: int | None = None
        self._queue: list[Path] = []
        self._total = 0
        self._file_dialog: QFileDialog | None = None
        # Seams for tests: no modal file dialog, no external viewer.
        self.choose_files: ChooseFiles = self._ask_for_files
        self.opener: Opener = _open_with_system

    def attach(self, widget: AttachmentsWidget) -> None:
        """Drive the incident window's attachments list."""
        self.widget = widget
        widget.sig_add_requested.connect(self._on_add_requested)
        widget.sig_files_dropped.connect(self._on_files_dropped)
        widget.sig_open_requested.connect(self._on_open_requested)

    def show_incident(self, incident_id: int, can_add: bool) -> None:
        """The incident window shows this incident (again): list its attachments."""
        w = self.widget
        if w is None:
            return
        if incident_id != self.incident_id:
            self._queue.clear()
            w.clear()
        self.incident_id = incident_id
        w.set_can_add(can_add)
        self.reload()

    def clear(self) -> None:
        """Signed out: nothing of the last incident stays, no file dialog stays open."""
        self.incident_id = None
        self._queue.clear()
        if self._file_dialog is not None:
            self._file_dialog.reject()
        if self.widget is not None:
            self.widget.clear()
            self.widget.set_can_add(False)

    def reload(self) -> None:
        """Re-read the list of the incident shown."""
        who, iid = self.ctx.session.principal, self.incident_id
        if who is None or iid is None:
            return
        service = self.ctx.services.attachments

        def shown(rows: list[AttachmentRow]) -> None:
            if self.widget is not None and self.incident_id == iid:
                self.widget.set_rows(rows)

        def failed(exc: BaseException) -> None:
            self._error(self.tr("Could not list the attachments"), exc)

        self.ctx.jobs.read(lambda: service.list(who, iid), shown, failed, "attachments")

    # --- adding ---------------------------------------------------------------------------
    @Slot()
    def _on_add_requested(self) -> None:
        if self.widget is not None and self.incident_id is not None:
            self.choose_files(self.widget.window(), self.add_files)

    def _ask_for_files(self, parent: QWidget, done: Callable[[list[Path]], None]) -> None:
        if self._file_dialog is not None:
            self._file_dialog.raise_()
            return
        dlg = open_in(QFileDialog(parent, self.tr("Attach files")), FILES)
        dlg.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dlg.filesSelected.connect(lambda files: done([Path(f) for f in files]))
        dlg.finished.connect(self._on_file_dialog_finished)
        self.ctx.dialogs.register(dlg)  # hidden when the screen locks
        self._file_dialog = dlg
        dlg.open()  # window-modal, no nested event loop

    def _on_file_dialog_finished(self, _result: int) -> None:
        if self._file_dialog is not None:
            self._file_dialog.deleteLater()
        self._file_dialog = None

    @Slot(list)
    def _on_files_dropped(self, paths: list[str]) -> None:
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """Read, check and store these files one after another, off the GUI thread."""
        if not paths or self.incident_id is None:
            return
        idle = not self._queue and self._total == 0
        self._queue.extend(paths)
        self._total += len(paths)
        if idle:
            self._next_file()

    def _next_file(self) -> None:
        who, iid, w = self.ctx.session.principal, self.incident_id, self.widget
        if not self._queue or who is None or iid is None or w is None:
            self._queue.clear()
            self._total = 0
            if w is not None:
                w.set_busy("")
            return
        path = self._queue.pop(0)
        name = safe_name(path.name)
        done = self._total - len(self._queue)
        if self._total == 1:
            w.set_busy(self.tr("Adding {name}…").format(name=name))
        else:
            w.set_busy(
                self.tr("Adding {name} ({n} of {total})…").format(
                    name=name, n=done, total=self._total
                )
            )
        service = self.ctx.services.attachments

        def store(checked: tuple[CheckedFile, bytes]) -> None:
            if self.incident_id != iid or self.ctx.session.principal != who:
                self._next_file()  # another incident or user meanwhile: not added
                return
            self.ctx.jobs.write(
                lambda: service.add(who, iid, path.name, checked[1]),
                lambda _row: self._on_added(iid),
                lambda exc: self._on_add_failed(name, exc),
                "add_attachment",
            )

        self.ctx.jobs.read(
            lambda: read_and_check(path),
            store,
            lambda exc: self._on_add_failed(name, exc),
            "read_attachment",
        )

    def _on_added(self, incident_id: int) -> None:
        self.reload()
        self.on_changed(incident_id)
        self._next_file()

    def _on_add_failed(self, name: str, exc: BaseException) -> None:
        w = self.widget
        if w is not None:
            if isinstance(exc, AttachmentRefused):
                log.info("attachment refused: %s", exc)
                w.show_refused(exc)
            elif isinstance(exc, OSError):
                w.show_error(
                    self.tr("Could not read {name}: {why}").format(
                        name=name, why=exc.strerror or exc
                    )
                )
            else:
                self._error(self.tr("Could not attach {name}").format(name=name), exc)
        self._next_file()

    # --- opening --------------------------------------------------------------------------
    @Slot(int)
    def _on_open_requested(self, attachment_id: int) -> None:
        who = self.ctx.session.principal
        if who is None:
            return
        service = self.ctx.services.attachments
        # On the writer: every open leaves its audit row, in order with the other writes.
        self.ctx.jobs.write(
            lambda: service.open(who, attachment_id),
            self._on_opened,
            self._on_open_failed,
            "open_attachment",
        )

    def _on_opened(self, path: Path) -> None:
        if self.ctx.session.principal is None or self.ctx.session.locked:
            return  # signed out or locked meanwhile: nothing opens over the lock screen
        if not self.opener(path) and self.widget is not None:
            self.widget.show_error(self.tr("No program on this computer opens this file."))

    def _on_open_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AttachmentDamaged):
            if self.widget is not None:
                # The details (missing, or not matching its SHA-256) are in the log and audit.
                self.widget.show_error(
                    self.tr(
                        "{name} is damaged: its stored content is missing or altered, so it was "
                        "not opened. Tell the administrator."
                    ).format(name=exc.name)
                )
            return
        self._error(self.tr("Could not open the attachment"), exc)

    def _error(self, what: str, exc: BaseException) -> None:
        if self.widget is not None:
            self.widget.show_error(f"{what}: {self.ctx.feedback.describe(exc)}")
        else:
            self.ctx.feedback.report(exc, what)
