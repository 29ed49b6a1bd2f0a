"""The kiosk's bearer token, read in one place for the sync, ``kiosk sync`` and the admin's
connection test, so that all three send the same thing.

A token comes from ``[sync] token`` or from ``[sync] token_file`` (``~`` expanded; a relative
path is taken from the config file's folder). Surrounding white space is stripped from both.
A token file must hold exactly one token on one line and must not be readable by other users
on the machine: a wrong path such as ``/etc/shadow`` or a world-readable secret is refused with
a reason instead of being sent to the endpoint.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

# RFC 6750 "b64token": what a bearer token may contain.
_TOKEN = re.compile(r"[A-Za-z0-9\-._~+/]+=*")
MAX_TOKEN_FILE_BYTES = 4096


class TokenError(Exception):
    """The configured token cannot be used; the message names the file and why (never the
    token itself)."""


def clean_token(text: str, *, where: str = "[sync] token") -> str:
    """``text`` without surrounding white space; '' stays ''. Refuses what is not one token."""
    token = text.strip()
    if token and not _TOKEN.fullmatch(token):
        raise TokenError(
            f"{where} is not a single bearer token (only letters, digits and -._~+/= allowed,"
            " on one line)"
        )
    return token


def token_path(token_file: str, config_dir: Path | None) -> Path:
    path = Path(token_file).expanduser()
    if not path.is_absolute() and config_dir is not None:
        path = config_dir / path
    return path


def load_token(token: str, token_file: str, config_dir: Path | None) -> str:
    """The bearer token from ``token`` or ``token_file``; may be '' (none configured)."""
    if token:
        return clean_token(token)
    if not token_file:
        return ""
    path = token_path(token_file, config_dir)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise TokenError(f"the token file {path} is not a regular file")
        if os.name == "posix" and info.st_mode & (stat.S_IRGRP | stat.S_IROTH):
            raise TokenError(
                f"the token file {path} is readable by other users; make it private"
                f" (chmod 600 {path})"
            )
        if info.st_size > MAX_TOKEN_FILE_BYTES:
            raise TokenError(f"the token file {path} is too large to hold one token")
        text = path.read_text(encoding="utf-8")
    except TokenError:
        raise
    except UnicodeDecodeError as exc:
        raise TokenError(f"the token file {path} is not text") from exc
    except OSError as exc:
        raise TokenError(f"cannot read the token file {path}: {exc.strerror}") from exc
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) != 1:
        raise TokenError(f"the token file {path} must hold one token on one line")
    return clean_token(lines[0], where=f"the token file {path}")
