"""The site: its facts (name, time zone) and its communities."""

from __future__ import annotations

from sqlalchemy import select

from core.permissions import Permission, Principal
from core.views import CommunityRow
from data.context import ServiceContext
from data.models import Community, SiteMeta


class SiteService:
    """Reads about the site; nothing here is personal data."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def site_meta(self) -> dict[str, str]:
        """Key/value facts about the site (name, time zone, seed)."""
        with self.ctx.read() as s:
            return {m.key: m.value for m in s.scalars(select(SiteMeta))}

    def communities(self, who: Principal) -> list[CommunityRow]:
        """Communities in the user's scope, by code."""
        self.ctx.require(who, Permission.VIEW_CONSOLE)
        stmt = select(Community).order_by(Community.code)
        if who.communities is not None:
            stmt = stmt.where(Community.code.in_(who.communities))
        with self.ctx.read() as s:
            return [
                CommunityRow(c.code, c.name, c.population, c.centre_x, c.centre_y)
                for c in s.scalars(stmt)
            ]
