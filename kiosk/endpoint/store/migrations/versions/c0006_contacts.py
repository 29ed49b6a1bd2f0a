"""Guests' call-back requests (issue 11): a ``contacts`` table beside the answers.

Revision ID: c0006
Revises: c0005

Declared in ``kiosk.endpoint.store.contacts``; personal data, kept apart from the answers and
out of every export.
"""

import sqlalchemy as sa
from alembic import op

revision = "c0006"
down_revision = "c0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contacts",
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("answer_id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("reach", sa.String(length=200), nullable=False),
        sa.Column("reach_kind", sa.String(length=10), nullable=False),
        sa.Column("consent_text", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("consented_utc", sa.String(length=32), nullable=False),
        sa.Column("retention_days", sa.Integer(), nullable=False),
        sa.Column("received_utc", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["kiosk_id"], ["kiosks.kiosk_id"]),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"]),
        sa.PrimaryKeyConstraint("kiosk_id", "answer_id"),
    )


def downgrade() -> None:
    op.drop_table("contacts")
