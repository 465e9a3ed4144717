"""The Certificates and Time bank tabs wired: a station's request is listed for seven days, then
a supervisor issues it (numbered, rendered, archived) and saves the archived PDF with the whole
identity number; approved hours are deposited in the time bank; signing out clears the tabs."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from console.app import ConsoleApp
from console.presenters.certificates import CertificatesPresenter
from core.certificates import CertificateRow, CertificateStatus, parse_number
from core.timebank import AccountKind
from core.timefmt import local, utcnow
from data.fieldcrypt import load_field_keys
from data.models import Certificate
from tests.helpers.consoles import MakeConsole, SeededSite, audit_details, fake_dialogs, sign_in
from tests.helpers.postgres import as_owner
from tests.unit.data.services.test_certificates import ID_NUMBER, add_attendance, add_volunteer
from widgets.certificates import CertificateRequestDialog


def certificates_of(app: ConsoleApp) -> CertificatesPresenter:
    p = app.presenter("certificates")
    assert isinstance(p, CertificatesPresenter)
    return p


def test_request_list_issue_archive_and_deposit(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    assert seeded.keys is not None
    keys = load_field_keys(seeded.keys)
    vid = add_volunteer(seeded.db, keys, "陈静", utcnow())
    worked = utcnow() - timedelta(days=3)
    add_attendance(seeded.db, vid, worked, 150)
    add_attendance(seeded.db, vid, worked - timedelta(days=1), 45, status="recorded")
    app = make_console(language="en")
    app.start()
    sign_in(qtbot, app, seeded, "supervisor")
    cp = certificates_of(app)
    tab = cp.certificates
    qtbot.waitUntil(lambda: bool(tab._volunteers), timeout=10_000)
    assert tab.request_button.isEnabled()
    qtbot.mouseClick(tab.request_button, Qt.MouseButton.LeftButton)
    dlg = tab.dialog
    assert isinstance(dlg, CertificateRequestDialog)
    dlg.volunteer.setCurrentIndex(dlg.volunteer.findData(vid))
    day = local(worked, "Asia/Shanghai").date()
    dlg.first.setDate(QDate(day.year, day.month, 1))
    dlg.accept()
    # The demo site lists certificates of its own: this volunteer's row is looked at.

    def mine() -> CertificateRow | None:
        return next((r for r in tab.model.rows() if r.volunteer_id == vid), None)

    qtbot.waitUntil(lambda: mine() is not None, timeout=10_000)
    row = mine()
    assert row is not None
    assert row.status is CertificateStatus.LISTED
    assert row.minutes == 150  # the recorded, unapproved 45 minutes do not count
    assert tab.model.status_text(row) == "Listed, 7 days left"
    tab.select(row.id)
    assert tab.object_button.isEnabled()
    assert not tab.issue_button.isEnabled()
    # The public week passes.
    with as_owner(seeded.db) as owner, owner.session() as s:
        s.execute(
            update(Certificate)
            .where(Certificate.id == row.id)
            .values(listed_until=utcnow() - timedelta(minutes=1))
        )
    cp.reload()
    qtbot.waitUntil(lambda: tab.model.status_text(mine() or row) == "Ready to issue")
    tab.select(row.id)
    qtbot.waitUntil(tab.issue_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(tab.issue_button, Qt.MouseButton.LeftButton)  # confirmed by FakeDialogs
    # The question says whose certificate, for which days and how many hours.
    asked = fake_dialogs(app).questions[-1].text
    assert f"{row.first_day.isoformat()} to {row.last_day.isoformat()}" in asked
    assert f"{row.minutes / 60:.1f} h" in asked
    qtbot.waitUntil(lambda: (mine() or row).status is CertificateStatus.ISSUED, timeout=20_000)
    number = (mine() or row).number
    year = parse_number(number)[1]
    assert cp.ctx.services.certificates.sequence_gaps(cp.who, year) == []
    target = tmp_path / "certificate.pdf"
    cp.save_pdf(row.id, target)
    qtbot.waitUntil(target.exists, timeout=20_000)
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert number in text
    assert ID_NUMBER in text  # the issued paper carries the whole number
    assert "陈静" in text
    assert "2.5 hours" in text
    assert "Certificate of Volunteer Service" in text
    assert any(number in d for d in audit_details(seeded.db, "certificate_exported"))
    # The time bank: the approved hours deposited once.
    bank = cp.timebank
    bank.volunteer.setCurrentIndex(bank.volunteer.findData(vid))
    qtbot.waitUntil(bank.deposit_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(bank.deposit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            a.kind is AccountKind.VOLUNTEER and a.holder_id == vid and a.balance == 150
            for a in bank.accounts.rows()
        ),
        timeout=10_000,
    )
    app.session.sign_out()
    assert len(tab.model) == 0
    assert len(bank.accounts) == 0
