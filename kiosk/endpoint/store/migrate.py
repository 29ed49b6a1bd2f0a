"""One migration history for SQLite and PostgreSQL (Alembic), and the start-up check.

No ``alembic.ini``: the configuration is built here and migrations always run on a
connection we opened. A store made by the reference endpoint (tables but no
``alembic_version``) is stamped at its revision ``c0001`` first, then upgraded.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

MIGRATIONS = Path(__file__).with_name("migrations")
REFERENCE_REVISION = "c0001"


class SchemaMismatch(RuntimeError):
    """The database's schema is not the one this service runs on."""


def _config(conn: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if conn is not None:
        config.attributes["connection"] = conn
    return config


def known_revisions() -> list[str]:
    """Every revision this service knows, oldest first."""
    script = ScriptDirectory.from_config(_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def head() -> str:
    return known_revisions()[-1]


def current(conn: Connection) -> str | None:
    """The database's revision; the reference store counts as ``c0001``; None when empty."""
    revision = MigrationContext.configure(conn).get_current_revision()
    if revision is None and inspect(conn).has_table("answers"):
        return REFERENCE_REVISION
    return revision


def is_empty(conn: Connection) -> bool:
    return not inspect(conn).get_table_names()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the database to the newest revision; (revision before, revision after)."""
    with engine.connect() as conn:
        conn = conn.execution_options(central_write=True)
        before = current(conn)
        if before is not None and before not in known_revisions():
            raise SchemaMismatch(_unknown(before))
        unstamped = MigrationContext.configure(conn).get_current_revision() is None
        if conn.in_transaction():
            conn.commit()
        config = _config(conn)
        if before == REFERENCE_REVISION and unstamped:
            command.stamp(config, REFERENCE_REVISION)
            conn.commit()
        command.upgrade(config, "head")
        conn.commit()
        return before, current(conn) or ""


def check(engine: Engine) -> None:
    """Refuse a schema this service does not run on, naming the versions."""
    with engine.connect() as conn:
        revision = current(conn)
    if revision == head():
        return
    if revision is None:
        raise SchemaMismatch(
            f"the central database is empty; run `kiosk endpoint migrate` (to version {head()})"
        )
    if revision not in known_revisions():
        raise SchemaMismatch(_unknown(revision))
    raise SchemaMismatch(
        f"the central database is at version {revision}, this service runs on {head()}:"
        " run `kiosk endpoint migrate` first"
    )


def _unknown(revision: str) -> str:
    return (
        f"the central database is at version {revision}, which this service does not know"
        f" (it knows {', '.join(known_revisions())}): a newer service made it"
    )
