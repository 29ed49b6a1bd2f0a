from datetime import datetime, timedelta, timezone

import pytest

from kiosk import __version__
from kiosk.core.pin import InvalidPin, LockoutPolicy
from kiosk.store import events, meta
from kiosk.store.pin import PinStore
from kiosk.store.recovery import open_store

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
POLICY = LockoutPolicy(base_delay=1, max_delay=30, lock_after=3, lock_minutes=5)


def pins(db):
    return PinStore(db, POLICY, scrypt_n=2**8)


def test_no_pin_then_set(opened_store):
    store = pins(opened_store.db)
    assert not store.has_pin()
    with pytest.raises(InvalidPin):
        store.set_pin("12")
    store.set_pin("2468")
    assert store.has_pin()
    assert "2468" not in meta.get(opened_store.db.connection(), "pin_hash")
    assert store.check("2468", T0).ok


def test_wrong_pin_delays_and_locks(opened_store, caplog):
    store = pins(opened_store.db)
    store.set_pin("2468")
    first = store.check("1111", T0)
    assert not first.ok and first.failures == 1 and first.wait_seconds == 1
    during = store.check("2468", T0 + timedelta(seconds=0.5))
    assert not during.ok and during.refused_unchecked  # even the right PIN waits
    second = store.check("1111", T0 + timedelta(seconds=2))
    assert second.wait_seconds == 2
    third = store.check("1111", T0 + timedelta(seconds=5))
    assert third.locked and third.wait_seconds == 300
    assert store.check("2468", T0 + timedelta(seconds=299)).refused_unchecked
    ok = store.check("2468", T0 + timedelta(seconds=306))
    assert ok.ok and store.failures() == 0
    assert events.latest(opened_store.db, ("pin_lockout",))
    assert "1111" not in caplog.text and "2468" not in caplog.text
    assert "wrong" in caplog.text


def test_failures_survive_restart(data_dir):
    path = data_dir / "kiosk.sqlite"
    opened = open_store(path, "k", __version__)
    store = pins(opened.db)
    store.set_pin("2468")
    store.check("0000", T0)
    store.check("0000", T0 + timedelta(seconds=10))
    opened.db.close()
    again = open_store(path, "k", __version__)
    try:
        store = pins(again.db)
        assert store.failures() == 2
        assert store.wait_seconds(T0 + timedelta(seconds=10)) == pytest.approx(2)
        assert store.check("0000", T0 + timedelta(seconds=20)).locked
    finally:
        again.db.close()
