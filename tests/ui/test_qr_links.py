"""Every QR code a guest is shown decodes back to exactly its URL: the rendered screen is
read with zxing-cpp (as a phone would), in both orientations and languages, with long and
non-ASCII values; templates a phone could not read are refused when the config is read."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
import zxingcpp
from PySide6.QtCore import Qt

from kiosk.config import ConfigError, load_settings
from kiosk.core.qr_link import URL_MAX_LENGTH

LEFT = Qt.MouseButton.LeftButton
SITE = "Café Ñandú-Centro"  # non-ASCII, spaces none: encoded to %C3%A9 and friends
KIOSK = "mostrador-norte-12"


def write_config(folder: Path, qr: str) -> Path:
    path = folder / "kiosk.toml"
    path.write_text(
        f'[kiosk]\nid = "{KIOSK}"\nsite = "{SITE}"\n'
        "[timeouts]\nidle_seconds = 30\n[thanks]\nseconds = 2\nseconds_with_qr = 30\n"
        f"[qr]\n{qr}\n",
        encoding="utf-8",
    )
    return path


TEMPLATES = (
    'promoter = { es = "https://r.example.com/es/{answer_id}?s={score}&c={category}&l={lang}", '
    'en = "https://r.example.com/en/{answer_id}?s={score}&l={lang}" }\n'
    'passive = "https://c.example.org/?a={answer_id}&s={site}&k={kiosk}"\n'
    'detractor = { es = "https://example.es/llamada?a={answer_id}&site={site}&l={lang}" }\n'
)


def expected(template: str, answer_id: str, score: int, category: str, lang: str) -> str:
    """Filled here independently of kiosk.core.qr_link."""
    values = {
        "answer_id": answer_id,
        "score": str(score),
        "category": category,
        "site": SITE,
        "kiosk": KIOSK,
        "lang": lang,
    }
    for name, value in values.items():
        template = template.replace("{" + name + "}", quote(value, safe=""))
    return template


def decoded(kiosk) -> list[str]:
    image = kiosk.window.grab().toImage()
    return [
        code.text
        for code in zxingcpp.read_barcodes(image)
        if code.format == zxingcpp.BarcodeFormat.QRCode
    ]


CASES = [
    # score, language, template, category
    (10, "es", "https://r.example.com/es/{answer_id}?s={score}&c={category}&l={lang}", "promoter"),
    (9, "en", "https://r.example.com/en/{answer_id}?s={score}&l={lang}", "promoter"),
    (8, "en", "https://c.example.org/?a={answer_id}&s={site}&k={kiosk}", "passive"),
    (0, "es", "https://example.es/llamada?a={answer_id}&site={site}&l={lang}", "detractor"),
    # no English detractor template: the default language's (Spanish) is used
    (3, "en", "https://example.es/llamada?a={answer_id}&site={site}&l={lang}", "detractor"),
]


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)], ids=["landscape", "portrait"])
@pytest.mark.parametrize(("score", "language", "template", "category"), CASES)
def test_every_code_shown_decodes_to_its_exact_url(
    qtbot, make_kiosk, data_dir, size, score, language, template, category
):
    settings = load_settings(write_config(data_dir, TEMPLATES))
    kiosk = make_kiosk(settings, size=size)
    if language != kiosk.translations.language:
        qtbot.mouseClick(kiosk.question.language_switch.buttons[language], LEFT)
    qtbot.mouseClick(kiosk.question.score_buttons[score], LEFT)
    answer_id = kiosk.flow.answer_id
    qtbot.mouseClick(kiosk.why.send_button, LEFT)
    assert kiosk.window.current_screen() is kiosk.thanks
    url = expected(template, answer_id, score, category, language)
    assert len(url) <= URL_MAX_LENGTH
    qtbot.waitUntil(lambda: decoded(kiosk) == [url], timeout=3000)
    if "{site}" in template:
        assert "Caf%C3%A9%20%C3%91and%C3%BA-Centro" in url


def test_no_template_and_no_url_means_no_code(qtbot, make_kiosk, data_dir):
    settings = load_settings(write_config(data_dir, 'promoter = "https://r.example.com/{score}"'))
    kiosk = make_kiosk(settings)
    qtbot.mouseClick(kiosk.question.score_buttons[7], LEFT)
    qtbot.mouseClick(kiosk.why.send_button, LEFT)
    assert not kiosk.thanks.has_qr and decoded(kiosk) == []


def test_a_double_tap_on_send_does_not_dismiss_the_code(qtbot, make_kiosk, data_dir):
    settings = load_settings(write_config(data_dir, TEMPLATES))
    kiosk = make_kiosk(settings)
    for gap_ms in (80, 250):
        qtbot.mouseClick(kiosk.question.score_buttons[10], LEFT)
        send = kiosk.why.send_button
        where = send.mapTo(kiosk.window, send.rect().center())
        qtbot.mouseClick(send, LEFT)
        qtbot.wait(gap_ms)
        # the second tap lands where Send was: on the thank-you now
        target = kiosk.window.childAt(where) or kiosk.thanks
        qtbot.mouseClick(target, LEFT, pos=target.mapFrom(kiosk.window, where))
        qtbot.wait(600)
        assert kiosk.window.current_screen() is kiosk.thanks and kiosk.thanks.has_qr
        qtbot.wait(kiosk.thanks.tap_grace_ms)
        qtbot.mouseClick(kiosk.thanks, LEFT)  # a deliberate tap later still ends it
        assert kiosk.window.current_screen() is kiosk.question


@pytest.mark.parametrize(
    ("qr", "key", "words"),
    [
        ('promoter = "https://r.example.com/{answer}"', "[qr] promoter", "Unknown placeholder"),
        ('passive = "https://r.example.com/{score"', "[qr] passive", "brace"),
        ('detractor = { en = "ftp://r.example.com/{score}" }', "[qr] detractor.en", "http"),
        (
            'promoter = "https://r.example.com/' + "x" * 80 + '/{answer_id}"',
            "[qr] promoter",
            "at most 119",
        ),
        ('promoter = "https://r.example.com/{score!r}"', "[qr] promoter", "Unknown placeholder"),
    ],
)
def test_a_template_a_phone_cannot_use_is_refused_naming_the_key(data_dir, qr, key, words):
    with pytest.raises(ConfigError) as caught:
        load_settings(write_config(data_dir, qr))
    assert caught.value.key == key
    assert words in str(caught.value)


def test_a_long_site_name_can_make_a_template_too_long(data_dir):
    path = data_dir / "kiosk.toml"
    path.write_text(
        '[kiosk]\nsite = "' + "Ñ" * 30 + '"\n'
        '[qr]\npassive = "https://cupon.example.org/?a={answer_id}&site={site}"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert caught.value.key == "[qr] passive" and "at most 119" in str(caught.value)
