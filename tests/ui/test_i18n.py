"""Runtime translations: real .qm files, every widget switched at once, pseudo-stretch."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.config import Settings
from kiosk.ui.i18n import ENV_TRANS_SCALE, LANGUAGE_NAMES, Translations, stretch
from kiosk.ui.question import QuestionScreen

QUESTION = "How likely are you to recommend us to your friends and family?"


def test_stretch_makes_text_longer_by_the_factor():
    assert stretch("Enviar", 1.0) == "Enviar"
    longer = stretch("Agrega un comentario", 1.3)
    assert longer.startswith("Agrega un comentario")
    assert len(longer) == round(len("Agrega un comentario") * 1.3)
    assert stretch("", 1.3) == ""


def test_stretch_keeps_every_message_fillable():
    """The filler copies letters, never half a placeholder: the message still formats, at the
    pseudo-translation's 40% and more, and Qt's %1 markers are not multiplied."""
    template = "Staff: answers cannot be saved ({problem}). {count} waiting in memory; %1"
    for scale in (1.4, 2.0, 3.5):
        longer = stretch(template, scale)
        assert abs(len(longer) - len(template) * scale) <= 1
        assert longer.format(problem="p", count=2).count("p") >= 1
        assert longer.count("%1") == 1 and longer.count("{") == 2


def test_language_switch_translates_every_widget_before_returning(qtbot, translations_dir):
    translations = Translations(("es", "en"), "es", scale=1.0)
    try:
        translations.set_language("es")
        screen = QuestionScreen(Settings(), translations)
        qtbot.addWidget(screen)
        assert screen.question_label.text().startswith("¿Qué tan probable")
        assert screen.low_anchor.text() == "Nada probable"
        translations.set_language("en")
        assert screen.question_label.text() == QUESTION
        assert translations.language == "en"
        assert screen.language_switch.buttons["en"].isChecked()
        translations.set_language("es")
        assert screen.question_label.text().startswith("¿Qué tan probable")
    finally:
        translations.close()
    assert QCoreApplication.translate("QuestionScreen", QUESTION) == QUESTION


def test_a_language_that_is_not_enabled_is_ignored(qtbot, translations_dir):
    translations = Translations(("es",), "es", scale=1.0)
    try:
        translations.set_language("es")
        translations.set_language("en")
        assert translations.language == "es"
    finally:
        translations.close()


def test_pseudo_translation_stretches_translated_and_untranslated_text(
    qtbot, translations_dir, monkeypatch
):
    monkeypatch.setenv(ENV_TRANS_SCALE, "1.5")
    translations = Translations(("es", "en"), "es")
    try:
        assert translations.scale == 1.5
        translations.set_language("es")
        spanish = QCoreApplication.translate("ThanksScreen", "Thank you!")
        assert spanish == stretch("¡Gracias!", 1.5)
        untranslated = QCoreApplication.translate("WhyScreen", "Skip")
        assert untranslated == stretch("Skip", 1.5)
    finally:
        translations.close()


def test_config_text_overrides_the_translation(qtbot, translations_dir):
    translations = Translations(("es", "en"), "es", scale=1.0)
    try:
        translations.set_language("en")
        assert (
            translations.pick({"en": "Would you recommend us?"}, "x") == "Would you recommend us?"
        )
        assert translations.pick({"es": "¿Nos recomiendas?"}, "fallback") == "fallback"
    finally:
        translations.close()


def test_languages_are_offered_in_their_own_names():
    assert LANGUAGE_NAMES == {
        "es": "Español",
        "en": "English",
        "pt": "Português",
        "fr": "Français",
        "ca": "Català",
    }


def test_qt_own_texts_follow_every_language(qtbot, translations_dir):
    """Qt's catalogue loads for each language (Portuguese from Qt's pt_BR, Catalan's own)."""
    expected = {"es": "Cancelar", "pt": "Cancelar", "fr": "Annuler", "ca": "Cancel·la"}
    translations = Translations(tuple(expected), "es", scale=1.0)
    try:
        for language, cancel in expected.items():
            translations.set_language(language)
            assert QCoreApplication.translate("QPlatformTheme", "Cancel") == cancel, language
    finally:
        translations.close()


def test_qt_own_texts_follow_the_language(qtbot, translations_dir):
    translations = Translations(("es", "en"), "es", scale=1.0)
    try:
        translations.set_language("es")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
        translations.set_language("en")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        translations.close()


def test_switching_language_many_times_does_not_pile_up_translators(qtbot, translations_dir):
    """Guests switch language all day for months: each switch must free the old translators
    (each one holds a mapped .qm file; they used to stay alive as children for good)."""
    import gc

    from PySide6.QtCore import QEvent, QTranslator

    def live_translators() -> int:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        return sum(isinstance(o, QTranslator) for o in gc.get_objects())

    translations = Translations(("es", "en"), "es")
    try:
        translations.set_language("es")
        before = live_translators()
        for n in range(50):
            translations.set_language("en" if n % 2 else "es")
        assert live_translators() <= before + 2
        assert len(translations.findChildren(QTranslator)) <= 2
        translations.set_language("es")
        assert QCoreApplication.translate("QuestionScreen", QUESTION).startswith("¿Qué tan")
    finally:
        translations.close()
