"""``kiosk doctor``: one look at a counter, exit 1 when something is wrong."""

from __future__ import annotations

import json

from endpoint_server import TOKEN

from kiosk import __version__
from kiosk.app import display
from kiosk.commands import doctor
from kiosk.commands.main import main
from kiosk.store.pin import PinStore
from kiosk.store.recovery import open_store


def _config(data_dir, text: str = "") -> str:
    path = data_dir / "kiosk.toml"
    path.write_text('[kiosk]\nid = "test-kiosk"\n' + text, encoding="utf-8")
    return str(path)


def _store(data_dir, *, pin: str | None = "2468"):
    opened = open_store(data_dir / "kiosk.sqlite", "test-kiosk", __version__)
    try:
        opened.answers.record_score(9, "es")
        if pin:
            PinStore(opened.db, scrypt_n=2**8).set_pin(pin)
    finally:
        opened.db.close()


def _doctor(capsys, data_dir, config, *extra) -> tuple[int, dict]:
    code = main(["--config", config, "--data-dir", str(data_dir), "doctor", "--json", *extra])
    return code, json.loads(capsys.readouterr().out)


def _check(report: dict, name: str) -> dict:
    return next(c for c in report["checks"] if c["check"] == name)


def test_a_healthy_offline_kiosk_passes(capsys, data_dir):
    _store(data_dir)
    code, report = _doctor(capsys, data_dir, _config(data_dir))
    assert code == 0, report
    assert report["ok"] is True
    assert "1 answers, quick check ok" in _check(report, "store")["detail"]
    assert _check(report, "admin PIN")["ok"]
    assert "offline" in _check(report, "endpoint")["detail"]


def test_no_pin_fails_and_says_what_to_run(capsys, data_dir):
    _store(data_dir, pin=None)
    code, report = _doctor(capsys, data_dir, _config(data_dir))
    assert code == 1
    assert "kiosk set-pin" in _check(report, "admin PIN")["detail"]


def test_a_damaged_store_is_reported_and_left_as_it_is(capsys, data_dir):
    _store(data_dir)
    store = data_dir / "kiosk.sqlite"
    data = bytearray(store.read_bytes())
    data[4096 : 4096 * 2] = b"\xab" * 4096  # smash the second page
    store.write_bytes(bytes(data))
    code, report = _doctor(capsys, data_dir, _config(data_dir))
    assert code == 1
    assert not _check(report, "store")["ok"]
    assert store.read_bytes() == bytes(data)  # never changed, never set aside
    assert not (data_dir / "corrupt").exists()


def test_the_endpoint_and_token_are_tried_and_the_token_never_shown(capsys, data_dir, endpoint):
    _, _, server = endpoint
    _store(data_dir)
    good = _config(data_dir, f'[sync]\nendpoint = "{server.url}"\ntoken = "{TOKEN}"\n')
    code, report = _doctor(capsys, data_dir, good)
    assert code == 0, report
    assert "token accepted" in _check(report, "endpoint")["detail"]
    assert report["config"]["sync"]["token"] == doctor.MASK
    assert TOKEN not in json.dumps(report)

    bad = _config(data_dir, f'[sync]\nendpoint = "{server.url}"\ntoken = "wrong-token"\n')
    code, report = _doctor(capsys, data_dir, bad)
    assert code == 1
    assert "refused the token" in _check(report, "endpoint")["detail"]


def test_a_broken_config_is_named(capsys, data_dir):
    path = data_dir / "kiosk.toml"
    path.write_text("[kiosk]\nidd = 'x'\n", encoding="utf-8")
    code, report = _doctor(capsys, data_dir, str(path))
    assert code == 1
    detail = _check(report, "config")["detail"]
    assert str(path) in detail and "idd" in detail


def test_missing_xcb_libraries_are_named_with_their_packages(capsys, data_dir, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    lacking = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    monkeypatch.setattr(display, "_loadable", lambda name: name not in lacking)
    _store(data_dir)
    code, report = _doctor(capsys, data_dir, _config(data_dir))
    assert code == 1
    detail = _check(report, "qt libraries")["detail"]
    assert "libxcb-cursor.so.0" in detail and "libxcb-icccm.so.4" in detail
    assert "apt-get install libxcb-cursor0 libxcb-icccm4" in detail


def test_the_text_report_lists_every_check(capsys, data_dir):
    _store(data_dir)
    code = main(["--config", _config(data_dir), "--data-dir", str(data_dir), "doctor"])
    out = capsys.readouterr().out
    assert code == 0
    for name in ("config", "store", "queue", "admin PIN", "endpoint", "qt plugin", "disk"):
        assert name in out
    assert '[kiosk] id = "test-kiosk"' in out


def test_a_new_kiosk_without_a_store_still_needs_its_pin(capsys, data_dir):
    code, report = _doctor(capsys, data_dir, _config(data_dir))
    assert code == 1
    store = _check(report, "store")
    assert store["warning"] and "not created yet" in store["detail"]
    assert not _check(report, "admin PIN")["ok"]
    assert not (data_dir / "kiosk.sqlite").exists()  # doctor never creates the store
