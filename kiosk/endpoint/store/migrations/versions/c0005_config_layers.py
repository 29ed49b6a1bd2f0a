"""The central configuration's layers (GET /v1/config): one document per area, site or kiosk.

Revision ID: c0005
Revises: c0004
"""

import sqlalchemy as sa
from alembic import op

revision = "c0005"
down_revision = "c0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "config_layers",
        sa.Column("scope", sa.String(8), primary_key=True),
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("document", sa.Text, nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("updated_utc", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.CheckConstraint("scope IN ('area', 'site', 'kiosk')", name="config_layers_scope"),
    )


def downgrade() -> None:
    op.drop_table("config_layers")
