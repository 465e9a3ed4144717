"""SLA check: open incidents by state and age, recent timeline steps by time"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# The literals of data.models as of this revision (migrations do not follow
# later edits of the models).
OPEN_WHERE = "state IN ('new', 'acknowledged', 'dispatched', 'on_scene')"
STEP_WHERE = "kind = 'state' AND to_state IN ('acknowledged', 'dispatched', 'resolved')"


def upgrade() -> None:
    # Plain CREATE INDEXes on both backends: no table rebuild. The open items only (~2 % of
    # the rows): the check filters them by state and age without reading the table.
    op.create_index(
        "ix_incident_sla",
        "incident",
        ["created_at", "state"],  # age first: the queue's ORDER BY must keep its own index
        sqlite_where=sa.text(OPEN_WHERE),
        postgresql_where=sa.text(OPEN_WHERE),
    )
    # Only the steps that can stop an SLA clock, not notes, claims or breaches.
    op.create_index(
        "ix_incident_event_step",
        "incident_event",
        ["ts"],
        sqlite_where=sa.text(STEP_WHERE),
        postgresql_where=sa.text(STEP_WHERE),
    )


def downgrade() -> None:
    op.drop_index("ix_incident_event_step", table_name="incident_event")
    op.drop_index("ix_incident_sla", table_name="incident")
