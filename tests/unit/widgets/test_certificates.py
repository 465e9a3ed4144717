"""The Certificates and Time bank widgets with pytest-qt: where each certificate stands, which
steps are open, the dialogs' plain values out, the report's months and totals."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from core.certificates import CertificateRow, CertificateStatus, HoursReport, HoursRow
from core.timebank import AccountKind, AccountRow, LedgerLine, Relation, TxnKind
from widgets.certificates import CertificateRequestDialog, CertificatesWidget, ReasonDialog
from widgets.timebank import SpendDialog, TimebankWidget, TransferDialog

NOW = datetime(2026, 7, 10, 2, 0, tzinfo=UTC)


def cert(cid: int, **kw: object) -> CertificateRow:
    fields: dict[str, object] = {
        "id": cid,
        "number": "",
        "status": CertificateStatus.LISTED,
        "volunteer_id": 10 + cid,
        "volunteer": "张*",
        "id_number": "1201**********1234",
        "community": "C01",
        "first_day": date(2026, 6, 1),
        "last_day": date(2026, 6, 30),
        "minutes": 95,
        "content": "送餐上门",
        "listed_at": NOW - timedelta(days=2),
        "listed_until": NOW + timedelta(days=5),
    }
    fields.update(kw)
    return CertificateRow(**fields)  # type: ignore[arg-type]


def rows() -> list[CertificateRow]:
    return [
        cert(1),
        cert(2, listed_until=NOW - timedelta(hours=1)),
        cert(3, listed_until=NOW - timedelta(hours=1), objection="不属实"),
        cert(4, number="ZYFW-2026-00001", status=CertificateStatus.ISSUED, issued_at=NOW),
        cert(5, number="ZYFW-2026-00002", status=CertificateStatus.WITHDRAWN, issued_at=NOW),
    ]


def test_each_certificate_says_where_it_stands_and_which_steps_are_open(qtbot: QtBot) -> None:
    w = CertificatesWidget()
    qtbot.addWidget(w)
    w.set_rights(request=True, issue=True, reveal=False)
    w.set_certificates(rows(), NOW)
    texts = [w.model.status_text(r) for r in w.model.rows()]
    assert texts == [
        "Listed, 5 days left",
        "Ready to issue",
        "Objection raised",
        "Issued",
        "Withdrawn",
    ]
    assert w.count.text() == "5 certificates"
    expected = {  # (issue, withdraw, object, pdf)
        1: (False, True, True, False),
        2: (True, True, False, False),
        3: (False, True, False, False),
        4: (False, True, False, True),
        5: (False, False, False, True),
    }
    for cid, (issue, withdraw, objection, pdf) in expected.items():
        w.select(cid)
        got = (
            w.issue_button.isEnabled(),
            w.withdraw_button.isEnabled(),
            w.object_button.isEnabled(),
            w.pdf_button.isEnabled(),
        )
        assert got == (issue, withdraw, objection, pdf), cid
    with qtbot.waitSignal(w.sig_issue) as issued:
        w.select(2)
        qtbot.mouseClick(w.issue_button, Qt.MouseButton.LeftButton)
    assert issued.args == [2]
    with qtbot.waitSignal(w.sig_save_copy) as copy:  # no personal-data rights: a masked copy
        w.select(4)
        qtbot.mouseClick(w.pdf_button, Qt.MouseButton.LeftButton)
    assert copy.args == [4]
    w.set_rights(request=False, issue=False, reveal=True)
    w.select(2)
    assert not w.issue_button.isEnabled()
    assert not w.request_button.isEnabled()
    with qtbot.waitSignal(w.sig_save_pdf):
        w.select(4)
        qtbot.mouseClick(w.pdf_button, Qt.MouseButton.LeftButton)


def test_the_dialogs_give_plain_values(qtbot: QtBot) -> None:
    w = CertificatesWidget()
    qtbot.addWidget(w)
    w.set_rights(request=True, issue=True, reveal=True)
    w.set_volunteers([(7, "王五 · C01 · #7"), (9, "赵六 · C02 · #9")])
    w.set_certificates(rows(), NOW)
    w.open_request()
    dlg = w.dialog
    assert isinstance(dlg, CertificateRequestDialog)
    dlg.volunteer.setCurrentIndex(1)
    dlg.first.setDate(QDate(2026, 6, 1))
    dlg.last.setDate(QDate(2026, 6, 30))
    dlg.content.setPlainText("助老服务")
    with qtbot.waitSignal(w.sig_request) as req:
        dlg.accept()
    assert req.args == [9, date(2026, 6, 1), date(2026, 6, 30), "助老服务"]
    w.select(4)
    w.open_withdraw()
    reason = w.dialog
    assert isinstance(reason, ReasonDialog)
    assert not reason.ok.isEnabled()  # a reason is needed
    reason.text.setPlainText("记录不实")
    with qtbot.waitSignal(w.sig_withdraw) as wd:
        reason.accept()
    assert wd.args == [4, "记录不实"]
    w.clear()
    assert len(w.model) == 0
    assert w.dialog is None


def test_the_report_shows_hours_per_month_and_the_total(qtbot: QtBot) -> None:
    w = CertificatesWidget()
    qtbot.addWidget(w)
    report = HoursReport(
        2026,
        [
            HoursRow(1, "王五", "C01", (60, 30) + (0,) * 10),
            HoursRow(2, "赵六", "C02", (0,) * 11 + (95,)),
        ],
    )
    w.set_report(report)
    m = w.hours
    assert m.rowCount() == 2
    assert m.columnCount() == 15
    assert m.data(m.index(0, 2)) == "1.0"
    assert m.data(m.index(0, 3)) == "0.5"
    assert m.data(m.index(0, 4)) == ""
    assert m.data(m.index(1, 14)) == "1.6"
    assert w.totals.text() == "2 volunteers, 3.1 hours"


def test_the_time_bank_tab_shows_balances_and_asks_for_plain_steps(qtbot: QtBot) -> None:
    w = TimebankWidget()
    qtbot.addWidget(w)
    w.set_rights(deposit=True, move=True)
    w.set_volunteers([(7, "王五 · C01 · #7")])
    accounts = [
        AccountRow(1, AccountKind.COMMUNITY, None, "C01", "C01", -120),
        AccountRow(2, AccountKind.VOLUNTEER, 7, "王五", "C01", 75),
        AccountRow(3, AccountKind.RESIDENT, 40, "李老太", "C01", 45),
    ]
    w.set_accounts(accounts)
    m = w.accounts
    assert [m.data(m.index(i, 3)) for i in range(3)] == ["−2.0", "1.3", "0.8"]
    with qtbot.waitSignal(w.sig_account_selected) as chosen:
        w.select(3)
    assert chosen.args == [3]
    w.set_statement(3, [LedgerLine(5, NOW, TxnKind.TRANSFER, 45, "王五", "给母亲")])
    assert w.statement.data(w.statement.index(0, 2)) == "+0.8"
    assert w.spend_button.isEnabled()
    w.select(1)
    assert not w.spend_button.isEnabled()  # the community's pool does not spend
    with qtbot.waitSignal(w.sig_deposit) as dep:
        qtbot.mouseClick(w.deposit_button, Qt.MouseButton.LeftButton)
    assert dep.args == [7]
    w.open_transfer()
    t = w.dialog
    assert isinstance(t, TransferDialog)
    assert not t.ok.isEnabled()  # a resident is needed
    t.resident.setValue(40)
    t.minutes.setValue(30)
    t.relation.setCurrentIndex(t.relation.findData(Relation.GRANDPARENT.value))
    with qtbot.waitSignal(w.sig_transfer) as tr:
        t.accept()
    assert tr.args == [7, 40, 30, Relation.GRANDPARENT, ""]
    w.select(3)
    w.open_spend()
    sp = w.dialog
    assert isinstance(sp, SpendDialog)
    assert sp.minutes.maximum() == 45  # no more than the balance
    sp.minutes.setValue(40)
    sp.service.setText("助浴")
    with qtbot.waitSignal(w.sig_spend) as spent:
        sp.accept()
    assert spent.args == [3, 40, "助浴"]
