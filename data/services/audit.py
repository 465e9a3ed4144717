"""The audit trail as a capability: checking the chain, recording acts without other writes."""

from __future__ import annotations

from core.audit import AuditAction, ChainReport
from core.permissions import Permission, Principal
from data.audit import verify_audit
from data.context import Actor, ServiceContext


class AuditService:
    """Verification of the hash chain (auditors) and stand-alone audit rows."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def verify(self, who: Principal | None) -> ChainReport:
        """Check the whole chain; `who` None is the local CLI."""
        if who is not None:
            self.ctx.require(who, Permission.VIEW_AUDIT)
        with self.ctx.read() as s:
            return verify_audit(s)

    def record(self, actor: Actor, action: AuditAction, target: str = "", detail: str = "") -> None:
        """An audit row on its own (screen lock, logout, screenshot)."""
        self.ctx.record(actor, action, target, detail)
