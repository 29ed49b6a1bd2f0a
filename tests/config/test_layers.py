"""Fleet configuration: system file < device file < central < environment < --set flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.commands import main as cli
from kiosk.config import ConfigError, load_settings
from kiosk.config.layers import (
    CENTRAL,
    DEVICE,
    ENV_SYSTEM_CONFIG,
    MASK,
    document_layer,
    env_layer,
    flag_layer,
    load_layers,
    system_config_path,
)


@pytest.fixture
def files(tmp_path, monkeypatch):
    for variable in list(__import__("os").environ):
        if variable.upper().startswith("KIOSK__"):
            monkeypatch.delenv(variable)
    system = tmp_path / "system.toml"
    device = tmp_path / "device" / "kiosk.toml"
    device.parent.mkdir()
    monkeypatch.setenv(ENV_SYSTEM_CONFIG, str(system))
    return system, device


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_each_layer_wins_over_the_ones_below_key_by_key(files):
    system, device = files
    write(system, '[kiosk]\nshop_name = "Fleet"\nsite = "north"\n[thanks]\nseconds = 5\n')
    write(device, '[kiosk]\nshop_name = "Corner shop"\n[thanks]\nseconds_with_qr = 20\n')
    environ = {
        ENV_SYSTEM_CONFIG: str(system),
        "KIOSK__THANKS__SECONDS": "6.5",
        "KIOSK__SYNC__ENDPOINT": "https://env.example",
    }
    merged = load_layers(
        device, False, environ=environ, assignments=["sync.endpoint=https://flag.example/"]
    )
    s = merged.settings
    assert s.kiosk.site == "north"  # system only
    assert s.kiosk.shop_name == "Corner shop"  # device over system
    assert s.thanks.seconds == 6.5  # environment over system
    assert s.thanks.seconds_with_qr == 20.0
    assert s.sync.endpoint == "https://flag.example"  # flag over environment, read by its kind
    assert s.path == device
    assert merged.origin("[kiosk] site") == ("system", str(system))
    assert merged.origin("[kiosk] shop_name") == ("device", str(device))
    assert merged.origin("[thanks] seconds") == ("env", "KIOSK__THANKS__SECONDS")
    assert merged.origin("[sync] endpoint") == ("flag", "--set sync.endpoint")
    assert merged.origin("[kiosk] id") == ("default", "built-in")


def test_system_path_per_platform():
    assert system_config_path({}, "linux") == Path("/etc/kiosk/config.toml")
    windows = system_config_path({"PROGRAMDATA": "D:\\PD"}, "win32")
    assert windows.name == "config.toml" and windows.parent.name == "kiosk"
    assert system_config_path({ENV_SYSTEM_CONFIG: "/x/s.toml"}, "linux") == Path("/x/s.toml")
    assert system_config_path({ENV_SYSTEM_CONFIG: ""}, "linux") is None  # none at all


def test_absent_system_file_is_fine_unless_named(files, tmp_path):
    _, device = files
    assert load_layers(device, False, environ={}).settings.kiosk.shop_name == "Café Demo"
    with pytest.raises(ConfigError, match="does not exist") as refused:
        load_layers(device, False, environ={ENV_SYSTEM_CONFIG: str(tmp_path / "nope.toml")})
    assert refused.value.path == str(tmp_path / "nope.toml")


def test_errors_name_the_file_variable_or_flag_and_the_key(files):
    system, device = files
    write(system, "[thanks]\nseconds = 0.5\n")
    with pytest.raises(ConfigError) as refused:
        load_layers(device, False, environ={ENV_SYSTEM_CONFIG: str(system)})
    assert (refused.value.path, refused.value.key) == (str(system), "[thanks] seconds")

    with pytest.raises(ConfigError) as refused:
        env_layer({"KIOSK__THANKS__SECONDS": "many"})
    assert refused.value.path == "KIOSK__THANKS__SECONDS"
    assert refused.value.key == "[thanks] seconds" and "Expected a number" in refused.value.problem

    with pytest.raises(ConfigError, match="did you mean endpoint") as refused:
        env_layer({"KIOSK__SYNC__ENDPONT": "https://x.example"})
    assert refused.value.path == "KIOSK__SYNC__ENDPONT"

    with pytest.raises(ConfigError) as refused:
        flag_layer(['kiosk.languages=["es", "zz"]'])
    assert refused.value.path == "--set kiosk.languages"
    with pytest.raises(ConfigError, match="section.key=value"):
        flag_layer(["sync.endpoint"])
    with pytest.raises(ConfigError, match="Unknown setting nope"):
        flag_layer(["nope.x=1"])


def test_rules_between_settings_are_checked_on_the_merge_and_name_the_culprit(files):
    system, device = files
    write(system, '[kiosk]\nlanguages = ["es"]\n')
    with pytest.raises(ConfigError, match="default language must be one") as refused:
        load_layers(
            device,
            False,
            environ={ENV_SYSTEM_CONFIG: str(system)},
            assignments=["kiosk.default_language=en"],
        )
    assert refused.value.path == "--set kiosk.default_language"


def test_typed_values_from_the_environment(files):
    layer = env_layer(
        {
            "kiosk__kiosk__fullscreen": "false",
            "KIOSK__WHY__REASONS": '["speed"]',
            "KIOSK__QUESTION__TEXT": '{ es = "¿Qué tal?" }',
        }
    )
    assert layer.values["kiosk"]["fullscreen"] is False
    assert [r.id for r in layer.values["why"]["reasons"]] == ["speed"]
    assert layer.values["question"]["text"] == {"es": "¿Qué tal?"}
    assert env_layer({"KIOSK_CONFIG": "/x", "KIOSK_DATA_DIR": "/y"}).values == {}


def test_central_layer_may_set_only_its_subset():
    layer = document_layer(
        CENTRAL,
        {"question": {"text": {"en": "How was it?"}}, "kiosk": {"shop_name": "Chain"}},
        "central",
    )
    assert layer.values["kiosk"]["shop_name"] == "Chain"
    for document, key in [
        ({"sync": {"endpoint": "https://evil.example"}}, "[sync]"),
        ({"kiosk": {"id": "other"}}, "[kiosk] id"),
    ]:
        with pytest.raises(ConfigError, match="central configuration may not set") as refused:
            document_layer(CENTRAL, document, "central")
        assert refused.value.key == key


def run_show(capsys, data: Path, *argv: str) -> str:
    assert cli.main(["--data-dir", str(data), "config", "show", *argv]) == 0
    return capsys.readouterr().out


def test_config_show_prints_values_origins_and_masks_secrets(files, capsys, monkeypatch):
    system, device = files
    write(
        system,
        '[sync]\ntoken = "s3cret-token"\n[alerts]\nwebhook_url = "https://hooks.example/T0/abc"\n',
    )
    write(device, '[kiosk]\nshop_name = "Corner"\n')
    monkeypatch.setenv("KIOSK__THANKS__SECONDS", "9")
    text = run_show(capsys, device.parent, "--set", "timeouts.idle_seconds=30")
    assert "s3cret" not in text and "hooks.example" not in text
    assert f'token = "{MASK}"  # system: {system}' in text
    assert f'shop_name = "Corner"  # device: {device}' in text
    assert "seconds = 9.0  # env: KIOSK__THANKS__SECONDS" in text
    assert "idle_seconds = 30.0  # flag: --set timeouts.idle_seconds" in text
    assert 'id = "kiosk-1"  # default' in text

    data = json.loads(run_show(capsys, device.parent, "--json"))
    rows = {(r["section"], r["name"]): r for r in data["settings"]}
    assert rows["sync", "token"]["value"] == MASK and rows["sync", "token"]["origin"] == "system"
    assert rows["kiosk", "shop_name"]["origin"] == "device"
    assert data["files"]["system"] == str(system)


def test_config_show_reports_a_bad_variable(files, capsys, monkeypatch):
    system, device = files
    write(system, "")
    monkeypatch.setenv("KIOSK__THANKS__SECONDS", "0")
    assert cli.main(["--data-dir", str(device.parent), "config", "show"]) == 2
    err = capsys.readouterr().err
    assert "KIOSK__THANKS__SECONDS" in err and "[thanks] seconds" in err


def test_the_owners_save_writes_the_device_file_only(files, opened_store):
    from kiosk.app.admin_services import build

    system, device = files
    write(system, '[kiosk]\nshop_name = "Fleet"\n[thanks]\nseconds = 5\n')
    write(device, '[kiosk]\naccent_colour = "#123456"\n')
    merged = load_layers(device, False, environ={ENV_SYSTEM_CONFIG: str(system)})
    remembered = []
    services = build(
        opened_store.db,
        merged.settings,
        device,
        layers=lambda: merged,
        remember_layers=remembered.append,
    )
    # the form sends everything it shows, system values included; the owner changed one
    form = {"kiosk": {"shop_name": "Fleet", "accent_colour": "#123456"}, "thanks": {"seconds": 8}}
    saved = services.save_settings(form)
    on_disk = load_settings(device)
    assert on_disk.thanks.seconds == 8.0 and on_disk.kiosk.accent_colour == "#123456"
    assert "shop_name" not in device.read_text(encoding="utf-8")  # not frozen into the device
    assert system.read_text(encoding="utf-8").count("Fleet") == 1
    assert saved.kiosk.shop_name == "Fleet" and saved.thanks.seconds == 8.0
    assert remembered[0].origin("[thanks] seconds") == (DEVICE, str(device))
