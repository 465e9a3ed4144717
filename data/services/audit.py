"""The audit trail as a capability: checking the chain, recording acts without other writes."""

from __future__ import annotations

from pathlib import Path

from core.audit import AuditAction, ChainReport
from core.checkpoint import CheckpointReason, SignedCheckpoint
from core.permissions import Permission, Principal
from data.audit import verify_audit
from data.checkpoints import (
    AuditVerdict,
    checkpoint_for_handover,
    signing_key_readable,
    verify_anchored,
    write_checkpoint,
)
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

    def verify_anchored(self, who: Principal | None, checkpoints: Path) -> AuditVerdict:
        """Check the chain and every signed checkpoint in `checkpoints` in one pass."""
        if who is not None:
            self.ctx.require(who, Permission.VIEW_AUDIT)
        with self.ctx.read() as s:
            return verify_anchored(s, self.ctx.keys, checkpoints)

    def can_sign(self) -> bool:
        """True when this workstation holds a readable audit signing key."""
        return signing_key_readable(self.ctx.keys)

    def checkpoint(
        self, checkpoints: Path, reason: CheckpointReason = CheckpointReason.MANUAL
    ) -> tuple[Path, SignedCheckpoint]:
        """Sign the chain head as it stands and store the checkpoint file.

        Needs the private key, not a signed-in user: whoever holds the key is the authority,
        and the periodic job runs on a workstation whatever its session.
        """
        return write_checkpoint(
            self.ctx.db,
            self.ctx.keys,
            checkpoints,
            workstation=self.ctx.workstation,
            reason=reason,
            clock=self.ctx.clock,
        )

    def handover_checkpoint(self, checkpoints: Path) -> str:
        """Sign a handover checkpoint; its printable text for the shift-handover report."""
        return checkpoint_for_handover(
            self.ctx.db,
            self.ctx.keys,
            checkpoints,
            workstation=self.ctx.workstation,
            clock=self.ctx.clock,
        )

    def record(self, actor: Actor, action: AuditAction, target: str = "", detail: str = "") -> None:
        """An audit row on its own (screen lock, logout, screenshot)."""
        self.ctx.record(actor, action, target, detail)

    def record_admin(
        self, who: Principal, action: AuditAction, target: str = "", detail: str = ""
    ) -> None:
        """An administrator's act outside the database (this PC's setup): the right is
        checked against the account as it is now, and a refusal is audited."""
        with self.ctx.write(who, Permission.MANAGE_USERS) as tx:
            tx.audit(action, target, detail)
