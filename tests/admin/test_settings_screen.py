"""Settings: bad values refused next to the field, saved values survive a restart, and a
save killed half-way never replaces the good file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from helpers.admin import PIN, enter
from PySide6.QtCore import QLocale, Qt

from kiosk.config import load_settings
from kiosk.config.kinds import PerLanguageText

GOOD = '[kiosk]\nshop_name = "Café Bueno"\n'


@pytest.fixture(autouse=True)
def english_locale():
    """Numbers in messages follow the default locale; other tests may leave Spanish behind."""
    before = QLocale()
    QLocale.setDefault(QLocale("en"))
    yield
    QLocale.setDefault(before)


def open_settings(qtbot, area, services):
    services.set_pin(PIN)
    area.open()
    enter(qtbot, area.pinpad, PIN)
    qtbot.mouseClick(area.dashboard.settings_button, Qt.MouseButton.LeftButton)
    assert area.currentWidget() is area.settings_screen
    return area.settings_screen


def save(qtbot, screen):
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("[thanks] seconds", "abc", "Expected a number, got 'abc'."),
        ("[thanks] seconds", "0.5", "Expected a value from 1 to 60, got 0.5."),
        ("[timeouts] idle_seconds", "9999", "from 5 to 600"),
        ("[kiosk] accent_colour", "blue", "colour like"),
        ("[sync] endpoint", "ftp://x", "http:// or https://"),
        ("[why] reasons", "speed\nRápido", "Unknown built-in reason Rápido;"),
        ("[thanks] promoter_url", "g.page/r/abc", "http:// or https://, got g.page/r/abc"),
        ("[thanks] detractor_url", "javascript:alert(1)", "http:// or https://"),
        ("[thanks] seconds_with_qr", "2", "from 3 to 120"),
    ],
)
def test_bad_value_is_refused_next_to_its_field(
    qtbot, area, services, config_path, field, value, expected
):
    config_path.write_text(GOOD, encoding="utf-8")
    screen = open_settings(qtbot, area, services)
    widget = screen.fields[field]
    if hasattr(widget, "setPlainText"):
        widget.setPlainText(value)
    else:
        widget.setText(value)
    saved = []
    area.settings_saved.connect(saved.append)
    save(qtbot, screen)
    errors = screen.visible_errors()
    assert list(errors) == [field]
    assert expected in errors[field]
    assert not saved
    assert config_path.read_text(encoding="utf-8") == GOOD


def test_default_language_must_be_offered(qtbot, area, services):
    screen = open_settings(qtbot, area, services)
    screen.language_boxes["es"].setChecked(False)
    save(qtbot, screen)  # default is es
    assert "[kiosk] default_language" in screen.visible_errors()


def test_saved_value_survives_a_restart_and_is_applied(qtbot, area, services, config_path):
    screen = open_settings(qtbot, area, services)
    screen.fields["[kiosk] shop_name"].setText("Panadería Ñandú")
    screen.fields["[thanks] seconds"].setText("7")
    screen.fields["[question] text.es"].setText("¿Nos recomendarías?")
    screen.fields["[why] reasons"].setPlainText("speed\nmusic | Música | Music")
    with qtbot.waitSignal(area.settings_saved, timeout=2000) as signal_:
        save(qtbot, screen)
    assert not screen.visible_errors()
    applied = signal_.args[0]
    assert applied.kiosk.shop_name == "Panadería Ñandú"
    reloaded = load_settings(config_path)  # what the kiosk reads at its next start
    assert reloaded.kiosk.shop_name == "Panadería Ñandú"
    assert reloaded.thanks.seconds == 7.0
    assert reloaded.question.text == {"es": "¿Nos recomendarías?"}
    assert [r.id for r in reloaded.why.reasons] == ["speed", "music"]
    assert reloaded.why.reasons[1].labels == {"es": "Música", "en": "Music"}
    assert services.settings().kiosk.shop_name == "Panadería Ñandú"
    # the form shows what was saved
    assert screen.fields["[kiosk] shop_name"].text() == "Panadería Ñandú"


def test_replace_never_happening_keeps_the_good_file(
    qtbot, area, services, config_path, monkeypatch
):
    config_path.write_text(GOOD, encoding="utf-8")
    screen = open_settings(qtbot, area, services)
    screen.fields["[kiosk] shop_name"].setText("Nunca guardado")

    def no_replace(src, dst):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", no_replace)
    save(qtbot, screen)
    assert "[kiosk] shop_name" in screen.visible_errors()
    assert config_path.read_text(encoding="utf-8") == GOOD
    assert [p.name for p in config_path.parent.iterdir() if p.suffix == ".tmp"] == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_process_killed_mid_save_never_replaces_the_good_file(config_path):
    """A real process is killed with SIGKILL after writing the new text, before the rename."""
    config_path.write_text(GOOD, encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import os, signal
        from dataclasses import replace
        from pathlib import Path
        from kiosk import config
        path = Path({str(config_path)!r})
        settings = config.load_settings(path)
        new = replace(settings, kiosk=replace(settings.kiosk, shop_name="X" * 5000))
        real_fsync = os.fsync
        def die(fd):
            real_fsync(fd)
            os.kill(os.getpid(), signal.SIGKILL)  # the power cut, after the data hit the disk
        os.fsync = die
        config.save_settings(new, path)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -signal.SIGKILL
    assert config_path.read_text(encoding="utf-8") == GOOD
    assert load_settings(config_path).kiosk.shop_name == "Café Bueno"


def test_test_connection_against_a_real_server(qtbot, area, services, httpserver):
    httpserver.expect_request(
        "/v1/answers", method="POST", headers={"Authorization": "Bearer s3cret"}
    ).respond_with_json({"stored": [], "rejected": []})
    screen = open_settings(qtbot, area, services)
    screen.fields["[sync] endpoint"].setText(httpserver.url_for("/").rstrip("/"))
    screen.fields["[sync] token"].setText("s3cret")
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.test_button.isEnabled(), timeout=10000)
    area.background.wait()
    assert "Connection works" in screen.test_result.text()
    body = httpserver.log[0][0].get_json()
    assert body["answers"] == [] and body["kiosk"]["id"] == services.settings().kiosk.id


def test_test_connection_reports_a_refused_token(qtbot, area, services, httpserver):
    httpserver.expect_request("/v1/answers", method="POST").respond_with_data("no", status=401)
    screen = open_settings(qtbot, area, services)
    screen.fields["[sync] endpoint"].setText(httpserver.url_for("/").rstrip("/"))
    screen.fields["[sync] token"].setText("wrong")
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.test_button.isEnabled(), timeout=10000)
    area.background.wait()
    assert "refused the token" in screen.test_result.text()
    assert "wrong" not in screen.test_result.text()


def test_change_pin_from_settings(qtbot, area, services):
    screen = open_settings(qtbot, area, services)
    qtbot.mouseClick(screen.pin_button, Qt.MouseButton.LeftButton)
    assert area.currentWidget() is area.pinpad
    enter(qtbot, area.pinpad, "97531")
    enter(qtbot, area.pinpad, "97531")
    assert area.currentWidget() is area.settings_screen
    assert "new PIN" in screen.status.text()
    assert services.check_pin("97531").ok


def test_qr_pages_round_trip(qtbot, area, services, config_path):
    screen = open_settings(qtbot, area, services)
    screen.fields["[thanks] promoter_url"].setText(" https://g.page/r/abc/review ")
    screen.fields["[thanks] detractor_url"].setText("https://example.org/contact?x=ñ")
    screen.fields["[thanks] seconds_with_qr"].setText("20,5")
    with qtbot.waitSignal(area.settings_saved, timeout=2000):
        save(qtbot, screen)
    assert not screen.visible_errors()
    reloaded = load_settings(config_path)
    assert reloaded.thanks.promoter_url == "https://g.page/r/abc/review"
    assert reloaded.thanks.detractor_url == "https://example.org/contact?x=ñ"
    assert reloaded.thanks.seconds_with_qr == 20.5
    area.show_settings()  # opened again: the form shows what the file holds
    assert screen.fields["[thanks] promoter_url"].text() == "https://g.page/r/abc/review"
    assert screen.fields["[thanks] seconds_with_qr"].text() == "20.5"
    screen.fields["[thanks] promoter_url"].clear()  # empty: no QR code any more
    with qtbot.waitSignal(area.settings_saved, timeout=2000):
        save(qtbot, screen)
    assert load_settings(config_path).thanks.promoter_url == ""
    assert "promoter_url" not in config_path.read_text(encoding="utf-8")


def test_the_owner_types_settings_on_the_on_screen_keyboard(qtbot, area, services):
    """A counter tablet has no keyboard: a tap on a field brings ours up, with : / _ | ¿ ¡."""
    screen = open_settings(qtbot, area, services)
    area.window().activateWindow()
    keyboard = screen.keyboard
    assert not keyboard.isVisible()
    question = screen.fields["[question] text.es"]
    qtbot.mouseClick(question, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(keyboard.isVisible, timeout=2000)
    keys = keyboard.keys
    for key in ["¿", "<shift>", "n", "o", "s", "<space>", "v", "e", "s", "<backspace>", "?"]:
        qtbot.mouseClick(keys[key], Qt.MouseButton.LeftButton)
    assert question.text() == "¿Nos ve?"
    endpoint = screen.fields["[sync] endpoint"]
    qtbot.mouseClick(endpoint, Qt.MouseButton.LeftButton)
    for key in ["h", ":", "/", "/", "a", "_", "b"]:
        qtbot.mouseClick(keys[key], Qt.MouseButton.LeftButton)
    assert endpoint.text() == "h://a_b"
    reasons = screen.fields["[why] reasons"]
    qtbot.mouseClick(reasons.viewport(), Qt.MouseButton.LeftButton)
    reasons.moveCursor(reasons.textCursor().MoveOperation.End)
    for key in ["<enter>", "t", "e", "a", "|", "<backspace>", "<backspace>", "<backspace>"]:
        qtbot.mouseClick(keys[key], Qt.MouseButton.LeftButton)
    assert reasons.toPlainText().endswith("\nt")
    qtbot.mouseClick(keys["<done>"], Qt.MouseButton.LeftButton)
    assert not keyboard.isVisible()


def test_the_form_shows_every_declared_form_setting_with_its_label(qtbot):
    """The form is the declarations: each one with a form group has a labelled field."""
    from kiosk.admin.settings_screen import SettingsScreen
    from kiosk.config import declared
    from kiosk.core.languages import SUPPORTED_LANGUAGES

    screen = SettingsScreen()
    qtbot.addWidget(screen)
    expected = set()
    for one in declared():
        if one.setting.form is None:
            continue
        if isinstance(one.kind, PerLanguageText):
            expected |= {f"{one.key}.{code}" for code in SUPPORTED_LANGUAGES}
        else:
            expected.add(one.key)
    assert set(screen.fields) == expected
    assert all(screen.labels[key].text() for key in expected)
    assert screen.labels["[question] text.en"].text() == "Question (English)"


def test_every_kind_has_an_editor_that_gives_back_what_it_was_given(qtbot):
    """Every declared setting, on the form or not, survives its editor unchanged."""
    from kiosk.admin.setting_editors import editor_for
    from kiosk.config import declared

    for one in declared():
        editor = editor_for(one.kind)(one)
        for widget in editor.widgets.values():
            qtbot.addWidget(widget)
        editor.load(one.default())
        table: dict = {}
        editor.read(table)
        if table:
            assert one.kind.read(table[one.name]) == one.default(), one.key
        else:  # an empty text per language, or no token: left out, so the default holds
            assert one.default() in ({}, ""), one.key


def test_closing_the_app_does_not_wait_for_a_connection_test_on_a_dripping_server(
    qtbot, area, services
):
    """Issue 9: the app's exit never waits on the network, the owner's connection test
    included (its thread only talks to the server, it writes nothing)."""
    import time

    from helpers.drip import DripServer

    server = DripServer(interval=0.2)
    try:
        screen = open_settings(qtbot, area, services)
        screen.fields["[sync] endpoint"].setText(server.url)
        screen.fields["[sync] token"].setText("s3cret")
        qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: server.requests > 0, timeout=5000)
        started = time.monotonic()
        area.shutdown()  # what closing the kiosk runs
        assert time.monotonic() - started < 1.0
    finally:
        server.stop()  # the test's thread sees its connection end and finishes by itself
        area.background.wait(5)
    qtbot.waitUntil(lambda: screen.test_button.isEnabled(), timeout=5000)
