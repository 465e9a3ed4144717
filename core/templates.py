"""Quick templates per incident type: a title and a description the entry form fills in."""

from __future__ import annotations

import json
from dataclasses import dataclass

from core.incidents import DESCRIPTION_MAX, TITLE_MAX

MAX_TEMPLATES = 9  # one per Alt+1 … Alt+9
SEPARATOR = "|"  # "title|description" in the site file and in the incident_type table


@dataclass(frozen=True, slots=True)
class QuickTemplate:
    """What a template fills in."""

    title: str
    description: str = ""


def parse_template(text: str) -> QuickTemplate:
    """'独居老人未开门|邻居反映…' → its title and description; ValueError names the problem."""
    title, _sep, description = text.partition(SEPARATOR)
    title, description = title.strip(), description.strip()
    if not title:
        raise ValueError("a template needs a title before '|'")
    if "\n" in title:
        raise ValueError("a template's title is one line")
    if len(title) > TITLE_MAX:
        raise ValueError(f"a template's title has at most {TITLE_MAX} characters")
    if len(description) > DESCRIPTION_MAX:
        raise ValueError(f"a template's description has at most {DESCRIPTION_MAX} characters")
    return QuickTemplate(title, description)


def encode_templates(templates: tuple[QuickTemplate, ...]) -> str:
    """The incident_type table's form: a JSON list of [title, description] pairs."""
    return json.dumps([[t.title, t.description] for t in templates], ensure_ascii=False)


def decode_templates(stored: str) -> tuple[QuickTemplate, ...]:
    """The inverse of encode_templates; nothing for an empty or unreadable value."""
    try:
        pairs = json.loads(stored) if stored.strip() else []
    except ValueError:
        return ()
    return tuple(
        QuickTemplate(str(p[0]), str(p[1])) for p in pairs if isinstance(p, list) and len(p) == 2
    )
