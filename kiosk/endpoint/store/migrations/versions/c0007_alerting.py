"""The configuration version each kiosk reports; alerts beyond the single answer (triggers and their firings), managers' e-mail addresses,
report subscriptions, and the queue of e-mails and chat messages to deliver.

Revision ID: c0007
Revises: c0006

Declared in ``kiosk.endpoint.store.schema`` (the alerting section); used by
``kiosk.endpoint.store.alerting``.
"""

import sqlalchemy as sa
from alembic import op

revision = "c0007"
down_revision = "c0006"
branch_labels = None
depends_on = None

STAMP = sa.String(32)


def upgrade() -> None:
    op.add_column(
        "kiosks",
        sa.Column("config_version", sa.String(64), nullable=False, server_default=""),
    )
    op.create_table(
        "alert_rules",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("area_id", sa.Integer, sa.ForeignKey("areas.id"), nullable=True),
        sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), nullable=True),
        sa.Column("settings", sa.Text, nullable=False),
        sa.Column("email", sa.Boolean, nullable=False),
        sa.Column("webhook_url", sa.String(500), nullable=False, server_default=""),
        sa.Column("language", sa.String(20), nullable=False),
        sa.Column("created_utc", STAMP, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("removed_utc", STAMP, nullable=True),
    )
    op.create_table(
        "alert_firings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("rule_id", sa.Integer, sa.ForeignKey("alert_rules.id"), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("site_id", sa.Integer, sa.ForeignKey("sites.id"), nullable=False),
        sa.Column("fired_utc", STAMP, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("seen_utc", STAMP, nullable=True),
        sa.Column("seen_by", sa.String(200), nullable=False, server_default=""),
        sa.UniqueConstraint("rule_id", "key", name="alert_firings_window"),
    )
    op.create_index("alert_firings_by_time", "alert_firings", ["fired_utc"])
    op.create_table(
        "manager_mail",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("address", sa.String(320), nullable=False),
        sa.Column("alerts", sa.Boolean, nullable=False),
    )
    op.create_table(
        "report_subscriptions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("scope", sa.String(8), nullable=False),
        sa.Column("scope_id", sa.Integer, nullable=False, server_default="0"),
        sa.Column("frequency", sa.String(8), nullable=False),
        sa.Column("created_utc", STAMP, nullable=False),
        sa.UniqueConstraint(
            "user_id", "scope", "scope_id", "frequency", name="report_subscription"
        ),
        sa.CheckConstraint("scope IN ('chain', 'area', 'site')", name="report_subscriptions_scope"),
    )
    op.create_table(
        "report_sends",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "subscription_id",
            sa.Integer,
            sa.ForeignKey("report_subscriptions.id"),
            nullable=False,
        ),
        sa.Column("period_key", sa.String(40), nullable=False),
        sa.Column("since_day", sa.String(10), nullable=False),
        sa.Column("until_day", sa.String(10), nullable=False),
        sa.Column("queued_utc", STAMP, nullable=False),
        sa.UniqueConstraint("subscription_id", "period_key", name="report_sends_period"),
    )
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(600), nullable=False, unique=True),
        sa.Column("channel", sa.String(8), nullable=False),
        sa.Column("firing_id", sa.Integer, sa.ForeignKey("alert_firings.id"), nullable=True),
        sa.Column("report_id", sa.Integer, sa.ForeignKey("report_sends.id"), nullable=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=True),
        sa.Column("rule_id", sa.Integer, sa.ForeignKey("alert_rules.id"), nullable=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_try_utc", STAMP, nullable=False),
        sa.Column("claimed_until_utc", STAMP, nullable=True),
        sa.Column("last_error", sa.String(300), nullable=False, server_default=""),
        sa.Column("sent_utc", STAMP, nullable=True),
        sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name="deliveries_status"),
        sa.CheckConstraint("channel IN ('email', 'webhook')", name="deliveries_channel"),
    )
    op.create_index("deliveries_due", "deliveries", ["status", "next_try_utc"])


def downgrade() -> None:
    op.drop_index("deliveries_due", table_name="deliveries")
    op.drop_table("deliveries")
    op.drop_table("report_sends")
    op.drop_table("report_subscriptions")
    op.drop_table("manager_mail")
    op.drop_index("alert_firings_by_time", table_name="alert_firings")
    op.drop_table("alert_firings")
    op.drop_table("alert_rules")
    with op.batch_alter_table("kiosks") as batch:
        batch.drop_column("config_version")
