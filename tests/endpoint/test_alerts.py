"""Alerts beyond the single answer and the team's reports, end to end on both stores.

Triggers fire through real rounds (``AlertRounds.run_once``) and their e-mails go through a
real SMTP server on 127.0.0.1 (aiosmtpd), their chat messages to a real HTTP server: one
message per trigger and window, in each manager's language, with the right numbers.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from helpers.mail import MailServer, WebhookServer
from sqlalchemy import select

from endpoint.web_world import NOW, alert, answer, app_for, build
from kiosk.core.answer import iso_utc
from kiosk.core.nps import summarize_scores
from kiosk.core.triggers import Trigger
from kiosk.endpoint.alert_rounds import AlertRounds
from kiosk.endpoint.config import AlertSettings, MailSettings
from kiosk.endpoint.store import alerting, schema
from kiosk.endpoint.store.engine import reading, writing
from kiosk.endpoint.store.service import CentralStore

LINK = "https://feedback.example"


@pytest.fixture
def mail():
    server = MailServer()
    yield server
    server.close()


@pytest.fixture
def world(migrated_url):
    store = build(migrated_url)
    clock = {"now": NOW}
    app = app_for(migrated_url, store, now=lambda: clock["now"])
    yield store, app, clock
    store.close()


def _rounds(app, store, clock, mail: MailServer | None) -> AlertRounds:
    settings = MailSettings(
        host="127.0.0.1", port=mail.port, security="none", sender="alerts@example.com"
    ) if mail else None  # fmt: skip
    return AlertRounds(
        app, store, AlertSettings(interval=0, public_url=LINK), settings, now=lambda: clock["now"]
    )


def _run(app, store, clock, mail):
    rounds = _rounds(app, store, clock, mail)
    try:
        return rounds.run_once()
    finally:
        rounds.stop()


def _user_id(store: CentralStore, name: str) -> int:
    with reading(store.engine) as conn:
        return conn.execute(select(schema.users.c.id).where(schema.users.c.name == name)).scalar()


def _mail_to(store, app, name: str, language: str, alerts: bool = True) -> str:
    address = f"{name}@example.com"
    user_id = _user_id(store, name)
    with writing(store.engine) as conn:
        alerting.set_mail(conn, iso_utc(NOW), user_id, address, alerts)
    app.extensions["web_store"].set_language(user_id, language)
    return address


def _trigger(store, kind: str, *, site: str | None = None, area: str | None = None, **kw):
    from kiosk.endpoint.store import registry

    email = kw.pop("email", True)
    webhook = kw.pop("webhook", "")
    with writing(store.engine) as conn:
        return alerting.add_rule(
            conn,
            iso_utc(NOW),
            "t",
            Trigger.checked(kind, kw),
            site_id=registry.site_id(conn, site) if site else None,
            area_id=registry.area_id(conn, area) if area else None,
            email=email,
            webhook_url=webhook,
            language="en",
        )


def _answers(store, code: str, scores: list[int], when: datetime, first_seq: int, **extra):
    batch = [answer(first_seq + i, s, when, **extra) for i, s in enumerate(scores)]
    store.store_answers({"id": f"k-{code}", "site": code, "app_version": "1.0"}, batch, when, 0.0)


def _firings(store) -> list:
    with reading(store.engine) as conn:
        return alerting.firings(conn, None, NOW - timedelta(days=30))


def test_many_detractors_fire_once_per_window_to_each_manager_in_their_language(world, mail):
    store, app, clock = world
    admin = _mail_to(store, app, "admin", "en")
    area = _mail_to(store, app, "area", "es")
    site = _mail_to(store, app, "site", "es")
    other = _mail_to(store, app, "other-site", "en")  # monte: not this site's manager
    _mail_to(store, app, "area", "es")
    _trigger(store, "detractors", share=40, minutes=60, min_answers=5)
    _answers(store, "centro", [2, 3, 5, 9, 10], NOW - timedelta(minutes=20), 1)  # 60 %
    _answers(store, "playa", [2, 9, 9, 10, 10], NOW - timedelta(minutes=20), 1)  # 20 %
    _answers(store, "monte", [1, 1, 1, 1], NOW - timedelta(minutes=20), 1)  # too few

    result = _run(app, store, clock, mail)

    assert (result.fired, result.sent, result.failed) == (1, 3, 0)
    assert [f.site for f in _firings(store)] == ["Centro"]
    assert mail.to(other) == []
    english = mail.to(admin)[0]
    assert english["Subject"] == "Centro: 60% detractors in the last 60 minutes"
    assert english["Content-Language"] == "en"
    body = english.get_content()
    assert "3 of the 5 answers of the last 60 minutes were detractors (60.0%)" in body
    assert "above 40% with at least 5 answers" in body
    assert f"{LINK}/web/alerts" in body
    spanish = mail.to(area)[0]
    assert spanish["Subject"] == "Centro: 60 % de detractores en los últimos 60 minutos"
    assert "3 de las 5 respuestas" in spanish.get_content()
    assert "60,0 %" in spanish.get_content()
    assert len(mail.to(site)) == 1

    clock["now"] = NOW + timedelta(minutes=5)  # the same window: nothing more
    assert _run(app, store, clock, mail).fired == 0
    assert len(mail.messages) == 3

    clock["now"] = NOW + timedelta(minutes=70)  # the next window, still too many
    _answers(store, "centro", [0, 1, 2, 3, 4], clock["now"] - timedelta(minutes=5), 10)
    assert _run(app, store, clock, mail).fired == 1
    assert len(mail.to(admin)) == 2


def test_a_manager_who_wants_no_alerts_gets_none_and_flagged_answers_do_not_count(world, mail):
    store, app, clock = world
    quiet = _mail_to(store, app, "admin", "en", alerts=False)
    _trigger(store, "detractors", share=40, minutes=60, min_answers=3)
    _answers(store, "centro", [1, 1, 1], NOW - timedelta(minutes=5), 1, flags=["repeat_burst"])
    assert _run(app, store, clock, mail).fired == 0  # flagged answers are not guests' voice
    _answers(store, "centro", [1, 1, 1], NOW - timedelta(minutes=5), 10)
    assert _run(app, store, clock, mail).fired == 1
    assert mail.to(quiet) == []


def test_a_silent_kiosk_fires_once_per_silence(world, mail):
    store, app, clock = world
    address = _mail_to(store, app, "site", "en")
    _trigger(store, "silent", site="centro", hours=4)
    _answers(store, "centro", [9], NOW, 1)  # last contact: NOW
    clock["now"] = NOW + timedelta(hours=3)
    assert _run(app, store, clock, mail).fired == 0
    clock["now"] = NOW + timedelta(hours=5)
    assert _run(app, store, clock, mail).fired == 1
    clock["now"] = NOW + timedelta(hours=9)
    assert _run(app, store, clock, mail).fired == 0
    (message,) = mail.to(address)
    assert message["Subject"] == "Centro: kiosk k-centro silent for 5.0 hours"
    # Heard from again, then silent again: a new silence, a new alert.
    _answers(store, "centro", [9], NOW + timedelta(hours=10), 2)
    clock["now"] = NOW + timedelta(hours=15)
    assert _run(app, store, clock, mail).fired == 1


def test_a_case_about_to_miss_its_target_fires_once(world, mail):
    store, app, clock = world
    address = _mail_to(store, app, "area", "en")
    _trigger(store, "case_due", area="Sur", hours=6)
    alert(store, "centro", 1)  # due NOW + 48 h
    alert(store, "playa", 1)
    with reading(store.engine) as conn:
        playa_case = conn.execute(
            select(schema.cases.c.id).where(schema.cases.c.kiosk_id == "k-playa")
        ).scalar()
    app.extensions["case_book"].change(playa_case, "area", "contact", NOW + timedelta(hours=1))
    clock["now"] = NOW + timedelta(hours=41)
    assert _run(app, store, clock, mail).fired == 0
    clock["now"] = NOW + timedelta(hours=43)
    assert _run(app, store, clock, mail).fired == 1  # centro's; playa's was contacted
    clock["now"] = NOW + timedelta(hours=45)
    assert _run(app, store, clock, mail).fired == 0
    (message,) = mail.to(address)
    assert message["Subject"].startswith("Centro: case #")
    assert "misses its target in 5.0 hours" in message["Subject"]
    assert f"{LINK}/web/case/" in message.get_content()


def test_the_chat_webhook_gets_one_message_and_a_refusal_is_tried_again(world):
    store, app, clock = world
    hook = WebhookServer(status=503)
    try:
        _trigger(store, "detractors", share=10, minutes=30, min_answers=1, email=False,
                 webhook=hook.url)  # fmt: skip
        _answers(store, "monte", [0], NOW - timedelta(minutes=1), 1)
        result = _run(app, store, clock, None)
        assert (result.fired, result.sent, result.failed) == (1, 0, 1)
        with reading(store.engine) as conn:
            assert alerting.delivery_counts(conn) == {"pending": 1}
        hook.status = 200
        assert _run(app, store, clock, None).sent == 0  # not before its pause
        clock["now"] = NOW + timedelta(minutes=2)
        assert _run(app, store, clock, None).sent == 1
        assert _run(app, store, clock, None).sent == 0
        assert len(hook.bodies) == 2
        assert hook.bodies[-1]["text"].startswith("Monte: 100% detractors in the last 30 minutes")
    finally:
        hook.close()


def test_an_smtp_server_that_refuses_gets_the_message_later_once(world, mail):
    store, app, clock = world
    address = _mail_to(store, app, "admin", "en")
    _trigger(store, "detractors", share=10, minutes=30, min_answers=1)
    _answers(store, "monte", [0], NOW - timedelta(minutes=1), 1)
    mail.refuse = True
    assert _run(app, store, clock, mail).failed == 1
    mail.refuse = False
    clock["now"] = NOW + timedelta(minutes=3)
    assert _run(app, store, clock, mail).sent == 1
    assert len(mail.to(address)) == 1


def test_without_an_smtp_server_e_mail_is_given_up_with_a_reason(world):
    store, app, clock = world
    _mail_to(store, app, "admin", "en")
    _trigger(store, "detractors", share=10, minutes=30, min_answers=1)
    _answers(store, "monte", [0], NOW - timedelta(minutes=1), 1)
    assert _run(app, store, clock, None).failed == 1
    with reading(store.engine) as conn:
        row = conn.execute(select(schema.deliveries)).one()
    assert row.status == "failed" and "no SMTP server" in row.last_error
    assert len(_firings(store)) == 1  # the alert itself is on the pages all the same


def test_two_processes_evaluating_at_once_fire_once(world, migrated_url):
    store, app, clock = world
    _trigger(store, "detractors", share=10, minutes=30, min_answers=1)
    _answers(store, "monte", [0], NOW - timedelta(minutes=1), 1)
    other = CentralStore.open(migrated_url)
    barrier = threading.Barrier(2)
    fired: list[int] = []

    def evaluate(central: CentralStore) -> None:
        barrier.wait()
        with writing(central.engine) as conn:
            fired.extend(alerting.evaluate(conn, NOW))

    try:
        threads = [threading.Thread(target=evaluate, args=(s,)) for s in (store, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        other.close()
    assert len(fired) == 1 and len(_firings(store)) == 1


def test_a_weekly_report_is_sent_once_with_the_numbers_of_last_week(world, mail):
    store, app, clock = world
    address = _mail_to(store, app, "site", "es")
    with writing(store.engine) as conn:
        alerting.subscribe(conn, iso_utc(NOW), _user_id(store, "site"), "site", 1, "weekly")
    week = datetime(2026, 11, 25, 15, 0, tzinfo=timezone.utc)  # Wednesday of Nov 23-29
    scores = [10, 10, 9, 9, 8, 7, 3, 2, 0, 10]
    _answers(store, "centro", scores[:6], week, 1, reasons=["friendliness"],
             comment="¡Muy amables!")  # fmt: skip
    _answers(store, "centro", scores[6:9], week, 20, reasons=["waiting_time"], comment="Lento")
    _answers(store, "centro", scores[9:], week, 30, reasons=["speed"])
    _answers(store, "centro", [0, 0], NOW - timedelta(hours=2), 40)  # this week: not in it
    clock["now"] = datetime(2026, 11, 30, 5, 0, tzinfo=timezone.utc)  # before the hour
    assert _run(app, store, clock, mail).reports == 0
    clock["now"] = datetime(2026, 11, 30, 7, 0, tzinfo=timezone.utc)
    result = _run(app, store, clock, mail)
    assert (result.reports, result.sent) == (1, 1)
    (message,) = mail.to(address)
    summary = summarize_scores(scores)
    expected_nps = round(summary.nps)
    expected_margin = round(summary.margin_of_error)
    assert message["Subject"].startswith("Informe semanal: Centro, 23 nov 2026")
    body = message.get_content()
    assert f"NPS {expected_nps:+d}".replace("+", "") in body or f"NPS {expected_nps}" in body
    assert f"± {expected_margin}" in body
    assert "10 respuestas" in body
    assert "Tiempo de espera: 3" in body  # the detractors' reason, in Spanish
    assert "¡Muy amables!" in body
    assert f"{LINK}/web/poster?scope=site:1" in body
    clock["now"] += timedelta(hours=5)
    assert _run(app, store, clock, mail).reports == 0
    assert len(mail.messages) == 1


@pytest.mark.slow
def test_the_served_command_fires_and_mails_on_its_own(tmp_path, mail):
    """``kiosk endpoint`` with --smtp-*: a kiosk's real POST, and the e-mail follows."""
    import subprocess
    import sys
    import time

    import requests
    from helpers.mail import free_port

    db = str(tmp_path / "central.sqlite")
    store = build(db)
    token = store.change("add-kiosk", "t", "k-door", "centro")
    _mail_to(store, app_for(db, store), "site", "en")
    _trigger(store, "detractors", share=50, minutes=60, min_answers=2)
    store.close()
    port = free_port()
    command = [sys.executable, "-m", "kiosk", "endpoint", "--db", db, "--port", str(port),
               "--smtp-host", "127.0.0.1", "--smtp-port", str(mail.port), "--smtp-security",
               "none", "--smtp-from", "alerts@chain.example", "--alert-interval", "0.3",
               "--public-url", "https://feedback.chain.example/"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        now = datetime.now(timezone.utc)
        body = {
            "kiosk": {"id": "k-door", "site": "centro", "app_version": "1.0"},
            "sent_at": now.isoformat(),
            "answers": [answer(i + 1, 1, now - timedelta(minutes=2)) for i in range(3)],
        }
        deadline = time.monotonic() + 30
        while True:
            try:
                reply = requests.post(
                    f"http://127.0.0.1:{port}/v1/answers",
                    json=body,
                    timeout=10,
                    headers={"Authorization": f"Bearer {token}"},
                )
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline
                time.sleep(0.2)
        assert reply.status_code == 200, reply.text
        while not mail.messages:
            assert time.monotonic() < deadline, "no e-mail"
            time.sleep(0.1)
        (message,) = mail.messages
        assert message["Subject"] == "Centro: 100% detractors in the last 60 minutes"
        assert message["From"].endswith("<alerts@chain.example>")
        assert "https://feedback.chain.example/web/alerts" in message.get_content()
        time.sleep(1.0)  # more rounds: still one message
        assert len(mail.messages) == 1
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=30)
    assert "Traceback" not in errors
