"""Follow-up cases: a detractor alert POSTed by a kiosk opens a case in the same
transaction; the inbox sorts by time left and marks overdue cases in words; assign, contact,
resolve and dismiss keep every change's time and author; the loop's figures follow (both
stores)."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from endpoint.web_world import NOW, alert, answer, app_for, build, csrf, log_in, web_client
from kiosk.endpoint.store import schema
from kiosk.endpoint.store.cases import CaseBook, CaseError


@pytest.fixture
def world(migrated_url):
    store = build(migrated_url)
    clock = {"now": NOW}
    app = app_for(migrated_url, store, now=lambda: clock["now"])
    yield store, app, clock
    store.close()


def _count(store, table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _post_alert(client, token, code, score=3, comment="Nobody at the counter", kiosk_id=""):
    body = {
        "kiosk": {"id": kiosk_id or f"k-{code}", "site": code, "app_version": "1.0"},
        "sent_at": NOW.isoformat(),
        "answer": {
            "id": str(uuid.uuid4()),
            "seq": 7,
            "score": score,
            "category": "detractor",
            "language": "es",
            "reasons": ["wait"],
            "comment": comment,
            "flags": [],
            "completion": "sent",
            "app_version": "1.0",
            "created_at": "2026-11-30T11:50:00-03:00",
        },
    }
    return client.post("/v1/alerts", json=body, headers={"Authorization": f"Bearer {token}"}), body


def test_a_kiosks_alert_opens_one_case_shown_in_the_inbox(world):
    store, app, _ = world
    token = store.change("add-kiosk", "t", "k-new", "centro")
    kiosk = app.test_client()
    reply, body = _post_alert(kiosk, token, "centro", kiosk_id="k-new")
    assert reply.status_code == 200, reply.get_json()
    again = kiosk.post("/v1/alerts", json=body, headers={"Authorization": f"Bearer {token}"})
    assert again.status_code == 200
    assert _count(store, schema.alerts) == _count(store, schema.cases) == 1
    client = web_client(app)
    log_in(client, "site")
    page = client.get("/web/inbox").get_data(as_text=True)
    assert "Nobody at the counter" in page and "48.0 h left" in page
    assert "<title>(1) Inbox" in page
    assert client.get("/web/inbox/live").get_json()["pending"] == 1
    case_page = client.get("/web/case/1").get_data(as_text=True)
    assert "Nobody at the counter" in case_page and "wait" in case_page and "Centro" in case_page


def test_the_inbox_sorts_by_time_left_and_says_overdue_in_words(world):
    store, app, clock = world
    alert(store, "centro", 1, comment="old one", received=NOW - timedelta(hours=50))
    alert(store, "centro", 2, comment="new one", received=NOW - timedelta(hours=1))
    alert(store, "playa", 3, comment="middle", received=NOW - timedelta(hours=20))
    client = web_client(app)
    log_in(client, "area")
    page = client.get("/web/inbox").get_data(as_text=True)
    order = [page.index(text) for text in ("old one", "middle", "new one")]
    assert order == sorted(order)
    row = page[page.rindex("<tr", 0, page.index("old one")) : page.index("old one")]
    assert 'class="overdue"' in row and "⚠ Overdue: 2.0 h" in row
    assert page.count("Overdue") == 1


def test_assign_contact_resolve_keep_every_change_and_move_the_figures(world):
    store, app, clock = world
    alert(store, "centro", 1, received=NOW)
    alert(store, "centro", 2, received=NOW)
    client = web_client(app)
    log_in(client, "site")
    token = csrf(client, "/web/case/1")

    def act(case_id, **form):
        return client.post(f"/web/case/{case_id}", data={"csrf_token": token, **form})

    assert act(1, action="assign", assignee="other-site").status_code == 400  # not this site
    assert act(1, action="assign", assignee="site").status_code == 302
    clock["now"] = NOW + timedelta(hours=3)
    assert act(1, action="contact").status_code == 302
    assert act(1, action="contact").status_code == 400  # contacted already
    clock["now"] = NOW + timedelta(hours=5)
    assert act(1, action="resolve", outcome="recovered", note="Called, refund").status_code == 302
    assert act(1, action="resolve", outcome="recovered").status_code == 400  # closed
    assert act(2, action="resolve", outcome="made-up").status_code == 400
    clock["now"] = NOW + timedelta(hours=60)  # case 2 missed its target
    page = client.get("/web/inbox").get_data(as_text=True)
    figures = re.search(
        r'<tr class="area"><th scope="row">All my sites</th>(.*?)</tr>', page, re.S
    ).group(1)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", figures, re.S)
    assert cells[:4] == ["2", "3.0 h", "50 %", "50 %"]
    assert "Recovered: 1" in cells[4]
    case, events = CaseBook(store.engine).case(1)
    assert case.status == "resolved" and case.outcome == "recovered"
    assert [(e.actor, e.action) for e in events] == [
        ("kiosk:k-centro", "open"),
        ("site", "assign"),
        ("site", "contact"),
        ("site", "resolve"),
    ]
    assert events[-1].detail == {"note": "Called, refund", "outcome": "recovered"}
    assert events[2].at_utc.startswith("2026-11-30T18:00")
    assert act(2, action="dismiss", outcome="spam").status_code == 302
    page = client.get("/web/inbox").get_data(as_text=True)
    assert "No open cases." in page


def test_a_site_manager_cannot_see_or_change_another_sites_case(world):
    store, app, _ = world
    alert(store, "monte", 1)
    client = web_client(app)
    log_in(client, "site")
    assert client.get("/web/case/1").status_code == 403
    reply = client.post(
        "/web/case/1",
        data={"csrf_token": csrf(client, "/web/inbox"), "action": "dismiss", "outcome": "spam"},
    )
    assert reply.status_code == 403
    assert CaseBook(store.engine).case(1)[0].status == "open"
    assert "monte" not in client.get("/web/inbox").get_data(as_text=True).lower()
    assert client.get("/web/inbox/live").get_json()["pending"] == 0


def test_an_areas_own_target_sets_the_due_time(world):
    store, app, _ = world
    book = CaseBook(store.engine)
    with store.engine.connect() as conn:
        sur = conn.execute(
            select(schema.areas.c.id).where(schema.areas.c.name == "Sur")
        ).scalar_one()
    book.set_target(sur, 4)
    with pytest.raises(CaseError):
        book.set_target(sur, 0)
    alert(store, "centro", 1)
    alert(store, "monte", 2)
    due = {c.site: c.due_utc for c in book.inbox(None)}
    assert due["Centro"].startswith("2026-11-30T19:00") and due["Monte"].startswith(
        "2026-12-02T15:00"
    )


def test_exports_hold_the_viewers_sites_only_with_formulas_made_inert(world):
    import csv
    import io
    import json

    from openpyxl import load_workbook

    store, app, _ = world
    alert(store, "centro", 1, comment='=HYPERLINK("http://x")')
    alert(store, "monte", 2, comment="monte's")
    store.store_answers(
        {"id": "k-centro", "site": "centro", "app_version": "1.0"},
        [answer(5, 9, NOW, comment="@SUM(A1)")],
        NOW,
        0.0,
    )
    store.store_answers(
        {"id": "k-monte", "site": "monte", "app_version": "1.0"}, [answer(5, 9, NOW)], NOW, 0.0
    )
    client = web_client(app)
    log_in(client, "site")
    cases = list(
        csv.reader(
            io.StringIO(client.get("/web/export/cases.csv").get_data(as_text=True).lstrip("\ufeff"))
        )
    )
    assert len(cases) == 2 and cases[1][1] == "Centro"
    assert cases[1][-1] == '\'=HYPERLINK("http://x")'
    cases_json = json.loads(client.get("/web/export/cases.json").get_data(as_text=True))
    assert [c["comment"] for c in cases_json["cases"]] == ['=HYPERLINK("http://x")']
    answers = client.get("/web/export/answers.csv").get_data(as_text=True)
    assert "'@SUM(A1)" in answers and "monte" not in answers
    reply = client.get("/web/export/answers.xlsx")
    sheet = load_workbook(io.BytesIO(reply.get_data())).active
    assert sheet.max_row == 2
    reply = client.get("/web/export/cases.xlsx")
    assert load_workbook(io.BytesIO(reply.get_data())).active.max_row == 2
    assert client.get("/web/export/cases.csv?site=monte").status_code == 403
    assert client.get("/web/export/answers.pdf").status_code == 404


def test_the_alert_and_its_case_are_one_transaction(world):
    """When the case cannot be written, the alert is not kept either (the kiosk retries)."""
    from sqlalchemy import text

    store, app, _ = world
    token = store.change("add-kiosk", "t", "k-new", "centro")
    with store.engine.begin() as conn:
        conn.execute(text("ALTER TABLE case_events RENAME TO case_events_away"))
    reply, body = _post_alert(app.test_client(), token, "centro", kiosk_id="k-new")
    assert reply.status_code == 503
    assert _count(store, schema.alerts) == _count(store, schema.cases) == 0
    with store.engine.begin() as conn:
        conn.execute(text("ALTER TABLE case_events_away RENAME TO case_events"))
    reply = app.test_client().post(
        "/v1/alerts", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert reply.status_code == 200
    assert _count(store, schema.alerts) == _count(store, schema.cases) == 1


def test_the_case_shows_the_guests_contact_while_its_retention_lasts(world):
    store, app, clock = world
    token = store.change("add-kiosk", "t", "k-call", "centro")
    kiosk = app.test_client()
    reply, body = _post_alert(kiosk, token, "centro", kiosk_id="k-call")
    assert reply.status_code == 200
    contact = {
        "kiosk": body["kiosk"],
        "sent_at": NOW.isoformat(),
        "contact": {
            "answer_id": body["answer"]["id"],
            "name": "Ana",
            "reach": "+34 600 111 222",
            "reach_kind": "phone",
            "consent_text": "Pueden llamarme por este comentario.",
            "language": "es",
            "consented_at": (NOW - timedelta(minutes=10)).isoformat(),
            "retention_days": 30,
        },
    }
    reply = kiosk.post("/v1/contacts", json=contact, headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200, reply.get_json()
    client = web_client(app)
    log_in(client, "site")
    case_id = CaseBook(store.engine).inbox(None)[0].case_id
    page = client.get(f"/web/case/{case_id}").get_data(as_text=True)
    assert 'href="tel:+34600111222"' in page and "Ana" in page
    assert "Pueden llamarme por este comentario." in page
    clock["now"] = NOW + timedelta(days=31)
    page = client.get(f"/web/case/{case_id}").get_data(as_text=True)
    assert "+34 600 111 222" not in page and "retention period has ended" in page


def test_a_long_inbox_lists_the_most_urgent_and_every_new_case(world, monkeypatch):
    from kiosk.endpoint.web import inbox

    monkeypatch.setattr(inbox, "MOST_URGENT", 2)
    store, app, _ = world
    for seq, hours in enumerate((70, 60, 50, 40), start=1):
        alert(store, "centro", seq, comment=f"backlog {seq}", received=NOW - timedelta(hours=hours))
    alert(store, "centro", 9, comment="just in", received=NOW - timedelta(minutes=5))
    client = web_client(app)
    log_in(client, "admin")
    page = client.get("/web/inbox").get_data(as_text=True)
    shown = [n for n in range(1, 5) if f"backlog {n}<" in page]
    assert shown == [1, 2] and "just in" in page  # two most urgent, and the new one
    assert "<title>(5) Inbox" in page and "Show all 5 open cases" in page
    assert page.index("backlog 2") < page.index("just in")  # still by time left
    rows = client.get("/web/inbox?part=rows").get_data(as_text=True)
    assert "backlog 1" in rows and "backlog 3" not in rows and "just in" in rows
    everything = client.get("/web/inbox?all=1").get_data(as_text=True)
    assert all(f"backlog {n}" in everything for n in range(1, 5))
    assert "Show all" not in everything and "part=rows&amp;all=1" in everything


def test_the_figures_count_the_cases_of_the_last_30_days(world):
    store, app, _ = world
    alert(store, "centro", 1, received=NOW - timedelta(days=40))
    alert(store, "centro", 2, received=NOW - timedelta(days=3))
    book = CaseBook(store.engine)
    assert book.kpis(None, NOW).cases == 2
    assert book.kpis(None, NOW, NOW - timedelta(days=30)).cases == 1
    client = web_client(app)
    log_in(client, "admin")
    page = client.get("/web/inbox").get_data(as_text=True)
    figures = re.search(r'<tr class="area"><th scope="row">All my sites</th><td>(\d+)</td>', page)
    assert figures and figures.group(1) == "1"
    assert "Cases opened in the last 30 days." in page
