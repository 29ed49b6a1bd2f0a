"""The managers' web pages: log in, cookies, CSRF, throttling shared through the database,
log out, change password (both stores)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from endpoint.web_world import NOW, PASSWORD, app_for, build, csrf, log_in, web_client
from kiosk.endpoint.store import logins


@pytest.fixture
def world(migrated_url):
    store = build(migrated_url)
    clock = {"now": NOW}
    app = app_for(migrated_url, store, now=lambda: clock["now"])
    yield store, app, clock, migrated_url
    store.close()


def test_login_sets_a_signed_httponly_lax_cookie_secure_only_on_tls(world):
    _, app, _, _ = world
    client = web_client(app)
    reply = log_in(client, "admin")
    assert reply.status_code == 302 and reply.headers["Location"] == "/web/"
    cookie = reply.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    assert PASSWORD not in cookie
    page = client.get("/web/")
    assert page.status_code == 200 and "admin" in page.get_data(as_text=True)
    tls = web_client(app)
    csrf_token = csrf(tls)  # the anonymous session's cookie over http
    reply = tls.post(
        "/web/login",
        base_url="https://localhost",
        data={"name": "admin", "password": PASSWORD, "csrf_token": csrf_token},
    )
    assert reply.status_code == 302 and "Secure" in reply.headers["Set-Cookie"]


def test_anonymous_pages_go_to_the_login_and_come_back(world):
    _, app, _, _ = world
    client = web_client(app)
    reply = client.get("/web/?period=7d")
    assert reply.status_code == 302 and reply.headers["Location"].startswith("/web/login?next=")
    token = csrf(client)
    reply = client.post(
        reply.headers["Location"], data={"name": "site", "password": PASSWORD, "csrf_token": token}
    )
    assert reply.headers["Location"] == "/web/?period=7d"


def test_login_never_redirects_off_site(world):
    _, app, _, _ = world
    client = web_client(app)
    for target in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)"):
        token = csrf(client)  # a login starts a new session with a new token
        reply = client.post(
            "/web/login",
            query_string={"next": target},
            data={"name": "admin", "password": PASSWORD, "csrf_token": token},
        )
        assert reply.headers["Location"] == "/web/"


@pytest.mark.parametrize("path", ["/web/login", "/web/logout", "/web/language", "/web/password"])
def test_a_form_without_or_with_a_wrong_csrf_token_is_refused(world, path):
    store, app, _, _ = world
    client = web_client(app)
    log_in(client, "admin")
    for data in ({}, {"csrf_token": "forged"}):
        reply = client.post(
            path,
            data={
                "name": "admin",
                "password": PASSWORD,
                "old": PASSWORD,
                "new": "x" * 12,
                "again": "x" * 12,
                "language": "en",
                **data,
            },
        )
        assert reply.status_code == 400, path
        assert "out of date" in reply.get_data(as_text=True)
    assert client.get("/web/").status_code == 200  # still signed in: logout did not happen
    assert store.user_for_password("admin", PASSWORD) is not None  # password unchanged


def test_wrong_passwords_grow_the_delay_then_lock_the_name_in_every_process(world):
    store, app, clock, url = world
    client = web_client(app)
    for _ in range(logins.FREE_FAILURES):
        reply = log_in(client, "site", "wrong")
        assert reply.status_code == 401
    assert "Wait 1 seconds" in reply.get_data(as_text=True)
    # During the wait even the right password is not checked, in a second process too.
    other = web_client(app_for(url, store, now=lambda: clock["now"]))
    reply = log_in(other, "site")
    assert reply.status_code == 401 and "Wait" in reply.get_data(as_text=True)
    waits = []
    for _ in range(logins.FREE_FAILURES + 1, logins.LOCK_AFTER):
        clock["now"] += timedelta(seconds=61)
        log_in(client, "site", "wrong")
        refused = log_in(other, "site").get_data(as_text=True)  # right, but too soon
        waits.append(int(re.search(r"Wait (\d+) seconds", refused).group(1)))
    assert waits == [2, 4, 8, 16, 32, 60]
    clock["now"] += timedelta(seconds=61)
    reply = log_in(client, "site", "wrong")  # the LOCK_AFTER-th failure
    assert reply.status_code == 429 and "locked for 30 minutes" in reply.get_data(as_text=True)
    clock["now"] += timedelta(minutes=29)
    assert log_in(other, "site").status_code == 429
    clock["now"] += timedelta(minutes=2)
    assert log_in(other, "site").status_code == 302
    # A right password reset the count: one new failure costs nothing again.
    assert log_in(client, "site", "wrong").status_code == 401
    assert log_in(client, "site").status_code == 302
    assert any(row["action"] == "login-locked" for row in store.audit_rows())


def test_an_unknown_name_is_throttled_like_a_known_one(world):
    _, app, _, _ = world
    client = web_client(app)
    for _ in range(logins.FREE_FAILURES):
        known = log_in(client, "site", "wrong").get_data(as_text=True)
        unknown = log_in(client, "nobody", "wrong").get_data(as_text=True)
    assert ("Wait 1 seconds" in known) and ("Wait 1 seconds" in unknown)


def test_log_out_ends_the_session(world):
    _, app, _, _ = world
    client = web_client(app)
    log_in(client, "admin")
    reply = client.post("/web/logout", data={"csrf_token": csrf(client, "/web/")})
    assert reply.status_code == 302
    assert client.get("/web/").status_code == 302


def test_changing_the_password_ends_other_sessions_and_keeps_this_one(world):
    store, app, _, _ = world
    mine, elsewhere = web_client(app), web_client(app)
    log_in(mine, "area")
    log_in(elsewhere, "area")
    token = csrf(mine, "/web/password")
    base = {"csrf_token": token, "old": PASSWORD}
    assert (
        mine.post("/web/password", data={**base, "new": "short", "again": "short"}).status_code
        == 400
    )
    assert (
        mine.post("/web/password", data={**base, "new": "a" * 12, "again": "b" * 12}).status_code
        == 400
    )
    assert (
        mine.post(
            "/web/password", data={**base, "old": "wrong", "new": "n" * 12, "again": "n" * 12}
        ).status_code
        == 400
    )
    reply = mine.post(
        "/web/password", data={**base, "new": "new password!", "again": "new password!"}
    )
    assert reply.status_code == 200 and "Password changed" in reply.get_data(as_text=True)
    assert mine.get("/web/").status_code == 200
    assert elsewhere.get("/web/").status_code == 302
    assert store.user_for_password("area", "new password!") is not None
    assert store.user_for_password("area", PASSWORD) is None


def test_a_disabled_manager_is_signed_out_at_the_next_request(world):
    store, app, _, _ = world
    client = web_client(app)
    log_in(client, "site")
    from sqlalchemy import update

    from kiosk.endpoint.store import schema

    with store.engine.begin() as conn:
        conn.execute(
            update(schema.users)
            .where(schema.users.c.name == "site")
            .values(disabled_utc="2026-11-30T00:00:00.000000Z")
        )
    assert client.get("/web/").status_code == 302
    assert log_in(client, "site").status_code == 401


def test_the_cookie_is_secure_behind_a_tls_proxy_when_so_configured(world):
    _, app, _, _ = world
    app.config["PREFERRED_URL_SCHEME"] = "https"
    client = web_client(app)
    reply = log_in(client, "admin")
    assert reply.status_code == 302 and "Secure" in reply.headers["Set-Cookie"]
