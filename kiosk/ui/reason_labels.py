"""Labels of the reason chips: the config's own per-language text, else Qt's translation.

The built-in texts are listed here with ``QT_TRANSLATE_NOOP`` so ``pyside6-lupdate`` puts
them in the ``.ts`` files under the context ``"Reason"``; they must stay identical to
``kiosk.core.reasons.BUILTIN_REASONS`` (a test checks it).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.core.reasons import Reason

CONTEXT = "Reason"

SOURCE_TEXTS = (
    QT_TRANSLATE_NOOP("Reason", "Speed of service"),
    QT_TRANSLATE_NOOP("Reason", "Friendliness"),
    QT_TRANSLATE_NOOP("Reason", "Quality"),
    QT_TRANSLATE_NOOP("Reason", "Price"),
    QT_TRANSLATE_NOOP("Reason", "Cleanliness"),
    QT_TRANSLATE_NOOP("Reason", "Waiting time"),
    QT_TRANSLATE_NOOP("Reason", "Choice of products"),
    QT_TRANSLATE_NOOP("Reason", "Atmosphere"),
)


def reason_label(reason: Reason, language: str) -> str:
    """What the chip for ``reason`` says in ``language``."""
    configured = reason.label(language)
    if configured:
        return configured
    return QCoreApplication.translate(CONTEXT, reason.source_text)
