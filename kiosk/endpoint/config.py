"""The central service's one typed configuration (from ``kiosk endpoint`` options)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from kiosk.endpoint.store.health import HealthRules

MAX_BODY_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class ServerLimits:
    """What waitress grants each client (see ``serve.py`` for why each one)."""

    threads: int = 8
    connection_limit: int = 1000
    channel_timeout: float = 30.0  # an idle connection is closed after this
    request_timeout: float = 20.0  # a request must be fully received within this
    cleanup_interval: float = 2.0


@dataclass(frozen=True)
class MailSettings:
    """The SMTP server the service sends alerts and reports through (``--smtp-*``).

    ``security``: ``starttls`` (port 587, the default), ``ssl`` (port 465) or ``none`` (a
    relay on the same machine or in the tests). Certificates are always verified.
    """

    host: str
    port: int = 587
    sender: str = ""
    security: str = "starttls"
    user: str = ""
    password: str = field(default="", repr=False)  # read from --smtp-password-file
    timeout: float = 20.0  # seconds for each step of the conversation


@dataclass(frozen=True)
class AlertSettings:
    """How the service evaluates triggers and sends what they and the reports queue."""

    interval: float = 30.0  # seconds between two rounds (0: no rounds in this process)
    report_hour_utc: int = 6  # a period's report goes out at this hour the next day
    public_url: str = ""  # the pages' address, for the links in e-mails and chat messages
    webhook_timeout: float = 10.0  # the whole chat request, connect to last byte


@dataclass(frozen=True)
class EndpointConfig:
    db: str = ""  # a SQLite file path or a postgresql:// address ("" = KIOSK_CENTRAL_DB)
    host: str = "127.0.0.1"
    port: int = 8080
    max_body_bytes: int = MAX_BODY_BYTES
    limits: ServerLimits = field(default_factory=ServerLimits)
    health: HealthRules = field(default_factory=HealthRules)
    mail: MailSettings | None = None  # no SMTP server: alerts reach the inbox and chats only
    alerts: AlertSettings = field(default_factory=AlertSettings)

    @staticmethod
    def hours(value: float) -> timedelta:
        return timedelta(hours=value)
