"""Reading answers straight from the bytes of a damaged store, page by page.

When SQLite cannot read the schema (page 1 smashed, the file cut short, a b-tree interior
page lost), the rows themselves are often still intact on their leaf pages. This module
walks every page of the file (and the committed frames of its ``-wal``) as SQLite's file
format describes it (https://www.sqlite.org/fileformat.html):

* a b-tree page starts with a type byte: 0x0D a table leaf (rows of rowid tables such as
  ``answers``), 0x0A an index leaf (rows of WITHOUT ROWID tables such as ``meta``);
* then the cell count, and an array of 2-byte cell offsets;
* a table leaf cell: varint payload size, varint rowid, the payload (a record); an index
  leaf cell: varint payload size, the payload. A payload too large for the page continues
  on a chain of overflow pages (4-byte next page number, then content), which is followed;
* a record: a varint header size, one varint serial type per column, then the values.

Records with the column layout of ``answers`` (:data:`kiosk.store.rows.ROW_COLUMNS`) are
returned as rows by column name, and ``meta`` pairs for the keys asked for; the caller
validates them like any row read through SQLite. Pure Python, read-only, no SQLite.
"""

from __future__ import annotations

import logging
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.store.rows import ROW_COLUMNS

log = logging.getLogger("kiosk.store")

_SQLITE_MAGIC = b"SQLite format 3\x00"
_HEADER_BYTES = 100
_PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)
_TABLE_LEAF = 0x0D
_INDEX_LEAF = 0x0A
_WAL_MAGICS = (0x377F0682, 0x377F0683)
_WAL_HEADER = 32
_WAL_FRAME_HEADER = 24

# The answers table's columns in the table's order (schema version 1), defined once.
ANSWER_TABLE_COLUMNS = ROW_COLUMNS
_CATEGORIES = {"detractor", "passive", "promoter"}
_ORIGINS = {"guest", "demo", "recovered"}


@dataclass
class Salvage:
    """What the walk found: answer rows (by column name, with their origin) and meta."""

    rows: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    pages: int = 0
    leaf_pages: int = 0
    page_size: int = 0


class _Pages:
    """Page number -> bytes, from the main file and then the -wal's committed frames."""

    def __init__(self, data: bytes, page_size: int, wal: dict[int, bytes]) -> None:
        self.data = data
        self.page_size = page_size
        self.wal = wal

    def get(self, number: int) -> bytes | None:
        if number in self.wal:
            return self.wal[number]
        start = (number - 1) * self.page_size
        if number < 1 or start + self.page_size > len(self.data):
            return None
        return self.data[start : start + self.page_size]

    def numbers(self) -> Iterator[int]:
        count = len(self.data) // self.page_size
        yield from range(1, count + 1)
        yield from (n for n in sorted(self.wal) if n > count)


def salvage(path: Path, meta_keys: tuple[str, ...] = ()) -> Salvage:
    """Walk the store at ``path`` (and ``path-wal``); never raises for damaged content."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.warning("salvage: cannot read %s: %s", path, exc)
        data = b""
    wal_bytes = _read_optional(Path(f"{path}-wal"))
    page_size = _page_size(data, wal_bytes)
    result = Salvage(page_size=page_size)
    if page_size == 0:
        return result
    wal = _wal_pages(wal_bytes, page_size)
    pages = _Pages(data, page_size, wal)
    usable = page_size - _reserved_bytes(data)
    wanted = set(meta_keys)
    for number in pages.numbers():
        page = pages.get(number)
        if page is None:
            continue
        result.pages += 1
        offset = _HEADER_BYTES if number == 1 else 0
        kind = page[offset] if offset < len(page) else 0
        if kind == _TABLE_LEAF:
            result.leaf_pages += 1
            for payload in _cells(page, offset, usable, pages, table=True):
                row = _answer_row(payload)
                if row is not None:
                    result.rows.append(row)
        elif kind == _INDEX_LEAF and wanted:
            for payload in _cells(page, offset, usable, pages, table=False):
                pair = _meta_pair(payload)
                if pair is not None and pair[0] in wanted:
                    result.meta[pair[0]] = pair[1]
    log.info(
        "salvage of %s: %d page(s) of %d bytes, %d answer row(s) found",
        path,
        result.pages,
        page_size,
        len(result.rows),
    )
    return result


def _read_optional(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _page_size(data: bytes, wal: bytes) -> int:
    """The page size the header states, else the one under which most pages look like
    b-tree pages (a smashed header)."""
    if data.startswith(_SQLITE_MAGIC) and len(data) >= 18:
        stated = int.from_bytes(data[16:18], "big")
        stated = 65536 if stated == 1 else stated
        if stated in _PAGE_SIZES:
            return stated
    if len(wal) >= _WAL_HEADER and int.from_bytes(wal[0:4], "big") in _WAL_MAGICS:
        stated = int.from_bytes(wal[8:12], "big")
        if stated in _PAGE_SIZES:
            return stated
    best, best_score = 0, 0
    for size in _PAGE_SIZES:
        score = sum(
            1
            for start in range(size, len(data) - size + 1, size)
            if _looks_like_leaf(data[start : start + size])
        )
        if score > best_score:
            best, best_score = size, score
    return best


def _looks_like_leaf(page: bytes) -> bool:
    if not page or page[0] not in (_TABLE_LEAF, _INDEX_LEAF):
        return False
    cells = int.from_bytes(page[3:5], "big")
    content = int.from_bytes(page[5:7], "big") or 65536
    return 0 < cells < len(page) // 4 and 8 + 2 * cells <= content <= len(page)


def _reserved_bytes(data: bytes) -> int:
    if data.startswith(_SQLITE_MAGIC) and len(data) > 20:
        return data[20]
    return 0


def _wal_pages(wal: bytes, page_size: int) -> dict[int, bytes]:
    """The newest committed version of each page in the -wal (frames of its current salt,
    up to the last commit frame)."""
    if len(wal) < _WAL_HEADER or int.from_bytes(wal[0:4], "big") not in _WAL_MAGICS:
        return {}
    if int.from_bytes(wal[8:12], "big") != page_size:
        return {}
    salt = wal[16:24]
    frame = _WAL_FRAME_HEADER + page_size
    pending: dict[int, bytes] = {}
    committed: dict[int, bytes] = {}
    for start in range(_WAL_HEADER, len(wal) - frame + 1, frame):
        header = wal[start : start + _WAL_FRAME_HEADER]
        if header[8:16] != salt:
            break  # frames of an older generation: not part of this log
        number = int.from_bytes(header[0:4], "big")
        pending[number] = wal[start + _WAL_FRAME_HEADER : start + frame]
        if int.from_bytes(header[4:8], "big"):  # a commit frame
            committed.update(pending)
            pending.clear()
    return committed


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    """SQLite's big-endian varint at ``pos``: (value, next position). IndexError if cut."""
    value = 0
    for i in range(8):
        byte = buf[pos + i]
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, pos + i + 1
    return (value << 8) | buf[pos + 8], pos + 9


def _cells(page: bytes, offset: int, usable: int, pages: _Pages, *, table: bool) -> Iterator[bytes]:
    """The payload of every cell on a leaf page (overflow chains followed)."""
    try:
        count = int.from_bytes(page[offset + 3 : offset + 5], "big")
    except IndexError:
        return
    pointers = offset + 8
    if pointers + 2 * count > len(page):
        return
    if table:
        max_local = usable - 35
    else:
        max_local = ((usable - 12) * 64 // 255) - 23
    min_local = ((usable - 12) * 32 // 255) - 23
    for i in range(count):
        cell = int.from_bytes(page[pointers + 2 * i : pointers + 2 * i + 2], "big")
        if not pointers + 2 * count <= cell < len(page):
            continue
        try:
            size, pos = _varint(page, cell)
            if table:
                _rowid, pos = _varint(page, pos)
            if size <= max_local:
                payload = page[pos : pos + size]
            else:
                local = min_local + (size - min_local) % (usable - 4)
                if local > max_local:
                    local = min_local
                payload = page[pos : pos + local] + _overflow(
                    pages,
                    int.from_bytes(page[pos + local : pos + local + 4], "big"),
                    size - local,
                    usable,
                )
        except IndexError:
            continue
        if len(payload) == size:
            yield payload


def _overflow(pages: _Pages, number: int, remaining: int, usable: int) -> bytes:
    parts: list[bytes] = []
    seen: set[int] = set()
    while remaining > 0 and number and number not in seen:
        seen.add(number)
        page = pages.get(number)
        if page is None:
            break
        chunk = page[4 : min(usable, 4 + remaining)]
        parts.append(chunk)
        remaining -= len(chunk)
        number = int.from_bytes(page[0:4], "big")
    return b"".join(parts)


def _record(payload: bytes) -> list[object] | None:
    """The values of a record, or None if it does not decode."""
    try:
        header_size, pos = _varint(payload, 0)
        if not 0 < header_size <= len(payload):
            return None
        types = []
        while pos < header_size:
            serial, pos = _varint(payload, pos)
            types.append(serial)
        values: list[object] = []
        pos = header_size
        for serial in types:
            value, pos = _value(payload, pos, serial)
            values.append(value)
    except (IndexError, ValueError, UnicodeDecodeError, struct.error):
        return None
    return values if pos == len(payload) else None


_INT_SIZES = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}


def _value(buf: bytes, pos: int, serial: int) -> tuple[object, int]:
    if serial == 0:
        return None, pos
    if serial in _INT_SIZES:
        size = _INT_SIZES[serial]
        if pos + size > len(buf):
            raise IndexError("cut")
        return int.from_bytes(buf[pos : pos + size], "big", signed=True), pos + size
    if serial == 7:
        return struct.unpack(">d", buf[pos : pos + 8])[0], pos + 8
    if serial in (8, 9):
        return serial - 8, pos
    if serial >= 12:
        size = (serial - 12) // 2
        if pos + size > len(buf):
            raise IndexError("cut")
        chunk = buf[pos : pos + size]
        return (chunk.decode("utf-8") if serial % 2 else chunk), pos + size
    raise ValueError(f"reserved serial type {serial}")


_COLUMN = {name: i for i, name in enumerate(ANSWER_TABLE_COLUMNS)}
_TEXT = tuple(
    _COLUMN[n]
    for n in (
        "id",
        "kiosk_id",
        "created_utc",
        "local_day",
        "category",
        "reasons",
        "comment",
        "language",
        "app_version",
        "flags",
        "origin",
    )
)
_INTS = tuple(
    _COLUMN[n]
    for n in (
        "seq",
        "utc_offset_minutes",
        "local_hour",
        "local_weekday",
        "score",
        "flagged",
    )
)


def _answer_row(payload: bytes) -> tuple[dict[str, Any], str] | None:
    values = _record(payload)
    if values is None or len(values) < len(ANSWER_TABLE_COLUMNS):
        return None
    values = values[: len(ANSWER_TABLE_COLUMNS)]
    if not all(isinstance(values[i], str) for i in _TEXT):
        return None
    if not all(isinstance(values[i], int) for i in _INTS):
        return None
    origin = values[_COLUMN["origin"]]
    if values[_COLUMN["category"]] not in _CATEGORIES or origin not in _ORIGINS:
        return None
    return dict(zip(ANSWER_TABLE_COLUMNS, values, strict=True)), str(origin)


def _meta_pair(payload: bytes) -> tuple[str, str] | None:
    values = _record(payload)
    if values is None or len(values) != 2:
        return None
    key, value = values
    if isinstance(key, str) and isinstance(value, str):
        return key, value
    return None
