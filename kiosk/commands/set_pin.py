"""``kiosk set-pin``: set the owner's PIN from a terminal (typed twice, never echoed)."""

from __future__ import annotations

import argparse
import getpass
import sys

from kiosk.app.context import Context
from kiosk.core.pin import InvalidPin, validate_pin
from kiosk.store.pin import PinStore


def main(args: argparse.Namespace, *, ask=getpass.getpass) -> int:
    try:
        first = ask("New PIN (4-8 digits): ")
        validate_pin(first)
        if ask("Same PIN again: ") != first:
            sys.stderr.write("kiosk set-pin: the two PINs differ; nothing changed\n")
            return 1
    except InvalidPin as exc:
        sys.stderr.write(f"kiosk set-pin: {exc}; nothing changed\n")
        return 1
    except EOFError:
        sys.stderr.write("kiosk set-pin: no PIN given; nothing changed\n")
        return 1
    context = Context.from_args(args)
    try:
        PinStore(context.store().db).set_pin(first)
    finally:
        context.close()
    sys.stdout.write("PIN set.\n")
    return 0
