"""The handover report's pure parts: escaping hostile text, SLA misses, the shift's start."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core.handover import (
    SHIFT_MAX,
    CheckpointInfo,
    Count,
    HandoverReport,
    OpenItem,
    SlaCandidate,
    caller_fields,
    render_html,
    shift_start,
    sla_misses,
)
from core.incidents import IncidentState
from core.model import Priority
from core.personal import Level
from core.sla import DEFAULT_TARGETS

T0 = datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
HOSTILE = ("<h1>big</h1>", '<img src="file:///etc/passwd">', "<a href='x'>&amp;</a>")


def _report(text: str) -> HandoverReport:
    item = OpenItem(
        7,
        Priority.P1,
        text,
        text,
        IncidentState.NEW,
        T0,
        text,
        text,
        *caller_fields(text, "", Level.SHOWN),
    )
    return HandoverReport(
        site=text,
        workstation=text,
        outgoing=text,
        outgoing_username=text,
        shift_start=T0,
        shift_end=T0 + timedelta(hours=8),
        open_items=(item,),
        open_total=1,
        sla_misses=(),
        by_type=(Count(text, 1, 1),),
        by_community=(Count(text, 1, 1),),
        notes=text,
        checkpoint=CheckpointInfo(text, 3, True, text, text),
        type_names=((text, text),),
    )


def test_every_user_string_is_escaped_in_the_html() -> None:
    for text in HOSTILE:
        html = render_html(_report(text))
        assert "<h1>big" not in html
        assert "<img" not in html
        assert "<a " not in html
        assert "&lt;" in html
    html = render_html(_report(HOSTILE[1]))
    assert html.count("&lt;img src=&quot;file:///etc/passwd&quot;&gt;") >= 8


def test_labels_are_escaped_too() -> None:
    html = render_html(_report("x"), {"title": "<script>交接班</script>"})
    assert "&lt;script&gt;交接班&lt;/script&gt;" in html
    assert "<script>" not in html


def test_a_report_without_a_key_says_so() -> None:
    report = _report("x")
    unsigned = HandoverReport(
        **{
            **{f: getattr(report, f) for f in report.__dataclass_fields__},
            "checkpoint": CheckpointInfo("ab" * 32, 9, False, problem="no key"),
        }
    )
    html = render_html(unsigned)
    assert "ab" * 32 in html
    assert "this workstation holds no audit signing key" in html


def test_caller_fields_follow_the_level() -> None:
    assert caller_fields("张三", "13812345678", Level.MASKED) == ("张*", "138****5678")
    assert caller_fields("张三", "13812345678", Level.HIDDEN) == ("", "")
    assert caller_fields("张三", "13812345678", Level.SHOWN) == ("张三", "13812345678")


def _cand(iid: int, created: datetime, ack: datetime | None, res: datetime | None) -> SlaCandidate:
    return SlaCandidate(iid, Priority.P1, "", "t", created, ack, res)


def test_sla_misses_are_the_targets_that_ran_out_unmet_inside_the_shift() -> None:
    ack = DEFAULT_TARGETS.acknowledge[Priority.P1]
    res = DEFAULT_TARGETS.resolve[Priority.P1]
    start, end = T0, T0 + timedelta(hours=8)
    found = sla_misses(
        [
            _cand(1, T0 + timedelta(hours=1), None, None),  # never acknowledged
            _cand(2, T0 + timedelta(hours=2), T0 + timedelta(hours=2) + ack / 2, None),
            _cand(3, T0 + timedelta(hours=3), T0 + timedelta(hours=3) + ack * 2, None),  # late
            _cand(4, T0 - timedelta(hours=5), T0 - timedelta(hours=5), None),  # before shift
            _cand(5, end - ack / 2, None, None),  # not due yet
        ],
        start,
        end,
    )
    got = {(m.id, m.clock) for m in found if m.clock != "dispatch"}  # where core.sla has it
    assert got == {
        (1, "acknowledge"),
        (1, "resolve"),
        (2, "resolve"),
        (3, "acknowledge"),
        (3, "resolve"),
    }
    late = next(m for m in found if (m.id, m.clock) == (3, "acknowledge"))
    assert late.met_at == T0 + timedelta(hours=3) + ack * 2
    assert late.late == ack
    never = next(m for m in found if (m.id, m.clock) == (1, "resolve"))
    assert never.met_at is None
    assert never.due_at == T0 + timedelta(hours=1) + res


def test_the_shift_starts_at_the_first_sign_in_after_the_last_handover_within_a_day() -> None:
    end = T0 + timedelta(hours=30)
    assert shift_start(end, None, None) == end - SHIFT_MAX
    assert shift_start(end, end - timedelta(hours=8), None) == end - timedelta(hours=8)
    signed = end - timedelta(hours=7)
    assert shift_start(end, end - timedelta(hours=8), signed) == signed
    assert shift_start(end, None, end - timedelta(hours=40)) == end - SHIFT_MAX
