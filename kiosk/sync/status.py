"""The sync's state as plain data, for the staff's status line and the owner's screen.

No Qt, no network, no SQL here: the UI imports this module to read a :class:`SyncStatus`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kiosk.core.answer import Category


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """A snapshot after a sync pass (or at start)."""

    offline: bool  # no endpoint configured: the kiosk works fully offline, by design
    pending_answers: int
    pending_alerts: int
    quarantined: int
    last_success: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    auth_failing: bool  # the endpoint refuses our token: staff must fix the config
    running: bool = False

    @property
    def pending(self) -> int:
        return self.pending_answers + self.pending_alerts

    def as_dict(self) -> dict[str, object]:
        def when(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment else None

        return {
            "offline": self.offline,
            "pending": self.pending,
            "pending_answers": self.pending_answers,
            "pending_alerts": self.pending_alerts,
            "quarantined": self.quarantined,
            "last_success": when(self.last_success),
            "last_error": self.last_error,
            "last_error_at": when(self.last_error_at),
            "auth_failing": self.auth_failing,
        }


def alert_kinds_for(
    score: int, *, alerts_enabled: bool, endpoint: str, webhook_url: str, flagged: bool = False
) -> tuple[str, ...]:
    """The outbox kinds a tapped score must raise at once: none unless it is a detractor,
    and none for a flagged tap (a child hammering "0" must not ring the manager's phone).

    Pass the result to ``AnswerStore.record_score(alert_kinds=...)`` so the alert is stored in
    the same transaction as the score.
    """
    if flagged or not alerts_enabled or Category.of(score) is not Category.DETRACTOR:
        return ()
    kinds: list[str] = []
    if endpoint:
        kinds.append("alert")
    if webhook_url:
        kinds.append("webhook")
    return tuple(kinds)
