"""The register of businesses: search by community, name or code; add, edit and close.

Reading needs VIEW_RESIDENTS (the contact's name and phone masked without VIEW_RESIDENT_PII
in the business's community); changing the register needs VIEW_RESIDENT_PII there, like a
resident's consent. A business is closed, never deleted: past survey frames refer to it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from core.audit import AuditAction
from core.business import KINDS, BusinessRow
from core.permissions import Permission, Principal
from core.personal import mask_name, mask_phone
from data.context import ServiceContext
from data.models import Business, Community

__all__ = ["EDIT", "KINDS", "READ", "BusinessService"]

READ = Permission.VIEW_RESIDENTS
EDIT = Permission.VIEW_RESIDENT_PII
SEARCH_LIMIT = 200
_FIELDS = ("name", "kind", "contact_name", "contact_phone", "licence_no", "opened_on")


def _row(who: Principal, b: Business, community: str) -> BusinessRow:
    shown = who.can(Permission.VIEW_RESIDENT_PII, community)
    return BusinessRow(
        id=b.id,
        code=b.code,
        name=b.name,
        community=community,
        kind=b.kind,
        contact_name=b.contact_name if shown else mask_name(b.contact_name),
        contact_phone=b.contact_phone if shown else mask_phone(b.contact_phone),
        licence_no=b.licence_no,
        opened_on=b.opened_on,
        closed_on=b.closed_on,
        masked=not shown,
    )


def _check(values: dict[str, Any]) -> None:
    if "kind" in values and values["kind"] not in KINDS:
        raise ValueError(f"a business is one of {', '.join(KINDS)}, not {values['kind']!r}")
    if "name" in values and not str(values["name"]).strip():
        raise ValueError("a business needs a name")


class BusinessService:
    """The register; every change through the context's write path, audited."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def search(
        self,
        who: Principal,
        text: str = "",
        *,
        communities: Sequence[str] = (),
        kinds: Sequence[str] = (),
        open_only: bool = True,
        limit: int = SEARCH_LIMIT,
    ) -> list[BusinessRow]:
        """Businesses by community then code; `text` matches the code or a part of the name.
        Only the reader's communities (a station's worker sees their own)."""
        self.ctx.require(who, READ)
        q = select(Business, Community.code).join(Community, Community.id == Business.community_id)
        wanted = set(communities)
        if who.communities is not None:
            wanted = wanted & set(who.communities) if wanted else set(who.communities)
        if wanted or who.communities is not None:
            q = q.where(Community.code.in_(sorted(wanted)))
        if kinds:
            q = q.where(Business.kind.in_(list(kinds)))
        if open_only:
            q = q.where(Business.closed_on.is_(None))
        needle = text.strip()
        if needle:
            like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            q = q.where(or_(Business.code == needle.upper(), Business.name.like(like, escape="\\")))
        with self.ctx.read() as s:
            found = s.execute(q.order_by(Community.code, Business.code).limit(limit)).all()
            return [_row(who, b, c) for b, c in found]

    def rows_by_ids(self, who: Principal, ids: Sequence[int]) -> list[BusinessRow]:
        """These businesses in the order given, those outside the reader's communities left
        out (a round's call list)."""
        self.ctx.require(who, READ)
        if not ids:
            return []
        with self.ctx.read() as s:
            found = {
                int(b.id): _row(who, b, str(c))
                for b, c in s.execute(
                    select(Business, Community.code)
                    .join(Community, Community.id == Business.community_id)
                    .where(Business.id.in_(list(ids)))
                )
                if who.can(READ, str(c))
            }
        return [found[i] for i in ids if i in found]

    def get(self, who: Principal, business_id: int) -> BusinessRow:
        """One business (LookupError if unknown or outside the reader's communities)."""
        self.ctx.require(who, READ)
        with self.ctx.read() as s:
            found = s.execute(
                select(Business, Community.code)
                .join(Community, Community.id == Business.community_id)
                .where(Business.id == business_id)
            ).first()
        if found is None or not who.can(READ, found[1]):
            raise LookupError(f"no business {business_id}")
        return _row(who, found[0], found[1])

    def add(
        self,
        who: Principal,
        *,
        code: str,
        name: str,
        community: str,
        kind: str,
        opened_on: date,
        contact_name: str = "",
        contact_phone: str = "",
        licence_no: str = "",
    ) -> int:
        """Register a business; its id. The code is unique (an IntegrityError otherwise)."""
        code = code.strip().upper()
        if not code:
            raise ValueError("a business needs a code")
        _check({"kind": kind, "name": name})
        with self.ctx.write(who, EDIT, community) as tx:
            s = tx.session
            cid = s.scalar(select(Community.id).where(Community.code == community))
            if cid is None:
                raise LookupError(f"no community {community}")
            row = Business(
                code=code,
                name=name.strip(),
                community_id=cid,
                kind=kind,
                contact_name=contact_name.strip(),
                contact_phone=contact_phone.strip(),
                licence_no=licence_no.strip(),
                opened_on=opened_on,
                closed_on=None,
                created_at=tx.now,
            )
            s.add(row)
            s.flush()
            tx.change("business", row.id, "insert")
            tx.audit(AuditAction.BUSINESS_SAVED, f"business:{code}", json.dumps({"new": True}))
            return row.id

    def edit(self, who: Principal, business_id: int, **values: Any) -> None:
        """Change some of name, kind, contact_name, contact_phone, licence_no, opened_on.
        The audit row names the fields changed, not their values (a phone is personal)."""
        unknown = set(values) - set(_FIELDS)
        if unknown:
            raise ValueError(f"cannot edit {', '.join(sorted(unknown))}")
        _check(values)
        with self.ctx.write(who, EDIT) as tx:
            row, community = self._locked(tx.session, business_id)
            self.ctx.check(tx, EDIT, community)
            changed = sorted(k for k, v in values.items() if getattr(row, k) != v)
            for k in changed:
                setattr(row, k, values[k])
            if changed:
                tx.change("business", row.id, "update")
                tx.audit(
                    AuditAction.BUSINESS_SAVED,
                    f"business:{row.code}",
                    json.dumps({"fields": changed}),
                )

    def close(self, who: Principal, business_id: int, on: date) -> None:
        """The business stopped trading on `on`: frames drawn from then on leave it out."""
        with self.ctx.write(who, EDIT) as tx:
            row, community = self._locked(tx.session, business_id)
            self.ctx.check(tx, EDIT, community)
            if on < row.opened_on:
                raise ValueError("a business closes after it opens")
            row.closed_on = on
            tx.change("business", row.id, "update")
            tx.audit(AuditAction.BUSINESS_CLOSED, f"business:{row.code}", on.isoformat())

    @staticmethod
    def _locked(s: Session, business_id: int) -> tuple[Business, str]:
        found = s.execute(
            select(Business, Community.code)
            .join(Community, Community.id == Business.community_id)
            .where(Business.id == business_id)
        ).first()
        if found is None:
            raise LookupError(f"no business {business_id}")
        return found[0], str(found[1])
