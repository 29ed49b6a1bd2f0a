"""The sync worker: carries the outbox to the endpoint (and the webhook), exactly once.

One pass sends due detractor alerts first, then answer batches (checking for new alerts
between batches, so an alert never waits behind a long drain). An item is marked delivered
only when the other side said "stored"; anything else is counted on the item (the attempt
count and the next allowed attempt are stored) and tried again with exponential backoff and
full jitter. The worker is plain Python on a thread named ``kiosk-sync``: it wakes on a timer,
soon after a new answer (:meth:`SyncWorker.nudge`), and at once on :meth:`SyncWorker.sync_now`.
It uses its own SQLite connection (``Database`` gives each thread its own).
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from kiosk.config import Settings
from kiosk.core.sync import ALERT_KINDS, CONTACT_KINDS, WEBHOOK_KINDS, OutboxKind, SyncStatus
from kiosk.store import outbox, sync_state
from kiosk.store.contacts import ContactStore
from kiosk.store.database import Database, StoreError
from kiosk.sync import backoff, protocol
from kiosk.sync.central_config import CentralConfigPoll
from kiosk.sync.client import Client, HttpReply, TransportError, request_deadline
from kiosk.sync.clock import Clock, SystemClock
from kiosk.sync.token import TokenError, load_token
from kiosk.sync.webhook import (
    AlertText,
    default_alert_text,
    default_contact_notice,
    webhook_body,
)

log = logging.getLogger("kiosk.sync")

ALERT_BACKOFF_CAP = 30.0  # an alert matters while the guest is still in the shop
ALERTS_PER_PASS = 50
STATUS_EVERY_SECONDS = 1.0


@dataclass
class PassResult:
    """What one pass did, and when the next one is worth doing."""

    delivered: int = 0
    quarantined: int = 0
    failed: bool = False
    more_due: bool = False  # stopped early (a stop request, a batch limit): go again at once
    retry_in: float | None = None  # seconds until a failed target may be tried again


class _Target:
    """Backoff state of one destination (one :class:`OutboxKind`), in memory."""

    def __init__(self, cap: float, clock: Clock) -> None:
        self.cap = cap
        self.clock = clock
        self.failures = 0
        self.not_before = 0.0  # on the clock's monotonic scale

    def blocked(self) -> bool:
        return self.clock.monotonic() < self.not_before

    def wait(self) -> float:
        return max(self.not_before - self.clock.monotonic(), 0.0)

    def succeeded(self) -> None:
        self.failures = 0
        self.not_before = 0.0

    def failed(self, delay: float) -> None:
        self.failures += 1
        self.not_before = self.clock.monotonic() + delay


class _Failure(Exception):
    """A whole request failed; the pass for that target stops."""

    def __init__(self, message: str, delay: float | None = None, *, auth: bool = False) -> None:
        super().__init__(message)
        self.delay = delay
        self.auth = auth


class SyncWorker:
    """Sends pending alerts and answers; use :meth:`run_once` directly or :meth:`start` a loop."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        *,
        token: str = "",
        client: Client | None = None,
        on_status: Callable[[SyncStatus], None] | None = None,
        on_alert_delivered: Callable[[str], None] | None = None,
        alert_text: AlertText = default_alert_text,
        contact_notice: AlertText = default_contact_notice,
        rng: random.Random | None = None,
        clock: Clock | None = None,
        central: CentralConfigPoll | None = None,
    ) -> None:
        self.db = db
        # The central configuration: checked after each full pass (None: not asked for).
        self.central = central
        self.config_version = ""  # the central configuration the kiosk runs with
        # Injected so tests move time instead of sleeping through real backoffs.
        self.clock = clock or SystemClock()
        self.on_status = on_status
        self.on_alert_delivered = on_alert_delivered
        self.alert_text = alert_text
        self.contact_notice = contact_notice
        self.rng = rng or random.Random()
        self._configure(settings, client or Client(settings.sync, token))
        self._new_config: tuple[Settings, str] | None = None
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._forced = False
        self._alerts_now = False
        self._soon_at: float | None = None
        self._last_status = 0.0

    def _configure(self, settings: Settings, client: Client) -> None:
        self.settings = settings
        self.client = client
        self.kiosk = protocol.kiosk_block(
            settings.kiosk.id,
            settings.kiosk.site,
            _app_version(),
            getattr(self, "config_version", ""),
        )
        cap = settings.sync.max_backoff_seconds
        self._targets = {
            OutboxKind.ALERT: _Target(min(cap, ALERT_BACKOFF_CAP), self.clock),
            OutboxKind.ANSWER: _Target(cap, self.clock),
            OutboxKind.WEBHOOK: _Target(min(cap, ALERT_BACKOFF_CAP), self.clock),
            OutboxKind.CONTACT: _Target(min(cap, ALERT_BACKOFF_CAP), self.clock),
            OutboxKind.CONTACT_NOTICE: _Target(min(cap, ALERT_BACKOFF_CAP), self.clock),
        }
        self._batch_limit = settings.sync.batch_size

    def reconfigure(self, settings: Settings, token: str) -> None:
        """New settings from the owner (endpoint, token, intervals): used from the next pass,
        which starts at once, with fresh backoffs."""
        if self._thread is None:
            old = self.client
            self._configure(settings, Client(settings.sync, token))
            old.close()
            return
        with self._lock:
            self._new_config = (settings, token)
            self._forced = True
        self._wake.set()

    def _apply_new_config(self) -> None:
        with self._lock:
            new, self._new_config = self._new_config, None
        if new is not None:
            old = self.client
            self._configure(new[0], Client(new[0].sync, new[1]))
            old.close()
            log.info("sync settings changed; endpoint %s", new[0].sync.endpoint or "(none)")

    # --- what is configured ----------------------------------------------------------------

    @property
    def endpoint_enabled(self) -> bool:
        return bool(self.settings.sync.endpoint)

    @property
    def webhook_enabled(self) -> bool:
        return bool(self.settings.alerts.webhook_url)

    # --- one pass ----------------------------------------------------------------------------

    def run_once(self, *, force: bool = False, max_batches: int | None = None) -> PassResult:
        """Alerts first, then answer batches. ``force`` ignores backoffs and schedules."""
        result = PassResult()
        self._send_alerts(result, force)
        if self.endpoint_enabled and not self._stopping():
            self._send_answers(result, force, max_batches)
        if self.endpoint_enabled and self.central is not None and not self._stopping():
            self._poll_central()
        self._finish(result)
        return result

    def _poll_central(self) -> None:
        """The central configuration's check: one small GET, a 304 while nothing changed.
        Out of reach is not a sync failure (the answers' own requests report that)."""
        assert self.central is not None
        try:
            self.central.poll(self.client)
        except TransportError as exc:
            log.info("central configuration not checked: %s", exc)

    def running_config(self, version: str) -> None:
        """The app applied central configuration ``version``: sent in the kiosk block from
        the next request (a str assignment: safe from the UI thread)."""
        self.config_version = version
        kiosk = dict(self.kiosk)
        if version:
            kiosk["config_version"] = version
        else:
            kiosk.pop("config_version", None)
        self.kiosk = kiosk

    def run_alerts(self, *, force: bool = False) -> PassResult:
        """Only the due alerts (a nudge after a detractor's tap)."""
        result = PassResult()
        self._send_alerts(result, force)
        self._finish(result)
        return result

    def _finish(self, result: PassResult) -> None:
        waits = []
        for kind, state in self._targets.items():
            if not self._enabled(kind):
                continue
            if state.blocked():
                waits.append(state.wait())  # whatever waits there, it waits for this
                continue
            due = self._due_in(kind)
            if due is not None:
                waits.append(due)
        if waits:
            # A floor, so that no mistake here can turn the loop into a busy spin.
            result.retry_in = max(min(waits), 0.05)
        self.publish_status(force=True)

    def _enabled(self, kind: OutboxKind) -> bool:
        return self.webhook_enabled if kind in WEBHOOK_KINDS else self.endpoint_enabled

    def _stopping(self) -> bool:
        return self._stop.is_set()

    def _now(self) -> datetime:
        return self.clock.now()

    def _max_wait(self) -> timedelta:
        return timedelta(seconds=self.settings.sync.max_backoff_seconds + 60)

    def _due_in(self, kind: OutboxKind) -> float | None:
        """Seconds until the earliest scheduled retry of ``kind`` (None: none scheduled)."""
        when = outbox.next_due(self.db.connection(), [kind])
        if when is None:
            return None
        return max((when - self._now()).total_seconds(), 0.0)

    # --- alerts ------------------------------------------------------------------------------

    def _send_alerts(self, result: PassResult, force: bool) -> None:
        kinds = [
            kind
            for kind in (*ALERT_KINDS, *CONTACT_KINDS)
            if self._enabled(kind) and (force or not self._targets[kind].blocked())
        ]
        if not kinds:
            return
        items = outbox.claim_due(
            self.db.connection(),
            kinds,
            self._now(),
            ALERTS_PER_PASS,
            max_wait=self._max_wait(),
            ignore_schedule=force,
        )
        failed_now: set[OutboxKind] = set()
        for item in items:
            target = item.kind
            if target in failed_now or (self._targets[target].blocked() and not force):
                continue
            try:
                if item.kind is OutboxKind.ALERT:
                    delivered = self._send_alert(item)
                elif item.kind is OutboxKind.CONTACT:
                    delivered = self._send_contact(item)
                else:
                    delivered = self._send_webhook(item)
            except _Failure as failure:
                self._failed(target, [item], failure, result)
                failed_now.add(target)
                continue
            self._targets[target].succeeded()
            if delivered:
                result.delivered += 1
                if self.on_alert_delivered and item.kind in ALERT_KINDS:
                    self.on_alert_delivered(item.answer.id)
            else:
                result.quarantined += 1

    def _send_alert(self, item: outbox.OutboxItem) -> bool:
        """True when delivered, False when quarantined; raises :class:`_Failure` otherwise."""
        body = protocol.alert_body(self.kiosk, item.answer, self._now())
        reply = self._post_endpoint(protocol.ALERTS_PATH, body)
        if reply.status == 409:
            self._quarantine(item, "conflict: the endpoint holds a different alert for this id")
            return False
        if reply.status == 200:
            parsed = self._parse(reply)
            answer_id = item.answer.id
            if answer_id in parsed.stored:
                self._delivered([item])
                log.info("alert for answer seq %s delivered", item.answer.seq)
                return True
            reason = parsed.rejected.get(answer_id)
            if reason is not None:
                self._quarantine(item, reason)
                return False
            raise _Failure("the endpoint did not confirm the alert")
        raise self._failure_for(reply)

    def _send_contact(self, item: outbox.OutboxItem) -> bool:
        """A call-back request to the endpoint; like an alert, but the body is the contact.
        No log line here or in the failures names anything of the contact."""
        contact = ContactStore(self.db).get(item.answer.id)
        if contact is None:  # erased (its time was up) before it could be delivered
            self._quarantine(item, "contact erased before it was delivered")
            return False
        body = protocol.contact_body(
            self.kiosk, contact, self.settings.callback.retention_days, self._now()
        )
        reply = self._post_endpoint(protocol.CONTACTS_PATH, body)
        if reply.status == 200:
            parsed = self._parse(reply)
            if item.answer.id in parsed.stored:
                self._delivered([item])
                log.info("contact for answer seq %s delivered", item.answer.seq)
                return True
            reason = parsed.rejected.get(item.answer.id)
            if reason is not None:
                self._quarantine(item, reason)
                return False
            raise _Failure("the endpoint did not confirm the contact")
        raise self._failure_for(reply)

    def _send_webhook(self, item: outbox.OutboxItem) -> bool:
        text = self.contact_notice if item.kind is OutboxKind.CONTACT_NOTICE else self.alert_text
        body = webhook_body(item.answer, self.kiosk["id"], self.kiosk["site"], text)
        try:
            reply = self.client.post(self.settings.alerts.webhook_url, body)
        except TransportError as exc:
            raise _Failure(f"webhook: {exc}") from exc
        if 200 <= reply.status < 300:
            self._delivered([item])
            log.info("webhook %s for answer seq %s delivered", item.kind, item.answer.seq)
            return True
        failure = self._failure_for(reply)
        raise _Failure(f"webhook: {failure}", failure.delay, auth=False)

    # --- answers -----------------------------------------------------------------------------

    def _send_answers(self, result: PassResult, force: bool, max_batches: int | None) -> None:
        target = self._targets[OutboxKind.ANSWER]
        if target.blocked() and not force:
            return
        after_id = 0
        batches = 0
        while not self._stopping():
            if max_batches is not None and batches >= max_batches:
                result.more_due = True
                return
            items = outbox.claim_due(
                self.db.connection(),
                (OutboxKind.ANSWER,),
                self._now(),
                self._batch_limit,
                max_wait=self._max_wait(),
                ignore_schedule=force,
                after_id=after_id,
            )
            if not items:
                return
            after_id = items[-1].id
            try:
                self._send_batch(items, result)
            except _Failure as failure:
                self._failed(OutboxKind.ANSWER, items, failure, result)
                return
            target.succeeded()
            batches += 1
            self.publish_status()
            # A detractor tapped during a long drain must not wait for it to finish.
            self._send_alerts(result, force=False)
        result.more_due = result.more_due or self._stopping()

    def _send_batch(self, items: Sequence[outbox.OutboxItem], result: PassResult) -> None:
        """Send one batch; split it on 413. Raises :class:`_Failure` on a failed request."""
        body = protocol.answers_body(self.kiosk, [i.answer for i in items], self._now())
        reply = self._post_endpoint(protocol.ANSWERS_PATH, body)
        if reply.status == 413:
            if len(items) == 1:
                self._quarantine(items[0], "too large for the endpoint (413)")
                result.quarantined += 1
                return
            half = len(items) // 2
            self._batch_limit = max(1, min(self._batch_limit, half))
            log.info("endpoint said 413; batches of %d from now on", self._batch_limit)
            self._send_batch(items[:half], result)
            self._send_batch(items[half:], result)
            return
        if reply.status not in (200, 409):
            raise self._failure_for(reply)
        # A 409 must name its conflicts; one that does not (a proxy's error page) is a failure
        # to retry like any malformed reply, never a reason to quarantine good answers.
        parsed = self._parse(reply, conflict=reply.status == 409)
        self._apply(items, parsed, result)

    def _apply(
        self, items: Sequence[outbox.OutboxItem], parsed: protocol.Reply, result: PassResult
    ) -> None:
        delivered = [i.id for i in items if i.answer.id in parsed.stored]
        unanswered = []
        now = self._now()
        with self.db.transaction() as con:
            outbox.mark_delivered(con, delivered, now)
            for item in items:
                if item.answer.id in parsed.stored:
                    continue
                reason = parsed.rejected.get(item.answer.id)
                if reason is None and item.answer.id in parsed.conflicts:
                    reason = "conflict: the endpoint holds different content for this id"
                if reason is not None:
                    outbox.quarantine(con, item.id, reason)
                    log.warning("answer seq %s quarantined: %s", item.answer.seq, reason)
                    result.quarantined += 1
                else:
                    unanswered.append(item)
            if unanswered:
                # "An id in neither list is sent again later."
                attempt = 1 + max(i.attempts for i in unanswered)
                delay = backoff.full_jitter(
                    attempt, self._targets[OutboxKind.ANSWER].cap, rng=self.rng
                )
                outbox.record_attempt(
                    con,
                    [i.id for i in unanswered],
                    "not confirmed by the endpoint",
                    now + timedelta(seconds=delay),
                )
            sync_state.record_success(con, now)
        result.delivered += len(delivered)

    # --- shared ------------------------------------------------------------------------------

    def _post_endpoint(self, path: str, body: dict) -> HttpReply:
        try:
            return self.client.post_endpoint(path, body)
        except TransportError as exc:
            raise _Failure(str(exc)) from exc

    def _parse(self, reply: HttpReply, *, conflict: bool = False) -> protocol.Reply:
        try:
            return protocol.parse_reply(reply.body, conflict=conflict)
        except protocol.ProtocolError as exc:
            raise _Failure(f"unexpected reply from the endpoint ({reply.status}): {exc}") from exc

    def _failure_for(self, reply: HttpReply) -> _Failure:
        status = reply.status
        if status in (401, 403):
            wait = backoff.auth_wait(self.settings.sync.max_backoff_seconds)
            return _Failure(status_problem(status), wait, auth=True)
        if status in (429, 503):
            wait = backoff.retry_after_seconds(reply.headers.get("Retry-After"))
            return _Failure(status_problem(status), wait)
        return _Failure(status_problem(status))

    def _failed(
        self,
        target: OutboxKind,
        items: Sequence[outbox.OutboxItem],
        failure: _Failure,
        result: PassResult,
    ) -> None:
        if self._stopping():
            # The kiosk cut the request itself (Client.abort): not the endpoint's failure, not
            # an attempt, and not the error the owner should see next.
            log.info("sync %s cut short: the kiosk is stopping", target)
            return
        state = self._targets[target]
        attempt = max(state.failures + 1, 1 + max((i.attempts for i in items), default=0))
        delay = failure.delay
        if delay is None:
            delay = backoff.full_jitter(attempt, state.cap, rng=self.rng)
        state.failed(delay)
        result.failed = True
        now = self._now()
        message = str(failure)
        log.warning(
            "sync %s failed (attempt %d): %s; next try in %.1f s", target, attempt, message, delay
        )
        try:
            with self.db.transaction() as con:
                outbox.record_attempt(
                    con, [i.id for i in items], message, now + timedelta(seconds=delay)
                )
                sync_state.record_error(con, message, now, auth=failure.auth)
        except StoreError:
            log.exception("cannot record the failed attempt")

    def _delivered(self, items: Sequence[outbox.OutboxItem]) -> None:
        now = self._now()
        with self.db.transaction() as con:
            outbox.mark_delivered(con, [i.id for i in items], now)
            sync_state.record_success(con, now)

    def _quarantine(self, item: outbox.OutboxItem, reason: str) -> None:
        log.warning("%s for answer seq %s quarantined: %s", item.kind, item.answer.seq, reason)
        with self.db.transaction() as con:
            outbox.quarantine(con, item.id, reason)

    # --- status ------------------------------------------------------------------------------

    def status(self) -> SyncStatus:
        return read_status(self.db, self.settings, running=self.is_running())

    def publish_status(self, *, force: bool = False) -> None:
        if self.on_status is None:
            return
        now = self.clock.monotonic()
        if not force and now - self._last_status < STATUS_EVERY_SECONDS:
            return
        self._last_status = now
        try:
            self.on_status(self.status())
        except StoreError:
            log.exception("cannot read the sync status")

    # --- the thread --------------------------------------------------------------------------

    def start(self) -> None:
        """Run the loop on a thread named ``kiosk-sync`` until :meth:`stop`."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="kiosk-sync")
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Ask the loop to end after the current request, and wait for the thread."""
        thread = self._thread
        if thread is None:
            return
        self._stop.set()
        self._wake.set()
        self.client.abort()  # cut off the request in flight: stopping never waits on it
        if timeout is None:
            timeout = request_deadline(self.settings.sync) + 2
        thread.join(timeout)
        if thread.is_alive():
            log.warning("the sync thread did not stop within %.0f s", timeout)
        else:
            self._thread = None
            self.client.resume()  # a later start() may send again

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def nudge(self) -> None:
        """A new answer or alert is in the outbox: alerts go now, answers soon."""
        with self._lock:
            self._alerts_now = True
            soon = self.clock.monotonic() + self.settings.sync.soon_after_answer_seconds
            self._soon_at = soon if self._soon_at is None else min(self._soon_at, soon)
        self._wake.set()

    def sync_now(self) -> None:
        """Staff pressed "Sync now": a full pass at once, backoffs ignored."""
        with self._lock:
            self._forced = True
        self._wake.set()

    def _loop(self) -> None:
        # No lower OS priority for this thread: it holds the GIL between requests, and a
        # starved GIL holder would stall the UI thread behind it (priority inversion).
        try:
            self._serve()
        finally:
            self.db.close_thread_connection()
            self._apply_new_config()  # a change that arrived as we stopped is kept

    def _serve(self) -> None:
        next_full = self.clock.monotonic()  # a first pass at start
        while not self._stop.is_set():
            self._apply_new_config()
            interval = self.settings.sync.interval_seconds
            with self._lock:
                forced, self._forced = self._forced, False
                alerts_now, self._alerts_now = self._alerts_now, False
                if self._soon_at is not None:
                    next_full = min(next_full, self._soon_at)
                    self._soon_at = None
            result = None
            try:
                if forced or self.clock.monotonic() >= next_full:
                    result = self.run_once(force=forced, max_batches=50)
                    next_full = self.clock.monotonic() + (0.0 if result.more_due else interval)
                elif alerts_now:
                    result = self.run_alerts()
            except Exception:
                # A bug or a storage problem must not end the sync for good: log it, keep
                # the loop, try again soon.
                log.exception("sync pass failed")
                next_full = self.clock.monotonic() + min(interval, 30.0)
            if result is not None and result.retry_in is not None:
                next_full = min(next_full, self.clock.monotonic() + result.retry_in)
            self.clock.wait(self._wake, max(next_full - self.clock.monotonic(), 0.0))
            self._wake.clear()


def worker_for(
    settings: Settings, db: Database, config_dir: Path | None, **options: Any
) -> SyncWorker:
    """A worker with the token read from ``[sync] token`` or ``token_file`` (relative to the
    config file's folder). An unreadable token file is logged and recorded as the last error,
    and the worker runs without a token (the endpoint's 401 then shows on the status)."""
    return SyncWorker(settings, db, token=token_for(settings, db, config_dir), **options)


def status_problem(status: int) -> str:
    """What a refused request's HTTP status means, in the words the owner's screens translate
    (``kiosk.admin.sync_text``); shared by the sync and the connection test."""
    if status in (401, 403):
        return f"the endpoint refused the token ({status})"
    if status in (429, 503):
        return f"the endpoint is busy ({status})"
    if 300 <= status < 400:
        return f"the endpoint redirected ({status}); redirects are not followed"
    return f"the endpoint answered {status}"


def token_for(settings: Settings, db: Database, config_dir: Path | None) -> str:
    """The bearer token; an unreadable token file is logged and recorded as the last
    (authentication) error, so staff see it, and '' is returned."""
    try:
        return load_token(settings.sync.token, settings.sync.token_file, config_dir)
    except TokenError as exc:
        log.error("%s", exc)
        with db.transaction() as con:
            sync_state.record_error(con, str(exc), datetime.now(timezone.utc), auth=True)
        return ""


def read_status(db: Database, settings: Settings, *, running: bool = False) -> SyncStatus:
    """The status from the store (:func:`kiosk.store.sync_state.read_status`)."""
    with db.snapshot() as con:
        return sync_state.read_status(con, offline=not settings.sync.endpoint, running=running)


def _app_version() -> str:
    from kiosk import __version__

    return __version__
