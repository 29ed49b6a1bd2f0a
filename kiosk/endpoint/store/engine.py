"""Opening the central database: a SQLite file path or a ``postgresql://`` address.

SQLite is opened as carefully as a kiosk's store (WAL, ``synchronous=FULL``, a busy timeout)
and writes take the lock at ``BEGIN IMMEDIATE`` (a deferred transaction that later wants to
write can fail at once with "database is locked" instead of waiting). PostgreSQL goes through
psycopg 3, at the default READ COMMITTED: each statement sees what other processes committed,
which is what ``INSERT ... ON CONFLICT`` needs to be idempotent across processes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

ENV_DB = "KIOSK_CENTRAL_DB"
BUSY_TIMEOUT_MS = 15_000


def database_url(db: str | Path | None) -> str:
    """``--db`` (or ``KIOSK_CENTRAL_DB``) as an SQLAlchemy URL: a path means SQLite."""
    text = str(db) if db else os.environ.get(ENV_DB, "")
    if not text:
        raise ValueError(f"no central database: give --db FILE|postgresql://... or set {ENV_DB}")
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if text.startswith(("postgresql+", "sqlite:")):
        return text
    return "sqlite:///" + str(Path(text).expanduser().resolve())


def redacted(url: str) -> str:
    """The address without its password, fit for a log line."""
    return make_url(url).render_as_string(hide_password=True)


def open_engine(db: str | Path | None, *, pool_size: int = 8) -> Engine:
    url = database_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        )
        _sqlite_events(engine)
        return engine
    return create_engine(
        url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True, pool_recycle=1800
    )


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # pysqlite's own transaction handling is off: SQLAlchemy's begin event below decides.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("central_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction (committed at the end, rolled back on an error)."""
    with engine.connect() as conn:
        conn = conn.execution_options(central_write=True)
        with conn.begin():
            yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction: one consistent snapshot on both databases."""
    with engine.connect() as conn, conn.begin():
        yield conn


def insert_into(conn: Connection, table: Any) -> Any:
    """The dialect's own INSERT (it has ``on_conflict_do_nothing`` on both databases)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)
