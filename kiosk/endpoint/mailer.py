"""Sending one e-mail through the configured SMTP server (standard library ``smtplib``).

TLS is verified against the system's CAs (``ssl.create_default_context``); ``security`` says
whether it starts at connect (``ssl``), after ``STARTTLS`` (``starttls``, refused if the
server does not offer it) or not at all (``none``: a relay on loopback). Every step has the
settings' timeout. The password and the addresses are never logged.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from kiosk.endpoint.config import MailSettings

SECURITY = ("starttls", "ssl", "none")


class MailError(Exception):
    """The message was not accepted (a short reason, without addresses or secrets)."""


def compose(
    settings: MailSettings, to: str, subject: str, text: str, language: str
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr(("Customer feedback", settings.sender or settings.user))
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=(settings.sender or "kiosk").rpartition("@")[2])
    message["Auto-Submitted"] = "auto-generated"  # no out-of-office replies back
    message.set_content(text)
    message["Content-Language"] = language  # after set_content, which drops Content-*
    return message


def send(settings: MailSettings, message: EmailMessage) -> None:
    """Hand ``message`` to the SMTP server, or raise :class:`MailError`."""
    if settings.security not in SECURITY:
        raise MailError(f"smtp security: one of {', '.join(SECURITY)}")
    context = ssl.create_default_context()
    try:
        if settings.security == "ssl":
            server: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=context
            )
        else:
            server = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with server:
            if settings.security == "starttls":
                server.starttls(context=context)
            if settings.user:
                server.login(settings.user, settings.password)
            refused = server.send_message(message)
        if refused:
            raise MailError(f"{len(refused)} recipient(s) refused")
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError("the SMTP server offers no STARTTLS") from exc
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError(f"SMTP login refused ({exc.smtp_code})") from exc
    except smtplib.SMTPResponseException as exc:
        raise MailError(f"SMTP server said {exc.smtp_code}") from exc
    except smtplib.SMTPRecipientsRefused as exc:
        raise MailError("recipient refused") from exc
    except ssl.SSLError as exc:
        raise MailError(f"TLS failed with the SMTP server: {exc.reason}") from exc
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"cannot reach the SMTP server: {exc.__class__.__name__}") from exc
