"""Consent and a resident's rights in the wired console's card: record, withdraw, export."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import ConsoleApp
from core.audit import AuditAction
from core.consent import ConsentMethod, ConsentPurpose
from core.rights import ANON_NAME
from data.models import Resident
from tests.helpers.consoles import SeededSite, audit_actions, sign_in
from tests.integration.test_residents_gui import console_en, open_card, open_pane
from widgets.consent import ConsentSection, ReasonDialog, RecordConsentDialog

__all__ = ["console_en"]  # the fixture, shared with the residents tests


def _select(section: ConsentSection, purpose: ConsentPurpose) -> None:
    for i in range(section.tree.topLevelItemCount()):
        item = section.tree.topLevelItem(i)
        if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == purpose.value:
            section.tree.setCurrentItem(item)
            return
    raise AssertionError(f"no row for {purpose}")


def test_a_station_records_and_withdraws_a_consent(
    qtbot: QtBot, console_en: ConsoleApp, seeded: SeededSite
) -> None:
    app = console_en
    sign_in(qtbot, app, seeded, "ws01")
    p = open_pane(qtbot, app)
    card = open_card(qtbot, app, p)
    section = card.consent
    assert section.tree.topLevelItemCount() == len(ConsentPurpose)
    _select(section, ConsentPurpose.SURVEYS)
    assert section.record.isEnabled()
    assert not section.withdraw.isEnabled()
    qtbot.mouseClick(section.record, Qt.MouseButton.LeftButton)
    form = p.form
    assert isinstance(form, RecordConsentDialog)
    form.method.setCurrentIndex(form.method.findData(ConsentMethod.VERBAL.value))
    ok = form.buttons.button(form.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # verbal without a witness
    form.witness.insert("李红")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    state = section.state_of(ConsentPurpose.SURVEYS)
    qtbot.waitUntil(lambda: (s := section.state_of(ConsentPurpose.SURVEYS)) is not None and s.given)
    assert not form.isVisible()
    state = section.state_of(ConsentPurpose.SURVEYS)
    assert state is not None
    assert state.record is not None
    assert state.record.witness == "李红"
    # Withdraw: a reason, then a confirmation (the fake dialogs answer yes).
    _select(section, ConsentPurpose.SURVEYS)
    assert section.withdraw.isEnabled()
    qtbot.mouseClick(section.withdraw, Qt.MouseButton.LeftButton)
    form2 = p.form
    assert isinstance(form2, ReasonDialog)
    form2.reason.insert("本人电话撤回")
    qtbot.mouseClick(
        form2.buttons.button(form2.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(
        lambda: (s := section.state_of(ConsentPurpose.SURVEYS)) is not None and not s.given
    )
    questions = app.dialogs.questions  # type: ignore[attr-defined]
    assert "cannot be undone" in questions[-1].text
    counts = audit_actions(seeded.db)
    assert counts[AuditAction.CONSENT_RECORDED.value] == 1
    assert counts[AuditAction.CONSENT_WITHDRAWN.value] == 1


def test_an_operator_sees_consents_but_no_buttons_to_change_them(
    qtbot: QtBot, console_en: ConsoleApp, seeded: SeededSite
) -> None:
    sign_in(qtbot, console_en, seeded, "operator")
    card = open_card(qtbot, console_en, open_pane(qtbot, console_en))
    _select(card.consent, ConsentPurpose.TRACKING)
    assert not card.consent.record.isEnabled()
    assert not card.consent.withdraw.isEnabled()
    assert card.export_button.isHidden()
    assert card.anonymise_button.isHidden()


def test_an_administrator_exports_then_anonymises_from_the_card(
    qtbot: QtBot, console_en: ConsoleApp, seeded: SeededSite, tmp_path: Path
) -> None:
    app = console_en
    sign_in(qtbot, app, seeded, "admin")
    p = open_pane(qtbot, app)
    card = open_card(qtbot, app, p)
    rid = card.resident_id
    assert rid is not None
    assert not card.export_button.isHidden()
    qtbot.mouseClick(card.export_button, Qt.MouseButton.LeftButton)
    form = p.form
    assert isinstance(form, ReasonDialog)
    out = tmp_path / "person.json"
    form.path.setText(str(out))
    form.reason.insert("本人申请查阅")
    qtbot.mouseClick(form.buttons.button(form.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists)
    assert app.wait_idle()
    assert json.loads(out.read_text(encoding="utf-8"))["resident"]["id"] == rid
    assert os.stat(out).st_mode & 0o777 == 0o600
    assert out.with_suffix(".txt").exists()
    # Anonymise: OK only once the masked name is typed exactly.
    masked = card.masked_name()
    assert "*" in masked
    qtbot.mouseClick(card.anonymise_button, Qt.MouseButton.LeftButton)
    form2 = p.form
    assert isinstance(form2, ReasonDialog)
    ok = form2.buttons.button(form2.buttons.StandardButton.Ok)
    form2.reason.insert("本人申请删除")
    assert not ok.isEnabled()
    form2.confirm.insert(masked[:-1])
    assert not ok.isEnabled()
    form2.confirm.insert(masked[-1])
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: p.card is not None and p.card.anonymised())
    assert card.status.isVisibleTo(card)
    assert not card.anonymise_button.isEnabled()
    with seeded.db.session() as s:
        assert s.scalar(select(Resident.name).where(Resident.id == rid)) == ANON_NAME
    counts = audit_actions(seeded.db)
    assert counts[AuditAction.PERSONAL_DATA_EXPORTED.value] == 1
    assert counts[AuditAction.PERSONAL_DATA_ANONYMISED.value] == 1
