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
class EndpointConfig:
    db: str = ""  # a SQLite file path or a postgresql:// address ("" = KIOSK_CENTRAL_DB)
    host: str = "127.0.0.1"
    port: int = 8080
    max_body_bytes: int = MAX_BODY_BYTES
    limits: ServerLimits = field(default_factory=ServerLimits)
    health: HealthRules = field(default_factory=HealthRules)

    @staticmethod
    def hours(value: float) -> timedelta:
        return timedelta(hours=value)
