"""Survey conditions and computed values: a small safe expression language, parsed once, no eval."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

KEYWORDS = frozenset({"and", "or", "not", "in", "null", "true", "false"})
COMPARISONS = ("<=", ">=", "!=", "=", "<", ">")
_TOKEN = re.compile(
    r"""\s*(?:
      (?P<num>\d+(?:\.\d+)?)
    | (?P<str>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
    | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<op><=|>=|!=|=|<|>|\+|-|\*|/|\(|\)|\[|\]|,)
    )""",
    re.VERBOSE,
)
MAX_DEPTH = 40  # brackets within brackets; far beyond any real condition
MAX_LENGTH = 2000  # a condition is a line, not a program; bounds parse time and recursion depth


class ExprError(ValueError):
    """An expression that cannot be parsed; `position` is the 0-based offset in its text."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} (at character {position + 1})")
        self.position = position


Value = float | int | str | bool | None | tuple["Value", ...]


@dataclass(frozen=True, slots=True)
class Literal:
    value: Value


@dataclass(frozen=True, slots=True)
class Name:
    id: str


@dataclass(frozen=True, slots=True)
class ListExpr:
    items: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Compare:
    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class In:
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class BoolOp:
    op: str  # "and" | "or"
    operands: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class Not:
    operand: Expr


@dataclass(frozen=True, slots=True)
class Arith:
    op: str  # + - * /
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class Neg:
    operand: Expr


Expr = Literal | Name | ListExpr | Compare | In | BoolOp | Not | Arith | Neg


def _tokenize(text: str) -> list[tuple[str, str, int]]:
    """Kind, text and offset of each token; anything outside the grammar is an error here."""
    if len(text) > MAX_LENGTH:
        raise ExprError(f"expression longer than {MAX_LENGTH} characters", MAX_LENGTH)
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if m is None or m.lastgroup is None:
            at = len(text) - len(text[pos:].lstrip())
            raise ExprError(f"unexpected character {text[at]!r}", at)
        kind = m.lastgroup
        start = m.start(kind)
        tok = m.group(kind)
        if kind == "name" and tok.startswith("__"):
            raise ExprError(f"name {tok!r} is not allowed", start)
        tokens.append((kind, tok, start))
        pos = m.end()
    tokens.append(("end", "", len(text)))
    return tokens


def _unquote(tok: str) -> str:
    body = tok[1:-1]
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


class _Parser:
    """Recursive descent: or, and, not, comparison and in, + -, * /, unary minus, atoms."""

    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.i = 0
        self.depth = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def accept(self, text: str) -> bool:
        kind, tok, _ = self.peek()
        if kind in ("op", "name") and tok == text:
            self.i += 1
            return True
        return False

    def expect(self, text: str) -> None:
        if not self.accept(text):
            _, tok, pos = self.peek()
            raise ExprError(f"expected {text!r}, found {tok or 'end of expression'!r}", pos)

    def parse(self) -> Expr:
        expr = self.or_()
        kind, tok, pos = self.peek()
        if kind != "end":
            raise ExprError(f"unexpected {tok!r}", pos)
        return expr

    def or_(self) -> Expr:
        items = [self.and_()]
        while self.accept("or"):
            items.append(self.and_())
        return items[0] if len(items) == 1 else BoolOp("or", tuple(items))

    def and_(self) -> Expr:
        items = [self.not_()]
        while self.accept("and"):
            items.append(self.not_())
        return items[0] if len(items) == 1 else BoolOp("and", tuple(items))

    def not_(self) -> Expr:
        count = 0  # a loop, not recursion, so "not not not …" cannot exhaust the stack
        while self.accept("not"):
            count += 1
            if count > MAX_DEPTH:  # evaluation recurses over the tree: keep it shallow
                raise ExprError("too many prefixes in a row", self.peek()[2])
        expr = self.comparison()
        for _ in range(count):
            expr = Not(expr)
        return expr

    def comparison(self) -> Expr:
        left = self.additive()
        kind, tok, _ = self.peek()
        if kind == "op" and tok in COMPARISONS:
            self.take()
            return Compare(tok, left, self.additive())
        if self.accept("in"):
            return In(left, self.additive())
        if kind == "name" and tok == "not" and self.tokens[self.i + 1][1] == "in":
            self.i += 2
            return Not(In(left, self.additive()))
        return left

    def additive(self) -> Expr:
        left = self.term()
        while self.peek()[0] == "op" and self.peek()[1] in "+-":
            op = self.take()[1]
            left = Arith(op, left, self.term())
        return left

    def term(self) -> Expr:
        left = self.unary()
        while self.peek()[0] == "op" and self.peek()[1] in "*/":
            op = self.take()[1]
            left = Arith(op, left, self.unary())
        return left

    def unary(self) -> Expr:
        count = 0
        while self.accept("-"):
            count += 1
            if count > MAX_DEPTH:  # evaluation recurses over the tree: keep it shallow
                raise ExprError("too many prefixes in a row", self.peek()[2])
        expr = self.atom()
        for _ in range(count):
            expr = Neg(expr)
        return expr

    def atom(self) -> Expr:
        kind, tok, pos = self.take()
        self.depth += 1
        if (
            self.depth > MAX_DEPTH
        ):  # deep nesting is never a real condition; keeps recursion bounded
            raise ExprError("expression nested too deeply", pos)
        try:
            if kind == "num":
                return Literal(float(tok) if "." in tok else int(tok))
            if kind == "str":
                return Literal(_unquote(tok))
            if kind == "name":
                if tok in ("true", "false"):
                    return Literal(tok == "true")
                if tok == "null":
                    return Literal(None)
                if tok in KEYWORDS:
                    raise ExprError(f"unexpected {tok!r}", pos)
                if self.peek()[1] in ("(", "."):
                    raise ExprError(f"{tok!r} cannot be called: there are no functions", pos)
                return Name(tok)
            if kind == "op" and tok == "(":
                inner = self.or_()
                self.expect(")")
                return inner
            if kind == "op" and tok == "[":
                items: list[Expr] = []
                if not self.accept("]"):
                    items.append(self.or_())
                    while self.accept(","):
                        items.append(self.or_())
                    self.expect("]")
                return ListExpr(tuple(items))
            raise ExprError(f"unexpected {tok or 'end of expression'!r}", pos)
        finally:
            self.depth -= 1


@functools.lru_cache(maxsize=4096)
def parse(text: str) -> Expr:
    """The AST of `text`; cached, so a condition is parsed once however often it is evaluated."""
    return _Parser(text).parse()


def names(expr: Expr) -> frozenset[str]:
    """Every question id or computed name the expression reads."""
    match expr:
        case Name(id=name):
            return frozenset({name})
        case Literal():
            return frozenset()
        case ListExpr(items=items) | BoolOp(operands=items):
            return frozenset().union(*(names(e) for e in items))
        case Compare(left=a, right=b) | In(left=a, right=b) | Arith(left=a, right=b):
            return names(a) | names(b)
        case Not(operand=e) | Neg(operand=e):
            return names(e)
    raise TypeError(expr)  # pragma: no cover


def _normalise(value: object) -> Value:
    """Answers as expression values: dates as ISO text, sequences as tuples, matrices opaque."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return tuple(_normalise(v) for v in items)
    return None


def _is_number(v: Value) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _compare(op: str, a: Value, b: Value) -> bool:
    if a is None or b is None:
        return False  # null semantics: nothing is known about a missing answer
    if op in ("=", "!="):
        same = a == b if (_is_number(a) and _is_number(b)) or type(a) is type(b) else False
        return same if op == "=" else not same
    if not ((_is_number(a) and _is_number(b)) or (isinstance(a, str) and isinstance(b, str))):
        return False  # ordering between a number and text means nothing
    x, y = a, b
    if op == "<":
        return x < y  # type: ignore[operator]
    if op == "<=":
        return x <= y  # type: ignore[operator]
    if op == ">":
        return x > y  # type: ignore[operator]
    return x >= y  # type: ignore[operator]


def _as_number(v: Value) -> Value:
    return int(v) if isinstance(v, bool) else v


def evaluate(expr: Expr, env: Mapping[str, object]) -> Value:
    """Value of `expr` with names looked up in `env`; missing names are null, errors give null."""
    match expr:
        case Literal(value=v):
            return v
        case Name(id=name):
            return _normalise(env.get(name))
        case ListExpr(items=items):
            return tuple(evaluate(e, env) for e in items)
        case Compare(op=op, left=a, right=b):
            return _compare(op, evaluate(a, env), evaluate(b, env))
        case In(left=a, right=b):
            left, right = evaluate(a, env), evaluate(b, env)
            if left is None or not isinstance(right, tuple):
                return False
            if isinstance(left, tuple):  # a multiple-choice answer: any of its codes
                return any(v in right for v in left)
            return left in right
        case BoolOp(op="and", operands=items):
            return all(evaluate(e, env) is True for e in items)
        case BoolOp(operands=items):
            return any(evaluate(e, env) is True for e in items)
        case Not(operand=e):
            return evaluate(e, env) is not True
        case Neg(operand=e):
            v = evaluate(e, env)
            return -v if _is_number(v) else None  # type: ignore[operator]
        case Arith(op=op, left=a, right=b):
            # true/false count as 1/0 so bands and tallies can be written as sums of conditions
            x, y = (_as_number(evaluate(e, env)) for e in (a, b))
            if not (_is_number(x) and _is_number(y)):
                return None
            assert isinstance(x, (int, float))
            assert isinstance(y, (int, float))
            if op == "+":
                return x + y
            if op == "-":
                return x - y
            if op == "*":
                return x * y
            return x / y if y != 0 else None
    raise TypeError(expr)  # pragma: no cover
