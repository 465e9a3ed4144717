"""A station's entries as JSON and back (the outbox file, the conflict list); photos apart."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from core.model import Priority
from core.orders import OrderDraft
from core.station import (
    EntryKind,
    IncidentNote,
    PanicPress,
    RequestTarget,
    ResidentRequest,
    StationOrder,
    StationSurvey,
)
from core.survey_take import SurveySubmission

Entry = PanicPress | ResidentRequest | IncidentNote | StationSurvey | StationOrder


def kind_of(entry: Entry) -> EntryKind:
    """The kind an entry is sent as."""
    if isinstance(entry, PanicPress):
        return EntryKind.PANIC
    if isinstance(entry, ResidentRequest):
        return EntryKind.REQUEST
    if isinstance(entry, StationSurvey):
        return EntryKind.SURVEY
    if isinstance(entry, StationOrder):
        return EntryKind.ORDER
    return EntryKind.NOTE


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)


def _when(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("a station's times are aware (with their offset)")
    return value.isoformat()


def to_json(entry: Entry) -> str:
    """The entry as JSON text, without the photo's bytes (kept beside it as a blob)."""
    data: dict[str, Any]
    if isinstance(entry, PanicPress):
        data = {
            "workstation": entry.workstation,
            "community": entry.community,
            "pressed_at": _when(entry.pressed_at),
            "source": entry.source,
            "note": entry.note,
        }
    elif isinstance(entry, ResidentRequest):
        data = {
            "workstation": entry.workstation,
            "community": entry.community,
            "target": entry.target.value,
            "category": entry.category,
            "description": entry.description,
            "taken_at": _when(entry.taken_at),
            "resident_id": entry.resident_id,
            "caller_name": entry.caller_name,
            "caller_phone": entry.caller_phone,
            "priority": int(entry.priority),
            "photo_name": entry.photo_name,
        }
    elif isinstance(entry, StationSurvey):
        sub = entry.submission
        data = {
            "workstation": entry.workstation,
            "community": entry.community,
            "taken_at": _when(entry.taken_at),
            "round": sub.round_code,
            "client_uuid": sub.client_uuid,
            "resident_id": sub.resident_id,
            "business_id": sub.business_id,
            "mode": sub.mode,
            "helped_by": sub.helped_by,
            "answers": sub.answers,
            "complete": sub.complete,
        }
    elif isinstance(entry, StationOrder):
        d = entry.draft
        data = {
            "workstation": entry.workstation,
            "community": entry.community,
            "taken_at": _when(entry.taken_at),
            "client_uuid": d.client_uuid,
            "resident_id": d.resident_id,
            "merchant_id": d.merchant_id,
            "window_id": d.window_id,
            "lines": [[p, q] for p, q in d.lines],
            "channel": d.channel,
            "call_id": d.call_id,
            "family_member": d.family_member,
            "deliverer_staff_id": d.deliverer_staff_id,
            "deliverer_volunteer_id": d.deliverer_volunteer_id,
            "note": d.note,
        }
    else:
        data = {
            "workstation": entry.workstation,
            "incident_id": entry.incident_id,
            "base_version": entry.base_version,
            "text": entry.text,
            "written_at": _when(entry.written_at),
        }
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def from_json(kind: EntryKind, text: str, photo: bytes = b"") -> Entry:
    """The entry `to_json` wrote; raises ValueError for text that is not one."""
    try:
        d = json.loads(text)
        if kind is EntryKind.PANIC:
            return PanicPress(
                workstation=str(d["workstation"]),
                community=str(d["community"]),
                pressed_at=datetime.fromisoformat(d["pressed_at"]),
                source=str(d.get("source", "screen")),
                note=str(d.get("note", "")),
            )
        if kind is EntryKind.REQUEST:
            resident = d.get("resident_id")
            return ResidentRequest(
                workstation=str(d["workstation"]),
                community=str(d["community"]),
                target=RequestTarget(d["target"]),
                category=str(d["category"]),
                description=str(d["description"]),
                taken_at=datetime.fromisoformat(d["taken_at"]),
                resident_id=None if resident is None else int(resident),
                caller_name=str(d.get("caller_name", "")),
                caller_phone=str(d.get("caller_phone", "")),
                priority=Priority(int(d.get("priority", int(Priority.P3)))),
                photo_name=str(d.get("photo_name", "")),
                photo=photo,
            )
        if kind is EntryKind.SURVEY:
            resident, helper, answers = d.get("resident_id"), d.get("helped_by"), d["answers"]
            business = d.get("business_id")  # absent in entries written before businesses
            if not isinstance(answers, dict):
                raise TypeError("the answers are not an object")
            return StationSurvey(
                workstation=str(d["workstation"]),
                community=str(d["community"]),
                taken_at=datetime.fromisoformat(d["taken_at"]),
                submission=SurveySubmission(
                    round_code=str(d["round"]),
                    client_uuid=str(d["client_uuid"]),
                    resident_id=None if resident is None else int(resident),
                    mode=str(d["mode"]),
                    helped_by=None if helper is None else int(helper),
                    answers=answers,
                    complete=bool(d["complete"]),
                    community=str(d["community"]),
                    business_id=None if business is None else int(business),
                ),
            )
        if kind is EntryKind.ORDER:
            return StationOrder(
                workstation=str(d["workstation"]),
                community=str(d["community"]),
                taken_at=datetime.fromisoformat(d["taken_at"]),
                draft=OrderDraft(
                    client_uuid=str(d["client_uuid"]),
                    resident_id=int(d["resident_id"]),
                    merchant_id=int(d["merchant_id"]),
                    window_id=int(d["window_id"]),
                    lines=tuple((int(p), int(q)) for p, q in d["lines"]),
                    channel=str(d["channel"]),
                    call_id=_int_or_none(d.get("call_id")),
                    family_member=str(d.get("family_member", "")),
                    deliverer_staff_id=_int_or_none(d.get("deliverer_staff_id")),
                    deliverer_volunteer_id=_int_or_none(d.get("deliverer_volunteer_id")),
                    note=str(d.get("note", "")),
                ),
            )
        return IncidentNote(
            workstation=str(d["workstation"]),
            incident_id=int(d["incident_id"]),
            base_version=int(d["base_version"]),
            text=str(d["text"]),
            written_at=datetime.fromisoformat(d["written_at"]),
        )
    except (KeyError, TypeError, AttributeError, json.JSONDecodeError, ValueError) as exc:
        raise ValueError(f"not a {kind.value} entry: {exc}") from exc


def summary(entry: Entry) -> str:
    """One line for the "waiting to send" list: what it is, never who (no personal data)."""
    if isinstance(entry, PanicPress):
        return f"panic ({entry.source})"
    if isinstance(entry, ResidentRequest):
        photo = ", photo" if entry.photo else ""
        return f"request {entry.category} -> {entry.target.value}{photo}"
    if isinstance(entry, StationSurvey):
        done = "" if entry.submission.complete else " (partial)"
        return f"survey response, round {entry.submission.round_code}{done}"
    if isinstance(entry, StationOrder):
        n = sum(q for _, q in entry.draft.lines)
        return f"order, {len(entry.draft.lines)} lines, {n} items"
    return f"note on incident #{entry.incident_id}"
