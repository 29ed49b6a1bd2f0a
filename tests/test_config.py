"""The TOML configuration: every error names the file and the key, every default is documented."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
import tomli_w

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
from kiosk.config.kinds import Number
from kiosk.core.languages import DEFAULT_LANGUAGES, SUPPORTED_LANGUAGES
from kiosk.core.reasons import BUILTIN_REASONS, DEFAULT_REASON_IDS, Reason

ROOT = Path(__file__).resolve().parent.parent
# Unknown languages below are "zz" (no language has the code), so a third language changes
# no test; the lists of known ones come from the one language list.
LANGUAGE_CODES = ", ".join(SUPPORTED_LANGUAGES)


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
    assert settings.kiosk.languages == DEFAULT_LANGUAGES
    assert [r.id for r in settings.why.reasons] == list(DEFAULT_REASON_IDS)


def test_empty_file_gives_defaults_and_remembers_its_path(tmp_path):
    path = write(tmp_path, "")
    settings = load_settings(path)
    assert settings == Settings()
    assert settings.path == path


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="does not exist") as info:
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
    with pytest.raises(ConfigError, match="cannot be read"):
        load_settings(tmp_path)


# --- unknown keys -----------------------------------------------------------------------------


def test_unknown_section_with_suggestion(tmp_path):
    error = error_for(tmp_path, "[timeout]\nidle_seconds = 30\n")
    assert error.key == "[timeout]"
    assert error.problem == "Unknown setting timeout; did you mean timeouts?"


def test_unknown_key_with_suggestion(tmp_path):
    error = error_for(tmp_path, "[kiosk]\nshop_nmae = 'Bar'\n")
    assert error.key == "[kiosk] shop_nmae"
    assert "did you mean shop_name?" in error.problem


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
    assert "Expected a table" in error.problem


# --- types and ranges ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("[kiosk]\nfullscreen = 'yes'\n", "[kiosk] fullscreen", "Expected true or false"),
        ("[abuse]\nburst_count = 4.5\n", "[abuse] burst_count", "Expected a whole number"),
        ("[abuse]\nburst_count = true\n", "[abuse] burst_count", "Expected a whole number"),
        ("[thanks]\nseconds = '4'\n", "[thanks] seconds", "Expected a number"),
        ("[timeouts]\nidle_seconds = false\n", "[timeouts] idle_seconds", "Expected a number"),
        ("[kiosk]\nshop_name = 12\n", "[kiosk] shop_name", "Expected text"),
        ("[kiosk]\nlanguages = 'es'\n", "[kiosk] languages", "Expected a list of texts"),
        ("[kiosk]\nlanguages = ['es', 1]\n", "[kiosk] languages", "Expected a list of texts"),
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
    assert "Expected a value from" in error.problem


def test_range_bounds_are_inclusive_and_ints_are_accepted_for_floats(tmp_path):
    path = write(tmp_path, "[timeouts]\nidle_seconds = 5\n[thanks]\nseconds = 60\n")
    settings = load_settings(path)
    assert settings.timeouts.idle_seconds == 5.0
    assert isinstance(settings.timeouts.idle_seconds, float)
    assert settings.thanks.seconds == 60.0


def test_every_default_is_one_its_own_declaration_accepts():
    """The declared default of each setting goes through its own kind unchanged."""
    settings = list(config.declared())
    assert {d.section for d in settings} == set(config.SECTIONS)
    for one in settings:
        default = one.default()
        assert one.kind.read(one.kind.to_toml(default)) == default, one.key
        if isinstance(one.kind, Number):
            assert one.kind.low <= default <= one.kind.high, one.key


def test_a_long_comment_limit_is_allowed(tmp_path):
    """Issue 8: `comment_max_length = 1000` must be accepted as written (the range allows it)."""
    settings = load_settings(write(tmp_path, "[why]\ncomment_max_length = 1000\n"))
    assert settings.why.comment_max_length == 1000
    error = error_for(tmp_path, "[why]\ncomment_max_length = 2001\n")
    assert error.problem == "Expected a value from 1 to 2000, got 2001."


# --- strings with a shape -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["ftp://example.org", "example.org/v1", "https://", "javascript:alert(1)", "http:/x"]
)
def test_bad_urls(tmp_path, url):
    error = error_for(tmp_path, f"[sync]\nendpoint = '{url}'\n")
    assert error.key == "[sync] endpoint"
    assert "http:// or https://" in error.problem
    error = error_for(tmp_path, f"[alerts]\nwebhook_url = '{url}'\n")
    assert error.key == "[alerts] webhook_url"


def test_credentials_in_an_address_are_refused_without_echoing_them(tmp_path):
    error = error_for(tmp_path, "[sync]\nendpoint = 'https://shop:hunter22@nps.example.org'\n")
    assert error.key == "[sync] endpoint"
    assert "user name or password" in error.problem
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
    error = error_for(tmp_path, "[kiosk]\nlanguages = ['es', 'zz']\n")
    assert error.key == "[kiosk] languages"
    assert error.params["value"] == "zz"


def test_no_language(tmp_path):
    error = error_for(tmp_path, "[kiosk]\nlanguages = []\n")
    assert error.key == "[kiosk] languages"


def test_default_language_must_be_enabled(tmp_path):
    error = error_for(tmp_path, "[kiosk]\nlanguages = ['en']\n")
    assert error.key == "[kiosk] default_language"
    settings = load_settings(
        write(tmp_path, "[kiosk]\nlanguages = ['en']\ndefault_language = 'en'\n")
    )
    assert settings.kiosk.languages == ("en",)


def test_per_language_table(tmp_path):
    text = "[question]\ntext = { es = '¿Nos recomendarías?', en = 'Would you recommend us?' }\n"
    settings = load_settings(write(tmp_path, text))
    assert settings.question.text == {"es": "¿Nos recomendarías?", "en": "Would you recommend us?"}


def test_plain_string_serves_every_language(tmp_path):
    settings = load_settings(write(tmp_path, "[thanks]\ntext = '¡Gracias! Thank you!'\n"))
    assert settings.thanks.text == {code: "¡Gracias! Thank you!" for code in SUPPORTED_LANGUAGES}


def test_per_language_table_with_unknown_language(tmp_path):
    error = error_for(tmp_path, "[question]\ntext = { es = 'Hola', zz = 'Salut' }\n")
    assert error.key == "[question] text.zz"
    assert "Unknown language zz" in error.problem


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
        ("'speed'", "[why] reasons", "Expected a list"),
        ("['sped']", "[why] reasons[0]", "Unknown built-in reason sped"),
        ("['speed', 3]", "[why] reasons[1]", "Expected a reason id or a table"),
        ("[{ id = 'Parking', en = 'Parking' }]", "[why] reasons[0].id", "A reason id takes"),
        ("[{ en = 'Parking' }]", "[why] reasons[0].id", "A reason id takes"),
        ("[{ id = 'wifi' }]", "[why] reasons[0]", "needs a label"),
        ("[{ id = 'wifi', zz = 'Wifi' }]", "[why] reasons[0].zz", "Unknown key zz"),
        ("[{ id = 'wifi', es = '' }]", "[why] reasons[0].es", "empty label"),
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
    assert "At most 12" in error.problem


# --- the token -------------------------------------------------------------------------------


def test_token_and_token_file_together_are_refused(tmp_path):
    error = error_for(tmp_path, "[sync]\ntoken = 'abc'\ntoken_file = 'token.txt'\n")
    assert error.key == "[sync] token_file"
    assert "not both" in error.problem
    assert "abc" not in str(error)  # the token itself never appears in an error


def test_inline_token_is_kept_out_of_repr(tmp_path):
    # Reading the token (inline or from token_file) is kiosk.sync.token's one job: its tests
    # are in tests/sync/test_token.py.
    settings = load_settings(write(tmp_path, "[sync]\ntoken = 's3cret'\n"))
    assert settings.sync.token == "s3cret"
    assert "s3cret" not in repr(settings)


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
    with pytest.raises(ConfigError, match="does not exist"):
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
    in_code: dict[str, dict[str, object]] = {name: {} for name in config.SECTIONS}
    for one in config.declared():
        in_code[one.section][one.name] = one.kind.to_toml(one.default())
    assert documented == in_code


def test_every_range_is_documented_as_declared():
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for one in config.declared():
        if isinstance(one.kind, Number):
            row = next(
                line
                for line in text.splitlines()
                if line.startswith(f"| `{one.name}` |")
                and f"({one.kind.low:g}-{one.kind.high:g})" in line
            )
            assert row, one.key


def test_the_documented_languages_are_the_supported_ones():
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    listed = re.search(r"The languages are (.*)\.", text).group(1)
    assert re.findall(r"`(\w+)`", listed) == list(SUPPORTED_LANGUAGES)


def test_the_documented_builtin_reasons_are_the_declared_ones():
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    paragraph = text[text.index("Built-in reason ids") :].split("\n\n")[0]
    listed = re.findall(r"`(\w+)`", paragraph.split(". A custom id")[0])
    assert listed == list(BUILTIN_REASONS)


def test_example_config_is_valid_and_uses_every_section():
    path = ROOT / "assets" / "example-config.toml"
    settings = load_settings(path)
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    assert set(raw) == set(config.SECTIONS)
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
    path = write(
        tmp_path,
        "[thanks]\npromoter_url = 'https://g.page/r/x/review'\n"
        "detractor_url = 'http://shop.example/contact'\nseconds_with_qr = 20\n",
    )
    thanks = load_settings(path).thanks
    assert thanks.promoter_url == "https://g.page/r/x/review"
    assert thanks.detractor_url == "http://shop.example/contact"
    assert thanks.seconds_with_qr == 20.0
    assert Settings().thanks.promoter_url == "" and Settings().thanks.seconds_with_qr == 12.0


@pytest.mark.parametrize(
    ("text", "key", "english"),
    [
        (
            "[thanks]\npromoter_url = 'g.page/r/x'\n",
            "[thanks] promoter_url",
            "Expected an address starting with http:// or https://, got g.page/r/x.",
        ),
        (
            "[thanks]\ndetractor_url = 'mailto:a@b.c'\n",
            "[thanks] detractor_url",
            "Expected an address starting with http:// or https://, got mailto:a@b.c.",
        ),
        (
            "[thanks]\nseconds_with_qr = 2\n",
            "[thanks] seconds_with_qr",
            "Expected a value from 3 to 120, got 2.",
        ),
        (
            "[thanks]\nseconds_with_qr = 121\n",
            "[thanks] seconds_with_qr",
            "Expected a value from 3 to 120, got 121.",
        ),
    ],
)
def test_bad_qr_settings(tmp_path, text, key, english):
    error = error_for(tmp_path, text)
    assert (error.key, error.problem) == (key, english)
    assert error.params["value"] in (2, 121, "g.page/r/x", "mailto:a@b.c")


# --- one wording for the CLI and the owner's screen -------------------------------------------


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("kiosk = 3\n", "Expected a table, got 3."),
        ("[kiosk]\nfullscreen = 'yes'\n", "Expected true or false, got 'yes'."),
        ("[why]\ncomment_max_length = 1.5\n", "Expected a whole number, got 1.5."),
        ("[thanks]\nseconds = true\n", "Expected a number, got true."),
        ("[kiosk]\nshop_name = 3\n", "Expected text, got 3."),
        ("[sync]\ntoken = 3\n", "Expected text."),
        ("[kiosk]\nlanguages = 'es'\n", "Expected a list of texts, got 'es'."),
        ("[thanks]\nseconds = 0\n", "Expected a value from 1 to 60, got 0."),
        ("[sync]\nconnect_timeout = 0\n", "Expected a value from 0.1 to 120, got 0."),
        (
            "[sync]\nendpoint = 'ftp://x'\n",
            "Expected an address starting with http:// or https://, got ftp://x.",
        ),
        ("[kiosk]\naccent_colour = 'blue'\n", "Expected a colour like #1f5fa8, got blue."),
        ("[kiosk]\nid = 'a b'\n", "Expected 1 to 64 letters, digits, '-', '_' or '.', got a b."),
        (
            "[kiosk]\ndefault_language = 'zz'\n",
            f"Unsupported language zz; expected one of {LANGUAGE_CODES}.",
        ),
        (
            "[kiosk]\nlanguages = ['zz']\ndefault_language = 'es'\n",
            f"Unsupported language zz; expected one of {LANGUAGE_CODES}.",
        ),
        ("[kiosk]\nlanguages = []\n", "Choose at least one language."),
        ("[kiosk]\nlanguages = ['es', 'es']\n", "A language is listed twice."),
        (
            "[kiosk]\nlanguages = ['en']\n",
            "The default language must be one of the languages offered (en).",
        ),
        ("[thanks]\ntext = 3\n", "Expected one text, or a text per language, got 3."),
        (
            "[thanks]\ntext = { zz = 'Merci' }\n",
            f"Unknown language zz; expected one of {LANGUAGE_CODES}.",
        ),
        ("[thanks]\ntext = { es = ' ' }\n", "This text must not be empty."),
        ("[why]\nreasons = 'speed'\n", "Expected a list, got 'speed'."),
        (
            "[why]\nreasons = ['fast']\n",
            "Unknown built-in reason fast; use one of "
            + ", ".join(BUILTIN_REASONS)
            + ", or give your own reason a label.",
        ),
        (
            "[why]\nreasons = [{ id = 'x', zz = 'y' }]\n",
            f"Unknown key zz in a reason; expected one of id, {LANGUAGE_CODES}.",
        ),
        (
            "[why]\nreasons = [{ id = 'X Y', es = 'y' }]\n",
            "A reason id takes lowercase letters, digits, '_' or '-' only, got 'X Y'.",
        ),
        ("[why]\nreasons = [{ id = 'x', es = '' }]\n", "The reason x has an empty label."),
        (
            "[why]\nreasons = [{ id = 'x' }]\n",
            f"Your own reason x needs a label ({LANGUAGE_CODES}).",
        ),
        ("[why]\nreasons = [3]\n", "Expected a reason id or a table, got 3."),
        ("[why]\nreasons = ['speed', 'speed']\n", "The reason speed is listed twice."),
        (
            "[why]\nreasons = ["
            + ", ".join(f"{{ id = 'r{i}', es = 'R' }}" for i in range(13))
            + "]\n",
            "At most 12 reasons fit on the screen.",
        ),
        ("[sync]\ntoken = 'a'\ntoken_file = 'b'\n", "Give the token or a token file, not both."),
        ("[kiosk]\nshop_nam = 'x'\n", "Unknown setting shop_nam; did you mean shop_name?"),
        (
            "[thanks]\nzzz = 1\n",
            "Unknown setting zzz; expected one of "
            "text, seconds, promoter_url, detractor_url, seconds_with_qr.",
        ),
    ],
)
def test_each_problem_is_one_translatable_message(tmp_path, text, english):
    error = error_for(tmp_path, text)
    assert error.problem == english
    assert str(error).endswith(f"{error.key}: {english}")  # what the CLI prints
    message = error.message
    assert message.context == "ConfigError"
    assert message.placeholders() <= set(message.params)


def test_file_errors_are_messages_too(tmp_path):
    with pytest.raises(ConfigError) as info:
        load_settings(tmp_path / "missing.toml")
    assert info.value.problem == "The settings file does not exist."
    path = tmp_path / "latin.toml"
    path.write_bytes(b"[kiosk]\nshop_name = 'Caf\xe9'\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert info.value.problem == "The settings file is not UTF-8 text."


# --- issue 9: hostile files and values --------------------------------------------------------


@pytest.mark.parametrize("value", ["[" * 5000 + "]" * 5000, "{ a = " * 5000 + "1" + " }" * 5000])
def test_a_value_nested_too_deep_names_the_file(tmp_path, value):
    error = error_for(tmp_path, f"[kiosk]\nshop_name = {value}\n")
    assert error.key == "(syntax)"
    assert error.problem == "The settings file is nested too deep."


def test_nesting_the_parser_accepts_is_still_refused_by_key(tmp_path):
    error = error_for(tmp_path, "[kiosk]\nlanguages = " + "[" * 200 + "]" * 200 + "\n")
    assert error.key == "[kiosk] languages"


@pytest.mark.parametrize("token", ["abc\ndef", "abc def", "abc\t", "\u0000abc", "abc\r\n"])
def test_a_token_with_whitespace_or_control_characters_is_refused(tmp_path, token):
    text = "[sync]\n" + tomli_w.dumps({"token": token})
    error = error_for(tmp_path, text)
    assert error.key == "[sync] token"
    assert "must not contain spaces" in error.problem
    assert token.strip() not in str(error)  # a secret is never echoed


@pytest.mark.parametrize(
    "url",
    [
        "https://nps.example.org/v1 x",
        "https://nps.example.org/\nX-Evil: 1",
        "https://a.example\t",
        " https://a.example",
        "https://a.example/\u0007",
        "https://a.exa\u00a0mple",
    ],
)
@pytest.mark.parametrize(
    "key", ["[sync] endpoint", "[alerts] webhook_url", "[thanks] promoter_url"]
)
def test_a_url_with_whitespace_or_control_characters_is_refused(tmp_path, url, key):
    section, name = key[1:].split("] ")
    text = f"[{section}]\n" + tomli_w.dumps({name: url})
    error = error_for(tmp_path, text)
    assert error.key == key
    assert error.problem == "An address must not contain spaces or control characters."


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://169.254.0.1:8080/hook",
        "http://[fe80::1]/hook",
        "http://[fe80::1%25eth0]/hook",
        "http://[::ffff:169.254.169.254]/",
        "http://[fd00:ec2::254]/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://METADATA.google.internal./x",
        "http://100.100.100.200/latest/meta-data/",
        "http://2852039166/",  # 169.254.169.254 written as one number
        "http://0xa9fea9fe/",
        "http://0251.0376.0251.0376/",
        "http://instance-data/latest/",
    ],
)
@pytest.mark.parametrize(
    "key", ["[alerts] webhook_url", "[sync] endpoint", "[thanks] detractor_url"]
)
def test_a_url_at_a_link_local_or_metadata_address_is_refused(tmp_path, url, key):
    section, name = key[1:].split("] ")
    error = error_for(tmp_path, f"[{section}]\n{name} = '{url}'\n")
    assert error.key == key
    assert "link-local or cloud metadata address" in error.problem


@pytest.mark.parametrize(
    "url",
    [
        "https://hooks.slack.com/services/T0/B0/x",
        "http://192.168.1.20:8080/v1",
        "http://10.0.0.5/",
        "https://[2001:db8::1]/",
        "http://localhost:8000",
    ],
)
def test_ordinary_addresses_are_accepted(tmp_path, url):
    settings = load_settings(write(tmp_path, f"[alerts]\nwebhook_url = '{url}'\n"))
    assert settings.alerts.webhook_url == url


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("[kiosk]\nshop_name = " + "[" * 5000 + "]" * 5000 + "\n", "(syntax)"),
        ("[alerts]\nwebhook_url = 'http://169.254.169.254/latest/meta-data'\n", "webhook_url"),
        ("[sync]\nendpoint = 'https://nps.example.org/v1 x'\n", "endpoint"),
        ('[sync]\ntoken = "abc\\ndef"\n', "token"),  # a TOML newline inside
    ],
)
@pytest.mark.parametrize("command", [["status"], ["sync", "--once"], ["config", "show"]])
def test_a_hostile_config_stops_each_command_with_the_file_and_key(
    tmp_path, capsys, text, key, command
):
    """What the owner meets: exit 2, the file and the key named, no traceback, no secret."""
    from kiosk.commands import main as cli

    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    code = cli.main(["--config", str(path), "--data-dir", str(tmp_path / "data"), *command])
    captured = capsys.readouterr()
    said = captured.err + captured.out
    assert code == 2, said
    assert str(path) in captured.err and key in captured.err
    assert "Traceback" not in said and "abc\ndef" not in said
