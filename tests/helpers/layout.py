"""Layout checks read from the widgets' geometry: what a person would see as a broken screen.

:func:`layout_problems` walks every visible widget of a window and reports, in words:
- a text wider than the widget's contents rect (QFontMetrics), or taller than it for a
  wrapped label (``heightForWidth``); an elided or clipped word;
- a widget that sticks out of its parent (so out of the window, transitively);
- two visible siblings whose rectangles overlap (the keyboard's rows at 1024x600 did).
"""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QLineEdit, QWidget

SLACK = 1  # px: Qt rounds font metrics and geometry; one pixel is not a clipped letter


def _text_problems(widget: QWidget) -> list[str]:
    problems: list[str] = []
    if isinstance(widget, QLabel):
        text = widget.text()
        pixmap = widget.pixmap()
        if not text or (pixmap is not None and not pixmap.isNull()):
            return problems
        inner = widget.contentsRect()
        metrics = widget.fontMetrics()
        rich = widget.textFormat() == Qt.TextFormat.RichText or (
            widget.textFormat() == Qt.TextFormat.AutoText and QtGui_Qt.mightBeRichText(text)
        )
        if widget.wordWrap():
            longest = max(text.split() or [""], key=metrics.horizontalAdvance)
            if not rich and metrics.horizontalAdvance(longest) > inner.width() + SLACK:
                problems.append(f"label word {longest!r} wider than {inner.width()} px")
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + SLACK:
                problems.append(
                    f"label {text[:40]!r} needs {needed} px high, has {widget.height()}"
                )
        else:
            for line in text.split("\n"):
                if metrics.horizontalAdvance(line) > inner.width() + SLACK:
                    problems.append(f"label {line[:40]!r} wider than {inner.width()} px")
            if metrics.height() * len(text.split("\n")) > inner.height() + SLACK:
                problems.append(f"label {text[:40]!r} taller than {inner.height()} px")
    elif isinstance(widget, QAbstractButton):
        text = widget.text()
        if not text:
            return problems
        metrics = widget.fontMetrics()
        width = metrics.horizontalAdvance(text)
        if width > widget.width() - 8:  # a rounded border and a little air on each side
            problems.append(f"button {text!r}: text {width} px in {widget.width()}")
        if widget.property("role") != "key" and widget.sizeHint().width() > widget.width() + SLACK:
            problems.append(
                f"button {text!r} needs {widget.sizeHint().width()} px, has {widget.width()}"
            )
        if metrics.height() > widget.height() + SLACK:
            problems.append(
                f"button {text!r}: text {metrics.height()} px high in {widget.height()}"
            )
    elif isinstance(widget, QLineEdit):
        shown = widget.text() or widget.placeholderText()
        if shown and not widget.text():
            width = widget.fontMetrics().horizontalAdvance(shown)
            room = widget.contentsRect().width() - 8  # the line edit's own side margins
            if width > room + SLACK:
                problems.append(f"field placeholder {shown[:40]!r}: {width} px in {room}")
        if widget.fontMetrics().height() > widget.height() + SLACK:
            problems.append(f"field {shown[:30]!r} shorter than its text")
    return problems


def _visible_children(widget: QWidget) -> list[QWidget]:
    return [
        child
        for child in widget.findChildren(QWidget, options=_direct())
        if child.isVisible() and not child.isWindow()
    ]


def _direct():
    return Qt.FindChildOption.FindDirectChildrenOnly


def layout_problems(window: QWidget) -> list[str]:
    """Everything wrong with what ``window`` shows now (empty when the screen is sound)."""
    problems: list[str] = []

    def name(widget: QWidget) -> str:
        text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
        return f"{type(widget).__name__}({str(text)[:30]!r})"

    def walk(widget: QWidget) -> None:
        children = _visible_children(widget)
        inside = widget.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
        owner = widget.parentWidget()
        # What a scroll area shows is bigger than its viewport by design: it scrolls.
        scrolls = isinstance(owner, QAbstractScrollArea) and owner.viewport() is widget
        for child in children:
            if not scrolls and not inside.contains(child.geometry()):
                problems.append(
                    f"{name(child)} {_rect(child.geometry())} sticks out of "
                    f"{name(widget)} {_rect(widget.rect())}"
                )
            problems.extend(f"{name(child)}: {one}" for one in _text_problems(child))
        for first, second in combinations(children, 2):
            overlap = first.geometry().intersected(second.geometry())
            if overlap.width() > SLACK and overlap.height() > SLACK:
                problems.append(
                    f"{name(first)} {_rect(first.geometry())} overlaps "
                    f"{name(second)} {_rect(second.geometry())}"
                )
        for child in children:
            walk(child)

    walk(window)
    return problems


def _rect(rect: QRect) -> str:
    return f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"
