"""The central service's schema: registry, per-kiosk keys, rollups, audit.

Revision ID: c0002
Revises: c0001

The reference store's tables are renamed aside, the new ones created, and every row copied
over: ids in lower case, each answer given its local day and hour and counted into the
rollups, each site string made a site. An old store could hold what the new keys refuse (the
same seq twice from one kiosk, one id in two cases); those rows go to ``set_aside`` with the
reason, so nothing is lost.
"""

import json
import secrets
import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None

_NOW = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS answers_immutable")
    op.drop_index("answers_by_kiosk_seq", table_name="answers")
    for name in ("kiosks", "answers", "alerts"):
        op.rename_table(name, f"old_{name}")
        if bind.dialect.name == "postgresql":  # the new tables' keys take the same names
            op.execute(f"ALTER INDEX {name}_pkey RENAME TO old_{name}_pkey")
    _create_tables()
    op.bulk_insert(
        sa.table("service_keys", sa.column("name"), sa.column("value")),
        [{"name": "token_hash_key", "value": secrets.token_hex(32)}],
    )
    _copy(bind)
    for name in ("old_alerts", "old_answers", "old_kiosks"):
        op.drop_table(name)


def downgrade() -> None:
    raise NotImplementedError("the central schema cannot go back to the reference endpoint's")


def _copy(bind: sa.Connection) -> None:
    from kiosk.endpoint.store import schema
    from kiosk.endpoint.store.rows import Rollups, answer_row, canonical

    site_ids: dict[str, int] = {}

    def site_id(code: str) -> int:
        if code not in site_ids:
            site_ids[code] = bind.execute(
                sa.insert(schema.sites)
                .values(code=code, name=code, created_utc=_NOW)
                .returning(schema.sites.c.id)
            ).scalar_one()
        return site_ids[code]

    old_kiosks = bind.execute(
        sa.text(
            "SELECT kiosk_id, site, app_version, first_seen_utc, last_seen_utc, last_skew_seconds,"
            " max_abs_skew_seconds FROM old_kiosks"
        )
    ).fetchall()
    kiosk_site: dict[str, int] = {}
    for kiosk_id, site, version, first, last, skew, max_skew in old_kiosks:
        kiosk_site[kiosk_id] = site_id(site)
        bind.execute(
            sa.insert(schema.kiosks).values(
                kiosk_id=kiosk_id,
                site_id=kiosk_site[kiosk_id],
                created_utc=first,
                app_version=version,
                first_seen_utc=first,
                last_seen_utc=last,
                last_skew_seconds=skew,
                max_abs_skew_seconds=max_skew,
            )
        )

    def ensure_kiosk(kiosk_id: str, site: str) -> int:
        if kiosk_id not in kiosk_site:
            kiosk_site[kiosk_id] = site_id(site)
            bind.execute(
                sa.insert(schema.kiosks).values(
                    kiosk_id=kiosk_id, site_id=kiosk_site[kiosk_id], created_utc=_NOW
                )
            )
        return kiosk_site[kiosk_id]

    held: set[tuple[str, str]] = set()
    seqs: set[tuple[str, int]] = set()
    kept: list[dict] = []
    aside: list[dict] = []
    # First received first (on SQLite, rowid breaks ties in arrival order): it keeps its seq.
    order = "received_utc, rowid" if bind.dialect.name == "sqlite" else "received_utc, id"
    for kiosk_id, site, content, received in bind.execute(
        sa.text(f"SELECT kiosk_id, site, content, received_utc FROM old_answers ORDER BY {order}")
    ):
        answer = json.loads(content)
        reason = None
        try:
            answer["id"] = str(uuid.UUID(answer["id"]))
            row = answer_row(kiosk_id, ensure_kiosk(kiosk_id, site), answer, received)
        except (ValueError, KeyError, TypeError, OverflowError) as exc:
            reason = f"not a storable answer: {exc}"
        else:
            if (kiosk_id, row["id"]) in held:
                reason = "the same id in another spelling was held first"
            elif (kiosk_id, row["seq"]) in seqs:
                reason = f"seq {row['seq']} was held first by another answer of this kiosk"
        if reason is not None:
            aside.append(
                {
                    "kiosk_id": kiosk_id,
                    "answer_id": str(answer.get("id"))[:100],
                    "content": content,
                    "received_utc": received,
                    "reason": reason,
                }
            )
            continue
        row["content"] = canonical(answer)
        held.add((kiosk_id, row["id"]))
        seqs.add((kiosk_id, row["seq"]))
        kept.append(row)
    for start in range(0, len(kept), 500):
        bind.execute(sa.insert(schema.answers), kept[start : start + 500])
    if aside:
        bind.execute(sa.insert(schema.set_aside), aside)
    rollups = Rollups.of(kept)
    for table, rows in (
        (schema.daily, rollups.daily_rows()),
        (schema.hourly, rollups.hourly_rows()),
        (schema.reason_daily, rollups.reason_rows()),
    ):
        if rows:
            bind.execute(sa.insert(table), rows)
    totals: dict[str, list[int]] = {}
    for row in kept:
        count = totals.setdefault(row["kiosk_id"], [0, 0])
        count[0] += 1
        count[1] = max(count[1], row["seq"])
    for kiosk_id, (n, max_seq) in totals.items():
        bind.execute(
            sa.update(schema.kiosks)
            .where(schema.kiosks.c.kiosk_id == kiosk_id)
            .values(answers=n, max_seq=max_seq, gap_since_utc=_NOW if max_seq > n else None)
        )

    alerts_seen: set[tuple[str, str]] = set()
    for answer_id, kiosk_id, site, content, received in bind.execute(
        sa.text(
            "SELECT answer_id, kiosk_id, site, content, received_utc FROM old_alerts"
            " ORDER BY received_utc"
        )
    ).fetchall():
        try:
            key = (kiosk_id, str(uuid.UUID(answer_id)))
        except ValueError:
            key = (kiosk_id, answer_id[:36])
        if key in alerts_seen:
            continue
        alerts_seen.add(key)
        bind.execute(
            sa.insert(schema.alerts).values(
                kiosk_id=kiosk_id,
                answer_id=key[1],
                site_id=ensure_kiosk(kiosk_id, site),
                content=content,
                received_utc=received,
            )
        )


def _create_tables() -> None:
    op.create_table(
        "areas",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("region", sa.String(length=200), server_default="", nullable=False),
        sa.Column("brand", sa.String(length=200), server_default="", nullable=False),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at_utc", sa.String(length=32), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), server_default="{}", nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "daily",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("local_day", sa.String(length=10), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("s0", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s1", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s2", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s3", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s4", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s5", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s6", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s7", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s8", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s9", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s10", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("site_id", "kiosk_id", "local_day", "flagged"),
    )
    op.create_index("daily_by_day", "daily", ["local_day", "site_id"], unique=False)
    op.create_table(
        "hourly",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("local_day", sa.String(length=10), nullable=False),
        sa.Column("local_hour", sa.Integer(), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("s0", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s1", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s2", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s3", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s4", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s5", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s6", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s7", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s8", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s9", sa.Integer(), server_default="0", nullable=False),
        sa.Column("s10", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("site_id", "kiosk_id", "local_day", "local_hour", "flagged"),
    )
    op.create_table(
        "reason_daily",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("local_day", sa.String(length=10), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=64), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "site_id", "kiosk_id", "local_day", "category", "reason", "flagged"
        ),
    )
    op.create_table(
        "service_keys",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=128), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "set_aside",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("answer_id", sa.String(length=100), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("received_utc", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sites",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("code", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["areas.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    op.create_table(
        "kiosks",
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("revoked_utc", sa.String(length=32), nullable=True),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("app_version", sa.String(length=200), server_default="", nullable=False),
        sa.Column("first_seen_utc", sa.String(length=32), nullable=True),
        sa.Column("last_seen_utc", sa.String(length=32), nullable=True),
        sa.Column("last_skew_seconds", sa.Float(), nullable=True),
        sa.Column("max_abs_skew_seconds", sa.Float(), nullable=True),
        sa.Column("answers", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("max_seq", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("gap_since_utc", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
        ),
        sa.PrimaryKeyConstraint("kiosk_id"),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("password_hash", sa.String(length=300), nullable=True),
        sa.Column("api_token_hash", sa.String(length=64), nullable=True),
        sa.Column("disabled_utc", sa.String(length=32), nullable=True),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until_utc", sa.String(length=32), nullable=True),
        sa.CheckConstraint("role IN ('admin', 'area', 'site')", name="users_role"),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["areas.id"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("api_token_hash"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "alerts",
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("answer_id", sa.String(length=36), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("received_utc", sa.String(length=32), nullable=False),
        sa.Column("acknowledged_utc", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["kiosk_id"],
            ["kiosks.kiosk_id"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
        ),
        sa.PrimaryKeyConstraint("kiosk_id", "answer_id"),
    )
    op.create_table(
        "answers",
        sa.Column("kiosk_id", sa.String(length=64), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("created_utc", sa.String(length=32), nullable=False),
        sa.Column("local_day", sa.String(length=10), nullable=False),
        sa.Column("local_hour", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=20), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("has_comment", sa.Boolean(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("received_utc", sa.String(length=32), nullable=False),
        sa.CheckConstraint("score BETWEEN 0 AND 10", name="answers_score"),
        sa.ForeignKeyConstraint(
            ["kiosk_id"],
            ["kiosks.kiosk_id"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
        ),
        sa.PrimaryKeyConstraint("kiosk_id", "id"),
        sa.UniqueConstraint("kiosk_id", "seq", name="answers_kiosk_seq"),
    )
    op.create_index("answers_by_site_time", "answers", ["site_id", "created_utc"], unique=False)
    op.create_index("answers_by_time", "answers", ["created_utc"], unique=False)
