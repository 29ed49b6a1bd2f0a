"""Follow-up cases: one per detractor alert, their events, each area's target.

Revision ID: c0004
Revises: c0003

Alerts received before this revision become open cases too (due from their arrival).
"""

import sqlalchemy as sa
from alembic import op

revision = "c0004"
down_revision = "c0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kiosk_id", sa.String(64), nullable=False),
        sa.Column("answer_id", sa.String(36), nullable=False),
        sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), nullable=False),
        sa.Column("opened_utc", sa.String(32), nullable=False),
        sa.Column("due_utc", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False, server_default=""),
        sa.Column("assignee", sa.String(200), nullable=False, server_default=""),
        sa.Column("first_contact_utc", sa.String(32), nullable=True),
        sa.Column("closed_utc", sa.String(32), nullable=True),
        sa.UniqueConstraint("kiosk_id", "answer_id", name="cases_alert"),
        sa.CheckConstraint(
            "status IN ('open', 'contacted', 'resolved', 'dismissed')", name="cases_status"
        ),
    )
    op.create_index("cases_by_site_due", "cases", ["site_id", "due_utc"])
    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("case_id", sa.Integer, sa.ForeignKey("cases.id"), nullable=False),
        sa.Column("at_utc", sa.String(32), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("detail", sa.Text, nullable=False, server_default="{}"),
    )
    op.create_index("case_events_by_case", "case_events", ["case_id", "id"])
    op.create_table(
        "case_targets",
        sa.Column("area_id", sa.Integer, sa.ForeignKey("areas.id"), primary_key=True),
        sa.Column("hours", sa.Float, nullable=False),
    )
    from kiosk.endpoint.store import cases

    bind = op.get_bind()
    for row in bind.execute(
        sa.text("SELECT kiosk_id, answer_id, site_id, received_utc FROM alerts")
    ).fetchall():
        cases.open_for_alert(bind, row.kiosk_id, row.answer_id, row.site_id, row.received_utc)


def downgrade() -> None:
    op.drop_table("case_targets")
    op.drop_index("case_events_by_case", table_name="case_events")
    op.drop_table("case_events")
    op.drop_index("cases_by_site_due", table_name="cases")
    op.drop_table("cases")
