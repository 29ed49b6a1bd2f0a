"""The TOML configuration: every error names the file and the key, every default is documented."""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields, replace
from pathlib import Path

import pytest

from kiosk import config
from kiosk.config import (
    ConfigError,
    Settings,
    load_for_path,
    load_settings,
    resolve_config_path,
    save_settings,
    settings_to_dict,
)
from kiosk.core.reasons import DEFAULT_REASON_IDS, Reason

ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path: Path, text: str, name: str = "kiosk.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> ConfigError:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    error = info.value
    assert error.path == str(path)
    assert str(path) in str(error)  # the message names the file...
    assert error.key in str(error)  # ...and the key
    return error


# --- the file itself -----------------------------------------------------------------------


def test_no_path_gives_the_demo_defaults():
    settings = load_settings(None)
    assert settings == Settings()
    assert settings.path is None
    assert settings.kiosk.languages == ("es", "en")
    assert [r.id for r in settings.why.reasons] == list(DEFAULT_REASON_IDS)


def test_empty_file_gives_defaults_and_remembers_its_path(tmp_path):
    path = write(tmp_path, "")
    settings = load_settings(path)
    assert settings == Settings()
    assert settings.path == path


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="no such file") as info:
        load_settings(tmp_path / "nope.toml")
    assert info.value.key == "(file)"
    assert "nope.toml" in str(info.value)


def test_syntax_error_names_the_file_and_line(tmp_path):
    error = error_for(tmp_path, "[kiosk]\nshop_name = = 'x'\n")
    assert error.key == "(syntax)"
    assert "line 2" in error.problem


def test_not_utf8(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_bytes("[kiosk]\nshop_name = 'Caf\xe9'\n".encode("latin-1"))
    with pytest.raises(ConfigError, match="UTF-8"):
        load_settings(path)


def test_a_folder_instead_of_a_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings(tmp_path)


# --- unknown keys -----------------------------------------------------------------------------


def test_unknown_section_with_suggestion(tmp_path):
    error = error_for(tmp_path, "[timeout]\nidle_seconds = 30\n")
    assert error.key == "[timeout]"
    assert "unknown key" in error.problem
    assert "'timeouts'" in error.problem


def test_unknown_key_with_suggestion(tmp_path):
    error = error_for(tmp_path, "[kiosk]\nshop_nmae = 'Bar'\n")
    assert error.key == "[kiosk] shop_nmae"
    assert "did you mean 'shop_name'?" in error.problem


def test_unknown_key_without_close_match_lists_the_known_ones(tmp_path):
    error = error_for(tmp_path, "[thanks]\nzzz = 1\n")
    assert error.key == "[thanks] zzz"
    assert "expected one of text, seconds" in error.problem


def test_top_level_key_that_belongs_in_a_section(tmp_path):
    error = error_for(tmp_path, "shop_name = 'Bar'\n")
    assert error.key == "[shop_name]"


def test_section_that_is_not_a_table(tmp_path):
    error = error_for(tmp_path, "kiosk = 3\n")
    assert error.key == "[kiosk]"
    assert "expected a table" in error.problem


# --- types and ranges ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("[kiosk]\nfullscreen = 'yes'\n", "[kiosk] fullscreen", "expected true or false"),
        ("[abuse]\nburst_count = 4.5\n", "[abuse] burst_count", "expected a whole number"),
        ("[abuse]\nburst_count = true\n", "[abuse] burst_count", "expected a whole number"),
        ("[thanks]\nseconds = '4'\n", "[thanks] seconds", "expected a number"),
        ("[timeouts]\nidle_seconds = false\n", "[timeouts] idle_seconds", "expected a number"),
        ("[kiosk]\nshop_name = 12\n", "[kiosk] shop_name", "expected a string"),
        ("[kiosk]\nlanguages = 'es'\n", "[kiosk] languages", "expected a list of strings"),
        ("[kiosk]\nlanguages = ['es', 1]\n", "[kiosk] languages", "expected a list of strings"),
    ],
)
def test_wrong_types(tmp_path, text, key, expected):
    error = error_for(tmp_path, text)
    assert error.key == key
    assert expected in error.problem


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[timeouts]\nidle_seconds = 4\n", "[timeouts] idle_seconds"),
        ("[timeouts]\nidle_seconds = 601\n", "[timeouts] idle_seconds"),
        ("[timeouts]\nidle_seconds = nan\n", "[timeouts] idle_seconds"),
        ("[thanks]\nseconds = inf\n", "[thanks] seconds"),
        ("[abuse]\nburst_count = 1\n", "[abuse] burst_count"),
        ("[sync]\nbatch_size = 0\n", "[sync] batch_size"),
        ("[sync]\nconnect_timeout = 0\n", "[sync] connect_timeout"),
        ("[why]\ncomment_max_length = 2001\n", "[why] comment_max_length"),
        ("[admin]\nhold_seconds = 0.5\n", "[admin] hold_seconds"),
    ],
)
def test_out_of_range(tmp_path, text, key):
    error = error_for(tmp_path, text)
    assert error.key == key
    assert "expected a value from" in error.problem


def test_range_bounds_are_inclusive_and_ints_are_accepted_for_floats(tmp_path):
    path = write(tmp_path, "[timeouts]\nidle_seconds = 5\n[thanks]\nseconds = 60\n")
    settings = load_settings(path)
    assert settings.timeouts.idle_seconds == 5.0
    assert isinstance(settings.timeouts.idle_seconds, float)
    assert settings.thanks.seconds == 60.0


def test_every_range_names_a_real_numeric_key():
    defaults = Settings()
    for dotted in config._RANGES:
        section, key = dotted.split(".")
        value = getattr(getattr(defaults, section), key)
        assert isinstance(value, int | float) and not isinstance(value, bool), dotted
        low, high = config._RANGES[dotted]
        assert low <= value <= high, f"default of {dotted} is outside its own range"


# --- strings with a shape -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["ftp://example.org", "example.org/v1", "https://", "javascript:alert(1)", "http:/x"]
)
def test_bad_urls(tmp_path, url):
    error = error_for(tmp_path, f"[sync]\nendpoint = '{url}'\n")
    assert error.key == "[sync] endpoint"
    assert "http:// or https:// URL" in error.problem
    error = error_for(tmp_path, f"[alerts]\nwebhook_url = '{url}'\n")
    assert error.key == "[alerts] webhook_url"


def test_credentials_in_an_address_are_refused_without_echoing_them(tmp_path):
    error = error_for(tmp_path, "[sync]\nendpoint = 'https://shop:hunter22@nps.example.org'\n")
    assert error.key == "[sync] endpoint"
    assert error.code == "url_credentials"
    assert "hunter22" not in str(error)


def test_endpoint_loses_its_trailing_slash_and_enables_sync(tmp_path):
    settings = load_settings(write(tmp_path, "[sync]\nendpoint = 'https://nps.example.org/'\n"))
    assert settings.sync.endpoint == "https://nps.example.org"
    assert settings.sync.enabled
    assert not Settings().sync.enabled


def test_webhook_url_is_kept_as_given(tmp_path):
    url = "https://hooks.example.org/services/T0/B0/"
    settings = load_settings(write(tmp_path, f"[alerts]\nwebhook_url = '{url}'\n"))
    assert settings.alerts.webhook_url == url


@pytest.mark.parametrize("colour", ["red", "#12345", "#1234567", "#ggg000", "1f5fa8"])
def test_bad_accent_colour(tmp_path, colour):
    error = error_for(tmp_path, f"[kiosk]\naccent_colour = '{colour}'\n")
    assert error.key == "[kiosk] accent_colour"


@pytest.mark.parametrize("kiosk_id", ["", "has space", "a/b", "x" * 65])
def test_bad_kiosk_id(tmp_path, kiosk_id):
    error = error_for(tmp_path, f"[kiosk]\nid = '{kiosk_id}'\n")
    assert error.key == "[kiosk] id"


# --- languages and per-language texts ---------------------------------------------------


def test_unsupported_language(tmp_path):
    error = error_for(tmp_path, "[kiosk]\nlanguages = ['es', 'fr']\n")
    assert error.key == "[kiosk] languages"
    assert "'fr'" in error.problem


def test_no_language(tmp_path):
    error = error_for(tmp_path, "[kiosk]\nlanguages = []\n")
    assert error.key == "[kiosk] languages"


def test_default_language_must_be_enabled(tmp_path):
    error = error_for(tmp_path, "[kiosk]\nlanguages = ['en']\n")
    assert error.key == "[kiosk] default_language"
    settings = load_settings(write(tmp_path, "[kiosk]\nlanguages = ['en']\ndefault_language = 'en'\n"))
    assert settings.kiosk.languages == ("en",)


def test_per_language_table(tmp_path):
    text = "[question]\ntext = { es = '¿Nos recomendarías?', en = 'Would you recommend us?' }\n"
    settings = load_settings(write(tmp_path, text))
    assert settings.question.text == {"es": "¿Nos recomendarías?", "en": "Would you recommend us?"}


def test_plain_string_serves_every_language(tmp_path):
    settings = load_settings(write(tmp_path, "[thanks]\ntext = '¡Gracias! Thank you!'\n"))
    assert settings.thanks.text == {"es": "¡Gracias! Thank you!", "en": "¡Gracias! Thank you!"}


def test_per_language_table_with_unknown_language(tmp_path):
    error = error_for(tmp_path, "[question]\ntext = { es = 'Hola', fr = 'Salut' }\n")
    assert error.key == "[question] text.fr"
    assert "unknown language" in error.problem


def test_per_language_empty_text(tmp_path):
    error = error_for(tmp_path, "[thanks]\ntext = { es = '  ' }\n")
    assert error.key == "[thanks] text.es"


def test_per_language_wrong_type(tmp_path):
    error = error_for(tmp_path, "[thanks]\ntext = 3\n")
    assert error.key == "[thanks] text"


# --- reasons ---------------------------------------------------------------------------------


def test_reasons_mix_builtin_ids_and_custom_tables(tmp_path):
    text = """
[why]
reasons = [
  "speed",
  { id = "parking", es = "Estacionamiento", en = "Parking" },
  { id = "price", es = "Precios" },
]
"""
    reasons = load_settings(write(tmp_path, text)).why.reasons
    assert reasons == (
        Reason("speed"),
        Reason("parking", {"es": "Estacionamiento", "en": "Parking"}),
        Reason("price", {"es": "Precios"}),
    )
    assert reasons[0].builtin and not reasons[1].builtin


def test_empty_reason_list_is_allowed(tmp_path):
    assert load_settings(write(tmp_path, "[why]\nreasons = []\n")).why.reasons == ()


@pytest.mark.parametrize(
    ("value", "key", "expected"),
    [
        ("'speed'", "[why] reasons", "expected a list"),
        ("['sped']", "[why] reasons[0]", "unknown built-in reason 'sped'"),
        ("['speed', 3]", "[why] reasons[1]", "expected a reason id or a table"),
        ("[{ id = 'Parking', en = 'Parking' }]", "[why] reasons[0].id", "expected an id"),
        ("[{ en = 'Parking' }]", "[why] reasons[0].id", "expected an id"),
        ("[{ id = 'wifi' }]", "[why] reasons[0]", "needs a label"),
        ("[{ id = 'wifi', fr = 'Wifi' }]", "[why] reasons[0].fr", "unknown key"),
        ("[{ id = 'wifi', es = '' }]", "[why] reasons[0].es", "non-empty"),
        ("['speed', 'speed']", "[why] reasons[1]", "listed twice"),
        ("['speed', { id = 'speed', es = 'Rapidez' }]", "[why] reasons[1]", "listed twice"),
    ],
)
def test_bad_reasons(tmp_path, value, key, expected):
    error = error_for(tmp_path, f"[why]\nreasons = {value}\n")
    assert error.key == key
    assert expected in error.problem


def test_too_many_reasons(tmp_path):
    items = ", ".join(f"{{ id = 'r{i}', en = 'R{i}' }}" for i in range(13))
    error = error_for(tmp_path, f"[why]\nreasons = [{items}]\n")
    assert error.key == "[why] reasons"
    assert "at most 12" in error.problem


# --- the token -------------------------------------------------------------------------------


def test_token_and_token_file_together_are_refused(tmp_path):
    error = error_for(tmp_path, "[sync]\ntoken = 'abc'\ntoken_file = 'token.txt'\n")
    assert error.key == "[sync] token_file"
    assert "not both" in error.problem
    assert "abc" not in str(error)  # the token itself never appears in an error


def test_inline_token(tmp_path):
    settings = load_settings(write(tmp_path, "[sync]\ntoken = 's3cret'\n"))
    assert settings.sync_token() == "s3cret"
    assert "s3cret" not in repr(settings)


def test_token_file_is_read_relative_to_the_config_and_stripped(tmp_path):
    (tmp_path / "token.txt").write_text("  s3cret-from-file\n", encoding="utf-8")
    settings = load_settings(write(tmp_path, "[sync]\ntoken_file = 'token.txt'\n"))
    assert settings.sync_token() == "s3cret-from-file"


def test_unreadable_token_file_names_the_key(tmp_path):
    settings = load_settings(write(tmp_path, "[sync]\ntoken_file = 'missing.txt'\n"))
    with pytest.raises(ConfigError) as info:
        settings.sync_token()
    assert info.value.key == "[sync] token_file"
    assert "missing.txt" in info.value.problem


# --- saving --------------------------------------------------------------------------------


def test_save_settings_round_trip(tmp_path):
    path = tmp_path / "conf" / "kiosk.toml"
    changed = replace(
        Settings(),
        kiosk=replace(Settings().kiosk, shop_name="Panadería Ñandú", languages=("es",)),
        question=replace(Settings().question, text={"es": "¿Qué tal?"}),
        why=replace(
            Settings().why, reasons=(Reason("speed"), Reason("wifi", {"es": "Wifi", "en": "Wi-Fi"}))
        ),
        timeouts=replace(Settings().timeouts, idle_seconds=45.0),
        sync=replace(Settings().sync, endpoint="https://nps.example.org", token="t0k"),
    )
    saved = save_settings(changed, path)
    assert saved == changed
    assert saved.path == path
    assert load_settings(path) == changed
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Counter kiosk configuration")
    assert "thanks" not in text  # defaults are left out
    assert not list(path.parent.glob(".*.tmp"))


def test_save_defaults_writes_an_almost_empty_file(tmp_path):
    path = tmp_path / "kiosk.toml"
    save_settings(Settings(), path)
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {}
    assert settings_to_dict(Settings()) == {}


def test_save_refuses_invalid_settings_and_keeps_the_old_file(tmp_path):
    path = write(tmp_path, "[kiosk]\nshop_name = 'Good'\n")
    bad = replace(Settings(), timeouts=replace(Settings().timeouts, idle_seconds=1.0))
    with pytest.raises(ConfigError, match="idle_seconds"):
        save_settings(bad, path)
    assert load_settings(path).kiosk.shop_name == "Good"
    assert [p.name for p in tmp_path.iterdir()] == ["kiosk.toml"]


# --- where the file is ------------------------------------------------------------------------


def test_config_path_order(tmp_path, monkeypatch):
    monkeypatch.delenv(config.ENV_CONFIG, raising=False)
    assert resolve_config_path("/x/cli.toml", tmp_path, True) == (Path("/x/cli.toml"), True)
    monkeypatch.setenv(config.ENV_CONFIG, "/x/env.toml")
    assert resolve_config_path("/x/cli.toml", tmp_path, True) == (Path("/x/cli.toml"), True)
    assert resolve_config_path(None, tmp_path, True) == (Path("/x/env.toml"), True)
    monkeypatch.delenv(config.ENV_CONFIG)
    assert resolve_config_path(None, tmp_path, True) == (tmp_path / "kiosk.toml", False)
    path, explicit = resolve_config_path(None, tmp_path, False)
    assert path.name == "kiosk.toml" and path.parent != tmp_path and not explicit


def test_absent_default_file_gives_defaults_but_absent_explicit_file_is_an_error(tmp_path):
    assert load_for_path(tmp_path / "kiosk.toml", explicit=False) == Settings()
    with pytest.raises(ConfigError, match="no such file"):
        load_for_path(tmp_path / "kiosk.toml", explicit=True)


# --- the documentation and the example agree with the code -----------------------------------

_SECTION_HEADING = re.compile(r"^##+ `\[(\w+)\]`")
_KEY_ROW = re.compile(r"^\| `(\w+)` \| `(.*?)` \|")


def documented_defaults() -> dict[str, dict[str, object]]:
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    documented: dict[str, dict[str, object]] = {}
    section = None
    for line in text.splitlines():
        if heading := _SECTION_HEADING.match(line):
            section = heading.group(1)
            documented.setdefault(section, {})
        elif (row := _KEY_ROW.match(line)) and section is not None:
            key, literal = row.groups()
            documented[section][key] = tomllib.loads(f"v = {literal}")["v"]
    return documented


def test_every_key_is_documented_with_the_default_in_the_code():
    documented = documented_defaults()
    defaults = Settings()
    in_code = {
        name: {f.name: config._to_toml_value(getattr(getattr(defaults, name), f.name))
               for f in fields(getattr(defaults, name))}
        for name in config._SECTION_CLASSES
    }
    assert documented == in_code


def test_example_config_is_valid_and_uses_every_section():
    path = ROOT / "assets" / "example-config.toml"
    settings = load_settings(path)
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert set(raw) == set(config._SECTION_CLASSES)
    assert settings.kiosk.shop_name != Settings().kiosk.shop_name


def test_a_token_of_the_wrong_type_is_not_echoed(tmp_path):
    error = error_for(tmp_path, "[sync]\ntoken = 918273645\n")
    assert error.key == "[sync] token"
    assert "918273645" not in str(error)


def test_a_language_listed_twice(tmp_path):
    error = error_for(tmp_path, "[kiosk]\nlanguages = ['es', 'en', 'es']\n")
    assert error.key == "[kiosk] languages"
    assert "twice" in error.problem


# --- thank-you QR pages -----------------------------------------------------------------------


def test_qr_pages_and_their_time(tmp_path):
    path = write(tmp_path, "[thanks]\npromoter_url = 'https://g.page/r/x/review'\n"
                           "detractor_url = 'http://shop.example/contact'\nseconds_with_qr = 20\n")
    thanks = load_settings(path).thanks
    assert thanks.promoter_url == "https://g.page/r/x/review"
    assert thanks.detractor_url == "http://shop.example/contact"
    assert thanks.seconds_with_qr == 20.0
    assert Settings().thanks.promoter_url == "" and Settings().thanks.seconds_with_qr == 12.0


@pytest.mark.parametrize(
    ("text", "key", "code", "params"),
    [
        ("[thanks]\npromoter_url = 'g.page/r/x'\n", "[thanks] promoter_url", "url",
         {"value": "g.page/r/x"}),
        ("[thanks]\ndetractor_url = 'mailto:a@b.c'\n", "[thanks] detractor_url", "url",
         {"value": "mailto:a@b.c"}),
        ("[thanks]\nseconds_with_qr = 2\n", "[thanks] seconds_with_qr", "range",
         {"low": 3, "high": 120, "value": 2}),
        ("[thanks]\nseconds_with_qr = 121\n", "[thanks] seconds_with_qr", "range",
         {"low": 3, "high": 120, "value": 121}),
    ],
)
def test_bad_qr_settings(tmp_path, text, key, code, params):
    error = error_for(tmp_path, text)
    assert (error.key, error.code, error.params) == (key, code, params)


# --- machine-readable errors for the owner's screen ------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("kiosk = 3\n", "type_table", {"value": "3"}),
        ("[kiosk]\nfullscreen = 'yes'\n", "type_bool", {"value": "'yes'"}),
        ("[why]\ncomment_max_length = 1.5\n", "type_int", {"value": "1.5"}),
        ("[thanks]\nseconds = true\n", "type_number", {"value": "true"}),
        ("[kiosk]\nshop_name = 3\n", "type_text", {"value": "3"}),
        ("[sync]\ntoken = 3\n", "type_text_secret", {}),
        ("[kiosk]\nlanguages = 'es'\n", "type_text_list", {"value": "'es'"}),
        ("[thanks]\nseconds = 0\n", "range", {"low": 1, "high": 60, "value": 0}),
        ("[sync]\nendpoint = 'ftp://x'\n", "url", {"value": "ftp://x"}),
        ("[kiosk]\naccent_colour = 'blue'\n", "colour", {"value": "blue"}),
        ("[kiosk]\nid = 'a b'\n", "kiosk_id", {"value": "a b"}),
        ("[kiosk]\ndefault_language = 'fr'\n", "language", {"value": "fr", "choices": "es, en"}),
        ("[kiosk]\nlanguages = ['fr']\ndefault_language = 'es'\n", "language",
         {"value": "fr", "choices": "es, en"}),
        ("[kiosk]\nlanguages = []\n", "languages_empty", {}),
        ("[kiosk]\nlanguages = ['es', 'es']\n", "languages_twice", {}),
        ("[kiosk]\nlanguages = ['en']\n", "default_language", {"value": "es", "choices": "en"}),
        ("[thanks]\ntext = 3\n", "type_per_language", {"value": "3"}),
        ("[thanks]\ntext = { fr = 'Merci' }\n", "unknown_language",
         {"value": "fr", "choices": "es, en"}),
        ("[thanks]\ntext = { es = ' ' }\n", "empty_text", {"value": "' '"}),
        ("[why]\nreasons = 'speed'\n", "type_list", {"value": "'speed'"}),
        ("[why]\nreasons = ['fast']\n", "reason_unknown",
         {"value": "fast", "choices": ", ".join(config.BUILTIN_REASONS)}),
        ("[why]\nreasons = [{ id = 'x', fr = 'y' }]\n", "reason_key",
         {"key": "fr", "choices": "id, es, en"}),
        ("[why]\nreasons = [{ id = 'X Y', es = 'y' }]\n", "reason_id", {"value": "'X Y'"}),
        ("[why]\nreasons = [{ id = 'x', es = '' }]\n", "reason_label", {"id": "x"}),
        ("[why]\nreasons = [{ id = 'x' }]\n", "reason_needs_label", {"id": "x"}),
        ("[why]\nreasons = [3]\n", "reason_type", {"value": "3"}),
        ("[why]\nreasons = ['speed', 'speed']\n", "reason_twice", {"id": "speed"}),
        ("[why]\nreasons = [" + ", ".join(f"{{ id = 'r{i}', es = 'R' }}" for i in range(13))
         + "]\n", "reasons_max", {"max": 12}),
        ("[sync]\ntoken = 'a'\ntoken_file = 'b'\n", "token_both", {}),
        ("[kiosk]\nshop_nam = 'x'\n", "unknown_key", {"key": "shop_nam", "suggestion": "shop_name"}),
        ("[thanks]\nzzz = 1\n", "unknown_key_choices",
         {"key": "zzz", "choices": "text, seconds, promoter_url, detractor_url, seconds_with_qr"}),
        ("[kiosk\n", "toml_syntax", None),
    ],
)
def test_every_error_has_a_code_and_params(tmp_path, text, code, params):
    error = error_for(tmp_path, text)
    assert error.code == code
    if params is not None:
        assert error.params == params
    assert error.problem  # the English sentence is still there for the CLI and the logs


def test_file_errors_have_codes(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path / "missing.toml")
    assert info.value.code == "file_missing"
    path = tmp_path / "latin.toml"
    path.write_bytes(b"[kiosk]\nshop_name = 'Caf\xe9'\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert info.value.code == "file_encoding"


def test_every_raise_in_the_module_gives_a_code():
    """A new check added without a code would show the owner English only."""
    import ast

    tree = ast.parse((ROOT / "kiosk" / "config.py").read_text(encoding="utf-8"))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
             and isinstance(node.func, ast.Name) and node.func.id == "ConfigError"]
    assert len(calls) >= 30
    for call in calls:
        code = call.args[3] if len(call.args) > 3 else None
        assert isinstance(code, ast.Constant) and code.value, ast.unparse(call)
