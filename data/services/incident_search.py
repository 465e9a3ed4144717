"""The incident search index: bigrams of the text and digit trigrams of the phone, per incident."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, update
from sqlalchemy.orm import Session

from core.history import digits, phone_grams, search_body, text_grams
from data.db import upsert_insert
from data.models import Incident, IncidentGram, IncidentSearch


# --- the index: kept in the transaction of every write that changes an incident's text -------
def grams_of(body: str, phone: str) -> set[str]:
    return text_grams(body) | phone_grams(phone)


def index_incident(s: Session, inc: Incident) -> None:
    """Bring the search index up to date with `inc` (created, or its text or community edited).

    Call it inside the write's transaction, after a flush (the incident needs its id). Grams
    the new text no longer has stay behind (the workstation role may not delete); the search
    re-checks every candidate against the stored text, so they never make a false match.
    An anonymised incident is left out of the index.
    """
    if inc.anonymised_at is not None:
        return
    body = search_body(inc.title, inc.description or "", inc.caller_name or "", inc.location or "")
    phone = digits(inc.caller_phone or "")
    doc = s.get(IncidentSearch, inc.id)
    new = grams_of(body, phone)
    if doc is None:
        s.add(
            IncidentSearch(
                incident_id=inc.id, community_id=inc.community_id, body=body, phone=phone
            )
        )
        fresh = new
    else:
        old = grams_of(doc.body, doc.phone)
        if doc.community_id != inc.community_id and old:
            # By key (gram, incident), never a scan of the index.
            s.execute(
                update(IncidentGram)
                .where(IncidentGram.gram.in_(sorted(old)), IncidentGram.incident_id == inc.id)
                .values(community_id=inc.community_id),
                execution_options={"synchronize_session": False},
            )
        doc.body, doc.phone, doc.community_id = body, phone, inc.community_id
        fresh = new - old
    if fresh:
        rows = [{"gram": g, "incident_id": inc.id, "community_id": inc.community_id} for g in fresh]
        if doc is None:
            s.execute(insert(IncidentGram), rows)
        else:
            # Text an earlier edit removed left its grams behind: an edit back to it finds
            # some of its grams already there.
            s.execute(upsert_insert(s, IncidentGram).on_conflict_do_nothing(), rows)
    s.flush()


def unindex_incidents(s: Session, ids: Iterable[int]) -> None:
    """Take incidents out of the index (anonymised by retention, which runs as the owner)."""
    for iid in ids:
        doc = s.get(IncidentSearch, iid)
        if doc is None:
            continue
        grams = grams_of(doc.body, doc.phone)
        if grams:
            s.execute(
                delete(IncidentGram).where(
                    IncidentGram.gram.in_(sorted(grams)), IncidentGram.incident_id == iid
                )
            )
        s.delete(doc)
    s.flush()
