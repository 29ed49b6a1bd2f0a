"""The fast CSV export writes exactly the bytes a plain csv.writer over every answer would.

The reference below is the obvious implementation, kept here on purpose: read each answer,
join its lists, put the OWASP quote before free text that starts with a formula character,
hand the cells to ``csv.writer``. The export must match it byte for byte on data chosen to
hit every branch of the fast path (quoting, escaping, batches, odd rows, another row order).
"""

from __future__ import annotations

import csv
import io
import json
import random
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest

from kiosk.core.exports import ExportRequest
from kiosk.export.csv_export import write_csv
from kiosk.export.writer import export_to_file, export_to_stream
from kiosk.store import outbox
from kiosk.store.bulk import load_rows
from kiosk.store.exports import EXPORT_COLUMNS, iter_csv_chunks, iter_export_rows

DANGEROUS = ("=", "+", "-", "@", "\t", "\r", "\n")
FREE_TEXT = {"id", "kiosk_id", "comment", "language", "app_version", "reasons", "flags"}
NUMBERS = {"seq", "utc_offset_minutes", "local_hour", "local_weekday", "score", "flagged"}
PIECES = (
    "",
    "ok",
    "Muy rápido, señora",
    "café ñandú",
    "😀",
    "🇲🇽 bandera",
    'say "hi"',
    '"',
    '""',
    "a,b",
    ",",
    "line\nbreak",
    "cr\rhere",
    "crlf\r\nthere",
    "tab\tinside",
    "   spaced  ",
    "'already quoted",
    "=1+2",
    "+34 600",
    "-5",
    "@SUM(A1)",
    '=HYPERLINK("http://x")',
    "\tindent",
    "\rcarriage",
    "\nnewline",
    "x" * 300,
    "semi; colon",
    "back\\slash",
    "[]",
)


def reference_csv(db, since=None, until=None, include_flagged=True, bom=True) -> bytes:
    """What the export must write, the slow and obvious way."""

    def cell(name, value):
        if value is None:
            return ""
        if name in NUMBERS:
            return value
        if name in ("reasons", "flags"):
            value = "; ".join(json.loads(value))
        if name in FREE_TEXT and value[:1] in DANGEROUS and value:
            value = "'" + value
        return value

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for row in iter_export_rows(db, since, until, include_flagged=include_flagged):
        writer.writerow([cell(n, v) for n, v in zip(EXPORT_COLUMNS, row, strict=True)])
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def varied_rows(count: int, seed: int = 7, first_seq: int = 1):
    """Answers for ``load_rows`` with every awkward piece of text in every free-text cell."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)

    def text():
        return "".join(rng.choice(PIECES) for _ in range(rng.choice((1, 1, 2, 3))))

    for seq in range(first_seq, first_seq + count):
        offset = rng.choice((0, -300, 330, 60, -570))
        created = start + timedelta(seconds=seq * 997, microseconds=rng.randrange(1_000_000))
        local = created + timedelta(minutes=offset)
        score = rng.randrange(11)
        category = "detractor" if score <= 6 else "passive" if score <= 8 else "promoter"
        reasons = [text() for _ in range(rng.choice((0, 0, 1, 2, 3)))]
        flags = [text() for _ in range(rng.choice((0, 0, 0, 1, 2)))]
        completion = rng.choice(("sent", "skipped", "timeout", None))
        created_iso = created.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        yield (
            rng.choice((str(uuid.UUID(int=rng.getrandbits(128))), f"{text()}-{seq}")),
            seq,
            rng.choice(("mostrador-1", "-caja, 2", "=kiosk", 'Barra "norte"')),
            created_iso,
            offset,
            local.date().isoformat(),
            local.hour,
            local.weekday(),
            score,
            category,
            json.dumps(reasons, ensure_ascii=rng.random() < 0.5),
            text() if rng.random() < 0.7 else "",
            rng.choice(("es", "en", "+es", "@en")),
            rng.choice(("1.0.0", "-dev", "2,0")),
            json.dumps(flags),
            int(bool(flags)),
            rng.choice(("guest", "demo", "recovered")),
            completion,
            None if completion is None else created_iso,
        )


@pytest.fixture
def varied_store(opened_store):
    """3,000 varied answers, some queued, delivered and quarantined for sync."""
    db = opened_store.db
    load_rows(db, varied_rows(3000))
    now = datetime(2026, 6, 1, tzinfo=timezone.utc)
    with db.transaction() as con:
        ids = [row[0] for row in con.execute("SELECT id FROM answers ORDER BY seq")]
        for answer_id in ids[::3]:
            outbox.enqueue(con, "answer", answer_id, now)
        items = [row[0] for row in con.execute("SELECT id FROM outbox ORDER BY id")]
        outbox.mark_delivered(con, items[::2], now)
        for item in items[1::10]:
            outbox.quarantine(con, item, "rejected")
    return db


def stream(db, batch, **options) -> bytes:
    out = io.BytesIO()
    write_csv(iter_csv_chunks(db, batch=batch, **options), out)
    return out.getvalue()


def test_export_equals_the_reference_byte_for_byte(varied_store, tmp_path):
    out = tmp_path / "answers.csv"
    assert export_to_file(varied_store, ExportRequest("csv"), out) == 3000
    expected = reference_csv(varied_store)
    assert out.read_bytes() == expected
    text = expected.decode("utf-8-sig")
    # the data really holds what the fast path must handle
    for needle in ("'=1+2", "'+34", "'-5", "'@SUM", "\"'\t", "\"'\r", "\"'\n", '""hi""', "😀"):
        assert needle in text
    assert {"pending", "delivered", "quarantined", "open", "not_queued"} <= set(
        row["sync_state"] for row in csv.DictReader(io.StringIO(text, newline=""))
    )


@pytest.mark.parametrize("batch", [1, 7, 1000])
def test_every_batch_size_gives_the_same_bytes(varied_store, batch):
    assert stream(varied_store, batch) == reference_csv(varied_store)


def test_date_range_and_flagged_options(varied_store, tmp_path):
    since, until = date(2026, 1, 10), date(2026, 1, 20)
    for include_flagged in (True, False):
        out = tmp_path / f"range-{include_flagged}.csv"
        request = ExportRequest("csv", since, until, include_flagged)
        count = export_to_file(varied_store, request, out)
        expected = reference_csv(varied_store, since, until, include_flagged)
        assert out.read_bytes() == expected
        assert 0 < count < 3000
    assert count == len(list(iter_export_rows(varied_store, since, until, include_flagged=False)))


def test_stdout_stream_has_no_bom(varied_store):
    text = io.StringIO(newline="")
    assert export_to_stream(varied_store, ExportRequest("csv"), text) == 3000
    assert text.getvalue().encode("utf-8") == reference_csv(varied_store, bom=False)


def test_rows_sqlite_cannot_format_go_the_careful_way(varied_store):
    """A non-integer in a number column, a separator character in a cell, a NULL id."""
    with varied_store.transaction() as con:
        columns = ", ".join(
            (
                "id",
                "seq",
                "kiosk_id",
                "created_utc",
                "utc_offset_minutes",
                "local_day",
                "local_hour",
                "local_weekday",
                "score",
                "category",
                "reasons",
                "comment",
                "language",
                "app_version",
                "flags",
                "flagged",
                "origin",
                "completion",
            )
        )
        odd = [
            (
                "odd-real",
                5000,
                "k",
                "2026-02-01T10:00:00.000000Z",
                1.5,
                "2026-02-01",
                10,
                6,
                7.5,
                "passive",
                "[]",
                "",
                "es",
                "1",
                "[]",
                0,
                "guest",
                "sent",
            ),
            (
                "odd-text",
                5001,
                "k",
                "2026-02-01T10:00:01.000000Z",
                "east",
                "2026-02-01",
                10,
                6,
                9,
                "promoter",
                "[]",
                "",
                "es",
                "1",
                "[]",
                0,
                "guest",
                "sent",
            ),
            (
                "odd-sep",
                5002,
                "k\x1fx",
                "2026-02-01T10:00:02.000000Z",
                0,
                "2026-02-01",
                10,
                6,
                9,
                "promoter",
                json.dumps(["a\x1eb", "=c\x1d"]),
                "=x\x1d,y",
                "es",
                "1",
                "[]",
                0,
                "guest",
                "sent",
            ),
            (
                None,
                5003,
                "k",
                "2026-02-01T10:00:03.000000Z",
                0,
                "2026-02-01",
                10,
                6,
                9,
                "promoter",
                "[]",
                "",
                "es",
                "1",
                "[]",
                0,
                "guest",
                None,
            ),
        ]
        con.executemany(f"INSERT INTO answers ({columns}) VALUES ({', '.join('?' * 18)})", odd)
    expected = reference_csv(varied_store)
    assert b"1.5," in expected and b",east," in expected and b"7.5," in expected
    for batch in (1, 5, 4000):
        assert stream(varied_store, batch) == expected


def test_rows_stored_out_of_seq_order_come_out_by_seq(opened_store):
    db = opened_store.db
    rows = list(varied_rows(300, seed=3))
    load_rows(db, sorted(rows, key=lambda row: -row[1])[:150])  # newest first
    load_rows(db, sorted(rows, key=lambda row: -row[1])[150:])
    got = stream(db, 64)
    assert got == reference_csv(db)
    seqs = [int(r["seq"]) for r in csv.DictReader(io.StringIO(got.decode("utf-8-sig")))]
    assert seqs == sorted(seqs) and len(seqs) == 300


def test_empty_store_gives_the_header_alone(opened_store, tmp_path):
    out = tmp_path / "empty.csv"
    assert export_to_file(opened_store.db, ExportRequest("csv"), out) == 0
    assert out.read_bytes() == reference_csv(opened_store.db)


@pytest.mark.parametrize("piece", PIECES)
def test_any_cell_of_a_marked_row_is_finished_like_csv_writer(piece):
    """Every position, the last cell of a row included, whatever the data there could be."""
    from kiosk.store import exports

    cells = [f"{piece}{index}" if index % 2 else piece for index in range(len(EXPORT_COLUMNS))]
    marked = b""
    for index, (name, value) in enumerate(zip(EXPORT_COLUMNS, cells, strict=True)):
        if index:
            marked += exports._SEP
        if name in FREE_TEXT:
            marked += exports._FREE
        marked += value.encode("utf-8")
    marked += exports._CR + exports._LF
    out = io.StringIO(newline="")
    escaped = [
        "'" + v if n in FREE_TEXT and v[:1] in DANGEROUS and v else v
        for n, v in zip(EXPORT_COLUMNS, cells, strict=True)
    ]
    csv.writer(out, lineterminator="\r\n").writerows([escaped, escaped])
    assert exports._finish([(marked,), (marked,)]) == out.getvalue().encode("utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_stream_honours_the_text_stream_encoding(varied_store, encoding):
    raw = io.BytesIO()
    text = io.TextIOWrapper(raw, encoding=encoding, newline="")
    assert export_to_stream(varied_store, ExportRequest("csv"), text) == 3000
    text.flush()
    expected = reference_csv(varied_store, bom=False).decode("utf-8")
    assert raw.getvalue().decode(encoding) == expected
