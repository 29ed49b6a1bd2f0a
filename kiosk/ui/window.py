"""The kiosk's one window: a stack of screens under a discreet strip for the staff.

The guest never sees a dialog. Problems the staff must act on (a disk that refuses writes, a
database that was set aside and recovered) appear in a thin strip at the top, in plain words;
the guest flow carries on beneath it.

The window also decides how big everything draws: on every resize (a rotation too) it asks
:func:`~kiosk.ui.theme.sizes_for` about its size and its screen's physical density, and when
the answer changes it restyles itself and hands the new sizes to each screen's
``apply_sizes``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core.messages import Message
from kiosk.ui.i18n import translated
from kiosk.ui.theme import SIZES, Sizes, build_stylesheet, screen_density, set_role, sizes_for

STORE_CONTEXT = "StoreProblem"  # the store words its problems under this context


def translate_problem(problem: Message | str) -> str:
    """A storage problem in the staff's language.

    The store's errors carry a :class:`Message` (``StoreError.message``). Where only the text
    survived (``str(error)``), it is the message's own template, so it is looked up as one;
    anything else is shown as it came.
    """
    if isinstance(problem, str):
        problem = Message(STORE_CONTEXT, problem)
    return translated(problem)


DEV_SIZE = QSize(1280, 800)  # the counter tablets' screen


def dev_geometry(available: QRect, frame: QSize | None = None) -> QRect:
    """The development window's client area: the counter's 1280x800 where it fits, else as
    large as the free part of the screen allows, with the window manager's ``frame`` (its
    borders and title bar, width and height added) inside the free area too, so no part is
    under a panel or off the screen. Centred across, at the top."""
    frame = frame or QSize(0, 0)
    border = frame.width() // 2  # one side's border; the title bar is the rest of the height
    width = max(1, min(DEV_SIZE.width(), available.width() - frame.width()))
    height = max(1, min(DEV_SIZE.height(), available.height() - frame.height()))
    left = available.left() + border + (available.width() - frame.width() - width) // 2
    top = available.top() + frame.height() - border
    return QRect(left, top, width, height)


class KioskWindow(QWidget):
    """Top-level widget: ``add_screen`` / ``show_screen`` and the staff banner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KioskWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.staff_banner = QLabel(self)
        set_role(self.staff_banner, "banner")
        self.staff_banner.setWordWrap(True)
        self.staff_banner.hide()
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # The window is fullscreen (or sized by us): it needs no minimum from its contents,
        # and setting one on a shown window makes some platforms complain.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(self.staff_banner)
        layout.addWidget(self.stack, 1)
        # key -> (callable giving the current-language text); re-run on LanguageChange.
        self._notices: dict[str, object] = {}
        self._cursor_hidden = False
        self.accent: str | None = None
        # Logical pixels per physical inch; None asks the screen (tests and screenshots pass
        # one in: the offscreen platform reports a made-up 96).
        self.pixels_per_inch: float | None = None
        self.sizes: Sizes | None = None
        self.retranslate()

    # --- sizes ----------------------------------------------------------------------------

    def set_look(self, accent: str | None, pixels_per_inch: float | None = None) -> None:
        """The accent colour and, to stand in for the screen's, a density; restyles now."""
        self.accent = accent
        self.pixels_per_inch = pixels_per_inch
        self.sizes = None
        self._fit_sizes()

    def _fit_sizes(self) -> None:
        density = self.pixels_per_inch or screen_density(self)
        sizes = sizes_for(self.width(), self.height(), density)
        if sizes == self.sizes:
            return
        self.sizes = sizes
        self.setStyleSheet(build_stylesheet(self.accent, sizes))
        for index in range(self.stack.count()):
            self._size_screen(self.stack.widget(index))

    def _size_screen(self, widget: QWidget) -> None:
        apply_sizes = getattr(widget, "apply_sizes", None)
        if apply_sizes is not None:
            apply_sizes(self.sizes or SIZES)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_sizes()
        super().resizeEvent(event)

    # --- screens ----------------------------------------------------------------------------

    def add_screen(self, widget: QWidget) -> None:
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
            if self.sizes is not None:
                self._size_screen(widget)

    def show_screen(self, widget: QWidget) -> None:
        self.add_screen(widget)
        self.stack.setCurrentWidget(widget)

    def current_screen(self) -> QWidget | None:
        return self.stack.currentWidget()

    # --- staff banner ---------------------------------------------------------------------

    def set_staff_notice(self, key: str, text: object | None) -> None:
        """Show (or, with None, clear) one notice; ``text`` is a str or a no-arg callable.

        A callable is called again when the language changes, so the notice follows it.
        """
        if text is None:
            self._notices.pop(key, None)
        else:
            self._notices[key] = text
        self._refresh_banner()

    def staff_notices(self) -> dict[str, str]:
        return {key: self._render(text) for key, text in self._notices.items()}

    @staticmethod
    def _render(text: object) -> str:
        return str(text()) if callable(text) else str(text)

    def _refresh_banner(self) -> None:
        lines = [f"⚠  {self._render(text)}" for text in self._notices.values()]
        self.staff_banner.setText("\n".join(lines))
        self.staff_banner.setVisible(bool(lines))

    # --- showing --------------------------------------------------------------------------

    def start(self, fullscreen: bool) -> None:
        """Fullscreen (frameless, no cursor) on the counter; a window for development."""
        if fullscreen:
            self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.setCursor(Qt.CursorShape.BlankCursor)
            # Text fields set their own I-beam cursor, and a touch moves the pointer onto
            # them: only an application-wide override keeps every cursor hidden.
            if not self._cursor_hidden:
                QApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
                self._cursor_hidden = True
            # A counter PC often runs X with no window manager, and only a window manager acts
            # on the fullscreen request: cover the screen ourselves so the kiosk is never a
            # small window in a corner with its buttons squeezed together.
            self.setGeometry(self.screen().geometry())
            self.showFullScreen()
        else:
            self.setGeometry(dev_geometry(self.screen().availableGeometry()))
            self.show()
            # Only now does the window manager say how tall its title bar is: keep the
            # whole frame on the screen (a 1280x800 laptop has panels and a title bar too).
            frame = self.frameGeometry()
            available = self.screen().availableGeometry()
            if not available.contains(frame):
                extra = QSize(frame.width() - self.width(), frame.height() - self.height())
                self.setGeometry(dev_geometry(available, extra))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._cursor_hidden:
            QApplication.restoreOverrideCursor()
            self._cursor_hidden = False
        super().closeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Counter feedback"))
        self._refresh_banner()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
