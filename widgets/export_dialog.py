"""The export dialog: where to, which encoding for Excel, and why (the reason is required)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.csvexport import CsvEncoding
from core.personal import REASON_MAX, REASON_MIN
from widgets.file_dialogs import SAVED, remember, resolved


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What the user asked for: the file, its encoding and the reason."""

    path: Path
    encoding: CsvEncoding
    reason: str


class ExportDialog(QDialog):
    """Asks for file, encoding and reason; OK only once a reason of 4+ characters is typed.

    Window-modal through `open()`, never `exec()`: the console keeps updating meanwhile.
    """

    def __init__(self, suggested: Path, what: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self._what = what
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.path = QLineEdit(str(suggested), self)
        self.path.setObjectName("exportPath")
        self.browse = QPushButton(self)
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("exportEncoding")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("exportReason")
        self.reason.setMaxLength(REASON_MAX)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.accepted.connect(lambda: remember(SAVED, resolved(SAVED, self.path.text())))
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._on_input_changed)
        self.path.textChanged.connect(self._on_input_changed)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        self.form = QFormLayout()
        self._labels = [QLabel(self) for _ in range(3)]
        self.form.addRow(self._labels[0], where)
        self.form.addRow(self._labels[1], self.encoding)
        self.form.addRow(self._labels[2], self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self._file_dialog: QFileDialog | None = None
        self.retranslate()
        self._on_input_changed()
        self.reason.setFocus()
        self.resize(560, self.sizeHint().height())

    def value(self) -> ExportRequest:
        """The request as typed."""
        return ExportRequest(
            resolved(SAVED, self.path.text()),
            CsvEncoding(str(self.encoding.currentData())),
            self.reason.text().strip(),
        )

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Export {what}").format(what=self._what))
        self.intro.setText(
            self.tr(
                "The file will contain personal data. Your name, the time and the reason are "
                "written into the file and into the audit log; only you can read the file."
            )
        )
        self.browse.setText(self.tr("Browse…"))
        for label, text in zip(
            self._labels, (self.tr("File"), self.tr("Encoding"), self.tr("Reason")), strict=True
        ):
            label.setText(text)
        current = self.encoding.currentData()
        self.encoding.clear()
        self.encoding.addItem(
            self.tr("UTF-8 with BOM (Excel 2016 and later)"), CsvEncoding.UTF8_BOM.value
        )
        self.encoding.addItem(
            self.tr("GBK (Excel on Chinese Windows, double-click)"), CsvEncoding.GBK.value
        )
        if current is not None:
            self.encoding.setCurrentIndex(max(0, self.encoding.findData(current)))
        self.reason.setPlaceholderText(
            self.tr("Why the data leaves the console ({n}+ characters)").format(n=REASON_MIN)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot()
    def _on_input_changed(self) -> None:
        ok = len(self.reason.text().strip()) >= REASON_MIN and bool(self.path.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    @Slot()
    def _on_browse_clicked(self) -> None:
        # open(), not getSaveFileName(): no nested event loop.
        dlg = QFileDialog(self, self.tr("Export to"), self.path.text())
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setNameFilter(self.tr("CSV files (*.csv)"))
        dlg.setDefaultSuffix("csv")
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.fileSelected.connect(self.path.setText)
        self._file_dialog = dlg
        dlg.open()
