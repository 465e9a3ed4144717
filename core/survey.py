"""Survey forms, checks, navigation; files in TOML: readable, diffable, commented, in tomllib."""

# TOML rather than an XLSForm spreadsheet: reading xlsx needs a third-party library in core,
# and a spreadsheet cannot be diffed between form versions or carry comments.

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from core.survey_expr import Expr, ExprError, evaluate, names, parse

END = "end"  # a skip target meaning "no more questions"
MAX_TEXT = 4000  # free-text answers; longer is a paste accident, not an answer
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")
_RESERVED = frozenset({"and", "or", "not", "in", "null", "true", "false", END})


class Kind(enum.StrEnum):
    """Question types."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    RATING = "rating"  # 1..max
    NPS = "nps"  # 0..10
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    MATRIX = "matrix"  # one column code per row


CHOICE_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE})


@dataclass(frozen=True, slots=True)
class Choice:
    """An answer option (or a matrix row/column): a stable code and its label."""

    code: str
    label: str


@dataclass(frozen=True, slots=True)
class Skip:
    """After this question is answered, if `when` holds, go to question `to` (or END)."""

    when: str
    to: str


@dataclass(frozen=True, slots=True)
class Question:
    """One question; `show_if` and each skip's `when` are expression texts."""

    id: str
    kind: Kind
    text: str
    required: bool = False
    choices: tuple[Choice, ...] = ()
    min: float | None = None
    max: float | None = None
    rows: tuple[Choice, ...] = ()
    columns: tuple[Choice, ...] = ()
    show_if: str | None = None
    skip: tuple[Skip, ...] = ()
    measure: str | None = None  # "csat": the share of `satisfied` answers is a reported figure
    satisfied: tuple[str, ...] = ()  # choice codes (or rating values as text) counted satisfied
    dont_know: tuple[str, ...] = ()  # codes left out of the CSAT denominator


# "csat": satisfaction; "convenience" and "awareness": the plan's other survey indicators
# (resources/indicators.toml), counted the same way: the share of `satisfied` (positive) codes.
MEASURES = frozenset({"csat", "convenience", "awareness"})


@dataclass(frozen=True, slots=True)
class Computed:
    """A derived value, e.g. a score sum, available to later conditions by its name."""

    name: str
    expr: str


@dataclass(frozen=True, slots=True)
class Form:
    """A versioned survey definition."""

    code: str
    title: str
    version: int
    questions: tuple[Question, ...] = ()
    computed: tuple[Computed, ...] = ()

    def question(self, qid: str) -> Question:
        for q in self.questions:
            if q.id == qid:
                return q
        raise KeyError(qid)


@dataclass(frozen=True, slots=True)
class FormProblem:
    """Something that keeps a form from being published; `question` is the id it concerns."""

    question: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.question}: {self.message}" if self.question else self.message


class FormError(ValueError):
    """A form refused at publish; the message names the questions."""

    def __init__(self, problems: list[FormProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


class FormFileError(ValueError):
    """A form file that cannot be read; line and column are 1-based (0 when unknown)."""

    def __init__(self, source: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{source}:{line}:{column}: {message}")
        self.source, self.line, self.column, self.reason = source, line, column, message


# --- validation -----------------------------------------------------------------------------


def _parsed(text: str, owner: str, what: str, out: list[FormProblem]) -> Expr | None:
    try:
        return parse(text)
    except ExprError as exc:
        out.append(FormProblem(owner, f"{what} cannot be parsed: {exc}"))
        return None


def _check_options(q: Question, out: list[FormProblem]) -> None:
    groups: list[tuple[str, tuple[Choice, ...]]] = []
    if q.kind in CHOICE_KINDS:
        groups.append(("choices", q.choices))
    if q.kind is Kind.MATRIX:
        groups += [("rows", q.rows), ("columns", q.columns)]
    for what, items in groups:
        if not items:
            out.append(FormProblem(q.id, f"has no {what}"))
        codes = [c.code.strip() for c in items]
        if any(not c for c in codes):
            out.append(FormProblem(q.id, f"has {what} without a code"))
        dupes = sorted({c for c in codes if c and codes.count(c) > 1})
        if dupes:
            out.append(FormProblem(q.id, f"has duplicate {what} codes: {', '.join(dupes)}"))
    lo, hi = q.min, q.max
    for bound in (lo, hi):
        if bound is not None and not math.isfinite(bound):
            out.append(FormProblem(q.id, "has a bound that is not a finite number"))
    if q.kind is Kind.RATING:
        if (
            lo not in (None, 1)
            or hi is None
            or not math.isfinite(hi)
            or hi != int(hi)
            or not 2 <= hi <= 10
        ):
            out.append(FormProblem(q.id, "a rating runs from 1 to a whole number between 2 and 10"))
    elif q.kind is Kind.NPS:
        if lo not in (None, 0) or hi not in (None, 10):
            out.append(FormProblem(q.id, "an NPS question always runs from 0 to 10"))
    elif q.kind is Kind.NUMBER and lo is not None and hi is not None and lo > hi:
        out.append(FormProblem(q.id, f"minimum {lo:g} is above maximum {hi:g}"))
    _check_measure(q, out)


def _measure_codes(q: Question) -> set[str]:
    if q.kind is Kind.SINGLE:
        return {c.code for c in q.choices}
    hi = q.max if q.max is not None and math.isfinite(q.max) else 0
    return {str(v) for v in range(1, int(hi) + 1)}


def _check_measure(q: Question, out: list[FormProblem]) -> None:
    if q.measure is None:
        if q.satisfied or q.dont_know:
            out.append(FormProblem(q.id, 'satisfied and dont_know need measure = "csat"'))
        return
    if q.measure not in MEASURES:
        out.append(
            FormProblem(
                q.id, f"unknown measure {q.measure!r} (known: {', '.join(sorted(MEASURES))})"
            )
        )
        return
    if q.kind not in (Kind.SINGLE, Kind.RATING):
        out.append(
            FormProblem(q.id, f"{q.measure} is measured on a single-choice or rating question")
        )
        return
    if not q.satisfied:
        out.append(FormProblem(q.id, f"{q.measure} needs at least one satisfied code"))
    codes = _measure_codes(q)
    for what, items in (("satisfied", q.satisfied), ("dont_know", q.dont_know)):
        wrong = sorted({c for c in items if c not in codes})
        if wrong:
            out.append(FormProblem(q.id, f"{what} codes not among the answers: {', '.join(wrong)}"))
    both = sorted(set(q.satisfied) & set(q.dont_know))
    if both:
        out.append(FormProblem(q.id, f"codes both satisfied and dont_know: {', '.join(both)}"))


def find_cycles(form: Form) -> list[list[str]]:
    """Loops in the question graph (each question to the next and to its skip targets)."""
    ids = [q.id for q in form.questions]
    index = {qid: i for i, qid in enumerate(ids)}
    edges: dict[str, list[str]] = {}
    for i, q in enumerate(form.questions):
        # the next question first: the walk then runs down the whole form, so every edge
        # pointing back up is a back edge of the depth-first search and each loop is found
        nxt = [ids[i + 1]] if i + 1 < len(ids) else []
        edges[q.id] = nxt + [s.to for s in q.skip if s.to in index]
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []
    for root in ids:
        if root in state:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        state[root] = 1
        stack.append(root)
        while work:
            node, k = work[-1]
            if k < len(edges[node]):
                work[-1] = (node, k + 1)
                nxt_id = edges[node][k]
                if state.get(nxt_id) == 1:
                    cycles.append([*stack[stack.index(nxt_id) :], nxt_id])
                elif nxt_id not in state:
                    state[nxt_id] = 1
                    stack.append(nxt_id)
                    work.append((nxt_id, 0))
            else:
                state[node] = 2
                stack.pop()
                work.pop()
    return cycles


def _check_refs(
    text: str, owner: str, what: str, limit: int, known: Mapping[str, int], out: list[FormProblem]
) -> None:
    """Names in `text` must exist and be known by position `limit` (forward refs are refused)."""
    expr = _parsed(text, owner, what, out)
    for ref in sorted(names(expr)) if expr else []:
        at = known.get(ref)
        if at is None:
            out.append(FormProblem(owner, f"{what} refers to unknown {ref!r}"))
        elif at > limit:
            out.append(FormProblem(owner, f"{what} refers to {ref!r} before it is asked"))


def validate(form: Form) -> list[FormProblem]:
    """Every reason the form cannot be published; empty when it can."""
    out: list[FormProblem] = []
    if not form.questions:
        return [FormProblem(None, "the form has no questions")]
    if not form.code.strip() or not form.title.strip():
        out.append(FormProblem(None, "the form needs a code and a title"))
    if form.version < 1:
        out.append(FormProblem(None, "the version must be 1 or more"))
    position: dict[str, int] = {}
    for i, q in enumerate(form.questions):
        if not _ID.fullmatch(q.id) or q.id in _RESERVED:
            out.append(FormProblem(q.id, "is not a valid id (a letter, then letters, digits, _)"))
        if q.id in position:
            out.append(FormProblem(q.id, "duplicate question id"))
        else:
            position[q.id] = i
        if not q.text.strip():
            out.append(FormProblem(q.id, "has no text"))
        _check_options(q, out)
    # a computed value is known once the last question it reads is reached
    ready: dict[str, int] = {}
    for c in form.computed:
        if c.name in position or c.name in ready or not _ID.fullmatch(c.name):
            out.append(FormProblem(c.name, "computed name is invalid or already used"))
            continue
        expr = _parsed(c.expr, c.name, "computed value", out)
        at = -1
        for ref in sorted(names(expr)) if expr else []:
            if ref in position:
                at = max(at, position[ref])
            elif ref in ready:
                at = max(at, ready[ref])
            else:
                out.append(FormProblem(c.name, f"computed value refers to unknown {ref!r}"))
        ready[c.name] = at
    known = {**position, **ready}
    for i, q in enumerate(form.questions):
        if q.show_if is not None:
            _check_refs(q.show_if, q.id, "show_if", i - 1, known, out)
        for s in q.skip:
            _check_refs(s.when, q.id, "skip condition", i, known, out)
            if s.to != END and s.to not in position:
                out.append(FormProblem(q.id, f"skips to unknown question {s.to!r}"))
    for cycle in find_cycles(form):
        out.append(FormProblem(cycle[-2], "skip logic loops: " + " → ".join(cycle)))
    return out


def publish(form: Form) -> Form:
    """The form, unchanged, if it can be published; FormError naming the questions otherwise."""
    problems = validate(form)
    if problems:
        raise FormError(problems)
    return form


# --- navigation -----------------------------------------------------------------------------


def _answered(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        return len(value) > 0
    return True


def computed_values(form: Form, answers: Mapping[str, object]) -> dict[str, object]:
    """The computed values over these answers (null when any input is missing)."""
    env: dict[str, object] = dict(answers)
    out: dict[str, object] = {}
    for c in form.computed:
        try:
            expr = parse(c.expr)
        except ExprError:
            expr = None
        # an age band "(age >= 35) + (age >= 60)" must be null, not 0, when age is unknown
        value: object = None
        if expr is not None and all(_answered(env.get(n)) for n in names(expr)):
            value = evaluate(expr, env)
        env[c.name] = out[c.name] = value
    return out


def _holds(text: str, env: Mapping[str, object]) -> bool:
    try:
        return evaluate(parse(text), env) is True
    except ExprError:
        return False  # an unparseable condition never fires; publish refuses it anyway


def path(form: Form, answers: Mapping[str, object]) -> list[Question]:
    """The questions shown, in order, given these answers (hidden and skipped ones left out)."""
    index = {q.id: i for i, q in enumerate(form.questions)}
    kept: dict[str, object] = {}  # only answers to shown questions steer what follows
    env: dict[str, object] = {}
    shown: list[Question] = []
    seen: set[int] = set()
    i = 0
    while i < len(form.questions) and i not in seen:  # `seen` guards an unpublished loop
        seen.add(i)
        q = form.questions[i]
        if q.show_if is not None and not _holds(q.show_if, env):
            i += 1
            continue
        shown.append(q)
        nxt = i + 1
        if _answered(answers.get(q.id)):
            kept[q.id] = answers[q.id]
            # computed values change only when an answer is kept: recompute here, not per question
            env = {**kept, **computed_values(form, kept)} if form.computed else kept
            for s in q.skip:
                if _holds(s.when, env):
                    nxt = len(form.questions) if s.to == END else index.get(s.to, i + 1)
                    break
        i = nxt
    return shown


def visible(form: Form, answers: Mapping[str, object]) -> list[str]:
    """Ids of the questions shown given these answers."""
    return [q.id for q in path(form, answers)]


def next_question(form: Form, answers: Mapping[str, object], after: str | None) -> Question | None:
    """The question to show after `after` (the first one when None); None at the end."""
    shown = path(form, answers)
    if after is None:
        return shown[0] if shown else None
    ids = [q.id for q in shown]
    if after not in ids:
        raise KeyError(after)
    k = ids.index(after) + 1
    return shown[k] if k < len(shown) else None


def previous_question(form: Form, answers: Mapping[str, object], before: str) -> Question | None:
    """The question shown before `before`; None at the first."""
    ids = [q.id for q in path(form, answers)]
    k = ids.index(before)
    return form.question(ids[k - 1]) if k > 0 else None


def clean_answers(form: Form, answers: Mapping[str, object]) -> dict[str, object]:
    """Only the answers to questions still shown (a changed answer may hide later ones)."""
    ids = set(visible(form, answers))
    return {k: v for k, v in answers.items() if k in ids}


def complete(form: Form, answers: Mapping[str, object]) -> bool:
    """Whether every shown required question has a valid answer."""
    for q in path(form, answers):
        value = answers.get(q.id)
        if q.required and not _answered(value):
            return False
        if _answered(value) and check_answer(q, value) is not None:
            return False
    return True


def _codes(items: Iterable[Choice]) -> set[str]:
    return {c.code for c in items}


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_answer(q: Question, value: object) -> str | None:
    """Why `value` is not a valid answer to `q`, or None when it is (missing is checked apart)."""
    if not _answered(value):
        return "an answer is required" if q.required else None
    if q.kind is Kind.SINGLE:
        if not isinstance(value, str) or value not in _codes(q.choices):
            return f"{value!r} is not one of the choices"
    elif q.kind is Kind.MULTIPLE:
        if not isinstance(value, (list, tuple, set, frozenset)):
            return "choose one or more of the choices"
        wrong = sorted(str(v) for v in value if v not in _codes(q.choices))
        if wrong:
            return f"not among the choices: {', '.join(wrong)}"
        if isinstance(value, (list, tuple)) and len(set(value)) != len(value):
            return "a choice is given twice"
    elif q.kind in (Kind.RATING, Kind.NPS):
        lo, hi = (0, 10) if q.kind is Kind.NPS else (1, int(q.max or 5))
        if not _whole(value) or not lo <= value <= hi:  # type: ignore[operator]
            return f"give a whole number from {lo} to {hi}"
    elif q.kind is Kind.NUMBER:
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            return "give a number"
        if q.min is not None and value < q.min:
            return f"the smallest allowed is {q.min:g}"
        if q.max is not None and value > q.max:
            return f"the largest allowed is {q.max:g}"
    elif q.kind is Kind.TEXT:
        if not isinstance(value, str):
            return "give a text"
        if len(value) > MAX_TEXT:
            return f"the text is longer than {MAX_TEXT} characters"
    elif q.kind is Kind.DATE:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            return "give a date"
    elif q.kind is Kind.MATRIX:
        if not isinstance(value, Mapping):
            return "give one column per row"
        rows, cols = _codes(q.rows), _codes(q.columns)
        bad = sorted(str(r) for r, c in value.items() if r not in rows or c not in cols)
        if bad:
            return f"rows with an unknown row or column: {', '.join(bad)}"
        if q.required and set(value) != rows:
            return "every row needs an answer"
    return None


class Session:
    """One person answering a form: the current question, answers so far, forward and back."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self._answers: dict[str, object] = {}
        self.current: Question | None = next_question(form, {}, None)

    @property
    def answers(self) -> dict[str, object]:
        return dict(self._answers)

    def answer(self, value: object) -> str | None:
        """Record an answer to the current question and move on; the error message if refused."""
        q = self.current
        if q is None:
            return "the survey is finished"
        problem = check_answer(q, value)
        if problem is not None:
            return problem
        if _answered(value):
            self._answers[q.id] = value
        else:
            self._answers.pop(q.id, None)
        self._answers = clean_answers(self.form, self._answers)
        self.current = next_question(self.form, self._answers, q.id)
        return None

    def back(self) -> Question | None:
        """Return to the previous question shown (stays at the first)."""
        if self.current is None:
            shown = path(self.form, self._answers)
            self.current = shown[-1] if shown else None
        else:
            self.current = (
                previous_question(self.form, self._answers, self.current.id) or self.current
            )
        return self.current

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def complete(self) -> bool:
        return self.current is None and complete(self.form, self._answers)


# --- TOML file --------------------------------------------------------------------------------


def _line_of(text: str, qid: str | None) -> int:
    if qid is None:
        return 0
    pattern = re.compile(rf"""^\s*(?:id|name)\s*=\s*["']{re.escape(qid)}["']""", re.MULTILINE)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else 0


def _choices(raw: object, where: str) -> tuple[Choice, ...]:
    if not isinstance(raw, list):
        raise TypeError(f"{where} must be a list of {{code, label}} tables")
    out = []
    for item in raw:
        if isinstance(item, str):
            raise TypeError(f"{where}: {item!r} has no code (write {{code = …, label = …}})")
        if not isinstance(item, dict):
            raise TypeError(f"{where} must be a list of {{code, label}} tables")
        out.append(Choice(str(item.get("code", "")), str(item.get("label", ""))))
    return tuple(out)


def _bound(raw: object, where: str) -> float | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise TypeError(f"{where} must be a number")
    return raw


def _codes_list(raw: object, where: str) -> tuple[str, ...]:
    # rating values may be written as numbers (satisfied = [4, 5]); they are kept as text
    if not isinstance(raw, list) or not all(isinstance(c, str) or _whole(c) for c in raw):
        raise TypeError(f"{where} must be a list of codes")
    return tuple(str(c) for c in raw)


def _question(raw: dict[str, Any]) -> Question:
    qid = str(raw.get("id", ""))
    try:
        kind = Kind(str(raw.get("kind")))
    except ValueError:
        raise TypeError(f"unknown kind {raw.get('kind')!r}") from None
    text = raw.get("text", "")
    if not isinstance(text, str) or not isinstance(raw.get("required", False), bool):
        raise TypeError("text must be a string and required true or false")
    skips = []
    if not isinstance(raw.get("skip", []), list):
        raise TypeError("skip must be tables: [[questions.skip]]")
    for s in raw.get("skip", []):
        if (
            not isinstance(s, dict)
            or not isinstance(s.get("when"), str)
            or not isinstance(s.get("to"), str)
        ):
            raise TypeError('each skip needs when = "…" and to = "…"')
        skips.append(Skip(s["when"], s["to"]))
    show_if = raw.get("show_if")
    if show_if is not None and not isinstance(show_if, str):
        raise TypeError("show_if must be a string")
    measure = raw.get("measure")
    if measure is not None and not isinstance(measure, str):
        raise TypeError("measure must be a string")
    return Question(
        id=qid,
        kind=kind,
        text=text,
        required=raw.get("required", False),
        choices=_choices(raw.get("choices", []), "choices"),
        min=_bound(raw.get("min"), "min"),
        max=_bound(raw.get("max"), "max"),
        rows=_choices(raw.get("rows", []), "rows"),
        columns=_choices(raw.get("columns", []), "columns"),
        show_if=show_if,
        skip=tuple(skips),
        measure=measure,
        satisfied=_codes_list(raw.get("satisfied", []), "satisfied"),
        dont_know=_codes_list(raw.get("dont_know", []), "dont_know"),
    )


def load_form(text: str, source_name: str, *, strict: bool = True) -> Form:
    """The form in TOML `text`; FormFileError with line and column; `strict` also runs validate."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
        raise FormFileError(source_name, line, col, str(exc).split(" (at line")[0]) from exc
    for key in ("questions", "computed"):
        if not isinstance(data.get(key, []), list) or not all(
            isinstance(r, dict) for r in data.get(key, [])
        ):
            raise FormFileError(source_name, 0, 0, f"{key} must be tables: [[{key}]]")
    questions = []
    for raw in data.get("questions", []):
        try:
            questions.append(_question(raw))
        except TypeError as exc:
            qid = str(raw.get("id", "")) or None
            raise FormFileError(source_name, _line_of(text, qid), 1, f"{qid}: {exc}") from exc
    computed = []
    for raw in data.get("computed", []):
        if not isinstance(raw.get("name"), str) or not isinstance(raw.get("expr"), str):
            raise FormFileError(source_name, 0, 0, 'each computed needs name = "…" and expr = "…"')
        computed.append(Computed(raw["name"], raw["expr"]))
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool):
        raise FormFileError(source_name, 0, 0, "version must be a whole number")
    form = Form(
        code=str(data.get("code", "")),
        title=str(data.get("title", "")),
        version=version,
        questions=tuple(questions),
        computed=tuple(computed),
    )
    if strict:
        problems = validate(form)
        if problems:
            first = problems[0]
            raise FormFileError(
                source_name, _line_of(text, first.question), 1, "; ".join(map(str, problems))
            )
    return form


def _toml_str(s: str) -> str:
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_num(x: float) -> str:
    return repr(x) if isinstance(x, float) else str(x)


def _toml_choices(items: tuple[Choice, ...]) -> str:
    lines = [f"  {{ code = {_toml_str(c.code)}, label = {_toml_str(c.label)} }}," for c in items]
    return "[\n" + "\n".join(lines) + "\n]"


def dump_form(form: Form) -> str:
    """The form as TOML that load_form reads back to an equal form."""
    out = [
        f"code = {_toml_str(form.code)}",
        f"title = {_toml_str(form.title)}",
        f"version = {form.version}",
    ]
    for q in form.questions:
        out += ["", "[[questions]]", f"id = {_toml_str(q.id)}", f"kind = {_toml_str(q.kind.value)}"]
        out += [f"text = {_toml_str(q.text)}", f"required = {'true' if q.required else 'false'}"]
        for key, items in (("choices", q.choices), ("rows", q.rows), ("columns", q.columns)):
            if items:
                out.append(f"{key} = {_toml_choices(items)}")
        if q.min is not None:
            out.append(f"min = {_toml_num(q.min)}")
        if q.max is not None:
            out.append(f"max = {_toml_num(q.max)}")
        if q.show_if is not None:
            out.append(f"show_if = {_toml_str(q.show_if)}")
        if q.measure is not None:
            out.append(f"measure = {_toml_str(q.measure)}")
        for key, codes in (("satisfied", q.satisfied), ("dont_know", q.dont_know)):
            if codes:
                out.append(f"{key} = [{', '.join(_toml_str(c) for c in codes)}]")
        for s in q.skip:
            out += ["[[questions.skip]]", f"when = {_toml_str(s.when)}", f"to = {_toml_str(s.to)}"]
    for c in form.computed:
        out += ["", "[[computed]]", f"name = {_toml_str(c.name)}", f"expr = {_toml_str(c.expr)}"]
    return "\n".join(out) + "\n"


def answers_from_json(form: Form, data: Mapping[str, object]) -> dict[str, object]:
    """Answers as stored in JSON, with dates (ISO text there) back as dates; bad dates kept."""
    out = dict(data)
    for q in form.questions:
        value = out.get(q.id)
        if q.kind is Kind.DATE and isinstance(value, str):
            with contextlib.suppress(ValueError):  # a bad date stays text: "give a date"
                out[q.id] = dt.date.fromisoformat(value)
    return out


def answers_to_json(answers: Mapping[str, object]) -> dict[str, object]:
    """Answers ready for json.dumps: dates as ISO text, sets as sorted lists."""
    out: dict[str, object] = {}
    for k, v in answers.items():
        if isinstance(v, dt.date):
            v = v.isoformat()
        elif isinstance(v, (set, frozenset, tuple)):
            v = sorted(v) if isinstance(v, (set, frozenset)) else list(v)
        out[k] = v
    return out


def form_problems(definition: str) -> list[str]:
    """Why the TOML form `definition` cannot be published (the storage layer's form check)."""
    try:
        return [str(p) for p in validate(load_form(definition, "form", strict=False))]
    except FormFileError as exc:
        return [str(exc)]


def answer_problems(definition: str, answers: Mapping[str, object]) -> list[str]:
    """Why JSON `answers` are not a complete, valid response to the TOML form `definition`."""
    try:
        form = load_form(definition, "form", strict=False)
    except FormFileError as exc:
        return [str(exc)]
    values = answers_from_json(form, answers)
    shown = path(form, values)
    ids = {q.id for q in shown}
    out = [f"{k}: answers a question not shown" for k in values if k not in ids]
    for q in shown:
        problem = check_answer(q, values.get(q.id))
        if problem is not None:
            out.append(f"{q.id}: {problem}")
    return out
