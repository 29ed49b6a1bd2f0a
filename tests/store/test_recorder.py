"""DurableRecorder on a real SQLite file that is made to refuse writes."""

from __future__ import annotations

from kiosk.core.answer import Completion
from kiosk.store.recorder import DurableRecorder


def _make_read_only(answer_store) -> None:
    answer_store.db.connection().execute("PRAGMA query_only = ON")


def _make_writable(answer_store) -> None:
    answer_store.db.connection().execute("PRAGMA query_only = OFF")


def _make_full(answer_store) -> None:
    con = answer_store.db.connection()
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.execute(f"PRAGMA max_page_count = {pages}")


def test_healthy_store_writes_at_once(answer_store):
    recorder = DurableRecorder(answer_store)
    answer_id = recorder.record_score(3, "es", flags=("too_soon",), alert_kinds=("alert",))
    stored = answer_store.get(answer_id)
    assert stored is not None and stored.score == 3 and stored.flags == ("too_soon",)
    recorder.complete(
        answer_id, Completion.SENT, reasons=["price"], comment="caro", comment_max_length=500
    )
    stored = answer_store.get(answer_id)
    assert stored.completion is Completion.SENT
    assert stored.reasons == ("price",) and stored.comment == "caro"
    assert recorder.problem is None and recorder.pending_count == 0


def test_read_only_store_keeps_answers_in_order_until_retry(answer_store):
    recorder = DurableRecorder(answer_store)
    first = recorder.record_score(9, "en")
    _make_read_only(answer_store)

    second = recorder.record_score(2, "es")
    recorder.complete(second, Completion.SKIPPED, comment_max_length=500)
    third = recorder.record_score(10, "en")

    assert recorder.problem == "the data folder is read-only"
    assert recorder.pending_count == 3
    assert answer_store.get(second) is None
    assert recorder.retry() is False  # still read-only

    _make_writable(answer_store)
    assert recorder.retry() is True
    assert recorder.problem is None and recorder.pending_count == 0
    rows = list(answer_store.iter_answers())
    assert [a.id for a in rows] == [first, second, third]
    assert [a.seq for a in rows] == [1, 2, 3]
    assert rows[1].completion is Completion.SKIPPED
    assert rows[2].completion is None


def test_full_disk_is_reported_and_replayed(answer_store, tmp_path):
    recorder = DurableRecorder(answer_store)
    _make_full(answer_store)
    ids = []
    for score in range(11):
        answer_id = recorder.record_score(score, "es")
        recorder.complete(answer_id, Completion.SENT, comment="x" * 400, comment_max_length=500)
        ids.append(answer_id)
    assert recorder.problem == "the disk is full"
    assert recorder.pending_count > 0

    answer_store.db.connection().execute("PRAGMA max_page_count = 1000000")
    assert recorder.retry() is True
    stored = [answer_store.get(i) for i in ids]
    assert all(a is not None and a.completion is Completion.SENT for a in stored)
    assert [a.score for a in stored] == list(range(11))


def test_tap_time_is_kept_when_the_write_is_late(answer_store):
    from datetime import datetime, timedelta, timezone

    moments = iter(
        [
            datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc),
            datetime(2026, 1, 5, 12, 0, 5, tzinfo=timezone.utc),
        ]
    )
    recorder = DurableRecorder(answer_store, clock=lambda: next(moments))
    _make_read_only(answer_store)
    answer_id = recorder.record_score(5, "es")
    recorder.complete(answer_id, Completion.TIMEOUT, reasons=["speed"], comment_max_length=500)
    _make_writable(answer_store)
    recorder.retry()
    stored = answer_store.get(answer_id)
    assert stored.created_utc == datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)
    assert stored.completed_utc - stored.created_utc == timedelta(seconds=5)
    assert stored.reasons == ("speed",)


def test_a_write_that_can_never_succeed_does_not_block_the_rest(answer_store):
    recorder = DurableRecorder(answer_store)
    recorder.complete(
        "no-such-answer", Completion.SENT, comment_max_length=500
    )  # a bug: nothing to complete
    later = recorder.record_score(8, "en")
    assert recorder.pending_count == 0
    assert answer_store.get(later) is not None


def test_a_write_whose_reply_was_lost_is_not_written_again(answer_store, caplog):
    recorder = DurableRecorder(answer_store)
    _make_read_only(answer_store)
    answer_id = recorder.record_score(4, "es", alert_kinds=("alert",))
    recorder.complete(answer_id, Completion.SENT, comment="lento", comment_max_length=500)
    _make_writable(answer_store)
    # Both writes reached the disk, but the recorder never heard so (a lost reply).
    answer_store.record_score(4, "es", alert_kinds=("alert",), answer_id=answer_id)
    answer_store.complete(answer_id, Completion.SENT, comment="lento")

    assert recorder.retry() is True
    assert recorder.pending_count == 0
    assert [a.id for a in answer_store.iter_answers()] == [answer_id]
    assert answer_store.get(answer_id).comment == "lento"
    assert "dropping" not in caplog.text  # the replays are seen as done, not taken for bugs


def test_a_spill_file_replayed_twice_stores_each_answer_once(answer_store, tmp_path, caplog):
    """The next start replays a spill file; if it stops before the file is deleted, the start
    after that replays it again. Each replayed write asks the store first, by itself, even
    when the store has been taking writes all along (no problem to hint at a retry)."""
    from kiosk.store import spill

    data_dir = tmp_path / "spilling"
    recorder = DurableRecorder(answer_store, spill_dir=data_dir)
    _make_read_only(answer_store)
    answer_id = recorder.record_score(6, "es")
    recorder.choose_reasons(answer_id, ["price"])
    recorder.complete(
        answer_id, Completion.SENT, reasons=["price"], comment="caro", comment_max_length=500
    )
    assert recorder.stop() == 3
    _make_writable(answer_store)
    [path] = spill.pending(data_dir)
    text = path.read_text(encoding="utf-8")

    assert DurableRecorder(answer_store, spill_dir=data_dir).replay_spilled() == 3
    path.write_text(text, encoding="utf-8")  # the replay was cut short before the delete
    fresh = DurableRecorder(answer_store, spill_dir=data_dir)
    caplog.clear()
    assert fresh.replay_spilled() == 3 and fresh.pending_count == 0
    assert "dropping" not in caplog.text  # seen as done, not taken for bugs
    assert [a.id for a in answer_store.iter_answers()] == [answer_id]
    stored = answer_store.get(answer_id)
    assert stored.completion is Completion.SENT and stored.reasons == ("price",)
    assert spill.pending(data_dir) == []
    # and a write made by this run is tried at once, without asking the store first
    later = fresh.record_score(9, "en")
    assert answer_store.get(later) is not None


def test_a_stop_with_nowhere_to_keep_the_answers_names_each_one(
    answer_store, tmp_path, caplog, monkeypatch
):
    """The store refuses and so does every spill folder (here paths under a plain file): the
    stop says, at CRITICAL, how many were lost and which, never silently."""
    from kiosk.store import spill

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked / "state"))
    monkeypatch.setattr(spill, "temporary_folders", lambda: [blocked / "tmp"])
    for spill_dir in (blocked / "spill", None):
        recorder = DurableRecorder(answer_store, spill_dir=spill_dir)
        _make_read_only(answer_store)
        first = recorder.record_score(3, "es")
        second = recorder.record_score(10, "en")
        caplog.clear()
        with caplog.at_level("CRITICAL", logger="kiosk"):
            assert recorder.stop() == 0
        [line] = [r for r in caplog.records if r.levelname == "CRITICAL"]
        assert "2 write(s)" in line.getMessage()
        assert first in line.getMessage() and second in line.getMessage()
        _make_writable(answer_store)
        assert answer_store.get(first) is None  # what the line says: not kept


def test_a_refused_write_is_in_a_spill_file_at_once_so_a_crash_loses_nothing(
    answer_store, tmp_path, caplog
):
    """Issue 9 (the disk-fill loss of the simulated year): a write the store refuses is
    copied to a spill file when it is refused, not only at a clean stop, so a power cut while
    it waits in memory loses nothing: no stop() here, the next start finds every write, the
    guest's call-back request included."""
    from datetime import datetime, timezone

    from kiosk.core.contact import Contact
    from kiosk.core.sync import OutboxKind
    from kiosk.store import spill
    from kiosk.store.contacts import ContactStore

    data_dir = tmp_path / "kiosk"
    recorder = DurableRecorder(answer_store, spill_dir=data_dir)
    _make_read_only(answer_store)
    caplog.set_level("WARNING", logger="kiosk")
    answer_id = recorder.record_score(2, "es", alert_kinds=(OutboxKind.ALERT,))
    [path] = spill.pending(data_dir)
    assert path.parent == data_dir / "spill" and len(spill.read(path)) == 1
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    recorder.choose_reasons(answer_id, ["wait"])
    recorder.complete(
        answer_id, Completion.SENT, reasons=["wait"], comment="lento", comment_max_length=500
    )
    at = datetime(2026, 12, 3, 10, 0, tzinfo=timezone.utc)
    recorder.leave_contact(
        Contact.given(answer_id, "Ana Ruiz", "+34 600 111 222", "Acepto.", "es", at),
        (OutboxKind.CONTACT,),
    )
    assert spill.pending(data_dir) == [path] and len(spill.read(path)) == 4
    assert recorder.retry() is False and len(spill.read(path)) == 4  # a retry adds nothing
    assert f"copied to {path}" in caplog.text
    assert "Ana" not in caplog.text and "600 111" not in caplog.text  # contacts never logged
    del recorder  # the power is cut: no stop, nothing flushed

    _make_writable(answer_store)
    again = DurableRecorder(answer_store, spill_dir=data_dir)
    assert again.replay_spilled() == 4 and again.pending_count == 0
    stored = answer_store.get(answer_id)
    assert stored.score == 2 and stored.reasons == ("wait",) and stored.comment == "lento"
    contact = ContactStore(answer_store.db).get(answer_id)
    assert (contact.name, contact.reach) == ("Ana Ruiz", "+34 600 111 222")
    assert spill.pending(data_dir) == []


def test_spill_files_replay_in_the_order_they_were_made_whatever_the_clock_says(
    answer_store, tmp_path
):
    """A run that crashed while the store refused writes left a file; the next run, its
    clock put back an hour, refused again and crashed too. The replay takes the files in the
    order they were made (the score before its completion), not by their time stamps."""
    from datetime import datetime, timedelta, timezone

    from kiosk.store import spill

    data_dir = tmp_path / "kiosk"
    now = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
    first = DurableRecorder(answer_store, clock=lambda: now, spill_dir=data_dir)
    _make_read_only(answer_store)
    answer_id = first.record_score(5, "en")
    second = DurableRecorder(
        answer_store, clock=lambda: now - timedelta(hours=1), spill_dir=data_dir
    )
    assert second.replay_spilled() == 1  # still refused: it stays in the first file
    second.complete(answer_id, Completion.SENT, comment="ok", comment_max_length=500)
    older, newer = spill.pending(data_dir)
    stamp = older.name.split("-")[3]
    assert newer.name.split("-")[3] < stamp  # made later, stamped earlier
    # The new file holds all that waits (the replayed score too), the completion last.
    assert [r["op"] for r in spill.read(newer)] == ["score", "complete"]

    _make_writable(answer_store)
    third = DurableRecorder(answer_store, spill_dir=data_dir)
    assert third.replay_spilled() == 3 and third.pending_count == 0  # the score twice: once stored
    assert answer_store.get(answer_id).completion is Completion.SENT
    assert spill.pending(data_dir) == []


def test_a_spill_folder_someone_else_controls_is_not_used(answer_store, tmp_path):
    """The temporary folder is shared: a spill folder there that is a symlink (or another
    user's) is passed over for the next one, never written through."""
    from kiosk.store import spill

    data_dir = tmp_path / "kiosk"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data_dir.mkdir()
    (data_dir / "spill").symlink_to(elsewhere)
    recorder = DurableRecorder(answer_store, spill_dir=data_dir)
    _make_read_only(answer_store)
    recorder.record_score(8, "en")
    [path] = spill.pending(data_dir)
    assert path.parent == spill.spill_folders(data_dir)[1]
    assert list(elsewhere.iterdir()) == []


def test_spill_files_in_a_folder_someone_else_controls_are_not_replayed(answer_store, tmp_path):
    """Replay reads only this user's own folders and files: a linked folder, or a file
    another user planted in a shared folder (its name can be worked out), is left alone."""
    import json
    import os

    import pytest

    from kiosk.store import spill

    data_dir = tmp_path / "kiosk"
    data_dir.mkdir()
    planted = {"op": "score", "answer_id": "6b0f6a8e-0000-4000-8000-000000000001", "score": 0}
    line = (
        json.dumps(
            {
                **planted,
                "language": "en",
                "flags": [],
                "alert_kinds": [],
                "now": "2026-12-03T10:00:00Z",
                "utc_offset_minutes": 0,
            }
        )
        + "\n"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "kiosk-spill-00000001-x.jsonl").write_text(line, encoding="utf-8")
    (data_dir / "spill").symlink_to(elsewhere)
    assert spill.pending(data_dir) == []
    assert DurableRecorder(answer_store, spill_dir=data_dir).replay_spilled() == 0
    assert (elsewhere / "kiosk-spill-00000001-x.jsonl").exists()  # not deleted either
    if os.geteuid() != 0:
        pytest.skip("planting a file as another user needs root")
    shared = spill.spill_folders(data_dir)[1]
    shared.mkdir(parents=True)
    (shared / "kiosk-spill-00000002-x.jsonl").write_text(line, encoding="utf-8")
    os.chown(shared, 65534, 65534)
    assert DurableRecorder(answer_store, spill_dir=data_dir).replay_spilled() == 0
    os.chown(shared, 0, 0)
    os.chown(shared / "kiosk-spill-00000002-x.jsonl", 65534, 65534)
    assert DurableRecorder(answer_store, spill_dir=data_dir).replay_spilled() == 0
    assert answer_store.get(planted["answer_id"]) is None


def test_a_spill_file_with_bad_bytes_is_replayed_around_them_and_set_aside(answer_store, tmp_path):
    """A power cut on a poor file system leaves garbage in a line: the start still works, the
    good lines are stored, and the file is kept aside (not deleted) for a person to read."""
    from kiosk.store import spill

    data_dir = tmp_path / "kiosk"
    recorder = DurableRecorder(answer_store, spill_dir=data_dir)
    _make_read_only(answer_store)
    first = recorder.record_score(3, "es")
    second = recorder.record_score(9, "en")
    [path] = spill.pending(data_dir)
    good = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(good[0] + b"\xff\xfe{garbage\n" + good[1])
    _make_writable(answer_store)
    again = DurableRecorder(answer_store, spill_dir=data_dir)
    assert again.replay_spilled() == 2 and again.pending_count == 0
    assert answer_store.get(first) is not None and answer_store.get(second) is not None
    assert spill.pending(data_dir) == []
    assert path.with_name(path.name + ".damaged").exists()
    assert spill.waiting(data_dir).writes == 0


def test_a_spill_file_that_cannot_be_read_stays_for_the_next_start(
    answer_store, tmp_path, monkeypatch
):
    from kiosk.store import spill

    data_dir = tmp_path / "kiosk"
    recorder = DurableRecorder(answer_store, spill_dir=data_dir)
    _make_read_only(answer_store)
    answer_id = recorder.record_score(5, "en")
    [path] = spill.pending(data_dir)
    _make_writable(answer_store)
    real = spill.read_counting

    def failing(_path):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(spill, "read_counting", failing)
    again = DurableRecorder(answer_store, spill_dir=data_dir)
    assert again.replay_spilled() == 0
    again.record_score(8, "es")  # a write that succeeds: nothing of the unread file is deleted
    assert path.exists()
    monkeypatch.setattr(spill, "read_counting", real)
    assert DurableRecorder(answer_store, spill_dir=data_dir).replay_spilled() == 1
    assert answer_store.get(answer_id) is not None and not path.exists()


def test_a_spill_file_that_vanishes_is_rewritten_whole(answer_store, tmp_path):
    """If the open spill file disappears (a cleaner, a person), the next refused write
    starts a new file with everything that waits, not only itself."""
    from kiosk.store import spill

    data_dir = tmp_path / "kiosk"
    recorder = DurableRecorder(answer_store, spill_dir=data_dir)
    _make_read_only(answer_store)
    first = recorder.record_score(2, "es")
    [path] = spill.pending(data_dir)
    path.unlink()
    second = recorder.record_score(10, "en", flags=("\ud800 odd",))  # a lone surrogate too
    [new] = spill.pending(data_dir)
    assert [r["answer_id"] for r in spill.read(new)] == [first, second]
    _make_writable(answer_store)
    again = DurableRecorder(answer_store, spill_dir=data_dir)
    assert again.replay_spilled() == 2
    assert answer_store.get(second).flags == ("\ud800 odd",)


def test_with_nowhere_to_spill_each_folder_is_named_once_not_at_every_retry(
    answer_store, tmp_path, caplog, monkeypatch
):
    from kiosk.store import spill

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked / "state"))
    monkeypatch.setattr(spill, "temporary_folders", lambda: [blocked / "tmp"])
    recorder = DurableRecorder(answer_store, spill_dir=blocked / "data")
    _make_read_only(answer_store)
    caplog.set_level("WARNING", logger="kiosk")
    for score in range(5):
        recorder.record_score(score, "en")
        recorder.retry()
    warnings = [
        r.getMessage() for r in caplog.records if "cannot write the spill" in r.getMessage()
    ]
    assert len(warnings) == len(spill.spill_folders(blocked / "data"))
    assert sum("a power cut would lose them" in r.getMessage() for r in caplog.records) == 1
