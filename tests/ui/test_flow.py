"""The guest flow end to end: real screens, real clicks, real SQLite rows."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt

from kiosk.config import AbuseSection, AlertsSection, Settings, SyncSection
from kiosk.core.answer import Completion
from kiosk.store import outbox

LEFT = Qt.MouseButton.LeftButton


def tap(qtbot, widget):
    qtbot.mouseClick(widget, LEFT)


def only_answer(kiosk):
    answers = list(kiosk.ctx.store().answers.iter_answers())
    assert len(answers) == 1, answers
    return answers[0]


def test_score_is_stored_before_the_why_screen_shows(qtbot, kiosk):
    seen = {}

    def on_recorded(answer_id):
        # The flow says "recorded" after the why screen is up; the row must exist by then.
        seen["row"] = kiosk.ctx.store().answers.get(answer_id)

    kiosk.flow.answer_recorded.connect(on_recorded)
    tap(qtbot, kiosk.question.score_buttons[7])
    assert kiosk.window.current_screen() is kiosk.why
    assert seen["row"] is not None and seen["row"].score == 7
    assert seen["row"].completion is None
    expected = QCoreApplication.translate("WhyScreen", "What would make it a 10?")
    assert kiosk.why.title_label.text() == expected


def test_score_only_then_idle_timeout(qtbot, kiosk):
    tap(qtbot, kiosk.question.score_buttons[9])
    assert kiosk.window.current_screen() is kiosk.why
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=3000)
    answer = only_answer(kiosk)
    assert answer.score == 9
    assert answer.completion is Completion.TIMEOUT
    assert answer.reasons == () and answer.comment == ""
    assert answer.language == "es"


def test_score_and_reasons_then_send_then_thanks_then_question(qtbot, kiosk):
    tap(qtbot, kiosk.question.score_buttons[3])
    chips = kiosk.why.reason_chips
    tap(qtbot, chips[5])  # waiting time
    tap(qtbot, chips[0])  # speed
    tap(qtbot, chips[3])  # price
    tap(qtbot, chips[3])  # price again: unselected
    assert chips[5].isChecked() and chips[5].text().startswith("✓")
    tap(qtbot, kiosk.why.send_button)
    assert kiosk.window.current_screen() is kiosk.thanks
    answer = only_answer(kiosk)
    assert answer.completion is Completion.SENT
    assert answer.reasons == ("waiting_time", "speed")
    assert answer.category.value == "detractor"
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=3000)


def test_comment_typed_on_the_on_screen_keyboard(qtbot, kiosk):
    tap(qtbot, kiosk.question.score_buttons[10])
    why = kiosk.why
    tap(qtbot, why.comment_field)
    assert why.keyboard.isVisible()
    keys = why.keyboard.keys
    tap(qtbot, keys["<shift>"])
    for key in [
        "m",
        "u",
        "y",
        "<space>",
        "r",
        "i",
        "c",
        "o",
        "<space>",
        "e",
        "l",
        "<space>",
        "c",
        "a",
        "f",
        "e",
        "<backspace>",
        "é",
        "<space>",
        "y",
        "<space>",
        "l",
        "a",
        "<space>",
        "p",
        "i",
        "ñ",
        "a",
        "!",
    ]:
        tap(qtbot, keys[key])
    assert why.comment_field.text() == "Muy rico el café y la piña!"
    tap(qtbot, keys["<done>"])
    assert not why.keyboard.isVisible() and why.chips.isVisible()
    tap(qtbot, why.send_button)
    answer = only_answer(kiosk)
    assert answer.comment == "Muy rico el café y la piña!"
    assert answer.completion is Completion.SENT


def test_skip_keeps_no_reasons(qtbot, kiosk):
    tap(qtbot, kiosk.question.score_buttons[8])
    tap(qtbot, kiosk.why.skip_button)
    assert kiosk.window.current_screen() is kiosk.thanks
    answer = only_answer(kiosk)
    assert answer.completion is Completion.SKIPPED
    assert answer.reasons == ()


def test_walk_away_mid_why_keeps_what_was_chosen(qtbot, kiosk):
    tap(qtbot, kiosk.question.score_buttons[2])
    tap(qtbot, kiosk.why.reason_chips[1])
    tap(qtbot, kiosk.why.comment_field)
    for key in ["l", "e", "n", "t", "o"]:
        tap(qtbot, kiosk.why.keyboard.keys[key])
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=3000)
    answer = only_answer(kiosk)
    assert answer.completion is Completion.TIMEOUT
    assert answer.reasons == ("friendliness",)
    assert answer.comment == "lento"


def test_activity_restarts_the_idle_timer(qtbot, kiosk):
    tap(qtbot, kiosk.question.score_buttons[6])
    for _ in range(4):  # 4 x 0.15 s of tapping outlasts a 0.3 s idle time
        qtbot.wait(150)
        tap(qtbot, kiosk.why.reason_chips[0])
    assert kiosk.window.current_screen() is kiosk.why


def test_language_switch_mid_flow(qtbot, translations_dir, make_kiosk, fast_settings):
    kiosk = make_kiosk(fast_settings)
    assert kiosk.translations.language == "es"
    tap(qtbot, kiosk.question.score_buttons[4])
    why = kiosk.why
    spanish_title = why.title_label.text()
    assert spanish_title == "¿Qué podríamos hacer mejor?"
    tap(qtbot, why.language_switch.buttons["en"])
    # Every screen changed at once, not only the one showing.
    assert why.title_label.text() == "What could we do better?"
    assert spanish_title != why.title_label.text()
    assert why.send_button.text() == "Send"
    assert why.reason_chips[0].text() == "Speed of service"
    assert kiosk.question.low_anchor.text() == "Not at all likely"
    assert kiosk.thanks.thanks_label.text() == "Thank you!"
    tap(qtbot, why.send_button)
    # The answer keeps the language the guest tapped in.
    assert only_answer(kiosk).language == "es"
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=3000)
    assert kiosk.translations.language == "es"  # the next guest starts in the default


def test_language_chosen_on_the_question_is_stored(qtbot, kiosk):
    tap(qtbot, kiosk.question.language_switch.buttons["en"])
    assert kiosk.question.question_label.text().startswith("How likely")
    tap(qtbot, kiosk.question.score_buttons[10])
    assert kiosk.why.title_label.text() == "What did you like most?"
    assert only_answer(kiosk).language == "en"


def test_double_tap_stores_one_answer(qtbot, kiosk):
    button = kiosk.question.score_buttons[5]
    tap(qtbot, button)
    kiosk.question.score_chosen.emit(5)  # a second tap that reached the question screen
    tap(qtbot, button)
    only_answer(kiosk)


def test_too_fast_tap_is_stored_flagged(qtbot, make_kiosk, fast_settings):
    settings = replace(fast_settings, abuse=AbuseSection(min_gap_seconds=3.0, burst_count=50))
    kiosk = make_kiosk(settings)
    tap(qtbot, kiosk.question.score_buttons[0])
    tap(qtbot, kiosk.why.skip_button)
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=3000)
    tap(qtbot, kiosk.question.score_buttons[0])  # well within 3 s of the question coming back
    first, second = kiosk.ctx.store().answers.iter_answers()
    assert first.flags == ()
    assert second.flags == ("too_soon",)
    assert second.score == 0


def test_detractor_alerts_queued_only_for_real_detractors(qtbot, make_kiosk, fast_settings):
    settings = replace(
        fast_settings,
        sync=SyncSection(endpoint="https://example.invalid"),
        alerts=AlertsSection(webhook_url="https://hooks.example.invalid/x"),
        abuse=AbuseSection(min_gap_seconds=3.0, burst_count=50),
    )
    kiosk = make_kiosk(settings)
    tap(qtbot, kiosk.question.score_buttons[1])
    tap(qtbot, kiosk.why.send_button)
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=3000)
    tap(qtbot, kiosk.question.score_buttons[1])  # flagged too_soon: no alert
    detractor, flagged = kiosk.ctx.store().answers.iter_answers()
    con = kiosk.ctx.store().db.connection()
    assert outbox.state_of(con, "alert", detractor.id) is not None
    assert outbox.state_of(con, "webhook", detractor.id) is not None
    assert outbox.state_of(con, "answer", detractor.id) is not None
    assert outbox.state_of(con, "alert", flagged.id) is None


def test_no_alert_for_promoters_or_without_endpoint(qtbot, make_kiosk, fast_settings):
    kiosk = make_kiosk(fast_settings)  # no endpoint, no webhook
    tap(qtbot, kiosk.question.score_buttons[0])
    answer = only_answer(kiosk)
    con = kiosk.ctx.store().db.connection()
    assert outbox.state_of(con, "alert", answer.id) is None
    assert kiosk.flow._alert_kinds(10, ()) == ()
    with_endpoint = replace(Settings(), sync=SyncSection(endpoint="https://x.invalid"))
    kiosk.flow.settings = with_endpoint
    assert kiosk.flow._alert_kinds(10, ()) == ()
    assert kiosk.flow._alert_kinds(6, ()) == ("alert",)


def test_read_only_store_shows_banner_and_flow_keeps_going(qtbot, kiosk):
    store = kiosk.ctx.store()
    store.db.connection().execute("PRAGMA query_only = ON")
    tap(qtbot, kiosk.question.score_buttons[9])
    assert kiosk.window.current_screen() is kiosk.why  # the guest notices nothing
    banner = kiosk.window.staff_banner
    assert banner.isVisible()
    assert "solo lectura" in banner.text() or "read-only" in banner.text()
    tap(qtbot, kiosk.why.reason_chips[1])
    tap(qtbot, kiosk.why.send_button)
    assert kiosk.window.current_screen() is kiosk.thanks
    assert store.answers.count() == 0
    assert kiosk.recorder.pending_count == 2

    store.db.connection().execute("PRAGMA query_only = OFF")
    kiosk.flow.retry_storage()  # what the retry timer does every few seconds
    assert not banner.isVisible()
    answer = only_answer(kiosk)
    assert answer.reasons == ("friendliness",) and answer.completion is Completion.SENT


def test_full_disk_shows_banner_and_retry_timer_saves_later(
    qtbot, data_dir, make_kiosk, fast_settings
):
    kiosk = make_kiosk(fast_settings)
    kiosk.flow.retry_timer.setInterval(50)
    con = kiosk.ctx.store().db.connection()
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.execute(f"PRAGMA max_page_count = {pages}")
    flows = 0
    while not kiosk.window.staff_banner.isVisible():
        assert flows < 60, "the store never filled up"
        tap(qtbot, kiosk.question.score_buttons[8])
        tap(qtbot, kiosk.why.comment_field)
        for key in "abcdefghij":
            tap(qtbot, kiosk.why.keyboard.keys[key])
        kiosk.why.comment_field.insert("x" * 250)
        tap(qtbot, kiosk.why.send_button)
        kiosk.flow.back_to_question()
        flows += 1
    assert "full" in kiosk.window.staff_banner.text() or "lleno" in kiosk.window.staff_banner.text()
    # The guest flow carried on: the question is back and takes the next tap.
    tap(qtbot, kiosk.question.score_buttons[9])
    tap(qtbot, kiosk.why.skip_button)
    flows += 1
    con.execute("PRAGMA max_page_count = 1000000")
    qtbot.waitUntil(lambda: not kiosk.window.staff_banner.isVisible(), timeout=3000)
    answers = list(kiosk.ctx.store().answers.iter_answers())
    assert len(answers) == flows
    assert all(a.is_complete for a in answers)
    assert answers[0].comment.startswith("abcdefghijxxx")


def test_language_chosen_then_walked_away_returns_to_the_default(qtbot, kiosk):
    tap(qtbot, kiosk.question.language_switch.buttons["en"])
    assert kiosk.translations.language == "en"
    qtbot.waitUntil(lambda: kiosk.translations.language == "es", timeout=3000)
    assert kiosk.ctx.store().answers.count() == 0  # switching alone records nothing


def qr_kiosk(make_kiosk, fast_settings, seconds_with_qr=1.5):
    thanks = replace(
        fast_settings.thanks,
        promoter_url="https://g.page/r/CdemoCafeReview1234/review",
        detractor_url="https://example.org/contact",
        seconds_with_qr=seconds_with_qr,
    )
    return make_kiosk(replace(fast_settings, thanks=thanks))


def test_a_qr_thank_you_stays_longer_and_a_passive_sees_none(qtbot, make_kiosk, fast_settings):
    kiosk = qr_kiosk(make_kiosk, fast_settings)
    tap(qtbot, kiosk.question.score_buttons[10])
    tap(qtbot, kiosk.why.skip_button)
    assert kiosk.window.current_screen() is kiosk.thanks
    assert kiosk.thanks.qr_view.isVisible()
    assert kiosk.flow.thanks_timer.interval() == 1500
    qtbot.wait(600)  # past the plain thank-you's 0.2 s
    assert kiosk.window.current_screen() is kiosk.thanks
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=3000)
    tap(qtbot, kiosk.question.score_buttons[8])
    tap(qtbot, kiosk.why.skip_button)
    assert kiosk.window.current_screen() is kiosk.thanks
    assert not kiosk.thanks.qr_view.isVisible()
    assert kiosk.flow.thanks_timer.interval() == 200
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=3000)


def test_a_tap_on_a_qr_thank_you_returns_to_the_question_at_once(qtbot, make_kiosk, fast_settings):
    kiosk = qr_kiosk(make_kiosk, fast_settings, seconds_with_qr=60)
    tap(qtbot, kiosk.question.score_buttons[2])
    tap(qtbot, kiosk.why.send_button)
    assert kiosk.window.current_screen() is kiosk.thanks
    assert kiosk.thanks.qr_view.url == "https://example.org/contact"
    qtbot.wait(kiosk.thanks.tap_grace_ms + 50)  # a tap sooner is ignored (a double tap)
    tap(qtbot, kiosk.thanks)
    assert kiosk.window.current_screen() is kiosk.question
    assert not kiosk.flow.thanks_timer.isActive()
    assert only_answer(kiosk).completion is Completion.SENT
    # the next guest starts a new answer as usual
    tap(qtbot, kiosk.question.score_buttons[9])
    assert kiosk.window.current_screen() is kiosk.why


def test_the_next_guest_does_not_find_the_comment_box_already_focused(qtbot, kiosk):
    """Send with the keyboard open; the next guest's why screen has no caret or focus frame."""
    kiosk.window.activateWindow()
    qtbot.waitActive(kiosk.window)
    tap(qtbot, kiosk.question.score_buttons[9])
    tap(qtbot, kiosk.why.comment_field)
    tap(qtbot, kiosk.why.keyboard.keys["a"])
    tap(qtbot, kiosk.why.send_button)
    qtbot.waitUntil(lambda: kiosk.window.current_screen() is kiosk.question, timeout=3000)
    tap(qtbot, kiosk.question.score_buttons[3])
    assert kiosk.window.current_screen() is kiosk.why
    assert not kiosk.why.comment_field.hasFocus()


def test_the_banner_says_whether_switching_off_would_lose_the_waiting_answers(
    qtbot, kiosk, tmp_path, monkeypatch
):
    """Answers a refusing store keeps waiting are in a spill file too: the staff may switch
    off. Only while no folder takes a spill file does the banner ask them not to."""
    from kiosk.store import spill

    folders = spill.spill_folders
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(spill, "spill_folders", lambda data_dir: [blocked / "spill"])
    kiosk.ctx.store().db.connection().execute("PRAGMA query_only = ON")
    tap(qtbot, kiosk.question.score_buttons[4])
    text = kiosk.window.staff_banner.text()
    assert "No apagues" in text or "Do not switch off" in text

    monkeypatch.setattr(spill, "spill_folders", folders)  # the state folder is back
    tap(qtbot, kiosk.why.skip_button)  # the next refused write: everything is copied
    text = kiosk.window.staff_banner.text()
    assert "archivo de reserva" in text or "spare file" in text
    assert "No apagues" not in text and "Do not switch off" not in text
