"""Opening the central database: a SQLite file path or a ``postgresql://`` address.

SQLite is opened as carefully as a kiosk's store (WAL, ``synchronous=FULL``, a busy timeout)
and writes take the lock at ``BEGIN IMMEDIATE`` (a deferred transaction that later wants to
write can fail at once with "database is locked" instead of waiting). The threads of one
process also queue for it on a lock of their own: SQLite's busy handler sleeps (up to 100 ms
a try) while the lock it waits for may be free again in a few milliseconds, so eight threads
of one process posting at once mostly slept; other processes still wait through it.

PostgreSQL goes through psycopg 3, at the default READ COMMITTED: each statement sees what
other processes committed, which is what ``INSERT ... ON CONFLICT`` needs to be idempotent
across processes. A pooled connection is checked (one ``SELECT 1``) before use only when it
has been idle for ``IDLE_PING_SECONDS``: one that was in use a moment ago is not worth a
round trip per request (two per batch, a tenth of a service process's time under load), and
a connection that broke under load fails its request (a 503 the kiosk retries) and makes
SQLAlchemy discard the whole pool.
"""

from __future__ import annotations

import os
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError

ENV_DB = "KIOSK_CENTRAL_DB"
BUSY_TIMEOUT_MS = 15_000
IDLE_PING_SECONDS = 10.0

# SQLite engines -> the lock their writing threads queue on (see the module's docstring).
_writers: weakref.WeakKeyDictionary[Engine, threading.RLock] = weakref.WeakKeyDictionary()


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
        _writers[engine] = threading.RLock()
        return engine
    engine = create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_recycle=1800)
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: Engine) -> None:
    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi_connection, record, _proxy) -> None:  # type: ignore[no-untyped-def]
        idle_since = record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < IDLE_PING_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            # The pool drops this connection and checks out another (a new one if need be).
            raise DisconnectionError(f"a pooled connection is gone: {exc}") from exc


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
    with _writers.get(engine) or nullcontext(), engine.connect() as conn:
        conn = conn.execution_options(central_write=True)
        with conn.begin():
            yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction: one consistent snapshot on both databases."""
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def reading_once(engine: Engine) -> Iterator[Connection]:
    """For a single statement, which is its own snapshot: on PostgreSQL outside a
    transaction (no BEGIN and COMMIT round trips, as for every kiosk's token at each
    request); on SQLite a read transaction as :func:`reading`."""
    if engine.dialect.name != "postgresql":
        with reading(engine) as conn:
            yield conn
        return
    with engine.connect() as conn:
        yield conn.execution_options(isolation_level="AUTOCOMMIT")


def insert_into(conn: Connection, table: Any) -> Any:
    """The dialect's own INSERT (it has ``on_conflict_do_nothing`` on both databases)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)
