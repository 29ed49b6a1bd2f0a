"""The dashboard's charts, painted offscreen and read back pixel by pixel."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from kiosk.admin.charts import Chart, LineChart, ReasonChart, SignedBarChart
from kiosk.admin.style import DETRACTOR, PROMOTER

SIZE = (400, 200)


def painted(qtbot, chart: Chart) -> QImage:
    qtbot.addWidget(chart)
    chart.resize(*SIZE)
    return chart.grab().toImage()


def rows_with(image: QImage, colour: str) -> set[int]:
    """The rows of ``image`` holding at least one pixel of exactly ``colour``."""
    wanted = QColor(colour).rgb()
    return {
        y
        for y in range(image.height())
        if any(image.pixel(x, y) == wanted for x in range(image.width()))
    }


def colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for y in range(image.height()) for x in range(image.width())}


@pytest.mark.parametrize("chart_type", [SignedBarChart, LineChart])
def test_an_nps_series_shows_good_slots_above_bad_ones(qtbot, chart_type):
    chart = chart_type()
    chart.set_data([60.0, None, -60.0], ["a", "b", "c"])
    image = painted(qtbot, chart)
    good, bad = rows_with(image, PROMOTER), rows_with(image, DETRACTOR)
    assert good and bad
    assert max(good) < min(bad)


@pytest.mark.parametrize("chart_type", [SignedBarChart, LineChart])
@pytest.mark.parametrize("values", [[], [None, None]])
def test_an_nps_series_without_any_value_says_so_instead(qtbot, chart_type, values):
    chart = chart_type()
    chart.set_data(values, ["x"] * len(values))
    image = painted(qtbot, chart)
    assert not rows_with(image, PROMOTER) and not rows_with(image, DETRACTOR)
    assert len(colours(image)) > 1  # the message is written
    assert image == painted(qtbot, SignedBarChart())  # the same one for every empty chart


def test_reasons_chart_without_reasons_draws_no_bars(qtbot):
    image = painted(qtbot, ReasonChart())
    assert not rows_with(image, PROMOTER) and not rows_with(image, DETRACTOR)
    assert len(colours(image)) > 1  # something is written
    assert image != painted(qtbot, SignedBarChart())  # its own message, not the answers one


@pytest.mark.parametrize("width", [300.0, 740.0, 1200.0])
def test_trend_x_labels_never_touch_even_the_last_one_pulled_inside(width):
    """45 days at 740 px drew '21 nov' and '25 nov' into each other (seen on the dashboard)."""
    from kiosk.admin.charts import x_label_lefts

    widest = 62.0
    for n in range(1, 92):
        step = width / max(1, n - 1)
        xs = [60.0 + i * step if n > 1 else 60.0 + width / 2 for i in range(n)]
        chosen = x_label_lefts(xs, widest, 10.0, 60.0 + width + 8)
        assert chosen[-1][0] == n - 1  # the last day is always named
        lefts = [left for _, left in chosen]
        assert lefts == sorted(lefts)
        assert all(b - a >= widest for a, b in zip(lefts, lefts[1:], strict=False)), (n, chosen)
        assert lefts[0] >= 10.0 and lefts[-1] + widest <= 60.0 + width + 8
