"""The reference endpoint's SQLite schema as shipped before the central service.

Revision ID: c0001
Revises:
A store made by that endpoint (``PRAGMA user_version = 1``, no ``alembic_version``) is
stamped at this revision by ``kiosk endpoint migrate`` and upgraded from here.
"""

import sqlalchemy as sa
from alembic import op

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kiosks",
        sa.Column("kiosk_id", sa.Text, primary_key=True),
        sa.Column("site", sa.Text, nullable=False),
        sa.Column("app_version", sa.Text, nullable=False),
        sa.Column("first_seen_utc", sa.Text, nullable=False),
        sa.Column("last_seen_utc", sa.Text, nullable=False),
        sa.Column("last_skew_seconds", sa.Float),
        sa.Column("max_abs_skew_seconds", sa.Float),
    )
    op.create_table(
        "answers",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("kiosk_id", sa.Text, nullable=False),
        sa.Column("site", sa.Text, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("category", sa.Text, nullable=False),
        sa.Column("language", sa.Text, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("received_utc", sa.Text, nullable=False),
    )
    op.create_index("answers_by_kiosk_seq", "answers", ["kiosk_id", "seq"])
    op.create_table(
        "alerts",
        sa.Column("answer_id", sa.Text, primary_key=True),
        sa.Column("kiosk_id", sa.Text, nullable=False),
        sa.Column("site", sa.Text, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("received_utc", sa.Text, nullable=False),
    )


def downgrade() -> None:
    for name in ("alerts", "answers", "kiosks"):
        op.drop_table(name)
