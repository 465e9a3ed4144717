"""SiteService on SQLite and PostgreSQL: site facts and the communities in a user's scope."""

from __future__ import annotations

import pytest

from core.site import SiteSpec
from tests.unit.data.worlds import World


@pytest.fixture
def env(demo_env: World) -> World:
    """The demo site: a copy of it seeded once per process, on SQLite and PostgreSQL."""
    return demo_env


def test_site_meta(env: World, demo_site: SiteSpec) -> None:
    meta = env.svc.site.site_meta()
    assert meta["site_name"] == demo_site.name
    assert meta["timezone"] == demo_site.timezone
    assert meta["site_file"] == "site.toml"


def test_communities_honour_scope(env: World, demo_site: SiteSpec) -> None:
    everyone = env.svc.site.communities(env.who("operator"))
    assert [c.code for c in everyone] == sorted(c.code for c in demo_site.communities)
    assert len(everyone) == 20
    c01 = next(c for c in demo_site.communities if c.code == "C01")
    station = env.svc.site.communities(env.who("ws01"))
    assert [(c.code, c.name, c.population) for c in station] == [("C01", c01.name, c01.population)]
    assert (station[0].centre_x, station[0].centre_y) == (c01.centre.x, c01.centre.y)


def test_reading_the_site_writes_nothing(env: World) -> None:
    before = (env.audit(), env.changes())
    env.svc.site.site_meta()
    for who in ("admin", "supervisor", "operator", "ws01"):
        env.svc.site.communities(env.who(who))
    assert (env.audit(), env.changes()) == before
