"""The survey form editor: questions and their properties, the TOML source, problems, preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontDatabase, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.survey import (
    CHOICE_KINDS,
    Choice,
    Computed,
    Form,
    FormFileError,
    Kind,
    Question,
    Skip,
    dump_form,
    load_form,
    validate,
)
from core.survey_views import FormRow
from widgets.file_dialogs import FILES, SAVED, remember, start_folder, suggested
from widgets.survey_entry import SessionRunner
from widgets.table_model import Column, RowTableModel

TOML_DELAY_MS = 400  # typing in the source applies after a pause, not per key
ERROR_STYLE = "color: #ff453a;"
NARROW = 1100  # px of the editor below which the properties go under the questions
QUESTIONS_TAB, COMPUTED_TAB, SOURCE_TAB, PREVIEW_TAB = range(4)


class FormListModel(RowTableModel[FormRow, str]):
    """Forms by code: title, versions, published or draft."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column("code", lambda: self.tr("Code"), lambda r: r.code),
                Column("title", lambda: self.tr("Title"), lambda r: r.title),
                Column("versions", lambda: self.tr("Versions"), lambda r: str(r.versions)),
                Column("state", lambda: self.tr("State"), self.state_text),
            ],
            key=lambda r: r.code,
            parent=parent,
        )

    def state_text(self, r: FormRow) -> str:
        if r.draft and r.published is not None:
            return self.tr("v{p} published, v{n} draft").format(p=r.published, n=r.newest)
        if r.draft:
            return self.tr("v{n} draft").format(n=r.newest)
        return self.tr("v{n} published").format(n=r.newest)


class PairsEditor(QWidget):
    """Rows of two texts (a choice's code and label, a skip's condition and target)."""

    sig_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(self._on_item_changed)
        self.add = QPushButton("+")
        self.add.clicked.connect(self.add_row)
        self.remove = QPushButton("−")
        self.remove.clicked.connect(self._on_remove_clicked)
        side = QVBoxLayout()
        side.addWidget(self.add)
        side.addWidget(self.remove)
        side.addStretch(1)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 1)
        box.addLayout(side)
        self._loading = False

    def set_headers(self, first: str, second: str) -> None:
        self.table.setHorizontalHeaderLabels([first, second])

    def set_pairs(self, pairs: list[tuple[str, str]]) -> None:
        self._loading = True
        self.table.setRowCount(len(pairs))
        for i, (a, b) in enumerate(pairs):
            self.table.setItem(i, 0, QTableWidgetItem(a))
            self.table.setItem(i, 1, QTableWidgetItem(b))
        self._loading = False

    def pairs(self) -> list[tuple[str, str]]:
        out = []
        for i in range(self.table.rowCount()):
            a, b = self.table.item(i, 0), self.table.item(i, 1)
            out.append((a.text().strip() if a else "", b.text().strip() if b else ""))
        return out

    @Slot()
    def add_row(self) -> None:
        i = self.table.rowCount()
        self._loading = True
        self.table.insertRow(i)
        self.table.setItem(i, 0, QTableWidgetItem(""))
        self.table.setItem(i, 1, QTableWidgetItem(""))
        self._loading = False
        self.table.setCurrentCell(i, 0)
        first = self.table.item(i, 0)
        if first is not None:
            self.table.editItem(first)
        self.sig_changed.emit()

    @Slot()
    def _on_remove_clicked(self) -> None:
        i = self.table.currentRow()
        if i >= 0:
            self.table.removeRow(i)
            self.sig_changed.emit()

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._loading:
            self.sig_changed.emit()

    def set_editable(self, enabled: bool) -> None:
        # The table stays scrollable and readable for a viewer; only editing stops.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if enabled
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.add.setEnabled(enabled)
        self.remove.setEnabled(enabled)


def _number_or_none(text: str) -> float | None:
    s = text.strip().replace(",", ".")
    if not s:
        return None
    try:
        value = float(s)
    except ValueError:
        return None
    return int(value) if value.is_integer() and "." not in s else value


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c.strip() for c in text.replace("，", ",").split(",") if c.strip())


class QuestionEditor(QWidget):
    """The properties of one question; `sig_edited(Question)` on every change (GUI thread)."""

    sig_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.qid = QLineEdit()
        self.kind = QComboBox()
        for k in Kind:
            self.kind.addItem(k.value, k.value)
        self.text = QPlainTextEdit()
        self.text.setFixedHeight(64)
        self.required = QCheckBox()
        self.choices = PairsEditor()
        self.minimum = QLineEdit()
        self.maximum = QLineEdit()
        self.rows = PairsEditor()
        self.columns = PairsEditor()
        self.show_if = QLineEdit()
        self.skip = PairsEditor()
        self.measure = QComboBox()
        self.measure.addItem("—", "")
        self.measure.addItem("CSAT", "csat")
        self.measure.addItem("", "convenience")  # worded in retranslate
        self.measure.addItem("", "awareness")
        self.satisfied = QLineEdit()
        self.dont_know = QLineEdit()
        self.form = QFormLayout(self)
        self.labels = [QLabel() for _ in range(14)]
        fields: list[QWidget] = [
            self.qid,
            self.kind,
            self.text,
            self.required,
            self.choices,
            self.minimum,
            self.maximum,
            self.rows,
            self.columns,
            self.show_if,
            self.skip,
            self.measure,
            self.satisfied,
            self.dont_know,
        ]
        for label, w in zip(self.labels, fields, strict=True):
            self.form.addRow(label, w)
        self.qid.textEdited.connect(self._on_edited)
        self.kind.currentIndexChanged.connect(self._on_edited)
        self.text.textChanged.connect(self._on_edited)
        self.required.toggled.connect(self._on_edited)
        for pe in (self.choices, self.rows, self.columns, self.skip):
            pe.sig_changed.connect(self._on_edited)
        for line in (self.minimum, self.maximum, self.show_if, self.satisfied, self.dont_know):
            line.textEdited.connect(self._on_edited)
        self.measure.currentIndexChanged.connect(self._on_edited)
        self.retranslate()
        self._show_rows(Kind.SINGLE)

    def set_question(self, q: Question) -> None:
        self._loading = True
        try:
            self.qid.setText(q.id)
            self.kind.setCurrentIndex(self.kind.findData(q.kind.value))
            if self.text.toPlainText() != q.text:
                self.text.setPlainText(q.text)
            self.required.setChecked(q.required)
            self.choices.set_pairs([(c.code, c.label) for c in q.choices])
            self.minimum.setText("" if q.min is None else f"{q.min:g}")
            self.maximum.setText("" if q.max is None else f"{q.max:g}")
            self.rows.set_pairs([(c.code, c.label) for c in q.rows])
            self.columns.set_pairs([(c.code, c.label) for c in q.columns])
            self.show_if.setText(q.show_if or "")
            self.skip.set_pairs([(s.when, s.to) for s in q.skip])
            self.measure.setCurrentIndex(max(0, self.measure.findData(q.measure or "")))
            self.satisfied.setText(", ".join(q.satisfied))
            self.dont_know.setText(", ".join(q.dont_know))
            self._show_rows(q.kind)
        finally:
            self._loading = False

    def question(self) -> Question:
        """The question as the fields say it."""
        kind = Kind(str(self.kind.currentData()))
        return Question(
            id=self.qid.text().strip(),
            kind=kind,
            text=self.text.toPlainText().strip(),
            required=self.required.isChecked(),
            choices=tuple(Choice(a, b) for a, b in self.choices.pairs()),
            min=_number_or_none(self.minimum.text()),
            max=_number_or_none(self.maximum.text()),
            rows=tuple(Choice(a, b) for a, b in self.rows.pairs()),
            columns=tuple(Choice(a, b) for a, b in self.columns.pairs()),
            show_if=self.show_if.text().strip() or None,
            skip=tuple(Skip(a, b) for a, b in self.skip.pairs()),
            measure=str(self.measure.currentData()) or None,
            satisfied=_codes(self.satisfied.text()),
            dont_know=_codes(self.dont_know.text()),
        )

    def set_editable(self, editable: bool) -> None:
        for w in (self.qid, self.show_if, self.minimum, self.maximum, self.satisfied):
            w.setReadOnly(not editable)
        self.dont_know.setReadOnly(not editable)
        self.text.setReadOnly(not editable)
        for c in (self.kind, self.required, self.measure):
            c.setEnabled(editable)
        for pe in (self.choices, self.rows, self.columns, self.skip):
            pe.set_editable(editable)

    def _show_rows(self, kind: Kind) -> None:
        choice = kind in CHOICE_KINDS
        bounds = kind in (Kind.NUMBER, Kind.RATING)
        matrix = kind is Kind.MATRIX
        measure = kind in (Kind.SINGLE, Kind.RATING)
        for row, shown in ((4, choice), (5, bounds), (6, bounds), (7, matrix), (8, matrix)):
            self.form.setRowVisible(row, shown)
        for row in (11, 12, 13):
            self.form.setRowVisible(row, measure)

    @Slot()
    def _on_edited(self) -> None:
        if self._loading:
            return
        q = self.question()
        self._show_rows(q.kind)
        self.sig_edited.emit(q)

    def retranslate(self) -> None:
        self.measure.setItemText(2, self.tr("Convenience (plan indicator)"))
        self.measure.setItemText(3, self.tr("Awareness (plan indicator)"))
        texts = [
            self.tr("Id"),
            self.tr("Kind"),
            self.tr("Text"),
            self.tr("Required"),
            self.tr("Choices"),
            self.tr("Minimum"),
            self.tr("Maximum"),
            self.tr("Matrix rows"),
            self.tr("Matrix columns"),
            self.tr("Show if"),
            self.tr("Skip rules"),
            self.tr("Measure"),
            self.tr("Satisfied codes"),
            self.tr('"Don\'t know" codes'),
        ]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        kinds = {
            Kind.SINGLE: self.tr("Single choice"),
            Kind.MULTIPLE: self.tr("Multiple choice"),
            Kind.RATING: self.tr("Rating"),
            Kind.NPS: self.tr("NPS 0–10"),
            Kind.TEXT: self.tr("Text"),
            Kind.NUMBER: self.tr("Number"),
            Kind.DATE: self.tr("Date"),
            Kind.MATRIX: self.tr("Matrix"),
        }
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kinds[Kind(str(self.kind.itemData(i)))])
        self.choices.set_headers(self.tr("Code"), self.tr("Label"))
        self.rows.set_headers(self.tr("Code"), self.tr("Label"))
        self.columns.set_headers(self.tr("Code"), self.tr("Label"))
        self.skip.set_headers(self.tr("When"), self.tr("Go to (id or end)"))
        self.show_if.setPlaceholderText(self.tr('e.g. age >= 60 and alone = "y"'))
        self.satisfied.setPlaceholderText(self.tr("codes, comma-separated, e.g. 4, 5"))
        self.dont_know.setPlaceholderText(self.tr("codes left out of CSAT, e.g. dk"))
        self.minimum.setPlaceholderText(self.tr("none"))
        self.maximum.setPlaceholderText(self.tr("none"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class FormEditorWidget(QWidget):
    """The forms list and the editor of one form version, with its source, problems and preview.

    Signals (GUI thread): `sig_form_selected(str)` (a code: read its newest version),
    `sig_save_requested(str, str, str)` and `sig_publish_requested(str, str, str)` (code,
    title, TOML source of the form as edited).
    """

    sig_form_selected = Signal(str)
    sig_save_requested = Signal(str, str, str)
    sig_publish_requested = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.questions: list[Question] = []
        self.computed: list[Computed] = []
        self.version = 1  # the version loaded (or 1 for a new form)
        self.published = False  # the version loaded is published: saving makes the next one
        self.saved = True  # nothing edited since the form was loaded or saved
        self.can_author = True
        # Asks whether to drop unsaved edits: (go on, cancel) -> None; None: never asks.
        self.confirm_discard: (
            Callable[[Callable[[], None], Callable[[], None] | None], None] | None
        ) = None
        self._syncing = False
        self._file_problem: FormFileError | None = None

        # the forms list
        self.model = FormListModel(self)
        self.list = QTableView()
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        header = self.list.horizontalHeader()
        # A handful of forms: sizing to contents is cheap here, and no state is cut off.
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.setMinimumHeight(84)  # a few forms stay in sight in a short pane
        self.list.activated.connect(self._on_list_activated)
        self.list.clicked.connect(self._on_list_activated)
        # No forms yet: said in the list's place, with who writes them (an empty table said
        # nothing).
        self.list_empty = QLabel()
        self.list_empty.setObjectName("formsEmpty")
        self.list_empty.setTextFormat(Qt.TextFormat.PlainText)
        self.list_empty.setWordWrap(True)
        self.list_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list_empty)
        self.list_stack.addWidget(self.list)
        self.new_form = QPushButton()
        self.new_form.clicked.connect(lambda: self.guard(self.start_new))
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self._on_import_clicked)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._on_export_clicked)

        # the form's head
        self.code = QLineEdit()
        self.code.setMaxLength(32)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.code.textEdited.connect(self._on_head_edited)
        self.title.textEdited.connect(self._on_head_edited)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.state.setObjectName("formState")

        # questions
        self.qlist = QListWidget()
        self.qlist.setMinimumHeight(84)
        self.qlist.currentRowChanged.connect(self._on_question_selected)
        self.add_q = QPushButton()
        self.add_q.clicked.connect(self.add_question)
        self.remove_q = QPushButton()
        self.remove_q.clicked.connect(self.remove_question)
        self.up_q = QPushButton()
        self.up_q.clicked.connect(lambda: self.move_question(-1))
        self.down_q = QPushButton()
        self.down_q.clicked.connect(lambda: self.move_question(1))
        self.props = QuestionEditor()
        self.props.sig_edited.connect(self._on_question_edited)
        self.computed_editor = PairsEditor()
        self.computed_editor.table.setMaximumHeight(96)
        self.computed_editor.sig_changed.connect(self._on_computed_edited)

        # source, problems, preview
        self.source = QPlainTextEdit()
        self.source.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source.textChanged.connect(self._on_source_changed)
        self._source_timer = QTimer(self)
        self._source_timer.setSingleShot(True)
        self._source_timer.setInterval(TOML_DELAY_MS)
        self._source_timer.timeout.connect(self.apply_source)
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
        self.problems.itemActivated.connect(self._on_problem_activated)
        self.problems.itemDoubleClicked.connect(self._on_problem_activated)
        self.problems_label = QLabel()
        self.preview = SessionRunner()
        self.restart_preview = QPushButton()
        self.restart_preview.clicked.connect(self.run_preview)
        self.save = QPushButton()
        self.save.clicked.connect(self._on_save_clicked)
        self.publish = QPushButton()
        self.publish.clicked.connect(self._on_publish_clicked)
        self.file_error = QLabel()
        self.file_error.setTextFormat(Qt.TextFormat.PlainText)
        self.file_error.setWordWrap(True)
        self.file_error.setStyleSheet(ERROR_STYLE)
        self.file_error.hide()

        self._build_layout()
        self._shortcuts()
        self.retranslate()
        self.start_new()

    def _build_layout(self) -> None:
        left = QWidget()
        lbox = QVBoxLayout(left)
        lbox.setContentsMargins(0, 0, 0, 0)
        lbox.addWidget(self.list_stack, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_form)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)
        lbox.addLayout(row)

        head = QHBoxLayout()
        self._code_label, self._title_label = QLabel(), QLabel()
        self.code.setMaximumWidth(200)
        head.addWidget(self._code_label)
        head.addWidget(self.code)
        head.addWidget(self._title_label)
        head.addWidget(self.title, 1)

        qside = QWidget()
        qbox = QVBoxLayout(qside)
        qbox.setContentsMargins(0, 0, 0, 0)
        qbox.addWidget(self.qlist, 1)
        qbuttons = QHBoxLayout()
        for b in (self.add_q, self.remove_q, self.up_q, self.down_q):
            qbuttons.addWidget(b)
        qbox.addLayout(qbuttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.props)
        qsplit = QSplitter(Qt.Orientation.Horizontal)
        qsplit.addWidget(qside)
        qsplit.addWidget(scroll)
        qsplit.setStretchFactor(0, 2)
        qsplit.setStretchFactor(1, 3)
        self.qsplit = qsplit

        preview = QWidget()
        pbox = QVBoxLayout(preview)
        pbox.addWidget(self.preview, 1)
        prow = QHBoxLayout()
        prow.addStretch(1)
        prow.addWidget(self.restart_preview)
        pbox.addLayout(prow)

        computed = QWidget()
        cbox = QVBoxLayout(computed)
        self._computed_label = QLabel()
        self._computed_label.setWordWrap(True)
        cbox.addWidget(self._computed_label)
        cbox.addWidget(self.computed_editor, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.qsplit, "")  # QUESTIONS_TAB
        self.tabs.addTab(computed, "")  # COMPUTED_TAB
        self.tabs.addTab(self.source, "")  # SOURCE_TAB
        self.tabs.addTab(preview, "")  # PREVIEW_TAB
        self.tabs.currentChanged.connect(self._on_tab_changed)

        bottom = QHBoxLayout()
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.save)
        bottom.addWidget(self.publish)

        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addLayout(head)
        rbox.addWidget(self.tabs, 1)
        rbox.addWidget(self.file_error)
        rbox.addWidget(self.problems_label)
        rbox.addWidget(self.problems)
        rbox.addLayout(bottom)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([300, 1200])
        self.split = split
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(split)

    def _shortcuts(self) -> None:
        # Within the editor only: Ctrl+N stays the console's "new incident" elsewhere.
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Insert", self.add_question),
            ("Ctrl+Up", lambda: self.move_question(-1)),
            ("Ctrl+Down", lambda: self.move_question(1)),
            ("Ctrl+S", self._on_save_clicked),
        ):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(ctx)
            sc.activated.connect(slot)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.qlist)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_question)

    # --- what the presenter sets ------------------------------------------------------------
    def set_forms(self, rows: list[FormRow]) -> None:
        self.model.set_rows(rows)
        self.list_stack.setCurrentWidget(self.list if rows else self.list_empty)

    def set_can_author(self, can: bool) -> None:
        """Authoring controls for roles that may write forms; others read and preview."""
        self.can_author = can
        self._empty_text()
        self._refresh_problems()
        for w in (self.new_form, self.import_button, self.save, self.publish):
            w.setVisible(can)
        for b in (self.add_q, self.remove_q, self.up_q, self.down_q):
            b.setEnabled(can)
        self.code.setReadOnly(not can or self.version > 1 or self.published)
        self.title.setReadOnly(not can)
        self.source.setReadOnly(not can)
        self.props.set_editable(can)
        self.computed_editor.set_editable(can)
        self._update_state()

    def load(self, code: str, title: str, version: int, source: str, published: bool) -> None:
        """Show a stored version (its source is the truth; a damaged one shows its error)."""
        self.version, self.published, self.saved = version, published, True
        self._syncing = True
        try:
            self.code.setText(code)
            self.title.setText(title)
            self.source.setPlainText(source)
        finally:
            self._syncing = False
        self._source_timer.stop()
        self.apply_source()
        self.code.setReadOnly(True)
        self.saved = True
        self._update_state()
        self._select_code(code)

    def start_new(self) -> None:
        """An empty new form (version 1, not saved)."""
        self.version, self.published = 1, False
        self.questions, self.computed = [], []
        self.computed_editor.set_pairs([])
        self._syncing = True
        try:
            self.code.clear()
            self.title.clear()
        finally:
            self._syncing = False
        self.code.setReadOnly(not self.can_author)
        self._changed(select=None)
        self.saved = True
        self._update_state()
        self.list.clearSelection()

    def saved_as(self, version: int) -> None:
        """The presenter saved the form as `version` (a draft)."""
        self.version, self.published, self.saved = version, False, True
        self.code.setReadOnly(True)
        self._refresh_source()
        self._update_state()

    def form(self) -> Form:
        """The form as edited, under the version a save would give it."""
        version = self.version + 1 if self.published else self.version
        return Form(
            code=self.code.text().strip(),
            title=self.title.text().strip(),
            version=version,
            questions=tuple(self.questions),
            computed=tuple(self.computed),
        )

    def current_problems(self) -> list[str]:
        """What the problems list shows: the file's error, or why publishing is refused."""
        if self._file_problem is not None:
            e = self._file_problem
            return [self._file_text(e)]
        return [str(p) for p in validate(self.form())]

    # --- questions --------------------------------------------------------------------------
    @Slot()
    def add_question(self) -> None:
        if not self.can_author:
            return
        taken = {q.id for q in self.questions}
        n = len(self.questions) + 1
        while f"q{n}" in taken:
            n += 1
        q = Question(
            id=f"q{n}",
            kind=Kind.SINGLE,
            text="",
            choices=(Choice("1", self.tr("Yes")), Choice("2", self.tr("No"))),
        )
        at = self.qlist.currentRow() + 1 if self.qlist.currentRow() >= 0 else len(self.questions)
        self.questions.insert(at, q)
        self._changed(select=at)
        self.tabs.setCurrentIndex(QUESTIONS_TAB)
        self.props.text.setFocus()

    @Slot()
    def remove_question(self) -> None:
        i = self.qlist.currentRow()
        if not self.can_author or not 0 <= i < len(self.questions):
            return
        del self.questions[i]
        self._changed(select=min(i, len(self.questions) - 1) if self.questions else None)

    def move_question(self, step: int) -> None:
        i = self.qlist.currentRow()
        j = i + step
        if not self.can_author or not (
            0 <= i < len(self.questions) and 0 <= j < len(self.questions)
        ):
            return
        self.questions[i], self.questions[j] = self.questions[j], self.questions[i]
        self._changed(select=j)

    def select_question(self, qid: str) -> bool:
        """Show a question's properties (from a problem's double click); False if unknown."""
        for i, q in enumerate(self.questions):
            if q.id == qid:
                self.tabs.setCurrentIndex(QUESTIONS_TAB)
                self.qlist.setCurrentRow(i)
                self.props.qid.setFocus()
                return True
        for c in self.computed:
            if c.name == qid:
                self.tabs.setCurrentIndex(COMPUTED_TAB)
                self.computed_editor.table.setFocus()
                return True
        return False

    # --- import and export --------------------------------------------------------------------
    def import_file(self, path: Path) -> bool:
        """Read a TOML form file into the editor (unsaved); False with line and column shown."""
        try:
            text = path.read_text(encoding="utf-8")
            form = load_form(text, path.name, strict=False)
        except FormFileError as exc:
            self.file_error.setText(self._file_text(exc))
            self.file_error.show()
            return False
        except (OSError, UnicodeDecodeError) as exc:
            self.file_error.setText(
                self.tr("Cannot read {file}: {why}").format(file=path.name, why=str(exc))
            )
            self.file_error.show()
            return False
        self.file_error.hide()
        self._file_problem = None
        self.version, self.published = 1, False
        self._syncing = True
        try:
            self.code.setText(form.code)
            self.title.setText(form.title)
        finally:
            self._syncing = False
        self.code.setReadOnly(not self.can_author)
        self.questions, self.computed = list(form.questions), list(form.computed)
        self.computed_editor.set_pairs([(c.name, c.expr) for c in self.computed])
        self._changed(select=0 if self.questions else None)
        self.list.clearSelection()
        return True

    def export_file(self, path: Path) -> None:
        """Write the form as edited to a TOML file."""
        path.write_text(dump_form(self.form()), encoding="utf-8")

    # --- internals ------------------------------------------------------------------------
    def _file_text(self, e: FormFileError) -> str:
        return self.tr("{file}, line {line}, column {column}: {why}").format(
            file=e.source, line=e.line, column=e.column, why=e.reason
        )

    def _changed(self, select: int | None) -> None:
        """The questions changed here: list, source, problems follow."""
        self.saved = False
        self._file_problem = None
        self._fill_list(select)
        self._refresh_source()
        self._refresh_problems()
        self._update_state()

    def _fill_list(self, select: int | None) -> None:
        self.qlist.blockSignals(True)
        self.qlist.clear()
        for q in self.questions:
            text = q.text.splitlines()[0] if q.text else self.tr("(no text)")
            item = QListWidgetItem(f"{q.id} · {text}")
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            self.qlist.addItem(item)
        self.qlist.blockSignals(False)
        if select is not None and 0 <= select < len(self.questions):
            self.qlist.setCurrentRow(select)
        else:
            self.props.setEnabled(False)

    def _refresh_source(self) -> None:
        self._syncing = True
        try:
            self.source.setPlainText(dump_form(self.form()))
        finally:
            self._syncing = False

    def _refresh_problems(self) -> None:
        self.problems.clear()
        if self._file_problem is not None:
            item = QListWidgetItem(self._file_text(self._file_problem))
            item.setData(Qt.ItemDataRole.UserRole, "")
            self.problems.addItem(item)
        else:
            for p in validate(self.form()) if self.questions else []:
                item = QListWidgetItem(str(p))
                item.setData(Qt.ItemDataRole.UserRole, p.question or "")
                self.problems.addItem(item)
        n = self.problems.count()
        self.problems.setVisible(n > 0)
        self.problems_label.setText(
            self.tr("Problems ({n}): double-click one to go to its question").format(n=n)
            if n
            else self.tr("No problems: the form can be published.")
            if self.questions
            else self.tr("Add a question (Insert) to begin.")
            if self.can_author
            else ""  # a reader cannot add one; the line below says so
        )
        self.problems_label.setStyleSheet(ERROR_STYLE if n else "")

    def _update_state(self) -> None:
        if not self.can_author:
            text = self.tr("Read only: your role may not author forms.")
        elif self.published and not self.saved:
            text = self.tr(
                "Version {v} is published and frozen: your changes will be saved as version {n}."
            ).format(v=self.version, n=self.version + 1)
        elif self.published:
            text = self.tr(
                "Version {v} is published and frozen; editing it makes version {n}."
            ).format(v=self.version, n=self.version + 1)
        elif self.saved and self.code.isReadOnly():
            text = self.tr("Draft version {v}, saved.").format(v=self.version)
        else:
            text = self.tr("Draft version {v}, not saved.").format(v=self.version)
        self.state.setText(text)
        self.save.setEnabled(self.can_author and not (self.published and self.saved))
        self.publish.setEnabled(self.can_author and bool(self.questions))

    def _select_code(self, code: str) -> None:
        i = self.model.index_of(code)
        if i is not None:
            self.list.blockSignals(True)
            self.list.selectRow(i)
            self.list.blockSignals(False)

    # --- slots ----------------------------------------------------------------------------
    @Slot(int)
    def _on_question_selected(self, row: int) -> None:
        if 0 <= row < len(self.questions):
            self.props.setEnabled(True)
            self.props.set_question(self.questions[row])
        else:
            self.props.setEnabled(False)

    @Slot(object)
    def _on_question_edited(self, q: Question) -> None:
        i = self.qlist.currentRow()
        if not 0 <= i < len(self.questions):
            return
        self.questions[i] = q
        self.saved = False
        item = self.qlist.item(i)
        text = q.text.splitlines()[0] if q.text else self.tr("(no text)")
        item.setText(f"{q.id} · {text}")
        item.setData(Qt.ItemDataRole.UserRole, q.id)
        self._refresh_source()
        self._refresh_problems()
        self._update_state()

    @Slot()
    def _on_computed_edited(self) -> None:
        self.computed = [Computed(a, b) for a, b in self.computed_editor.pairs() if a or b]
        self.saved = False
        self._refresh_source()
        self._refresh_problems()
        self._update_state()

    @Slot()
    def _on_head_edited(self) -> None:
        if self._syncing:
            return
        self.saved = False
        self._refresh_source()
        self._refresh_problems()
        self._update_state()

    @Slot()
    def _on_source_changed(self) -> None:
        if not self._syncing:
            self.saved = False
            self._source_timer.start()

    @Slot()
    def apply_source(self) -> None:
        """Read the TOML source into the questions (a broken source leaves them, shows why)."""
        self._source_timer.stop()
        text = self.source.toPlainText()
        try:
            form = load_form(text, self.tr("source"), strict=False)
        except FormFileError as exc:
            self._file_problem = exc
            self._refresh_problems()
            return
        self._file_problem = None
        keep = self.qlist.currentRow()
        self._syncing = True
        try:
            self.code.setText(form.code or self.code.text())
            self.title.setText(form.title)
        finally:
            self._syncing = False
        self.questions, self.computed = list(form.questions), list(form.computed)
        self.computed_editor.set_pairs([(c.name, c.expr) for c in self.computed])
        self._fill_list(
            keep if 0 <= keep < len(self.questions) else (0 if self.questions else None)
        )
        self._refresh_problems()
        self._update_state()

    @Slot(QListWidgetItem)
    def _on_problem_activated(self, item: QListWidgetItem) -> None:
        qid = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(qid, str) and qid:
            self.select_question(qid)
        elif self._file_problem is not None:
            self.tabs.setCurrentIndex(SOURCE_TAB)
            cursor = self.source.textCursor()
            block = self.source.document().findBlockByLineNumber(
                max(0, self._file_problem.line - 1)
            )
            cursor.setPosition(block.position() + max(0, self._file_problem.column - 1))
            self.source.setTextCursor(cursor)
            self.source.setFocus()

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        if index == PREVIEW_TAB:
            self.run_preview()

    @Slot()
    def run_preview(self) -> None:
        """Run the form as edited from its first question (skip logic and show_if live)."""
        if self._source_timer.isActive():
            self.apply_source()
        if self.questions:
            self.preview.start(self.form())
        else:
            self.preview.clear()

    @Slot()
    def _on_list_activated(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return
        code = self.model.row_at(rows[0].row()).code
        if code == self.code.text().strip() and self.code.isReadOnly() and not self.saved:
            return  # the form being edited: nothing to load
        shown = self.code.text().strip()

        def go() -> None:
            self.sig_form_selected.emit(code)

        def stay() -> None:
            self._select_code(shown)

        self.guard(go, stay)

    def guard(self, action: Callable[[], None], cancel: Callable[[], None] | None = None) -> None:
        """Run `action`, asking first (`confirm_discard`) when it would drop unsaved edits."""
        if self.saved or self.confirm_discard is None or not self.can_author:
            action()
        else:
            self.confirm_discard(action, cancel)

    @Slot()
    def _on_save_clicked(self) -> None:
        if not self.can_author:
            return
        if self._source_timer.isActive():
            self.apply_source()
        f = self.form()
        if not f.code:
            self.problems_label.setText(self.tr("Give the form a code before saving."))
            self.problems_label.setStyleSheet(ERROR_STYLE)
            self.code.setFocus()
            return
        self.sig_save_requested.emit(f.code, f.title, dump_form(f))

    @Slot()
    def _on_publish_clicked(self) -> None:
        if not self.can_author:
            return
        if self._source_timer.isActive():
            self.apply_source()
        f = self.form()
        self.sig_publish_requested.emit(f.code, f.title, dump_form(f))

    @Slot()
    def _on_import_clicked(self) -> None:
        def pick() -> None:
            name, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import a survey form"),
                str(start_folder(FILES)),
                self.tr("Survey forms (*.toml)"),
            )
            if name:
                remember(FILES, name)
                self.import_file(Path(name))

        self.guard(pick)

    @Slot()
    def _on_export_clicked(self) -> None:
        f = self.form()
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the survey form"),
            str(suggested(SAVED, f"{f.code or 'form'}-v{f.version}.toml")),
            self.tr("Survey forms (*.toml)"),
        )
        if name:
            remember(SAVED, name)
            self.export_file(Path(name))

    def _empty_text(self) -> None:
        self.list_empty.setText(
            self.tr("No forms yet. New form or Import… starts one.")
            if self.can_author
            else self.tr("No forms yet. An administrator writes them.")
        )

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.model.retranslate()
        self._empty_text()
        self.new_form.setText(self.tr("New form"))
        self.import_button.setText(self.tr("Import…"))
        self.export_button.setText(self.tr("Export…"))
        self._code_label.setText(self.tr("Code"))
        self._title_label.setText(self.tr("Title"))
        # Symbols on the buttons (they fit a narrow pane), the words and keys in the tooltips.
        for b, sign, tip in (
            (self.add_q, "+", self.tr("Add a question (Insert)")),
            (self.remove_q, "−", self.tr("Remove the question (Delete)")),
            (self.up_q, "↑", self.tr("Move the question up (Ctrl+↑)")),
            (self.down_q, "↓", self.tr("Move the question down (Ctrl+↓)")),
        ):
            b.setText(sign)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
        self._computed_label.setText(
            self.tr(
                "Computed values: a name and an expression over earlier answers, usable in "
                "later conditions (e.g. score = q1 + q2)."
            )
        )
        self.computed_editor.set_headers(self.tr("Name"), self.tr("Expression"))
        self.tabs.setTabText(QUESTIONS_TAB, self.tr("Questions"))
        self.tabs.setTabText(COMPUTED_TAB, self.tr("Computed values"))
        self.tabs.setTabText(SOURCE_TAB, self.tr("TOML source"))
        self.tabs.setTabText(PREVIEW_TAB, self.tr("Preview"))
        self.restart_preview.setText(self.tr("Restart preview"))
        self.save.setText(self.tr("Save draft (Ctrl+S)"))
        self.publish.setText(self.tr("Publish…"))
        self._refresh_problems()
        self._update_state()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A narrow pane puts the properties under the questions instead of beside them.
        narrow = event.size().width() < NARROW
        want = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.qsplit.orientation() != want:
            self.qsplit.setOrientation(want)
            # and the forms list goes above the editor, a few rows high
            self.split.setOrientation(want)
            self.split.setSizes([140, 1000] if narrow else [300, 1200])
            self.qsplit.setSizes([160, 400] if narrow else [500, 700])
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
