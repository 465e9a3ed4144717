"""The order entry, keyboard first: a known resident's usual basket in five keys after the name,
the same draft on a second Enter, a full window said and refused, the familiar deliverer first."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from core.orders import (
    DelivererChoice,
    MerchantChoice,
    OrderDraft,
    OrderEntryData,
    ProductChoice,
    ResidentChoice,
    UsualBasket,
    WindowChoice,
)
from widgets.order_entry import OrderEntryWidget
from widgets.order_labels import merchant_closed_text

DAY = date(2026, 11, 26)
RESIDENT = ResidentChoice(7, "王**", "咸阳北路12号***", "138****5678", "C01", None, 31)


def entry_data(*, full_first: bool = False, dementia: bool = False) -> OrderEntryData:
    r = RESIDENT if not dementia else ResidentChoice(7, "王**", "", "", "C01", flags=("dementia",))
    return OrderEntryData(
        resident=r,
        merchants=(
            MerchantChoice(2, "已停业超市", "business licence expired on 2026-11-20", "B-C01-02"),
            MerchantChoice(1, "红旗便民超市", "", "B-C01-01"),
        ),
        windows=(
            WindowChoice(10, 1, DAY, time(9), time(11), 20, 20 if full_first else 3),
            WindowChoice(11, 1, DAY, time(15), time(17), 20, 19),
        ),
        products=(
            ProductChoice(100, 1, "RICE-5KG", "大米", "袋", 3580),
            ProductChoice(101, 1, "EGG-10", "鸡蛋", "盒", 1250),
            ProductChoice(102, 1, "MILK-1L", "牛奶", "盒", 1100),
        ),
        deliverers=(
            DelivererChoice("volunteer", 31, "孙**"),
            DelivererChoice("staff", 5, "刘**", 1),
            DelivererChoice("staff", 6, "陈**", 2),
        ),
        baskets=(UsualBasket(1, ((100, 1), (101, 2)), 6080),),
    )


def key(qtbot: QtBot, w: object, k: Qt.Key) -> None:
    qtbot.keyClick(w, k)  # type: ignore[arg-type]


def test_a_usual_basket_in_five_keys_after_the_name(qtbot: QtBot) -> None:
    w = OrderEntryWidget()
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    qtbot.waitUntil(w.isActiveWindow)
    searched: list[str] = []
    chosen: list[int] = []
    sent: list[OrderDraft] = []
    w.sig_search.connect(searched.append)
    w.sig_resident.connect(chosen.append)
    w.sig_submit.connect(sent.append)
    w.search.setFocus()
    # Typed through an input method (QTest types only ASCII): the text and its edit signal.
    w.search.setText("王")
    w.search.textEdited.emit("王")
    key(qtbot, w.search, Qt.Key.Key_Return)  # before the pause: search now, take the first
    assert searched == ["王"]
    w.set_results([RESIDENT])
    assert chosen == [7]
    w.set_entry(entry_data())
    # The closed merchant is listed but cannot be chosen; the open one is current.
    assert w.merchant.currentData() == 1
    qtbot.keyClick(w.focusWidget(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    d0 = w.draft()
    assert d0 is not None, w.problem_text()
    assert dict(d0.lines) == {100: 1, 101: 2}
    assert "17 of 20 left" in w.window_combo.currentText()
    assert w.window_combo.hasFocus()
    key(qtbot, w.window_combo, Qt.Key.Key_Return)
    assert w.deliverer.hasFocus()
    assert w.deliverer.currentText().startswith("★ 孙**")  # the familiar person first
    key(qtbot, w.deliverer, Qt.Key.Key_Return)
    assert len(sent) == 1
    d = sent[0]
    assert (d.resident_id, d.merchant_id, d.window_id) == (7, 1, 10)
    assert (d.deliverer_volunteer_id, d.deliverer_staff_id) == (31, None)
    assert w.total_cents() == 3580 + 2 * 1250
    # Enter again before the presenter cleared: the same draft, the same id.
    key(qtbot, w.deliverer, Qt.Key.Key_Return)
    assert sent[1] == d
    w.clear()
    w.set_entry(entry_data())
    qtbot.keyClick(w, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert w.draft() is not None
    assert w.draft().client_uuid != d.client_uuid  # type: ignore[union-attr]


def test_a_full_window_says_so_and_cannot_be_chosen(qtbot: QtBot) -> None:
    w = OrderEntryWidget()
    qtbot.addWidget(w)
    w.set_entry(entry_data(full_first=True))
    assert w.window_combo.currentData() == 11  # the first with room
    w.window_combo.setCurrentIndex(0)  # forced, as a stale screen might
    assert "full" in w.window_combo.currentText()
    w.add_product(100)
    assert "is full" in w.window_label.text()
    assert not w.submit_button.isEnabled()
    assert w.draft() is None
    assert w.problem_text() == "The window is full"


def test_quantities_by_keys_and_the_confirmation_warning(qtbot: QtBot) -> None:
    w = OrderEntryWidget()
    qtbot.addWidget(w)
    w.show()
    w.set_entry(entry_data(dementia=True))
    w.product.setFocus()
    qtbot.keyClicks(w.product.lineEdit(), "milk")
    key(qtbot, w.product, Qt.Key.Key_Return)
    assert w.draft() is not None
    assert w.draft().lines == ((102, 1),)  # type: ignore[union-attr]
    w.lines.setFocus()
    w.lines.setCurrentCell(0, 0)
    key(qtbot, w.lines, Qt.Key.Key_Plus)
    key(qtbot, w.lines, Qt.Key.Key_Plus)
    assert w.draft().lines == ((102, 3),)  # type: ignore[union-attr]
    assert "confirmation call" in w.problem_text()
    key(qtbot, w.lines, Qt.Key.Key_Delete)
    assert w.draft() is None
    assert w.problem_text() == "The basket is empty"


def test_a_hotline_order_needs_its_call_and_a_family_order_a_name(qtbot: QtBot) -> None:
    w = OrderEntryWidget()
    qtbot.addWidget(w)
    w.set_entry(entry_data())
    w.add_product(101)
    w.channel.setCurrentIndex(1)
    assert w.draft() is None
    w.set_call(55)
    assert w.draft() is not None
    assert w.draft().call_id == 55  # type: ignore[union-attr]
    w.channel.setCurrentIndex(2)
    assert w.draft() is None
    w.family.setText("女儿 王小红")
    w.family.textEdited.emit("女儿 王小红")
    assert w.draft().family_member == "女儿 王小红"  # type: ignore[union-attr]


def test_merchants_are_told_apart_by_code_and_a_closed_one_says_why_in_the_ui_language(
    qtbot: QtBot,
) -> None:
    # Two shops of a chain read "幸福五金店" twice; "— takes no orders" and "— familiar" stayed
    # English in the Chinese form, and the reason was not given.
    w = OrderEntryWidget()
    qtbot.addWidget(w)
    w.set_entry(entry_data())
    texts = [w.merchant.itemText(i) for i in range(w.merchant.count())]
    assert texts == [
        "已停业超市 · B-C01-02 — business licence expired on 2026-11-20",
        "红旗便民超市 · B-C01-01",
    ]


def test_a_merchants_closing_reason_is_put_in_words() -> None:
    assert merchant_closed_text("merchant suspended: 卫生检查不合格") == "suspended: 卫生检查不合格"
    assert merchant_closed_text("merchant exited") == "left the scheme"
    assert (
        merchant_closed_text("food business licence expired on 2026-11-01")
        == "food licence expired on 2026-11-01"
    )
    assert merchant_closed_text("something new") == "takes no orders"


def test_the_licence_sweeps_reason_is_put_in_words_too(lang: Translations) -> None:
    # Suspended by the licence sweep, whose reason is its own English text: it stayed English
    # in the Chinese UI ("已暂停: business licence expired on …").
    lang.switch("zh_CN")
    text = merchant_closed_text("merchant suspended: business licence expired on 2026-11-30")
    assert text == "已暂停：营业执照已于 2026-11-30 到期"


def test_clearing_for_the_next_resident_drops_the_windows_places(qtbot: QtBot) -> None:
    w = OrderEntryWidget()
    qtbot.addWidget(w)
    w.set_entry(entry_data())
    w.merchant.setCurrentIndex(w.merchant.findData(1))
    assert w.window_label.text() != ""
    w.clear()  # the order was placed
    assert w.window_label.text() == ""


def test_the_basket_keeps_three_rows_in_sight_in_a_short_pane(qtbot: QtBot) -> None:
    # In a short dock the basket shrank to its header and Enter placed an order unseen.
    w = OrderEntryWidget()
    qtbot.addWidget(w)
    w.set_entry(entry_data())
    w.resize(700, 200)
    w.show()
    qtbot.waitExposed(w)
    rows = w.lines.verticalHeader().defaultSectionSize()
    assert w.lines.height() >= w.lines.horizontalHeader().height() + 3 * rows
