"""QR link templates in the domain: values encoded as urllib would, templates checked."""

from __future__ import annotations

from urllib.parse import quote as urllib_quote

from kiosk.core.qr_link import PLACEHOLDERS, fill, quote, template_problem


def test_values_are_encoded_as_urllib_would():
    for value in ("Café Ñandú-Centro", "a/b?c=d&e", "~._-", "😀 \x7f", ""):
        assert quote(value) == urllib_quote(value, safe="")


def test_fill_encodes_every_placeholder():
    template = "https://x.example/?" + "&".join(f"{p[0]}={{{p}}}" for p in PLACEHOLDERS)
    assert template_problem(template) is None
    assert template_problem(template, site="x" * 60) is not None  # too long with this site
    url = fill(
        template,
        {
            "answer_id": "id",
            "score": 3,
            "category": "detractor",
            "site": "Sí & no",
            "kiosk": "k/1",
            "lang": "es",
        },
    )
    assert url == ("https://x.example/?a=id&s=3&c=detractor&s=S%C3%AD%20%26%20no&k=k%2F1&l=es")


def test_a_literal_brace_is_written_twice():
    assert template_problem("https://x.example/{{a}}/{score}") is None
    assert fill("https://x.example/{{a}}", dict.fromkeys(PLACEHOLDERS, "")) == (
        "https://x.example/{a}"
    )
    assert template_problem("https://{site}.example/") is not None  # no host from a value
