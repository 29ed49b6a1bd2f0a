"""The owner's PIN: what a valid one is, how it is hashed, and how guessing is slowed down.

A PIN has only 10^4..10^8 values, so the hash alone cannot protect it against someone who
copies the store: the real defence is the lock-out on the kiosk. The hash (scrypt, salted)
still keeps the PIN itself out of backups, exports and support tickets.

The stored form describes itself, ``scrypt$n=16384,r=8,p=1$<salt>$<hash>`` (base64), so the
parameters can be raised later without breaking PINs set today.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 8
ALGORITHM = "scrypt"
DEFAULT_N = 2**14
DEFAULT_R = 8
DEFAULT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32


class InvalidPin(ValueError):
    """A PIN that does not follow the rules (4-8 digits)."""


def validate_pin(pin: str) -> str:
    """Return ``pin`` if it is 4-8 ASCII digits, else raise :class:`InvalidPin`."""
    if not isinstance(pin, str) or not (PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH):
        raise InvalidPin(f"a PIN has {PIN_MIN_LENGTH} to {PIN_MAX_LENGTH} digits")
    if not all(ch in "0123456789" for ch in pin):
        raise InvalidPin("a PIN has digits only")
    return pin


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(
    pin: str,
    salt: bytes | None = None,
    *,
    n: int = DEFAULT_N,
    r: int = DEFAULT_R,
    p: int = DEFAULT_P,
) -> str:
    """Hash a valid PIN into the self-describing stored form."""
    validate_pin(pin)
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    digest = hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=HASH_BYTES
    )
    return f"{ALGORITHM}$n={n},r={r},p={p}${_b64(salt)}${_b64(digest)}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored``; compared in constant time.

    A malformed stored value or a PIN of the wrong shape is simply "no match": the caller
    counts it as a failed attempt like any other.
    """
    try:
        algorithm, params, salt_b64, hash_b64 = stored.split("$")
        if algorithm != ALGORITHM:
            return False
        values = dict(item.split("=", 1) for item in params.split(","))
        n, r, p = int(values["n"]), int(values["r"]), int(values["p"])
        salt = base64.b64decode(salt_b64, validate=True)
        expected = base64.b64decode(hash_b64, validate=True)
    except (ValueError, KeyError):
        return False
    try:
        validate_pin(pin)
    except InvalidPin:
        pin = "0" * PIN_MIN_LENGTH  # still spend the time: no shortcut for malformed input
        ok_shape = False
    else:
        ok_shape = True
    try:
        digest = hashlib.scrypt(
            pin.encode("ascii"),
            salt=salt,
            n=n,
            r=r,
            p=p,
            maxmem=256 * 1024 * 1024,
            dklen=len(expected),
        )
    except (ValueError, MemoryError):  # parameters no scrypt accepts: a damaged stored value
        return False
    return hmac.compare_digest(digest, expected) and ok_shape


# Past this many doublings every delay is at ``max_delay`` anyway; capping the exponent keeps
# the arithmetic finite for any count (2.0 ** 1024 overflows a float).
_MAX_DOUBLINGS = 64


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """How wrong PINs are slowed down.

    After the n-th consecutive failure the pad waits ``base_delay * 2**(n-1)`` seconds (capped
    at ``max_delay``); every ``lock_after``-th failure locks the pad for ``lock_minutes``.
    A right PIN resets the count. Defined for any count of failures, however large.
    """

    base_delay: float = 1.0
    max_delay: float = 30.0
    lock_after: int = 5
    lock_minutes: float = 5.0

    def delay_after(self, failures: int) -> float:
        """Seconds to wait before the next attempt after ``failures`` consecutive failures."""
        if failures <= 0:
            return 0.0
        if self.is_lockout(failures):
            return self.lock_minutes * 60.0
        doublings = min(failures - 1, _MAX_DOUBLINGS)
        return min(self.max_delay, self.base_delay * 2.0**doublings)

    def is_lockout(self, failures: int) -> bool:
        """True when ``failures`` consecutive failures lock the pad (not just slow it)."""
        return failures > 0 and self.lock_after > 0 and failures % self.lock_after == 0

    @property
    def max_wait(self) -> float:
        """The longest any wait can be: no stored value or clock jump stretches one further."""
        lock = self.lock_minutes * 60.0 if self.lock_after > 0 else 0.0
        return max(0.0, self.max_delay, lock)

    def bounded(self, seconds: float) -> float:
        """``seconds`` kept within ``0 .. max_wait``."""
        return min(self.max_wait, max(0.0, seconds))


@dataclass(frozen=True, slots=True)
class PinCheck:
    """The outcome of one attempt.

    ``ok``: the PIN was right. ``wait_seconds``: how long until the next attempt is even
    looked at; ``locked`` tells a lock-out (minutes) from the growing delay (seconds).
    ``refused_unchecked``: the attempt came during a wait and was not compared at all.
    """

    ok: bool
    failures: int
    wait_seconds: float = 0.0
    locked: bool = False
    refused_unchecked: bool = False
