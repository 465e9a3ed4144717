"""The demo site's communities written as raw rows, for tests that stop at an old revision."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from core.site import SiteSpec


def seed_communities(s: Session, site: SiteSpec) -> None:
    """Only the community table, whose columns every revision has (the models may have more
    tables and columns than the schema a migration test stopped at)."""
    for c in site.communities:
        s.execute(
            text(
                "INSERT INTO community (code, name, population, households, address, centre_x, "
                "centre_y) VALUES (:code, :name, :population, :households, :address, :x, :y)"
            ),
            {
                "code": c.code,
                "name": c.name,
                "population": c.population,
                "households": c.households,
                "address": c.address,
                "x": c.centre.x,
                "y": c.centre.y,
            },
        )
