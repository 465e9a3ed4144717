"""The Merchants pane's tabs: certified merchants with their records, the catalogue, the prices."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.merchants import (
    ComplaintRow,
    ComplaintState,
    InspectionRow,
    LicenceState,
    MerchantDetail,
    MerchantRow,
    MerchantStatus,
    ObservationRow,
    PriceFlag,
    PriceRow,
    ProductKind,
    ProductRow,
    ReferenceRow,
    StaffRow,
    StatusEventRow,
    percent,
    yuan,
)
from core.timefmt import DEFAULT_ZONE, fmt_local
from widgets.empty_state import EmptyStateWidget
from widgets.flow_layout import flow_row
from widgets.table_model import Column, RowTableModel

BAD = QColor("#ff9f94")  # expired, overdue, outside the 5–20 % rule
WARN = QColor("#ffc66d")  # expiring within 30 days
GOOD = QColor("#9fe0c8")
MUTED = QColor("#9a9a9a")
ALL = ""
# Pane-local keys (only while the tab has the focus), as the feedback pane does; none of the
# main menus' mnemonics (Alt+C, V, I, T, L, H), which would make a key ambiguous.
CERTIFY_KEY, SUSPEND_KEY, REINSTATE_KEY, EXIT_KEY = "Alt+N", "Alt+U", "Alt+R", "Alt+X"
RENEW_KEY, STAFF_KEY, INSPECT_KEY = "Alt+B", "Alt+A", "Alt+E"
COMPLAIN_KEY, RESOLVE_KEY, STAFF_ACTIVE_KEY = "Alt+M", "Alt+O", "Alt+D"
STAFF_CERT_KEY = "Alt+K"
PRODUCT_KEY, PRICE_KEY, WITHDRAW_KEY, OBSERVE_KEY = "Alt+N", "Alt+P", "Alt+W", "Alt+O"


def status_text(status: MerchantStatus) -> str:
    """A merchant's status in the current language."""
    return {
        MerchantStatus.ACTIVE: QCoreApplication.translate("MerchantLabels", "Active"),
        MerchantStatus.SUSPENDED: QCoreApplication.translate("MerchantLabels", "Suspended"),
        MerchantStatus.EXITED: QCoreApplication.translate("MerchantLabels", "Exited"),
    }[status]


def status_value_text(value: str) -> str:
    """A stored status ("" before certification) in words."""
    try:
        return status_text(MerchantStatus(value))
    except ValueError:
        return "—"


def reason_text(reason: str) -> str:
    """A status reason in the current language: the system's own reasons (certified, a
    licence expired on a day) are translated; a person's typed reason is shown as typed."""
    food = "food business licence expired on "
    business = "business licence expired on "
    if reason.startswith(food):
        return QCoreApplication.translate(
            "MerchantLabels", "Food business licence expired on {day}"
        ).format(day=reason.removeprefix(food))
    if reason.startswith(business):
        return QCoreApplication.translate(
            "MerchantLabels", "Business licence expired on {day}"
        ).format(day=reason.removeprefix(business))
    if reason == "certified":
        return QCoreApplication.translate("MerchantLabels", "Certified")
    return reason


def licence_text(state: LicenceState) -> str:
    """A licence's or certificate's state in words."""
    return {
        LicenceState.VALID: QCoreApplication.translate("MerchantLabels", "Valid"),
        LicenceState.EXPIRING: QCoreApplication.translate("MerchantLabels", "Expiring"),
        LicenceState.EXPIRED: QCoreApplication.translate("MerchantLabels", "Expired"),
        LicenceState.NONE: QCoreApplication.translate("MerchantLabels", "None"),
    }[state]


def flag_text(flag: PriceFlag) -> str:
    """The discount check in words."""
    return {
        PriceFlag.OK: QCoreApplication.translate("MerchantLabels", "Within 5–20 %"),
        PriceFlag.TOO_SMALL: QCoreApplication.translate("MerchantLabels", "Under 5 % off"),
        PriceFlag.TOO_LARGE: QCoreApplication.translate("MerchantLabels", "Over 20 % off"),
        PriceFlag.NO_REFERENCE: QCoreApplication.translate("MerchantLabels", "No reference"),
    }[flag]


def kind_text(kind: ProductKind) -> str:
    """Goods or household service."""
    if kind is ProductKind.SERVICE:
        return QCoreApplication.translate("MerchantLabels", "Household service")
    return QCoreApplication.translate("MerchantLabels", "Goods")


def complaint_category_text(code: str) -> str:
    """A complaint category's name."""
    return {
        "food_safety": QCoreApplication.translate("MerchantLabels", "Food safety"),
        "delivery": QCoreApplication.translate("MerchantLabels", "Delivery"),
        "price": QCoreApplication.translate("MerchantLabels", "Price"),
        "quality": QCoreApplication.translate("MerchantLabels", "Quality"),
        "service": QCoreApplication.translate("MerchantLabels", "Service"),
    }.get(code, code)


def complaint_state_text(state: ComplaintState) -> str:
    """A complaint's state against its deadline."""
    return {
        ComplaintState.OPEN: QCoreApplication.translate("MerchantLabels", "Open"),
        ComplaintState.OVERDUE: QCoreApplication.translate("MerchantLabels", "Overdue"),
        ComplaintState.RESOLVED: QCoreApplication.translate("MerchantLabels", "Resolved"),
        ComplaintState.RESOLVED_LATE: QCoreApplication.translate("MerchantLabels", "Resolved late"),
    }[state]


def _licence_colour(state: LicenceState) -> QColor | None:
    if state is LicenceState.EXPIRED:
        return BAD
    if state is LicenceState.EXPIRING:
        return WARN
    return None


def _table(parent: QWidget, model: QObject, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(30)  # measured on the first rows only (FIELD-NOTES)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


class _KeyedButtons(QWidget):
    """A tab with buttons that have pane-local keys."""

    def _button(self, name: str, key: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(self)
        b.setObjectName(name)
        b.clicked.connect(slot)
        sc = QShortcut(QKeySequence(key), self)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        sc.activated.connect(b.animateClick)
        b.setProperty("shortcutKey", key)
        return b

    @staticmethod
    def _label(b: QPushButton, text: str) -> None:
        b.setText(text)
        b.setToolTip(str(b.property("shortcutKey")))

    def retranslate(self) -> None:
        """Every text in the current language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


# --- merchants --------------------------------------------------------------------------------
class MerchantsModel(RowTableModel[MerchantRow, int]):
    """One row per merchant; licences coloured 30 days ahead, overdue complaints in red."""

    def __init__(self, parent: QObject | None = None):
        self.community_names: dict[str, str] = {}
        super().__init__(
            [
                Column("name", lambda: self.tr("Merchant"), lambda r: r.name),
                Column("code", lambda: self.tr("Code"), lambda r: r.code),
                Column(
                    "community",
                    lambda: self.tr("Community"),
                    lambda r: self.community_names.get(r.community, r.community),
                ),
                Column(
                    "status",
                    lambda: self.tr("Status"),
                    lambda r: status_text(r.status),
                    foreground=lambda r: None if r.status is MerchantStatus.ACTIVE else BAD,
                    tooltip=lambda r: reason_text(r.status_reason) or None,
                ),
                Column(
                    "licence",
                    lambda: self.tr("Business licence"),
                    lambda r: f"{r.licence_expires.isoformat()} · {licence_text(r.licence_state)}",
                    foreground=lambda r: _licence_colour(r.licence_state),
                    tooltip=lambda r: r.licence_no,
                ),
                Column(
                    "food",
                    lambda: self.tr("Food licence"),
                    self._food,
                    foreground=lambda r: _licence_colour(r.food_licence_state),
                    tooltip=lambda r: r.food_licence_no or None,
                ),
                Column(
                    "staff",
                    lambda: self.tr("Staff"),
                    self._staff,
                    foreground=lambda r: WARN if r.staff_cert_alerts else None,
                    sort_key=lambda r: r.staff,
                ),
                Column(
                    "score",
                    lambda: self.tr("Last score"),
                    lambda r: "—" if r.last_score is None else str(r.last_score),
                    foreground=lambda r: (
                        BAD if r.last_score is not None and r.last_score < 60 else None
                    ),
                    sort_key=lambda r: -1 if r.last_score is None else r.last_score,
                ),
                Column(
                    "complaints",
                    lambda: self.tr("Open complaints"),
                    self._complaints,
                    foreground=lambda r: BAD if r.overdue_complaints else None,
                    sort_key=lambda r: r.open_complaints,
                ),
                Column("rate", lambda: self.tr("Per 1,000 orders"), self._rate),
            ],
            key=lambda r: r.id,
            parent=parent,
        )

    def _food(self, r: MerchantRow) -> str:
        if r.food_licence_expires is None:
            return licence_text(LicenceState.NONE)
        return f"{r.food_licence_expires.isoformat()} · {licence_text(r.food_licence_state)}"

    def _staff(self, r: MerchantRow) -> str:
        if r.staff_cert_alerts:
            return self.tr("{n} ({k} certificates due)").format(n=r.staff, k=r.staff_cert_alerts)
        return str(r.staff)

    def _complaints(self, r: MerchantRow) -> str:
        if r.overdue_complaints:
            return self.tr("{n} ({k} overdue)").format(n=r.open_complaints, k=r.overdue_complaints)
        return str(r.open_complaints)

    def _rate(self, r: MerchantRow) -> str:
        if r.per_thousand is None:
            return "—" if r.orders is None else self.tr("no orders yet")
        return self.tr("{rate} ({n} of {orders})").format(
            rate=f"{r.per_thousand:.1f}", n=r.complaints, orders=r.orders
        )


class StaffModel(RowTableModel[StaffRow, int]):
    """A merchant's people; health certificates coloured 30 days ahead."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("name", lambda: self.tr("Name"), lambda r: r.name),
                Column("phone", lambda: self.tr("Phone"), lambda r: r.phone),
                Column(
                    "deliverer",
                    lambda: self.tr("Delivers"),
                    lambda r: self.tr("Yes") if r.deliverer else "",
                ),
                Column(
                    "cert",
                    lambda: self.tr("Health certificate"),
                    self._cert,
                    foreground=lambda r: _licence_colour(r.cert_state),
                ),
                Column(
                    "active",
                    lambda: self.tr("Active"),
                    lambda r: self.tr("Yes") if r.active else self.tr("No"),
                    foreground=lambda r: None if r.active else MUTED,
                ),
            ],
            key=lambda r: r.id,
            parent=parent,
        )

    def _cert(self, r: StaffRow) -> str:
        if r.health_cert_expires is None:
            return licence_text(LicenceState.NONE)
        return (
            f"{r.health_cert_no} · {r.health_cert_expires.isoformat()} · "
            f"{licence_text(r.cert_state)}"
        )


class InspectionsModel(RowTableModel[InspectionRow, int]):
    """Inspections, newest first; a failed score in red."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("on", lambda: self.tr("Date"), lambda r: r.inspected_on.isoformat()),
                Column(
                    "score",
                    lambda: self.tr("Score"),
                    lambda r: str(r.score),
                    foreground=lambda r: None if r.passed else BAD,
                ),
                Column("inspector", lambda: self.tr("Inspector"), lambda r: r.inspector),
                Column("findings", lambda: self.tr("Findings"), lambda r: r.findings),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class ComplaintsModel(RowTableModel[ComplaintRow, int]):
    """Complaints, open ones first, with their deadline."""

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QObject | None = None):
        self._zone = zone
        super().__init__(
            [
                Column(
                    "state",
                    lambda: self.tr("State"),
                    lambda r: complaint_state_text(r.state),
                    foreground=self._colour,
                ),
                Column(
                    "due",
                    lambda: self.tr("Due"),
                    lambda r: fmt_local(r.due_at, self._zone, seconds=False),
                    foreground=self._colour,
                ),
                Column(
                    "category",
                    lambda: self.tr("Category"),
                    lambda r: complaint_category_text(r.category),
                ),
                Column(
                    "received",
                    lambda: self.tr("Received"),
                    lambda r: fmt_local(r.received_at, self._zone, seconds=False),
                ),
                Column(
                    "text",
                    lambda: self.tr("Complaint"),
                    lambda r: r.text.splitlines()[0] if r.text else "",
                    tooltip=lambda r: r.resolution or None,
                ),
            ],
            key=lambda r: r.id,
            parent=parent,
        )

    @staticmethod
    def _colour(r: ComplaintRow) -> QColor | None:
        if r.state in (ComplaintState.OVERDUE, ComplaintState.RESOLVED_LATE):
            return BAD
        return MUTED if r.state is ComplaintState.RESOLVED else None


class MerchantsTab(_KeyedButtons):
    """Certified merchants (filtered by community, alerts, exited) and the selected one's
    staff, inspections, complaints and status trail. Emits what the user asks for; the
    presenter opens the dialogs and confirms."""

    sig_filters_changed = Signal()
    sig_selection_changed = Signal()
    sig_action = Signal(str)  # certify, renew, suspend, reinstate, exit, staff, staff_cert,
    # staff_active,
    # inspect, complain, resolve

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("merchantsTab")
        self._zone = zone
        self.can_manage = False
        self.can_complain = False
        self._detail: MerchantDetail | None = None
        self._community_codes: list[str] = []
        self.community_names: dict[str, str] = {}
        self.community = QComboBox(self)
        self.community.setObjectName("merchantCommunityFilter")
        self.community.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.community.currentIndexChanged.connect(self._on_filter_changed)
        self.alerts_only = QCheckBox(self)
        self.alerts_only.setObjectName("merchantAlertsOnly")
        self.alerts_only.toggled.connect(self._on_filter_changed)
        self.show_exited = QCheckBox(self)
        self.show_exited.setObjectName("merchantShowExited")
        self.show_exited.toggled.connect(self._on_filter_changed)
        self.community_label = QLabel(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("merchantSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = MerchantsModel(self)
        self.table = _table(self, self.model, "merchantTable")
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.empty = EmptyStateWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.certify = self._button("merchantCertify", CERTIFY_KEY, lambda: self._ask("certify"))
        # --- the detail ---------------------------------------------------------------------
        self.detail = QLabel(self)
        self.detail.setObjectName("merchantDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.renew = self._button("merchantRenew", RENEW_KEY, lambda: self._ask("renew"))
        self.suspend = self._button("merchantSuspend", SUSPEND_KEY, lambda: self._ask("suspend"))
        self.reinstate = self._button(
            "merchantReinstate", REINSTATE_KEY, lambda: self._ask("reinstate")
        )
        self.exit = self._button("merchantExit", EXIT_KEY, lambda: self._ask("exit"))
        self.add_staff = self._button("merchantAddStaff", STAFF_KEY, lambda: self._ask("staff"))
        self.staff_cert = self._button(
            "merchantStaffCert", STAFF_CERT_KEY, lambda: self._ask("staff_cert")
        )
        self.staff_active = self._button(
            "merchantStaffActive", STAFF_ACTIVE_KEY, lambda: self._ask("staff_active")
        )
        self.inspect = self._button("merchantInspect", INSPECT_KEY, lambda: self._ask("inspect"))
        self.complain = self._button(
            "merchantComplain", COMPLAIN_KEY, lambda: self._ask("complain")
        )
        self.resolve = self._button("merchantResolve", RESOLVE_KEY, lambda: self._ask("resolve"))
        self.staff_model = StaffModel(self)
        self.staff_table = _table(self, self.staff_model, "merchantStaff")
        self.staff_table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.inspections_model = InspectionsModel(self)
        self.inspections_table = _table(self, self.inspections_model, "merchantInspections")
        self.complaints_model = ComplaintsModel(zone, self)
        self.complaints_table = _table(self, self.complaints_model, "merchantComplaints")
        self.complaints_table.selectionModel().selectionChanged.connect(self.update_buttons)
        self.trail = QListWidget(self)
        self.trail.setObjectName("merchantTrail")
        self.trail.setWordWrap(True)
        self.records = QTabWidget(self)
        self.records.setObjectName("merchantRecords")
        self.records.addTab(
            self._with(self.staff_table, self.add_staff, self.staff_cert, self.staff_active), ""
        )
        self.records.addTab(self._with(self.inspections_table, self.inspect), "")
        self.records.addTab(self._with(self.complaints_table, self.complain, self.resolve), "")
        self.records.addTab(self.trail, "")
        self.records.currentChanged.connect(self.update_buttons)
        # Rows that wrap in a narrow pane instead of clipping their labels.
        filters = flow_row(
            self.community_label,
            self.community,
            self.alerts_only,
            self.show_exited,
            self.certify,
        )
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(filters)
        left_lay.addWidget(self.summary)
        left_lay.addWidget(self.stack, 1)
        right = QWidget(self)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.detail)
        right_lay.addWidget(flow_row(self.renew, self.suspend, self.reinstate, self.exit))
        right_lay.addWidget(self.records, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setSizes([900, 600])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.split)
        self.retranslate()

    def _with(self, table: QWidget, *buttons: QPushButton) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(flow_row(*buttons))
        lay.addWidget(table, 1)
        return box

    def _ask(self, action: str) -> None:
        self.sig_action.emit(action)

    # --- what the presenter shows ---------------------------------------------------------
    def set_communities(self, codes: Sequence[str], names: dict[str, str]) -> None:
        """The communities the filter offers (the user's scope)."""
        self._community_codes = list(codes)
        self.community_names = dict(names)
        self.model.community_names = self.community_names
        self._fill_filter()
        self.model.refresh_column("community")

    def filters(self) -> tuple[str | None, bool]:
        """(community or None for all, include exited)."""
        code = self.community.currentData()
        return (str(code) if code else None), self.show_exited.isChecked()

    def set_merchants(self, rows: Sequence[MerchantRow]) -> None:
        """The merchants as read (in place: selection and scroll stay)."""
        if self.alerts_only.isChecked():
            rows = [r for r in rows if r.alert or r.status is not MerchantStatus.ACTIVE]
        self.model.set_rows(rows)
        self._after_rows()

    def selected(self) -> MerchantRow | None:
        """The selected merchant."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, merchant_id: int) -> None:
        """Select a merchant by id when shown."""
        i = self.model.index_of(merchant_id)
        if i is not None:
            self.table.selectRow(i)

    def show_detail(self, detail: MerchantDetail | None) -> None:
        """The selected merchant's records (None: nothing selected)."""
        sel = self.selected()
        if detail is not None and (sel is None or sel.id != detail.merchant.id):
            return  # an answer for a merchant no longer selected
        self._detail = detail
        if detail is None:
            self.detail.setText(self.tr("Select a merchant to see its records."))
            self.staff_model.set_rows([])
            self.inspections_model.set_rows([])
            self.complaints_model.set_rows([])
            self.trail.clear()
            self.update_buttons()
            return
        m = detail.merchant
        lines = [
            f"{m.name} · {m.code} · {self.community_names.get(m.community, m.community)} · "
            f"{status_text(m.status)}",
            self.tr("Business licence {no}, expires {day} ({state})").format(
                no=m.licence_no,
                day=m.licence_expires.isoformat(),
                state=licence_text(m.licence_state),
            ),
        ]
        if m.food_licence_expires is not None:
            lines.append(
                self.tr("Food business licence {no}, expires {day} ({state})").format(
                    no=m.food_licence_no,
                    day=m.food_licence_expires.isoformat(),
                    state=licence_text(m.food_licence_state),
                )
            )
        lines.append(self.tr("Certified on {day}").format(day=m.certified_on.isoformat()))
        if m.status is not MerchantStatus.ACTIVE and m.status_reason:
            lines.append(self.tr("Reason: {reason}").format(reason=reason_text(m.status_reason)))
        self.detail.setText("\n".join(lines))
        self.staff_model.set_rows(detail.staff)
        self.inspections_model.set_rows(detail.inspections)
        self.complaints_model.set_rows(detail.complaints)
        self.trail.clear()
        for e in detail.trail:
            self.trail.addItem(self._trail_line(e))
        self.update_buttons()

    def _trail_line(self, e: StatusEventRow) -> str:
        when = fmt_local(e.ts, self._zone, seconds=False)
        to = status_value_text(e.to_status)
        if e.from_status:
            step = f"{status_value_text(e.from_status)} → {to}"
        else:
            step = self.tr("Certified")
        if not e.from_status and e.reason == "certified":
            return f"{when}  {step}  ·  {e.actor}"  # the step says it already
        return f"{when}  {step}  ·  {reason_text(e.reason)}  ·  {e.actor}"

    def selected_staff(self) -> StaffRow | None:
        rows = self.staff_table.selectionModel().selectedRows()
        return self.staff_model.row_at(rows[0].row()) if rows else None

    def selected_complaint(self) -> ComplaintRow | None:
        rows = self.complaints_table.selectionModel().selectedRows()
        return self.complaints_model.row_at(rows[0].row()) if rows else None

    def clear(self) -> None:
        """Nothing shown (signed out)."""
        self.model.set_rows([])
        self.show_detail(None)
        self._after_rows()

    # --- inside -----------------------------------------------------------------------------
    def _fill_filter(self) -> None:
        current = self.community.currentData()
        self.community.blockSignals(True)
        self.community.clear()
        self.community.addItem(self.tr("All communities"), ALL)
        for c in self._community_codes:
            self.community.addItem(self.community_names.get(c, c), c)
        i = self.community.findData(current)
        self.community.setCurrentIndex(max(i, 0))
        self.community.blockSignals(False)

    @Slot()
    def _on_filter_changed(self) -> None:
        self.sig_filters_changed.emit()

    @Slot()
    def _on_selection_changed(self) -> None:
        self.update_buttons()
        self.sig_selection_changed.emit()

    def _after_rows(self) -> None:
        n = len(self.model)
        self.stack.setCurrentWidget(self.table if n else self.empty)
        alerts = sum(1 for r in self.model.rows() if r.alert)
        self.summary.setText(
            self.tr("{n} merchants, {k} needing attention").format(n=n, k=alerts) if n else ""
        )
        self.update_buttons()

    @Slot()
    def update_buttons(self) -> None:
        """Buttons follow the selection, its status and the user's rights."""
        m = self.selected()
        shown = self._detail is not None and m is not None and self._detail.merchant.id == m.id
        manage = self.can_manage and m is not None
        status = None if m is None else m.status
        self.certify.setEnabled(self.can_manage)
        self.renew.setEnabled(manage and status is not MerchantStatus.EXITED)
        self.suspend.setEnabled(manage and status is MerchantStatus.ACTIVE)
        self.reinstate.setEnabled(manage and status is MerchantStatus.SUSPENDED)
        self.exit.setEnabled(manage and status is not MerchantStatus.EXITED)
        self.add_staff.setEnabled(manage and status is not MerchantStatus.EXITED)
        self.staff_active.setEnabled(manage and shown and self.selected_staff() is not None)
        self.staff_cert.setEnabled(manage and shown and self.selected_staff() is not None)
        self.inspect.setEnabled(manage and status is not MerchantStatus.EXITED)
        self.complain.setEnabled(self.can_complain and m is not None)
        c = self.selected_complaint()
        self.resolve.setEnabled(manage and shown and c is not None and c.resolved_at is None)
        s = self.selected_staff()
        if s is not None and not s.active:
            self._label(self.staff_active, self.tr("Reactivate"))
        else:
            self._label(self.staff_active, self.tr("Deactivate"))

    def retranslate(self) -> None:
        self.community_label.setText(self.tr("Community"))
        self.alerts_only.setText(self.tr("Needing attention only"))
        self.show_exited.setText(self.tr("Show exited"))
        for b, text in (
            (self.certify, self.tr("Certify a business…")),
            (self.renew, self.tr("Licences…")),
            (self.suspend, self.tr("Suspend…")),
            (self.reinstate, self.tr("Reinstate…")),
            (self.exit, self.tr("Exit…")),
            (self.add_staff, self.tr("Add staff…")),
            (self.staff_cert, self.tr("Health certificate…")),
            (self.inspect, self.tr("Record inspection…")),
            (self.complain, self.tr("File complaint…")),
            (self.resolve, self.tr("Resolve…")),
        ):
            self._label(b, text)
        for i, title in enumerate(
            (
                self.tr("Staff"),
                self.tr("Inspections"),
                self.tr("Complaints"),
                self.tr("Status trail"),
            )
        ):
            self.records.setTabText(i, title)
        self.empty.set_texts(
            "⌂",
            self.tr("No certified merchants"),
            self.tr(
                "Fair-price shops certified from the business register appear here with their "
                "licences (alerts 30 days ahead), staff, inspections and complaints. "
                "Certify a business… (Alt+N) adds one."
            ),
        )
        self._fill_filter()
        self.model.retranslate()
        self.staff_model.retranslate()
        self.inspections_model.retranslate()
        self.complaints_model.retranslate()
        self.show_detail(self._detail)
        self._after_rows()


# --- catalogue ---------------------------------------------------------------------------------
class ProductsModel(RowTableModel[ProductRow, int]):
    """Products and services with the price, reference and discount check."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column(
                    "merchant",
                    lambda: self.tr("Merchant"),
                    lambda r: f"{r.merchant} · {r.merchant_code}",
                ),
                Column("name", lambda: self.tr("Product"), lambda r: r.name),
                Column("kind", lambda: self.tr("Kind"), lambda r: kind_text(r.kind)),
                Column("unit", lambda: self.tr("Unit"), lambda r: r.unit),
                Column(
                    "price",
                    lambda: self.tr("Price (¥)"),
                    lambda r: yuan(r.price_cents),
                    alignment=lambda _r: (
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    ),
                    sort_key=lambda r: r.price_cents,
                ),
                Column(
                    "reference",
                    lambda: self.tr("Reference (¥)"),
                    lambda r: yuan(r.reference_cents),
                    alignment=lambda _r: (
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    ),
                ),
                Column(
                    "discount",
                    lambda: self.tr("Discount"),
                    lambda r: percent(r.discount),
                    foreground=self._colour,
                    alignment=lambda _r: (
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    ),
                ),
                Column(
                    "check",
                    lambda: self.tr("Check"),
                    lambda r: flag_text(r.flag) if r.active else self.tr("Withdrawn"),
                    foreground=self._colour,
                ),
                Column("code", lambda: self.tr("Code"), lambda r: r.code),
            ],
            key=lambda r: r.id,
            parent=parent,
        )

    @staticmethod
    def _colour(r: ProductRow) -> QColor | None:
        if not r.active:
            return MUTED
        if r.flag in (PriceFlag.TOO_SMALL, PriceFlag.TOO_LARGE):
            return BAD
        return MUTED if r.flag is PriceFlag.NO_REFERENCE else GOOD


class CatalogueTab(_KeyedButtons):
    """The catalogue: filter by merchant and kind, the flagged only; the selected product's
    price history."""

    sig_filters_changed = Signal()
    sig_selection_changed = Signal()
    sig_action = Signal(str)  # product, price, withdraw

    def __init__(self, zone: str = DEFAULT_ZONE, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("catalogueTab")
        self._zone = zone
        self.can_manage = False
        self._merchants: list[tuple[int, str]] = []
        self._all: list[ProductRow] = []
        self.merchant = QComboBox(self)
        self.merchant.setObjectName("catalogueMerchant")
        self.kind = QComboBox(self)
        self.kind.setObjectName("catalogueKind")
        self.flagged_only = QCheckBox(self)
        self.flagged_only.setObjectName("catalogueFlagged")
        for box in (self.merchant, self.kind):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.merchant.currentIndexChanged.connect(self._on_filter_changed)
        self.kind.currentIndexChanged.connect(self._refilter)
        self.flagged_only.toggled.connect(self._refilter)
        self.merchant_label, self.kind_label = QLabel(self), QLabel(self)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ProductsModel(self)
        self.table = _table(self, self.model, "catalogueTable")
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.empty = EmptyStateWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.new = self._button(
            "catalogueNew", PRODUCT_KEY, lambda: self.sig_action.emit("product")
        )
        self.price = self._button(
            "cataloguePrice", PRICE_KEY, lambda: self.sig_action.emit("price")
        )
        self.withdraw = self._button(
            "catalogueWithdraw", WITHDRAW_KEY, lambda: self.sig_action.emit("withdraw")
        )
        self.history_title = QLabel(self)
        self.history = QListWidget(self)
        self.history.setObjectName("catalogueHistory")
        filters = flow_row(
            self.merchant_label, self.merchant, self.kind_label, self.kind, self.flagged_only
        )
        steps = flow_row(self.new, self.price, self.withdraw)
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addWidget(filters)
        left_lay.addWidget(steps)
        left_lay.addWidget(self.summary)
        left_lay.addWidget(self.stack, 1)
        right = QWidget(self)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.history_title)
        right_lay.addWidget(self.history, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([1100, 360])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.split)
        self.retranslate()

    def set_merchants(self, merchants: Sequence[tuple[int, str]]) -> None:
        """The merchants the filter offers: (id, name)."""
        self._merchants = list(merchants)
        self._fill_filters()

    def merchant_chosen(self) -> int | None:
        data = self.merchant.currentData()
        return int(data) if data else None

    def set_products(self, rows: Sequence[ProductRow]) -> None:
        """Products as read; the kind and flag filters apply here."""
        self._all = list(rows)
        self._refilter()

    def selected(self) -> ProductRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, product_id: int) -> None:
        i = self.model.index_of(product_id)
        if i is not None:
            self.table.selectRow(i)

    def show_history(self, product_id: int, rows: Sequence[PriceRow]) -> None:
        """The selected product's prices, newest first."""
        sel = self.selected()
        if sel is None or sel.id != product_id:
            return
        self.history.clear()
        for p in rows:
            when = fmt_local(p.from_at, self._zone, seconds=False)
            self.history.addItem(f"{when}  ¥{yuan(p.price_cents)}  ·  {p.actor}")

    def clear(self) -> None:
        self._all = []
        self._merchants = []
        self._fill_filters()
        self._refilter()
        self.history.clear()

    @Slot()
    def _refilter(self) -> None:
        kind = self.kind.currentData()
        rows = [
            r
            for r in self._all
            if (not kind or r.kind.value == kind)
            and (
                not self.flagged_only.isChecked()
                or (r.active and r.flag in (PriceFlag.TOO_SMALL, PriceFlag.TOO_LARGE))
            )
        ]
        self.model.set_rows(rows)
        n = len(rows)
        flagged = sum(
            1 for r in rows if r.active and r.flag in (PriceFlag.TOO_SMALL, PriceFlag.TOO_LARGE)
        )
        self.summary.setText(
            self.tr("{n} products, {k} outside 5–20 % below the reference").format(n=n, k=flagged)
            if n
            else ""
        )
        self.stack.setCurrentWidget(self.table if n else self.empty)
        if self.selected() is None:
            self.history.clear()
        self.update_buttons()

    def _fill_filters(self) -> None:
        current = self.merchant.currentData()
        self.merchant.blockSignals(True)
        self.merchant.clear()
        self.merchant.addItem(self.tr("All merchants"), 0)
        for mid, name in self._merchants:
            self.merchant.addItem(name, mid)
        self.merchant.setCurrentIndex(max(self.merchant.findData(current), 0))
        self.merchant.blockSignals(False)
        kind = self.kind.currentData()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("Goods and services"), ALL)
        for k in ProductKind:
            self.kind.addItem(kind_text(k), k.value)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.kind.blockSignals(False)

    @Slot()
    def _on_filter_changed(self) -> None:
        self.sig_filters_changed.emit()

    @Slot()
    def _on_selection_changed(self) -> None:
        self.history.clear()
        self.update_buttons()
        self.sig_selection_changed.emit()

    def update_buttons(self) -> None:
        p = self.selected()
        self.new.setEnabled(self.can_manage and bool(self._merchants))
        self.price.setEnabled(self.can_manage and p is not None and p.active)
        self.withdraw.setEnabled(self.can_manage and p is not None)
        if p is not None and not p.active:
            self._label(self.withdraw, self.tr("Offer again"))
        else:
            self._label(self.withdraw, self.tr("Withdraw"))

    def retranslate(self) -> None:
        self.merchant_label.setText(self.tr("Merchant"))
        self.kind_label.setText(self.tr("Kind"))
        self.flagged_only.setText(self.tr("Outside 5–20 % only"))
        self._label(self.new, self.tr("New product…"))
        self._label(self.price, self.tr("Change price…"))
        self._label(self.withdraw, self.tr("Withdraw"))
        self.history_title.setText(self.tr("Price history"))
        self.empty.set_texts(
            "¥",
            self.tr("No products"),
            self.tr(
                "Goods and household services of the certified merchants appear here with "
                "their price, the market's reference price and the discount, which should be "
                "5–20 % below it. New product… (Alt+N) adds one."
            ),
        )
        self._fill_filters()
        self.model.retranslate()
        self._refilter()


# --- reference prices -----------------------------------------------------------------------------
class ReferencesModel(RowTableModel[ReferenceRow, str]):
    """Commodities with their reference price (median of the survey's observations)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("code", lambda: self.tr("Commodity"), lambda r: r.code),
                Column(
                    "reference",
                    lambda: self.tr("Reference (¥)"),
                    lambda r: yuan(r.reference_cents),
                    foreground=lambda r: MUTED if r.reference_cents is None else None,
                    tooltip=lambda r: (
                        None
                        if r.reference_cents is not None
                        else QCoreApplication.translate(
                            "ReferencesModel", "Fewer than 3 observations in the last 60 days"
                        )
                    ),
                ),
                Column(
                    "n",
                    lambda: self.tr("Observations"),
                    lambda r: str(r.observations),
                    sort_key=lambda r: r.observations,
                ),
                Column(
                    "range",
                    lambda: self.tr("Lowest – highest (¥)"),
                    lambda r: (
                        f"{yuan(r.low_cents)} – {yuan(r.high_cents)}"
                        if r.low_cents is not None
                        else "—"
                    ),
                ),
                Column(
                    "last",
                    lambda: self.tr("Last observed"),
                    lambda r: "—" if r.last_observed is None else r.last_observed.isoformat(),
                ),
            ],
            key=lambda r: r.code,
            parent=parent,
        )


class ObservationsModel(RowTableModel[ObservationRow, int]):
    """A commodity's observations; outliers (far off the median) marked."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(
            [
                Column("on", lambda: self.tr("Date"), lambda r: r.observed_on.isoformat()),
                Column("place", lambda: self.tr("Place"), lambda r: r.place),
                Column(
                    "price",
                    lambda: self.tr("Price (¥)"),
                    lambda r: yuan(r.price_cents),
                    foreground=lambda r: BAD if r.outlier else None,
                ),
                Column(
                    "outlier",
                    lambda: self.tr("Note"),
                    lambda r: self.tr("Outlier: left to the median") if r.outlier else "",
                    foreground=lambda r: BAD if r.outlier else None,
                ),
                Column("observer", lambda: self.tr("Observer"), lambda r: r.observer),
            ],
            key=lambda r: r.id,
            parent=parent,
        )


class ReferencesTab(_KeyedButtons):
    """Price surveys: each commodity's reference (median) and its observations."""

    sig_selection_changed = Signal()
    sig_action = Signal(str)  # observe

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("referencesTab")
        self.can_manage = False
        self.model = ReferencesModel(self)
        self.table = _table(self, self.model, "referenceTable")
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.empty = EmptyStateWidget(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        self.observe = self._button(
            "referenceObserve", OBSERVE_KEY, lambda: self.sig_action.emit("observe")
        )
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.obs_title = QLabel(self)
        self.obs_model = ObservationsModel(self)
        self.obs_table = _table(self, self.obs_model, "referenceObservations")
        top = QHBoxLayout()
        top.addWidget(self.observe)
        top.addStretch(1)
        left = QWidget(self)
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.addLayout(top)
        left_lay.addWidget(self.stack, 1)
        left_lay.addWidget(self.note)
        right = QWidget(self)
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(0, 0, 0, 0)
        right_lay.addWidget(self.obs_title)
        right_lay.addWidget(self.obs_table, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setSizes([700, 600])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.split)
        self.retranslate()

    def set_references(self, rows: Sequence[ReferenceRow]) -> None:
        self.model.set_rows(rows)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        self.update_buttons()

    def selected(self) -> ReferenceRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select(self, code: str) -> None:
        i = self.model.index_of(code)
        if i is not None:
            self.table.selectRow(i)

    def show_observations(self, code: str, rows: Sequence[ObservationRow]) -> None:
        sel = self.selected()
        if sel is None or sel.code != code:
            return
        self.obs_title.setText(self.tr("Observations of {code}").format(code=code))
        self.obs_model.set_rows(rows)

    def codes(self) -> list[str]:
        return [r.code for r in self.model.rows()]

    def clear(self) -> None:
        self.model.set_rows([])
        self.obs_model.set_rows([])
        self.stack.setCurrentWidget(self.empty)

    @Slot()
    def _on_selection_changed(self) -> None:
        self.obs_model.set_rows([])
        self.obs_title.setText(self.tr("Observations"))
        self.sig_selection_changed.emit()

    def update_buttons(self) -> None:
        self.observe.setEnabled(self.can_manage)

    def retranslate(self) -> None:
        self._label(self.observe, self.tr("Record a market price…"))
        self.obs_title.setText(self.tr("Observations"))
        self.note.setText(
            self.tr(
                "The reference price is the median of the market prices observed in the last "
                "60 days (at least 3). One wrong or unusual price cannot move a median; it is "
                "marked as an outlier."
            )
        )
        self.empty.set_texts(
            "⚖",
            self.tr("No price surveys"),
            self.tr(
                "Market prices seen at markets, supermarkets and shops give each commodity its "
                "reference price. Record a market price… (Alt+O) adds one."
            ),
        )
        self.model.retranslate()
        self.obs_model.retranslate()
