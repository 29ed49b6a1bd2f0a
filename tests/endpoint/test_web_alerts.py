"""The alerts, e-mail-and-reports and poster pages: forms with CSRF, each role's scope."""

from __future__ import annotations

from datetime import timedelta

import pytest

from endpoint.web_world import NOW, answer, app_for, build, csrf, log_in, web_client
from kiosk.endpoint.store import alerting
from kiosk.endpoint.store.engine import reading, writing


@pytest.fixture
def world(migrated_url):
    store = build(migrated_url)
    app = app_for(migrated_url, store)
    yield store, app
    store.close()


def _signed_in(app, who, language="en"):
    client = web_client(app, language)
    assert log_in(client, who).status_code == 302
    return client


def _rules(store):
    with reading(store.engine) as conn:
        return alerting.rules(conn)


def _add(client, **form):
    data = {"action": "add", "csrf_token": csrf(client, "/web/alerts"), "email": "on", **form}
    return client.post("/web/alerts", data=data)


def test_an_area_manager_adds_a_trigger_for_their_area_and_sees_it_listed(world):
    store, app = world
    client = _signed_in(app, "area")
    page = client.get("/web/alerts").get_data(as_text=True)
    assert 'value="area:1"' in page and 'value="site:2"' in page
    assert 'value="chain"' not in page and 'value="site:3"' not in page  # Norte's monte
    reply = _add(client, kind="detractors", scope="area:1", **{"detractors-share": "35"})
    assert reply.status_code == 302
    (rule,) = _rules(store)
    assert (rule.area_id, rule.site_id, rule.trigger.settings["share"]) == (1, None, 35.0)
    assert rule.actor == "area" and rule.language == "en"
    page = client.get("/web/alerts").get_data(as_text=True)
    assert "more than 35% detractors over 60 minutes, at least 5 answers" in page


def test_a_site_manager_cannot_add_for_the_chain_nor_remove_anothers_trigger(world):
    store, app = world
    admin = _signed_in(app, "admin")
    assert _add(admin, kind="silent", scope="chain", **{"silent-hours": "3"}).status_code == 302
    site = _signed_in(app, "site")
    reply = _add(site, kind="silent", scope="chain")
    assert reply.status_code == 400 and "Choose one of your sites" in reply.get_data(as_text=True)
    (rule,) = _rules(store)
    reply = site.post(
        "/web/alerts",
        data={"action": "remove", "rule": rule.rule_id, "csrf_token": csrf(site, "/web/alerts")},
    )
    assert reply.status_code == 400 and len(_rules(store)) == 1
    page = site.get("/web/alerts").get_data(as_text=True)
    assert "no contact for 3.0 hours" in page  # the chain's trigger is shown to all
    assert 'name="rule"' not in page  # but without a remove button


def test_bad_numbers_or_a_bad_chat_address_are_refused_with_a_reason(world):
    store, app = world
    client = _signed_in(app, "admin", "es")
    reply = _add(client, kind="detractors", scope="chain", **{"detractors-share": "150"})
    assert reply.status_code == 400 and "Revise las cifras" in reply.get_data(as_text=True)
    reply = _add(client, kind="silent", scope="chain", webhook="ftp://chat")
    assert reply.status_code == 400
    assert _rules(store) == []


def test_a_form_without_its_token_is_refused(world):
    store, app = world
    client = _signed_in(app, "admin")
    reply = client.post("/web/alerts", data={"action": "add", "kind": "silent", "scope": "chain"})
    assert reply.status_code == 400 and _rules(store) == []
    reply = client.post("/web/notifications", data={"action": "mail", "address": "a@b.example"})
    assert reply.status_code == 400


def test_alerts_show_in_the_inbox_until_marked_seen(world):
    store, app = world
    with writing(store.engine) as conn:
        from kiosk.core.answer import iso_utc
        from kiosk.core.triggers import Trigger

        alerting.add_rule(
            conn, iso_utc(NOW), "t", Trigger.checked("detractors", {"min_answers": 1})
        )
    batch = [answer(1, 0, NOW - timedelta(minutes=3))]
    store.store_answers({"id": "k-monte", "site": "monte", "app_version": "1"}, batch, NOW, 0.0)
    with writing(store.engine) as conn:
        (firing_id,) = alerting.evaluate(conn, NOW)
    other = _signed_in(app, "other-site")
    page = other.get("/web/inbox").get_data(as_text=True)
    assert "Monte: 100% detractors in the last 60 minutes" in page
    site = _signed_in(app, "site")  # centro's manager: not theirs
    assert "Monte: 100%" not in site.get("/web/inbox").get_data(as_text=True)
    data = {"action": "seen", "firing": firing_id, "csrf_token": csrf(site, "/web/alerts")}
    assert site.post("/web/alerts", data=data).status_code == 400
    data["csrf_token"] = csrf(other, "/web/alerts")
    assert other.post("/web/alerts", data=data).status_code == 302
    assert "Monte: 100%" not in other.get("/web/inbox").get_data(as_text=True)
    assert "seen by other-site" in other.get("/web/alerts").get_data(as_text=True)


def test_a_manager_sets_an_address_and_subscribes_within_their_scope(world):
    store, app = world
    client = _signed_in(app, "site", "es")
    token = csrf(client, "/web/notifications")
    reply = client.post(
        "/web/notifications", data={"action": "mail", "address": "no-at-sign", "csrf_token": token}
    )
    assert reply.status_code == 400 and "nombre@ejemplo.com" in reply.get_data(as_text=True)
    form = {"action": "mail", "address": "ana@centro.example", "alerts": "on", "csrf_token": token}
    assert client.post("/web/notifications", data=form).status_code == 302
    form = {"action": "subscribe", "scope": "area:1", "frequency": "weekly", "csrf_token": token}
    assert client.post("/web/notifications", data=form).status_code == 400  # not theirs
    form["scope"] = "site:1"
    assert client.post("/web/notifications", data=form).status_code == 302
    with reading(store.engine) as conn:
        (subscription,) = alerting.subscriptions(conn)
        assert alerting.mail_of(conn, subscription.user_id) == ("ana@centro.example", True)
    page = client.get("/web/notifications").get_data(as_text=True)
    assert "Semanal: Centro" in page
    form = {
        "action": "unsubscribe",
        "subscription": subscription.subscription_id,
        "csrf_token": token,
    }
    assert client.post("/web/notifications", data=form).status_code == 302
    with reading(store.engine) as conn:
        assert alerting.subscriptions(conn) == []


def test_the_poster_shows_what_guests_loved_and_what_to_improve(world):
    store, app = world
    batch = [
        answer(1, 10, NOW - timedelta(days=1), comment="Wonderful coffee"),
        answer(2, 2, NOW - timedelta(days=1), reasons=["waiting_time"]),
    ]
    store.store_answers({"id": "k-centro", "site": "centro", "app_version": "1"}, batch, NOW, 0.0)
    client = _signed_in(app, "site")
    page = client.get("/web/poster?scope=site:1&period=7d").get_data(as_text=True)
    assert "Wonderful coffee" in page and "Waiting time (1)" in page
    assert client.get("/web/poster?scope=site:3").status_code == 403


class _Controls(__import__("html.parser").parser.HTMLParser):
    """Every form control of a page and the labels it has (for=, or a wrapping label)."""

    def __init__(self) -> None:
        super().__init__()
        self.labelled_ids: set[str] = set()
        self.controls: list[tuple[str, dict]] = []
        self.inside_label = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.inside_label += 1
            if attrs.get("for"):
                self.labelled_ids.add(attrs["for"])
        elif tag in ("input", "select", "textarea"):
            if attrs.get("type") not in ("hidden", "submit"):
                self.controls.append((tag, {**attrs, "wrapped": self.inside_label > 0}))

    def handle_endtag(self, tag):
        if tag == "label":
            self.inside_label -= 1


@pytest.mark.parametrize(
    "path",
    ["/web/", "/web/site/centro", "/web/inbox", "/web/alerts", "/web/notifications",
     "/web/poster", "/web/password"],
)  # fmt: skip
def test_every_control_of_every_page_has_a_label(world, path):
    _, app = world
    page = _signed_in(app, "admin").get(path).get_data(as_text=True)
    parser = _Controls()
    parser.feed(page)
    assert parser.controls, path
    unlabelled = [
        (tag, attrs.get("name"))
        for tag, attrs in parser.controls
        if not attrs["wrapped"] and attrs.get("id") not in parser.labelled_ids
        and not attrs.get("aria-label")
    ]  # fmt: skip
    assert unlabelled == [], path
