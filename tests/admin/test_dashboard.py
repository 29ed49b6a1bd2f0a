"""The dashboard shows the numbers `kiosk stats --json` prints, and a hand-computed fixture."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

from helpers.admin import PIN, SINCE, UNTIL, enter, fill
from PySide6.QtCore import QDate, Qt

from kiosk.commands import main as cli
from kiosk.core.answer import Answer, Completion


def open_dashboard(qtbot, area, services):
    services.set_pin(PIN)
    area.open()
    enter(qtbot, area.pinpad, PIN)
    assert area.currentWidget() is area.dashboard
    return area.dashboard


def choose_dates(qtbot, dashboard, since: date, until: date):
    qtbot.mouseClick(dashboard.period_buttons["custom"], Qt.MouseButton.LeftButton)
    dashboard.since_edit.setDate(QDate(since.year, since.month, since.day))
    dashboard.until_edit.setDate(QDate(until.year, until.month, until.day))


def stats_json(capsys, data_dir, *extra: str) -> dict:
    capsys.readouterr()
    assert cli.main(["--data-dir", str(data_dir), "stats", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_dashboard_equals_kiosk_stats_json(qtbot, area, services, answer_store, data_dir, capsys):
    fill(answer_store)
    dashboard = open_dashboard(qtbot, area, services)
    choose_dates(qtbot, dashboard, SINCE, UNTIL)
    shown = dashboard.stats.as_dict()
    printed = stats_json(capsys, data_dir, "--since", "2026-11-20", "--until", "2026-11-21")
    assert shown == printed
    # and the hand-computed fixture: 5 promoters, 2 passives, 3 detractors -> NPS +20
    assert (printed["promoters"], printed["passives"], printed["detractors"]) == (5, 2, 3)
    assert printed["nps"] == 20.0 and printed["change"] == 70.0 and printed["flagged"] == 1
    # 10 answers is too few for a number: the headline says so
    assert dashboard.nps_value.text() == "Too few answers"
    assert "10" in dashboard.nps_detail.text()
    assert dashboard.mix_chart.counts == (3, 2, 5)
    assert dashboard.distribution_chart.values == [1, 0, 0, 1, 0, 0, 1, 1, 1, 3, 2]
    assert "1" in dashboard.flagged_label.text()
    assert "-dirty tables" in dashboard.comments_label.text()


def test_include_flagged_matches_cli(qtbot, area, services, answer_store, data_dir, capsys):
    fill(answer_store)
    dashboard = open_dashboard(qtbot, area, services)
    choose_dates(qtbot, dashboard, SINCE, UNTIL)
    qtbot.mouseClick(dashboard.include_flagged, Qt.MouseButton.LeftButton)
    assert dashboard.stats.include_flagged
    printed = stats_json(
        capsys, data_dir, "--since", "2026-11-20", "--until", "2026-11-21", "--include-flagged"
    )
    assert dashboard.stats.as_dict() == printed
    assert printed["answers"] == 11


def test_enough_answers_show_the_score_and_margin(qtbot, area, services, answer_store):
    # 20 promoters, 10 passives, 10 detractors on 2026-11-21: NPS = 25
    # variance = 0.75 - 0.25^2 = 0.6875; margin = 1.96 * sqrt(0.6875 / 40) * 100 = 25.7
    start = datetime(2026, 11, 21, 12, 0, tzinfo=timezone.utc)
    scores = [10] * 20 + [8] * 10 + [2] * 10
    answers = [
        Answer(
            id=f"00000000-0000-0000-0000-{i:012d}",
            score=s,
            created_utc=start + timedelta(minutes=i),
            utc_offset_minutes=0,
            language="en",
            kiosk_id="k",
            app_version="1",
            completion=Completion.SKIPPED,
            completed_utc=start + timedelta(minutes=i),
        )
        for i, s in enumerate(scores)
    ]
    answer_store.import_answers(answers, origin="guest", enqueue=False)
    dashboard = open_dashboard(qtbot, area, services)
    qtbot.mouseClick(dashboard.period_buttons["today"], Qt.MouseButton.LeftButton)
    assert dashboard.nps_value.text() == "+25"
    assert "± 26" in dashboard.nps_detail.text() and "40" in dashboard.nps_detail.text()
    assert dashboard.trend_chart.values == [25.0]
    hours = dashboard.hour_chart
    assert hours.values[hours.labels.index("12")] == 25.0
    assert len(hours.labels) >= 8  # one busy hour is not drawn as one huge bar


def test_presets_and_empty_period(qtbot, area, services, answer_store):
    fill(answer_store)
    dashboard = open_dashboard(qtbot, area, services)  # today is 2026-11-21 in the fixture
    qtbot.mouseClick(dashboard.period_buttons["7d"], Qt.MouseButton.LeftButton)
    assert (dashboard.stats.since, dashboard.stats.until) == (date(2026, 11, 15), UNTIL)
    assert dashboard.stats.summary.total == 14
    choose_dates(qtbot, dashboard, date(2026, 1, 1), date(2026, 1, 31))
    assert dashboard.stats.summary.total == 0
    assert dashboard.nps_value.text() == "\u2014"
    assert "No comments" in dashboard.comments_label.text()


def test_dashboard_reflows_and_draws_in_both_orientations(qtbot, area, services, answer_store):
    fill(answer_store)
    dashboard = open_dashboard(qtbot, area, services)
    for size in ((1280, 800), (800, 1280)):
        area.resize(*size)
        image = area.grab().toImage()
        assert image.width() == size[0]
        portrait = size[0] < size[1]
        position = dashboard.grid.getItemPosition(dashboard.grid.indexOf(dashboard.cards["trend"]))
        assert position[3] == 2  # the trend spans two columns in both layouts
        assert dashboard._portrait is portrait


def test_slots_with_too_few_answers_show_no_score(qtbot, area, services, answer_store):
    """Two answers at 9:00 would draw '+100' for that hour: the chart shows a dot instead,
    and the card says what the dot means."""
    start = datetime(2026, 11, 21, 9, 0, tzinfo=timezone.utc)
    scores = [10, 10] + [9] * 6 + [3] * 4
    minutes = [0, 1] + [180 + i for i in range(10)]  # 2 answers at 9:00, 10 at 12:00
    answers = [
        Answer(
            id=f"00000000-0000-0000-0000-{i:012d}",
            score=s,
            created_utc=start + timedelta(minutes=m),
            utc_offset_minutes=0,
            language="en",
            kiosk_id="k",
            app_version="1",
            completion=Completion.SKIPPED,
            completed_utc=start + timedelta(minutes=m),
        )
        for i, (s, m) in enumerate(zip(scores, minutes, strict=True))
    ]
    answer_store.import_answers(answers, origin="guest", enqueue=False)
    dashboard = open_dashboard(qtbot, area, services)
    qtbot.mouseClick(dashboard.period_buttons["today"], Qt.MouseButton.LeftButton)
    hours = dashboard.hour_chart
    assert hours.values[hours.labels.index("9")] is None
    assert hours.values[hours.labels.index("12")] == 20.0  # 6 promoters, 4 detractors of 10
    note = dashboard.cards["hours"].note
    assert note.isVisibleTo(dashboard) and "5" in note.text()


def test_a_sync_error_is_shown_short_and_keeps_the_charts_their_room(
    qtbot, area, services, answer_store
):
    """A requests traceback as 'last error' grew the footer and squeezed every chart."""
    import dataclasses

    from kiosk.core.sync import SyncStatus

    fill(answer_store)
    dashboard = open_dashboard(qtbot, area, services)
    dashboard.resize(1280, 800)
    error = (
        "cannot reach 127.0.0.1:8765: ConnectionError: HTTPConnectionPool(host='127.0.0.1', "
        "port=8765): Max retries exceeded with url: /v1/answers (Caused by NewConnectionError("
        "\"HTTPConnection(host='127.0.0.1', port=8765): Failed to establish a new connec"
    )
    sync = SyncStatus(offline=False, pending_answers=1, last_error=error)
    dashboard.show_stats(dataclasses.replace(dashboard.stats, sync=sync))
    text = dashboard.sync_label.text()
    assert "cannot reach 127.0.0.1:8765" in text
    assert "HTTPConnectionPool" not in text
    qtbot.wait(10)
    label = dashboard.sync_label
    # two lines at most, or the height of the Sync now button beside it
    assert label.height() <= max(
        2 * label.fontMetrics().lineSpacing() + 8, dashboard.sync_button.height()
    )


def test_cards_flow_into_the_layouts_the_owner_knows():
    from kiosk.admin.dashboard_cards import CARDS, grid_places

    keys = [spec.key for spec in CARDS]
    spans = [spec.span for spec in CARDS]
    landscape = dict(zip(keys, grid_places(spans, 3), strict=True))
    assert landscape == {
        "nps": (0, 0, 1),
        "mix": (0, 1, 1),
        "distribution": (0, 2, 1),
        "trend": (1, 0, 2),
        "reasons": (1, 2, 1),
        "hours": (2, 0, 1),
        "weekdays": (2, 1, 1),
        "comments": (2, 2, 1),
        "callbacks": (3, 0, 1),
        "identity": (3, 1, 2),  # the last card fills its row
    }
    portrait = dict(zip(keys, grid_places(spans, 2), strict=True))
    assert portrait == {
        "nps": (0, 0, 1),
        "mix": (0, 1, 1),
        "distribution": (1, 0, 1),
        "reasons": (1, 1, 1),
        "trend": (2, 0, 2),
        "hours": (3, 0, 1),
        "weekdays": (3, 1, 1),
        "comments": (4, 0, 1),
        "callbacks": (4, 1, 1),
        "identity": (5, 0, 2),
    }


def test_a_new_card_is_one_entry_in_the_list(qtbot, monkeypatch, answer_store, services):
    """A card showing the flagged count: one CardSpec, and the dashboard builds, places,
    titles and fills it (the title here reuses a string the .ts files already hold)."""
    from PySide6.QtCore import QT_TRANSLATE_NOOP
    from PySide6.QtWidgets import QLabel

    from kiosk.admin import dashboard as dashboard_module
    from kiosk.admin.dashboard_cards import CARDS, CardSpec

    flagged = CardSpec(
        "flagged",
        QT_TRANSLATE_NOOP("DashboardScreen", "Dashboard"),
        shows=lambda stats: stats.flagged,
        body=QLabel,
        draw=lambda body, n, drawing: body.setText(drawing.locale.toString(n)),
    )
    monkeypatch.setattr(dashboard_module, "CARDS", (*CARDS, flagged))
    fill(answer_store)
    screen = dashboard_module.DashboardScreen()
    qtbot.addWidget(screen)
    screen.setMinimumSize(400, 300)  # as the area fixture: no resize warning offscreen
    screen.resize(1280, 800)
    screen.show()
    screen.show_stats(services.stats(SINCE, UNTIL, False))
    card = screen.cards["flagged"]
    assert card.body.text() == "1" and card.title.text() == "Dashboard"
    # landscape: the fourth row, after the call-backs and identity cards
    assert screen.grid.getItemPosition(screen.grid.indexOf(card)) == (3, 2, 1, 1)
    screen.resize(800, 1280)
    qtbot.waitUntil(lambda: screen._portrait)
    assert screen.grid.getItemPosition(screen.grid.indexOf(card)) == (5, 1, 1, 1)
