"""Words for the orders' statuses, flags, failure reasons and refusals, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.orders import FailReason, Flag, OrderStatus


def status_text(status: OrderStatus | str) -> str:
    """An order's status in words."""
    texts: dict[str, str] = {
        OrderStatus.AWAITING_CONFIRMATION: QCoreApplication.translate(
            "OrderLabels", "Awaiting confirmation"
        ),
        OrderStatus.ACCEPTED: QCoreApplication.translate("OrderLabels", "Accepted"),
        OrderStatus.PICKED: QCoreApplication.translate("OrderLabels", "Picked"),
        OrderStatus.EN_ROUTE: QCoreApplication.translate("OrderLabels", "En route"),
        OrderStatus.DELIVERED: QCoreApplication.translate("OrderLabels", "Delivered"),
        OrderStatus.FAILED: QCoreApplication.translate("OrderLabels", "Failed"),
        OrderStatus.CANCELLED: QCoreApplication.translate("OrderLabels", "Cancelled"),
    }
    return texts.get(status, str(status))


def flag_text(flag: str) -> str:
    """A board flag in words."""
    texts: dict[str, str] = {
        Flag.LICENCE: QCoreApplication.translate("OrderLabels", "Merchant closed"),
        Flag.CONFIRM: QCoreApplication.translate("OrderLabels", "Call to confirm"),
        Flag.LIVES_ALONE: QCoreApplication.translate("OrderLabels", "Lives alone"),
        Flag.MERGED: QCoreApplication.translate("OrderLabels", "Same household"),
        Flag.LATE: QCoreApplication.translate("OrderLabels", "Late"),
    }
    return texts.get(flag, flag)


def fail_text(reason: FailReason | str) -> str:
    """Why a delivery failed, in words."""
    texts: dict[str, str] = {
        FailReason.NOT_HOME: QCoreApplication.translate("OrderLabels", "Nobody at home"),
        FailReason.NO_ANSWER_PHONE: QCoreApplication.translate(
            "OrderLabels", "Nobody at the door or on the phone"
        ),
        FailReason.REFUSED: QCoreApplication.translate("OrderLabels", "Refused by the resident"),
        FailReason.WRONG_ADDRESS: QCoreApplication.translate("OrderLabels", "Wrong address"),
        FailReason.OUT_OF_STOCK: QCoreApplication.translate("OrderLabels", "Out of stock"),
        FailReason.NOT_CONFIRMED: QCoreApplication.translate(
            "OrderLabels", "Not confirmed on the call"
        ),
        FailReason.OTHER: QCoreApplication.translate("OrderLabels", "Other"),
    }
    return texts.get(reason, str(reason))


def merchant_closed_text(reason: str) -> str:
    """Why a merchant takes no orders (core.merchants.closed_reason), in words: it comes
    from the service in English ("merchant suspended: …", "business licence expired on …")."""
    for prefix, text in (
        ("merchant exited", QCoreApplication.translate("OrderLabels", "left the scheme")),
        ("merchant suspended", QCoreApplication.translate("OrderLabels", "suspended")),
        (
            "food business licence expired on ",
            QCoreApplication.translate("OrderLabels", "food licence expired on {day}"),
        ),
        (
            "business licence expired on ",
            QCoreApplication.translate("OrderLabels", "business licence expired on {day}"),
        ),
    ):
        if reason.startswith(prefix):
            rest = reason[len(prefix) :]
            if "{day}" in text:
                return text.format(day=rest.strip())
            why = rest.removeprefix(":").strip()
            if why.startswith(("business licence expired on ", "food business licence")):
                why = merchant_closed_text(why)  # the licence sweep's own reason, in words
            # Otherwise the reason a person typed: shown as typed.
            if not why:
                return text
            return QCoreApplication.translate("OrderLabels", "{state}: {why}").format(
                state=text, why=why
            )
    return QCoreApplication.translate("OrderLabels", "takes no orders")


def merchant_choice_text(name: str, code: str, refusal: str) -> str:
    """A merchant in a list to choose from: its code (shops of a chain share a name) and, for
    one that takes no orders, why."""
    label = f"{name} · {code}" if code else name
    return f"{label} — {merchant_closed_text(refusal)}" if refusal else label


def refusal_text(reason: str) -> str:
    """Why an order or a step was refused (core.orders.OrderError.reason), in words."""
    return {
        "full": QCoreApplication.translate("OrderLabels", "The window is full"),
        "merchant_closed": QCoreApplication.translate(
            "OrderLabels", "The merchant takes no orders (licence or suspension)"
        ),
        "window": QCoreApplication.translate("OrderLabels", "Choose a window of this merchant"),
        "window_over": QCoreApplication.translate("OrderLabels", "The window has ended"),
        "product": QCoreApplication.translate("OrderLabels", "A product is no longer sold"),
        "deliverer": QCoreApplication.translate("OrderLabels", "Choose one named deliverer"),
        "health_cert": QCoreApplication.translate(
            "OrderLabels", "The deliverer's health certificate has expired"
        ),
        "lines": QCoreApplication.translate("OrderLabels", "The basket is empty"),
        "quantity": QCoreApplication.translate("OrderLabels", "A quantity is 1–99"),
        "family_member": QCoreApplication.translate(
            "OrderLabels", "Name the family member who orders"
        ),
        "family_not_registered": QCoreApplication.translate(
            "OrderLabels",
            "Only the family member the resident's record names as emergency contact may order",
        ),
        "call": QCoreApplication.translate("OrderLabels", "A hotline order comes from a call"),
        "no_evidence": QCoreApplication.translate(
            "OrderLabels", "A signature or a photo is needed"
        ),
        "not_confirmed": QCoreApplication.translate(
            "OrderLabels", "The resident's confirmation is needed"
        ),
        "confirmed_by": QCoreApplication.translate("OrderLabels", "Say who confirmed at the door"),
        "needs_confirmation": QCoreApplication.translate(
            "OrderLabels", "Record the confirmation call first"
        ),
        "resident": QCoreApplication.translate("OrderLabels", "Choose a resident"),
    }.get(reason, reason)
