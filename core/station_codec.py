"""A station's entries as JSON and back (the outbox file, the conflict list); photos apart."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from core.model import Priority
from core.station import EntryKind, IncidentNote, PanicPress, RequestTarget, ResidentRequest

Entry = PanicPress | ResidentRequest | IncidentNote


def kind_of(entry: Entry) -> EntryKind:
    """The kind an entry is sent as."""
    if isinstance(entry, PanicPress):
        return EntryKind.PANIC
    if isinstance(entry, ResidentRequest):
        return EntryKind.REQUEST
    return EntryKind.NOTE


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
        return IncidentNote(
            workstation=str(d["workstation"]),
            incident_id=int(d["incident_id"]),
            base_version=int(d["base_version"]),
            text=str(d["text"]),
            written_at=datetime.fromisoformat(d["written_at"]),
        )
    except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a {kind.value} entry: {exc}") from exc


def summary(entry: Entry) -> str:
    """One line for the "waiting to send" list: what it is, never who (no personal data)."""
    if isinstance(entry, PanicPress):
        return f"panic ({entry.source})"
    if isinstance(entry, ResidentRequest):
        photo = ", photo" if entry.photo else ""
        return f"request {entry.category} -> {entry.target.value}{photo}"
    return f"note on incident #{entry.incident_id}"
