import pytest

from kiosk.core.pin import (
    InvalidPin,
    LockoutPolicy,
    hash_pin,
    validate_pin,
    verify_pin,
)

FAST = {"n": 2**8}


@pytest.mark.parametrize("pin", ["1234", "00000000", "9081726"])
def test_valid_pins(pin):
    assert validate_pin(pin) == pin


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", " 1234", "１２３４"])
def test_invalid_pins(pin):
    with pytest.raises(InvalidPin):
        validate_pin(pin)


def test_hash_is_salted_and_self_describing():
    one = hash_pin("1234", **FAST)
    two = hash_pin("1234", **FAST)
    assert one != two
    assert one.startswith("scrypt$n=256,r=8,p=1$")
    assert "1234" not in one
    assert verify_pin("1234", one) and verify_pin("1234", two)


def test_given_salt_is_deterministic():
    assert hash_pin("5678", b"s" * 16, **FAST) == hash_pin("5678", b"s" * 16, **FAST)


def test_wrong_and_malformed_do_not_match():
    stored = hash_pin("1234", **FAST)
    assert not verify_pin("4321", stored)
    assert not verify_pin("12", stored)
    assert not verify_pin("1234", "garbage")
    assert not verify_pin("1234", "pbkdf2$x$y$z")
    assert not verify_pin("1234", stored[:-4] + "AAAA")


def test_default_strength_verifies():
    assert verify_pin("24680", hash_pin("24680"))


def test_delay_grows_then_locks():
    policy = LockoutPolicy(base_delay=1, max_delay=30, lock_after=5, lock_minutes=5)
    delays = [policy.delay_after(n) for n in range(0, 7)]
    assert delays[:5] == [0, 1, 2, 4, 8]
    assert delays[5] == 300 and policy.is_lockout(5)
    assert delays[6] == 30 and not policy.is_lockout(6)  # capped after the lock-out
    assert policy.is_lockout(10)


def test_every_count_of_failures_has_a_bounded_delay():
    """Issue 9: ``2 ** (n - 1)`` overflowed a float after ~1,000 failures."""
    policy = LockoutPolicy(base_delay=1, max_delay=30, lock_after=5, lock_minutes=5)
    for failures in range(1, 100_001):
        delay = policy.delay_after(failures)
        assert 1 <= delay <= policy.max_wait
        assert (delay == 300) == policy.is_lockout(failures)
    assert policy.delay_after(10**12 + 1) == 30
    assert policy.bounded(14 * 365 * 86400) == 300 and policy.bounded(-5) == 0


def test_a_damaged_stored_hash_is_no_match():
    stored = hash_pin("2468", n=2**8).replace("n=256", "n=3")  # scrypt refuses n=3
    assert not verify_pin("2468", stored)
