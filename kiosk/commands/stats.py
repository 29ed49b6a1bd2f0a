"""``kiosk stats [--since --until] [--include-flagged] [--json]``: the dashboard's numbers."""

from __future__ import annotations

import argparse
import json
import sys

from kiosk.app.context import Context
from kiosk.core.nps import shown_margin
from kiosk.core.stats import DashboardStats
from kiosk.store.integrity import check_at_start
from kiosk.store.stats import dashboard_stats


def main(args: argparse.Namespace) -> int:
    context = Context.from_args(args)
    try:
        # Read-only: the store is never changed (not even checkpointed); checked when small
        # enough to check quickly, and a damaged page met later is reported the same way.
        stats = dashboard_stats(
            context.store(check=check_at_start(context.store_path), read_only=True).db,
            args.since,
            args.until,
            include_flagged=bool(getattr(args, "include_flagged", False)),
            offline=not context.settings.sync.endpoint,
        )
    finally:
        context.close()
    if getattr(args, "json", False):
        sys.stdout.write(json.dumps(stats.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_text(stats))
    return 0


def render_text(stats: DashboardStats) -> str:
    """A short human summary for a terminal."""
    s = stats.summary
    lines = [
        f"Period: {stats.since} .. {stats.until}"
        f"{' (flagged included)' if stats.include_flagged else ''}"
    ]
    if s.total == 0:
        lines.append("No answers.")
    elif not s.enough_answers:
        lines.append(f"NPS: too few answers ({s.total}) for a reliable score")
    else:
        margin, digits = shown_margin(s.margin_of_error)
        lines.append(f"NPS: {s.nps:+.0f} ± {margin:.{digits}f}  ({s.total} answers)")
    if stats.change is not None:
        lines.append(f"Change vs previous period: {stats.change:+.1f} points")
    for label, n in (
        ("Promoters", s.promoters),
        ("Passives", s.passives),
        ("Detractors", s.detractors),
    ):
        share = 100.0 * n / s.total if s.total else 0.0
        lines.append(f"  {label:<11} {n:>8}  {share:5.1f} %")
    lines.append("Scores 0-10: " + " ".join(str(n) for n in stats.distribution))
    for category, ranked in stats.reasons.items():
        if ranked:
            top = ", ".join(f"{reason} ({n})" for reason, n in ranked[:5])
            lines.append(f"Reasons ({category}): {top}")
    lines.append(f"Flagged answers (counted apart): {stats.flagged}")
    sync = stats.sync
    if not sync.offline:
        lines.append(f"Sync: {sync.pending} pending, {sync.quarantined} quarantined")
    else:
        lines.append("Sync: off (no endpoint configured)")
    return "\n".join(lines) + "\n"
