"""Labels of the reason chips: the config's own per-language text, else the built-in's
translation (its Message in ``kiosk.core.reasons``)."""

from __future__ import annotations

from kiosk.core.reasons import Reason
from kiosk.ui.i18n import translated


def reason_label(reason: Reason, language: str) -> str:
    """What the chip for ``reason`` says in ``language``."""
    return reason.label(language) or translated(reason.fallback())
