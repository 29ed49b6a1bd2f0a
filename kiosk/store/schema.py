"""The one place that owns the schema. Migrations are keyed on ``PRAGMA user_version``.

Each migration is a list of statements run in one ``BEGIN IMMEDIATE`` transaction together
with the bump of ``user_version``, so a power cut mid-migration leaves the old version intact
and a second process never migrates at the same time. Add a migration by appending to
``MIGRATIONS``; never edit one that has shipped.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence

log = logging.getLogger("kiosk.store")

_V1 = [
    # Small facts about this store: last_seq, pin hash, sync status, recovery notes.
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        kiosk_id TEXT NOT NULL,
        created_utc TEXT NOT NULL,
        utc_offset_minutes INTEGER NOT NULL,
        local_day TEXT NOT NULL,
        local_hour INTEGER NOT NULL CHECK (local_hour BETWEEN 0 AND 23),
        local_weekday INTEGER NOT NULL CHECK (local_weekday BETWEEN 0 AND 6),
        score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
        category TEXT NOT NULL CHECK (category IN ('detractor', 'passive', 'promoter')),
        reasons TEXT NOT NULL DEFAULT '[]',
        comment TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL,
        app_version TEXT NOT NULL,
        flags TEXT NOT NULL DEFAULT '[]',
        flagged INTEGER NOT NULL DEFAULT 0,
        origin TEXT NOT NULL DEFAULT 'guest' CHECK (origin IN ('guest', 'demo', 'recovered')),
        completion TEXT CHECK (completion IN ('sent', 'skipped', 'timeout')),
        completed_utc TEXT
    )""",
    "CREATE INDEX answers_by_day ON answers (local_day, flagged)",
    "CREATE INDEX answers_by_time ON answers (created_utc)",
    "CREATE INDEX answers_open ON answers (completion) WHERE completion IS NULL",
    "CREATE INDEX answers_with_comment ON answers (created_utc) WHERE comment != ''",
    # An answer is immutable once its why step ended (it may already be at the endpoint),
    # and nothing is ever deleted. The database itself refuses, whatever the code does.
    """CREATE TRIGGER answers_immutable BEFORE UPDATE ON answers
        WHEN OLD.completion IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'answer is complete and immutable'); END""",
    """CREATE TRIGGER answers_never_deleted BEFORE DELETE ON answers
        BEGIN SELECT RAISE(ABORT, 'answers are never deleted'); END""",
    """CREATE TABLE answer_reasons (
        answer_id TEXT NOT NULL REFERENCES answers (id),
        reason TEXT NOT NULL,
        PRIMARY KEY (answer_id, reason)
    ) WITHOUT ROWID""",
    # Running tallies, kept in the same transaction as the answers, so the owner's dashboard
    # sums thousands of rows instead of scanning millions.
    """CREATE TABLE tally (
        local_day TEXT NOT NULL,
        local_hour INTEGER NOT NULL,
        local_weekday INTEGER NOT NULL,
        score INTEGER NOT NULL,
        flagged INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (local_day, local_hour, score, flagged)
    ) WITHOUT ROWID""",
    """CREATE TABLE reason_tally (
        local_day TEXT NOT NULL,
        category TEXT NOT NULL,
        reason TEXT NOT NULL,
        flagged INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (local_day, category, reason, flagged)
    ) WITHOUT ROWID""",
    # What must reach somewhere else: answer batches, detractor alerts, webhook posts.
    """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('answer', 'alert', 'webhook')),
        answer_id TEXT NOT NULL REFERENCES answers (id),
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'delivered', 'quarantined')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_utc TEXT,
        last_error TEXT,
        created_utc TEXT NOT NULL,
        delivered_utc TEXT,
        UNIQUE (kind, answer_id)
    )""",
    "CREATE INDEX outbox_due ON outbox (state, kind, id)",
    # Things the staff must see: a recovered store, a storage error, a lock-out.
    """CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        at_utc TEXT NOT NULL,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    )""",
]

# Call-back requests (issue 11): the contact kept apart from the anonymous answer, and the
# outbox rebuilt to carry them (SQLite cannot change a CHECK in place).
_V2 = [
    """CREATE TABLE contacts (
        answer_id TEXT PRIMARY KEY REFERENCES answers (id),
        name TEXT,
        reach TEXT,
        reach_kind TEXT NOT NULL CHECK (reach_kind IN ('phone', 'email')),
        consent_text TEXT,
        language TEXT NOT NULL,
        consented_utc TEXT NOT NULL,
        done_utc TEXT,
        done_by TEXT,
        erased_utc TEXT,
        CHECK ((erased_utc IS NULL) = (name IS NOT NULL AND reach IS NOT NULL))
    ) WITHOUT ROWID""",
    "CREATE INDEX contacts_open ON contacts (consented_utc) WHERE done_utc IS NULL",
    """CREATE TABLE outbox_v2 (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL
            CHECK (kind IN ('answer', 'alert', 'webhook', 'contact', 'contact_notice')),
        answer_id TEXT NOT NULL REFERENCES answers (id),
        state TEXT NOT NULL DEFAULT 'pending'
            CHECK (state IN ('pending', 'delivered', 'quarantined')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_utc TEXT,
        last_error TEXT,
        created_utc TEXT NOT NULL,
        delivered_utc TEXT,
        UNIQUE (kind, answer_id)
    )""",
    "INSERT INTO outbox_v2 SELECT id, kind, answer_id, state, attempts, next_attempt_utc,"
    " last_error, created_utc, delivered_utc FROM outbox",
    "DROP TABLE outbox",
    "ALTER TABLE outbox_v2 RENAME TO outbox",
    "CREATE INDEX outbox_due ON outbox (state, kind, id)",
]

# Purging old synced answers (issue 11, off by default): an answer may be deleted only once
# the endpoint holds it and a tombstone keeps its id and seq, so numbers are never reused and
# the endpoint's gap proof never sees a hole the kiosk made. The tallies keep counting it.
_V3 = [
    """CREATE TABLE answer_tombstones (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        kiosk_id TEXT NOT NULL,
        created_utc TEXT NOT NULL,
        delivered_utc TEXT NOT NULL,
        purged_utc TEXT NOT NULL
    ) WITHOUT ROWID""",
    # A tombstone only for an answer the endpoint confirmed, and only while it still exists.
    """CREATE TRIGGER tombstone_only_when_delivered BEFORE INSERT ON answer_tombstones
        WHEN NOT EXISTS (SELECT 1 FROM outbox o WHERE o.answer_id = NEW.id
                         AND o.kind = 'answer' AND o.state = 'delivered')
          OR NOT EXISTS (SELECT 1 FROM answers a WHERE a.id = NEW.id AND a.seq = NEW.seq)
        BEGIN SELECT RAISE(ABORT, 'only a delivered answer can be purged'); END""",
    """CREATE TRIGGER tombstones_never_deleted BEFORE DELETE ON answer_tombstones
        BEGIN SELECT RAISE(ABORT, 'tombstones are never deleted'); END""",
    """CREATE TRIGGER tombstones_never_changed BEFORE UPDATE ON answer_tombstones
        BEGIN SELECT RAISE(ABORT, 'tombstones are never changed'); END""",
    "DROP TRIGGER answers_never_deleted",
    """CREATE TRIGGER answers_deleted_only_with_a_tombstone BEFORE DELETE ON answers
        WHEN NOT EXISTS (SELECT 1 FROM answer_tombstones t WHERE t.id = OLD.id
                         AND t.seq = OLD.seq)
        BEGIN SELECT RAISE(ABORT, 'answers are never deleted'); END""",
]

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3]
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(RuntimeError):
    """The file was written by a newer version of the kiosk; we must not touch it."""


def migrate(
    con: sqlite3.Connection,
    migrations: Sequence[Sequence[str]] | None = None,
    *,
    store_name: str = "store",
) -> int:
    """Bring the schema of ``con`` up to ``len(migrations)``; returns the version found.

    ``migrations`` defaults to this kiosk's :data:`MIGRATIONS` (looked up at call time); the
    reference endpoint passes its own. ``store_name`` only names the store in messages.
    """
    if migrations is None:
        migrations = MIGRATIONS
    target = len(migrations)
    con.execute("BEGIN IMMEDIATE")
    try:
        found = con.execute("PRAGMA user_version").fetchone()[0]
        if found > target:
            raise SchemaTooNew(
                f"{store_name} has schema version {found}, this kiosk knows up to {target}"
            )
        for version in range(found, target):
            log.info("migrating %s schema %d -> %d", store_name, version, version + 1)
            for statement in migrations[version]:
                con.execute(statement)
        if found != target:
            con.execute(f"PRAGMA user_version = {target}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    if found != target and con.execute("PRAGMA freelist_count").fetchone()[0]:
        # A rebuilt table leaves its old pages free; give them back once, so the file's size
        # says what it holds (and a full disk is seen at the next write, not pages later).
        log.info("compacting %s after its migration", store_name)
        con.execute("VACUUM")
    return found
