"""Order entry for a resident, keyboard first: search, usual basket, window, deliverer, Enter.

A known resident's usual basket is five keys after the name: Enter picks the first match, Alt+B
fills the usual basket (its merchant and the first window with room), Enter accepts the window,
Enter accepts the familiar deliverer and submits. Fed plain data (core.orders); the presenter
(or the station screen) does the reads and the write.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.orders import (
    CHANNELS,
    FAMILY_MAX,
    NOTE_MAX,
    QUANTITY_MAX,
    DelivererChoice,
    OrderDraft,
    OrderEntryData,
    ProductChoice,
    ResidentChoice,
    UsualBasket,
    WindowChoice,
    confirm_reasons,
    money,
    window_label,
)
from widgets.order_labels import merchant_choice_text, refusal_text

# Scoped to the form, and none of them a key of the main window (F2 answers a call there,
# Ctrl+F finds a device): a key bound twice in one window fires neither.
BASKET_ROWS_SHOWN = 3  # the least the basket shows, however short the pane
BASKET_KEY = "Alt+B"
SUBMIT_KEY = "Ctrl+Return"
SEARCH_KEY = "Alt+S"
SEARCH_DELAY_MS = 250
WARN = "color: #ffc66d;"
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
_OWN_KEYS = frozenset(
    {
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Plus,
        Qt.Key.Key_Minus,
        Qt.Key.Key_Equal,
        Qt.Key.Key_Delete,
    }
)
BAD = "color: #ff9f94;"


class OrderEntryWidget(QWidget):
    """One order at a time for one resident; emits `sig_submit` with an OrderDraft.

    The draft keeps its client uuid until `clear()`: pressing Enter twice sends the same draft,
    which the service turns into one order.
    """

    sig_search = Signal(str)  # text typed into the resident search (debounced)
    sig_resident = Signal(int)  # a resident was chosen: the presenter loads set_entry
    sig_submit = Signal(object)  # OrderDraft

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entry: OrderEntryData | None = None
        self._lines: dict[int, int] = {}  # product id → quantity, in the order added
        self._uuid = str(uuid.uuid4())
        self._call_id: int | None = None
        self._past_total = 0  # the usual total of the chosen merchant's basket (0: unknown)
        self._busy = False
        self._pick_first = False  # Enter came before the results: take the first that comes

        self.search = QLineEdit()
        self.search.setObjectName("orderResidentSearch")
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("orderResidentResults")
        self.results.setMaximumHeight(110)
        self.resident_label = QLabel()
        self.resident_label.setWordWrap(True)
        self.resident_label.setTextFormat(Qt.TextFormat.PlainText)
        self.merchant = QComboBox()
        self.basket_button = QPushButton()
        self.product = QComboBox()
        self.product.setEditable(True)
        self.product.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.add_button = QPushButton()
        self.lines = QTableWidget(0, 4)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.verticalHeader().setVisible(False)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # The basket keeps three rows in sight: in a short dock the form above took all the
        # height and the basket shrank to its header, so Enter placed an order unseen.
        self.lines.setMinimumHeight(
            self.lines.horizontalHeader().sizeHint().height()
            + BASKET_ROWS_SHOWN * self.lines.verticalHeader().defaultSectionSize()
            + 2 * self.lines.frameWidth()
        )
        self.total_label = QLabel()
        self.window_combo = QComboBox()
        self.window_label = QLabel()
        self.deliverer = QComboBox()
        self.channel = QComboBox()
        self.family = QLineEdit()
        self.family.setMaxLength(FAMILY_MAX)
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.submit_button = QPushButton()
        self.submit_button.setDefault(False)
        self.submit_button.setAutoDefault(False)

        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(7)]
        top = QHBoxLayout()
        top.addWidget(self.merchant, 1)
        top.addWidget(self.basket_button)
        add = QHBoxLayout()
        add.addWidget(self.product, 1)
        add.addWidget(self.add_button)
        chan = QHBoxLayout()
        chan.addWidget(self.channel)
        chan.addWidget(self.family, 1)
        self.form.addRow(self._labels[0], self.search)
        self.form.addRow("", self.results)
        self.form.addRow("", self.resident_label)
        self.form.addRow(self._labels[1], top)
        self.form.addRow(self._labels[2], add)
        self.form.addRow(self._labels[3], self.window_combo)
        self.form.addRow(self._labels[4], self.deliverer)
        self.form.addRow(self._labels[5], chan)
        self.form.addRow(self._labels[6], self.note)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.lines, 1)
        box.addWidget(self.total_label)
        box.addWidget(self.window_label)
        box.addWidget(self.problem)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.submit_button)
        box.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.search.textEdited.connect(self._on_search_text_edited)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.merchant.currentIndexChanged.connect(self._on_merchant_changed)
        self.window_combo.currentIndexChanged.connect(self._on_window_changed)
        self.deliverer.currentIndexChanged.connect(self._update)
        self.channel.currentIndexChanged.connect(self._on_channel_changed)
        self.family.textEdited.connect(self._update)
        self.basket_button.clicked.connect(self.fill_usual)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.submit_button.clicked.connect(self.submit)
        for w in (self.window_combo, self.deliverer, self.product, self.search, self.lines):
            w.installEventFilter(self)
        for key, slot in (
            (BASKET_KEY, self.fill_usual),
            (SUBMIT_KEY, self.submit),
            (SEARCH_KEY, self.focus_search),
        ):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        self.retranslate()
        self.clear()

    # --- feeding ----------------------------------------------------------------------------
    def set_results(self, residents: Sequence[ResidentChoice]) -> None:
        """The residents matching the search; the first is current (Enter picks it)."""
        self.results.clear()
        self.results.setVisible(bool(residents))
        for r in residents:
            text = f"{r.name}  {r.address}  {r.phone}  [{r.community}]"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.results.addItem(item)
        if residents:
            self.results.setCurrentRow(0)
            if self._pick_first:
                self._pick_first = False
                self.sig_resident.emit(residents[0].id)

    def set_entry(self, entry: OrderEntryData) -> None:
        """The chosen resident's merchants, windows, products, baskets and deliverers.

        The same resident's data read again (a second pick of the same person, a refresh) keeps
        the basket being entered, its merchant and its draft id: nothing typed is lost.
        """
        same = self._entry is not None and self._entry.resident.id == entry.resident.id
        if same:
            merchant = self.merchant.currentData()
            window = self.window_combo.currentData()
            deliverer = self.deliverer.currentData()
            self._entry = entry
            at = next((i for i, m in enumerate(entry.merchants) if m.id == merchant), -1)
            self._render_entry(at)
            # The same choices where they are still offered (a window may have filled).
            for combo, value in ((self.window_combo, window), (self.deliverer, deliverer)):
                model = combo.model()
                for i in range(combo.count()):
                    enabled = model.flags(model.index(i, 0)) & Qt.ItemFlag.ItemIsEnabled
                    if value is not None and combo.itemData(i) == value and enabled:
                        combo.setCurrentIndex(i)
                        break
            self._on_window_changed()
            self._update()
            return
        self._entry = entry
        self._lines.clear()
        self._uuid = str(uuid.uuid4())
        self._render_entry(-1)
        # Next key: Alt+B for the usual basket, else type a product.
        (self.basket_button if entry.baskets else self.product).setFocus()

    def _render_entry(self, merchant_index: int) -> None:
        entry = self._entry
        if entry is None:
            return
        keep = dict(self._lines)
        r = entry.resident
        flags = []
        if "lives_alone" in r.flags:
            flags.append(self.tr("lives alone"))
        if "dementia" in r.flags:
            flags.append(self.tr("orders wait for a confirmation call"))
        extra = f" — {', '.join(flags)}" if flags else ""
        self.resident_label.setText(f"{r.name}  {r.address}  {r.phone}  [{r.community}]{extra}")
        self.merchant.blockSignals(True)
        self.merchant.clear()
        for m in entry.merchants:
            label = merchant_choice_text(m.name, m.code, m.refusal)
            self.merchant.addItem(label, m.id)
            if m.refusal:
                item = self.merchant.model().item(self.merchant.count() - 1)  # type: ignore[attr-defined]
                item.setEnabled(False)
                item.setToolTip(m.refusal)
        first = merchant_index if merchant_index >= 0 else self._first_open_merchant()
        self.merchant.setCurrentIndex(first)
        self.merchant.blockSignals(False)
        self._lines = keep
        self._on_merchant_changed()

    def set_call(self, call_id: int | None) -> None:
        """An order taken on this call: the channel is the hotline."""
        self._call_id = call_id
        if call_id is not None:
            self.channel.setCurrentIndex(CHANNELS.index("hotline"))
        self._update()

    def set_busy(self, busy: bool) -> None:
        """While the presenter writes: no second submit from this screen."""
        self._busy = busy
        self._update()

    def clear(self) -> None:
        """Empty, ready for the next resident (a fresh draft id)."""
        self._entry = None
        self._lines.clear()
        self._uuid = str(uuid.uuid4())
        self._call_id = None
        self._busy = False
        self.search.clear()
        self.results.clear()
        self.results.setVisible(False)
        self.resident_label.setText(self.tr("Search a resident by name, phone or address."))
        for combo in (self.merchant, self.window_combo, self.deliverer, self.product):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        self.family.clear()
        self.note.clear()
        # The window's places belong to the order just placed: "20 of 20 left" stayed on
        # screen after it took one.
        self.window_label.clear()
        self.window_label.setStyleSheet("")
        self.basket_button.setEnabled(False)
        self.channel.setCurrentIndex(0)
        self._refill_lines()
        self._update()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- reading ----------------------------------------------------------------------------
    def draft(self) -> OrderDraft | None:
        """The order as entered, or None while something is missing (see `problem_text`)."""
        if self._problem() is not None or self._entry is None:
            return None
        kind, did = self.deliverer.currentData()
        return OrderDraft(
            client_uuid=self._uuid,
            resident_id=self._entry.resident.id,
            merchant_id=int(self.merchant.currentData()),
            window_id=int(self.window_combo.currentData()),
            lines=tuple(self._lines.items()),
            channel=CHANNELS[self.channel.currentIndex()],
            call_id=self._call_id,
            family_member=self.family.text().strip(),
            deliverer_staff_id=did if kind == "staff" else None,
            deliverer_volunteer_id=did if kind == "volunteer" else None,
            note=self.note.text().strip(),
        )

    def problem_text(self) -> str:
        return self.problem.text()

    def total_cents(self) -> int:
        prices = self._prices()
        return sum(prices.get(pid, 0) * q for pid, q in self._lines.items())

    # --- actions ----------------------------------------------------------------------------
    def fill_usual(self) -> None:
        """The usual basket in one key: its merchant, its lines, the first window with room."""
        entry = self._entry
        if entry is None or not entry.baskets:
            return
        open_ids = {m.id for m in entry.merchants if not m.refusal}
        basket = next((b for b in entry.baskets if b.merchant_id in open_ids), None)
        if basket is None:
            return
        index = self.merchant.findData(basket.merchant_id)
        if index != self.merchant.currentIndex():
            self.merchant.setCurrentIndex(index)
        self._apply_basket(basket)
        self.window_combo.setFocus()

    def submit(self) -> None:
        """Send the draft (the same draft, same id, until `clear`)."""
        draft = self.draft()
        if draft is None or self._busy:
            self._update()
            return
        self.sig_submit.emit(draft)

    def add_product(self, product_id: int, quantity: int = 1) -> None:
        q = min(QUANTITY_MAX, self._lines.get(product_id, 0) + quantity)
        if q <= 0:
            self._lines.pop(product_id, None)
        else:
            self._lines[product_id] = q
        self._refill_lines()
        self._update()

    # --- internals --------------------------------------------------------------------------
    def _first_open_merchant(self) -> int:
        if self._entry is None:
            return -1
        for i, m in enumerate(self._entry.merchants):
            if not m.refusal:
                return i
        return 0 if self._entry.merchants else -1

    def _prices(self) -> dict[int, int]:
        if self._entry is None:
            return {}
        return {p.id: p.price_cents for p in self._entry.products}

    def _products(self) -> list[ProductChoice]:
        if self._entry is None:
            return []
        mid = self.merchant.currentData()
        return [p for p in self._entry.products if p.merchant_id == mid]

    def _windows(self) -> list[WindowChoice]:
        if self._entry is None:
            return []
        mid = self.merchant.currentData()
        return [w for w in self._entry.windows if w.merchant_id == mid]

    def _apply_basket(self, basket: UsualBasket) -> None:
        self._lines = dict(basket.lines)
        self._past_total = basket.total_cents
        self._refill_lines()
        self._update()

    def _on_merchant_changed(self, *_a: object) -> None:
        mid = self.merchant.currentData()
        # Lines of another merchant cannot come along.
        products = {p.id for p in self._products()}
        self._lines = {p: q for p, q in self._lines.items() if p in products}
        basket = None
        if self._entry is not None:
            basket = next((b for b in self._entry.baskets if b.merchant_id == mid), None)
        self._past_total = basket.total_cents if basket is not None else 0
        self.basket_button.setEnabled(basket is not None)
        self.product.blockSignals(True)
        self.product.clear()
        for p in self._products():
            self.product.addItem(f"{p.code}  {p.name}  {money(p.price_cents)}/{p.unit}", p.id)
        self.product.setCurrentIndex(-1)
        self.product.blockSignals(False)
        self.window_combo.blockSignals(True)
        self.window_combo.clear()
        first_free = -1
        for i, w in enumerate(self._windows()):
            label = self._window_text(w)
            if w.full:
                text = self.tr("{window} — full").format(window=label)
            else:
                text = self.tr("{window} — {n} of {cap} left").format(
                    window=label, n=w.remaining, cap=w.capacity
                )
            self.window_combo.addItem(text, w.id)
            if w.full:
                item = self.window_combo.model().item(i)  # type: ignore[attr-defined]
                item.setEnabled(False)
            elif first_free < 0:
                first_free = i
        self.window_combo.setCurrentIndex(
            first_free if first_free >= 0 else self.window_combo.count() - 1
        )
        self.window_combo.blockSignals(False)
        self._fill_deliverers()
        self._refill_lines()
        self._on_window_changed()

    def _fill_deliverers(self) -> None:
        self.deliverer.blockSignals(True)
        self.deliverer.clear()
        entry = self._entry
        if entry is not None:
            mid = self.merchant.currentData()
            r = entry.resident
            for d in entry.deliverers:
                if d.kind == "staff" and d.merchant_id != mid:
                    continue
                self.deliverer.addItem(self._deliverer_text(d, r), (d.kind, d.id))
        self.deliverer.setCurrentIndex(0 if self.deliverer.count() else -1)
        self.deliverer.blockSignals(False)

    def _deliverer_text(self, d: DelivererChoice, r: ResidentChoice) -> str:
        kind = self.tr("staff") if d.kind == "staff" else self.tr("volunteer")
        familiar = (d.kind == "staff" and d.id == r.preferred_staff_id) or (
            d.kind == "volunteer" and d.id == r.preferred_volunteer_id
        )
        text = f"{d.name} ({kind})"
        if not familiar:
            return text
        known = self.tr("familiar")  # the one the resident knows (lupdate reads no f-string)
        return f"★ {text} — {known}"

    def _window_text(self, w: WindowChoice) -> str:
        """'09:00–11:00' today; '12-02 09:00–11:00' on another day."""
        label = window_label(w.starts, w.ends)
        today = self._entry.today if self._entry is not None else None
        return label if today is None or w.day == today else f"{w.day:%m-%d} {label}"

    def _on_window_changed(self, *_a: object) -> None:
        w = self._current_window()
        if w is None:
            if self._entry is not None and self.merchant.currentIndex() >= 0:
                self.window_label.setText(
                    self.tr("No ordering window open for this merchant in the coming days.")
                )
            else:
                self.window_label.setText("")
        elif w.full:
            self.window_label.setText(
                self.tr("Window {window} is full: choose another.").format(
                    window=self._window_text(w)
                )
            )
        else:
            self.window_label.setText(
                self.tr("{n} of {cap} places left in {window}.").format(
                    n=w.remaining, cap=w.capacity, window=self._window_text(w)
                )
            )
        self.window_label.setStyleSheet(BAD if w is not None and w.full else "")
        self._update()

    def _current_window(self) -> WindowChoice | None:
        wid = self.window_combo.currentData()
        return next((w for w in self._windows() if w.id == wid), None)

    def _on_channel_changed(self, *_a: object) -> None:
        self.family.setEnabled(CHANNELS[max(0, self.channel.currentIndex())] == "family")
        self._update()

    def _on_add_clicked(self) -> None:
        pid = self.product.currentData()
        if pid is None:
            text = self.product.currentText().strip().casefold()
            match = [
                p for p in self._products() if text and text in f"{p.code} {p.name}".casefold()
            ]
            if not match:
                return
            pid = match[0].id
        self.add_product(int(pid))
        self.product.setCurrentIndex(-1)
        self.product.setEditText("")

    def _refill_lines(self) -> None:
        prices = {p.id: p for p in (self._entry.products if self._entry else ())}
        self.lines.setRowCount(len(self._lines))
        for row, (pid, qty) in enumerate(self._lines.items()):
            p = prices.get(pid)
            cells = (
                p.name if p else str(pid),
                f"{qty} {p.unit if p else ''}",
                money(p.price_cents) if p else "",
                money(p.price_cents * qty) if p else "",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, pid)
                self.lines.setItem(row, col, item)
        self.total_label.setText(self.tr("Total: {total}").format(total=money(self.total_cents())))

    def _problem(self) -> str | None:
        if self._entry is None:
            return "resident"
        m = next((m for m in self._entry.merchants if m.id == self.merchant.currentData()), None)
        if m is None or m.refusal:
            return "merchant_closed"
        if not self._lines:
            return "lines"
        w = self._current_window()
        if w is None:
            return "window"
        if w.full:
            return "full"
        if self.deliverer.currentIndex() < 0:
            return "deliverer"
        channel = CHANNELS[max(0, self.channel.currentIndex())]
        if channel == "family" and not self.family.text().strip():
            return "family_member"
        if channel == "hotline" and self._call_id is None:
            return "call"
        return None

    def _update(self, *_a: object) -> None:
        problem = self._problem()
        self.submit_button.setEnabled(problem is None and not self._busy)
        if problem is not None and self._entry is not None:
            self.problem.setText(refusal_text(problem))
            self.problem.setStyleSheet(BAD)
            return
        warn = ""
        if self._entry is not None:
            dementia = "dementia" in self._entry.resident.flags
            past = [self._past_total] if self._past_total else []
            if confirm_reasons(self.total_cents(), past, dementia):
                warn = self.tr("This order will wait for a confirmation call.")
        self.problem.setText(warn)
        self.problem.setStyleSheet(WARN if warn else "")

    def _on_search_text_edited(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_timer_timeout(self) -> None:
        text = self.search.text().strip()
        if text:
            self.sig_search.emit(text)

    def _on_search_return_pressed(self) -> None:
        if self._search_timer.isActive():
            # Enter before the pause: search now; the first match is picked when it arrives.
            self._search_timer.stop()
            self._pick_first = True
            self._on_search_timer_timeout()
            return
        item = self.results.currentItem()
        if item is not None:
            self._on_results_item_activated(item)

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        self.sig_resident.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.ShortcutOverride:
            # Claim the keys this form uses, so that a window-wide shortcut elsewhere in the
            # console (Enter on some table) does not take them from the operator.
            if event.key() in _OWN_KEYS and not event.modifiers() & ~_KEYPAD:
                event.accept()
                return True
            return super().eventFilter(watched, event)
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched is self.search and key == Qt.Key.Key_Down and self.results.count():
            self.results.setFocus()
            return True
        if watched is self.window_combo and enter:
            self.deliverer.setFocus()
            return True
        if watched is self.deliverer and enter:
            self.submit()
            return True
        if watched is self.product and enter:
            self._on_add_clicked()
            return True
        if watched is self.lines and key in (
            Qt.Key.Key_Plus,
            Qt.Key.Key_Minus,
            Qt.Key.Key_Delete,
            Qt.Key.Key_Equal,
        ):
            row = self.lines.currentRow()
            item = self.lines.item(row, 0) if row >= 0 else None
            if item is not None:
                pid = int(item.data(Qt.ItemDataRole.UserRole))
                if key == Qt.Key.Key_Delete:
                    self.add_product(pid, -QUANTITY_MAX)
                else:
                    self.add_product(pid, -1 if key == Qt.Key.Key_Minus else 1)
                self.lines.setCurrentCell(min(row, self.lines.rowCount() - 1), 0)
            return True
        return super().eventFilter(watched, event)

    # --- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = (
            self.tr("&Resident"),
            self.tr("&Merchant"),
            self.tr("&Add"),
            self.tr("&Window"),
            self.tr("&Deliverer"),
            self.tr("&Channel"),
            self.tr("N&ote"),
        )
        buddies = (
            self.search,
            self.merchant,
            self.product,
            self.window_combo,
            self.deliverer,
            self.channel,
            self.note,
        )
        for label, text, buddy in zip(self._labels, texts, buddies, strict=False):
            label.setText(text)
            label.setBuddy(buddy)
        self.search.setPlaceholderText(self.tr("Name, phone or address (Alt+S)"))
        editor = self.product.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Product code or name, Enter adds"))
        self.family.setPlaceholderText(self.tr("Family member's name and relation"))
        self.basket_button.setText(self.tr("Usual basket (Alt+B)"))
        self.add_button.setText(self.tr("Add"))
        self.submit_button.setText(self.tr("Place order (Enter)"))
        self.lines.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Quantity"), self.tr("Price"), self.tr("Amount")]
        )
        index = self.channel.currentIndex()
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItems(
            [self.tr("At the station"), self.tr("Hotline call"), self.tr("Family member")]
        )
        self.channel.setCurrentIndex(max(0, index))
        self.channel.blockSignals(False)
        if self._entry is not None:
            self._render_entry(self.merchant.currentIndex())
        else:
            self.resident_label.setText(self.tr("Search a resident by name, phone or address."))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
