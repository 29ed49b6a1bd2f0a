"""The central configuration on the kiosk's side, against the real service on 127.0.0.1:
fetched on the sync pass, 304 while unchanged, refused with the reason, last good kept on
disk through restarts and an unreachable endpoint, its version in the kiosk block."""

from __future__ import annotations

import json

import pytest
from endpoint_server import LiveServer, central
from helpers.clock import ManualClock
from helpers.sync import add_answers, sync_settings
from sync.test_schemas import _validator

from kiosk.app.context import Context
from kiosk.config.central import last_good_path, load_last_good
from kiosk.endpoint.store import config_layers
from kiosk.endpoint.store.engine import writing
from kiosk.sync.central_config import CentralConfigPoll
from kiosk.sync.protocol import answers_body
from kiosk.sync.worker import SyncWorker


class Recorder:
    """WSGI middleware noting each request's path, If-None-Match, status and body size."""

    def __init__(self, app) -> None:
        self.app = app
        self.seen: list[dict] = []

    def __call__(self, environ, start_response):
        entry = {"path": environ["PATH_INFO"], "etag": environ.get("HTTP_IF_NONE_MATCH")}
        if environ["PATH_INFO"] == "/v1/answers":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            raw = environ["wsgi.input"].read(length)
            entry["body"] = json.loads(raw)
            import io

            environ["wsgi.input"] = io.BytesIO(raw)

        def capture(status, headers, exc_info=None):
            entry["status"] = int(status.split()[0])
            return start_response(status, headers, exc_info)

        chunks = list(self.app(environ, capture))
        entry["bytes"] = sum(len(c) for c in chunks)
        self.seen.append(entry)
        return chunks

    def config_calls(self) -> list[dict]:
        return [e for e in self.seen if e["path"] == "/v1/config"]


@pytest.fixture
def service(tmp_path):
    store, app = central(tmp_path / "central.sqlite")
    recorder = Recorder(app)
    server = LiveServer(recorder)
    yield store, recorder, server
    server.stop()
    store.close()


def put(store, document, scope="kiosk", name="test-kiosk"):
    with writing(store.engine) as conn:
        return config_layers.set_layer(
            conn, "2026-12-01T00:00:00.000000Z", "t", scope, name, document
        )


@pytest.fixture
def worker_with(answer_store, data_dir):
    made = []

    def make(url: str, **poll_options):
        settings = sync_settings(url)
        poll = CentralConfigPoll(data_dir, **poll_options)
        worker = SyncWorker(
            settings, answer_store.db, token=settings.sync.token, clock=ManualClock(), central=poll
        )
        made.append(worker)
        return worker, poll

    yield make
    for worker in made:
        worker.client.close()


def test_a_new_config_is_kept_and_an_unchanged_one_is_a_304_with_nothing_sent(
    service, worker_with, data_dir
):
    store, recorder, server = service
    version = put(store, {"thanks": {"seconds": 5}, "question": {"text": {"en": "How was it?"}}})
    offered = []
    worker, poll = worker_with(server.url, on_new=offered.append)
    worker.run_once()
    assert [c.version for c in offered] == [version]
    assert load_last_good(data_dir).document["thanks"] == {"seconds": 5}
    stamp = last_good_path(data_dir).stat().st_mtime_ns

    worker.run_once()
    calls = recorder.config_calls()
    assert calls[0]["etag"] is None and calls[0]["status"] == 200
    assert calls[1]["etag"] == f'"{version}"'
    assert calls[1]["status"] == 304 and calls[1]["bytes"] == 0
    assert len(offered) == 1  # nothing new offered
    assert last_good_path(data_dir).stat().st_mtime_ns == stamp  # nor written


def test_an_invalid_config_is_refused_with_the_reason_and_the_last_good_kept(
    service, worker_with, data_dir
):
    store, recorder, server = service
    good = put(store, {"thanks": {"seconds": 5}})
    refused = []
    worker, poll = worker_with(server.url, on_refused=lambda v, why: refused.append((v, why)))
    worker.run_once()
    # set in the store directly (set-config would refuse it): a value out of range and a key
    # the central layer may not set
    for document, words in (
        ({"thanks": {"seconds": 0}}, "[thanks] seconds"),
        ({"sync": {"endpoint": "https://evil.example"}}, "may not set"),
    ):
        bad = put(store, document)
        worker.run_once()
        assert refused[-1][0] == bad and words in refused[-1][1]
        assert load_last_good(data_dir).version == good
    # a refused version is not fetched again and again: If-None-Match names it
    worker.run_once()
    assert recorder.config_calls()[-1]["status"] == 304
    assert len(refused) == 2


def test_the_last_good_survives_a_restart_and_an_unreachable_endpoint(
    service, worker_with, data_dir, tmp_path, monkeypatch
):
    monkeypatch.setenv("KIOSK_SYSTEM_CONFIG", str(tmp_path / "no-system.toml"))
    (tmp_path / "no-system.toml").write_text("", encoding="utf-8")
    store, _recorder, server = service
    version = put(store, {"kiosk": {"shop_name": "Cadena"}, "timeouts": {"idle_seconds": 45}})
    worker, _ = worker_with(server.url)
    worker.run_once()
    server.stop()  # the endpoint is gone (offline days)
    worker, poll = worker_with(server.url)  # a restart
    assert poll.last_good.version == version
    worker.run_once()  # unreachable: nothing changes, nothing raised
    assert load_last_good(data_dir).version == version
    ctx = Context.from_options(None, str(data_dir))
    try:
        assert ctx.settings.kiosk.shop_name == "Cadena"
        assert ctx.settings.timeouts.idle_seconds == 45.0
        assert ctx.merged.origin("[kiosk] shop_name")[0] == "central"
    finally:
        ctx.close()


def test_a_damaged_last_good_file_is_ignored(data_dir):
    last_good_path(data_dir).write_text("{not json", encoding="utf-8")
    assert load_last_good(data_dir) is None
    last_good_path(data_dir).write_text(
        json.dumps({"version": "v1", "config": {"sync": {"token": "x"}}}), encoding="utf-8"
    )
    assert load_last_good(data_dir) is None  # not a key central may set


def test_the_kiosk_block_reports_the_version_it_runs_with(service, worker_with, answer_store):
    store, recorder, server = service
    version = put(store, {"thanks": {"seconds": 5}})
    worker, poll = worker_with(server.url)
    worker.run_once()
    worker.running_config(poll.last_good.version)  # the app applied it
    add_answers(answer_store, 2)
    worker.run_once()
    sent = [e for e in recorder.seen if e["path"] == "/v1/answers"]
    assert sent and sent[-1]["status"] == 200
    assert sent[-1]["body"]["kiosk"]["config_version"] == version
    _validator("answers-request.json").validate(sent[-1]["body"])
    _validator("answers-request.json").validate(answers_body(worker.kiosk, []))
