"""Ordering windows of a day: each merchant's windows with capacity and places taken; open one,
or copy the day's windows to the following days."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time

from PySide6.QtCore import QDate, QEvent, QObject, QTime, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from core.orders import MerchantChoice, WindowChoice, window_label
from widgets.order_labels import merchant_choice_text
from widgets.table_model import Column, RowTableModel

FULL_TEXT = QColor("#ff9f94")


class WindowsModel(RowTableModel[WindowChoice, int]):
    """One row per window."""

    def __init__(self, parent: QObject | None = None):
        self.names: dict[int, str] = {}
        super().__init__(
            [
                Column(
                    "merchant",
                    lambda: self.tr("Merchant"),
                    lambda w: self.names.get(w.merchant_id, str(w.merchant_id)),
                ),
                Column(
                    "window", lambda: self.tr("Window"), lambda w: window_label(w.starts, w.ends)
                ),
                Column("capacity", lambda: self.tr("Capacity"), lambda w: str(w.capacity)),
                Column("taken", lambda: self.tr("Taken"), lambda w: str(w.taken)),
                Column(
                    "left",
                    lambda: self.tr("Left"),
                    lambda w: self.tr("full") if w.full else str(w.remaining),
                    foreground=lambda w: QBrush(FULL_TEXT) if w.full else None,
                ),
            ],
            key=lambda w: w.id,
            parent=parent,
        )


class OrderWindowsEditor(QWidget):
    """The day's windows; `sig_open` and `sig_copy` ask the presenter to write."""

    sig_day = Signal(object)  # date
    sig_open = Signal(int, object, object, object, int)  # merchant, day, start, end, capacity
    sig_copy = Signal(object, int)  # day, days

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = WindowsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.merchant = QComboBox()
        self.starts = QTimeEdit(QTime(9, 0))
        self.ends = QTimeEdit(QTime(11, 0))
        for t in (self.starts, self.ends):
            t.setDisplayFormat("HH:mm")
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 500)
        self.capacity.setValue(20)
        self.open_button = QPushButton()
        self.copy_days = QSpinBox()
        self.copy_days.setRange(1, 31)
        self.copy_days.setValue(7)
        self.copy_button = QPushButton()
        self._day_label = QLabel()
        self._cap_label = QLabel()
        self._days_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self._day_label)
        top.addWidget(self.day)
        top.addStretch(1)
        top.addWidget(self._days_label)
        top.addWidget(self.copy_days)
        top.addWidget(self.copy_button)
        form = QHBoxLayout()
        form.addWidget(self.merchant, 1)
        form.addWidget(self.starts)
        form.addWidget(QLabel("–"))
        form.addWidget(self.ends)
        form.addWidget(self._cap_label)
        form.addWidget(self.capacity)
        form.addWidget(self.open_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.view, 1)
        box.addLayout(form)
        self.day.dateChanged.connect(self._on_day_changed)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.retranslate()

    def set_day(self, day: date) -> None:
        self.day.blockSignals(True)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.day.blockSignals(False)

    def chosen_day(self) -> date:
        d = self.day.date()
        return date(d.year(), d.month(), d.day())

    def set_plan(
        self, merchants: Sequence[MerchantChoice], windows: Sequence[WindowChoice]
    ) -> None:
        self.model.names = {m.id: m.name for m in merchants}
        current = self.merchant.currentData()
        self.merchant.clear()
        for m in merchants:
            label = merchant_choice_text(m.name, m.code, m.refusal)
            self.merchant.addItem(label, m.id)
        index = self.merchant.findData(current)
        self.merchant.setCurrentIndex(max(0, index))
        self.model.set_rows(windows)
        self.model.refresh_column("merchant")

    def set_can_edit(self, allowed: bool) -> None:
        for w in (self.open_button, self.copy_button, self.copy_days, self.capacity):
            w.setEnabled(allowed)

    def _on_day_changed(self, *_a: object) -> None:
        self.sig_day.emit(self.chosen_day())

    def _on_open_clicked(self) -> None:
        mid = self.merchant.currentData()
        if mid is None:
            return
        s, e = self.starts.time(), self.ends.time()
        self.sig_open.emit(
            int(mid),
            self.chosen_day(),
            time(s.hour(), s.minute()),
            time(e.hour(), e.minute()),
            self.capacity.value(),
        )

    def _on_copy_clicked(self) -> None:
        self.sig_copy.emit(self.chosen_day(), self.copy_days.value())

    def retranslate(self) -> None:
        self._day_label.setText(self.tr("Day"))
        self._cap_label.setText(self.tr("Capacity"))
        self._days_label.setText(self.tr("Copy to the next (days)"))
        self.open_button.setText(self.tr("Open window"))
        self.copy_button.setText(self.tr("Copy this day's windows"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
