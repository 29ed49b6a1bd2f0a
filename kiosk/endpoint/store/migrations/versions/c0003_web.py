"""The managers' web pages: login throttling, preferences, the session cookies' key.

Revision ID: c0003
Revises: c0002
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "c0003"
down_revision = "c0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_attempts",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_failure_utc", sa.String(32), nullable=True),
        sa.Column("next_try_utc", sa.String(32), nullable=True),
    )
    op.create_table(
        "user_prefs",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("language", sa.String(20), nullable=False, server_default=""),
    )
    # Signs the managers' session cookies; shared by every process serving this database.
    op.bulk_insert(
        sa.table("service_keys", sa.column("name"), sa.column("value")),
        [{"name": "session_key", "value": secrets.token_hex(32)}],
    )


def downgrade() -> None:
    op.execute("DELETE FROM service_keys WHERE name = 'session_key'")
    op.drop_table("user_prefs")
    op.drop_table("login_attempts")
