"""The Certificates tab: the public listing and register of volunteer certificates, and the
year's hours report per volunteer and month."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.certificates import (
    CONTENT_MAX,
    LISTING_DAYS,
    REASON_MAX,
    CertificateRow,
    CertificateStatus,
    HoursReport,
    HoursRow,
    format_hours,
)
from core.timefmt import DEFAULT_ZONE, fmt_local
from widgets.table_model import Column, RowTableModel

READY_TEXT = QColor("#7fd17f")
HELD_TEXT = QColor("#ffc66d")
GONE_TEXT = QColor("#9a9a9a")
ALL = ""  # the status filter's "all" choice
STATUS_CHOICES = (CertificateStatus.LISTED, CertificateStatus.ISSUED, CertificateStatus.WITHDRAWN)
COLUMN_WIDTHS = {"number": 150, "status": 150, "id_number": 150, "period": 190, "content": 220}


class CertificatesModel(RowTableModel[CertificateRow, int]):
    """The listing and register: one row per certificate, where it stands coloured."""

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QObject | None = None):
        self._zone = zone
        self.now = datetime.now(UTC)
        self.community_names: dict[str, str] = {}
        super().__init__(
            [
                Column("number", lambda: self.tr("No."), lambda r: r.number or "—"),
                Column(
                    "status",
                    lambda: self.tr("Status"),
                    self.status_text,
                    foreground=self._colour,
                    tooltip=lambda r: r.objection or r.withdrawn_reason or None,
                ),
                Column("volunteer", lambda: self.tr("Volunteer"), lambda r: r.volunteer),
                Column("id_number", lambda: self.tr("Identity number"), lambda r: r.id_number),
                Column(
                    "community",
                    lambda: self.tr("Community"),
                    lambda r: self.community_names.get(r.community, r.community),
                ),
                Column(
                    "period",
                    lambda: self.tr("Period"),
                    lambda r: f"{r.first_day.isoformat()} – {r.last_day.isoformat()}",
                ),
                Column(
                    "hours",
                    lambda: self.tr("Hours"),
                    lambda r: r.hours,
                    alignment=lambda _r: (
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    ),
                    sort_key=lambda r: r.minutes,
                ),
                Column("content", lambda: self.tr("Service content"), lambda r: r.content),
                Column(
                    "when",
                    lambda: self.tr("Listed until / issued"),
                    lambda r: fmt_local(r.issued_at or r.listed_until, self._zone, seconds=False),
                ),
            ],
            key=lambda r: r.id,
            parent=parent,
        )

    def status_text(self, row: CertificateRow) -> str:
        """Where the certificate stands, in the current language."""
        if row.status is CertificateStatus.ISSUED:
            return self.tr("Issued")
        if row.status is CertificateStatus.WITHDRAWN:
            return self.tr("Withdrawn")
        if row.objection:
            return self.tr("Objection raised")
        left = (row.listed_until - self.now).total_seconds()
        if left <= 0:
            return self.tr("Ready to issue")
        return self.tr("Listed, {n} days left").format(n=max(1, -(-int(left) // 86400)))

    def _colour(self, row: CertificateRow) -> QColor | None:
        if row.status is CertificateStatus.WITHDRAWN:
            return GONE_TEXT
        if row.status is CertificateStatus.LISTED:
            if row.objection:
                return HELD_TEXT
            if row.listed_until <= self.now:
                return READY_TEXT
        return None


def _month_column(m: int, align: Qt.AlignmentFlag) -> Column[HoursRow]:
    """Month `m` (0 = January): its number as the header, the same in both languages."""

    def cell(r: HoursRow) -> str:
        return format_hours(r.months[m]) if r.months[m] else ""

    def key(r: HoursRow) -> int:
        return r.months[m]

    return Column(f"m{m + 1}", lambda: str(m + 1), cell, alignment=lambda _r: align, sort_key=key)


class HoursModel(RowTableModel[HoursRow, int]):
    """The year's approved hours: a row per volunteer, a column per month, and the total."""

    def __init__(self, parent: QObject | None = None):
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        months = [_month_column(m, right) for m in range(12)]
        super().__init__(
            [
                Column("volunteer", lambda: self.tr("Volunteer"), lambda r: r.volunteer),
                Column("community", lambda: self.tr("Community"), lambda r: r.community),
                *months,
                Column(
                    "total",
                    lambda: self.tr("Total hours"),
                    lambda r: format_hours(r.total),
                    alignment=lambda _r: right,
                    sort_key=lambda r: r.total,
                ),
            ],
            key=lambda r: r.volunteer_id,
            parent=parent,
        )


class CertificateRequestDialog(QDialog):
    """A certificate for a volunteer over a period; the content may be left to the records."""

    def __init__(
        self, volunteers: Sequence[tuple[int, str]], today: date, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("certificateRequestDialog")
        self.setWindowTitle(self.tr("Request a volunteer certificate"))
        self.volunteer = QComboBox(self)
        for vid, label in volunteers:
            self.volunteer.addItem(label, vid)
        self.first = QDateEdit(QDate(today.year, 1, 1), self)
        self.last = QDateEdit(QDate(today.year, today.month, today.day), self)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.content = QPlainTextEdit(self)
        self.content.setTabChangesFocus(True)
        self.content.setPlaceholderText(
            self.tr("Left empty: a summary of what the approved records say was done")
        )
        note = QLabel(
            self.tr(
                "Only approved hours count. The certificate is listed publicly inside the "
                "console for {n} days before it can be issued."
            ).format(n=LISTING_DAYS),
            self,
        )
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("Volunteer"), self.volunteer)
        form.addRow(self.tr("From"), self.first)
        form.addRow(self.tr("To"), self.last)
        form.addRow(self.tr("Service content"), self.content)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(self.volunteer.count() > 0)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(note)
        box.addWidget(buttons)

    def values(self) -> tuple[int, date, date, str]:
        """(volunteer id, first day, last day, content) as entered."""
        first, last = self.first.date(), self.last.date()
        return (
            int(self.volunteer.currentData()),
            date(first.year(), first.month(), first.day()),
            date(last.year(), last.month(), last.day()),
            self.content.toPlainText().strip()[:CONTENT_MAX],
        )


class ReasonDialog(QDialog):
    """A short text that a step needs: a withdrawal's reason, an objection."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("certificateReasonDialog")
        self.setWindowTitle(title)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip()))
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(label)
        box.addWidget(self.text)
        box.addWidget(buttons)

    def value(self) -> str:
        return self.text.toPlainText().strip()[:REASON_MAX]


class CertificatesWidget(QWidget):
    """The listing and register above, the hours report below. Plain data in, requests out."""

    sig_filters_changed = Signal()
    sig_request = Signal(int, object, object, str)  # volunteer id, first day, last day, content
    sig_issue = Signal(int)
    sig_withdraw = Signal(int, str)
    sig_object = Signal(int, str)
    sig_save_pdf = Signal(int)  # the archived certificate (personal-data rights)
    sig_save_copy = Signal(int)  # a display copy, identity number masked
    sig_year_changed = Signal(int)

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("certificatesWidget")
        self.can_request = False
        self.can_issue = False
        self.can_reveal = False
        self.today = datetime.now(UTC).date()
        self._volunteers: list[tuple[int, str]] = []
        self.dialog: QDialog | None = None
        self.model = CertificatesModel(zone, self)
        self.hours = HoursModel(self)
        # What the count and totals lines were made of, to say them again in another language.
        self._shown: int | None = None
        self._report: HoursReport | None = None
        self.status = QComboBox(self)
        for value in (ALL, *(s.value for s in STATUS_CHOICES)):
            self.status.addItem("", value)
        self.status.currentIndexChanged.connect(lambda _i: self.sig_filters_changed.emit())
        self.request_button = QPushButton(self)
        self.issue_button = QPushButton(self)
        self.withdraw_button = QPushButton(self)
        self.object_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.request_button.clicked.connect(self.open_request)
        self.issue_button.clicked.connect(self._on_issue_clicked)
        self.withdraw_button.clicked.connect(self.open_withdraw)
        self.object_button.clicked.connect(self.open_objection)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)
        self.count = QLabel(self)
        bar = QHBoxLayout()
        self.status_label = QLabel(self)
        bar.addWidget(self.status_label)
        bar.addWidget(self.status)
        bar.addWidget(self.count, 1)
        for b in (
            self.request_button,
            self.object_button,
            self.issue_button,
            self.withdraw_button,
            self.pdf_button,
        ):
            bar.addWidget(b)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        # Sized once: sizing to contents costs time on every reset (field notes).
        for name, width in COLUMN_WIDTHS.items():
            header.resizeSection(self.model.column_index(name), width)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(self.today.year)
        self.year.valueChanged.connect(self.sig_year_changed.emit)
        self.totals = QLabel(self)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        year_bar = QHBoxLayout()
        self.year_label = QLabel(self)
        year_bar.addWidget(self.year_label)
        year_bar.addWidget(self.year)
        year_bar.addWidget(self.totals, 1)
        self.report = QTableView(self)
        self.report.setModel(self.hours)
        self.report.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report.verticalHeader().hide()
        self.report.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for m in range(12):
            self.report.horizontalHeader().resizeSection(self.hours.column_index(f"m{m + 1}"), 56)
        top, bottom = QWidget(self), QWidget(self)
        tbox = QVBoxLayout(top)
        tbox.setContentsMargins(0, 0, 0, 0)
        tbox.addLayout(bar)
        tbox.addWidget(self.table)
        bbox = QVBoxLayout(bottom)
        bbox.setContentsMargins(0, 0, 0, 0)
        bbox.addLayout(year_bar)
        bbox.addWidget(self.report)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(split)
        self.retranslate()

    # --- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every word in the current language; the status filter keeps its choice."""
        self.status_label.setText(self.tr("Status"))
        names = {
            ALL: self.tr("All"),
            CertificateStatus.LISTED.value: self.tr("Listed"),
            CertificateStatus.ISSUED.value: self.tr("Issued"),
            CertificateStatus.WITHDRAWN.value: self.tr("Withdrawn"),
        }
        for i in range(self.status.count()):  # by the item's data: the choice stays as it is
            self.status.setItemText(i, names[self.status.itemData(i)])
        self.request_button.setText(self.tr("Request…"))
        self.issue_button.setText(self.tr("Issue"))
        self.withdraw_button.setText(self.tr("Withdraw…"))
        self.object_button.setText(self.tr("Object…"))
        self.pdf_button.setText(self.tr("Save PDF…"))
        self.year_label.setText(self.tr("Approved hours in"))
        self._show_count()
        self._show_totals()
        self.model.retranslate()
        self.hours.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_count(self) -> None:
        if self._shown is None:
            self.count.clear()
        else:
            self.count.setText(self.tr("{n} certificates").format(n=self._shown))

    def _show_totals(self) -> None:
        report = self._report
        if report is None:
            self.totals.clear()
            return
        total = sum(report.month_totals())
        self.totals.setText(
            self.tr("{n} volunteers, {h} hours").format(n=len(report.rows), h=format_hours(total))
        )

    # --- data in ------------------------------------------------------------------------------
    def set_certificates(self, rows: Sequence[CertificateRow], now: datetime) -> None:
        self.model.now = now
        self.today = now.date()
        self.model.set_rows(rows)
        self._shown = len(rows)
        self._show_count()
        self._update_buttons()

    def set_report(self, report: HoursReport) -> None:
        self.hours.set_rows(report.rows)
        self._report = report
        self._show_totals()

    def set_volunteers(self, choices: Sequence[tuple[int, str]]) -> None:
        """(id, label) of the volunteers a certificate may be requested for."""
        self._volunteers = list(choices)

    def set_community_names(self, names: dict[str, str]) -> None:
        self.model.community_names = dict(names)
        self.model.refresh_column("community")

    def clear(self) -> None:
        self.model.set_rows([])
        self.hours.set_rows([])
        self._volunteers = []
        self._shown = None
        self._report = None
        self.count.clear()
        self.totals.clear()
        if self.dialog is not None:
            self.dialog.reject()
        self._update_buttons()

    # --- reading the widget -------------------------------------------------------------------
    def status_filter(self) -> CertificateStatus | None:
        value = self.status.currentData()
        return CertificateStatus(value) if value else None

    def selected(self) -> CertificateRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, certificate_id: int) -> None:
        i = self.model.index_of(certificate_id)
        if i is not None:
            self.table.selectRow(i)

    # --- steps --------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        r = self.selected()
        listed = r is not None and r.status is CertificateStatus.LISTED
        issued = r is not None and r.status is CertificateStatus.ISSUED
        ready = listed and r is not None and not r.objection and r.listed_until <= self.model.now
        in_week = listed and r is not None and r.listed_until > self.model.now
        self.request_button.setEnabled(self.can_request)
        self.issue_button.setEnabled(self.can_issue and ready)
        self.withdraw_button.setEnabled(self.can_issue and (listed or issued))
        self.object_button.setEnabled(in_week)
        self.pdf_button.setEnabled(r is not None and bool(r.number))
        self.pdf_button.setToolTip(
            self.tr("The issued certificate, with the whole identity number")
            if self.can_reveal
            else self.tr("A display copy: the identity number is masked")
        )

    def set_rights(self, *, request: bool, issue: bool, reveal: bool) -> None:
        self.can_request, self.can_issue, self.can_reveal = request, issue, reveal
        self._update_buttons()

    def open_request(self) -> None:
        dlg = CertificateRequestDialog(self._volunteers, self.today, self)
        dlg.accepted.connect(lambda: self.sig_request.emit(*dlg.values()))
        self._show(dlg)

    def open_withdraw(self) -> None:
        r = self.selected()
        if r is None:
            return
        prompt = (
            self.tr("Withdraw certificate {number}? It keeps its number and is marked withdrawn.")
            if r.number
            else self.tr("Withdraw this request? It was never numbered.")
        ).format(number=r.number)
        dlg = ReasonDialog(self.tr("Withdraw the certificate"), prompt, self)
        dlg.accepted.connect(lambda: self.sig_withdraw.emit(r.id, dlg.value()))
        self._show(dlg)

    def open_objection(self) -> None:
        r = self.selected()
        if r is None:
            return
        dlg = ReasonDialog(
            self.tr("Object to the listing"),
            self.tr("What is not true in this listing? The certificate is not issued on it."),
            self,
        )
        dlg.accepted.connect(lambda: self.sig_object.emit(r.id, dlg.value()))
        self._show(dlg)

    def _show(self, dlg: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dlg
        dlg.finished.connect(lambda _r: self._forget(dlg))
        dlg.open()

    def _forget(self, dlg: QDialog) -> None:
        if self.dialog is dlg:
            self.dialog = None
        dlg.deleteLater()

    def _on_issue_clicked(self) -> None:
        r = self.selected()
        if r is not None:
            self.sig_issue.emit(r.id)

    def _on_pdf_clicked(self) -> None:
        r = self.selected()
        if r is None:
            return
        if self.can_reveal and r.number:
            self.sig_save_pdf.emit(r.id)
        else:
            self.sig_save_copy.emit(r.id)
