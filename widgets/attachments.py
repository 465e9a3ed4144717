"""The incident window's attachments: the list, Add… or a drop, Open, and why a file was refused."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.attachments import (
    MAX_BYTES,
    AttachmentRefused,
    AttachmentRow,
    FileKind,
    Refusal,
    megabytes,
)
from core.timefmt import DEFAULT_ZONE, fmt_local
from widgets.table_model import Column, RowTableModel

# The incident window already uses Ctrl+Shift+A/C/D/H/M/O/R/S/T, and the main window's
# Ctrl+Shift+F finds a resident; I "inserts" a file.
ADD_SHORTCUT = "Ctrl+Shift+I"


def kind_name(kind: FileKind | None) -> str:
    """A kind of file in the current language."""
    names = {
        FileKind.JPEG: QCoreApplication.translate("AttachmentsWidget", "JPEG image"),
        FileKind.PNG: QCoreApplication.translate("AttachmentsWidget", "PNG image"),
        FileKind.GIF: QCoreApplication.translate("AttachmentsWidget", "GIF image"),
        FileKind.WEBP: QCoreApplication.translate("AttachmentsWidget", "WebP image"),
        FileKind.PDF: QCoreApplication.translate("AttachmentsWidget", "PDF document"),
        FileKind.WAV: QCoreApplication.translate("AttachmentsWidget", "WAV audio"),
        FileKind.MP3: QCoreApplication.translate("AttachmentsWidget", "MP3 audio"),
        FileKind.MP4: QCoreApplication.translate("AttachmentsWidget", "MP4/QuickTime video"),
        FileKind.TEXT: QCoreApplication.translate("AttachmentsWidget", "UTF-8 text file"),
        FileKind.WORD: QCoreApplication.translate("AttachmentsWidget", "Word document"),
        FileKind.EXCEL: QCoreApplication.translate("AttachmentsWidget", "Excel workbook"),
        FileKind.POWERPOINT: QCoreApplication.translate(
            "AttachmentsWidget", "PowerPoint presentation"
        ),
        FileKind.ZIP: QCoreApplication.translate("AttachmentsWidget", "ZIP archive"),
        FileKind.PROGRAM: QCoreApplication.translate("AttachmentsWidget", "program or script"),
    }
    return (
        names[kind]
        if kind is not None
        else QCoreApplication.translate("AttachmentsWidget", "unknown")
    )


def refusal_text(exc: AttachmentRefused) -> str:
    """Why a file was not attached, naming the file and, for a mismatch, both kinds."""
    n = exc.name
    if exc.refusal is Refusal.EMPTY:
        return QCoreApplication.translate("AttachmentsWidget", "{name} is empty.").format(name=n)
    if exc.refusal is Refusal.TOO_BIG:
        return QCoreApplication.translate(
            "AttachmentsWidget", "{name} is {size}; attachments may be at most {limit}."
        ).format(name=n, size=megabytes(exc.size), limit=megabytes(MAX_BYTES))
    if exc.refusal is Refusal.PROGRAM:
        return QCoreApplication.translate(
            "AttachmentsWidget", "{name} is a program or script; those are never attached."
        ).format(name=n)
    if exc.refusal is Refusal.UNSUPPORTED:
        return QCoreApplication.translate(
            "AttachmentsWidget",
            "{name}: this type of file is not accepted (photos, PDF, audio, video, text and "
            "Office documents are).",
        ).format(name=n)
    if exc.refusal is Refusal.UNRECOGNISED:
        return QCoreApplication.translate(
            "AttachmentsWidget", "{name} is not a {expected}: its content is not recognised."
        ).format(name=n, expected=kind_name(exc.expected))
    return QCoreApplication.translate(
        "AttachmentsWidget", "{name} is a {found}, not a {expected}."
    ).format(name=n, found=kind_name(exc.found), expected=kind_name(exc.expected))


class AttachmentsWidget(QWidget):
    """An incident's files: name, type, size, who, when; Add… (Ctrl+Shift+F), Open (Enter).

    Fed rows by its owner, which also reads, checks and stores the files off the GUI thread.
    Signals fire on the GUI thread.
    """

    sig_add_requested = Signal()  # the owner asks for files (a file dialog)
    sig_files_dropped = Signal(list)  # local paths (str) dropped on the list
    sig_open_requested = Signal(int)  # attachment id

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attachments")
        self._zone = zone
        self._can_add = False
        self._busy = False
        self.title = QLabel(self)
        self.title.setObjectName("attachmentsTitle")
        self.title.setStyleSheet("font-weight: bold;")
        self.model: RowTableModel[AttachmentRow, int] = RowTableModel(
            [
                Column(
                    "name",
                    lambda: QCoreApplication.translate("AttachmentsWidget", "File"),
                    lambda r: r.name,
                    tooltip=self._name_tip,
                ),
                Column(
                    "kind",
                    lambda: QCoreApplication.translate("AttachmentsWidget", "Type"),
                    lambda r: kind_name(r.kind),
                ),
                Column(
                    "size",
                    lambda: QCoreApplication.translate("AttachmentsWidget", "Size"),
                    lambda r: megabytes(r.size),
                    alignment=lambda _r: (
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    ),
                ),
                Column(
                    "by",
                    lambda: QCoreApplication.translate("AttachmentsWidget", "Added by"),
                    lambda r: r.added_by or "—",
                ),
                Column(
                    "at",
                    lambda: QCoreApplication.translate("AttachmentsWidget", "Added"),
                    lambda r: fmt_local(r.added_at, self._zone),
                ),
            ],
            key=lambda r: r.id,
            parent=self,
        )
        self.table = QTableView(self)
        self.table.setObjectName("attachmentsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.table.installEventFilter(self)
        self.table.setMinimumHeight(90)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("attachmentAdd")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("attachmentOpen")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._on_open_clicked)
        add_sc = QShortcut(QKeySequence(ADD_SHORTCUT), self)
        add_sc.activated.connect(self.add_button.click)  # nothing while disabled
        self.status = QLabel(self)
        self.status.setObjectName("attachmentsStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names files the user chose
        self.error = QLabel(self)
        self.error.setObjectName("attachmentsError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # quotes file names
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.status)
        top.addWidget(self.add_button)
        top.addWidget(self.open_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.error)
        self.error.hide()
        self.setAcceptDrops(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.retranslate()
        self._update_buttons()

    # --- what the owner calls -------------------------------------------------------------
    def set_rows(self, rows: list[AttachmentRow]) -> None:
        """Show an incident's attachments (merged in place: selection survives a refresh)."""
        self.model.set_rows(rows)
        self._update_buttons()

    def set_can_add(self, can: bool) -> None:
        """Whether the signed-in user may add files to the incident shown."""
        self._can_add = can
        self._update_buttons()

    def set_busy(self, text: str) -> None:
        """A file is being read, checked and stored ('' when done): Add is disabled meanwhile."""
        self._busy = bool(text)
        self.status.setText(text)
        if self._busy:
            self.error.hide()
        self._update_buttons()

    def show_error(self, text: str) -> None:
        """Say why a file was not added or opened, in the window, until the next attempt."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_refused(self, exc: AttachmentRefused) -> None:
        """A file refused by its checks, worded in the user's language."""
        self.show_error(refusal_text(exc))

    def clear(self) -> None:
        """Forget everything shown (another incident, or sign-out)."""
        self.model.set_rows([])
        self.set_busy("")
        self.show_error("")

    def selected_id(self) -> int | None:
        """The attachment under the cursor."""
        i = self.table.currentIndex()
        return self.model.row_at(i.row()).id if i.isValid() else None

    # --- events ---------------------------------------------------------------------------
    def _name_tip(self, r: AttachmentRow) -> str:
        return f"{r.name}\nSHA-256 {r.sha256}"  # the model makes it plain text

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._can_add and not self._busy)
        self.open_button.setEnabled(self.selected_id() is not None)

    @Slot()
    def _on_current_row_changed(self) -> None:
        self._update_buttons()

    @Slot()
    def _on_add_clicked(self) -> None:
        if self._can_add and not self._busy:
            self.show_error("")
            self.sig_add_requested.emit()

    @Slot()
    def _on_open_clicked(self) -> None:
        aid = self.selected_id()
        if aid is not None:
            self.show_error("")
            self.sig_open_requested.emit(aid)

    @Slot()
    def _on_table_double_clicked(self) -> None:
        self._on_open_clicked()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._on_open_clicked()
            return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if self._can_add and not self._busy and urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self._can_add and not self._busy:
            event.acceptProposedAction()
            self.show_error("")
            self.sig_files_dropped.emit([str(Path(p)) for p in paths])

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Attachments"))
        self.add_button.setText(self.tr("Add file…"))
        self.add_button.setToolTip(
            self.tr("Attach a photo, document or recording ({keys}); or drop files here").format(
                keys=QKeySequence(ADD_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.open_button.setText(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open the selected file (Enter)"))
        self.model.retranslate()
        self._size_columns()

    def _size_columns(self) -> None:
        """Widths from the longest text each column can hold, once per language.

        Not resizeColumnsToContents: its cost grows with the rows, and it runs before the
        rows arrive (FIELD-NOTES, Qt views).
        """
        fm = self.table.fontMetrics()
        pad = 2 * fm.horizontalAdvance("M")
        samples = {
            1: [kind_name(k) for k in FileKind],
            2: [megabytes(MAX_BYTES), "1023.9 kB"],
            3: ["一二三四五六", "Administrator"],
            4: [fmt_local(datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC), self._zone)],
        }
        header = self.table.horizontalHeader()
        for col, texts in samples.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            width = max(fm.horizontalAdvance(t) for t in [*texts, title]) + pad
            header.resizeSection(col, width)
        self.table.verticalHeader().setDefaultSectionSize(fm.height() + 8)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
