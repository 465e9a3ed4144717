"""Residents: a masked, searchable list and a card that reveals for a stated purpose."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.personal import (
    REASON_MAX,
    AccessEntry,
    FieldView,
    Level,
    PersonalField,
    Purpose,
    ResidentCard,
    ResidentRow,
    mask_name,
)
from core.timefmt import DEFAULT_ZONE, fmt_local
from core.views import CommunityRow
from widgets.consent import ConsentSection
from widgets.empty_state import EmptyStateWidget
from widgets.table_model import Column, PagedRowTableModel

F = PersonalField
SEARCH_DELAY_MS = 350  # typing pauses this long before a search is sent
REVEAL_SHORTCUT = "Ctrl+Shift+R"
_PAD = 18  # a cell's margins and the header's sort arrow


def gender(code: str) -> str:
    """'M'/'F' as words; anything else (masked, empty) as it is."""
    return {
        "M": QCoreApplication.translate("Residents", "Male"),
        "F": QCoreApplication.translate("Residents", "Female"),
    }.get(code, code)


def care_text(row: ResidentRow) -> str:
    """The care column: which flags, or only that care is needed, or nothing."""
    if row.care is not None:
        names = (
            QCoreApplication.translate("Residents", "Lives alone"),
            QCoreApplication.translate("Residents", "Dementia"),
            QCoreApplication.translate("Residents", "Disability"),
            QCoreApplication.translate("Residents", "Chronic illness"),
        )
        return " · ".join(n for n, on in zip(names, row.care, strict=True) if on)
    if row.care_needed:
        return QCoreApplication.translate("Residents", "Needs care")
    return ""


def field_label(f: PersonalField) -> str:
    """A field's name on the card."""
    return {
        F.NAME: QCoreApplication.translate("Residents", "Name"),
        F.GENDER: QCoreApplication.translate("Residents", "Gender"),
        F.BIRTH_DATE: QCoreApplication.translate("Residents", "Born"),
        F.ID_NUMBER: QCoreApplication.translate("Residents", "Identity number"),
        F.PHONE: QCoreApplication.translate("Residents", "Phone"),
        F.ADDRESS: QCoreApplication.translate("Residents", "Address"),
        F.EMERGENCY_NAME: QCoreApplication.translate("Residents", "Emergency contact"),
        F.EMERGENCY_PHONE: QCoreApplication.translate("Residents", "Contact's phone"),
        F.EMERGENCY_RELATION: QCoreApplication.translate("Residents", "Relation"),
        F.CARE_NEEDED: QCoreApplication.translate("Residents", "Needs care"),
        F.LIVES_ALONE: QCoreApplication.translate("Residents", "Lives alone"),
        F.DEMENTIA: QCoreApplication.translate("Residents", "Dementia"),
        F.DISABILITY: QCoreApplication.translate("Residents", "Disability"),
        F.CHRONIC_ILLNESS: QCoreApplication.translate("Residents", "Chronic illness"),
        F.WHEREABOUTS: QCoreApplication.translate("Residents", "Whereabouts"),
    }[f]


def field_text(view: FieldView) -> str:
    """A field's value on the card, with what is withheld said in words."""
    if view.level is Level.HIDDEN:
        return QCoreApplication.translate("Residents", "(not shown to you)")
    if view.value is None:
        if view.field is F.WHEREABOUTS:
            return QCoreApplication.translate("Residents", "no positions recorded")
        return QCoreApplication.translate("Residents", "(masked)")
    if isinstance(view.value, bool):
        return (
            QCoreApplication.translate("Residents", "Yes")
            if view.value
            else QCoreApplication.translate("Residents", "No")
        )
    if view.field is F.GENDER:
        return gender(view.value)
    return view.value or "—"


# Widest content of each column in either language, for widths measured once: a masked
# number, a four-character name, a community name, the longest care text.
_SAMPLES = {
    "name": "欧阳娜娜娜",
    "gender": "Female",
    "birth": "1948-**-**",
    "id_number": "1201**********123X",
    "phone": "138****5678",
    "community": "咸阳北里社区",
    "address": "咸阳北里二条19号***",
}


class ResidentTableModel(PagedRowTableModel[ResidentRow, int]):
    """Masked residents by id; the view pages in more as it scrolls (fetchMore)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column(
                    "name",
                    lambda: self.tr("Name"),
                    lambda r: r.name,
                    tooltip=lambda r: self.tr("Under 18: shown masked") if r.minor else None,
                ),
                Column("gender", lambda: self.tr("Gender"), lambda r: gender(r.gender)),
                Column("birth", lambda: self.tr("Born"), lambda r: r.birth),
                Column("id_number", lambda: self.tr("Identity number"), lambda r: r.id_number),
                Column("phone", lambda: self.tr("Phone"), lambda r: r.phone),
                Column("community", lambda: self.tr("Community"), lambda r: r.community_name),
                Column("address", lambda: self.tr("Address"), lambda r: r.address),
                Column("care", lambda: self.tr("Care"), care_text),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class ResidentsWidget(QWidget):
    """The pane: a search box, a community filter, the masked table and its count line."""

    sig_search_requested = Signal(str, str)  # query, community code ("" all); GUI thread
    sig_resident_activated = Signal(int)  # resident id; Enter or double-click; GUI thread

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("residents")
        self.model = ResidentTableModel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("residentSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(64)
        self.community = QComboBox(self)
        self.community.setObjectName("residentCommunity")
        self.community.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.summary = QLabel(self)
        self.summary.setObjectName("residentSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.search.textEdited.connect(self._on_search_edited)
        self.search.returnPressed.connect(self._on_debounce_timeout)
        self.community.activated.connect(self._on_community_activated)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.community)
        top.addWidget(self.summary)
        self.table = QTableView(self)
        self.table.setObjectName("residentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.activated.connect(self._on_table_activated)
        self.empty = EmptyStateWidget(self)
        for label in self.empty.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)  # the title quotes the typed search
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.setSpacing(2)
        lay.addLayout(top)
        lay.addWidget(self.stack, 1)
        self._total = 0
        self._loaded = False
        self.setFocusProxy(self.search)
        self.retranslate()

    # --- data ---------------------------------------------------------------------------
    def set_communities(self, communities: Sequence[CommunityRow], street_wide: bool) -> None:
        """The filter's choices: every community in scope, led by "all" for street-wide users."""
        keep = self.community_code()
        self.community.clear()
        if street_wide or len(communities) != 1:
            self.community.addItem(self.tr("All communities"), "")
        for c in communities:
            self.community.addItem(c.name, c.code)
        i = self.community.findData(keep)
        self.community.setCurrentIndex(max(i, 0))

    def set_rows(self, rows: Sequence[ResidentRow], total: int, more: bool) -> None:
        """Show a page (or pages) of masked residents; `total` of them match in all."""
        self._loaded = True
        self._total = total
        self.model.set_rows(rows)
        self.model.set_more(more)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self._update_texts()

    def clear(self) -> None:
        """Forget everything shown (sign-out): the next user must not see it."""
        self._loaded = False
        self._total = 0
        self.search.clear()
        self.community.clear()
        self.model.set_rows([])
        self.model.set_more(False)
        self.stack.setCurrentWidget(self.empty)
        self._update_texts()

    def rows(self) -> tuple[ResidentRow, ...]:
        """The residents shown, in order."""
        return self.model.rows()

    def total(self) -> int:
        """How many residents match the search, shown or not."""
        return self._total

    def query(self) -> str:
        """The search as typed."""
        return self.search.text().strip()

    def community_code(self) -> str:
        """The community chosen, "" for all."""
        data = self.community.currentData()
        return str(data) if data else ""

    def selected_id(self) -> int | None:
        """The resident of the current row, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(index.row()).id

    # --- sizing and texts ---------------------------------------------------------------
    def _size_columns(self) -> None:
        """Widths from the widest expected content or header, whichever is wider; the
        address takes what is left. Measured, not fixed pixels, so both languages and any
        font size fit; set once per language, never per update."""
        fm = QFontMetrics(self.table.font())
        hfm = QFontMetrics(self.table.horizontalHeader().font())
        header = self.table.horizontalHeader()
        for name, sample in _SAMPLES.items():
            c = self.model.column_index(name)
            title = self.model.columns[c].header()
            width = max(fm.horizontalAdvance(sample), hfm.horizontalAdvance(title)) + _PAD
            header.resizeSection(c, width)
        care = (self.tr("Lives alone"), self.tr("Dementia"))
        header.resizeSection(
            self.model.column_index("care"), fm.horizontalAdvance(" · ".join(care)) + _PAD
        )

    def _update_texts(self) -> None:
        shown = len(self.model)
        if not self._loaded:
            self.summary.setText("")
        elif shown < self._total:
            self.summary.setText(
                self.tr("{shown} of {total} — scroll for more").format(
                    shown=f"{shown:,}", total=f"{self._total:,}"
                )
            )
        else:
            self.summary.setText(self.tr("{total} residents").format(total=f"{self._total:,}"))
        if not self._loaded:
            self.empty.set_texts(
                "☺", self.tr("Residents"), self.tr("Sign in to see the residents.")
            )
        elif self.query():
            self.empty.set_texts(
                "⌕",
                self.tr("No resident matches “{query}”").format(query=self.query()),
                self.tr(
                    "Search by part of a name, a whole identity number (18 characters) or a "
                    "phone number. Identity numbers are compared exactly, never by part."
                ),
            )
        else:
            self.empty.set_texts(
                "☺",
                self.tr("No residents in your communities"),
                self.tr(
                    "Residents come from the community registers. A community workstation "
                    "sees its own community only."
                ),
            )

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.search.setPlaceholderText(
            self.tr("Search: name, identity number or phone (Ctrl+Shift+F) — Enter opens the card")
        )
        if self.community.count() and not self.community.itemData(0):
            self.community.setItemText(0, self.tr("All communities"))
        self.model.retranslate()
        self._size_columns()
        self._update_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- slots ----------------------------------------------------------------------------
    def _on_search_edited(self, _text: str) -> None:
        self._debounce.start()

    def _on_debounce_timeout(self) -> None:
        self._debounce.stop()
        self.sig_search_requested.emit(self.query(), self.community_code())

    def _on_community_activated(self, _index: int) -> None:
        self.sig_search_requested.emit(self.query(), self.community_code())

    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_resident_activated.emit(self.model.row_at(index.row()).id)


# Card sections: (title, fields) in the order read aloud on the phone.
_SECTIONS = (
    ("Identity", (F.NAME, F.GENDER, F.BIRTH_DATE, F.ID_NUMBER)),
    ("Contact", (F.PHONE, F.ADDRESS, F.EMERGENCY_NAME, F.EMERGENCY_PHONE, F.EMERGENCY_RELATION)),
    ("Care", (F.CARE_NEEDED, F.LIVES_ALONE, F.DEMENTIA, F.DISABILITY, F.CHRONIC_ILLNESS)),
    ("Whereabouts", (F.WHEREABOUTS,)),
)


class ResidentCardDialog(QDialog):
    """One resident's card: masked until a purpose is given, then what the policy reveals.

    Non-modal. The Reveal box takes an incident number or a typed reason and asks the
    owner (sig_reveal_requested); the service decides and records. Below, who looked at
    this record and why, from the audit log.
    """

    # resident id, purpose ("incident" | "reason"), reason, incident number (0: none); GUI thread
    sig_reveal_requested = Signal(int, str, str, int)
    sig_export_requested = Signal(int)  # resident id: the person's data to a file; GUI thread
    sig_anonymise_requested = Signal(int)  # resident id; GUI thread

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("residentCard")
        self._zone = zone
        self._card: ResidentCard | None = None
        self._access: tuple[AccessEntry, ...] = ()
        self.heading = QLabel(self)
        self.heading.setObjectName("residentHeading")
        self.purpose = QLabel(self)
        self.purpose.setObjectName("residentPurpose")
        self.purpose.setWordWrap(True)
        self.key_problem = QLabel(self)
        self.key_problem.setObjectName("loginError")
        self.key_problem.setWordWrap(True)
        self.values: dict[PersonalField, QLabel] = {}
        self._labels: dict[PersonalField, QLabel] = {}
        self._groups: list[tuple[str, QGroupBox]] = []
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        for i, (title, fields) in enumerate(_SECTIONS):
            box = QGroupBox(self)
            form = QFormLayout(box)
            for f in fields:
                label, value = QLabel(box), QLabel(box)
                value.setObjectName(f"value-{f.value}")
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self._labels[f], self.values[f] = label, value
                form.addRow(label, value)
            self._groups.append((title, box))
            (left if i < 2 else right).addWidget(box)
        self.status = QLabel(self)
        self.status.setObjectName("residentStatus")
        self.status.setWordWrap(True)
        # Consent per purpose (PIPL Art. 29): the owner fills it and acts on its signals.
        self.consent = ConsentSection(zone, self)
        left.addStretch(1)
        right.addStretch(1)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        # What the purpose is: an incident being handled, or a typed reason.
        self.reveal_box = QGroupBox(self)
        self.for_incident = QRadioButton(self.reveal_box)
        self.for_reason = QRadioButton(self.reveal_box)
        self.incident_number = QLineEdit(self.reveal_box)
        self.incident_number.setObjectName("revealIncident")
        self.incident_number.setMaxLength(12)
        self.reason = QLineEdit(self.reveal_box)
        self.reason.setObjectName("revealReason")
        self.reason.setMaxLength(REASON_MAX)
        self.reveal = QPushButton(self.reveal_box)
        self.reveal.setObjectName("revealButton")
        self.reveal.setAutoDefault(False)
        self.reveal.clicked.connect(self._on_reveal_clicked)
        self.incident_number.returnPressed.connect(self._on_reveal_clicked)
        self.reason.returnPressed.connect(self._on_reveal_clicked)
        self.incident_number.textEdited.connect(self._on_incident_edited)
        self.reason.textEdited.connect(self._on_reason_edited)
        self.error = QLabel(self.reveal_box)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        grid = QFormLayout(self.reveal_box)
        grid.addRow(self.for_incident, self.incident_number)
        grid.addRow(self.for_reason, self.reason)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.reveal)
        grid.addRow(row)
        sc = QShortcut(QKeySequence(REVEAL_SHORTCUT), self)
        sc.activated.connect(self._on_reveal_shortcut)
        self.access_title = QLabel(self)
        self.access = QTreeWidget(self)
        self.access.setObjectName("residentAccessLog")
        self.access.setRootIsDecorated(False)
        self.access.setColumnCount(5)
        self.access.setUniformRowHeights(True)
        head = self.access.header()
        head.setStretchLastSection(True)
        # Up to ACCESS_LOG_LIMIT short rows: sized to their contents, the fields take the rest.
        for column in (0, 1, 2):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        head.resizeSection(3, 220)
        self.close_button = QPushButton(self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        # The person's rights (PIPL Arts. 45, 47): shown to whoever may, checked by the service.
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("residentExport")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.anonymise_button = QPushButton(self)
        self.anonymise_button.setObjectName("residentAnonymise")
        self.anonymise_button.setAutoDefault(False)
        self.anonymise_button.clicked.connect(self._on_anonymise_clicked)
        self.set_rights(export=False, anonymise=False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.anonymise_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.status)
        lay.addWidget(self.purpose)
        lay.addWidget(self.key_problem)
        lay.addLayout(columns)
        lay.addWidget(self.consent)
        lay.addWidget(self.reveal_box)
        lay.addWidget(self.access_title)
        lay.addWidget(self.access, 1)
        lay.addLayout(bottom)
        # Everything shown here is people's data or text they typed: never rich text.
        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.for_reason.setChecked(True)
        self.resize(860, 900)
        self.retranslate()

    # --- data ---------------------------------------------------------------------------
    @property
    def resident_id(self) -> int | None:
        """The resident shown."""
        return self._card.id if self._card else None

    def set_card(self, card: ResidentCard) -> None:
        """Show a card as the service presented it (masked, or revealed for its purpose)."""
        same = self._card is not None and self._card.id == card.id
        self._card = card
        if not same:
            self.reason.clear()
            self.incident_number.clear()
            self.error.clear()
        self._fill()

    def set_access_log(self, entries: Sequence[AccessEntry]) -> None:
        """Who looked at this record (newest first)."""
        self._access = tuple(entries)
        self._fill_access()

    def set_purposes(self, incident: bool, reason: bool) -> None:
        """Which purposes may reveal more to this user (the service checks again)."""
        self.for_incident.setEnabled(incident)
        self.incident_number.setEnabled(incident)
        self.for_reason.setEnabled(reason)
        self.reason.setEnabled(reason)
        if not reason and incident:
            self.for_incident.setChecked(True)
        self.reveal_box.setEnabled(incident or reason)

    def community(self) -> str | None:
        """The shown resident's community code."""
        return self._card.community if self._card else None

    def anonymised(self) -> bool:
        """True when the shown resident was anonymised."""
        return self._card is not None and self._card.anonymised

    def set_rights(self, export: bool, anonymise: bool) -> None:
        """Which of the person's rights this user may carry out (the service checks again)."""
        self.export_button.setVisible(export)
        self.anonymise_button.setVisible(anonymise)

    def masked_name(self) -> str:
        """The resident's name masked (what an anonymisation is confirmed by typing)."""
        card = self._card
        if card is None:
            return ""
        return mask_name(field_text(card.presentation.fields[F.NAME]))

    def show_error(self, text: str) -> None:
        """Say why a reveal was refused."""
        self.error.setText(text)
        self.reveal.setEnabled(True)

    def clear(self) -> None:
        """Forget the card (lock, sign-out): revealed data must not outlive the moment."""
        self._card = None
        self._access = ()
        self.reason.clear()
        self.incident_number.clear()
        self.error.clear()
        for label in self.values.values():
            label.clear()
        self.heading.clear()
        self.purpose.clear()
        self.key_problem.clear()
        self.status.clear()
        self.consent.clear()
        self.access.clear()

    def showEvent(self, event: QShowEvent) -> None:
        (self.reason if self.reason.isEnabled() else self.incident_number).setFocus()
        super().showEvent(event)

    # --- filling --------------------------------------------------------------------------
    def _fill(self) -> None:
        card = self._card
        if card is None:
            return
        p = card.presentation
        name = field_text(p.fields[F.NAME])
        minor = "  ({})".format(self.tr("under 18")) if p.minor else ""
        self.heading.setText(f"{name}  ·  {card.community_name}{minor}")
        if card.purpose is Purpose.INCIDENT:
            self.purpose.setText(
                self.tr("Shown for incident #{id}; this look is recorded.").format(
                    id=card.incident_id
                )
            )
        elif card.purpose is Purpose.REASON:
            self.purpose.setText(self.tr("Shown for the reason you gave; this look is recorded."))
        else:
            self.purpose.setText(
                self.tr("Masked view. To see more, give an incident number or a reason below.")
            )
        problem = ""
        if card.key_problem:
            problem = self.tr(
                "The identity number and birth date cannot be shown: the site key is missing "
                "on this workstation, or does not fit this database. Ask the site's "
                "administrator. ({detail})"
            ).format(detail=card.key_problem)
        self.key_problem.setText(problem)
        self.key_problem.setVisible(bool(problem))
        for f, label in self.values.items():
            view = p.fields[f]
            label.setText(field_text(view))
            revealed = f in p.revealed
            label.setProperty("revealed", revealed)
            label.setStyleSheet("font-weight: bold;" if revealed else "")
        status = []
        if card.anonymised:
            status.append(self.tr("Anonymised on request: only statistics remain."))
        if card.legal_hold:
            status.append(self.tr("Under a legal hold: cannot be anonymised."))
        self.status.setText(" ".join(status))
        self.status.setVisible(bool(status))
        self.anonymise_button.setEnabled(not card.anonymised and not card.legal_hold)
        self.reveal.setEnabled(True)

    def _fill_access(self) -> None:
        self.access.clear()
        purposes = {"incident": self.tr("Incident"), "reason": self.tr("Reason")}
        for e in self._access:
            if e.refused:
                why = self.tr("Refused: {note}").format(note=self._refusals().get(e.code, e.note))
            elif e.incident_id is not None:
                why = self.tr("Incident #{id}").format(id=e.incident_id)
            else:
                why = e.reason or purposes.get(e.purpose, e.purpose)
            fields = ", ".join(field_label(PersonalField(f)) for f in e.fields if f in _FIELDS)
            item = QTreeWidgetItem(
                [fmt_local(e.ts, self._zone), e.actor, e.workstation, why, fields]
            )
            item.setToolTip(4, fields)
            self.access.addTopLevelItem(item)
        self.access_title.setText(
            self.tr("Who looked at this record ({n})").format(n=len(self._access))
            if self._access
            else self.tr("Who looked at this record: nobody beyond the masked view yet")
        )

    def _refusals(self) -> dict[str, str]:
        """Refusal codes (data.services.residents.RevealRefused) in words."""
        return {
            "reason": self.tr("no reason given"),
            "incident_missing": self.tr("no incident number"),
            "incident_unknown": self.tr("no such incident"),
            "incident_closed": self.tr("the incident is closed"),
            "incident_scope": self.tr("not an incident of theirs to handle"),
        }

    # --- slots ----------------------------------------------------------------------------
    def _on_export_clicked(self) -> None:
        if self._card is not None:
            self.sig_export_requested.emit(self._card.id)

    def _on_anonymise_clicked(self) -> None:
        if self._card is not None:
            self.sig_anonymise_requested.emit(self._card.id)

    def _on_incident_edited(self, _text: str) -> None:
        self.for_incident.setChecked(True)

    def _on_reason_edited(self, _text: str) -> None:
        self.for_reason.setChecked(True)

    def _on_reveal_shortcut(self) -> None:
        (self.reason if self.for_reason.isChecked() else self.incident_number).setFocus()

    def _on_reveal_clicked(self) -> None:
        card = self._card
        if card is None or not self.reveal_box.isEnabled():
            return
        if self.for_incident.isChecked():
            number = self.incident_number.text().strip().lstrip("#")
            if not number.isdigit():
                self.show_error(self.tr("Type the number of the incident you are handling."))
                self.incident_number.setFocus()
                return
            purpose, reason, incident = Purpose.INCIDENT, "", int(number)
        else:
            # Sent as typed, even empty: the service refuses and records the attempt.
            purpose, reason, incident = Purpose.REASON, self.reason.text(), 0
        self.error.clear()
        self.reveal.setEnabled(False)  # one request at a time; the answer enables it again
        self.sig_reveal_requested.emit(card.id, purpose.value, reason, incident)

    # --- language -------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.setWindowTitle(self.tr("Resident"))
        titles = {
            "Identity": self.tr("Identity"),
            "Contact": self.tr("Contact"),
            "Care": self.tr("Care"),
            "Whereabouts": self.tr("Whereabouts"),
        }
        for title, box in self._groups:
            box.setTitle(titles[title])
        for f, label in self._labels.items():
            label.setText(field_label(f))
        self.reveal_box.setTitle(self.tr("Reveal — every look is recorded with its purpose"))
        self.for_incident.setText(self.tr("For incident #"))
        self.for_reason.setText(self.tr("Other reason"))
        self.incident_number.setPlaceholderText(self.tr("the incident you are handling"))
        self.reason.setPlaceholderText(
            self.tr("why you need to see this person's details (at least 4 characters)")
        )
        self.reveal.setText(self.tr("Reveal"))
        self.reveal.setToolTip(
            self.tr("Reveal (Enter; {key} goes to the box)").format(key=REVEAL_SHORTCUT)
        )
        self.access.setHeaderLabels(
            [
                self.tr("Time"),
                self.tr("Who"),
                self.tr("Workstation"),
                self.tr("Purpose"),
                self.tr("Fields shown"),
            ]
        )
        self.close_button.setText(self.tr("Close"))
        self.export_button.setText(self.tr("Export this person's data…"))
        self.anonymise_button.setText(self.tr("Anonymise on request…"))
        self._fill()
        self._fill_access()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


_FIELDS = {f.value for f in PersonalField}
