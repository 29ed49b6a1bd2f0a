"""The bulk loader gives the same store as importing answer by answer."""

from __future__ import annotations

from helpers.admin import make_answers

from kiosk import __version__
from kiosk.store import meta
from kiosk.store.bulk import load_rows
from kiosk.store.exports import iter_export_rows
from kiosk.store.recovery import open_store
from kiosk.store.rows import answer_row
from kiosk.store.stats import dashboard_stats


def rows_of(answers):
    # The store's own row for each answer: the loader takes exactly what an insert writes.
    return (answer_row(a, "guest") for a in answers)


def test_bulk_equals_one_by_one(tmp_path):
    answers = make_answers("k")
    one = open_store(tmp_path / "one.sqlite", "k", __version__)
    bulk = open_store(tmp_path / "bulk.sqlite", "k", __version__)
    try:
        one.answers.import_answers(answers, origin="guest", enqueue=False)
        numbered = [
            type(a)(**{**{f: getattr(a, f) for f in a.__slots__}, "seq": i + 1})
            for i, a in enumerate(answers)
        ]
        assert load_rows(bulk.db, rows_of(numbered), chunk=4) == len(answers)
        assert dashboard_stats(one.db).as_dict() == dashboard_stats(bulk.db).as_dict()
        assert list(iter_export_rows(one.db)) == list(iter_export_rows(bulk.db))
        assert meta.get(bulk.db.connection(), "last_seq") == str(len(answers))
    finally:
        one.db.close()
        bulk.db.close()
