"""A resident's rights (PIPL Arts. 44–47): their data as a document, and anonymised values."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

ANON_NAME: Final = "已匿名"  # what an anonymised resident's name reads everywhere
ANON_TEXT: Final = ""  # phone, address, emergency contact, masked identity number
NO_INCIDENT_LINK: Final = (
    "incidents are not linked to residents in this version; none can be listed"
)
_LABELS: Final = (
    ("name", "Name"),
    ("gender", "Gender"),
    ("birth_date", "Date of birth"),
    ("id_number", "Identity number"),
    ("phone", "Phone"),
    ("address", "Address"),
    ("community", "Community"),
    ("emergency_contact_name", "Emergency contact"),
    ("emergency_contact_phone", "Emergency contact's phone"),
    ("emergency_contact_relation", "Emergency contact's relation"),
    ("lives_alone", "Lives alone"),
    ("dementia", "Dementia"),
    ("disability", "Disability"),
    ("chronic_illness", "Chronic illness"),
    ("legal_hold", "Under a legal hold"),
    ("anonymised_at", "Anonymised"),
    ("created_at", "Recorded since"),
    ("updated_at", "Last changed"),
)


@dataclass(frozen=True, slots=True)
class PersonExport:
    """One person's data as the database holds it: a JSON document and a readable summary."""

    resident_id: int
    document: dict[str, Any]

    @property
    def json_text(self) -> str:
        """The document as UTF-8 JSON (characters kept readable, not \\u-escaped)."""
        return json.dumps(self.document, ensure_ascii=False, indent=2, default=str) + "\n"

    @property
    def summary(self) -> str:
        """The document as plain text for the person to read."""
        return summary_text(self.document)


def _yes_no(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "—" if value in (None, "") else str(value)


def summary_text(doc: dict[str, Any]) -> str:
    """A plain-text rendering of an export document (English headings, the data as stored)."""
    res = doc.get("resident", {})
    lines = [
        f"Personal data held about resident {res.get('id', '?')}",
        f"Exported {doc.get('exported_at', '')} by {doc.get('exported_by', '')}",
        f"Reason: {doc.get('reason', '')}",
        "",
        "Record",
    ]
    lines += [f"  {label}: {_yes_no(res.get(key))}" for key, label in _LABELS]
    lines += ["", "Consents"]
    consents = doc.get("consents", [])
    if not consents:
        lines.append("  none recorded")
    for c in consents:
        state = (
            f"withdrawn {c['withdrawn_at']} by {c['withdrawn_by']}: {c['withdrawal_reason']}"
            if c.get("withdrawn_at")
            else "in force"
        )
        by = ""
        if c.get("witness"):
            by = f", witness {c['witness']}"
        elif c.get("guardian_name"):
            by = f", guardian {c['guardian_name']} ({c['guardian_relation']})"
        lines.append(
            f"  {c['purpose']}: {c['method']}{by}, given {c['given_on']}, recorded "
            f"{c['recorded_at']} by {c['recorded_by']}; {state}"
        )
    lines += ["", "Who looked at or changed this record"]
    access = doc.get("access_log", [])
    if not access:
        lines.append("  nobody")
    for a in access:
        purpose = f" ({a['purpose']})" if a.get("purpose") else ""
        lines.append(f"  {a['ts']} {a['actor']} at {a['workstation']}: {a['action']}{purpose}")
    lines += ["", "Incidents", f"  {doc.get('incidents_note', NO_INCIDENT_LINK)}", ""]
    return "\n".join(lines)


def summary_path(out: Path) -> Path:
    """Where the text summary of an export to `out` goes: beside it, suffix .txt."""
    if out.suffix == ".txt":
        return out.with_name(out.stem + ".summary.txt")
    return out.with_suffix(".txt")


def write_private(path: Path, text: str) -> None:
    """Write UTF-8 text readable by this user only (0600, also when the file existed)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # an older file may have had wider permissions
        os.write(fd, text.encode("utf-8"))
    finally:
        os.close(fd)


def write_export(export: PersonExport, out: Path) -> tuple[Path, Path]:
    """The JSON document to `out` and the summary beside it, both 0600; the two paths."""
    summary = summary_path(out)
    write_private(out, export.json_text)
    write_private(summary, export.summary)
    return out, summary
