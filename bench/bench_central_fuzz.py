"""The endpoint's property test run for longer: many generated bodies (tests/endpoint/fuzz.py)
over a real socket to the service on SQLite, served as ``kiosk endpoint`` serves it. Prints
what it tried; fails loudly on a 500, a hang, an invalid answer stored or a valid one lost.
The CI test runs a few seconds of the same.

Usage: ``python bench/bench_central_fuzz.py [--examples 2000]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from central_common import ROOT  # noqa: F401  (puts tests/ on the path)
from endpoint.fuzz import request_body
from endpoint.test_properties import check
from endpoint_server import HttpPoster, ServedAsInProduction, central
from hypothesis import HealthCheck, given, settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kiosk-fuzz-"))
    store, app = central(folder / "central.sqlite")
    served = ServedAsInProduction(app)
    client = HttpPoster(served.url)
    expected: set[str] = set()
    tried = [0]

    @settings(
        max_examples=args.examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(request_body())
    def run(generated) -> None:
        raw, answers, envelope_ok = generated
        tried[0] += 1
        check(client, store, expected, raw, answers, envelope_ok)
        if envelope_ok:  # the same body again (a kiosk that never heard the reply)
            check(client, store, expected, raw, answers, envelope_ok)

    started = time.perf_counter()
    try:
        run()
        assert sorted(store.answer_ids()) == sorted(expected)
    finally:
        client.close()
        served.stop()
        store.close()
    print(
        f"fuzz: {tried[0]} generated bodies in {time.perf_counter() - started:.0f} s,"
        f" {len(expected)} valid answers stored once each; no 500, no hang"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
