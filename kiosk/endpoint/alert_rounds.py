"""The alert rounds: fire the triggers, queue the reports, send what is queued.

Each round (``AlertRounds.run_once``) is three short steps, each its own transaction:
``alerting.evaluate`` (new firings and their deliveries), ``alerting.queue_reports`` (the
reports whose period ended), then every due delivery claimed, written in its reader's
language (the web pages' catalogs and templates, ``web/mail/*.txt``), sent by e-mail
(``mailer``) or to the chat webhook (the kiosk's own HTTP client: one deadline per request,
TLS verified, no redirects), and marked sent or failed. Any number of service processes may
run rounds on one database: the database's keys and the delivery claims keep every message
sent once.

``kiosk endpoint`` runs a round every ``AlertSettings.interval`` seconds on a thread of its
own; ``kiosk endpoint alerts`` runs one (for cron, or to try a trigger).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from flask import Flask, g, render_template

from kiosk.config import SyncSection
from kiosk.endpoint import mailer
from kiosk.endpoint.config import AlertSettings, MailSettings
from kiosk.endpoint.store import alerting, logins
from kiosk.endpoint.store.alerting import Delivery
from kiosk.endpoint.store.engine import reading, writing
from kiosk.endpoint.store.service import CentralStore
from kiosk.endpoint.team_report import ScopeError, may_see, scope_of, team_report
from kiosk.endpoint.web import i18n
from kiosk.sync.client import Client, TransportError

log = logging.getLogger("kiosk.endpoint.alerts")


class Undeliverable(Exception):
    """A delivery that no retry can send (no SMTP server, a reader gone): failed at once."""


@dataclass(frozen=True)
class RoundResult:
    fired: int = 0
    reports: int = 0
    sent: int = 0
    failed: int = 0


@dataclass(frozen=True)
class Written:
    subject: str
    text: str
    language: str


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class AlertRounds:
    """Rounds of one service process, on its store, with its settings."""

    def __init__(
        self,
        app: Flask,
        store: CentralStore,
        settings: AlertSettings,
        mail: MailSettings | None,
        *,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.app, self.store, self.settings, self.mail, self.now = app, store, settings, mail, now
        third = settings.webhook_timeout / 3
        self.client = Client(SyncSection(connect_timeout=third, read_timeout=third), "")
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- one round --------------------------------------------------------------------------

    def run_once(self) -> RoundResult:
        now = self.now()
        with writing(self.store.engine) as conn:
            fired = alerting.evaluate(conn, now)
        with writing(self.store.engine) as conn:
            reports = alerting.queue_reports(conn, now, self.settings.report_hour_utc)
        if fired or reports:
            log.info("alerts: %d trigger(s) fired, %d report(s) queued", len(fired), len(reports))
        sent = failed = 0
        while not self._stop.is_set():
            with writing(self.store.engine) as conn:
                batch = alerting.claim(conn, self.now())
            if not batch:
                break
            for delivery in batch:
                if self._deliver(delivery):
                    sent += 1
                else:
                    failed += 1
        return RoundResult(len(fired), len(reports), sent, failed)

    def _deliver(self, delivery: Delivery) -> bool:
        try:
            if delivery.channel == "email":
                self._email(delivery)
            else:
                self._webhook(delivery)
        except Undeliverable as exc:
            log.warning("delivery %d given up: %s", delivery.delivery_id, exc)
            with writing(self.store.engine) as conn:
                alerting.mark_failed(conn, delivery.delivery_id, self.now(), str(exc), final=True)
            return False
        except (mailer.MailError, TransportError) as exc:
            log.warning(
                "delivery %d (%s) failed, try %d: %s",
                delivery.delivery_id,
                delivery.channel,
                delivery.attempts + 1,
                exc,
            )
            with writing(self.store.engine) as conn:
                alerting.mark_failed(conn, delivery.delivery_id, self.now(), str(exc))
            return False
        with writing(self.store.engine) as conn:
            alerting.mark_sent(conn, delivery.delivery_id, self.now())
        return True

    def _email(self, delivery: Delivery) -> None:
        if self.mail is None:
            raise Undeliverable("no SMTP server configured (kiosk endpoint --smtp-host)")
        assert delivery.user_id is not None
        with reading(self.store.engine) as conn:
            address, _alerts = alerting.mail_of(conn, delivery.user_id)
        if not address:
            raise Undeliverable("the manager has no e-mail address any more")
        language = self._language_of(delivery.user_id)
        written = self._write(delivery, language, delivery.user_id)
        mailer.send(
            self.mail,
            mailer.compose(self.mail, address, written.subject, written.text, language),
        )

    def _webhook(self, delivery: Delivery) -> None:
        with reading(self.store.engine) as conn:
            rule = alerting.rule(conn, delivery.rule_id or 0)
        if rule is None or not rule.webhook_url:
            raise Undeliverable("the trigger has no chat webhook any more")
        written = self._write(delivery, rule.language, None)
        reply = self.client.post(rule.webhook_url, {"text": f"{written.subject}\n{written.text}"})
        if not 200 <= reply.status < 300:
            raise TransportError(f"the chat webhook replied {reply.status}")

    def _language_of(self, user_id: int) -> str:
        chosen = self.app.extensions["web_store"].language(user_id)
        return chosen if chosen in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE

    # --- writing the messages --------------------------------------------------------------

    def _write(self, delivery: Delivery, language: str, user_id: int | None) -> Written:
        """The message's subject and text in ``language`` (its first line is the subject)."""
        context: dict[str, Any] = {"link": self.settings.public_url.rstrip("/")}
        if delivery.firing_id is not None:
            with reading(self.store.engine) as conn:
                firing = alerting.firing(conn, delivery.firing_id)
            if firing is None:
                raise Undeliverable("the firing is gone")
            template, context["firing"] = "web/mail/firing.txt", firing
        else:
            template = "web/mail/report.txt"
            context.update(self._report(delivery, user_id))
        with self.app.app_context():
            g.language = language
            text = render_template(template, **context)
        subject, _, body = text.strip().partition("\n")
        return Written(subject.strip(), body.strip() + "\n", language)

    def _report(self, delivery: Delivery, user_id: int | None) -> dict[str, Any]:
        with reading(self.store.engine) as conn:
            found = alerting.report_of(conn, delivery.report_id or 0)
        if found is None or user_id is None:
            raise Undeliverable("the report is gone")
        subscription, since, until = found
        user = self.app.extensions["web_store"].user(user_id)
        try:
            scope = scope_of(
                logins.sites(self.store.engine), subscription.scope, subscription.scope_id
            )
        except ScopeError as exc:
            raise Undeliverable(str(exc)) from exc
        if user is None or user[0].disabled or not may_see(user[0], scope):
            raise Undeliverable("the report's scope is no longer the manager's")
        report = team_report(
            self.store, scope, date.fromisoformat(since), date.fromisoformat(until)
        )
        return {"report": report, "frequency": subscription.frequency.value}

    # --- the rounds' thread ------------------------------------------------------------------

    def start(self) -> None:
        if self.settings.interval <= 0:
            return
        self._thread = threading.Thread(target=self._loop, name="kiosk-alert-rounds", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self.settings.interval):
            try:
                self.run_once()
            except Exception:  # a round that failed is tried again at the next one
                log.exception("alert round failed")

    def stop(self, wait: float = 5.0) -> None:
        """End the rounds; an e-mail or chat message in flight is cut off (never waited on)."""
        self._stop.set()
        self.client.abort()
        if self._thread is not None:
            self._thread.join(wait)
            self._thread = None
        self.client.close()
