from datetime import datetime, timedelta, timezone

import pytest

from kiosk import __version__
from kiosk.core.pin import InvalidPin, LockoutPolicy
from kiosk.store import events, keep, meta
from kiosk.store.pin import PIN_FAILURES, PIN_NOT_BEFORE, PIN_NOT_BEFORE_MONOTONIC, PinStore
from kiosk.store.recovery import open_store

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
POLICY = LockoutPolicy(base_delay=1, max_delay=30, lock_after=3, lock_minutes=5)


class Clock:
    """A wall clock that can be set wrong, and a monotonic clock that only moves on."""

    def __init__(self) -> None:
        self.wall = T0
        self.mono = 1000.0
        self.boot = "boot-1"

    def advance(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)
        self.mono += seconds

    def set_wall(self, moment: datetime) -> None:
        self.wall = moment  # someone (or NTP) changed the clock; time itself did not jump

    def reboot(self) -> None:
        self.boot += "+"
        self.mono = 5.0


@pytest.fixture
def clock():
    return Clock()


def pins(db, clock, policy=POLICY):
    return PinStore(
        db,
        policy,
        scrypt_n=2**8,
        clock=lambda: clock.wall,
        monotonic=lambda: clock.mono,
        boot_id=lambda: clock.boot,
    )


def lock_out(store, clock):
    """Wrong PINs, each after its wait, until the pad locks; returns the lock's wait."""
    while True:
        result = store.check("0000")
        assert not result.ok and not result.refused_unchecked
        if result.locked:
            return result.wait_seconds
        clock.advance(result.wait_seconds)


def test_no_pin_then_set(opened_store, clock):
    store = pins(opened_store.db, clock)
    assert not store.has_pin()
    with pytest.raises(InvalidPin):
        store.set_pin("12")
    store.set_pin("2468")
    assert store.has_pin()
    assert "2468" not in meta.get(opened_store.db.connection(), "pin_hash")
    assert store.check("2468").ok


def test_the_hash_is_also_kept_beside_the_store(opened_store, clock):
    pins(opened_store.db, clock).set_pin("2468")
    assert keep.pin_hash(opened_store.db.path) == meta.get(opened_store.db.connection(), "pin_hash")


def test_wrong_pin_delays_and_locks(opened_store, clock, caplog):
    store = pins(opened_store.db, clock)
    store.set_pin("2468")
    first = store.check("1111")
    assert not first.ok and first.failures == 1 and first.wait_seconds == 1
    clock.advance(0.5)
    during = store.check("2468")
    assert not during.ok and during.refused_unchecked  # even the right PIN waits
    clock.advance(1.5)
    second = store.check("1111")
    assert second.wait_seconds == 2
    clock.advance(3)
    third = store.check("1111")
    assert third.locked and third.wait_seconds == 300
    clock.advance(299)
    assert store.check("2468").refused_unchecked
    clock.advance(2)
    ok = store.check("2468")
    assert ok.ok and store.failures() == 0
    assert events.latest(opened_store.db, ("pin_lockout",))
    assert "1111" not in caplog.text and "2468" not in caplog.text
    assert "wrong" in caplog.text


def test_failures_survive_restart(data_dir, clock):
    path = data_dir / "kiosk.sqlite"
    opened = open_store(path, "k", __version__)
    store = pins(opened.db, clock)
    store.set_pin("2468")
    store.check("0000")
    clock.advance(10)
    store.check("0000")
    opened.db.close()
    again = open_store(path, "k", __version__)
    try:
        store = pins(again.db, clock)
        assert store.failures() == 2
        assert store.wait_seconds() == pytest.approx(2)
        clock.advance(10)
        assert store.check("0000").locked
    finally:
        again.db.close()


def fail_and_wait(store, clock, attempts):
    """Wrong PINs at the fastest pace the pad allows; each one counted and delayed."""
    for _ in range(attempts):
        before = store.failures()
        result = store.check("00000000")
        assert not result.ok and not result.refused_unchecked
        assert result.failures == before + 1
        assert 1 <= result.wait_seconds <= POLICY.max_wait
        assert result.locked == (result.failures % POLICY.lock_after == 0)
        # the very next try, before the wait is over, is not even looked at
        clock.advance(result.wait_seconds - 0.01)
        assert store.check("24681357").refused_unchecked
        clock.advance(0.01)


def test_lockout_holds_for_100000_failures(data_dir, clock):
    """Issue 9: past ~1,000 failures 2**n overflowed inside the check, the attempt was
    neither counted nor delayed, and the PIN could be guessed at full speed.

    2,000 failures in a row (past the old overflow at 1,025), then from the count that
    99,990 failures leave in the store on to 100,010: every one counted and delayed.
    (The policy itself is checked for every count up to 100,000 in tests/core/test_pin.py.)
    """
    opened = open_store(data_dir / "kiosk.sqlite", "k", __version__)
    store = pins(opened.db, clock)
    store.set_pin("24681357")
    fail_and_wait(store, clock, 2_000)
    assert store.failures() == 2_000
    with opened.db.transaction() as con:
        meta.put(con, PIN_FAILURES, "99990")
    fail_and_wait(store, clock, 20)
    assert store.failures() == 100_010
    assert store.check("24681357").ok and store.failures() == 0
    opened.db.close()


def test_a_lock_taken_with_the_clock_in_2040_does_not_outlast_the_maximum(opened_store, clock):
    store = pins(opened_store.db, clock)
    store.set_pin("2468")
    clock.set_wall(datetime(2040, 1, 1, tzinfo=timezone.utc))
    assert lock_out(store, clock) == 300  # the lock: until 2040 plus 300 s
    # NTP puts the clock back to 2026: the wait is still 300 s, not 14 years...
    clock.set_wall(T0)
    assert store.wait_seconds() == pytest.approx(300)
    clock.advance(300)
    assert store.check("2468").ok


def test_a_lock_stored_in_the_far_future_is_clamped_after_a_reboot(opened_store, clock):
    store = pins(opened_store.db, clock)
    store.set_pin("2468")
    with opened_store.db.transaction() as con:
        meta.put(con, PIN_FAILURES, str(POLICY.lock_after))
        meta.put(con, PIN_NOT_BEFORE, "2040-01-01T00:00:00Z")
        meta.delete(con, PIN_NOT_BEFORE_MONOTONIC)
    clock.reboot()
    assert store.wait_seconds() == POLICY.max_wait
    clock.advance(POLICY.max_wait / 2)
    clock.reboot()  # even across another reboot the clamped deadline stays
    assert store.wait_seconds() == pytest.approx(POLICY.max_wait / 2)
    clock.advance(POLICY.max_wait / 2)
    assert store.check("2468").ok


def test_moving_the_clock_forward_does_not_end_a_wait(opened_store, clock):
    store = pins(opened_store.db, clock)
    store.set_pin("2468")
    assert lock_out(store, clock) == 300
    clock.set_wall(clock.wall + timedelta(days=365))
    assert store.wait_seconds() == pytest.approx(300)
    assert store.check("2468").refused_unchecked
    # a restart of the kiosk during the same boot keeps the monotonic deadline
    again = pins(opened_store.db, clock)
    assert again.check("2468").refused_unchecked
    clock.advance(300)
    assert again.check("2468").ok


def test_a_damaged_failure_count_locks_rather_than_resets(opened_store, clock):
    store = pins(opened_store.db, clock)
    store.set_pin("2468")
    with opened_store.db.transaction() as con:
        meta.put(con, PIN_FAILURES, "garbage")
    assert store.failures() == POLICY.lock_after
    result = store.check("0000")
    assert not result.ok and result.failures == POLICY.lock_after + 1


def test_the_wait_is_still_known_when_the_store_refuses_writes(opened_store, clock):
    store = pins(opened_store.db, clock)
    store.set_pin("2468")
    lock_out(store, clock)
    with opened_store.db.transaction() as con:  # as after a reboot: only the wall clock
        meta.delete(con, PIN_NOT_BEFORE_MONOTONIC)
    opened_store.db.connection().execute("PRAGMA query_only = ON")
    try:
        assert store.wait_seconds() == pytest.approx(300)
    finally:
        opened_store.db.connection().execute("PRAGMA query_only = OFF")


def test_the_lockout_holds_while_the_store_refuses_to_record_attempts(opened_store, clock):
    store = pins(opened_store.db, clock)
    store.set_pin("2468")
    opened_store.db.connection().execute("PRAGMA query_only = ON")  # as on a full disk
    try:
        for _ in range(2):
            result = store.check("0000")
            assert not result.ok and not result.refused_unchecked
            assert store.check("2468").refused_unchecked  # the wait holds, in memory
            clock.advance(result.wait_seconds)
        assert store.check("0000").locked
        clock.advance(299)
        assert store.check("2468").refused_unchecked
        clock.advance(1)
        assert store.check("2468").ok
    finally:
        opened_store.db.connection().execute("PRAGMA query_only = OFF")


def statements(db):
    """The SQL this thread's connection runs from now on (sqlite3's own trace)."""
    seen: list[str] = []
    db.connection().set_trace_callback(seen.append)
    return seen


def test_asking_the_wait_takes_no_write_lock(opened_store, clock):
    store = pins(opened_store.db, clock)
    store.set_pin("2468")
    lock_out(store, clock)
    seen = statements(opened_store.db)
    try:
        for waited in range(3):
            assert store.wait_seconds() == pytest.approx(300 - waited)
            clock.advance(1)
    finally:
        opened_store.db.connection().set_trace_callback(None)
    assert seen and not [s for s in seen if s.split()[0].upper() in {"BEGIN", "INSERT", "UPDATE"}]


def test_asking_the_wait_after_a_reboot_moves_it_onto_the_monotonic_clock_once(opened_store, clock):
    store = pins(opened_store.db, clock)
    store.set_pin("2468")
    lock_out(store, clock)
    clock.reboot()  # the stored monotonic deadline belongs to the last boot
    seen = statements(opened_store.db)
    try:
        assert store.wait_seconds() == pytest.approx(300)
        moved = list(seen)
        seen.clear()
        clock.set_wall(clock.wall + timedelta(days=1))  # the wall clock no longer matters
        assert store.wait_seconds() == pytest.approx(300)
    finally:
        opened_store.db.connection().set_trace_callback(None)
    assert any(s.upper().startswith("BEGIN") for s in moved)
    assert not any(s.upper().startswith("BEGIN") for s in seen)
    assert meta.get(opened_store.db.connection(), PIN_NOT_BEFORE_MONOTONIC).startswith(clock.boot)


def attempts(store, clock) -> list[tuple]:
    """Wrong PINs to the lock, the right one during each wait, then after the lock."""
    script = [("0000", 0), ("2468", 1), ("0000", 2), ("0000", 299), ("2468", 1), ("2468", 0)]
    seen = []
    for pin, then_wait in script:
        result = store.check(pin)
        seen.append((result.ok, result.failures, result.wait_seconds, result.locked))
        seen.append(result.refused_unchecked)
        clock.advance(then_wait)
    return seen


def test_the_pad_answers_the_same_whether_the_store_records_attempts_or_not(data_dir):
    recorded_clock, memory_clock = Clock(), Clock()
    recorded = open_store(data_dir / "a.sqlite", "k", __version__)
    memory = open_store(data_dir / "b.sqlite", "k", __version__)
    try:
        pins(recorded.db, recorded_clock).set_pin("2468")
        pins(memory.db, memory_clock).set_pin("2468")
        memory.db.connection().execute("PRAGMA query_only = ON")  # as on a full disk
        expected = attempts(pins(recorded.db, recorded_clock), recorded_clock)
        assert attempts(pins(memory.db, memory_clock), memory_clock) == expected
        assert expected[1::2] == [False, True, False, False, True, False]  # waits refused
        assert expected[6] == (False, 3, 300, True)  # the lock
        assert expected[-2][0] is True  # and the right PIN after it
    finally:
        memory.db.connection().execute("PRAGMA query_only = OFF")
        recorded.db.close()
        memory.db.close()
