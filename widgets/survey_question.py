"""One survey question of any kind, answered by touch, mouse or keyboard (digits pick, Enter)."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QElapsedTimer, Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.survey import MAX_TEXT, Kind, Question, check_answer

BASE_POINT_SIZE = 11.0
BASE_TARGET = 32  # px; scale 2 gives the 64 px touch targets a kiosk needs
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


class QuestionView(QWidget):
    """Shows one core.survey.Question; `commit()` (Enter) checks the answer and emits it.

    `answered(object)` fires on the GUI thread with a valid value (None for an unanswered
    optional question); `edited()` fires on every change, so an owner can count it as activity.
    """

    answered = Signal(object)
    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, scale: float = 1.0) -> None:
        super().__init__(parent)
        self._scale = max(1.0, scale)
        self._question: Question | None = None
        self._group: QButtonGroup | None = None  # single, multiple, rating, nps
        self._row_groups: list[QButtonGroup] = []  # matrix: one exclusive group per row
        self._row = 0  # matrix: the row a digit key answers
        self._line: QLineEdit | None = None
        self._date: QDateEdit | None = None
        self._date_touched = False
        self._digits = ""  # NPS: "1" then "0" typed together means 10
        self._typed = QElapsedTimer()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._text = QLabel()
        self._text.setTextFormat(Qt.TextFormat.PlainText)  # form text is data, never HTML
        self._text.setWordWrap(True)
        self._text.setObjectName("questionText")
        self._hint = QLabel()
        self._hint.setTextFormat(Qt.TextFormat.PlainText)
        self._hint.setObjectName("questionHint")
        self._error = QLabel()
        self._error.setTextFormat(Qt.TextFormat.PlainText)
        self._error.setWordWrap(True)
        self._error.setObjectName("questionError")
        self._error.setStyleSheet("color: #ff453a;")
        self._error.hide()
        self._body = QWidget()
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self._text)
        self._layout.addWidget(self._hint)
        self._layout.addWidget(self._body, 1)
        self._layout.addWidget(self._error)
        # a chosen answer must be unmistakable on any theme
        self.setStyleSheet(
            'QPushButton[answer="true"]:checked { background-color: #0a84ff;'
            " border: 2px solid #64d2ff; color: #ffffff; }"
            " QPushButton#choice { text-align: left; padding-left: 14px; }"
        )
        self._apply_fonts()

    # --- public ---------------------------------------------------------------------------
    @property
    def scale(self) -> float:
        return self._scale

    def set_scale(self, scale: float) -> None:
        self._scale = max(1.0, scale)
        self._apply_fonts()
        if self._question is not None:
            self.set_question(self._question, self.value())

    @property
    def question(self) -> Question | None:
        return self._question

    def set_question(self, q: Question, value: object = None) -> None:
        """Show `q`, with `value` (an earlier answer) already chosen or typed."""
        self._question = q
        self._group, self._row_groups, self._row = None, [], 0
        self._line, self._date, self._date_touched, self._digits = None, None, False, ""
        self._text.setText(q.text + (" *" if q.required else ""))
        self._error.hide()
        old = self._body
        self._body = QWidget()
        self._layout.replaceWidget(old, self._body)
        old.hide()
        old.deleteLater()
        build = {
            Kind.SINGLE: self._build_choices,
            Kind.MULTIPLE: self._build_choices,
            Kind.RATING: self._build_scale,
            Kind.NPS: self._build_scale,
            Kind.TEXT: self._build_line,
            Kind.NUMBER: self._build_line,
            Kind.DATE: self._build_date,
            Kind.MATRIX: self._build_matrix,
        }[q.kind]
        build(q, value)
        # typing goes to the text or number field; keys of choices go to the view
        focus = self.editor() if q.kind in (Kind.TEXT, Kind.NUMBER) else None
        (focus or self).setFocus(Qt.FocusReason.OtherFocusReason)

    def value(self) -> object:
        """The answer as core.survey expects it; None when nothing is chosen or typed."""
        q = self._question
        if q is None:
            return None
        if q.kind is Kind.SINGLE and self._group is not None:
            b = self._group.checkedButton()
            return q.choices[self._group.id(b)].code if b is not None else None
        if q.kind is Kind.MULTIPLE and self._group is not None:
            picked = [
                q.choices[self._group.id(b)].code for b in self._group.buttons() if b.isChecked()
            ]
            return sorted(picked, key=[c.code for c in q.choices].index) or None
        if q.kind in (Kind.RATING, Kind.NPS) and self._group is not None:
            b = self._group.checkedButton()
            return self._group.id(b) if b is not None else None
        if q.kind is Kind.TEXT and self._line is not None:
            return self._line.text().strip() or None
        if q.kind is Kind.NUMBER and self._line is not None:
            return _number(self._line.text())
        if q.kind is Kind.DATE and self._date is not None:
            if not self._date_touched:
                return None
            d = self._date.date()
            return dt.date(d.year(), d.month(), d.day())
        if q.kind is Kind.MATRIX:
            out = {}
            for r, group in zip(q.rows, self._row_groups, strict=True):
                b = group.checkedButton()
                if b is not None:
                    out[r.code] = q.columns[group.id(b)].code
            return out or None
        return None

    def problem(self) -> str | None:
        """Why the current value cannot be taken (translated), or None."""
        q = self._question
        if q is None:
            return None
        if q.kind is Kind.NUMBER and self._line is not None:
            typed = self._line.text().strip()
            if typed and _number(typed) is None:
                return self.tr("Type a number")
        raw = check_answer(q, self.value())
        return None if raw is None else self._message(q, raw)

    def show_problem(self, message: str | None) -> None:
        self._error.setText(message or "")
        self._error.setVisible(bool(message))

    def commit(self) -> bool:
        """Check the answer; emit `answered` when it is valid, show why not otherwise."""
        if self._question is None:
            return False
        problem = self.problem()
        self.show_problem(problem)
        if problem is not None:
            return False
        self.answered.emit(self.value())
        return True

    def choice_buttons(self) -> list[QAbstractButton]:
        """The buttons of a choice, rating or NPS question in order (for tests and owners)."""
        return list(self._group.buttons()) if self._group is not None else []

    def matrix_buttons(self) -> list[list[QAbstractButton]]:
        return [list(g.buttons()) for g in self._row_groups]

    def editor(self) -> QWidget | None:
        """The text, number or date field, if the question has one."""
        return self._line or self._date

    # --- building -------------------------------------------------------------------------
    def _target(self) -> int:
        return round(BASE_TARGET * self._scale)

    def _apply_fonts(self) -> None:
        f = QFont(self.font())
        f.setPointSizeF(BASE_POINT_SIZE * self._scale)
        self.setFont(f)
        hint = QFont(f)
        hint.setPointSizeF(max(BASE_POINT_SIZE * 0.9, BASE_POINT_SIZE * self._scale * 0.6))
        self._hint.setFont(hint)
        self._error.setFont(f)
        big = QFont(f)
        big.setPointSizeF(BASE_POINT_SIZE * self._scale * 1.3)
        big.setBold(True)
        self._text.setFont(big)

    def _button(self, text: str, *, checkable: bool = True) -> QPushButton:
        b = QPushButton(text)
        b.setCheckable(checkable)
        b.setMinimumHeight(self._target())
        b.setMinimumWidth(self._target())
        # keys go to the view (digits pick, Enter commits), never to a focused button
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        b.setFont(self.font())  # explicit: a style sheet in the cascade may reset inherited fonts
        b.setProperty("answer", True)
        b.toggled.connect(self._on_changed)
        return b

    def _build_choices(self, q: Question, value: object) -> None:
        box = QGridLayout(self._body)
        columns = 2 if len(q.choices) > 5 else 1
        rows = -(-len(q.choices) // columns)
        group = QButtonGroup(self._body)
        group.setExclusive(q.kind is Kind.SINGLE)
        chosen = (
            {value}
            if isinstance(value, str)
            else set(value)
            if isinstance(value, (list, tuple, set, frozenset))
            else set()
        )
        for i, c in enumerate(q.choices):
            key = f"{i + 1}  " if i < 9 else ("0  " if i == 9 else "")
            b = self._button(key + c.label)
            b.setObjectName("choice")
            b.setChecked(c.code in chosen)
            group.addButton(b, i)
            # a long list in two columns, so a kiosk screen holds ten choices without scrolling
            if columns == 1:
                box.addWidget(b, i, 0)
            else:
                box.addWidget(b, i % rows, i // rows)
        box.setRowStretch(rows, 1)
        self._group = group
        if q.kind is Kind.SINGLE:
            self._hint.setText(self.tr("Press a number to choose, Enter to go on"))
        else:
            self._hint.setText(self.tr("Choose all that apply; Enter to go on"))

    def _build_scale(self, q: Question, value: object) -> None:
        lo, hi = (0, 10) if q.kind is Kind.NPS else (1, int(q.max or 5))
        outer = QVBoxLayout(self._body)
        box = QHBoxLayout()
        outer.addLayout(box)
        outer.addStretch(1)
        group = QButtonGroup(self._body)
        group.setExclusive(True)
        for n in range(lo, hi + 1):
            b = self._button(str(n))
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setChecked(value == n)
            group.addButton(b, n)
            box.addWidget(b)
        self._group = group
        if q.kind is Kind.NPS:
            self._hint.setText(self.tr("0 = not at all likely, 10 = extremely likely"))
        else:
            self._hint.setText(self.tr("Press a number to choose, Enter to go on"))

    def _build_line(self, q: Question, value: object) -> None:
        box = QVBoxLayout(self._body)
        line = QLineEdit()
        line.setMinimumHeight(self._target())
        if q.kind is Kind.TEXT:
            line.setMaxLength(MAX_TEXT)
            line.setText(value if isinstance(value, str) else "")
            self._hint.setText(self.tr("Type your answer, Enter to go on"))
        else:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                line.setText(f"{value:g}")
            line.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)
            self._hint.setText(self.tr("Type a number, Enter to go on"))
        line.textEdited.connect(self._on_changed)
        box.addWidget(line)
        box.addStretch(1)
        self._line = line

    def _build_date(self, q: Question, value: object) -> None:
        box = QVBoxLayout(self._body)
        edit = QDateEdit()
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.setMinimumHeight(self._target())
        if isinstance(value, dt.date):
            edit.setDate(QDate(value.year, value.month, value.day))
            self._date_touched = True
        else:
            edit.setDate(QDate.currentDate())
        edit.dateChanged.connect(self._on_date_changed)
        box.addWidget(edit)
        box.addStretch(1)
        self._date = edit
        self._hint.setText(self.tr("Pick a date, Enter to go on"))

    def _build_matrix(self, q: Question, value: object) -> None:
        grid = QGridLayout(self._body)
        for j, c in enumerate(q.columns):
            head = QLabel(f"{j + 1}  {c.label}" if j < 9 else c.label)
            head.setTextFormat(Qt.TextFormat.PlainText)
            head.setWordWrap(True)
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 0, j + 1)
        given = value if isinstance(value, dict) else {}
        for i, r in enumerate(q.rows):
            label = QLabel(r.label)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            grid.addWidget(label, i + 1, 0)
            group = QButtonGroup(self._body)
            group.setExclusive(True)
            for j, c in enumerate(q.columns):
                b = self._button("")
                b.setChecked(given.get(r.code) == c.code)
                b.setAccessibleName(f"{r.label}: {c.label}")
                group.addButton(b, j)
                grid.addWidget(b, i + 1, j + 1)
            self._row_groups.append(group)
        self._row = next(
            (i for i, g in enumerate(self._row_groups) if g.checkedButton() is None), 0
        )
        self._hint.setText(self.tr("One answer per row: numbers answer the next row"))

    # --- input ----------------------------------------------------------------------------
    @Slot()
    def _on_changed(self) -> None:
        self._error.hide()
        self.edited.emit()

    @Slot(QDate)
    def _on_date_changed(self, _d: QDate) -> None:
        self._date_touched = True
        self._on_changed()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        q = self._question
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # the one place Enter commits: a text or date field passes Enter on to its parent
            # (connecting returnPressed as well answered twice, skipping the next question)
            self.commit()
            return
        if q is not None and Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and self._pick(q, key - 48):
            return
        if q is not None and q.kind in (Kind.RATING, Kind.NPS) and self._group is not None:
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(key))
            if step is not None:
                current = self.value()
                lo = 0 if q.kind is Kind.NPS else 1
                n = lo if current is None else int(str(current)) + step
                b = _at(self._group, n)
                if b is not None:
                    b.setChecked(True)
                return
        super().keyPressEvent(event)

    def _pick(self, q: Question, digit: int) -> bool:
        # "0" is the tenth choice, as on a phone keypad; matrix columns run 1..9
        index = 9 if digit == 0 and q.kind is not Kind.MATRIX else digit - 1
        if q.kind in (Kind.SINGLE, Kind.MULTIPLE) and self._group is not None:
            b = _at(self._group, index)
            if b is None:
                return False
            b.setChecked(True if q.kind is Kind.SINGLE else not b.isChecked())
            return True
        if q.kind in (Kind.RATING, Kind.NPS) and self._group is not None:
            n = digit
            if q.kind is Kind.NPS:
                if self._typed.isValid() and self._typed.elapsed() > 1500:
                    self._digits = ""  # a pause: a new number, not the second digit
                self._typed.start()
                self._digits = (self._digits + str(digit))[-2:]
                n = 10 if self._digits == "10" else digit
            b = _at(self._group, n)
            if b is None:
                return False
            b.setChecked(True)
            return True
        if q.kind is Kind.MATRIX and self._row_groups:
            b = _at(self._row_groups[self._row], index)
            if b is None:
                return False
            b.setChecked(True)
            self._row = min(self._row + 1, len(self._row_groups) - 1)
            return True
        return False

    def _message(self, q: Question, raw: str) -> str:
        """core.survey's reason in the reader's language (the common ones; others as given)."""
        if raw == "an answer is required":
            return self.tr("Please answer this question")
        if raw == "every row needs an answer":
            return self.tr("Please answer every row")
        if raw == "give a number":
            return self.tr("Type a number")
        if raw.startswith("the smallest allowed is") and q.min is not None:
            return self.tr("The smallest allowed is %1").replace("%1", f"{q.min:g}")
        if raw.startswith("the largest allowed is") and q.max is not None:
            return self.tr("The largest allowed is %1").replace("%1", f"{q.max:g}")
        if raw.startswith("the text is longer"):
            return self.tr("The text is too long")
        return raw


def _number(text: str) -> int | float | None:
    s = text.strip().replace(",", ".").replace("，", ".")
    if not _NUMBER.fullmatch(s):
        return None
    value = float(s)
    return int(value) if value.is_integer() and "." not in s else value


def _at(group: QButtonGroup, button_id: int) -> QAbstractButton | None:
    """The group's button with this id, or None (Qt's button() is typed as never None)."""
    return next((b for b in group.buttons() if group.id(b) == button_id), None)
