"""Survey forms: expressions, publish checks, navigation, the TOML file and the results math."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.survey import (
    END,
    Choice,
    Computed,
    Form,
    FormError,
    FormFileError,
    Kind,
    Question,
    Session,
    Skip,
    answer_problems,
    answers_from_json,
    answers_to_json,
    check_answer,
    clean_answers,
    complete,
    computed_values,
    dump_form,
    find_cycles,
    form_problems,
    load_form,
    next_question,
    previous_question,
    publish,
    validate,
    visible,
)
from core.survey_expr import ExprError, evaluate, names, parse
from core.survey_score import (
    NoData,
    NpsScore,
    Proportion,
    Suppressed,
    csat,
    nps,
    participation,
    proportion,
    wilson,
)

YES_NO = (Choice("y", "Yes"), Choice("n", "No"))
SAT = tuple(Choice(c, c) for c in ("1", "2", "3", "4", "5", "dk"))


def q(qid: str, kind: Kind = Kind.SINGLE, **kw: object) -> Question:
    if kind in (Kind.SINGLE, Kind.MULTIPLE) and "choices" not in kw:
        kw["choices"] = YES_NO
    if kind is Kind.RATING and "max" not in kw:
        kw["max"] = 5
    return Question(qid, kind, f"Question {qid}?", **kw)  # type: ignore[arg-type]


def form(*questions: Question, computed: tuple[Computed, ...] = ()) -> Form:
    return Form("needs-2026", "Needs survey", 1, tuple(questions), computed)


SAMPLE = form(
    q("age", Kind.NUMBER, required=True, min=0, max=120),
    q("lives_alone", required=True, skip=(Skip("lives_alone = 'n'", "overall"),)),
    q("help", Kind.MULTIPLE, choices=(Choice("meals", "Meals"), Choice("visits", "Visits"))),
    q("overall", Kind.RATING, required=True),
    q("why", Kind.TEXT, show_if="overall <= 2 or senior = true"),
    q("recommend", Kind.NPS),
    computed=(
        Computed("senior", "age >= 60"),
        Computed("score", "overall * 20"),
        Computed("band", "(age >= 35) + (age >= 60) + (age >= 80)"),
    ),
)


# --- expressions ----------------------------------------------------------------------------


def test_expressions_follow_null_semantics() -> None:
    env = {"a": 3, "b": "x", "m": ["meals", "visits"], "d": dt.date(2026, 5, 1)}
    assert evaluate(parse("a = 3 and b != 'y'"), env) is True
    assert evaluate(parse("a in [1, 2, 3]"), env) is True
    assert evaluate(parse("'visits' in m"), env) is True  # a code among the chosen ones
    assert evaluate(parse("m in ['visits']"), env) is True  # any chosen code
    assert evaluate(parse("d >= '2026-01-01'"), env) is True
    # every comparison with a missing answer is false, including !=
    assert evaluate(parse("missing = 1"), env) is False
    assert evaluate(parse("missing != 1"), env) is False
    assert evaluate(parse("not (missing = 1)"), env) is True
    assert evaluate(parse("missing + 1"), env) is None
    assert evaluate(parse("(a + 1) * 2 - -1"), env) == 9
    assert evaluate(parse("a / 0"), env) is None
    assert evaluate(parse("a < 'x'"), env) is False  # number vs text: no order
    assert evaluate(parse("a not in [3]"), env) is False
    assert names(parse("a = 1 or (b in [c, 'd'])")) == {"a", "b", "c"}


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('ls')",
        "age.__class__",
        "open('x')",
        "a = ",
        "a ==",
        "(a = 1",
        "[1, 2",
        "a = 1; b = 2",
        "lambda: 1",
        "a = `x`",
        "x" * 3000,
        "(" * 500 + "1" + ")" * 500,
        "and",
    ],
)
def test_malicious_or_broken_expressions_are_parse_errors(text: str) -> None:
    with pytest.raises(ExprError):
        parse(text)


def test_chains_of_prefixes_are_bounded() -> None:
    assert evaluate(parse("not not not a = 1"), {"a": 1}) is False
    assert evaluate(parse("- - -a"), {"a": 1}) == -1
    for text in ("not " * 240 + "a", "-" * 1000 + "1"):
        with pytest.raises(ExprError, match="too many prefixes"):
            parse(text)


# --- validation -----------------------------------------------------------------------------


def test_sample_form_publishes() -> None:
    assert validate(SAMPLE) == []
    assert publish(SAMPLE) is SAMPLE


def test_empty_form_is_refused() -> None:
    with pytest.raises(FormError, match="no questions"):
        publish(form())


def test_loop_is_refused_naming_the_questions() -> None:
    looping = form(q("a"), q("b"), q("c", skip=(Skip("c = 'y'", "a"),)))
    with pytest.raises(FormError) as err:
        publish(looping)
    assert "a → b → c → a" in str(err.value)
    assert find_cycles(looping) == [["a", "b", "c", "a"]]
    assert find_cycles(form(q("a", skip=(Skip("a = 'y'", "a"),)))) == [["a", "a"]]


def test_references_are_checked() -> None:
    bad = form(
        q("a", show_if="b = 'y'"),  # b is asked later
        q("b", skip=(Skip("ghost = 1", "nowhere"),)),
        q("c", show_if="total > 3"),
        computed=(Computed("total", "a + phantom"),),
    )
    messages = [str(p) for p in validate(bad)]
    assert "a: show_if refers to 'b' before it is asked" in messages
    assert "b: skip condition refers to unknown 'ghost'" in messages
    assert "b: skips to unknown question 'nowhere'" in messages
    assert "total: computed value refers to unknown 'phantom'" in messages


def test_skip_may_jump_forward_and_to_the_end() -> None:
    ok = form(q("a", skip=(Skip("a = 'n'", "c"), Skip("a = 'y'", END))), q("b"), q("c"))
    assert validate(ok) == []


@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        (q("a", choices=()), "has no choices"),
        (q("a", choices=(Choice("", "Blank"),)), "without a code"),
        (q("a", choices=(Choice("1", "One"), Choice("1", "Uno"))), "duplicate choices codes: 1"),
        (q("a", Kind.RATING, max=1), "rating runs from 1"),
        (q("a", Kind.RATING, max=11), "rating runs from 1"),
        (q("a", Kind.RATING, min=0, max=5), "rating runs from 1"),
        (q("a", Kind.NPS, max=5), "0 to 10"),
        (q("a", Kind.NUMBER, min=5, max=1), "above maximum"),
        (q("a", Kind.MATRIX, rows=YES_NO), "has no columns"),
        (q("a", show_if="a = "), "cannot be parsed"),
        (q("end"), "not a valid id"),
    ],
)
def test_bad_questions_are_named(question: Question, fragment: str) -> None:
    problems = validate(form(question))
    assert any(fragment in str(p) and p.question == question.id for p in problems), problems


def test_duplicate_ids_are_refused() -> None:
    assert [str(p) for p in validate(form(q("a"), q("a")))] == ["a: duplicate question id"]


# --- navigation -----------------------------------------------------------------------------


def test_skip_and_show_if_shape_the_path() -> None:
    answers: dict[str, object] = {"age": 70, "lives_alone": "n"}
    assert visible(SAMPLE, answers) == ["age", "lives_alone", "overall", "why", "recommend"]
    answers = {"age": 30, "lives_alone": "y", "overall": 4}
    assert visible(SAMPLE, answers) == ["age", "lives_alone", "help", "overall", "recommend"]
    assert computed_values(SAMPLE, answers) == {"senior": False, "score": 80, "band": 0}
    assert computed_values(SAMPLE, {"age": 81}) == {"senior": True, "score": None, "band": 3}
    assert computed_values(SAMPLE, {}) == {"senior": None, "score": None, "band": None}
    assert next_question(SAMPLE, answers, None) == SAMPLE.question("age")
    assert next_question(SAMPLE, answers, "lives_alone") == SAMPLE.question("help")
    assert next_question(SAMPLE, answers, "recommend") is None
    assert previous_question(SAMPLE, answers, "overall") == SAMPLE.question("help")
    assert previous_question(SAMPLE, answers, "age") is None


def test_changing_an_answer_drops_hidden_ones() -> None:
    answers: dict[str, object] = {"age": 30, "lives_alone": "y", "help": ["meals"], "overall": 1}
    answers["why"] = "too slow"
    assert clean_answers(SAMPLE, answers) == answers
    answers["lives_alone"] = "n"
    answers["overall"] = 5
    assert clean_answers(SAMPLE, answers) == {"age": 30, "lives_alone": "n", "overall": 5}


def test_complete_needs_every_shown_required_answer() -> None:
    assert not complete(SAMPLE, {"age": 30, "lives_alone": "n"})
    assert complete(SAMPLE, {"age": 30, "lives_alone": "n", "overall": 3})
    assert not complete(SAMPLE, {"age": 30, "lives_alone": "n", "overall": 9})  # invalid


def test_session_walks_forward_and_back() -> None:
    s = Session(SAMPLE)
    assert s.current is not None
    assert s.current.id == "age"
    assert s.answer("seventy") == "give a number"
    assert s.answer(None) == "an answer is required"
    assert s.answer(75) is None
    assert s.answer("n") is None
    assert s.current is not None
    assert s.current.id == "overall"
    assert s.back() == SAMPLE.question("lives_alone")
    assert s.answer("y") is None
    assert s.current is not None
    assert s.current.id == "help"
    assert s.answer([]) is None  # optional, left empty
    assert s.answer(2) is None
    assert s.answer("formula =1+1") is None  # why: shown because overall <= 2
    assert s.answer(10) is None
    assert s.finished
    assert s.complete
    assert s.answers == {
        "age": 75,
        "lives_alone": "y",
        "overall": 2,
        "why": "formula =1+1",
        "recommend": 10,
    }
    assert s.answer(1) == "the survey is finished"


@pytest.mark.parametrize(
    ("question", "value", "message"),
    [
        (q("a"), "maybe", "'maybe' is not one of the choices"),
        (q("a", Kind.MULTIPLE), ["y", "x"], "not among the choices: x"),
        (q("a", Kind.MULTIPLE), ["y", "y"], "a choice is given twice"),
        (q("a", Kind.RATING), 6, "give a whole number from 1 to 5"),
        (q("a", Kind.RATING), True, "give a whole number from 1 to 5"),
        (q("a", Kind.NPS), 11, "give a whole number from 0 to 10"),
        (q("a", Kind.NUMBER, min=0), -1, "the smallest allowed is 0"),
        (q("a", Kind.NUMBER), float("nan"), "give a number"),
        (q("a", Kind.TEXT), "x" * 5000, "the text is longer than 4000 characters"),
        (q("a", Kind.DATE), "2026-01-01", "give a date"),
        (
            q("a", Kind.MATRIX, rows=YES_NO, columns=SAT),
            {"y": "9"},
            "rows with an unknown row or column: y",
        ),
        (
            q("a", Kind.MATRIX, rows=YES_NO, columns=SAT, required=True),
            {"y": "1"},
            "every row needs an answer",
        ),
    ],
)
def test_check_answer_explains(question: Question, value: object, message: str) -> None:
    assert check_answer(question, value) == message


def test_check_answer_accepts_good_answers() -> None:
    assert check_answer(q("a", Kind.TEXT), "=SUM(A1:A9)") is None  # formula-like text is text
    assert check_answer(q("a", Kind.DATE), dt.date(2026, 3, 1)) is None
    assert (
        check_answer(q("a", Kind.MATRIX, rows=YES_NO, columns=SAT), {"y": "dk", "n": "5"}) is None
    )
    assert check_answer(q("a", Kind.NPS), 0) is None


# --- random forms ---------------------------------------------------------------------------


@st.composite
def acyclic_forms(draw: st.DrawFn) -> Form:
    n = draw(st.integers(1, 10))
    questions: list[Question] = []
    for i in range(n):
        kind = draw(st.sampled_from([Kind.SINGLE, Kind.NPS]))
        test = f"q{i} = 'y'" if kind is Kind.SINGLE else f"q{i} >= 7"
        skips = []
        if i + 1 < n and draw(st.booleans()):
            target = draw(st.sampled_from([*(f"q{j}" for j in range(i + 1, n)), END]))
            skips.append(Skip(test, target))
        show_if = None
        if i > 0 and draw(st.booleans()):
            j = draw(st.integers(0, i - 1))
            show_if = f"q{j} != 'n'" if questions[j].kind is Kind.SINGLE else f"q{j} < 5"
        questions.append(
            q(f"q{i}", kind, required=draw(st.booleans()), skip=tuple(skips), show_if=show_if)
        )
    return form(*questions)


@settings(max_examples=150, deadline=None)
@given(acyclic_forms(), st.data())
def test_navigation_terminates_and_never_repeats(f: Form, data: st.DataObject) -> None:
    assert validate(f) == []
    s = Session(f)
    asked: list[str] = []
    while s.current is not None:
        assert len(asked) <= len(f.questions)
        question = s.current
        asked.append(question.id)
        value = data.draw(
            st.sampled_from(["y", "n"]) if question.kind is Kind.SINGLE else st.integers(0, 10)
        )
        assert s.answer(value) is None
    assert len(asked) == len(set(asked))
    assert asked == visible(f, s.answers)
    assert s.complete


@settings(max_examples=150, deadline=None)
@given(acyclic_forms(), st.data())
def test_every_injected_cycle_and_unknown_reference_is_found(f: Form, data: st.DataObject) -> None:
    ids = [x.id for x in f.questions]
    pairs = data.draw(
        st.sets(st.tuples(st.integers(0, len(ids) - 1), st.integers(0, len(ids) - 1)))
    )
    back = {(max(a, b), min(a, b)) for a, b in pairs}
    ghosts = data.draw(st.sets(st.sampled_from(ids), max_size=3))
    questions: list[Question] = []
    for i, x in enumerate(f.questions):
        extra = tuple(Skip("true", ids[t]) for s, t in sorted(back) if s == i)
        show_if = f"ghost_{x.id} = 1" if x.id in ghosts else x.show_if
        questions.append(
            Question(
                x.id,
                x.kind,
                x.text,
                x.required,
                x.choices,
                x.min,
                x.max,
                show_if=show_if,
                skip=x.skip + extra,
            )
        )
    broken = form(*questions)
    messages = [str(p) for p in validate(broken)]
    loops = [m for m in messages if "skip logic loops" in m]
    assert len(loops) == len(back)
    for s, t in back:
        assert any(
            m.startswith(f"{ids[s]}: ") and m.endswith(f"{ids[s]} → {ids[t]}") for m in loops
        )
    for g in ghosts:
        assert f"{g}: show_if refers to unknown 'ghost_{g}'" in messages


# --- file -----------------------------------------------------------------------------------


def test_toml_round_trip_of_sample() -> None:
    text = dump_form(SAMPLE)
    assert load_form(text, "needs.toml") == SAMPLE


def test_toml_syntax_error_names_line_and_column() -> None:
    with pytest.raises(FormFileError) as err:
        load_form('code = "x"\ntitle = "t"\nversion = 1\n[[questions]]\nid = "a\n', "bad.toml")
    assert (err.value.line, err.value.column) == (5, 8)  # the end of the unclosed string
    assert str(err.value).startswith("bad.toml:5:8: ")


def test_semantic_error_names_the_question_line() -> None:
    text = (
        'code = "x"\ntitle = "t"\nversion = 2\n\n[[questions]]\nid = "a"\nkind = "single"\n'
        'text = "A?"\nchoices = [{ code = "1", label = "One" }]\n\n'
        '[[questions]]\nid = "b"\nkind = "rating"\ntext = "B?"\nmax = 5\n'
        '[[questions.skip]]\nwhen = "b > 3"\nto = "a"\n'
    )
    with pytest.raises(FormFileError) as err:
        load_form(text, "loop.toml")
    assert err.value.line == 12
    assert "b → a" in str(err.value)
    assert load_form(text, "loop.toml", strict=False).version == 2


def test_choices_without_codes_are_named() -> None:
    text = 'code = "x"\ntitle = "t"\n[[questions]]\nid = "a"\nkind = "single"\n'
    text += 'text = "A?"\nchoices = ["Yes"]\n'
    with pytest.raises(FormFileError, match="has no code") as err:
        load_form(text, "f.toml")
    assert err.value.line == 4


def test_wrong_shapes_are_file_errors() -> None:
    for text in ("questions = 3\n", "questions = [1]\n", 'computed = "x"\n'):
        with pytest.raises(FormFileError, match="must be tables"):
            load_form(text, "f.toml")
    with pytest.raises(FormFileError, match="skip must be tables"):
        load_form('[[questions]]\nid = "a"\nkind = "text"\ntext = "?"\nskip = "b"\n', "f.toml")


def test_unknown_kind_is_named() -> None:
    with pytest.raises(FormFileError, match="unknown kind 'slider'"):
        load_form(
            'code = "x"\ntitle = "t"\n[[questions]]\nid = "a"\nkind = "slider"\ntext = "?"\n',
            "f.toml",
        )


_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
_choices = st.lists(st.builds(Choice, _text, _text), max_size=4).map(tuple)
_bounds = st.one_of(
    st.none(), st.integers(-1000, 1000), st.floats(allow_nan=False, allow_infinity=False)
)


@settings(max_examples=200, deadline=None)
@given(
    st.builds(
        Form,
        _text,
        _text,
        st.integers(1, 10**6),
        st.lists(
            st.builds(
                Question,
                _text,
                st.sampled_from(list(Kind)),
                _text,
                st.booleans(),
                _choices,
                _bounds,
                _bounds,
                _choices,
                _choices,
                st.one_of(st.none(), _text),
                st.lists(st.builds(Skip, _text, _text), max_size=2).map(tuple),
                st.one_of(st.none(), _text),
                st.lists(_text, max_size=3).map(tuple),
                st.lists(_text, max_size=2).map(tuple),
            ),
            max_size=4,
        ).map(tuple),
        st.lists(st.builds(Computed, _text, _text), max_size=2).map(tuple),
    )
)
def test_dump_then_load_gives_an_equal_form(f: Form) -> None:
    assert load_form(dump_form(f), "rt.toml", strict=False) == f


CSAT_Q = q(
    "sat",
    choices=(*SAT[:5], Choice("dk", "Don't know")),
    measure="csat",
    satisfied=("4", "5"),
    dont_know=("dk",),
)


def test_csat_measure_round_trips_and_publishes() -> None:
    f = form(CSAT_Q, q("stars", Kind.RATING, max=5, measure="csat", satisfied=("4", "5")))
    assert validate(f) == []
    text = dump_form(f)
    assert 'measure = "csat"' in text
    assert 'satisfied = ["4", "5"]' in text
    assert 'dont_know = ["dk"]' in text
    assert load_form(text, "csat.toml") == f


def test_rating_codes_may_be_written_as_numbers() -> None:
    text = (
        'code = "x"\ntitle = "t"\n[[questions]]\nid = "a"\nkind = "rating"\ntext = "A?"\n'
        'max = 5\nmeasure = "csat"\nsatisfied = [4, 5]\n'
    )
    assert load_form(text, "f.toml").questions[0].satisfied == ("4", "5")
    with pytest.raises(FormFileError, match="satisfied must be a list of codes"):
        load_form(text.replace("[4, 5]", "[4.5]"), "f.toml")
    with pytest.raises(FormFileError, match="measure must be a string"):
        load_form(text.replace('"csat"', "1"), "f.toml")


@pytest.mark.parametrize(
    ("question", "fragment"),
    [
        (q("a", Kind.MULTIPLE, measure="csat", satisfied=("y",)), "single-choice or rating"),
        (q("a", Kind.NPS, measure="csat", satisfied=("9",)), "single-choice or rating"),
        (q("a", Kind.TEXT, measure="csat", satisfied=("x",)), "single-choice or rating"),
        (q("a", measure="nps", satisfied=("y",)), "unknown measure 'nps'"),
        (q("a", measure="csat"), "csat needs at least one satisfied code"),
        (q("a", measure="csat", satisfied=("yes",)), "satisfied codes not among the answers: yes"),
        (
            q("a", measure="csat", satisfied=("y",), dont_know=("dk",)),
            "dont_know codes not among the answers: dk",
        ),
        (
            q("a", Kind.RATING, max=5, measure="csat", satisfied=("5", "6", "0")),
            "satisfied codes not among the answers: 0, 6",
        ),
        (q("a", measure="csat", satisfied=("y",), dont_know=("y",)), "both satisfied and"),
        (q("a", satisfied=("y",)), 'need measure = "csat"'),
        (q("a", dont_know=("n",)), 'need measure = "csat"'),
    ],
)
def test_bad_csat_measures_are_named(question: Question, fragment: str) -> None:
    messages = [str(p) for p in validate(form(question))]
    assert any(m.startswith("a: ") and fragment in m for m in messages), messages


def test_storage_checks_take_toml_and_json() -> None:
    definition = dump_form(SAMPLE)
    assert form_problems(definition) == []
    looping = dump_form(form(q("a"), q("b", skip=(Skip("true", "a"),))))
    assert form_problems(looping) == ["b: skip logic loops: a → b → a"]
    assert form_problems("title = ") != []
    stored = {"age": 70, "lives_alone": "n", "overall": 2, "why": "=HYPERLINK(1)"}
    assert answer_problems(definition, stored) == []
    skipped = {"age": 70, "lives_alone": "n", "help": ["meals"], "overall": 9}
    assert answer_problems(definition, skipped) == [
        "help: answers a question not shown",
        "overall: give a whole number from 1 to 5",
    ]
    assert answer_problems(definition, {"age": 70}) == [
        "lives_alone: an answer is required",
        "overall: an answer is required",
    ]
    dated = form(q("when", Kind.DATE, required=True))
    answers = answers_to_json({"when": dt.date(2026, 4, 1)})
    assert answers == {"when": "2026-04-01"}
    assert answers_from_json(dated, answers) == {"when": dt.date(2026, 4, 1)}
    assert answer_problems(dump_form(dated), {"when": "2026-02-30"}) == ["when: give a date"]


# --- scoring --------------------------------------------------------------------------------


def test_wilson_worked_examples() -> None:
    # z = 1.959964, z² = 3.841459.
    # 81/90: p = 0.9; z²/n = 0.0426829; centre = (0.9 + 3.841459/180) / 1.0426829
    #        = 0.9213414 / 1.0426829 = 0.8836250; half = (1.959964 / 1.0426829)
    #        · sqrt(0.9·0.1/90 + 3.841459/32400) = 1.8797288 · sqrt(0.00111856) = 0.0628667
    #        → [0.82076, 0.94649]
    lo, hi = wilson(81, 90)
    assert lo == pytest.approx(0.82076, abs=5e-5)
    assert hi == pytest.approx(0.94649, abs=5e-5)
    # 0/10: centre = (3.841459/20) / 1.3841459 = 0.1387664; half = (1.959964 / 1.3841459)
    #       · sqrt(3.841459/400) = 1.4160096 · 0.0979985 = 0.1387664 → [0, 0.27753]
    lo, hi = wilson(0, 10)
    assert lo == 0.0
    assert hi == pytest.approx(0.27753, abs=5e-5)
    # 10/10 mirrors 0/10: [1 − 0.27753, 1]
    lo, hi = wilson(10, 10)
    assert lo == pytest.approx(0.72247, abs=5e-5)
    assert hi == 1.0


def test_csat_excludes_dont_know_and_suppresses_small_cells() -> None:
    answers = ["5"] * 50 + ["4"] * 31 + ["3"] * 5 + ["1"] * 4 + ["dk"] * 7 + [None] * 3
    figure = csat(answers, satisfied={"4", "5"}, excluded={"dk"})
    assert isinstance(figure, Proportion)
    assert (figure.k, figure.n, figure.p) == (81, 90, 0.9)
    assert (figure.lower, figure.upper) == wilson(81, 90)
    assert csat(["5", "5", "4", "dk"], {"4", "5"}, {"dk"}) == Suppressed()
    assert csat(["dk", None], {"4", "5"}, {"dk"}) == NoData()
    assert str(NoData()) == "no data"
    assert str(Suppressed()) == "n < 5"


def test_nps_worked_example() -> None:
    # scores 10 9 9 8 7 6 3 0 10 8: promoters 4 (0.4), detractors 3 (0.3), n = 10
    # NPS = 40 − 30 = 10; var = 0.4 + 0.3 − 0.1² = 0.69; se = sqrt(0.69/10) = 0.2626785
    # half = 1.959964 · 0.2626785 = 0.5148404 → [−41.484, 61.484] points
    result = nps([10, 9, 9, 8, 7, 6, 3, 0, 10, 8, None])
    assert isinstance(result, NpsScore)
    assert (result.n, result.promoters, result.detractors) == (10, 4, 3)
    assert result.score == pytest.approx(10.0)
    assert result.lower == pytest.approx(-41.484, abs=5e-4)
    assert result.upper == pytest.approx(61.484, abs=5e-4)
    assert nps([10, 10, 10, 10]) == Suppressed()
    assert nps([]) == NoData()
    with pytest.raises(ValueError, match="0 to 10"):
        nps([11] * 5)


def test_participation() -> None:
    figure = participation(950, 1000)
    assert isinstance(figure, Proportion)
    assert figure.p == 0.95
    assert participation(0, 0) == NoData()
    assert participation(3, 4) == Suppressed()
    with pytest.raises(ValueError, match="frame"):
        participation(11, 10)


@settings(max_examples=300)
@given(st.integers(1, 100_000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_bounds_hold(kn: tuple[int, int]) -> None:
    k, n = kn
    figure = proportion(k, n, min_n=1)
    assert isinstance(figure, Proportion)
    assert 0.0 <= figure.lower <= figure.p <= figure.upper <= 1.0


@settings(max_examples=200)
@given(st.lists(st.integers(0, 10), min_size=5, max_size=500))
def test_nps_bounds_hold(scores: list[int]) -> None:
    result = nps(scores)
    assert isinstance(result, NpsScore)
    assert -100.0 <= result.lower <= result.score <= result.upper <= 100.0
