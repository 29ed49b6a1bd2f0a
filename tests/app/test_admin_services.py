"""The admin's services: the connection test reads the token exactly as the sync does."""

from __future__ import annotations

from dataclasses import replace

from endpoint_server import TOKEN

from kiosk.app.admin_services import build
from kiosk.config import KioskSection, Settings, SyncSection


def _services(opened_store, data_dir, sync: SyncSection):
    # The test endpoint binds TOKEN to the kiosk "test-kiosk".
    settings = replace(Settings(), kiosk=KioskSection(id="test-kiosk"), sync=sync)
    return build(opened_store.db, settings, data_dir / "kiosk.toml", scrypt_n=2**8)


def test_the_connection_test_finds_a_token_file_in_the_home_folder(
    endpoint, opened_store, data_dir, tmp_path, monkeypatch
):
    # Issue 8: `token_file = "~/kiosk-token"` failed the test while the sync worked.
    _, _, server = endpoint
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    token_file = home / "kiosk-token"
    token_file.write_text(f"  {TOKEN}  \n", encoding="utf-8")
    token_file.chmod(0o600)
    services = _services(
        opened_store, data_dir, SyncSection(endpoint=server.url, token_file="~/kiosk-token")
    )
    assert services.test_connection(server.url, "") == (True, "ok")


def test_a_typed_token_with_spaces_around_it_is_sent_as_the_sync_sends_it(
    endpoint, opened_store, data_dir
):
    _, _, server = endpoint
    services = _services(opened_store, data_dir, SyncSection(endpoint=server.url))
    assert services.test_connection(server.url, f"  {TOKEN}\t") == (True, "ok")


def test_a_refused_token_file_is_reported_not_sent(endpoint, opened_store, data_dir):
    _, _, server = endpoint
    shadow = data_dir / "shadow"
    shadow.write_text("a:b\nc:d\n", encoding="utf-8")
    shadow.chmod(0o600)
    services = _services(
        opened_store, data_dir, SyncSection(endpoint=server.url, token_file=str(shadow))
    )
    ok, message = services.test_connection(server.url, "")
    assert not ok and "one token on one line" in message
    assert server_saw_no_request(endpoint)


def server_saw_no_request(endpoint) -> bool:
    store, _, _ = endpoint
    return store.answer_ids() == []
