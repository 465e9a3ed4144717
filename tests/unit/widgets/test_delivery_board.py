"""The delivery board: filters by status, flag and text; the step buttons follow the selected
order's status; a failure asks for its reason and says when a welfare check will follow."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from core.orders import DeliveryRow, FailReason, Flag, OrderStatus
from widgets.delivery_board import ConfirmDialog, DeliveryBoard, FailDialog


def rows() -> list[DeliveryRow]:
    def row(i: int, st: OrderStatus, *flags: str) -> DeliveryRow:
        return DeliveryRow(i, f"王{i}", "C01", "超市", "09:00–11:00", st, "刘**", flags, 1000)

    return [
        row(1, OrderStatus.AWAITING_CONFIRMATION, Flag.CONFIRM),
        row(2, OrderStatus.ACCEPTED),
        row(3, OrderStatus.EN_ROUTE, Flag.LIVES_ALONE),
        row(4, OrderStatus.DELIVERED),
        row(5, OrderStatus.PICKED, Flag.LICENCE),
    ]


def test_filters_and_buttons_follow_the_orders(qtbot: QtBot) -> None:
    b = DeliveryBoard()
    qtbot.addWidget(b)
    b.set_rows(rows())
    assert b.proxy.rowCount() == 5
    assert b.counts.text().startswith("5 of 5 orders")
    b.status.setCurrentIndex(b.status.findData(OrderStatus.EN_ROUTE.value))
    assert b.proxy.rowCount() == 1
    b.status.setCurrentIndex(0)
    b.flag.setCurrentIndex(b.flag.findData(Flag.CONFIRM.value))
    assert b.proxy.rowCount() == 1
    b.flag.setCurrentIndex(0)
    b.text.setText("王3")
    assert b.proxy.rowCount() == 1
    b.text.clear()
    steps: list[tuple[int, str]] = []
    b.sig_step.connect(lambda i, s: steps.append((i, s)))
    b.select(2)
    assert b.step_button.isEnabled()
    assert not b.proof_button.isEnabled()
    b.step_button.click()
    assert steps == [(2, OrderStatus.PICKED.value)]
    b.select(5)  # the merchant closed: it does not go out
    assert not b.step_button.isEnabled()
    assert b.cancel_button.isEnabled()
    b.select(3)
    assert b.proof_button.isEnabled()
    assert not b.cancel_button.isEnabled()  # the goods have left the shop
    b.select(1)
    assert b.confirm_button.isEnabled()
    b.select(4)
    assert not b.fail_button.isEnabled()


def test_a_failure_for_someone_living_alone_warns_and_sends_its_reason(qtbot: QtBot) -> None:
    b = DeliveryBoard()
    qtbot.addWidget(b)
    b.set_rows(rows())
    failed: list[tuple[int, str, str]] = []
    b.sig_fail.connect(lambda i, r, n: failed.append((i, r, n)))
    b.select(3)
    b.fail_button.click()
    dlg = b.dialog
    assert isinstance(dlg, FailDialog)
    assert dlg.findChildren(type(b.counts))[-1].text().startswith("The resident lives alone")
    dlg.reason.setCurrentIndex(dlg.reason.findData(FailReason.NO_ANSWER_PHONE.value))
    dlg.note.setText("knocked twice")
    dlg.accept()
    assert failed == [(3, "no_answer_phone", "knocked twice")]
    confirmed: list[tuple[int, bool, str]] = []
    b.sig_confirm.connect(lambda i, ok, n: confirmed.append((i, ok, n)))
    b.select(1)
    b.confirm_button.click()
    cdlg = b.dialog
    assert isinstance(cdlg, ConfirmDialog)
    cdlg.note.setText("daughter confirmed")
    cdlg.yes.click()
    assert cdlg.result() == QDialog.DialogCode.Accepted
    assert confirmed == [(1, True, "daughter confirmed")]


def test_in_a_narrow_pane_the_filters_wrap_whole(qtbot: QtBot) -> None:
    b = DeliveryBoard()
    qtbot.addWidget(b)
    b.resize(520, 480)  # a docked pane in a 1600x900 window
    b.show()
    qtbot.waitExposed(b)
    b.set_rows(rows())  # the merchants' and flags' items come after the first show
    QApplication.processEvents()
    filters = [b.day, b.status, b.merchant, b.flag, b.text]
    for w in filters:
        assert w.width() >= w.sizeHint().width(), w  # "All merchants", not "All merch"
        assert w.geometry().right() < b.filter_bar.width()
    assert len({w.geometry().top() for w in filters}) >= 2  # wrapped onto a second row
    for x in filters:
        for y in filters:
            assert x is y or not x.geometry().intersects(y.geometry())
