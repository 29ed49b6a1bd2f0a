"""``kiosk demo-data``: fill a store with realistic made-up answers.

For demos, benchmarks and trying the owner's views. The answers are stored with origin
``demo`` and never queued for sync. A store that already holds a real guest's answer is
refused unless ``--force``: mixing made-up answers into a shop's real results would be a
disservice that cannot be undone (answers are never deleted).
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
from datetime import datetime, timezone

from kiosk import __version__
from kiosk.app.context import Context
from kiosk.core.demo import DemoPlan, generate_answers, iter_chunks
from kiosk.store.answers import local_offset_minutes

log = logging.getLogger("kiosk.demo")

CHUNK = 5000  # answers per transaction: one durable commit per chunk, not per answer


def main(args: argparse.Namespace) -> int:
    if args.count < 1:
        sys.stderr.write("kiosk demo-data: --count must be at least 1\n")
        return 2
    if args.days < 1:
        sys.stderr.write("kiosk demo-data: --days must be at least 1\n")
        return 2
    context = Context.from_args(args)
    try:
        store = context.store().answers
        if store.has_real_answers() and not args.force:
            sys.stderr.write(
                f"kiosk demo-data: {context.store_path} already holds real answers from guests.\n"
                "Demo answers would be mixed into the shop's results and can never be removed.\n"
                "Use another --data-dir, or add --force if you really mean it.\n"
            )
            return 1
        started = time.perf_counter()
        now = datetime.now(timezone.utc)
        settings = context.settings
        plan = DemoPlan(
            count=args.count,
            days=args.days,
            end=now,
            utc_offset_minutes=local_offset_minutes(now),
            kiosk_id=settings.kiosk.id,
            app_version=__version__,
            languages=settings.kiosk.languages,
            reason_ids=[reason.id for reason in settings.why.reasons],
        )
        answers = generate_answers(random.Random(args.seed), plan)
        added = 0
        for chunk in iter_chunks(answers, CHUNK):
            added += store.import_answers(chunk, origin="demo", enqueue=False)
        elapsed = time.perf_counter() - started
        log.info("added %d demo answers to %s in %.1f s", added, context.store_path, elapsed)
        sys.stdout.write(
            f"Added {added} demo answers over {args.days} day(s) to {context.store_path}"
            f" in {elapsed:.1f} s.\n"
        )
        return 0
    finally:
        context.close()
