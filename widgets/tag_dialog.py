"""Tag issue, replacement and return (issue 7, 3b): the dialogs the map pane opens.

The widgets only collect what was typed and emit it; the presenter calls the tracking
service on the writer thread and reports back with `show_error` / `show_done`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.personal import ResidentRow
from core.tags import TagProfile

PERSON, VEHICLE = "person", "vehicle"
ISSUED = "issued"


def _plain_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class _WriteDialog(QDialog):
    """A dialog whose buttons send writes: busy while one runs, then its error or its outcome.

    Subclasses make `self.error` and `self.status` labels and decide `_update_buttons`.
    """

    error: QLabel
    status: QLabel
    _busy: bool

    def set_busy(self, busy: bool) -> None:
        """A write is under way: nothing more is sent until it ends."""
        self._busy = busy
        if busy:
            self.error.hide()
            self.status.hide()
        self._update_buttons()

    def show_error(self, text: str) -> None:
        """Why the service refused, in plain words."""
        self._busy = False
        self.status.hide()
        self.error.setText(text)
        self.error.show()
        self._update_buttons()

    def show_done(self, text: str) -> None:
        """What the service did."""
        self._busy = False
        self._done()
        self.error.hide()
        self.status.setText(text)
        self.status.show()
        self._update_buttons()

    def _done(self) -> None:
        """What a finished write clears in the form (nothing by default)."""

    def _update_buttons(self) -> None:
        raise NotImplementedError


class TagDialog(_WriteDialog):
    """One issued tag: replace it, take it back (returned or lost), edit a person's profile."""

    sig_replace = Signal(int, str)  # tag id, the new tag's code
    sig_return = Signal(int, bool)  # tag id, lost
    sig_profile = Signal(int, object)  # tag id, TagProfile

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagDialog")
        self.tag_id: int | None = None
        self.tag_code = self.tag_kind = self.tag_label = self._state = ""
        self._armed = False
        self.what = _plain_label("tagWhat")
        self.what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.replace_box = QGroupBox()
        self.new_code = QLineEdit()
        self.new_code.setObjectName("tagNewCode")
        self.new_code.setMaxLength(32)
        self.new_code.textChanged.connect(self._update_buttons)
        self.new_code.returnPressed.connect(self._on_replace)
        self.replace_button = QPushButton()
        self.replace_button.setObjectName("tagReplace")
        self.replace_button.clicked.connect(self._on_replace)
        row = QHBoxLayout(self.replace_box)
        self.new_code_label = QLabel()
        self.new_code_label.setBuddy(self.new_code)
        row.addWidget(self.new_code_label)
        row.addWidget(self.new_code, 1)
        row.addWidget(self.replace_button)

        self.return_button = QPushButton()
        self.return_button.setObjectName("tagReturn")
        self.return_button.clicked.connect(lambda: self._on_return(False))
        self.lost_button = QPushButton()
        self.lost_button.setObjectName("tagLost")
        self.lost_button.clicked.connect(lambda: self._on_return(True))
        back = QHBoxLayout()
        back.addWidget(self.return_button)
        back.addWidget(self.lost_button)
        back.addStretch(1)

        self.profile_box = QGroupBox()
        self.safe_zones = QLineEdit()
        self.safe_zones.setObjectName("tagSafeZones")
        self.dwell = QSpinBox()
        self.dwell.setObjectName("tagDwell")
        self.dwell.setRange(1, 86_400)
        self.no_read = QSpinBox()
        self.no_read.setObjectName("tagNoRead")
        self.no_read.setRange(0, 24 * 30)
        self.profile_button = QPushButton()
        self.profile_button.setObjectName("tagSaveProfile")
        self.profile_button.clicked.connect(self._on_profile)
        form = QFormLayout(self.profile_box)
        self.zones_label, self.dwell_label, self.no_read_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.zones_label, self.safe_zones)
        form.addRow(self.dwell_label, self.dwell)
        form.addRow(self.no_read_label, self.no_read)
        form.addRow(self.profile_button)

        self.error = _plain_label("tagError")
        self.error.setStyleSheet("color: #ff453a;")
        self.error.hide()
        self.status = _plain_label("tagStatus")
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        # Enter in a field acts on that field (Replace), never closes the dialog by surprise.
        for b in (self.replace_button, self.return_button, self.lost_button, self.profile_button):
            b.setAutoDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)

        lay = QVBoxLayout(self)
        lay.addWidget(self.what)
        lay.addWidget(self.replace_box)
        lay.addLayout(back)
        lay.addWidget(self.profile_box)
        lay.addWidget(self.error)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self._busy = False
        self._retranslate()
        self._update_buttons()

    # --- fed by the presenter ------------------------------------------------------------
    def show_tag(
        self,
        tag_id: int,
        code: str,
        kind: str,
        label: str,
        state: str,
        profile: TagProfile | None = None,
    ) -> None:
        """Show this tag (label as the map shows it, already masked)."""
        if tag_id != self.tag_id:
            self.new_code.clear()
            self.error.hide()
            self.status.hide()
        self.tag_id = tag_id
        self.tag_code, self.tag_kind, self.tag_label, self._state = code, kind, label, state
        if profile is not None:
            self.safe_zones.setText(", ".join(profile.safe_zones))
            self.dwell.setValue(profile.dwell_seconds)
            self.no_read.setValue(profile.no_read_hours)
            self._armed = profile.armed
        self.profile_box.setVisible(kind == PERSON)
        self._busy = False
        self._retranslate()
        self._update_buttons()

    def state(self) -> str:
        """The shown tag's state."""
        return self._state

    def profile(self) -> TagProfile:
        """The care profile as typed."""
        zones = tuple(z.strip() for z in self.safe_zones.text().replace("，", ",").split(","))
        return TagProfile(
            safe_zones=tuple(z for z in zones if z),
            dwell_seconds=self.dwell.value(),
            no_read_hours=self.no_read.value(),
            armed=self._armed,
        )

    # --- user actions ----------------------------------------------------------------------
    @Slot()
    def _on_replace(self) -> None:
        code = self.new_code.text().strip()
        if self.tag_id is not None and code and self.replace_button.isEnabled():
            self.set_busy(True)
            self.sig_replace.emit(self.tag_id, code)

    def _on_return(self, lost: bool) -> None:
        if self.tag_id is not None and self._state == ISSUED and not self._busy:
            self.sig_return.emit(self.tag_id, lost)

    @Slot()
    def _on_profile(self) -> None:
        if self.tag_id is not None and self.profile_button.isEnabled():
            self.set_busy(True)
            self.sig_profile.emit(self.tag_id, self.profile())

    @Slot()
    def _update_buttons(self) -> None:
        live = self.tag_id is not None and self._state == ISSUED and not self._busy
        self.replace_button.setEnabled(live and bool(self.new_code.text().strip()))
        self.new_code.setEnabled(live)
        for w in (self.return_button, self.lost_button, self.profile_button):
            w.setEnabled(live)

    def _state_name(self) -> str:
        names = {
            "issued": self.tr("Issued"),
            "returned": self.tr("Returned"),
            "lost": self.tr("Lost"),
            "replaced": self.tr("Replaced"),
        }
        return names.get(self._state, self._state or "…")

    def _kind_name(self) -> str:
        names = {
            "person": self.tr("Person"),
            "vehicle": self.tr("Vehicle"),
            "asset": self.tr("Asset"),
        }
        return names.get(self.tag_kind, self.tag_kind)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Tag {code}").format(code=self.tag_code))
        self.what.setText(
            self.tr("Tag: {code}\nKind: {kind}\nOwner: {label}\nState: {state}").format(
                code=self.tag_code,
                kind=self._kind_name(),
                label=self.tag_label,
                state=self._state_name(),
            )
        )
        self.replace_box.setTitle(self.tr("Replace (lost or broken tag)"))
        self.new_code_label.setText(self.tr("&New tag code"))
        self.new_code.setPlaceholderText(self.tr("the new tag's code"))
        self.replace_button.setText(self.tr("&Replace"))
        self.return_button.setText(self.tr("Re&turn…"))
        self.lost_button.setText(self.tr("&Lost…"))
        self.profile_box.setTitle(self.tr("Care profile"))
        self.zones_label.setText(self.tr("Safe &zones"))
        self.zones_label.setBuddy(self.safe_zones)
        self.safe_zones.setPlaceholderText(self.tr("zone codes, separated by commas"))
        self.dwell_label.setText(self.tr("&Dwell before alarm"))
        self.dwell_label.setBuddy(self.dwell)
        self.dwell.setSuffix(self.tr(" s"))
        self.no_read_label.setText(self.tr("No-read &hours"))
        self.no_read_label.setBuddy(self.no_read)
        self.no_read.setSpecialValueText(self.tr("off"))
        self.no_read.setSuffix(self.tr(" h"))
        self.profile_button.setText(self.tr("&Save profile"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class IssueTagDialog(_WriteDialog):
    """A new tag for a resident (the person) or a vehicle (its plate and owner)."""

    sig_search = Signal(str)  # name or phone: the presenter lists matching residents
    sig_issue = Signal(str, str, int, str)  # code, kind, resident id, plate

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issueTagDialog")
        self.kind = QComboBox()
        self.kind.setObjectName("issueKind")
        self.kind.addItem("", PERSON)
        self.kind.addItem("", VEHICLE)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.code = QLineEdit()
        self.code.setObjectName("issueCode")
        self.code.setMaxLength(32)
        self.search = QLineEdit()
        self.search.setObjectName("issueSearch")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._on_search)
        self.search_button = QPushButton()
        self.search_button.setObjectName("issueFind")
        self.search_button.setAutoDefault(False)
        self.search_button.clicked.connect(self._on_search)
        self.results = QListWidget()
        self.results.setObjectName("issueResults")
        self.results.setMaximumHeight(120)
        self.results.currentItemChanged.connect(self._on_result_chosen)
        self.resident = QLineEdit()
        self.resident.setObjectName("issueResident")
        self.resident.setValidator(QIntValidator(1, 2_000_000_000, self.resident))
        self.plate = QLineEdit()
        self.plate.setObjectName("issuePlate")
        self.plate.setMaxLength(16)
        for edit in (self.code, self.resident, self.plate):
            edit.textChanged.connect(self._update_buttons)
        find = QHBoxLayout()
        find.addWidget(self.search, 1)
        find.addWidget(self.search_button)
        self.kind_label, self.code_label, self.search_label = QLabel(), QLabel(), QLabel()
        self.resident_label, self.plate_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.code_label, self.code)
        form.addRow(self.search_label, find)
        form.addRow(self.results)
        form.addRow(self.resident_label, self.resident)
        form.addRow(self.plate_label, self.plate)
        self.form = form
        for label, buddy in (
            (self.kind_label, self.kind),
            (self.code_label, self.code),
            (self.search_label, self.search),
            (self.resident_label, self.resident),
            (self.plate_label, self.plate),
        ):
            label.setBuddy(buddy)

        self.error = _plain_label("issueError")
        self.error.setStyleSheet("color: #ff453a;")
        self.error.hide()
        self.status = _plain_label("issueStatus")
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.issue_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.issue_button.setObjectName("issueTag")
        self.issue_button.clicked.connect(self._on_issue)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        self.issue_button.setAutoDefault(False)
        for edit in (self.code, self.resident, self.plate):
            edit.returnPressed.connect(self._on_issue)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._busy = False
        self._retranslate()
        self._on_kind_changed()

    def reset(self) -> None:
        """Empty, ready for a new tag."""
        for edit in (self.code, self.search, self.resident, self.plate):
            edit.clear()
        self.results.clear()
        self.error.hide()
        self.status.hide()
        self._busy = False
        self._update_buttons()

    def set_kind(self, kind: str) -> None:
        """Person or vehicle."""
        i = self.kind.findData(kind)
        if i >= 0:
            self.kind.setCurrentIndex(i)

    def current_kind(self) -> str:
        """'person' or 'vehicle'."""
        return str(self.kind.currentData())

    def set_results(self, rows: Sequence[ResidentRow]) -> None:
        """Residents matching the search (masked as the service gave them)."""
        self.results.clear()
        for r in rows:
            item = QListWidgetItem(f"{r.id} · {r.name} · {r.phone} · {r.community_name}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.results.addItem(item)
        if not rows:
            self.show_error(self.tr("No resident matches this search."))
        else:
            self.error.hide()
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def resident_id(self) -> int | None:
        """The chosen or typed resident id."""
        text = self.resident.text().strip()
        return int(text) if text.isdigit() else None

    def _done(self) -> None:
        self.code.clear()  # the form is emptied for the next tag

    @Slot()
    def _on_search(self) -> None:
        text = self.search.text().strip()
        if text:
            self.sig_search.emit(text)

    def _on_result_chosen(self, item: QListWidgetItem | None, _old: object = None) -> None:
        if item is not None:
            self.resident.setText(str(item.data(Qt.ItemDataRole.UserRole)))

    @Slot()
    def _on_issue(self) -> None:
        rid = self.resident_id()
        if rid is None or not self.issue_button.isEnabled():
            return
        self.set_busy(True)
        self.sig_issue.emit(
            self.code.text().strip(), self.current_kind(), rid, self.plate.text().strip()
        )

    @Slot()
    def _on_kind_changed(self) -> None:
        vehicle = self.current_kind() == VEHICLE
        self.form.setRowVisible(self.plate, vehicle)
        self._retranslate()
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        ok = bool(self.code.text().strip()) and self.resident_id() is not None
        if self.current_kind() == VEHICLE:
            ok = ok and bool(self.plate.text().strip())
        self.issue_button.setEnabled(ok and not self._busy)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Issue a tag"))
        self.kind.setItemText(0, self.tr("Person (a resident wears it)"))
        self.kind.setItemText(1, self.tr("Vehicle (plate and owner)"))
        self.kind_label.setText(self.tr("&For"))
        self.code_label.setText(self.tr("Tag &code"))
        self.search_label.setText(self.tr("&Search resident"))
        self.search.setPlaceholderText(self.tr("name or phone, Enter to search"))
        self.search_button.setText(self.tr("Find"))
        vehicle = self.current_kind() == VEHICLE
        self.resident_label.setText(self.tr("&Owner id") if vehicle else self.tr("&Resident id"))
        self.resident.setPlaceholderText(self.tr("chosen above, or typed"))
        self.plate_label.setText(self.tr("&Plate"))
        self.issue_button.setText(self.tr("&Issue tag"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
