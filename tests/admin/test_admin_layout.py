"""The owner's screens in Spanish and English, landscape and portrait: no text clips."""

from __future__ import annotations

import pytest
from helpers.admin import PIN, enter, fill
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QWidget

from kiosk.config import ConfigError, settings_from_dict
from kiosk.ui.i18n import Translations

SIZES = [(1280, 800), (800, 1280)]


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit the space they were given."""
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text() or label.pixmap() is not None \
                and not label.pixmap().isNull():
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                problems.append(f"label {label.text()[:50]!r} needs {needed} px, has "
                                f"{label.height()}")
        elif label.sizeHint().width() > label.width() + 1:
            problems.append(f"label {label.text()[:50]!r} wider than {label.width()}")
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root) or not button.text():
            continue
        if button.sizeHint().width() > button.width() + 1:
            problems.append(f"button {button.text()!r}: needs {button.sizeHint().width()} px, "
                            f"has {button.width()}")
    return problems


@pytest.fixture(params=["es", "en"])
def language(request, qapp):
    before = QLocale()
    translations = Translations(("es", "en"), "es", scale=1.0)
    translations.set_language(request.param)
    yield request.param
    translations.close()
    QLocale.setDefault(before)


@pytest.mark.parametrize("size", SIZES, ids=["landscape", "portrait"])
def test_no_admin_text_clips(qtbot, area, services, answer_store, language, size):
    fill(answer_store)  # comments, reasons and numbers on the dashboard
    area.set_language(language)
    area.resize(*size)
    services.set_pin(PIN)
    area.open()

    def check(name):
        QApplication.processEvents()
        assert not clipped(area.currentWidget()), f"{name} {language} {size}"

    check("pin pad")
    enter(qtbot, area.pinpad, PIN)
    for period in ("today", "7d", "30d"):
        area.dashboard.select_period(period)
        check(f"dashboard {period}")
    area.show_export()
    check("export")
    area.show_settings()
    check("settings")
    with pytest.raises(ConfigError) as refused:
        settings_from_dict({"why": {"reasons": ["speed", "Rápido"]}})
    area.settings_screen.show_config_error(refused.value)
    check("settings with an error")
    if language == "es":
        assert area.settings_screen.save_button.text() == "Guardar"
    qtbot.mouseClick(area.settings_screen.back_button, Qt.MouseButton.LeftButton)


def test_the_check_finds_a_clipped_text(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    button = QPushButton("Volver a la pantalla de clientes", root)
    label = QLabel("Página de contacto para clientes insatisfechos", root)
    label.setWordWrap(True)
    for widget in (button, label):
        widget.setGeometry(0, 0, 60, 20)
    root.show()
    problems = clipped(root)
    assert len(problems) == 2, problems
