"""The running console signs periodic audit checkpoints where the key is, and reports failures."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from console.app import ConsoleApp
from console.presenters.audit import AuditPresenter
from core.checkpoint import PRIVATE_KEY_FILE, CheckpointReason
from data.checkpoints import generate_audit_key
from tests.helpers.consoles import (
    MakeConsole,
    SeededSite,
    fake_dialogs,
    notifications_of,
    sign_in,
)


def audit_of(app: ConsoleApp) -> AuditPresenter:
    p = app.presenter("audit")
    assert isinstance(p, AuditPresenter)
    return p


def test_the_timer_signs_periodic_checkpoints_where_the_key_is(
    qtbot: QtBot, make_console: MakeConsole, tmp_path: Path
) -> None:
    keys, cps = tmp_path / "keys", tmp_path / "checkpoints"
    generate_audit_key(keys)
    # 60 ms: the real QTimer fires, no test waits an hour.
    app = make_console(keys_dir=keys, checkpoints_dir=cps, checkpoint_minutes=0.001)
    qtbot.waitUntil(lambda: cps.is_dir() and any(cps.glob("*-periodic.json")), timeout=5000)
    audit_of(app).shutdown()  # the timer stops: no file is started after this
    assert app.wait_idle()
    first = json.loads(sorted(cps.glob("*.json"))[0].read_text(encoding="utf-8"))
    assert first["checkpoint"]["reason"] == "periodic"
    assert first["checkpoint"]["workstation"] == "CC"
    assert first["checkpoint"]["rows"] > 0, "the seeded site's audit rows are covered"


def test_no_key_on_this_workstation_means_no_checkpoint_and_no_noise(
    make_console: MakeConsole, tmp_path: Path
) -> None:
    cps = tmp_path / "checkpoints"
    app = make_console(keys_dir=tmp_path / "keys", checkpoints_dir=cps)
    assert not audit_of(app).take_checkpoint(CheckpointReason.PERIODIC)
    assert app.wait_idle()
    assert not cps.exists()
    assert notifications_of(app).pane.texts() == []


def test_a_failed_checkpoint_reaches_the_notification_area(
    qtbot: QtBot, make_console: MakeConsole, tmp_path: Path
) -> None:
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / PRIVATE_KEY_FILE).write_bytes(b"not a key")
    app = make_console(keys_dir=keys, checkpoints_dir=tmp_path / "cps", language="en")
    assert audit_of(app).take_checkpoint(CheckpointReason.PERIODIC)
    notes = notifications_of(app).pane
    qtbot.waitUntil(lambda: notes.unread > 0)
    (text,) = notes.texts()
    assert f"Audit checkpoint failed: {keys / PRIVATE_KEY_FILE}: not an unencrypted private" in text


def test_verify_from_the_console_checks_the_checkpoints(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    keys, cps = tmp_path / "keys", tmp_path / "checkpoints"
    generate_audit_key(keys)
    app = make_console(keys_dir=keys, checkpoints_dir=cps, language="en")
    app.start()
    sign_in(qtbot, app, seeded, "admin")
    assert app.wait_idle()  # the checkpoint signed at the first sign-in
    assert audit_of(app).take_checkpoint(CheckpointReason.MANUAL)
    assert app.wait_idle()
    (cp,) = cps.glob("*-manual.json")
    doc = json.loads(cp.read_text(encoding="utf-8"))
    doc["checkpoint"]["rows"] += 1
    cp.write_text(json.dumps(doc), encoding="utf-8")

    audit_of(app).verify()
    assert app.wait_idle()
    (message,) = fake_dialogs(app).messages
    assert message.error
    assert "AUDIT LOG TAMPERED" in message.text
    assert f"checkpoint {cp.name}: bad signature" in message.text


def test_a_checkpoint_is_signed_at_the_first_sign_in_so_a_first_check_is_anchored(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    keys, cps = tmp_path / "keys", tmp_path / "checkpoints"
    generate_audit_key(keys)
    app = make_console(keys_dir=keys, checkpoints_dir=cps, language="en")
    app.start()
    assert app.wait_idle()
    assert not cps.exists(), "nothing before the database has answered a sign-in"
    sign_in(qtbot, app, seeded, "admin")
    qtbot.waitUntil(lambda: cps.is_dir() and any(cps.glob("*-periodic.json")), timeout=5000)
    assert audit_of(app).checkpoint_timer.isActive(), "and every hour after"
    audit_of(app).verify()
    assert app.wait_idle()
    (message,) = fake_dialogs(app).messages
    assert not message.error
    assert "chain verified" in message.text
    assert "Not anchored" not in message.text


def test_an_unanchored_chain_is_explained_in_the_ui_language(
    qtbot: QtBot, make_console: MakeConsole, seeded: SeededSite, tmp_path: Path
) -> None:
    # No key here: nothing is signed at sign-in, and the folder holds no checkpoint.
    cps = tmp_path / "checkpoints"
    app = make_console(keys_dir=tmp_path / "keys", checkpoints_dir=cps, language="zh_CN")
    app.start()
    sign_in(qtbot, app, seeded, "admin")
    audit_of(app).verify()
    assert app.wait_idle()
    (message,) = fake_dialogs(app).messages
    assert "未由签名检查点锚定" in message.text
    assert f"{cps} 中还没有检查点" in message.text
    assert "self-consistent" not in message.text, "no English in the Chinese console"
