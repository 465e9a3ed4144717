"""The evidence export dialog: cameras, time range, destination and reason; progress; cancel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QDate, QDateTime, QEvent, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.personal import REASON_MAX, REASON_MIN

DATETIME_FORMAT = "yyyy-MM-dd HH:mm:ss"


@dataclass(frozen=True, slots=True)
class EvidenceChoice:
    """What the user asked to export."""

    cameras: tuple[str, ...]
    start: datetime  # UTC
    end: datetime  # UTC
    folder: Path  # the bundle is written as a new folder inside this one
    reason: str


def _qdt(t: datetime, zone: tzinfo) -> QDateTime:
    """The wall-clock time in the site's zone (read back field by field in `_utc`)."""
    local = t.astimezone(zone)
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


class EvidenceExportDialog(QDialog):
    """Asks what to export; then shows the export's progress and lets it be cancelled.

    Window-modal through `open()`. The presenter runs the export off the GUI thread and
    reports with set_progress()/set_finished(); closing the dialog while it runs cancels.
    """

    sig_export_requested = Signal(object)  # EvidenceChoice
    sig_cancel_requested = Signal()

    def __init__(
        self,
        cameras: Sequence[tuple[str, str]],
        selected: Sequence[str],
        start: datetime,
        end: datetime,
        zone: tzinfo,
        folder: Path,
        *,
        incident: str = "",
        reason_required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        self._zone = zone
        self._incident = incident
        self._reason_required = reason_required
        self._running = False
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.cameras = QListWidget(self)
        self.cameras.setObjectName("evidenceCameras")
        for code, name in cameras:
            item = QListWidgetItem(f"{code}  {name}", self.cameras)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if code in selected else Qt.CheckState.Unchecked
            )
        self.cameras.setMaximumHeight(140)
        self.start = QDateTimeEdit(_qdt(start, zone), self)
        self.end = QDateTimeEdit(_qdt(end, zone), self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat(DATETIME_FORMAT)
            edit.setCalendarPopup(True)
            edit.dateTimeChanged.connect(self._on_input_changed)
        self.incident_label = QLabel(self)
        self.folder = QLineEdit(str(folder), self)
        self.folder.setObjectName("evidenceFolder")
        self.browse = QPushButton(self)
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("evidenceReason")
        self.reason.setMaxLength(REASON_MAX)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.status = QLabel(self)
        self.status.setObjectName("evidenceStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("evidenceExport")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self._on_close_clicked)
        self.cameras.itemChanged.connect(self._on_input_changed)
        self.reason.textChanged.connect(self._on_input_changed)
        self.folder.textChanged.connect(self._on_input_changed)

        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(self.browse)
        self.form = QFormLayout()
        self._labels = [QLabel(self) for _ in range(6)]
        self.form.addRow(self._labels[0], self.cameras)
        self.form.addRow(self._labels[1], self.start)
        self.form.addRow(self._labels[2], self.end)
        self.form.addRow(self._labels[3], self.incident_label)
        self.form.addRow(self._labels[4], where)
        self.form.addRow(self._labels[5], self.reason)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._folder_dialog: QFileDialog | None = None
        self.retranslate()
        self._on_input_changed()
        self.reason.setFocus()
        self.resize(620, self.sizeHint().height())

    # --- what was asked ----------------------------------------
    def value(self) -> EvidenceChoice:
        """The request as entered (times in UTC)."""
        codes = []
        for i in range(self.cameras.count()):
            item = self.cameras.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                codes.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return EvidenceChoice(
            tuple(codes),
            self._utc(self.start.dateTime()),
            self._utc(self.end.dateTime()),
            Path(self.folder.text().strip()).expanduser(),
            self.reason.text().strip(),
        )

    def _utc(self, qdt: QDateTime) -> datetime:
        d, t = qdt.date(), qdt.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
        return local.replace(tzinfo=self._zone).astimezone(UTC)

    # --- the export's progress ----------------------------------------
    def set_running(self, running: bool) -> None:
        """Lock the inputs while the export runs; the close button cancels meanwhile."""
        self._running = running
        for w in (self.cameras, self.start, self.end, self.folder, self.browse, self.reason):
            w.setEnabled(not running)
        self.progress.setVisible(running or self.progress.value() > 0)
        if running:
            self.progress.setValue(0)
            self.status.setText(self.tr("Exporting…"))
        self.retranslate()
        self._on_input_changed()

    def set_progress(self, done: int, total: int) -> None:
        """Bytes written of the total."""
        self.progress.setValue(0 if total <= 0 else min(1000, done * 1000 // total))
        self.status.setText(
            self.tr("Exporting… {done} of {total} MB").format(
                done=f"{done / 1e6:.1f}", total=f"{total / 1e6:.1f}"
            )
        )

    def set_finished(self, ok: bool, text: str) -> None:
        """The outcome: where the bundle is and its manifest hash, or why there is none."""
        self.set_running(False)
        self.progress.setValue(1000 if ok else 0)
        self.progress.setVisible(ok)
        self.status.setText(text)
        self.status.setProperty("error", not ok)
        self.status.setStyleSheet("" if ok else "color: #d9534f;")

    @property
    def running(self) -> bool:
        return self._running

    # --- texts ----------------------------------------
    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Export video evidence"))
        self.intro.setText(
            self.tr(
                "The original recordings are copied without re-encoding, with a manifest of "
                "their SHA-256 hashes and a verifier that needs only Python. Your name, the "
                "workstation, the reason and the manifest's hash go into the audit log."
            )
        )
        self.browse.setText(self.tr("Browse…"))
        texts = (
            self.tr("Cameras"),
            self.tr("From"),
            self.tr("To"),
            self.tr("Incident"),
            self.tr("Write into"),
            self.tr("Reason"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.incident_label.setText(self._incident or self.tr("none"))
        if self._reason_required:
            self.reason.setPlaceholderText(
                self.tr("Why the video leaves the console ({n}+ characters)").format(n=REASON_MIN)
            )
        else:
            self.reason.setPlaceholderText(self.tr("Optional for a supervisor"))
        self.export_button.setText(self.tr("Export"))
        self.close_button.setText(self.tr("Cancel export") if self._running else self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- input ----------------------------------------
    def problem(self) -> str:
        """Why the export cannot start yet ('' when it can)."""
        v = self.value()
        if not v.cameras:
            return self.tr("Tick at least one camera.")
        if v.end <= v.start:
            return self.tr("The end must come after the start.")
        if v.end - v.start > timedelta(days=1):
            return self.tr("Export at most 24 hours at a time.")
        if not self.folder.text().strip():
            return self.tr("Choose where to write the bundle.")
        if self._reason_required and len(v.reason) < REASON_MIN:
            return self.tr("Give a reason.")
        return ""

    @Slot()
    def _on_input_changed(self) -> None:
        if self._running:
            self.export_button.setEnabled(False)
            return
        why = self.problem()
        self.export_button.setEnabled(not why)
        self.export_button.setToolTip(why)

    @Slot()
    def _on_export_clicked(self) -> None:
        if not self.problem():
            self.sig_export_requested.emit(self.value())

    @Slot()
    def _on_close_clicked(self) -> None:
        if self._running:
            self.sig_cancel_requested.emit()
        else:
            self.reject()

    def reject(self) -> None:
        if self._running:  # Esc or the window's close button while exporting: cancel first
            self.sig_cancel_requested.emit()
            return
        super().reject()

    @Slot()
    def _on_browse_clicked(self) -> None:
        dlg = QFileDialog(self, self.tr("Write the bundle into"), self.folder.text())
        dlg.setFileMode(QFileDialog.FileMode.Directory)
        dlg.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.fileSelected.connect(self.folder.setText)
        self._folder_dialog = dlg
        dlg.open()
