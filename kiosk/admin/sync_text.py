"""Sync problems in the owner's language: the connection test's and the dashboard's.

The sync worker, its client and ``probe_endpoint`` word their reasons in English for the log
(with the library's details). The owner sees them through these short templates, so a Spanish
owner does not read "La conexión falló: the endpoint refused the token", nor a requests
traceback that pushes the dashboard's charts aside.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "SyncProblem"
LONGEST = 120  # characters of an unknown reason shown before it is cut short

# (pattern of the English reason, template with %1 for the pattern's group)
REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"no endpoint address"), QT_TRANSLATE_NOOP("SyncProblem", "no server address")),
    (
        re.compile(r"the endpoint refused the token \((\d+)\)"),
        QT_TRANSLATE_NOOP("SyncProblem", "the server refused the token (HTTP %1)"),
    ),
    (
        re.compile(r"the endpoint answered (\d+)"),
        QT_TRANSLATE_NOOP("SyncProblem", "the server answered HTTP %1"),
    ),
    (
        re.compile(r"the endpoint is busy \((\d+)\)"),
        QT_TRANSLATE_NOOP("SyncProblem", "the server is busy (HTTP %1)"),
    ),
    (
        re.compile(r"the endpoint redirected \((\d+)\).*"),
        QT_TRANSLATE_NOOP("SyncProblem", "the server redirected (HTTP %1); check the address"),
    ),
    (
        re.compile(r"unexpected reply from the endpoint \((\d+)\).*"),
        QT_TRANSLATE_NOOP("SyncProblem", "unexpected reply from the server (HTTP %1)"),
    ),
    (
        re.compile(r"the endpoint did not confirm the alert"),
        QT_TRANSLATE_NOOP("SyncProblem", "the server did not confirm the alert"),
    ),
    (re.compile(r"webhook: .*"), QT_TRANSLATE_NOOP("SyncProblem", "the alert webhook failed")),
    (
        re.compile(r"TLS verification failed for (.+)"),
        QT_TRANSLATE_NOOP("SyncProblem", "the certificate of %1 could not be verified"),
    ),
    (
        re.compile(r"timed out talking to (.+)"),
        QT_TRANSLATE_NOOP("SyncProblem", "%1 did not answer in time"),
    ),
    (
        re.compile(r"cannot reach (\S+): .*", re.DOTALL),
        QT_TRANSLATE_NOOP("SyncProblem", "cannot reach %1"),
    ),
    (
        re.compile(r"request to (\S+) failed: .*", re.DOTALL),
        QT_TRANSLATE_NOOP("SyncProblem", "the request to %1 failed"),
    ),
    (
        re.compile(r"reply (?:of \d+ bytes )?is larger than allowed"),
        QT_TRANSLATE_NOOP("SyncProblem", "the server's reply was too large"),
    ),
    (
        re.compile(r"reply took too long to arrive"),
        QT_TRANSLATE_NOOP("SyncProblem", "the server's reply took too long"),
    ),
)


def sync_problem(reason: str) -> str:
    """``reason`` translated when it is one the sync gives; otherwise as it came, cut short."""
    for pattern, template in REASONS:
        match = pattern.fullmatch(reason)
        if match:
            text = QCoreApplication.translate(CONTEXT, template)
            for number, group in enumerate(match.groups(), start=1):
                text = text.replace(f"%{number}", group)
            return text
    first_line = reason.splitlines()[0] if reason else ""
    return first_line if len(first_line) <= LONGEST else first_line[: LONGEST - 1] + "…"
