"""The sync's vocabulary, defined once: what waits in the outbox, which taps raise an alert,
and the sync's state as every screen and command shows it.

No Qt, no network, no SQL here. The store builds a :class:`SyncStatus` with one reader
(:func:`kiosk.store.sync_state.read_status`); the sync worker, the staff's banner, the owner's
dashboard, ``kiosk stats`` and ``kiosk status`` all show that same object.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from kiosk.core.answer import Category


class OutboxKind(enum.StrEnum):
    """What an outbox item is sent as; also the name of its destination's backoff."""

    ANSWER = "answer"  # the answer itself, to the endpoint's /v1/answers
    ALERT = "alert"  # a detractor alert, to the endpoint's /v1/alerts
    WEBHOOK = "webhook"  # the same alert, to a chat webhook
    CONTACT = "contact"  # a guest's call-back request, to the endpoint's /v1/contacts
    CONTACT_NOTICE = (
        "contact_notice"  # "a guest left a contact" (never the contact), to the webhook
    )

    @property
    def is_alert(self) -> bool:
        return self is not OutboxKind.ANSWER


ALERT_KINDS: tuple[OutboxKind, ...] = (OutboxKind.ALERT, OutboxKind.WEBHOOK)
# Sent in the alerts' pass, right after them (queued later, so after them in the outbox).
CONTACT_KINDS: tuple[OutboxKind, ...] = (OutboxKind.CONTACT, OutboxKind.CONTACT_NOTICE)
WEBHOOK_KINDS: tuple[OutboxKind, ...] = (OutboxKind.WEBHOOK, OutboxKind.CONTACT_NOTICE)


def contact_kinds_for(*, endpoint: str, webhook_url: str) -> tuple[OutboxKind, ...]:
    """Where a new call-back request goes: the endpoint (the contact) and the webhook (only a
    notice that one was left). None: the kiosk's own follow-up list is the only place."""
    kinds: list[OutboxKind] = []
    if endpoint:
        kinds.append(OutboxKind.CONTACT)
    if webhook_url:
        kinds.append(OutboxKind.CONTACT_NOTICE)
    return tuple(kinds)


def alert_kinds_for(
    score: int, *, alerts_enabled: bool, endpoint: str, webhook_url: str, flagged: bool = False
) -> tuple[OutboxKind, ...]:
    """The alerts a tapped score must raise at once: none unless it is a detractor, and none
    for a flagged tap (a child hammering "0" must not ring the manager's phone).

    Pass the result to ``AnswerStore.record_score(alert_kinds=...)`` so the alert is stored in
    the same transaction as the score.
    """
    if flagged or not alerts_enabled or Category.of(score) is not Category.DETRACTOR:
        return ()
    kinds: list[OutboxKind] = []
    if endpoint:
        kinds.append(OutboxKind.ALERT)
    if webhook_url:
        kinds.append(OutboxKind.WEBHOOK)
    return tuple(kinds)


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """The outbox and what the sync last achieved, as staff, owner and IT see it.

    ``pending`` and ``quarantined`` count every kind (answers and alerts); the parts are there
    for the screens that say which. ``offline``: no endpoint is configured, so the kiosk works
    fully offline by design (a webhook may still carry alerts).
    """

    offline: bool = True
    pending_answers: int = 0
    pending_alerts: int = 0
    quarantined_answers: int = 0
    quarantined_alerts: int = 0
    last_success: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    auth_failing: bool = False  # the endpoint refuses our token: staff must fix the config
    running: bool = False

    @property
    def pending(self) -> int:
        return self.pending_answers + self.pending_alerts

    @property
    def quarantined(self) -> int:
        return self.quarantined_answers + self.quarantined_alerts

    def as_dict(self) -> dict[str, object]:
        """The one JSON shape of the sync's state (``kiosk status --json``, ``kiosk stats``)."""

        def when(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment else None

        return {
            "offline": self.offline,
            "pending": self.pending,
            "pending_answers": self.pending_answers,
            "pending_alerts": self.pending_alerts,
            "quarantined": self.quarantined,
            "quarantined_answers": self.quarantined_answers,
            "quarantined_alerts": self.quarantined_alerts,
            "last_success": when(self.last_success),
            "last_error": self.last_error,
            "last_error_at": when(self.last_error_at),
            "auth_failing": self.auth_failing,
        }
