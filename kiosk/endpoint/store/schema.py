"""The central store's tables, declared once for SQLite and PostgreSQL (SQLAlchemy Core).

Times are ISO 8601 UTC text (``iso_utc``: they sort as text on both databases) and local days
``YYYY-MM-DD`` text. An answer is unique per kiosk by id and by seq: the database's own keys
make ingest idempotent across processes (``INSERT ... ON CONFLICT``), never a lock in one.

The rollups (``daily``, ``site_daily``, ``site_weekly``, ``hourly``, ``reason_daily``) are kept in the same transaction as
each new answer, so an overview of many sites over a year sums rollup rows, not answers.
Alembic migrations (``migrations/versions``) build exactly these tables; a test compares them.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from kiosk.core.answer import SCORES

metadata = MetaData()

STAMP = String(32)  # iso_utc(): 2026-11-25T12:00:00.000000Z
SCORE_COLUMNS = tuple(f"s{score}" for score in SCORES)


def _score_columns() -> list[Column]:
    return [Column(name, Integer, nullable=False, server_default="0") for name in SCORE_COLUMNS]


areas = Table(
    "areas",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("region", String(200), nullable=False, server_default=""),
    Column("brand", String(200), nullable=False, server_default=""),
    Column("created_utc", STAMP, nullable=False),
)

sites = Table(
    "sites",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # What a kiosk sends as ``kiosk.site``.
    Column("code", String(200), nullable=False, unique=True),
    Column("name", String(200), nullable=False, server_default=""),
    Column("area_id", Integer, ForeignKey("areas.id"), nullable=True),
    Column("created_utc", STAMP, nullable=False),
)

kiosks = Table(
    "kiosks",
    metadata,
    Column("kiosk_id", String(64), primary_key=True),
    # NULL only for a kiosk imported from a tokens file: bound at its first contact.
    Column("site_id", Integer, ForeignKey("sites.id"), nullable=True),
    Column("token_hash", String(64), nullable=True, unique=True),
    Column("revoked_utc", STAMP, nullable=True),
    Column("created_utc", STAMP, nullable=False),
    # Health, kept at ingest.
    Column("app_version", String(200), nullable=False, server_default=""),
    Column("first_seen_utc", STAMP, nullable=True),
    Column("last_seen_utc", STAMP, nullable=True),
    Column("last_skew_seconds", Float, nullable=True),
    Column("max_abs_skew_seconds", Float, nullable=True),
    Column("answers", BigInteger, nullable=False, server_default="0"),
    Column("max_seq", BigInteger, nullable=False, server_default="0"),
    # Since when some seq below max_seq is missing (NULL: none missing).
    Column("gap_since_utc", STAMP, nullable=True),
    # The central configuration (GET /v1/config's version) it last said it runs with.
    Column("config_version", String(64), nullable=False, server_default=""),
)

answers = Table(
    "answers",
    metadata,
    Column("kiosk_id", String(64), ForeignKey("kiosks.kiosk_id"), primary_key=True),
    Column("id", String(36), primary_key=True),  # lower-case UUID
    Column("seq", BigInteger, nullable=False),
    Column("site_id", Integer, ForeignKey("sites.id"), nullable=False),
    Column("created_at", String(40), nullable=False),  # as sent: local time with its offset
    Column("created_utc", STAMP, nullable=False),
    Column("local_day", String(10), nullable=False),
    Column("local_hour", Integer, nullable=False),
    Column("score", Integer, nullable=False),
    Column("category", String(16), nullable=False),
    Column("language", String(20), nullable=False),
    Column("flagged", Boolean, nullable=False),
    Column("has_comment", Boolean, nullable=False),
    Column("content", Text, nullable=False),  # canonical JSON as first received
    Column("received_utc", STAMP, nullable=False),
    UniqueConstraint("kiosk_id", "seq", name="answers_kiosk_seq"),
    CheckConstraint("score BETWEEN 0 AND 10", name="answers_score"),
)
Index("answers_by_site_time", answers.c.site_id, answers.c.created_utc)
Index("answers_by_time", answers.c.created_utc)  # the chain's latest comments, newest first

alerts = Table(
    "alerts",
    metadata,
    Column("kiosk_id", String(64), ForeignKey("kiosks.kiosk_id"), primary_key=True),
    Column("answer_id", String(36), primary_key=True),
    Column("site_id", Integer, ForeignKey("sites.id"), nullable=False),
    Column("content", Text, nullable=False),
    Column("received_utc", STAMP, nullable=False),
    Column("acknowledged_utc", STAMP, nullable=True),
)

# Answers kept apart by a migration (an old store's duplicates): nothing is dropped.
set_aside = Table(
    "set_aside",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kiosk_id", String(64), nullable=False),
    Column("answer_id", String(100), nullable=False),
    Column("content", Text, nullable=False),
    Column("received_utc", String(40), nullable=False),
    Column("reason", String(200), nullable=False),
)

daily = Table(
    "daily",
    metadata,
    Column("site_id", Integer, primary_key=True),
    Column("kiosk_id", String(64), primary_key=True),
    Column("local_day", String(10), primary_key=True),
    Column("flagged", Boolean, primary_key=True),
    *_score_columns(),
)
Index("daily_by_day", daily.c.local_day, daily.c.site_id)

# The sites' days, summed over their kiosks (migration c0008): the overview of every site
# reads one row per site and day, however many kiosks a site has.
site_daily = Table(
    "site_daily",
    metadata,
    Column("site_id", Integer, primary_key=True),
    Column("local_day", String(10), primary_key=True),
    Column("flagged", Boolean, primary_key=True),
    *_score_columns(),
    # The Monday of local_day's week (kiosk.core.stats.bucket_start): the weekly trend's
    # bucket, written at ingest so that no query computes it row by row.
    Column("week", String(10), nullable=False),
)
Index("site_daily_by_day", site_daily.c.local_day, site_daily.c.site_id)

# The sites' whole weeks (Monday to Sunday), summed from their days at ingest: a year's
# overview of 500 sites reads 26,500 of these instead of 182,500 days (reports._counts_by).
site_weekly = Table(
    "site_weekly",
    metadata,
    Column("site_id", Integer, primary_key=True),
    Column("week", String(10), primary_key=True),  # the Monday, as site_daily.week
    Column("flagged", Boolean, primary_key=True),
    *_score_columns(),
)
Index("site_weekly_by_week", site_weekly.c.week, site_weekly.c.site_id)

hourly = Table(
    "hourly",
    metadata,
    Column("site_id", Integer, primary_key=True),
    Column("kiosk_id", String(64), primary_key=True),
    Column("local_day", String(10), primary_key=True),
    Column("local_hour", Integer, primary_key=True),
    Column("flagged", Boolean, primary_key=True),
    *_score_columns(),
)

reason_daily = Table(
    "reason_daily",
    metadata,
    Column("site_id", Integer, primary_key=True),
    Column("kiosk_id", String(64), primary_key=True),
    Column("local_day", String(10), primary_key=True),
    Column("category", String(16), primary_key=True),
    Column("reason", String(64), primary_key=True),
    Column("flagged", Boolean, primary_key=True),
    Column("n", Integer, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("area_id", Integer, ForeignKey("areas.id"), nullable=True),
    Column("site_id", Integer, ForeignKey("sites.id"), nullable=True),
    Column("password_hash", String(300), nullable=True),
    Column("api_token_hash", String(64), nullable=True, unique=True),
    Column("disabled_utc", STAMP, nullable=True),
    Column("created_utc", STAMP, nullable=False),
    # Password throttle, shared by every process: failures in a row, and no try before this.
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked_until_utc", STAMP, nullable=True),
    CheckConstraint("role IN ('admin', 'area', 'site')", name="users_role"),
)

audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at_utc", STAMP, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(64), nullable=False),
    Column("subject", String(200), nullable=False),
    Column("detail", Text, nullable=False, server_default="{}"),
)

# One row: the key of the tokens' lookup hash, made at migration.
service_keys = Table(
    "service_keys",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("value", String(128), nullable=False),
)

# --- the managers' web pages (kiosk/endpoint/web; migration c0003) ---------------------------

# Wrong passwords per login name (known or not), shared by every process: the growing delay
# and the lock-out (kiosk/endpoint/store/logins.py) read and write this row.
login_attempts = Table(
    "login_attempts",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("failures", Integer, nullable=False, server_default="0"),
    Column("last_failure_utc", STAMP, nullable=True),
    Column("next_try_utc", STAMP, nullable=True),  # no attempt is checked before this
)

# A manager's choices on the web pages (the language, for now).
user_prefs = Table(
    "user_prefs",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("language", String(20), nullable=False, server_default=""),
)

# --- follow-up cases (kiosk/endpoint/store/cases.py; migration c0004) -------------------------

# Every detractor alert becomes a case, in the alert's own ingest transaction.
cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kiosk_id", String(64), nullable=False),
    Column("answer_id", String(36), nullable=False),
    Column("site_id", Integer, ForeignKey("sites.id"), nullable=False),
    Column("opened_utc", STAMP, nullable=False),
    Column("due_utc", STAMP, nullable=False),
    Column("status", String(16), nullable=False),
    Column("outcome", String(32), nullable=False, server_default=""),
    Column("assignee", String(200), nullable=False, server_default=""),
    Column("first_contact_utc", STAMP, nullable=True),
    Column("closed_utc", STAMP, nullable=True),
    UniqueConstraint("kiosk_id", "answer_id", name="cases_alert"),
    CheckConstraint(
        "status IN ('open', 'contacted', 'resolved', 'dismissed')", name="cases_status"
    ),
)
Index("cases_by_site_due", cases.c.site_id, cases.c.due_utc)
# The inbox: the pending cases by time left, the ones closed last, this month's figures.
Index("cases_by_status_due", cases.c.status, cases.c.due_utc)
Index("cases_by_closed", cases.c.closed_utc)
Index("cases_by_opened", cases.c.opened_utc)

# Every change of a case: when, who, what (kept for ever, never updated).
case_events = Table(
    "case_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_id", Integer, ForeignKey("cases.id"), nullable=False),
    Column("at_utc", STAMP, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(32), nullable=False),
    Column("detail", Text, nullable=False, server_default="{}"),
)
Index("case_events_by_case", case_events.c.case_id, case_events.c.id)

# An area's follow-up target, when not the default (cases.DEFAULT_TARGET_HOURS).
case_targets = Table(
    "case_targets",
    metadata,
    Column("area_id", Integer, ForeignKey("areas.id"), primary_key=True),
    Column("hours", Float, nullable=False),
)

# The central configuration's layers (``GET /v1/config``): one TOML document per area, site
# or kiosk, merged area < site < kiosk for each kiosk. ``version`` is the document's hash.
config_layers = Table(
    "config_layers",
    metadata,
    Column("scope", String(8), primary_key=True),  # area, site or kiosk
    Column("name", String(200), primary_key=True),  # the area's name, site's code, kiosk's id
    Column("document", Text, nullable=False),  # canonical JSON of the checked TOML
    Column("version", String(64), nullable=False),
    Column("updated_utc", STAMP, nullable=False),
    Column("actor", String(200), nullable=False),
    CheckConstraint("scope IN ('area', 'site', 'kiosk')", name="config_layers_scope"),
)

# --- alerts beyond the single answer, and the team's reports (alerting.py; migration c0007) --

# A trigger a manager set (kiosk.core.triggers): for the whole chain (no area, no site), an
# area's sites or one site. Removed triggers are kept (their firings point at them).
alert_rules = Table(
    "alert_rules",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("area_id", Integer, ForeignKey("areas.id"), nullable=True),
    Column("site_id", Integer, ForeignKey("sites.id"), nullable=True),
    Column("settings", Text, nullable=False),  # JSON: the kind's settings, checked
    Column("email", Boolean, nullable=False),  # to the managers of the site who asked
    Column("webhook_url", String(500), nullable=False, server_default=""),  # a secret
    Column("language", String(20), nullable=False),  # of the chat message
    Column("created_utc", STAMP, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("removed_utc", STAMP, nullable=True),
)

# One row per trigger and window: the key (kiosk.core.triggers.firing_key) is what makes a
# trigger fire at most once per window, whichever process evaluates it.
alert_firings = Table(
    "alert_firings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rule_id", Integer, ForeignKey("alert_rules.id"), nullable=False),
    Column("key", String(200), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("site_id", Integer, ForeignKey("sites.id"), nullable=False),
    Column("fired_utc", STAMP, nullable=False),
    Column("detail", Text, nullable=False),  # JSON: the numbers that broke the trigger
    Column("seen_utc", STAMP, nullable=True),
    Column("seen_by", String(200), nullable=False, server_default=""),
    UniqueConstraint("rule_id", "key", name="alert_firings_window"),
)
Index("alert_firings_by_time", alert_firings.c.fired_utc)

# A manager's e-mail address and whether trigger alerts go to it.
manager_mail = Table(
    "manager_mail",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id"), primary_key=True),
    Column("address", String(320), nullable=False),
    Column("alerts", Boolean, nullable=False),
)

# A manager's report: the chain, an area or a site, daily, weekly or monthly.
report_subscriptions = Table(
    "report_subscriptions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("scope", String(8), nullable=False),  # chain, area or site
    Column("scope_id", Integer, nullable=False, server_default="0"),  # 0 for the chain
    Column("frequency", String(8), nullable=False),
    Column("created_utc", STAMP, nullable=False),
    UniqueConstraint("user_id", "scope", "scope_id", "frequency", name="report_subscription"),
    CheckConstraint("scope IN ('chain', 'area', 'site')", name="report_subscriptions_scope"),
)

# One row per subscription and period (kiosk.core.triggers.ReportPeriod.key): sent once.
report_sends = Table(
    "report_sends",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subscription_id", Integer, ForeignKey("report_subscriptions.id"), nullable=False),
    Column("period_key", String(40), nullable=False),
    Column("since_day", String(10), nullable=False),
    Column("until_day", String(10), nullable=False),
    Column("queued_utc", STAMP, nullable=False),
    UniqueConstraint("subscription_id", "period_key", name="report_sends_period"),
)

# What is to be sent, by e-mail or to a chat webhook: one row per message and recipient,
# retried with a growing pause; ``key`` makes each message queued once.
deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(600), nullable=False, unique=True),
    Column("channel", String(8), nullable=False),  # email or webhook
    Column("firing_id", Integer, ForeignKey("alert_firings.id"), nullable=True),
    Column("report_id", Integer, ForeignKey("report_sends.id"), nullable=True),
    Column("user_id", Integer, ForeignKey("users.id"), nullable=True),  # e-mail's reader
    Column("rule_id", Integer, ForeignKey("alert_rules.id"), nullable=True),  # webhook's
    Column("status", String(8), nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_try_utc", STAMP, nullable=False),
    Column("claimed_until_utc", STAMP, nullable=True),
    Column("last_error", String(300), nullable=False, server_default=""),
    Column("sent_utc", STAMP, nullable=True),
    CheckConstraint("status IN ('pending', 'sent', 'failed')", name="deliveries_status"),
    CheckConstraint("channel IN ('email', 'webhook')", name="deliveries_channel"),
)
Index("deliveries_due", deliveries.c.status, deliveries.c.next_try_utc)
