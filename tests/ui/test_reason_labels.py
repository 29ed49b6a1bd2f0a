from __future__ import annotations

from kiosk.core.reasons import BUILTIN_REASONS, Reason
from kiosk.ui.reason_labels import SOURCE_TEXTS, reason_label


def test_marked_texts_are_exactly_the_builtin_reasons():
    assert SOURCE_TEXTS == tuple(BUILTIN_REASONS.values())


def test_configured_label_wins(qapp):
    reason = Reason("coffee", {"es": "Café"})
    assert reason_label(reason, "es") == "Café"
    assert reason_label(reason, "en") == "coffee"  # no English label: the id's source text
