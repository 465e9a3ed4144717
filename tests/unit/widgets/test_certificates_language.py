"""The Certificates and Time bank tabs follow a live language switch: labels, buttons, the
status filter (its choice kept), the count and totals lines, the tables' titles."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.i18n import Translations
from core.certificates import CertificateRow, CertificateStatus, HoursReport, HoursRow
from core.timebank import AccountKind, AccountRow
from widgets.certificates import CertificatesWidget
from widgets.timebank import TimebankWidget

NOW = datetime(2026, 7, 10, 2, 0, tzinfo=UTC)


def cert(cid: int) -> CertificateRow:
    return CertificateRow(
        id=cid,
        number="",
        status=CertificateStatus.LISTED,
        volunteer_id=10 + cid,
        volunteer="张*",
        id_number="1201**********1234",
        community="C01",
        first_day=date(2026, 6, 1),
        last_day=date(2026, 6, 30),
        minutes=95,
        content="送餐上门",
        listed_at=NOW - timedelta(days=2),
        listed_until=NOW + timedelta(days=5),
    )


def header(model: object, section: int) -> str:
    return str(model.headerData(section, Qt.Orientation.Horizontal))  # type: ignore[attr-defined]


def certificate_texts(w: CertificatesWidget) -> list[str]:
    return [
        w.status_label.text(),
        *(w.status.itemText(i) for i in range(w.status.count())),
        w.request_button.text(),
        w.object_button.text(),
        w.issue_button.text(),
        w.withdraw_button.text(),
        w.pdf_button.text(),
        w.year_label.text(),
        w.count.text(),
        w.totals.text(),
    ]


def test_the_certificates_tab_follows_a_change_of_language(
    qtbot: QtBot, lang: Translations
) -> None:
    w = CertificatesWidget()
    qtbot.addWidget(w)
    w.set_certificates([cert(1), cert(2)], NOW)
    w.set_report(HoursReport(2026, [HoursRow(1, "王五", "C01", (60, 30) + (0,) * 10)]))
    w.status.setCurrentIndex(w.status.findData(CertificateStatus.ISSUED.value))
    english = [
        "Status",
        "All",
        "Listed",
        "Issued",
        "Withdrawn",
        "Request…",
        "Object…",
        "Issue",
        "Withdraw…",
        "Save PDF…",
        "Approved hours in",
        "2 certificates",
        "1 volunteers, 1.5 hours",
    ]
    assert certificate_texts(w) == english
    with qtbot.assertNotEmitted(w.sig_filters_changed):
        lang.switch("zh_CN")
        qtbot.waitUntil(lambda: w.status_label.text() == "状态")
    assert certificate_texts(w) == [
        "状态",
        "全部",
        "公示中",
        "已出具",
        "已撤销",
        "申请…",
        "异议…",
        "出具",
        "撤销…",
        "保存 PDF…",
        "年度已审核时长",
        "共 2 份证明",
        "1 名志愿者，1.5 小时",
    ]
    assert w.status_filter() is CertificateStatus.ISSUED  # the choice kept
    assert header(w.model, w.model.column_index("status")) == "状态"
    assert header(w.hours, w.hours.column_index("total")) != "Total hours"
    assert w.model.data(w.model.index(0, w.model.column_index("status"))).startswith("公示中")
    # And back.
    lang.switch("en")
    qtbot.waitUntil(lambda: w.status_label.text() == "Status")
    assert certificate_texts(w) == english
    assert w.status_filter() is CertificateStatus.ISSUED
    assert header(w.model, w.model.column_index("status")) == "Status"
    assert header(w.hours, w.hours.column_index("total")) == "Total hours"


def test_a_cleared_certificates_tab_stays_without_counts_after_a_switch(
    qtbot: QtBot, lang: Translations
) -> None:
    w = CertificatesWidget()
    qtbot.addWidget(w)
    w.set_certificates([cert(1)], NOW)
    w.clear()
    lang.switch("zh_CN")
    qtbot.waitUntil(lambda: w.status_label.text() == "状态")
    assert w.count.text() == ""
    assert w.totals.text() == ""


def test_the_time_bank_tab_follows_a_change_of_language(qtbot: QtBot, lang: Translations) -> None:
    w = TimebankWidget()
    qtbot.addWidget(w)
    w.set_accounts([AccountRow(2, AccountKind.VOLUNTEER, 7, "王五", "C01", 75)])
    w.select(2)

    def texts() -> list[str]:
        return [
            w.volunteer_label.text(),
            w.deposit_button.text(),
            w.transfer_button.text(),
            w.spend_button.text(),
            w.balance.text(),
            header(w.accounts, 0),
            header(w.statement, 1),
        ]

    english = [
        "Volunteer",
        "Deposit approved hours",
        "Give to a relative…",
        "Spend…",
        "王五: 1.3 hours",
        "Account",
        "Transaction",
    ]
    assert texts() == english
    lang.switch("zh_CN")
    qtbot.waitUntil(lambda: w.deposit_button.text() == "存入已审核时长")
    got = texts()
    assert got[:5] == ["志愿者", "存入已审核时长", "转赠亲属…", "使用…", "王五：1.3 小时"]
    assert got[5] != "Account"
    assert got[6] != "Transaction"
    lang.switch("en")
    qtbot.waitUntil(lambda: w.deposit_button.text() == "Deposit approved hours")
    assert texts() == english
