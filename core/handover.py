"""The shift handover report as plain data, its SLA misses, and its HTML (every value escaped)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Final

from core.incidents import IncidentState
from core.model import Priority
from core.personal import Level, mask_name, mask_phone
from core.sla import DEFAULT_TARGETS, SlaLevel, SlaTargets, sla_status
from core.timefmt import as_utc, fmt_local

NOTES_MAX: Final = 4000  # the outgoing operator's notes, in characters (a page, not a file)
SHIFT_MAX: Final = timedelta(hours=24)  # a shift reaches back this far at most
REASON_DEFAULT: Final = "shift handover"


@dataclass(frozen=True, slots=True)
class OpenItem:
    """An incident still open at the end of the shift; caller fields as the reader may see them."""

    id: int
    priority: Priority
    type_code: str
    title: str
    state: IncidentState
    created_at: datetime
    handler: str
    community: str
    caller_name: str
    caller_phone: str


@dataclass(frozen=True, slots=True)
class SlaCandidate:
    """An incident whose SLA clocks may have run out during the shift."""

    id: int
    priority: Priority
    type_code: str
    title: str
    created_at: datetime
    acknowledged_at: datetime | None
    resolved_at: datetime | None
    by_type: tuple[timedelta, timedelta] | None = None
    dispatched_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class SlaMiss:
    """A target (acknowledge or resolve) that ran out during the shift without being met."""

    id: int
    priority: Priority
    type_code: str
    title: str
    clock: str  # "acknowledge" | "dispatch" | "resolve" (core.sla's clocks)
    due_at: datetime
    met_at: datetime | None  # when it was met after all; None: not by the end of the shift
    late: timedelta


@dataclass(frozen=True, slots=True)
class Count:
    """Incidents of one type or community: raised during the shift, and open at its end."""

    key: str
    raised: int
    open: int


@dataclass(frozen=True, slots=True)
class CheckpointInfo:
    """The audit chain head at handover, and its signed checkpoint if this workstation signs."""

    head_hash: str
    rows: int
    signed: bool
    file_name: str = ""  # the checkpoint file's name; empty without a key
    signature: str = ""  # the signature's fingerprint; empty without a key
    key_id: str = ""  # which site key signed it
    text: str = ""  # the checkpoint's printable text (SignedCheckpoint.describe())
    problem: str = ""  # why nothing was signed (no key on this workstation)


@dataclass(frozen=True, slots=True)
class HandoverReport:
    """Everything the handover report prints, gathered at one moment."""

    site: str
    workstation: str
    outgoing: str  # display name
    outgoing_username: str
    shift_start: datetime
    shift_end: datetime
    open_items: tuple[OpenItem, ...]
    open_total: int  # all open items in scope; open_items may hold fewer (see OPEN_MAX)
    sla_misses: tuple[SlaMiss, ...]
    by_type: tuple[Count, ...]
    by_community: tuple[Count, ...]
    notes: str = ""
    checkpoint: CheckpointInfo | None = None
    zone: str = "Asia/Shanghai"
    caller_level: Level = Level.MASKED
    type_names: tuple[tuple[str, str], ...] = ()  # (code, name) of the site's incident types
    community_names: tuple[tuple[str, str], ...] = ()  # (code, name) of the site's communities

    @property
    def truncated(self) -> int:
        """How many open items the report leaves out (it says so on paper)."""
        return self.open_total - len(self.open_items)


def caller_fields(name: str, phone: str, level: Level) -> tuple[str, str]:
    """A caller's name and phone at a level (core.personal's masks)."""
    if level is Level.SHOWN:
        return name, phone
    if level is Level.MASKED:
        return mask_name(name), mask_phone(phone)
    return "", ""


def sla_misses(
    candidates: Iterable[SlaCandidate],
    start: datetime,
    end: datetime,
    targets: SlaTargets = DEFAULT_TARGETS,
) -> list[SlaMiss]:
    """Targets that ran out within [start, end] unmet at that moment; core.sla decides.

    Each clock is checked at the moment it was met (or at the end of the shift, if not).
    """
    start, end = as_utc(start), as_utc(end)
    out: list[SlaMiss] = []
    for c in candidates:
        created = as_utc(c.created_at)
        seen: set[str] = set()
        # Each state shows one clock (core.sla); a clock met by the step out of that state.
        # Resolve before dispatch: where core.sla has no dispatch clock, both states show
        # the resolve clock, and the resolve clock is met by resolving.
        for state, met in (
            (IncidentState.NEW, c.acknowledged_at),
            (IncidentState.DISPATCHED, c.resolved_at),
            (IncidentState.ACKNOWLEDGED, c.dispatched_at),
        ):
            met_utc = as_utc(met) if met is not None and as_utc(met) <= end else None
            at = met_utc or end
            status = sla_status(c.priority, state, created, at, targets, by_type=c.by_type)
            if status.clock in seen:
                continue
            seen.add(status.clock)
            due = created + status.target
            if status.level is SlaLevel.BREACHED and start <= due <= end:
                out.append(
                    SlaMiss(
                        c.id, c.priority, c.type_code, c.title, status.clock, due, met_utc, at - due
                    )
                )
    out.sort(key=lambda m: (m.due_at, m.id, m.clock))
    return out


def shift_start(
    end: datetime, last_handover: datetime | None, first_sign_in: datetime | None
) -> datetime:
    """The shift began at the first sign-in after the last handover (or at that handover),
    never more than SHIFT_MAX before `end`."""
    floor = as_utc(end) - SHIFT_MAX
    known = [as_utc(t) for t in (last_handover, first_sign_in) if t is not None]
    return max([floor, *known])


def age_text(age: timedelta) -> str:
    """'2:05' (hours:minutes), '3d 4:00' past a day; language-neutral."""
    minutes = max(0, int(age.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hm = f"{rest // 60}:{rest % 60:02d}"
    return f"{days}d {hm}" if days else hm


# --- HTML -----------------------------------------------------------------------------------

LABELS_EN: Final[Mapping[str, str]] = {
    "title": "Shift handover report",
    "site": "Site",
    "workstation": "Workstation",
    "outgoing": "Outgoing operator",
    "shift": "Shift",
    "open": "Open items",
    "open_more": "{n} more open items are not listed; see the queue.",
    "none": "None.",
    "id": "No.",
    "priority": "Priority",
    "type": "Type",
    "title_col": "Title",
    "state": "State",
    "age": "Age",
    "handler": "Handled by",
    "community": "Community",
    "caller": "Caller",
    "sla": "SLA misses in this shift",
    "clock": "Target",
    "due": "Due",
    "met": "Met",
    "late": "Late by",
    "not_met": "not met",
    "acknowledge": "acknowledge",
    "resolve": "resolve",
    "dispatch": "dispatch",
    "by_type": "Incidents by type",
    "by_community": "Incidents by community",
    "raised": "Raised in shift",
    "still_open": "Open at handover",
    "notes": "Notes of the outgoing operator",
    "checkpoint": "Audit chain at handover",
    "head": "Chain head hash",
    "rows": "Rows",
    "signed_file": "Signed checkpoint file",
    "signature": "Signature",
    "key_id": "Signing key",
    "no_key": "Not signed: this workstation holds no audit signing key.",
    "ack": "Acknowledged by the incoming operator: name, time, signature",
}


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>" for r in rows)
    # thead: Qt repeats the header row on every page the table spans.
    return (
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


@dataclass(frozen=True, slots=True)
class Names:
    """Display words for enum values (translated by the caller); the value itself by default."""

    states: Mapping[IncidentState, str] = field(default_factory=dict)
    types: Mapping[str, str] = field(default_factory=dict)
    communities: Mapping[str, str] = field(default_factory=dict)

    def state(self, s: IncidentState) -> str:
        return self.states.get(s, s.value)

    def type(self, code: str) -> str:
        return self.types.get(code, code)

    def community(self, code: str) -> str:
        """ "C05 丰盈里社区": the code the site file and the stations use, and the name."""
        name = self.communities.get(code)
        return f"{code} {name}" if name else code


def render_html(
    report: HandoverReport, labels: Mapping[str, str] = LABELS_EN, names: Names | None = None
) -> str:
    """The report as HTML for QTextDocument; every string from users or the database escaped."""
    lab = {**LABELS_EN, **labels}
    names = names or Names(types=dict(report.type_names), communities=dict(report.community_names))
    z = report.zone
    end = as_utc(report.shift_end)
    parts = [f"<h1>{_e(lab['title'])}</h1>", "<table cellpadding='2'>"]
    for key, value in (
        ("site", report.site),
        ("workstation", report.workstation),
        ("outgoing", f"{report.outgoing} ({report.outgoing_username})"),
        ("shift", f"{fmt_local(report.shift_start, z)} – {fmt_local(report.shift_end, z)}"),
    ):
        parts.append(f"<tr><td><b>{_e(lab[key])}</b></td><td>{_e(value)}</td></tr>")
    parts.append("</table>")

    parts.append(f"<h2>{_e(lab['open'])} ({report.open_total})</h2>")
    if report.open_items:
        parts.append(
            _table(
                [lab[k] for k in ("id", "priority", "type", "title_col", "state", "age")]
                + [lab["handler"], lab["community"], lab["caller"]],
                (
                    (
                        i.id,
                        f"P{int(i.priority)}",
                        names.type(i.type_code),
                        i.title,
                        names.state(i.state),
                        age_text(end - as_utc(i.created_at)),
                        i.handler,
                        names.community(i.community) if i.community else "",
                        " ".join(x for x in (i.caller_name, i.caller_phone) if x),
                    )
                    for i in report.open_items
                ),
            )
        )
        if report.truncated > 0:
            parts.append(f"<p>{_e(lab['open_more'].format(n=report.truncated))}</p>")
    else:
        parts.append(f"<p>{_e(lab['none'])}</p>")

    parts.append(f"<h2>{_e(lab['sla'])} ({len(report.sla_misses)})</h2>")
    if report.sla_misses:
        parts.append(
            _table(
                [lab[k] for k in ("id", "priority", "type", "title_col", "clock", "due")]
                + [lab["met"], lab["late"]],
                (
                    (
                        m.id,
                        f"P{int(m.priority)}",
                        names.type(m.type_code),
                        m.title,
                        lab.get(m.clock, m.clock),
                        fmt_local(m.due_at, z, seconds=False),
                        fmt_local(m.met_at, z, seconds=False) if m.met_at else lab["not_met"],
                        age_text(m.late),
                    )
                    for m in report.sla_misses
                ),
            )
        )
    else:
        parts.append(f"<p>{_e(lab['none'])}</p>")

    for key, counts, show in (
        ("by_type", report.by_type, names.type),
        ("by_community", report.by_community, names.community),
    ):
        parts.append(f"<h2>{_e(lab[key])}</h2>")
        if counts:
            header = [lab["type" if key == "by_type" else "community"], lab["raised"]]
            rows = ((show(c.key), c.raised, c.open) for c in counts)
            parts.append(_table([*header, lab["still_open"]], rows))
        else:
            parts.append(f"<p>{_e(lab['none'])}</p>")

    parts.append(f"<h2>{_e(lab['notes'])}</h2>")
    notes = report.notes.strip()
    # pre-wrap keeps the operator's line breaks and still wraps; escaped, a tag stays text.
    parts.append(
        f"<p style='white-space: pre-wrap'>{_e(notes)}</p>"
        if notes
        else f"<p>{_e(lab['none'])}</p>"
    )

    parts.append(f"<h2>{_e(lab['checkpoint'])}</h2>")
    cp = report.checkpoint
    if cp is not None:
        parts.append(f"<p><b>{_e(lab['head'])}:</b> <tt>{_e(cp.head_hash)}</tt><br/>")
        parts.append(f"<b>{_e(lab['rows'])}:</b> {cp.rows}<br/>")
        if cp.signed:
            parts.append(f"<b>{_e(lab['signed_file'])}:</b> <tt>{_e(cp.file_name)}</tt><br/>")
            parts.append(f"<b>{_e(lab['signature'])}:</b> <tt>{_e(cp.signature)}</tt><br/>")
            parts.append(f"<b>{_e(lab['key_id'])}:</b> <tt>{_e(cp.key_id)}</tt></p>")
        else:
            parts.append(f"<b>{_e(lab['no_key'])}</b></p>")
    parts.append(f"<p><br/>{_e(lab['ack'])}: ______________________________</p>")
    return "\n".join(parts)
