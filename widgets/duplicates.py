"""Possible duplicates, quick templates and the caller's resident, for the incident forms."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.duplicates import MergeView, Reason, Suggestion
from core.personal import ResidentRow, mask_phone
from core.templates import MAX_TEMPLATES, QuickTemplate
from widgets import labels
from widgets.text import plain_tooltip

DEBOUNCE_MS = 400  # typing pauses this long before the look-up runs
LIST_ROWS = 4  # the strip stays small: the form is what the operator is filling in
MERGE_SHORTCUT = "Ctrl+Shift+M"
OPEN_RESIDENT_SHORTCUT = "Alt+R"
FOCUS_DUPLICATES_SHORTCUT = "Alt+D"


def explain(s: Suggestion, phone: str = "") -> str:
    """'same phone 138****5678, 6 min earlier' in the current language."""
    parts = []
    for r in s.reasons:
        if r is Reason.PHONE:
            shown = mask_phone(phone or s.candidate.caller_phone)
            parts.append(
                QCoreApplication.translate("Duplicates", "same phone {phone}").format(phone=shown)
            )
        elif r is Reason.NAME:
            parts.append(
                QCoreApplication.translate("Duplicates", "same caller {name}").format(
                    name=s.candidate.caller_name
                )
            )
        elif r is Reason.PLACE:
            parts.append(QCoreApplication.translate("Duplicates", "same place"))
        else:
            parts.append(QCoreApplication.translate("Duplicates", "similar place"))
    n = abs(s.minutes_apart)
    if s.minutes_apart >= 0:
        when = QCoreApplication.translate("Duplicates", "{n} min earlier").format(n=n)
    else:
        when = QCoreApplication.translate("Duplicates", "{n} min later").format(n=n)
    return QCoreApplication.translate("Duplicates", ", ").join([*parts, when])


def suggestion_text(s: Suggestion) -> str:
    """One line of a suggestion list: number, state, title, why."""
    c = s.candidate
    return f"#{c.id}  {labels.incident_state(c.state)}  {c.title}  —  {explain(s)}"


class SuggestionList(QListWidget):
    """Possible duplicates; Enter or a double click opens one (never the dialog's OK)."""

    sig_activated = Signal(int)  # incident id; GUI thread

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("duplicateList")
        # Never sideways: a long line is cut at the right, the tooltip has all of it.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setWordWrap(False)
        self.setUniformItemSizes(True)
        self.itemActivated.connect(self._on_item_activated)
        self._rows: list[Suggestion] = []

    def set_suggestions(self, rows: Sequence[Suggestion]) -> None:
        """Show these (best first); the current row stays on the same incident if it can."""
        keep = self.current_id()
        self._rows = list(rows)
        self.clear()
        for s in rows:
            item = QListWidgetItem(suggestion_text(s))
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setToolTip(plain_tooltip(item.text()))
            self.addItem(item)
            if s.id == keep:
                self.setCurrentItem(item)
        if self.currentRow() < 0 and self.count():
            self.setCurrentRow(0)
        # As tall as its rows (a few at most): the incident window's timeline keeps the room.
        lines = max(1, min(self.count(), LIST_ROWS))
        line_height = self.sizeHintForRow(0) if self.count() else self.fontMetrics().height()
        self.setFixedHeight(line_height * lines + 2 * self.frameWidth() + 2)

    def suggestions(self) -> list[Suggestion]:
        """The suggestions shown."""
        return list(self._rows)

    def current_id(self) -> int | None:
        """The incident of the current row."""
        item = self.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def retranslate(self) -> None:
        """Texts again in the current language."""
        self.set_suggestions(self._rows)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            iid = self.current_id()
            if iid is not None:
                self.sig_activated.emit(iid)
            event.accept()  # the view would pass Enter on to the dialog, which would accept
            return
        super().keyPressEvent(event)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.sig_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)))


@dataclass(frozen=True, slots=True)
class DraftFields:
    """What the look-up needs of the entry form."""

    caller_phone: str
    caller_name: str
    location: str
    community: str | None


class DraftAssist(QWidget):
    """Under the entry form: the caller's resident, possible duplicates, quick templates.

    The look-up is asked for once typing pauses (DEBOUNCE_MS); the owner runs it off the GUI
    thread and hands the results back. Alt+1 … Alt+9 fill title and description from the
    chosen type's templates; Alt+R opens the resident's card; Alt+D goes to the suggestions.
    """

    sig_lookup_requested = Signal(object)  # DraftFields; GUI thread
    sig_incident_open_requested = Signal(int)
    sig_resident_open_requested = Signal(int)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("draftAssist")
        self._templates: dict[str, tuple[QuickTemplate, ...]] = {}
        self._resident: ResidentRow | None = None
        self._kind: QComboBox | None = None
        self._title: QLineEdit | None = None
        self._description: QPlainTextEdit | None = None
        self._fields: tuple[QLineEdit, QLineEdit, QLineEdit, QComboBox] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.templates = QLabel(self)
        self.templates.setObjectName("templateHint")
        self.templates.setWordWrap(True)
        self.templates.setTextFormat(Qt.TextFormat.PlainText)
        self.resident = QLabel(self)
        self.resident.setObjectName("residentMatch")
        self.resident.setTextFormat(Qt.TextFormat.PlainText)
        self.open_resident = QPushButton(self)
        self.open_resident.setObjectName("openResident")
        self.open_resident.setAutoDefault(False)
        self.open_resident.clicked.connect(self._on_open_resident_clicked)
        self.heading = QLabel(self)
        self.heading.setObjectName("duplicatesHeading")
        self.list = SuggestionList(self)
        self.list.sig_activated.connect(self.sig_incident_open_requested)
        resident_row = QHBoxLayout()
        resident_row.setContentsMargins(0, 0, 0, 0)
        resident_row.addWidget(self.resident, 1)
        resident_row.addWidget(self.open_resident)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.templates)
        lay.addLayout(resident_row)
        lay.addWidget(self.heading)
        lay.addWidget(self.list)
        QShortcut(QKeySequence(OPEN_RESIDENT_SHORTCUT), parent).activated.connect(
            self.open_resident.click
        )
        QShortcut(QKeySequence(FOCUS_DUPLICATES_SHORTCUT), parent).activated.connect(
            self._on_focus_shortcut_activated
        )
        for n in range(1, MAX_TEMPLATES + 1):
            sc = QShortcut(QKeySequence(f"Alt+{n}"), parent)
            sc.activated.connect(lambda n=n: self.apply_template(n))
        self.set_suggestions([])
        self.set_residents([])
        self.retranslate()

    def watch(
        self,
        *,
        kind: QComboBox,
        title: QLineEdit,
        description: QPlainTextEdit,
        caller_phone: QLineEdit,
        caller_name: QLineEdit,
        location: QLineEdit,
        community: QComboBox,
    ) -> None:
        """Follow the entry form's fields."""
        self._kind, self._title, self._description = kind, title, description
        self._fields = (caller_phone, caller_name, location, community)
        for edit in (caller_phone, caller_name, location):
            edit.textEdited.connect(self._on_typed)
        community.currentIndexChanged.connect(self._on_typed)
        kind.currentIndexChanged.connect(self._show_templates)

    def draft(self) -> DraftFields:
        """The form's caller, place and community as they are now."""
        if self._fields is None:
            return DraftFields("", "", "", None)
        phone, name, location, community = self._fields
        return DraftFields(
            phone.text().strip(),
            name.text().strip(),
            location.text().strip(),
            community.currentData(),
        )

    def lookup_now(self) -> None:
        """Ask for the look-up at once (a form shown again with what was typed)."""
        self._timer.stop()
        self.sig_lookup_requested.emit(self.draft())

    def set_templates(self, by_type: Mapping[str, tuple[QuickTemplate, ...]]) -> None:
        """The quick templates of each type, by type code."""
        self._templates = dict(by_type)
        self._show_templates()

    def current_templates(self) -> tuple[QuickTemplate, ...]:
        """The chosen type's templates."""
        code = self._kind.currentData() if self._kind is not None else None
        return self._templates.get(code or "", ())

    def apply_template(self, n: int) -> bool:
        """Fill title and description from the chosen type's n-th template (1-based)."""
        found = self.current_templates()
        if not 1 <= n <= len(found) or self._title is None or self._description is None:
            return False
        t = found[n - 1]
        self._title.setText(t.title)
        self._description.setPlainText(t.description)
        self._description.setFocus()
        self._description.moveCursor(self._description.textCursor().MoveOperation.End)
        return True

    def set_suggestions(self, rows: Sequence[Suggestion]) -> None:
        """Possible duplicates of what is being typed."""
        self.list.set_suggestions(rows)
        self.heading.setVisible(bool(rows))
        self.list.setVisible(bool(rows))

    def set_residents(self, rows: Sequence[ResidentRow]) -> None:
        """Residents with the caller's phone, already masked for the user (first one offered)."""
        self._resident = rows[0] if rows else None
        self.resident.setVisible(self._resident is not None)
        self.open_resident.setVisible(self._resident is not None)
        self._fill_resident()

    def _fill_resident(self) -> None:
        r = self._resident
        if r is not None:
            self.resident.setText(
                QCoreApplication.translate(
                    "Duplicates", "Resident: {name}  {phone}  ({community})"
                ).format(name=r.name, phone=r.phone, community=r.community_name)
            )

    def _show_templates(self) -> None:
        found = self.current_templates()
        self.templates.setVisible(bool(found))
        self.templates.setText(
            QCoreApplication.translate("Duplicates", "Templates: ")
            + "   ".join(f"Alt+{i} {t.title}" for i, t in enumerate(found, start=1))
        )

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.heading.setText(
            QCoreApplication.translate(
                "Duplicates", "Possible duplicates (Enter opens, {keys} goes to the list)"
            ).format(keys=FOCUS_DUPLICATES_SHORTCUT)
        )
        self.open_resident.setText(QCoreApplication.translate("Duplicates", "Open card"))
        self.open_resident.setToolTip(f"{self.open_resident.text()} ({OPEN_RESIDENT_SHORTCUT})")
        self._fill_resident()
        self._show_templates()
        self.list.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot()
    def _on_typed(self) -> None:
        self._timer.start()  # restarts: one look-up once typing pauses

    def _on_timer_timeout(self) -> None:
        self.sig_lookup_requested.emit(self.draft())

    def _on_open_resident_clicked(self) -> None:
        if self._resident is not None and self.open_resident.isVisible():
            self.sig_resident_open_requested.emit(self._resident.id)

    def _on_focus_shortcut_activated(self) -> None:
        if self.list.count():
            self.list.setFocus()


class DuplicatesPanel(QWidget):
    """In the incident window: its merge links and its possible duplicates.

    "Merge into this…" merges the chosen suggestion into the incident shown; the owner asks
    first. Hidden when there is nothing to show.
    """

    sig_open_requested = Signal(int)  # incident id; GUI thread
    sig_merge_requested = Signal(int)  # the incident to merge into the one shown

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("duplicatesPanel")
        self._view: MergeView | None = None
        self._can_merge = False
        self._busy = False
        self.links = QLabel(self)
        self.links.setObjectName("mergeLinks")
        self.links.setTextFormat(Qt.TextFormat.PlainText)
        self.links.setWordWrap(True)
        self.open_survivor = QPushButton(self)
        self.open_survivor.setObjectName("openSurvivor")
        self.open_survivor.setAutoDefault(False)
        self.open_survivor.clicked.connect(self._on_open_survivor_clicked)
        self.heading = QLabel(self)
        self.list = SuggestionList(self)
        self.list.sig_activated.connect(self.sig_open_requested)
        self.merge = QPushButton(self)
        self.merge.setObjectName("mergeIntoThis")
        self.merge.setAutoDefault(False)
        self.merge.clicked.connect(self._on_merge_clicked)
        QShortcut(QKeySequence(MERGE_SHORTCUT), parent).activated.connect(self.merge.click)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.links, 1)
        top.addWidget(self.open_survivor)
        below = QHBoxLayout()
        below.setContentsMargins(0, 0, 0, 0)
        below.addWidget(self.list, 1)
        below.addWidget(self.merge, 0, Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.heading)
        lay.addLayout(below)
        self.set_view(None, [], can_merge=False)
        self.retranslate()

    @property
    def merged_into(self) -> int | None:
        """What the incident shown was merged into."""
        return self._view.merged_into if self._view is not None else None

    def set_view(
        self, view: MergeView | None, suggestions: Sequence[Suggestion], *, can_merge: bool
    ) -> None:
        """Show an incident's links and suggestions; `can_merge`: the user may merge here."""
        self._view, self._can_merge, self._busy = view, can_merge, False
        self.list.set_suggestions(suggestions)
        has_links = view is not None and (view.merged_into is not None or bool(view.merged_from))
        self.links.setVisible(has_links)
        self.open_survivor.setVisible(view is not None and view.merged_into is not None)
        self.heading.setVisible(bool(suggestions))
        self.list.setVisible(bool(suggestions))
        self.merge.setVisible(bool(suggestions))
        self.merge.setEnabled(can_merge and bool(suggestions))
        self.setVisible(has_links or bool(suggestions))
        self._fill_links()

    def clear(self) -> None:
        """Another incident is about to be shown."""
        self.set_view(None, [], can_merge=False)

    def set_busy(self, busy: bool) -> None:
        """While a merge is being saved the button waits."""
        self._busy = busy
        self.merge.setEnabled(not busy and self._can_merge and self.list.count() > 0)

    def _fill_links(self) -> None:
        v = self._view
        if v is None:
            return
        lines = []
        if v.merged_into is not None:
            lines.append(
                QCoreApplication.translate(
                    "Duplicates", "Merged into #{id}: the work goes on there."
                ).format(id=v.merged_into)
            )
        if v.merged_from:
            lines.append(
                QCoreApplication.translate(
                    "Duplicates", "Merged here: {ids} (their timelines are joined below)"
                ).format(ids=", ".join(f"#{i}" for i in v.merged_from))
            )
        self.links.setText("\n".join(lines))
        if v.merged_into is not None:
            self.open_survivor.setText(
                QCoreApplication.translate("Duplicates", "Open #{id}").format(id=v.merged_into)
            )

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.heading.setText(QCoreApplication.translate("Duplicates", "Possible duplicates"))
        self.merge.setText(QCoreApplication.translate("Duplicates", "Merge into this…"))
        self.merge.setToolTip(f"{self.merge.text()} ({MERGE_SHORTCUT})")
        self._fill_links()
        self.list.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_open_survivor_clicked(self) -> None:
        if self.merged_into is not None:
            self.sig_open_requested.emit(self.merged_into)

    def _on_merge_clicked(self) -> None:
        iid = self.list.current_id()
        if iid is None or self._busy or not self._can_merge or not self.merge.isVisible():
            return
        self.set_busy(True)
        self.sig_merge_requested.emit(iid)


def merge_kind_label(kind: str) -> str | None:
    """The timeline's words for the merge entries (None for other kinds)."""
    if kind == "merged_into":
        return QCoreApplication.translate("Duplicates", "Merged into another")
    if kind == "merged_from":
        return QCoreApplication.translate("Duplicates", "Merged here")
    return None


def joined_note(source_id: int, note: str) -> str:
    """A merged incident's entry in the survivor's timeline, marked with its number."""
    return f"[#{source_id}] {note}".rstrip()
