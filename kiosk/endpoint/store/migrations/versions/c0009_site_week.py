"""The sites' weeks: ``site_weekly``, and the week of each ``site_daily`` row beside its day.

Revision ID: c0009
Revises: c0008

The overview's trend over a quarter or a year is weekly: the week of a day was computed for
every row of the period in the query (PostgreSQL's text-to-date cast and ``date_trunc``
took three quarters of a year's overview), and a year's 182,500 site days were summed into
26,500 weeks. Ingest now writes the week's Monday (``kiosk.core.stats.bucket_start``) with
each day, and keeps ``site_weekly`` (a site's whole weeks) in the answers' own transaction
like the other rollups; here both are filled from the days there are.
"""

import sqlalchemy as sa
from alembic import op

revision = "c0009"
down_revision = "c0008"
branch_labels = None
depends_on = None

SCORES = [f"s{score}" for score in range(11)]
MONDAY = {
    "postgresql": "to_char(date_trunc('week', local_day::date), 'YYYY-MM-DD')",
    "sqlite": "date(local_day, '-6 days', 'weekday 1')",
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    with op.batch_alter_table("site_daily") as batch:
        batch.add_column(sa.Column("week", sa.String(length=10), nullable=True))
    op.execute(f"UPDATE site_daily SET week = {MONDAY[dialect]}")
    with op.batch_alter_table("site_daily") as batch:
        batch.alter_column("week", existing_type=sa.String(length=10), nullable=False)
    op.create_table(
        "site_weekly",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        *[sa.Column(name, sa.Integer(), server_default="0", nullable=False) for name in SCORES],
        sa.PrimaryKeyConstraint("site_id", "week", "flagged"),
    )
    op.create_index("site_weekly_by_week", "site_weekly", ["week", "site_id"], unique=False)
    columns = ", ".join(SCORES)
    sums = ", ".join(f"SUM({name})" for name in SCORES)
    op.execute(
        f"INSERT INTO site_weekly (site_id, week, flagged, {columns})"
        f" SELECT site_id, week, flagged, {sums} FROM site_daily GROUP BY site_id, week, flagged"
    )


def downgrade() -> None:
    op.drop_index("site_weekly_by_week", table_name="site_weekly")
    op.drop_table("site_weekly")
    with op.batch_alter_table("site_daily") as batch:
        batch.drop_column("week")
