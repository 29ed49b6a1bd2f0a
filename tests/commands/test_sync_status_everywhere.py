"""One sync status, read once: ``kiosk stats``, ``kiosk status`` and the dashboard agree."""

from __future__ import annotations

import json

from kiosk import __version__
from kiosk.app.admin_services import build
from kiosk.commands.main import main
from kiosk.config import load_settings
from kiosk.core.answer import Completion
from kiosk.core.sync import OutboxKind
from kiosk.store import outbox
from kiosk.store.recovery import open_store


def _run_json(capsys, *argv) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_one_quarantined_alert_is_counted_alike_everywhere(data_dir, capsys):
    config = data_dir / "kiosk.toml"
    config.write_text(
        '[kiosk]\nid = "test-kiosk"\n[sync]\nendpoint = "http://127.0.0.1:9"\n', encoding="utf-8"
    )
    opened = open_store(data_dir / "kiosk.sqlite", "test-kiosk", __version__)
    try:
        answer = opened.answers.record_score(2, "es", alert_kinds=(OutboxKind.ALERT,))
        opened.answers.complete(answer.id, Completion.SKIPPED)
        with opened.db.transaction() as con:
            [alert] = outbox.claim_due(con, (OutboxKind.ALERT,), answer.created_utc, 10)
            outbox.quarantine(con, alert.id, "rejected: test")
        services = build(opened.db, load_settings(config), config)
        dashboard = services.stats(None, None, False).sync
        screen = services.sync_status()
    finally:
        opened.db.close()

    options = ["--config", str(config), "--data-dir", str(data_dir)]
    stats = _run_json(capsys, *options, "stats", "--json")["sync"]
    status = _run_json(capsys, *options, "status", "--json")

    for shown in (stats, status, dashboard.as_dict(), screen.as_dict()):
        assert shown["quarantined"] == 1, shown
        assert shown["quarantined_alerts"] == 1
        assert shown["pending"] == 1  # the answer itself still waits
        assert shown["pending_answers"] == 1 and shown["pending_alerts"] == 0
        assert shown["offline"] is False
