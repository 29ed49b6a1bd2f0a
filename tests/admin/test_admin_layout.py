"""The owner's screens in Spanish and English, landscape and portrait: no text clips."""

from __future__ import annotations

import pytest
from helpers.admin import PIN, enter, fill
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QWidget

from kiosk.config import ConfigError, settings_from_dict
from kiosk.core.languages import SUPPORTED_LANGUAGES
from kiosk.ui.i18n import Translations
from kiosk.ui.theme import SCREENS

SIZES = [(1280, 800), (800, 1280)]
DENSITY = {
    (1024, 600): 170,
    (1280, 800): 150,
    (800, 1280): 150,
    (1920, 1080): 141,
    (3840, 2160): 282,
}  # a 7-inch, the 10-inch tablet, 15.6-inch full-HD and 4K


def clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit the space they were given."""
    problems = []
    for label in root.findChildren(QLabel):
        if (
            not label.isVisibleTo(root)
            or not label.text()
            or label.pixmap() is not None
            and not label.pixmap().isNull()
        ):
            continue
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                problems.append(
                    f"label {label.text()[:50]!r} needs {needed} px, has {label.height()}"
                )
        elif label.sizeHint().width() > label.width() + 1:
            problems.append(f"label {label.text()[:50]!r} wider than {label.width()}")
    for button in root.findChildren(QAbstractButton):
        if not button.isVisibleTo(root) or not button.text():
            continue
        if button.sizeHint().width() > button.width() + 1:
            problems.append(
                f"button {button.text()!r}: needs {button.sizeHint().width()} px, "
                f"has {button.width()}"
            )
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


@pytest.mark.parametrize("code", SUPPORTED_LANGUAGES)
def test_no_admin_screen_breaks_at_any_size(qtbot, area, services, answer_store, code):
    """Every owner's screen at 1024x600 to 3840x2160 (at a real panel's density), inside the
    kiosk window as the app shows it: no clipped text, no overlap, nothing outside."""
    from helpers.layout import layout_problems

    from kiosk.ui.window import KioskWindow

    before = QLocale()
    translations = Translations((code,), code, scale=1.0)
    translations.set_language(code)
    fill(answer_store)
    services.set_pin(PIN)
    window = KioskWindow()
    qtbot.addWidget(window)
    window.setMinimumSize(400, 300)
    window.show_screen(area)
    window.show()
    area.set_language(code)
    found = []
    try:
        for size in SCREENS:
            window.set_look(None, DENSITY[size])
            window.resize(*size)
            area.open()

            def check(name, size=size):
                QApplication.processEvents()
                problems = clipped(area.currentWidget()) + layout_problems(window)
                found.extend(f"{size[0]}x{size[1]} {name}: {one}" for one in problems)

            check("pin pad")
            enter(qtbot, area.pinpad, PIN)
            area.dashboard.select_period("30d")
            check("dashboard")
            area.show_export()
            check("export")
            area.show_settings()
            check("settings")
            screen = area.settings_screen
            screen.open_keyboard(screen.fields["[kiosk] shop_name"])
            check("settings with the keyboard")
            screen.close_keyboard()
            area.close_area()
    finally:
        window.stack.removeWidget(area)  # the area fixture ends it, not the window
        area.setParent(None)
        translations.close()
        QLocale.setDefault(before)
    assert not found, f"{code}: {len(found)} problem(s):\n" + "\n".join(found[:30])


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
