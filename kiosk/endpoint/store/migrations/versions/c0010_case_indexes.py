"""Indexes for the inbox at a chain's size.

Revision ID: c0010
Revises: c0009

With 50,000 cases the inbox read every case to find the 1,500 pending ones by time left,
the 50 closed last and the month's figures (each query a scan and a sort).
"""

from alembic import op

revision = "c0010"
down_revision = "c0009"
branch_labels = None
depends_on = None

INDEXES = {
    "cases_by_status_due": ["status", "due_utc"],
    "cases_by_closed": ["closed_utc"],
    "cases_by_opened": ["opened_utc"],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "cases", columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="cases")
