"""The Merchants pane's widgets fed plain rows: empty states, the alerts filter, buttons that
follow status and rights, stale details dropped, the catalogue's flags, and the price dialog's
discount check as it is typed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from pytestqt.qtbot import QtBot

from core.merchants import (
    ComplaintRow,
    ComplaintState,
    LicenceState,
    MerchantDetail,
    MerchantRow,
    MerchantStatus,
    ProductKind,
    ProductRow,
    StatusEventRow,
)
from widgets.merchant_dialogs import PriceDialog, ReasonDialog
from widgets.merchants import CatalogueTab, MerchantsTab, reason_text

TODAY = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 2, tzinfo=UTC)


def _merchant(mid: int, **changes: object) -> MerchantRow:
    row = MerchantRow(
        id=mid,
        business_id=mid,
        code=f"B-C01-{mid:02d}",
        name=f"幸福便利店{mid}",
        community="C01",
        status=MerchantStatus.ACTIVE,
        status_reason="",
        licence_no="91X",
        licence_expires=TODAY + timedelta(days=200),
        licence_state=LicenceState.VALID,
        food_licence_no="JY1",
        food_licence_expires=TODAY + timedelta(days=300),
        food_licence_state=LicenceState.VALID,
        certified_on=TODAY - timedelta(days=100),
        staff=3,
        staff_cert_alerts=0,
        last_score=88,
        open_complaints=0,
        overdue_complaints=0,
        complaints=2,
        orders=400,
        per_thousand=5.0,
    )
    return replace(row, **changes)  # type: ignore[arg-type]


def _product(pid: int, price: int, reference: int | None, **changes: object) -> ProductRow:
    row = ProductRow(
        id=pid,
        merchant_id=1,
        merchant="幸福便利店",
        merchant_code="B-C01-01",
        community="C01",
        code=f"CODE-{pid}",
        name=f"商品{pid}",
        kind=ProductKind.GOODS,
        unit="袋",
        price_cents=price,
        reference_cents=reference,
        active=True,
    )
    return replace(row, **changes)  # type: ignore[arg-type]


def test_merchants_tab_empty_state_alerts_and_buttons(qtbot: QtBot) -> None:
    tab = MerchantsTab()
    qtbot.addWidget(tab)
    assert tab.stack.currentWidget() is tab.empty
    assert tab.empty.title() == "No certified merchants"
    expiring = _merchant(2, licence_state=LicenceState.EXPIRING)
    suspended = _merchant(3, status=MerchantStatus.SUSPENDED, status_reason="卫生不合格")
    tab.set_merchants([_merchant(1), expiring, suspended])
    assert tab.stack.currentWidget() is tab.table
    assert tab.summary.text() == "3 merchants, 1 needing attention"
    tab.alerts_only.setChecked(True)
    tab.set_merchants([_merchant(1), expiring, suspended])
    assert [r.id for r in tab.model.rows()] == [2, 3]  # the fine one is left out
    # Without the right nothing can be changed; with it, steps follow the status.
    tab.select(2)
    assert not tab.suspend.isEnabled()
    assert not tab.certify.isEnabled()
    tab.can_manage = True
    tab.update_buttons()
    assert tab.suspend.isEnabled()
    assert not tab.reinstate.isEnabled()
    tab.select(3)
    assert tab.reinstate.isEnabled()
    assert not tab.suspend.isEnabled()
    assert tab.model.data(tab.model.index(1, tab.model.column_index("rate"))) == "5.0 (2 of 400)"


def test_a_stale_detail_is_dropped_and_the_trail_is_shown(qtbot: QtBot) -> None:
    tab = MerchantsTab(zone="UTC")
    qtbot.addWidget(tab)
    tab.can_manage = True
    tab.set_merchants([_merchant(1), _merchant(2)])
    tab.select(1)
    late = MerchantDetail(_merchant(2), [], [], [], [])
    tab.show_detail(late)  # an answer for a merchant no longer selected
    assert tab.trail.count() == 0
    due = NOW + timedelta(hours=3)
    complaint = ComplaintRow(7, "price", "太贵", NOW, due, None, "", ComplaintState.OPEN)
    trail = [
        StatusEventRow(
            NOW, "active", "suspended", "business licence expired on 2026-11-28", "system"
        ),
        StatusEventRow(NOW - timedelta(days=9), "", "active", "certified", "seed"),
    ]
    tab.show_detail(MerchantDetail(_merchant(1), [], [], [complaint], trail))
    assert tab.trail.count() == 2
    assert "Active → Suspended" in tab.trail.item(0).text()
    assert "Business licence expired on 2026-11-28" in tab.trail.item(0).text()
    assert not tab.resolve.isEnabled()  # no complaint selected yet
    tab.complaints_table.selectRow(0)
    assert tab.resolve.isEnabled()
    assert reason_text("卫生不合格") == "卫生不合格"  # a person's words stay as typed


def test_catalogue_flags_and_filters(qtbot: QtBot) -> None:
    tab = CatalogueTab()
    qtbot.addWidget(tab)
    assert tab.stack.currentWidget() is tab.empty
    rows = [
        _product(1, 900, 1000),  # 10 %
        _product(2, 990, 1000),  # 1 %: too little off
        _product(3, 700, 1000),  # 30 %: too much off
        _product(4, 500, None),  # no reference
        _product(5, 100, 1000, active=False),  # withdrawn: not counted
    ]
    tab.set_products(rows)
    assert tab.summary.text() == "5 products, 2 outside 5–20 % below the reference"
    col = tab.model.column_index("check")
    checks = [tab.model.data(tab.model.index(i, col)) for i in range(5)]
    assert checks == [
        "Within 5–20 %",
        "Under 5 % off",
        "Over 20 % off",
        "No reference",
        "Withdrawn",
    ]
    disc = tab.model.column_index("discount")
    assert tab.model.data(tab.model.index(0, disc)) == "10.0 %"
    tab.flagged_only.setChecked(True)
    assert [r.id for r in tab.model.rows()] == [2, 3]
    tab.kind.setCurrentIndex(tab.kind.findData("service"))
    assert tab.stack.currentWidget() is tab.empty


def test_the_price_dialog_checks_the_discount_as_typed(qtbot: QtBot) -> None:
    dlg = PriceDialog("大米 5kg", 3000, 3200)
    qtbot.addWidget(dlg)
    dlg.price.setText("28.80")
    assert dlg.check.text() == "Reference ¥32.00: 10.0 % below — Within 5–20 %"
    dlg.price.setText("25.50")
    assert dlg.check.text() == "Reference ¥32.00: 20.3 % below — Over 20 % off"
    dlg.price.setText("31")
    assert dlg.check.text().endswith("Under 5 % off")
    dlg.price.setText("abc")
    dlg._on_ok()
    assert dlg.result() == 0
    assert "two decimals" in dlg.error.text()
    dlg.price.setText("30.40")
    dlg._on_ok()
    assert dlg.result() == 1
    assert dlg.cents() == 3040


def test_a_reason_is_needed(qtbot: QtBot) -> None:
    dlg = ReasonDialog("Suspend", "Why?", [])
    qtbot.addWidget(dlg)
    dlg._on_ok()
    assert dlg.error.text() == "A reason is needed."
    dlg.presets.setCurrentText("抽检不合格")
    dlg._on_ok()
    assert dlg.reason() == "抽检不合格"
    assert dlg.result() == 1
