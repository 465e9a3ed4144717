"""Services by capability, all on one ServiceContext; `Services.build` makes the set."""

from __future__ import annotations

from dataclasses import dataclass

from core.auth import LoginPolicy
from core.ports import PasswordHasher
from data.context import ServiceContext
from data.services.accounts import AccountService
from data.services.audit import AuditService
from data.services.consent import ConsentService
from data.services.devices import DeviceService
from data.services.incidents import IncidentService
from data.services.residents import ResidentService
from data.services.signin import SignInService
from data.services.site import SiteService


@dataclass(frozen=True)
class Services:
    """Every service of the console, sharing one context (database, workstation, clock)."""

    ctx: ServiceContext
    site: SiteService
    signin: SignInService
    accounts: AccountService
    incidents: IncidentService
    devices: DeviceService
    residents: ResidentService
    audit: AuditService
    consent: ConsentService

    @classmethod
    def build(
        cls,
        ctx: ServiceContext,
        *,
        hasher: PasswordHasher | None = None,
        policy: LoginPolicy | None = None,
    ) -> Services:
        """The services on one context; one hasher and policy for sign-in and accounts."""
        from data.security import Argon2Hasher

        hasher = hasher or Argon2Hasher()
        policy = policy or LoginPolicy()
        return cls(
            ctx=ctx,
            site=SiteService(ctx),
            signin=SignInService(ctx, hasher, policy),
            accounts=AccountService(ctx, hasher, policy),
            incidents=IncidentService(ctx),
            devices=DeviceService(ctx),
            residents=ResidentService(ctx),
            audit=AuditService(ctx),
            consent=ConsentService(ctx),
        )
