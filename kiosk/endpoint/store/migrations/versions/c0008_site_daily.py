"""The sites' days, summed over their kiosks: a ``site_daily`` rollup beside ``daily``.

Revision ID: c0008
Revises: c0007

The overview of every site (a chain's 500 sites over a year) summed ``daily``'s rows kiosk
by kiosk; ``site_daily`` holds one row per site, local day and flagged, kept at ingest in
the answers' own transaction like the other rollups. Filled here from ``daily``.
"""

import sqlalchemy as sa
from alembic import op

revision = "c0008"
down_revision = "c0007"
branch_labels = None
depends_on = None

SCORES = [f"s{score}" for score in range(11)]


def upgrade() -> None:
    op.create_table(
        "site_daily",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("local_day", sa.String(length=10), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        *[sa.Column(name, sa.Integer(), server_default="0", nullable=False) for name in SCORES],
        sa.PrimaryKeyConstraint("site_id", "local_day", "flagged"),
    )
    op.create_index("site_daily_by_day", "site_daily", ["local_day", "site_id"], unique=False)
    columns = ", ".join(SCORES)
    sums = ", ".join(f"SUM({name})" for name in SCORES)
    op.execute(
        f"INSERT INTO site_daily (site_id, local_day, flagged, {columns})"
        f" SELECT site_id, local_day, flagged, {sums} FROM daily"
        " GROUP BY site_id, local_day, flagged"
    )


def downgrade() -> None:
    op.drop_index("site_daily_by_day", table_name="site_daily")
    op.drop_table("site_daily")
