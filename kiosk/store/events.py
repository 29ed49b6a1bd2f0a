"""Events the staff must see: a recovered store, storage trouble, PIN lock-outs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from kiosk.core.answer import iso_utc, parse_iso
from kiosk.store.database import Database


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    at: datetime
    kind: str
    detail: str


def record(db: Database, kind: str, detail: str = "", now: datetime | None = None) -> None:
    now = now or datetime.now(timezone.utc)
    with db.transaction() as con:
        con.execute(
            "INSERT INTO events (at_utc, kind, detail) VALUES (?, ?, ?)",
            (iso_utc(now), kind, detail),
        )


def latest(db: Database, kinds: tuple[str, ...] | None = None, limit: int = 20) -> list[Event]:
    con = db.connection()
    if kinds:
        marks = ", ".join("?" for _ in kinds)
        rows = con.execute(
            f"SELECT id, at_utc, kind, detail FROM events WHERE kind IN ({marks})"
            " ORDER BY id DESC LIMIT ?",
            (*kinds, limit),
        ).fetchall()
    else:
        rows = con.execute(
            "SELECT id, at_utc, kind, detail FROM events ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
    return [Event(r[0], parse_iso(r[1]), r[2], r[3]) for r in rows]
