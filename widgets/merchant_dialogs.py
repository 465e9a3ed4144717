"""Dialogs of the Merchants pane: certify, licences, a reason, staff, inspection, complaint,
product, price (with the discount check as it is typed) and a market price observation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.merchants import (
    COMPLAINT_CATEGORIES,
    PriceFlag,
    ProductKind,
    discount,
    parse_yuan,
    percent,
    price_flag,
    yuan,
)
from widgets.forms import ok_cancel
from widgets.merchants import BAD, GOOD, complaint_category_text, flag_text, kind_text


def _date_edit(parent: QWidget, day: date, *, optional: bool = False) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    if optional:
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setSpecialValueText("—")  # the minimum date reads as "none"
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _day(edit: QDateEdit) -> date | None:
    d = edit.date()
    if edit.specialValueText() and d == edit.minimumDate():
        return None
    return date(d.year(), d.month(), d.day())


class _Form(QDialog):
    """A form with an error line and OK/Cancel; `_check` returns an error or ""."""

    def __init__(self, parent: QWidget | None, name: str):
        super().__init__(parent)
        self.setObjectName(name)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setObjectName("dialogError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {BAD.name()}")
        lay = QVBoxLayout(self)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(ok_cancel(self, self._on_ok))

    def _check(self) -> str:
        return ""

    @Slot()
    def _on_ok(self) -> None:
        problem = self._check()
        if problem:
            self.error.setText(problem)
            return
        self.accept()


@dataclass(frozen=True)
class Certification:
    """What the certify dialog gives."""

    business_id: int
    licence_no: str
    licence_expires: date
    food_licence_no: str
    food_licence_expires: date | None


class CertifyDialog(_Form):
    """Certify a business of the register: its licences' numbers and expiry dates."""

    def __init__(
        self,
        businesses: Sequence[tuple[int, str, str, str]],
        today: date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent, "certifyDialog")
        self.setWindowTitle(self.tr("Certify a merchant"))
        self.today = today
        self.business = QComboBox(self)
        for bid, code, name, community in businesses:
            self.business.addItem(f"{community} · {code} · {name}", bid)
        self.licence_no = QLineEdit(self)
        self.licence_no.setMaxLength(32)
        self.licence_expires = _date_edit(self, today.replace(year=today.year + 1))
        self.food_no = QLineEdit(self)
        self.food_no.setMaxLength(32)
        self.food_expires = _date_edit(self, today.replace(year=today.year + 1))
        self.form.addRow(self.tr("Business"), self.business)
        self.form.addRow(self.tr("Business licence No."), self.licence_no)
        self.form.addRow(self.tr("Expires"), self.licence_expires)
        self.form.addRow(self.tr("Food business licence No."), self.food_no)
        self.form.addRow(self.tr("Expires"), self.food_expires)
        if not businesses:
            self.error.setText(self.tr("No open shop, market or service business is uncertified."))

    def _check(self) -> str:
        if self.business.currentData() is None:
            return self.tr("Choose a business.")
        if not self.licence_no.text().strip():
            return self.tr("The business licence number is needed.")
        v = self.value()
        if v.licence_expires < self.today or (
            v.food_licence_expires is not None and v.food_licence_expires < self.today
        ):
            return self.tr("A licence that has expired cannot be certified.")
        return ""

    def value(self) -> Certification:
        food = self.food_no.text().strip()
        return Certification(
            business_id=int(self.business.currentData()),
            licence_no=self.licence_no.text().strip(),
            licence_expires=_day(self.licence_expires) or self.today,
            food_licence_no=food,
            food_licence_expires=_day(self.food_expires) if food else None,
        )


class LicencesDialog(_Form):
    """Renewed licences: numbers and expiry dates."""

    def __init__(
        self,
        licence_no: str,
        expires: date,
        food_no: str,
        food_expires: date | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent, "licencesDialog")
        self.setWindowTitle(self.tr("Licences"))
        self.licence_no = QLineEdit(licence_no, self)
        self.licence_no.setMaxLength(32)
        self.licence_expires = _date_edit(self, expires)
        self.food_no = QLineEdit(food_no, self)
        self.food_no.setMaxLength(32)
        self.food_expires = _date_edit(self, food_expires or expires)
        self.form.addRow(self.tr("Business licence No."), self.licence_no)
        self.form.addRow(self.tr("Expires"), self.licence_expires)
        self.form.addRow(self.tr("Food business licence No."), self.food_no)
        self.form.addRow(self.tr("Expires"), self.food_expires)
        note = QLabel(
            self.tr("A suspended merchant stays suspended until reinstated by hand."), self
        )
        note.setWordWrap(True)
        self.form.addRow(note)

    def _check(self) -> str:
        return "" if self.licence_no.text().strip() else self.tr("The licence number is needed.")

    def value(self) -> tuple[str, date, str, date | None]:
        food = self.food_no.text().strip()
        return (
            self.licence_no.text().strip(),
            _day(self.licence_expires) or date.today(),
            food,
            _day(self.food_expires) if food else None,
        )


class ReasonDialog(_Form):
    """A reason for a step (suspend, reinstate, exit, resolve): a few common ones to pick,
    or typed."""

    def __init__(
        self,
        title: str,
        prompt: str,
        presets: Sequence[str],
        parent: QWidget | None = None,
        *,
        multiline: bool = False,
    ):
        super().__init__(parent, "reasonDialog")
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.PlainText)
        self.presets = QComboBox(self)
        self.presets.setEditable(not multiline)
        self.presets.addItems(list(presets))
        self.text = QPlainTextEdit(self)
        self.text.setVisible(multiline)
        self.presets.setVisible(not multiline or bool(presets))
        if multiline:
            self.presets.setEditable(False)
            self.presets.activated.connect(
                lambda i: self.text.setPlainText(self.presets.itemText(i))
            )
        self.form.addRow(self.prompt)
        self.form.addRow(self.presets)
        self.form.addRow(self.text)
        self.multiline = multiline

    def reason(self) -> str:
        if self.multiline:
            return self.text.toPlainText().strip()
        return self.presets.currentText().strip()

    def _check(self) -> str:
        if not self.reason():
            return self.tr("A reason is needed.")
        if not self.multiline and len(self.reason()) > 200:
            return self.tr("A reason has at most 200 characters.")
        return ""


@dataclass(frozen=True)
class NewStaff:
    name: str
    phone: str
    deliverer: bool
    health_cert_no: str
    health_cert_expires: date | None


class StaffDialog(_Form):
    """A merchant's new person; a deliverer needs a health certificate."""

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent, "staffDialog")
        self.setWindowTitle(self.tr("Add staff"))
        self.name = QLineEdit(self)
        self.name.setMaxLength(64)
        self.phone = QLineEdit(self)
        self.phone.setMaxLength(32)
        self.deliverer = QCheckBox(self.tr("Delivers to residents' doors"), self)
        self.cert_no = QLineEdit(self)
        self.cert_no.setMaxLength(32)
        self.cert_expires = _date_edit(self, today.replace(year=today.year + 1))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.form.addRow("", self.deliverer)
        self.form.addRow(self.tr("Health certificate No."), self.cert_no)
        self.form.addRow(self.tr("Expires"), self.cert_expires)

    def _check(self) -> str:
        if not self.name.text().strip():
            return self.tr("The name is needed.")
        if self.deliverer.isChecked() and not self.cert_no.text().strip():
            return self.tr("A deliverer needs a health certificate.")
        return ""

    def value(self) -> NewStaff:
        cert = self.cert_no.text().strip()
        return NewStaff(
            self.name.text().strip(),
            self.phone.text().strip(),
            self.deliverer.isChecked(),
            cert,
            _day(self.cert_expires) if cert else None,
        )


class HealthCertificateDialog(_Form):
    """A renewed health certificate of a merchant's person: number and expiry."""

    def __init__(
        self,
        name: str,
        number: str,
        expires: date | None,
        today: date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent, "healthCertificateDialog")
        self.setWindowTitle(self.tr("Health certificate of {name}").format(name=name))
        self.cert_no = QLineEdit(number, self)
        self.cert_no.setMaxLength(32)
        self.cert_expires = _date_edit(self, expires or today.replace(year=today.year + 1))
        self.form.addRow(self.tr("Health certificate No."), self.cert_no)
        self.form.addRow(self.tr("Expires"), self.cert_expires)

    def _check(self) -> str:
        return "" if self.cert_no.text().strip() else self.tr("The certificate number is needed.")

    def value(self) -> tuple[str, date | None]:
        return self.cert_no.text().strip(), _day(self.cert_expires)


class InspectionDialog(_Form):
    """An inspection: date, inspector, score 0–100, findings."""

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent, "inspectionDialog")
        self.setWindowTitle(self.tr("Record inspection"))
        self.on = _date_edit(self, today)
        self.on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.inspector = QLineEdit(self)
        self.inspector.setMaxLength(64)
        self.score = QSpinBox(self)
        self.score.setRange(0, 100)
        self.score.setValue(80)
        self.findings = QPlainTextEdit(self)
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(self.tr("Inspector"), self.inspector)
        self.form.addRow(self.tr("Score (pass 60)"), self.score)
        self.form.addRow(self.tr("Findings"), self.findings)

    def _check(self) -> str:
        return "" if self.inspector.text().strip() else self.tr("The inspector is needed.")

    def value(self) -> tuple[date, str, int, str]:
        return (
            _day(self.on) or date.today(),
            self.inspector.text().strip(),
            self.score.value(),
            self.findings.toPlainText().strip(),
        )


class ComplaintDialog(_Form):
    """A complaint: its category (which sets the deadline) and what was said."""

    def __init__(self, merchant: str, parent: QWidget | None = None):
        super().__init__(parent, "complaintDialog")
        self.setWindowTitle(self.tr("File a complaint about {name}").format(name=merchant))
        self.category = QComboBox(self)
        for code in COMPLAINT_CATEGORIES:
            self.category.addItem(complaint_category_text(code), code)
        self.text = QPlainTextEdit(self)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Complaint"), self.text)
        self.form.addRow(
            QLabel(self.tr("Food safety: due in 24 h; delivery 48 h; others 72 h."), self)
        )

    def _check(self) -> str:
        return "" if self.text.toPlainText().strip() else self.tr("What was the complaint?")

    def value(self) -> tuple[str, str]:
        return str(self.category.currentData()), self.text.toPlainText().strip()


@dataclass(frozen=True)
class NewProduct:
    code: str
    name: str
    kind: ProductKind
    unit: str
    price_cents: int


class _PriceCheck(_Form):
    """A form with a price field whose discount against the reference is shown as typed."""

    reference: int | None = None

    def _price_field(self) -> QLineEdit:
        self.price = QLineEdit(self)
        self.price.setObjectName("priceField")
        self.price.setPlaceholderText("12.50")
        self.check = QLabel(self)
        self.check.setObjectName("priceCheck")
        self.check.setTextFormat(Qt.TextFormat.PlainText)
        self.price.textChanged.connect(self._on_price_changed)
        return self.price

    @Slot()
    def _on_price_changed(self) -> None:
        try:
            cents = parse_yuan(self.price.text())
        except ValueError:
            self.check.setText("")
            return
        flag = price_flag(cents, self.reference)
        if flag is PriceFlag.NO_REFERENCE:
            self.check.setText(flag_text(flag))
            self.check.setStyleSheet("")
            return
        self.check.setText(
            QCoreApplication.translate(
                "PriceCheck", "Reference ¥{ref}: {pct} below — {check}"
            ).format(
                ref=yuan(self.reference),
                pct=percent(discount(cents, self.reference)),
                check=flag_text(flag),
            )
        )
        colour = GOOD if flag is PriceFlag.OK else BAD
        self.check.setStyleSheet(f"color: {colour.name()}")

    def _price_problem(self) -> str:
        try:
            parse_yuan(self.price.text())
        except ValueError:
            return QCoreApplication.translate(
                "PriceCheck", "A price in yuan, more than zero, at most two decimals (12.50)."
            )
        return ""

    def cents(self) -> int:
        return parse_yuan(self.price.text())


class ProductDialog(_PriceCheck):
    """New goods or household service; the price is checked against its commodity's reference."""

    def __init__(
        self,
        merchants: Sequence[tuple[int, str]],
        references: dict[str, int | None],
        chosen: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent, "productDialog")
        self.setWindowTitle(self.tr("New product"))
        self.references = references
        self.merchant = QComboBox(self)
        for mid, name in merchants:
            self.merchant.addItem(name, mid)
        if chosen is not None:
            self.merchant.setCurrentIndex(max(self.merchant.findData(chosen), 0))
        self.code = QComboBox(self)
        self.code.setEditable(True)
        self.code.addItems(sorted(references))
        self.code.setCurrentText("")
        self.code.currentTextChanged.connect(self._on_code_changed)
        self.name = QLineEdit(self)
        self.name.setMaxLength(100)
        self.kind = QComboBox(self)
        for k in ProductKind:
            self.kind.addItem(kind_text(k), k.value)
        self.unit = QLineEdit(self)
        self.unit.setMaxLength(16)
        self.form.addRow(self.tr("Merchant"), self.merchant)
        self.form.addRow(self.tr("Commodity code"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.form.addRow(self.tr("Price (¥)"), self._price_field())
        self.form.addRow("", self.check)

    @Slot(str)
    def _on_code_changed(self, code: str) -> None:
        self.reference = self.references.get(code.strip().upper())
        self._on_price_changed()

    def _check(self) -> str:
        code = self.code.currentText().strip()
        if not code or " " in code:
            return self.tr("A commodity code without spaces (RICE-5KG).")
        if not self.name.text().strip() or not self.unit.text().strip():
            return self.tr("The name and the unit are needed.")
        return self._price_problem()

    def value(self) -> tuple[int, NewProduct]:
        return int(self.merchant.currentData()), NewProduct(
            self.code.currentText().strip().upper(),
            self.name.text().strip(),
            ProductKind(self.kind.currentData()),
            self.unit.text().strip(),
            self.cents(),
        )


class PriceDialog(_PriceCheck):
    """A product's new price; the old one stays in the history."""

    def __init__(
        self, product: str, price_cents: int, reference: int | None, parent: QWidget | None = None
    ):
        super().__init__(parent, "priceDialog")
        self.setWindowTitle(self.tr("Change the price of {name}").format(name=product))
        self.reference = reference
        self.form.addRow(self.tr("Now (¥)"), QLabel(yuan(price_cents), self))
        self.form.addRow(self.tr("New price (¥)"), self._price_field())
        self.form.addRow("", self.check)
        self.price.setText(yuan(price_cents))

    def _check(self) -> str:
        return self._price_problem()


class ObservationDialog(_PriceCheck):
    """A market price seen in a survey."""

    def __init__(
        self, codes: Sequence[str], today: date, code: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent, "observationDialog")
        self.setWindowTitle(self.tr("Record a market price"))
        self.code = QComboBox(self)
        self.code.setEditable(True)
        self.code.addItems(list(codes))
        self.code.setCurrentText(code)
        self.on = _date_edit(self, today)
        self.on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.place = QLineEdit(self)
        self.place.setMaxLength(100)
        self.form.addRow(self.tr("Commodity code"), self.code)
        self.form.addRow(self.tr("Date"), self.on)
        self.form.addRow(self.tr("Where"), self.place)
        self.form.addRow(self.tr("Price (¥)"), self._price_field())

    def _check(self) -> str:
        code = self.code.currentText().strip()
        if not code or " " in code:
            return self.tr("A commodity code without spaces (RICE-5KG).")
        if not self.place.text().strip():
            return self.tr("Where was the price seen?")
        return self._price_problem()

    def value(self) -> tuple[str, date, str, int]:
        return (
            self.code.currentText().strip().upper(),
            _day(self.on) or date.today(),
            self.place.text().strip(),
            self.cents(),
        )
