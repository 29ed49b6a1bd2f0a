"""Logging: one named logger per area, a rotating file in the data folder, no secrets."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from kiosk import paths

_SECRET_PATTERNS = [
    # A credential is long; "missing bearer token" is a sentence, not a secret.
    re.compile(r"(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}", re.IGNORECASE),
    re.compile(r"((?:token|pin|password|secret)[\"']?\s*[:=]\s*[\"']?)[^\s\"',}]+", re.IGNORECASE),
]


def redact(text: str) -> str:
    for pattern in _SECRET_PATTERNS:
        text = pattern.sub(r"\1[redacted]", text)
    return text


class RedactingFormatter(logging.Formatter):
    """Scrubs bearer tokens and ``token=...`` style values from every formatted line."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(data_dir: Path | None, level: str = "INFO", console: bool = True) -> Path | None:
    """Log to ``<data>/logs/kiosk.log`` (rotated, 5 x 2 MB) and optionally to stderr."""
    root = logging.getLogger("kiosk")
    root.setLevel(level.upper())
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    formatter = RedactingFormatter(FORMAT)
    log_file = None
    if data_dir is not None:
        folder = paths.log_dir(data_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            log_file = folder / "kiosk.log"
            file_handler = logging.handlers.RotatingFileHandler(
                log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
            )
            file_handler.setFormatter(formatter)
            root.addHandler(file_handler)
        except OSError as exc:
            log_file = None
            logging.getLogger("kiosk").warning("cannot write logs in %s: %s", folder, exc)
    if console:
        stream = logging.StreamHandler()
        stream.setFormatter(formatter)
        root.addHandler(stream)
    return log_file
