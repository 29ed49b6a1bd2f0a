from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from kiosk.core.reasons import BUILTIN_REASONS, Reason
from kiosk.ui.i18n import Translations
from kiosk.ui.reason_labels import reason_label


def test_configured_label_wins(qapp):
    reason = Reason("coffee", {"es": "Café"})
    assert reason_label(reason, "es") == "Café"
    assert reason_label(reason, "en") == "coffee"  # no English label: the id


def test_a_custom_reason_falls_back_to_its_english_label(qapp):
    assert reason_label(Reason("parking", {"en": "Parking"}), "es") == "Parking"


@pytest.fixture
def spanish(qapp):
    before = QLocale()
    translations = Translations(("es", "en"), "es", scale=1.0)
    translations.set_language("es")
    yield
    translations.close()
    QLocale.setDefault(before)


def test_builtin_reasons_are_translated_from_their_one_message(spanish):
    assert reason_label(Reason("speed"), "es") == "Rapidez del servicio"
    assert reason_label(Reason("price", {"en": "Prices"}), "es") == "Precio"
    for reason_id in BUILTIN_REASONS:
        label = reason_label(Reason(reason_id), "es")
        assert label and label != BUILTIN_REASONS[reason_id].template, reason_id
