"""Every refusal as JSON ``{"error": reason}`` with its status, from one place."""

from __future__ import annotations

from collections.abc import Iterable


class HttpError(Exception):
    def __init__(self, status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.headers = list(headers)
