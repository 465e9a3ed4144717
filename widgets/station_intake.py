"""A resident's request taken at the station's counter or by phone: who, what, a photo."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.contacts import TICKET_CATEGORIES, ContactKind, ContactRow
from core.personal import ResidentRow, SearchKind, search_kind
from core.station import RequestTarget
from core.text import clean_line
from core.timefmt import DEFAULT_ZONE, local
from core.views import IncidentTypeRow

DESCRIPTION_MAX = 2000  # what a worker types at the counter; the centre adds the rest
ID_ROLE = Qt.ItemDataRole.UserRole


def wrap_rows(view: QListWidget) -> None:
    """Long rows wrap instead of scrolling sideways (a touch screen has no sideways swipe)."""
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


@dataclass(frozen=True, slots=True)
class IntakeForm:
    """What the worker filled in; the presenter adds the station, the time and the photo."""

    target: RequestTarget
    category: str
    description: str
    resident_id: int | None
    caller_name: str
    caller_phone: str
    photo_path: str  # "" for none


class StationIntakeWidget(QWidget):
    """Find the resident (masked rows), say what they need, send it as an incident or ticket."""

    sig_search_requested = Signal(str)  # GUI thread: a name, phone or identity number
    sig_resident_chosen = Signal(int)  # GUI thread: a resident picked from the results
    sig_photo_requested = Signal()  # GUI thread: the worker wants to attach a photo
    sig_submitted = Signal(object)  # GUI thread: an IntakeForm, already checked

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.zone = zone
        self._types: list[IncidentTypeRow] = []
        self._results: list[ResidentRow] = []
        self._chosen: ResidentRow | None = None
        self._contacts: list[ContactRow] | None = None  # None: not read yet
        self._photo = ""
        self._busy = False

        self.search = QLineEdit(self)
        self.search.setObjectName("stationSearch")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self._on_find_clicked)
        self.find_button = QPushButton(self)
        self.find_button.clicked.connect(self._on_find_clicked)
        self.results = QListWidget(self)
        self.results.setObjectName("stationResidents")
        wrap_rows(self.results)
        self.results.itemActivated.connect(self._on_result_activated)
        self.results.itemClicked.connect(self._on_result_activated)
        self.chosen = QLabel(self)
        self.chosen.setObjectName("stationChosen")
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.chosen.setWordWrap(True)
        self.contacts_heading = QLabel(self)
        self.contacts_heading.setObjectName("stationHeading")
        self.contacts = QListWidget(self)
        self.contacts.setObjectName("stationContacts")
        wrap_rows(self.contacts)

        self.caller_name = QLineEdit(self)
        self.caller_name.setMaxLength(64)
        self.caller_phone = QLineEdit(self)
        self.caller_phone.setMaxLength(32)
        self.as_incident = QPushButton(self)
        self.as_ticket = QPushButton(self)
        self.target_group = QButtonGroup(self)
        for i, b in enumerate((self.as_incident, self.as_ticket)):
            b.setCheckable(True)
            b.setObjectName("stationTarget")
            self.target_group.addButton(b, i)
        self.as_incident.setChecked(True)
        self.target_group.idToggled.connect(self._on_target_toggled)
        self.category = QComboBox(self)
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        self.photo_button = QPushButton(self)
        self.photo_button.clicked.connect(self.sig_photo_requested)
        self.photo_clear = QPushButton(self)
        self.photo_clear.clicked.connect(lambda: self.set_photo(""))
        self.photo_label = QLabel(self)
        self.photo_label.setTextFormat(Qt.TextFormat.PlainText)
        # What the search found or did not, under its results (the form's own problems go
        # under the form, beside the button that caused them).
        self.search_note = QLabel(self)
        self.search_note.setObjectName("stationError")
        self.search_note.setTextFormat(Qt.TextFormat.PlainText)
        self.search_note.setWordWrap(True)
        self.search_note.hide()
        self.error = QLabel(self)
        self.error.setObjectName("stationError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.submit = QPushButton(self)
        self.submit.setObjectName("stationSubmit")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self._on_submit_clicked)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.reset)

        find_row = QHBoxLayout()
        find_row.addWidget(self.search, 1)
        find_row.addWidget(self.find_button)
        who = QVBoxLayout()
        who.addLayout(find_row)
        who.addWidget(self.results, 2)
        who.addWidget(self.search_note)
        who.addWidget(self.chosen)
        who.addWidget(self.contacts_heading)
        who.addWidget(self.contacts, 2)

        target_row = QHBoxLayout()
        target_row.addWidget(self.as_incident)
        target_row.addWidget(self.as_ticket)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.photo_clear)
        photo_row.addWidget(self.photo_label, 1)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_labels = [QLabel(self) for _ in range(6)]
        labels = iter(self.form_labels)
        self.form.addRow(next(labels), target_row)
        for field in (self.category, self.description, self.caller_name, self.caller_phone):
            self.form.addRow(next(labels), field)
        self.form.addRow(next(labels), photo_row)
        send_row = QHBoxLayout()
        send_row.addWidget(self.clear_button)
        send_row.addStretch(1)
        send_row.addWidget(self.submit)
        what = QVBoxLayout()
        what.addLayout(self.form, 1)
        what.addWidget(self.error)
        what.addLayout(send_row)

        lay = QHBoxLayout(self)
        lay.addLayout(who, 5)
        lay.addLayout(what, 6)
        self.retranslate()
        self._update_chosen()

    # --- data from the presenter ------------------------------------------------------------
    def set_types(self, types: list[IncidentTypeRow]) -> None:
        """The incident types the category list offers for an incident."""
        self._types = list(types)
        self._fill_categories()

    def set_results(self, rows: list[ResidentRow], total: int) -> None:
        """Residents found (already masked for this viewer)."""
        self._results = list(rows)
        self.results.clear()
        for r in rows:
            item = QListWidgetItem(self._resident_text(r))
            item.setData(ID_ROLE, r.id)
            self.results.addItem(item)
        if not rows:
            note = self.tr(
                "Nobody of this community matches. Type the caller's name "
                "and phone below to take the request anyway."
            )
            query = self.search.text().strip()
            digits = query and all(c.isdigit() or c in "+- " for c in query)
            if digits and search_kind(query) is not SearchKind.PHONE:
                # Parts of numbers find nobody, by design (no trawling residents by digits):
                # "5678" looked like a search that failed.
                note = self.tr("Phones are found by the whole number.") + " " + note
            self._note(note)
        elif total > len(rows):
            self._note(
                self.tr("{shown} of {total} shown: type more of the name.").format(
                    shown=len(rows), total=total
                )
            )
        else:
            self._note("")

    def _note(self, text: str) -> None:
        self.search_note.setText(text)
        self.search_note.setVisible(bool(text))

    def set_contacts(self, resident_id: int, rows: list[ContactRow]) -> None:
        """The chosen resident's recent contacts (ignored if another was chosen meanwhile)."""
        if self._chosen is None or self._chosen.id != resident_id:
            return
        self._contacts = list(rows)
        self._fill_contacts()

    def set_photo(self, path: str) -> None:
        """The photo to send with the request ("" for none)."""
        self._photo = path
        self.photo_label.setText(Path(path).name if path else self.tr("No photo"))
        self.photo_clear.setEnabled(bool(path))

    def set_busy(self, busy: bool) -> None:
        """While a request is being put into the outbox: no second one from a double tap."""
        self._busy = busy
        self.submit.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        """A problem with the form, or "" to clear it."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def reset(self) -> None:
        """An empty form for the next resident."""
        self.search.clear()
        self.results.clear()
        self._results = []
        self._chosen = None
        self._contacts = None
        self.contacts.clear()
        self.caller_name.clear()
        self.caller_phone.clear()
        self.description.clear()
        self.as_incident.setChecked(True)
        self.set_photo("")
        self.show_error("")
        self._note("")
        self.category.setCurrentIndex(-1)  # chosen anew for every request
        self._update_chosen()

    # --- reads for the presenter and tests -----------------------------------------------------
    def chosen_id(self) -> int | None:
        """The resident the request is for, None for a caller not (yet) known."""
        return self._chosen.id if self._chosen is not None else None

    def result_texts(self) -> list[str]:
        """The result rows as shown."""
        return [self.results.item(i).text() for i in range(self.results.count())]

    def contact_texts(self) -> list[str]:
        """The contacts as shown."""
        return [self.contacts.item(i).text() for i in range(self.contacts.count())]

    def target(self) -> RequestTarget:
        """Incident or ticket, as chosen."""
        return RequestTarget.TICKET if self.as_ticket.isChecked() else RequestTarget.INCIDENT

    def choose(self, resident_id: int) -> bool:
        """Pick a resident of the results by id (as a tap does); False if not shown."""
        for i in range(self.results.count()):
            if self.results.item(i).data(ID_ROLE) == resident_id:
                self.results.setCurrentRow(i)
                self._on_result_activated(self.results.item(i))
                return True
        return False

    def select_category(self, code: str) -> bool:
        """Pick a category by code; False if the list has none such."""
        i = self.category.findData(code)
        if i >= 0:
            self.category.setCurrentIndex(i)
        return i >= 0

    # --- texts ----------------------------------------------------------------------------
    def _resident_text(self, r: ResidentRow) -> str:
        parts = [r.name or self.tr("(name hidden)"), r.birth, r.id_number, r.phone]
        return " · ".join(p for p in parts if p)

    def ticket_category_text(self, code: str) -> str:
        """A ticket category in words."""
        return {
            "daily_help": self.tr("Help with daily life"),
            "repair": self.tr("Repairs in the home or building"),
            "benefits": self.tr("Benefits and certificates"),
            "feedback": self.tr("Suggestion or complaint"),
            "other": self.tr("Something else"),
        }.get(code, code)

    def _contact_text(self, c: ContactRow) -> str:
        when = local(c.at, self.zone).strftime("%Y-%m-%d %H:%M")
        if c.kind is ContactKind.INCIDENT:
            what = self.tr("Incident {ref}: {title}").format(
                ref=c.ref.partition(":")[2], title=c.summary
            )
        elif c.kind is ContactKind.CALL:
            what = (
                self.tr("Call from the resident")
                if c.summary == "inbound"
                else self.tr("Call to the resident")
            )
        else:
            what = self.tr("Service ticket: {topic}").format(
                topic=self.ticket_category_text(c.summary)
            )
        return f"{when} · {what}"

    def _fill_categories(self) -> None:
        current = self.category.currentData()
        self.category.clear()
        if self.target() is RequestTarget.INCIDENT:
            for t in self._types:
                self.category.addItem(f"{t.name} ({t.priority.name})", t.code)
        else:
            for code in TICKET_CATEGORIES:
                self.category.addItem(self.ticket_category_text(code), code)
        # No category until the worker picks one: a first entry taken by default made every
        # hurried request an "elderly person living alone" P1 at the control room.
        self.category.setCurrentIndex(-1)
        if current is not None:
            self.select_category(str(current))

    def _fill_contacts(self) -> None:
        self.contacts.clear()
        if self._chosen is None or self._contacts is None:
            return
        if not self._contacts:
            self.contacts.addItem(self.tr("No contacts with the street in this community yet."))
            return
        for c in self._contacts:
            self.contacts.addItem(self._contact_text(c))

    def _update_chosen(self) -> None:
        r = self._chosen
        if r is None:
            self.chosen.setText(
                self.tr("No resident chosen: find them above, or type the caller's name below.")
            )
        else:
            self.chosen.setText(self.tr("For: {who}").format(who=self._resident_text(r)))
        self.contacts_heading.setVisible(r is not None)
        self.contacts.setVisible(r is not None)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.search.setPlaceholderText(self.tr("Name, whole phone number or identity number"))
        self.find_button.setText(self.tr("Find"))
        self.contacts_heading.setText(self.tr("Recent contacts"))
        self.caller_name.setPlaceholderText(self.tr("Caller's name (if not found)"))
        self.caller_phone.setPlaceholderText(self.tr("Caller's phone"))
        self.as_incident.setText(self.tr("Incident"))
        self.as_ticket.setText(self.tr("Service ticket"))
        self.description.setPlaceholderText(self.tr("What happened, where, what is needed"))
        self.photo_button.setText(self.tr("Add photo…"))
        self.photo_clear.setText(self.tr("Remove photo"))
        self.submit.setText(self.tr("Send request"))
        self.clear_button.setText(self.tr("Clear form"))
        self.category.setPlaceholderText(self.tr("Choose a category…"))
        labels = (
            self.tr("Becomes"),
            self.tr("Category"),
            self.tr("Description"),
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("Photo"),
        )
        for label, text in zip(self.form_labels, labels, strict=True):
            label.setText(text)
        self.set_photo(self._photo)
        self._fill_categories()
        for i, r in enumerate(self._results):
            self.results.item(i).setText(self._resident_text(r))
        self._fill_contacts()
        self._update_chosen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- slots ----------------------------------------------------------------------------
    def _on_find_clicked(self) -> None:
        query = clean_line(self.search.text())
        if query:
            # The old results go at once: a tap on them now would pick from the last search.
            self._results = []
            self.results.clear()
            self.sig_search_requested.emit(query)

    def _on_result_activated(self, item: QListWidgetItem) -> None:
        rid = item.data(ID_ROLE)
        row = next((r for r in self._results if r.id == rid), None)
        if row is None or (self._chosen is not None and self._chosen.id == row.id):
            return
        self._chosen = row
        self._contacts = None
        self._update_chosen()
        self._fill_contacts()
        self.sig_resident_chosen.emit(row.id)

    def _on_target_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._fill_categories()

    def _on_submit_clicked(self) -> None:
        if self._busy:
            return
        description = self.description.toPlainText().strip()
        category = self.category.currentData()
        name, phone = clean_line(self.caller_name.text()), clean_line(self.caller_phone.text())
        if category is None:
            self.show_error(self.tr("Choose a category."))
            return
        if not description:
            self.show_error(self.tr("Say what the resident needs."))
            self.description.setFocus()
            return
        if len(description) > DESCRIPTION_MAX:
            self.show_error(
                self.tr("The description is too long (at most {n} characters).").format(
                    n=DESCRIPTION_MAX
                )
            )
            return
        if self._chosen is None and not (name or phone):
            self.show_error(self.tr("Choose the resident, or type the caller's name or phone."))
            self.search.setFocus()
            return
        self.show_error("")
        self.sig_submitted.emit(
            IntakeForm(
                target=self.target(),
                category=str(category),
                description=description,
                resident_id=self.chosen_id(),
                caller_name=name,
                caller_phone=phone,
                photo_path=self._photo,
            )
        )
