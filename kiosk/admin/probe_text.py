"""The connection test's outcome in the owner's language.

``probe_endpoint`` (and the sync client under it) words its reasons in English for the log;
the settings screen shows them through these templates, so a Spanish owner does not read
"La conexión falló: the endpoint refused the token".
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "ConnectionTest"

# (pattern of the English reason, template with %1/%2 for the pattern's groups)
REASONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"no endpoint address"),
     QT_TRANSLATE_NOOP("ConnectionTest", "no server address")),
    (re.compile(r"the endpoint refused the token \(HTTP (\d+)\)"),
     QT_TRANSLATE_NOOP("ConnectionTest", "the server refused the token (HTTP %1)")),
    (re.compile(r"the endpoint answered HTTP (\d+)"),
     QT_TRANSLATE_NOOP("ConnectionTest", "the server answered HTTP %1")),
    (re.compile(r"TLS verification failed for (.+)"),
     QT_TRANSLATE_NOOP("ConnectionTest", "the certificate of %1 could not be verified")),
    (re.compile(r"timed out talking to (.+)"),
     QT_TRANSLATE_NOOP("ConnectionTest", "%1 did not answer in time")),
    (re.compile(r"cannot reach (\S+): (.+)"),
     QT_TRANSLATE_NOOP("ConnectionTest", "cannot reach %1 (%2)")),
)


def connection_problem(reason: str) -> str:
    """``reason`` translated when it is one the probe gives; otherwise as it came."""
    for pattern, template in REASONS:
        match = pattern.fullmatch(reason)
        if match:
            text = QCoreApplication.translate(CONTEXT, template)
            for number, group in enumerate(match.groups(), start=1):
                text = text.replace(f"%{number}", group)
            return text
    return reason
