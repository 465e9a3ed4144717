"""The proof-of-delivery dialog with pytest-qt: blocked until there is a signature or a photo
and the resident's confirmation; the signature drawn with the mouse comes out as a PNG."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from core.orders import OrderLineView, ProofRequest
from widgets.delivery_proof import DeliveryProofDialog, SignaturePad

REQUEST = ProofRequest(41, "王**", "刘**", (OrderLineView("大米", 1, "袋", 3580),))


def sign(qtbot: QtBot, pad: SignaturePad) -> None:
    """A scribble across the pad, point by point, as a hand would."""
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 60))
    for x in range(24, 300, 12):
        qtbot.mouseMove(pad, QPoint(x, 60 + (x // 12 % 5) * 8))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 70))


def ok_button(dlg: DeliveryProofDialog) -> object:
    button = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def test_an_unverified_hand_off_is_blocked_until_signed_and_confirmed(qtbot: QtBot) -> None:
    dlg = DeliveryProofDialog(REQUEST)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    ok = ok_button(dlg)
    assert not ok.isEnabled()  # type: ignore[attr-defined]
    assert dlg.problem() == "no_evidence"
    assert "signature or a photo" in dlg.blocked.text()
    sign(qtbot, dlg.pad)
    assert dlg.pad.signed()
    assert dlg.problem() == "not_confirmed"
    dlg.accept()  # Enter while blocked: nothing recorded
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert dlg.isVisible()
    qtbot.mouseClick(dlg.confirmed, Qt.MouseButton.LeftButton)
    assert dlg.problem() == "confirmed_by"
    qtbot.keyClicks(dlg.confirmed_by, "self")
    assert dlg.problem() is None
    assert ok.isEnabled()  # type: ignore[attr-defined]
    with qtbot.waitSignal(dlg.accepted, timeout=2000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    proof = dlg.proof()
    assert proof.order_id == 41
    assert proof.confirmed_by_resident
    assert proof.confirmed_by == "self"
    image = QImage.fromData(proof.signature_png, "PNG")
    assert not image.isNull()
    assert image.size() == dlg.pad.size()
    assert proof.photo == b""


def test_a_photo_is_evidence_too_and_a_tap_is_not_a_signature(qtbot: QtBot) -> None:
    dlg = DeliveryProofDialog(REQUEST)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.mouseClick(dlg.pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert not dlg.pad.signed()
    assert dlg.problem() == "no_evidence"
    dlg.set_photo(b"\xff\xd8\xff\xe0jpeg", "door.jpg")
    dlg.confirmed.setChecked(True)
    dlg.confirmed_by.setText("女儿 王小红")
    assert dlg.problem() is None
    proof = dlg.proof()
    assert (proof.photo_name, proof.signature_png) == ("door.jpg", b"")
    dlg.set_photo(b"x" * (4 * 1024 * 1024 + 1), "huge.jpg")
    assert dlg.proof().photo_name == "door.jpg"  # refused: the earlier photo stays
    qtbot.mouseClick(dlg.clear_button, Qt.MouseButton.LeftButton)
    assert dlg.pad.points() == 0
