"""The web pages: a table tries every page with every role (both stores); the overview's
numbers equal the JSON API's and a hand computation; the ranking never orders two sites
whose margins overlap; the site page shows its site only."""

from __future__ import annotations

import base64
import re

import pytest

from endpoint.web_world import alert, app_for, build, csrf, log_in, web_client
from kiosk.core.nps import summarize_scores

SCORES = {
    "centro": [10] * 30 + [9] * 10 + [3] * 5,  # NPS high, enough answers
    "playa": [10] * 20 + [7] * 10 + [2] * 12,  # lower
    "monte": [9, 5, 10],
}  # too few to rank
PRINCIPALS = ("anonymous", "admin", "area", "site", "other-site")
ANYONE = set(PRINCIPALS)
MANAGERS = {"admin", "area", "site", "other-site"}
# (method, rule) -> who gets the page; every /web rule of the app must be here.
ROUTES = {
    ("GET", "/"): ANYONE,
    ("GET", "/web/login"): ANYONE,
    ("POST", "/web/login"): ANYONE,
    ("POST", "/web/logout"): ANYONE,
    ("POST", "/web/language"): ANYONE,
    ("GET", "/web/password"): MANAGERS,
    ("POST", "/web/password"): MANAGERS,
    ("GET", "/web/"): MANAGERS,
    ("GET", "/web/site/<code>"): MANAGERS,
    ("GET", "/web/static/<path:filename>"): ANYONE,
    ("GET", "/web/inbox"): MANAGERS,
    ("GET", "/web/inbox/live"): MANAGERS,
    ("GET", "/web/case/<int:case_id>"): MANAGERS,
    ("POST", "/web/case/<int:case_id>"): MANAGERS,
    ("GET", "/web/export/answers.<fmt>"): MANAGERS,
    ("GET", "/web/export/cases.<fmt>"): MANAGERS,
    ("GET", "/web/alerts"): MANAGERS,
    ("POST", "/web/alerts"): MANAGERS,
    ("GET", "/web/notifications"): MANAGERS,
    ("POST", "/web/notifications"): MANAGERS,
    ("GET", "/web/poster"): MANAGERS,
}
# Scoped pages: the concrete path and who of MANAGERS may see it.
SCOPED = {
    "/web/site/centro": {"admin", "area", "site"},
    "/web/site/playa": {"admin", "area"},
    "/web/site/monte": {"admin", "other-site"},
    "/web/site/nowhere": set(),
    "/web/case/1": {"admin", "area", "site"},  # centro's
    "/web/case/2": {"admin", "other-site"},  # monte's
    "/web/case/99": set(),
    "/web/export/answers.csv": MANAGERS,
    "/web/export/answers.xlsx?site=centro": {"admin", "area", "site"},
    "/web/export/answers.json?site=monte": {"admin", "other-site"},
    "/web/export/cases.csv?site=playa": {"admin", "area"},
    "/web/export/cases.json": MANAGERS,
    "/web/export/cases.xlsx?site=nowhere": set(),
    "/web/poster?scope=site:1": {"admin", "area", "site"},  # centro
    "/web/poster?scope=site:3": {"admin", "other-site"},  # monte
    "/web/poster?scope=area:1": {"admin", "area"},  # Sur
    "/web/poster?scope=chain": {"admin"},
    "/web/poster?scope=site:99": set(),
}


@pytest.fixture
def world(migrated_url):
    store = build(migrated_url, SCORES)
    alert(store, "centro", 900)
    alert(store, "monte", 900)
    app = app_for(migrated_url, store)
    yield store, app
    store.close()


def _client(app, who):
    client = web_client(app)
    if who != "anonymous":
        assert log_in(client, who).status_code == 302
    return client


def test_the_table_names_every_web_route(world):
    _, app = world
    found = {}
    for rule in app.url_map.iter_rules():
        if rule.rule == "/" or rule.rule.startswith("/web"):
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                found[(method, rule.rule)] = rule.rule
    assert set(found) == set(ROUTES)


@pytest.mark.parametrize("who", PRINCIPALS)
def test_every_page_with_every_role(world, who):
    _, app = world
    client = _client(app, who)
    for (method, rule), allowed in sorted(ROUTES.items()):
        paths = (
            [p for p in SCOPED if p.startswith(rule.split("<")[0])]
            if "<" in rule and ("static" not in rule)
            else [rule.replace("<path:filename>", "web.css")]
            + [p for p in SCOPED if method == "GET" and p.startswith(rule + "?")]
        )
        for path in paths:
            may = (who in allowed) and (path not in SCOPED or who in SCOPED[path])
            reply = (
                client.get(path)
                if method == "GET"
                else client.post(path, data={"csrf_token": csrf(client)})
            )
            reply.close()  # a static file's reply holds the file open
            if who == "anonymous" and "anonymous" not in allowed:
                assert reply.status_code == 302, (method, path)
                assert reply.headers["Location"].startswith("/web/login")
            elif may:
                assert reply.status_code in (200, 302, 400, 401), (method, path, who)
                if method == "GET":
                    assert reply.status_code in (200, 302), (method, path, who)
            else:
                assert reply.status_code == 403, (method, path, who)
            if path == "/web/logout" and reply.status_code == 302 and who != "anonymous":
                client = _client(app, who)  # logged out by the table: sign in again


def test_a_kiosk_token_or_basic_credentials_do_not_open_the_pages(world):
    store, app = world
    token = store.change("add-kiosk", "t", "k-extra", "centro")
    client = web_client(app)
    assert client.get("/web/", headers={"Authorization": f"Bearer {token}"}).status_code == 302
    basic = base64.b64encode(b"admin:correct horse battery").decode()
    assert client.get("/web/", headers={"Authorization": f"Basic {basic}"}).status_code == 302


def _figures(html: str, code: str) -> tuple[str, str]:
    match = re.search(
        f'data-site="{code}"><a [^>]+>[^<]+</a>: <span class="nps">([^<]+)</span> '
        '<span class="moe">± ([^<]+)</span>',
        html,
    )
    return match.group(1), match.group(2)


def test_the_overview_equals_the_api_and_a_hand_computation(world):
    _, app = world
    client = _client(app, "admin")
    page = client.get("/web/?period=30d").get_data(as_text=True)
    for code in ("centro", "playa"):
        api = client.get(
            "/v1/api/stats",
            query_string={"site": code, "since": "2026-11-01", "until": "2026-11-30"},
            headers={
                "Authorization": "Basic "
                + base64.b64encode(b"admin:correct horse battery").decode()
            },
        ).get_json()
        hand = summarize_scores(SCORES[code])
        assert api["nps"] == round(hand.nps, 1)
        assert _figures(page, code) == (str(round(hand.nps)), str(round(hand.margin_of_error)))
        assert round(api["nps"]) == round(hand.nps)
    chain = summarize_scores([s for v in SCORES.values() for s in v])
    assert f'<p class="big">NPS <span class="nps">{round(chain.nps)}</span> ' in page
    assert f"{chain.total} answers" in page


def test_the_ranking_ties_overlapping_sites_and_sets_apart_those_with_too_few(world):
    _, app = world
    page = _client(app, "admin").get("/web/").get_data(as_text=True)
    centro, playa = summarize_scores(SCORES["centro"]), summarize_scores(SCORES["playa"])
    overlapping = centro.nps - centro.margin_of_error <= playa.nps + playa.margin_of_error
    tiers = re.findall(r'<li class="tier">(.*?)</ul>', page, re.S)
    in_tier = [re.findall(r'data-site="(\w+)"', t) for t in tiers]
    if overlapping:
        assert in_tier == [["centro", "playa"]] and "(tied)" in page
    else:
        assert in_tier == [["centro"], ["playa"]]
    apart = page[page.index('class="too-few"') :]
    assert 'data-site="monte"' in apart and "3 answers" in apart
    assert "cannot be told apart" in page


def test_an_area_manager_sees_their_areas_sites_only(world):
    _, app = world
    page = _client(app, "area").get("/web/").get_data(as_text=True)
    assert "Centro" in page and "Playa" in page and "Monte" not in page and "Norte" not in page


def test_the_site_page_shows_its_numbers_and_kiosks(world):
    _, app = world
    page = _client(app, "site").get("/web/site/centro?period=7d").get_data(as_text=True)
    assert "k-centro" in page and "<svg" in page and "Promoters" in page


def test_a_wrong_custom_range_is_explained_not_a_500(world):
    _, app = world
    client = _client(app, "admin")
    for query in (
        "period=custom&since=2026-12-01&until=2026-11-01",
        "period=custom&since=garbage&until=",
        "period=nonsense",
    ):
        reply = client.get(f"/web/?{query}")
        assert reply.status_code == 200
    assert "Choose a first day" in client.get("/web/?period=custom&since=x&until=y").get_data(
        as_text=True
    )
    reply = client.get("/web/?period=custom&since=2026-11-28&until=2026-11-30")
    assert "Nov 28, 2026 – Nov 30, 2026" in reply.get_data(as_text=True)


def test_the_language_follows_the_browser_then_the_managers_stored_choice(world):
    _, app = world
    client = _client(app, "area")
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "es-AR,es;q=0.9"
    page = client.get("/web/?period=custom&since=2026-11-28&until=2026-11-30").get_data(
        as_text=True
    )
    assert 'lang="es"' in page and "Resumen" in page and "28 nov 2026" in page
    assert "Clasificación" in page and "se solapan" in page
    assert re.search(r"\d+ respuestas", page) and " answers" not in page
    reply = client.post(
        "/web/language",
        data={"language": "en", "next": "/web/?period=7d", "csrf_token": csrf(client, "/web/")},
    )
    assert reply.headers["Location"] == "/web/?period=7d"
    assert "Overview" in client.get("/web/").get_data(as_text=True)
    # Stored for the manager: a new browser asking for Spanish gets English after login.
    other = web_client(app, "es")
    assert "Iniciar sesión" in other.get("/web/login").get_data(as_text=True)
    log_in(other, "area")
    page = other.get("/web/").get_data(as_text=True)
    assert 'lang="en"' in page and "Ranking" in page


def test_every_catalog_translates_every_string_of_the_pages():
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po

    from kiosk.endpoint.web.i18n import CATALOGS, LANGUAGES

    root = CATALOGS.parents[1]
    jinja = {"extensions": "jinja2.ext.i18n"}
    used = {
        m[2] if isinstance(m[2], str) else m[2][0]
        for m in extract_from_dir(
            str(root / "kiosk" / "endpoint" / "web"),
            method_map=[
                ("**.py", "python"),
                ("**/templates/**.html", "jinja2"),
                ("**/templates/**.txt", "jinja2"),  # the e-mails
            ],
            options_map={"**/templates/**.html": jinja, "**/templates/**.txt": jinja},
            keywords={"_": None, "gettext": None, "ngettext": (1, 2)},
        )
    }
    from kiosk.core.reasons import BUILTIN_REASONS

    used |= {m.template for m in BUILTIN_REASONS.values()}  # i18n.reason_label's words
    assert len(used) > 70
    for language in LANGUAGES:
        with (CATALOGS / language / "LC_MESSAGES" / "messages.po").open("rb") as f:
            catalog = read_po(f)
        untranslated = [
            m.id
            for m in catalog
            if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)
        ]  # every plural form
        assert untranslated == [], language
        held = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        assert used <= held, (language, used - held)


def test_changes_are_signed_and_never_minus_zero():
    from flask import Flask, g

    from kiosk.endpoint.web import i18n

    with Flask("t").app_context():
        g.language = "es"
        assert [i18n.signed(v) for v in (-0.3, 0.6, -10.2, None)] == ["±0", "+1", "−10", "–"]
        assert i18n.number(1880) == "1.880"
        g.language = "en"
        assert i18n.number(1880) == "1,880"


def test_a_chains_small_margin_is_written_with_a_decimal_in_the_language():
    """800,000 answers: ± 0.17 was written "± 0"."""
    from flask import Flask, g

    from kiosk.endpoint.web import i18n

    with Flask("t").app_context():
        g.language = "es"
        assert [i18n.margin(v) for v in (6.4, 0.17, 0.03, None)] == ["6", "0,2", "0,1", "–"]
        g.language = "en"
        assert i18n.margin(0.17) == "0.2"


def test_counted_sentences_write_their_count_in_the_language(world):
    _, app = world
    with app.test_request_context("/web/"):
        from flask import g, render_template_string

        for language, written in (("en", "812,793 answers"), ("es", "812.793 respuestas")):
            g.language = language
            template = '{{ ngettext("%(num)s answer", "%(num)s answers", n) }}'
            assert render_template_string(template, n=812793) == written


def test_links_to_writes_what_url_for_writes(world):
    from flask import url_for

    from kiosk.endpoint.web.views import links_to

    _, app = world
    with app.test_request_context("/web/"):
        for code in ("centro", "a b", "ñandú/1", "x?y&z=1", "100%", "0v0"):
            for values in ({}, {"period": "custom", "since": "2026-01-01", "until": "2026-02-01"}):
                assert links_to("web.site_page", "code", **values)(code) == url_for(
                    "web.site_page", code=code, **values
                )
        for case_id in (1, 42, 9_876_543_210, 10**12):
            assert links_to("web.case_page", "case_id", marker=9_876_543_210)(case_id) == url_for(
                "web.case_page", case_id=case_id
            )
