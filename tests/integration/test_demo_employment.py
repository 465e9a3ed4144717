"""The demo's employment data: verified employers and open postings near each community, job
seekers of working age (three of four with a jobs consent) whose matches have reasons; seeded
once."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from core.employment import EmployerStatus, PostingStatus
from core.site import SiteSpec
from data.employment_seeding import SEEKERS, seed_employment
from data.models import Community, Employer, JobSeeker
from tests.helpers.consoles import SeededSite
from tests.helpers.postgres import as_owner


def test_the_demo_has_employers_postings_and_matchable_seekers(
    seeded: SeededSite, demo_site: SiteSpec
) -> None:
    assert demo_site.geo is not None
    to_latlon = demo_site.geo.transform().to_latlon
    now = datetime.now(UTC)
    with as_owner(seeded.db) as owner, owner.session() as s:
        seed_employment(s, date.today(), now, to_latlon)
        communities = int(s.scalar(select(func.count()).select_from(Community)) or 0)
    svc = seeded.services
    admin = svc.signin.principal("admin")
    employers = svc.employment.employers(admin)
    assert len(employers) == 2 * communities
    assert all(e.status is EmployerStatus.VERIFIED and e.lat is not None for e in employers)
    assert any(e.shortfall > 0 for e in employers), "one is short of its disabled-staff quota"
    postings = svc.employment.postings(admin)
    assert all(p.status is PostingStatus.OPEN for p in postings)
    seekers = svc.employment.seekers(admin)
    # Up to four per community (a small population may have fewer of working age), all but
    # the fourth with a jobs consent.
    per: dict[str, list[bool]] = {}
    for r in seekers:
        per.setdefault(r.community, []).append(r.consent)
    assert len(per) == communities
    for flags in per.values():
        assert 1 <= len(flags) <= SEEKERS
        assert sum(flags) == min(len(flags), SEEKERS - 1)
    # The C01 cook is matched to a canteen nearby, each score the sum of its parts.
    cook = next(r for r in seekers if r.community == "C01" and "烹饪" in r.skills)
    matches = svc.employment.matches_for_seeker(admin, cook.id)
    assert any(m.title == "食堂帮厨" for m in matches)
    assert all(abs(m.total - sum(points for *_, points in m.parts)) < 0.15 for m in matches)
    assert all(m.distance_km <= cook.max_km for m in matches)
    trained = [r for r in seekers if r.training]
    assert all(t.completed_on is not None for r in trained for t in r.training)
    # Seeded once: a second run adds nothing.
    with as_owner(seeded.db) as owner, owner.session() as s:
        seed_employment(s, date.today(), now, to_latlon)
        assert s.scalar(select(func.count()).select_from(Employer)) == 2 * communities
        assert s.scalar(select(func.count()).select_from(JobSeeker)) == len(seekers)
