"""Logging: one named logger per area, a rotating file in the data folder, no secrets."""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
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


class LogFileHandler(logging.handlers.RotatingFileHandler):
    """The rotating log file, quiet on a full or read-only disk.

    The standard handler prints a traceback to stderr for every line it cannot write, so a
    day on a full disk would bury the journal in them. This one says once, on stderr, that
    the file cannot be written, counts the lines it drops, and writes how many as the first
    line once the file takes lines again (lines still in the file's buffer may yet reach
    it). Other errors (a bug in a format string) still get
    the standard report.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.dropped = 0  # lines the disk refused since the last one written
        self._notice_refused: bool | None = None  # None: no notice being written

    def emit(self, record: logging.LogRecord) -> None:
        if self.dropped:
            self._notice_refused = False
            super().emit(self._notice(self.dropped))
            refused, self._notice_refused = self._notice_refused, None
            if refused:  # the disk still refuses: this line is one more
                self.dropped += 1
                return
            self.dropped = 0
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            super().handleError(record)
        elif self._notice_refused is not None:
            self._notice_refused = True
        else:
            if not self.dropped:
                self._tell_stderr(f"kiosk: cannot write the log file {self.baseFilename}: {error}")
            self.dropped += 1

    @staticmethod
    def _tell_stderr(line: str) -> None:
        """Best effort, as the standard handler's own report: stderr may be a file on the
        same full disk, a closed pipe, or None (a windowed build). Logging never raises."""
        try:
            if sys.stderr is not None:
                sys.stderr.write(line + "\n")
        except Exception:
            pass

    @staticmethod
    def _notice(dropped: int) -> logging.LogRecord:
        return logging.makeLogRecord(
            {
                "name": "kiosk.logs",
                "levelno": logging.WARNING,
                "levelname": "WARNING",
                "msg": "%d log line(s) met a disk that refused them: some are missing here",
                "args": (dropped,),
            }
        )


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
            file_handler = LogFileHandler(
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
