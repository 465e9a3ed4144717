"""Indexes for the KPI dashboard's monthly reads (registrations, receipts, replies, answers)"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0036"
down_revision = "0035"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_resident_registered",
        "resident",
        ["community_id", "created_at"],
        sqlite_where=sa.text("anonymised_at IS NULL"),
        postgresql_where=sa.text("anonymised_at IS NULL"),
    )
    op.create_index(
        "ix_station_receipt_received",
        "station_receipt",
        ["received_at", "workstation", "community_id"],
    )
    op.create_index("ix_service_ticket_response_due", "service_ticket", ["response_due_at"])
    op.create_index("ix_survey_response_submitted", "survey_response", ["round_id", "submitted_at"])


def downgrade() -> None:
    op.drop_index("ix_survey_response_submitted", table_name="survey_response")
    op.drop_index("ix_service_ticket_response_due", table_name="service_ticket")
    op.drop_index("ix_station_receipt_received", table_name="station_receipt")
    op.drop_index("ix_resident_registered", table_name="resident")
