"""``kiosk sync --once`` and ``kiosk status`` through the real command line entry point."""

from __future__ import annotations

import json

import pytest
from endpoint_server import TOKEN
from helpers.sync import add_answers

from kiosk import __version__
from kiosk.commands.main import main
from kiosk.store.recovery import open_store

pytestmark = pytest.mark.usefixtures("close_kiosk_log_handlers")  # commands log to files


def write_config(folder, url: str = "", token: str = TOKEN):
    path = folder / "kiosk.toml"
    text = '[kiosk]\nid = "test-kiosk"\nsite = "shop-1"\n'
    if url:
        (folder / "token.txt").write_text(token + "\n", encoding="utf-8")
        (folder / "token.txt").chmod(0o600)
        text += f'[sync]\nendpoint = "{url}"\ntoken_file = "token.txt"\n'
        text += "connect_timeout = 0.5\nread_timeout = 0.5\n"
    path.write_text(text, encoding="utf-8")
    return path


def fill(data_dir, n: int) -> list[str]:
    opened = open_store(data_dir / "kiosk.sqlite", "test-kiosk", __version__)
    try:
        return add_answers(opened.answers, n)
    finally:
        opened.db.close()


def run(capsys, data_dir, config, *argv) -> tuple[int, str]:
    code = main(["--config", str(config), "--data-dir", str(data_dir), *argv])
    return code, capsys.readouterr().out


def test_sync_once_sends_everything_and_exits_0(endpoint, data_dir, capsys):
    store, _, server = endpoint
    ids = fill(data_dir, 12)
    config = write_config(data_dir, server.url)
    code, out = run(capsys, data_dir, config, "sync", "--once")
    assert code == 0, out
    assert "pending: 0" in out
    assert sorted(store.answer_ids()) == sorted(ids)
    code, out = run(capsys, data_dir, config, "status", "--json")
    status = json.loads(out)
    assert status["pending"] == 0 and status["mode"] == "online" and status["last_success"]


def test_sync_once_exits_1_while_something_is_left(endpoint, data_dir, capsys):
    _, faults, server = endpoint
    fill(data_dir, 3)
    config = write_config(data_dir, server.url)
    faults.down = True
    code, out = run(capsys, data_dir, config, "sync", "--once")
    assert code == 1 and "pending: 3" in out
    code, out = run(capsys, data_dir, config, "status")
    assert code == 0
    assert "pending:      3" in out and "503" in out
    assert TOKEN not in out


def test_a_refused_token_shows_in_status(endpoint, data_dir, capsys):
    _, _, server = endpoint
    fill(data_dir, 1)
    config = write_config(data_dir, server.url, token="not-the-token")
    assert run(capsys, data_dir, config, "sync", "--once")[0] == 1
    code, out = run(capsys, data_dir, config, "status")
    assert "refuses this kiosk's token" in out
    log_text = (data_dir / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "401" in log_text and "not-the-token" not in log_text


def test_status_without_an_endpoint_is_offline_mode_not_an_error(data_dir, capsys):
    fill(data_dir, 2)
    config = write_config(data_dir)
    code, out = run(capsys, data_dir, config, "status")
    assert code == 0
    assert "offline mode (no endpoint configured)" in out
    assert "last error:   none" in out
    code, out = run(capsys, data_dir, config, "status", "--json")
    assert json.loads(out)["offline"] is True and json.loads(out)["pending"] == 2
    code, out = run(capsys, data_dir, config, "sync", "--once")
    assert code == 1 and "offline mode" in out


def test_status_tells_it_about_the_store(data_dir, capsys, answer_store):
    """What IT asks first: where the store is, how big, how much room is left, the last answer."""
    from kiosk.core.answer import Completion

    answer = answer_store.record_score(9, "es")
    answer_store.complete(answer.id, Completion.SKIPPED)
    answer_store.db.close()
    config = data_dir / "kiosk.toml"
    config.write_text("[kiosk]\nid = 'test-kiosk'\n", encoding="utf-8")
    code, out = run(capsys, data_dir, config, "status", "--json")
    assert code == 0
    store = json.loads(out)["store"]
    assert store["path"].endswith("kiosk.sqlite") and store["size_bytes"] > 0
    assert store["guest_answers"] == 1 and store["demo_answers"] == 0
    assert store["last_answer_utc"].startswith(answer.created_utc.strftime("%Y-%m-%dT%H:%M"))
    assert store["disk_free_bytes"] > 0
    code, out = run(capsys, data_dir, config, "status")
    assert "store:" in out and "1 from guests" in out


def test_a_token_file_others_can_read_is_refused_by_sync(endpoint, data_dir, capsys):
    _, _, server = endpoint
    fill(data_dir, 1)
    config = write_config(data_dir, server.url)
    (data_dir / "token.txt").chmod(0o644)
    code = main(["--config", str(config), "--data-dir", str(data_dir), "sync", "--once"])
    captured = capsys.readouterr()
    assert code == 2
    assert "readable by other users" in captured.err
    assert TOKEN not in captured.err + captured.out


def test_sync_once_against_a_dripping_endpoint_ends_within_the_deadline(data_dir, capsys):
    """Issue 9: a reply sent a byte every 0.2 s kept ``kiosk sync --once`` running for
    minutes; one deadline per request (0.5 + 2 x 0.5 s here) now ends it."""
    import time

    from helpers.drip import DripServer

    fill(data_dir, 3)
    server = DripServer(interval=0.2)
    config = write_config(data_dir, server.url)
    try:
        started = time.monotonic()
        code, out = run(capsys, data_dir, config, "sync", "--once")
        elapsed = time.monotonic() - started
    finally:
        server.stop()
    assert code == 1
    assert "pending: 3" in out and "within" in out
    assert elapsed < 1.5 + 1.5  # one request's deadline, plus start-up and the store
