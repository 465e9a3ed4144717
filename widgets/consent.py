"""Consent per purpose in the resident card, and the dialogs for a resident's rights."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.consent import (
    NAME_MAX,
    NOTE_MAX,
    RECORDABLE,
    RELATION_MAX,
    ConsentMethod,
    ConsentPurpose,
    ConsentState,
)
from core.personal import REASON_MAX, REASON_MIN
from core.timefmt import DEFAULT_ZONE, fmt_local
from widgets.file_dialogs import SAVED, remember, resolved


def _plain(widget: QWidget) -> None:
    # People's names and typed reasons: never rich text.
    for label in widget.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)


def _ok(buttons: QDialogButtonBox) -> QPushButton:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


class ConsentSection(QGroupBox):
    """Each purpose's consent state for one resident, with Record and Withdraw for the
    selected purpose (enabled only for users who may; the service checks again)."""

    sig_record_requested = Signal(str)  # purpose; GUI thread
    sig_withdraw_requested = Signal(str)  # purpose; GUI thread

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("consentSection")
        self._zone = zone
        self._states: tuple[ConsentState, ...] = ()
        self._can_edit = False
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("consentStates")
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(2)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemSelectionChanged.connect(self._on_selection_changed)
        # Seven purposes, all visible without scrolling: the tree is sized to them.
        rows = len(ConsentPurpose) + 1  # and the header
        self.tree.setMinimumHeight(rows * self.tree.fontMetrics().height() + 16)
        self.tree.setMaximumHeight(rows * (self.tree.fontMetrics().height() + 4) + 16)
        self.record = QPushButton(self)
        self.record.setObjectName("consentRecord")
        self.record.setAutoDefault(False)
        self.record.clicked.connect(self._on_record_clicked)
        self.withdraw = QPushButton(self)
        self.withdraw.setObjectName("consentWithdraw")
        self.withdraw.setAutoDefault(False)
        self.withdraw.clicked.connect(self._on_withdraw_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record)
        buttons.addWidget(self.withdraw)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tree, 1)
        lay.addLayout(buttons)
        self.retranslate()

    def set_states(self, states: Sequence[ConsentState], can_edit: bool) -> None:
        """Show the states (one per purpose); `can_edit`: the user may record and withdraw."""
        selected = self.selected_purpose()
        self._states = tuple(states)
        self._can_edit = can_edit
        self._fill()
        if selected is not None:
            for i in range(self.tree.topLevelItemCount()):
                item = self.tree.topLevelItem(i)
                if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == selected.value:
                    self.tree.setCurrentItem(item)
        self._on_selection_changed()

    def clear(self) -> None:
        """Forget the states shown (lock, sign-out, another resident)."""
        self._states = ()
        self.tree.clear()
        self._on_selection_changed()

    def selected_purpose(self) -> ConsentPurpose | None:
        """The purpose of the selected row."""
        item = self.tree.currentItem()
        if item is None:
            return None
        return ConsentPurpose(str(item.data(0, Qt.ItemDataRole.UserRole)))

    def state_of(self, purpose: ConsentPurpose) -> ConsentState | None:
        """The state shown for a purpose."""
        return next((s for s in self._states if s.purpose is purpose), None)

    def _fill(self) -> None:
        self.tree.clear()
        for s in self._states:
            item = QTreeWidgetItem([purpose_text(s.purpose), self._state_text(s)])
            item.setData(0, Qt.ItemDataRole.UserRole, s.purpose.value)
            item.setToolTip(1, self._state_text(s))
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)

    def _state_text(self, s: ConsentState) -> str:
        r = s.record
        if r is None:
            return self.tr("Not recorded")
        if r.withdrawn_at is not None:
            return self.tr("Withdrawn {when} by {who}: {why}").format(
                when=fmt_local(r.withdrawn_at, self._zone),
                who=r.withdrawn_by or "",
                why=r.withdrawal_reason or "",
            )
        how = method_text(r.method)
        if r.method is ConsentMethod.VERBAL:
            how = self.tr("{how}, witness {name}").format(how=how, name=r.witness)
        elif r.method is ConsentMethod.GUARDIAN:
            how = self.tr("{how}: {name} ({relation})").format(
                how=how, name=r.guardian_name, relation=r.guardian_relation
            )
        elif r.note:
            how = f"{how} ({r.note})"
        return self.tr("Given {day} — {how}; recorded by {who}").format(
            day=r.given_on.isoformat(), how=how, who=r.recorded_by
        )

    @Slot()
    def _on_selection_changed(self) -> None:
        purpose = self.selected_purpose()
        state = self.state_of(purpose) if purpose is not None else None
        self.record.setEnabled(self._can_edit and state is not None and not state.given)
        self.withdraw.setEnabled(self._can_edit and state is not None and state.given)

    @Slot()
    def _on_record_clicked(self) -> None:
        purpose = self.selected_purpose()
        if purpose is not None:
            self.sig_record_requested.emit(purpose.value)

    @Slot()
    def _on_withdraw_clicked(self) -> None:
        purpose = self.selected_purpose()
        if purpose is not None:
            self.sig_withdraw_requested.emit(purpose.value)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setTitle(self.tr("Consent per purpose"))
        self.tree.setHeaderLabels(
            [
                self.tr("Purpose"),
                self.tr("State"),
            ]
        )
        self.record.setText(self.tr("Record consent…"))
        self.withdraw.setText(self.tr("Withdraw…"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def purpose_text(purpose: ConsentPurpose) -> str:
    """A purpose in the current language."""
    return {
        ConsentPurpose.TRACKING: QCoreApplication.translate(
            "Consent", "Tracking (RFID/GPS whereabouts)"
        ),
        ConsentPurpose.VIDEO: QCoreApplication.translate("Consent", "Video linking"),
        ConsentPurpose.SURVEYS: QCoreApplication.translate("Consent", "Needs surveys"),
        ConsentPurpose.NECESSITIES: QCoreApplication.translate("Consent", "Daily necessities"),
        ConsentPurpose.VOLUNTEERS: QCoreApplication.translate("Consent", "Volunteer visits"),
        ConsentPurpose.JOBS: QCoreApplication.translate("Consent", "Job placement"),
        ConsentPurpose.SCREENING: QCoreApplication.translate("Consent", "Psychological screening"),
    }[purpose]


def method_text(method: ConsentMethod) -> str:
    """A method in the current language."""
    return {
        ConsentMethod.WRITTEN: QCoreApplication.translate("Consent", "Written"),
        ConsentMethod.VERBAL: QCoreApplication.translate("Consent", "Verbal"),
        ConsentMethod.GUARDIAN: QCoreApplication.translate("Consent", "By the guardian"),
        ConsentMethod.LEGACY: QCoreApplication.translate("Consent", "Earlier record"),
    }[method]


@dataclass(frozen=True, slots=True)
class ConsentRequest:
    """A consent as typed in the dialog (the service checks it)."""

    purpose: ConsentPurpose
    method: ConsentMethod
    given_on: date
    witness: str
    guardian_name: str
    guardian_relation: str
    note: str


class RecordConsentDialog(QDialog):
    """Record a consent: method, witness or guardian as the method needs, the date given.

    OK sends sig_submitted and the dialog stays open until the owner closes it (accepted) or
    shows the service's refusal (`show_error`). Opened with open(), never exec().
    """

    sig_submitted = Signal(object)  # ConsentRequest; GUI thread

    def __init__(
        self, purpose: ConsentPurpose, who: str, today: date, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("recordConsentDialog")
        self.purpose = purpose
        self._who = who
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.method = QComboBox(self)
        self.method.setObjectName("consentMethod")
        for m in RECORDABLE:
            self.method.addItem("", m.value)
        self.method.currentIndexChanged.connect(self._on_input_changed)
        self.witness = QLineEdit(self)
        self.witness.setObjectName("consentWitness")
        self.witness.setMaxLength(NAME_MAX)
        self.guardian_name = QLineEdit(self)
        self.guardian_name.setObjectName("consentGuardianName")
        self.guardian_name.setMaxLength(NAME_MAX)
        self.guardian_relation = QLineEdit(self)
        self.guardian_relation.setObjectName("consentGuardianRelation")
        self.guardian_relation.setMaxLength(RELATION_MAX)
        self.given_on = QDateEdit(self)
        self.given_on.setObjectName("consentDate")
        self.given_on.setCalendarPopup(True)
        self.given_on.setDisplayFormat("yyyy-MM-dd")
        self.given_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.given_on.setDate(QDate(today.year, today.month, today.day))
        self.note = QLineEdit(self)
        self.note.setMaxLength(NOTE_MAX)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        for edit in (self.witness, self.guardian_name, self.guardian_relation):
            edit.textChanged.connect(self._on_input_changed)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self._labels = [QLabel(self) for _ in range(6)]
        rows = (
            self.method,
            self.witness,
            self.guardian_name,
            self.guardian_relation,
            self.given_on,
            self.note,
        )
        for label, field in zip(self._labels, rows, strict=True):
            self.form.addRow(label, field)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        _plain(self)
        self.retranslate()
        self._on_input_changed()
        self.resize(520, self.sizeHint().height())

    def selected_method(self) -> ConsentMethod:
        """The method chosen."""
        return ConsentMethod(str(self.method.currentData()))

    def value(self) -> ConsentRequest:
        """The consent as typed."""
        d = self.given_on.date()
        return ConsentRequest(
            self.purpose,
            self.selected_method(),
            date(d.year(), d.month(), d.day()),
            self.witness.text().strip(),
            self.guardian_name.text().strip(),
            self.guardian_relation.text().strip(),
            self.note.text().strip(),
        )

    def show_error(self, text: str) -> None:
        """Say why the service refused; the dialog stays open to correct it."""
        self.error.setText(text)
        self.buttons.setEnabled(True)

    @Slot()
    def _on_input_changed(self) -> None:
        method = self.selected_method()
        verbal, guardian = method is ConsentMethod.VERBAL, method is ConsentMethod.GUARDIAN
        self.witness.setEnabled(verbal)
        self.guardian_name.setEnabled(guardian)
        self.guardian_relation.setEnabled(guardian)
        ok = (not verbal or bool(self.witness.text().strip())) and (
            not guardian
            or (bool(self.guardian_name.text().strip()) and bool(self.guardian_relation.text()))
        )
        _ok(self.buttons).setEnabled(ok)

    @Slot()
    def _on_ok(self) -> None:
        self.error.clear()
        self.buttons.setEnabled(False)  # one request at a time; the answer enables it again
        self.sig_submitted.emit(self.value())

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Record consent"))
        self.intro.setText(
            self.tr(
                "Consent to: {purpose}. A person with dementia or under 18 consents through "
                "their guardian; a verbal consent needs a witness. Recorded as given by you "
                "({who}) now."
            ).format(purpose=purpose_text(self.purpose), who=self._who)
        )
        for i, m in enumerate(RECORDABLE):
            self.method.setItemText(i, method_text(m))
        texts = (
            self.tr("Method"),
            self.tr("Witness"),
            self.tr("Guardian"),
            self.tr("Guardian's relation"),
            self.tr("Given on"),
            self.tr("Note"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.witness.setPlaceholderText(self.tr("who heard the consent given"))
        self.guardian_relation.setPlaceholderText(self.tr("e.g. daughter, son, spouse"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ReasonDialog(QDialog):
    """A reason (and, for an anonymisation, the resident's masked name typed to confirm).

    Used to withdraw a consent, to anonymise, and to export a person's data (then with a
    file). OK is enabled only when everything needed is typed; it sends sig_submitted.
    """

    sig_submitted = Signal(str, str)  # reason, file path ("" when no file); GUI thread

    def __init__(
        self,
        title: str,
        intro: str,
        *,
        minimum: int = REASON_MIN,
        maximum: int = REASON_MAX,
        confirm_text: str | None = None,
        save_to: Path | None = None,
        ok_text: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("reasonDialog")
        self.setWindowTitle(title)
        self._minimum = minimum
        self._confirm_text = confirm_text
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("rightsReason")
        self.reason.setMaxLength(maximum)
        self.reason.setPlaceholderText(self.tr("at least {n} characters").format(n=minimum))
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("rightsConfirm")
        self.path = QLineEdit(str(save_to or ""), self)
        self.path.setObjectName("rightsPath")
        self.browse = QPushButton(self.tr("Browse…"), self)
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        if ok_text:
            _ok(self.buttons).setText(ok_text)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Reason"), self), self.reason)
        if confirm_text is not None:
            form.addRow(
                QLabel(
                    self.tr("Type {name} to confirm").format(name=confirm_text),
                    self,
                ),
                self.confirm,
            )
        else:
            self.confirm.hide()
        if save_to is not None:
            where = QHBoxLayout()
            where.addWidget(self.path, 1)
            where.addWidget(self.browse)
            form.addRow(QLabel(self.tr("File"), self), where)
        else:
            self.path.hide()
            self.browse.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        for edit in (self.reason, self.confirm, self.path):
            edit.textChanged.connect(self._on_input_changed)
        self._file_dialog: QFileDialog | None = None
        _plain(self)
        self._on_input_changed()
        self.resize(520, self.sizeHint().height())

    def show_error(self, text: str) -> None:
        """Say why the service refused; the dialog stays open."""
        self.error.setText(text)
        self.buttons.setEnabled(True)

    @Slot()
    def _on_input_changed(self) -> None:
        ok = len(self.reason.text().strip()) >= self._minimum
        if self._confirm_text is not None:
            ok = ok and self.confirm.text().strip() == self._confirm_text
        if self.path.isVisibleTo(self):
            ok = ok and bool(self.path.text().strip())
        _ok(self.buttons).setEnabled(ok)

    @Slot()
    def _on_ok(self) -> None:
        self.error.clear()
        self.buttons.setEnabled(False)
        path = str(resolved(SAVED, self.path.text())) if self.path.text().strip() else ""
        path = path if self.path.isVisibleTo(self) else ""
        if path:
            remember(SAVED, path)
        self.sig_submitted.emit(self.reason.text().strip(), path)

    @Slot()
    def _on_browse_clicked(self) -> None:
        # open(), not getSaveFileName(): no nested event loop.
        dlg = QFileDialog(self, self.tr("Export to"), self.path.text())
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setNameFilter(self.tr("JSON files (*.json)"))
        dlg.setDefaultSuffix("json")
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.fileSelected.connect(self.path.setText)
        self._file_dialog = dlg
        dlg.open()
