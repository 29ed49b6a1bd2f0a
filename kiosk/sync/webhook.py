"""Detractor alerts for a chat channel: Slack, Microsoft Teams and Mattermost incoming
webhooks all accept a JSON body with a ``text`` field.

The wording is passed in (the Qt side gives a translated one); the default is English.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.core.answer import Answer

AlertText = Callable[[Answer, str, str], str]


def default_alert_text(answer: Answer, kiosk_id: str, site: str) -> str:
    """One line a manager reads on a phone: who, where, when, what was said."""
    when = answer.local_time.strftime("%H:%M")
    headline = f"Unhappy guest: scored {answer.score}/10 at {site} ({kiosk_id}), {when}."
    return headline + alert_details(answer)


def alert_details(answer: Answer, reasons_word: str = "Reasons") -> str:
    """What the guest chose and said, to follow an alert's headline ('' when nothing yet)."""
    text = ""
    if answer.reasons:
        text += f" {reasons_word}: {', '.join(answer.reasons)}."
    if answer.comment:
        text += f' "{answer.comment}"'
    return text


def webhook_body(
    answer: Answer, kiosk_id: str, site: str, text: AlertText = default_alert_text
) -> dict[str, str]:
    return {"text": text(answer, kiosk_id, site)}


def default_contact_notice(answer: Answer, kiosk_id: str, site: str) -> str:
    """That a guest asked to be called back, and where to find the contact: never the
    contact itself (a chat channel is no place for personal data)."""
    return (
        f"A guest who scored {answer.score}/10 at {site} ({kiosk_id}) asked to be"
        " contacted; the contact is in the follow-up list."
    )
