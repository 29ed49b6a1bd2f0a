"""The web pages in a real Chromium (Playwright) against the service under waitress.

Log in and see the overview; a detractor alert POSTed with a kiosk token appears on the
open inbox page within 2 s (no reload) and in the tab title; assign, contact and resolve it
and the figures change; a site manager cannot reach another site's page, case or export;
the language switch changes the page. Screenshots at phone and desktop widths go to the
test's tmp folder. Skipped (with the reason) when Chromium or Playwright is missing, except
under CI=true, where that is a failure.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import time
import uuid

import pytest
import requests
from endpoint_server import LiveServer

from endpoint.web_world import NOW, PASSWORD, app_for, build

CHROMIUM = os.environ.get("KIOSK_TEST_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
SCORES = {
    "centro": [10] * 30 + [9] * 10 + [3] * 5,
    "playa": [10] * 20 + [7] * 10 + [2] * 12,
    "monte": [9, 5, 10],
}


@pytest.fixture
def chromium():
    """A headless Chromium per test (Playwright's threads end with it, as the leftover-thread
    check requires)."""
    reason = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "playwright is not installed (pip install playwright)"
    if reason is None and not shutil.which(CHROMIUM):
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + ": required under CI=true")
        pytest.skip(reason)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def served(tmp_path):
    db = tmp_path / "central.sqlite"
    store = build(str(db), SCORES)
    token = store.change("add-kiosk", "t", "k-door", "centro")
    # The real clock: the browser's polls and the kiosk's alert happen now.
    app = app_for(str(db), store, now=lambda: __import__("datetime").datetime.now(NOW.tzinfo))
    server = LiveServer(app)
    yield server.url, token, store
    server.stop()
    store.close()


def _page(chromium, size="desktop", language="en-GB"):
    context = chromium.new_context(viewport=SIZES[size], locale=language)
    return context, context.new_page()


def _log_in(page, url, name):
    page.goto(f"{url}/web/login")
    page.get_by_label("Name" if "Name" in page.content() else "Nombre").fill(name)
    page.locator("#password").fill(PASSWORD)
    page.locator("form.card button[type=submit]").click()
    page.wait_for_url(f"{url}/web/")


def _shoot(page, folder, name):
    """Each page at phone and desktop widths (into $KIOSK_TEST_SCREENSHOTS when set)."""
    folder = pathlib.Path(os.environ.get("KIOSK_TEST_SCREENSHOTS") or folder)
    folder.mkdir(parents=True, exist_ok=True)
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        page.screenshot(path=str(folder / f"{name}-{size}.png"), full_page=True)


def test_log_in_overview_then_a_live_alert_followed_up(chromium, served, tmp_path):
    url, token, _ = served
    context, page = _page(chromium)
    try:
        _log_in(page, url, "area")
        assert page.locator("h1").inner_text() == "Overview"
        assert page.locator(".tier").count() >= 1
        _shoot(page, tmp_path, "overview")
        page.goto(f"{url}/web/site/centro")
        _shoot(page, tmp_path, "site")
        page.goto(f"{url}/web/inbox")
        assert "No open cases." in page.content()
        time.sleep(1.2)  # the page has polled once: it knows there is nothing
        body = {
            "kiosk": {"id": "k-door", "site": "centro", "app_version": "1.0"},
            "sent_at": NOW.isoformat(),
            "answer": {
                "id": str(uuid.uuid4()),
                "seq": 1,
                "score": 1,
                "category": "detractor",
                "language": "es",
                "reasons": ["wait"],
                "comment": "Forty minutes in the queue",
                "flags": [],
                "completion": "sent",
                "app_version": "1.0",
                "created_at": "2026-11-30T11:50:00-03:00",
            },
        }
        posted = time.monotonic()
        reply = requests.post(
            f"{url}/v1/alerts", json=body, timeout=10, headers={"Authorization": f"Bearer {token}"}
        )
        assert reply.status_code == 200
        row = page.get_by_text("Forty minutes in the queue")
        row.wait_for(timeout=2000)
        assert time.monotonic() - posted < 2.0
        page.wait_for_function("document.title.startsWith('(1) ')", timeout=2000)
        _shoot(page, tmp_path, "inbox")
        page.locator("#inbox-rows a").first.click()
        page.locator("#assignee").select_option("site")
        page.get_by_role("button", name="Assign").click()
        page.get_by_role("button", name="Mark as contacted").click()
        page.locator("#outcome").select_option("recovered")
        page.get_by_role("button", name="Resolve").click()
        assert "Resolved (Recovered)" in page.locator("h1").inner_text()
        _shoot(page, tmp_path, "case")
        page.goto(f"{url}/web/inbox")
        figures = page.locator("tr.area").first.inner_text()
        assert "100 %" in figures and "Recovered: 1" in figures
        page.wait_for_function("document.title === 'Inbox'", timeout=2000)
    finally:
        context.close()


def test_a_site_manager_cannot_reach_another_sites_pages(chromium, served):
    url, _, store = served
    from endpoint.web_world import alert

    alert(store, "monte", 50)
    context, page = _page(chromium)
    try:
        _log_in(page, url, "site")
        for path in ("/web/site/monte", "/web/case/1", "/web/export/answers.csv?site=monte"):
            reply = page.goto(url + path)
            assert reply.status == 403, path
            assert "Not allowed" in page.content()
        assert "Monte" not in page.goto(url + "/web/").text()
    finally:
        context.close()


def test_the_language_switch_changes_the_page(chromium, served, tmp_path):
    url, _, _ = served
    context, page = _page(chromium, "phone", "es-ES")
    try:
        page.goto(f"{url}/web/login")
        assert page.locator("h1").inner_text() == "Iniciar sesión"
        page.locator("#language").select_option("en")
        page.get_by_role("button", name="Cambiar").click()
        assert page.locator("h1").inner_text() == "Log in"
        _log_in(page, url, "admin")
        page.locator("#language").select_option("es")
        page.get_by_role("button", name="Change").click()
        assert page.locator("h1").inner_text() == "Resumen"
        assert "Clasificación" in page.content()
        page.keyboard.press("Tab")  # the first stop is the skip link, shown when focused
        assert page.evaluate("document.activeElement.className") == "skip"
        _shoot(page, tmp_path, "overview-es")
    finally:
        context.close()


def test_a_trigger_added_in_the_page_fires_and_reports_and_the_poster_show(
    chromium, served, tmp_path
):
    from datetime import datetime, timedelta, timezone

    from endpoint.web_world import answer
    from kiosk.endpoint.store import alerting
    from kiosk.endpoint.store.engine import writing

    url, token, store = served
    context, page = _page(chromium, size="phone")
    try:
        _log_in(page, url, "admin")
        page.get_by_role("link", name="Alerts").click()
        page.locator("#kind").select_option("detractors")
        page.locator("#scope").select_option(label="Playa")
        page.get_by_label("Share of detractors above (%)").fill("20")
        page.get_by_label("over the last (minutes)").fill("10080")
        page.get_by_role("button", name="Add the trigger").click()
        assert "more than 20% detractors over 10,080 minutes" in page.content()
        now = datetime.now(timezone.utc)
        batch = [answer(100 + i, s, now - timedelta(hours=1)) for i, s in enumerate([2, 3, 9, 10])]
        store.store_answers({"id": "k-playa", "site": "playa", "app_version": "1"}, batch, now, 0)
        with writing(store.engine) as conn:  # a round of the service, now
            assert len(alerting.evaluate(conn, now)) == 1
        page.reload()
        assert "detractors in the last 10,080 minutes" in page.content(), page.inner_text(".alerts")
        _shoot(page, tmp_path, "alerts")
        page.goto(f"{url}/web/inbox")
        assert "New alerts: 1" in page.content()
        page.get_by_role("link", name="E-mail and reports").click()
        page.get_by_label("E-mail address").fill("admin@chain.example")
        page.get_by_label("Send me the alerts of my sites").check()
        page.get_by_role("button", name="Save").click()
        page.locator("#frequency").select_option("weekly")
        page.locator("#scope").select_option(label="Sur")
        page.get_by_role("button", name="Add the report").click()
        assert "Weekly: Sur" in page.content()
        _shoot(page, tmp_path, "notifications")
        page.get_by_role("link", name="Centro").click()
        assert page.locator(".poster h1").inner_text() == "Centro"
        _shoot(page, tmp_path, "poster")
    finally:
        context.close()
