"""The follow-up list for shops without a central service: open requests newest first, with
the answer and the contact; "Done" records who and when; the dashboard counts the waiting."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from helpers.admin import PIN, enter
from PySide6.QtCore import Qt

from kiosk.admin.dashboard_cards import CARDS
from kiosk.core.answer import Completion
from kiosk.core.contact import Contact
from kiosk.store import contacts
from kiosk.store.contacts import ContactStore

LEFT = Qt.MouseButton.LeftButton


def leave(answer_store, name: str, reach: str, hours_ago: float, comment: str = "") -> str:
    at = datetime.now(timezone.utc) - timedelta(hours=hours_ago)
    answer = answer_store.record_score(2, "es", now=at)
    answer_store.complete(answer.id, Completion.SENT, reasons=["speed"], comment=comment, now=at)
    contact = Contact.given(answer.id, name, reach, "I agree.", "en", at)
    with answer_store.db.transaction() as con:
        contacts.add(con, contact, [])
    return answer.id


def open_dashboard(qtbot, area, services) -> None:
    services.set_pin(PIN)
    area.open()
    enter(qtbot, area.pinpad, PIN)
    assert area.currentWidget() is area.dashboard


def card_text(area, key: str) -> str:
    assert key in [spec.key for spec in CARDS]  # declared in the one card list
    return area.dashboard.cards[key].body.text()


def test_open_requests_newest_first_then_done_with_who_and_when(
    qtbot, area, services, answer_store
):
    oldest = leave(answer_store, "Ana Pérez", "+34 600 111 222", 26.5, "Muy lento")
    leave(answer_store, "Bruno", "bruno@example.com", 3)
    newest = leave(answer_store, "Chloé", "chloe@example.fr", 1)
    open_dashboard(qtbot, area, services)
    assert card_text(area, "callbacks") == ("3 guests are waiting for a call, the oldest for 26 h")
    qtbot.mouseClick(area.dashboard.follow_ups_button, LEFT)
    screen = area.follow_up_screen
    assert area.currentWidget() is screen
    assert [row.item.answer.id for row in screen.rows][0] == newest
    assert [row.contact.text() for row in screen.rows] == [
        "Chloé · chloe@example.fr",
        "Bruno · bruno@example.com",
        "Ana Pérez · +34 600 111 222",
    ]
    assert "Muy lento" in screen.rows[2].said.text() and "2" in screen.rows[2].when.text()
    before = datetime.now(timezone.utc)
    qtbot.mouseClick(screen.rows[2].done_button, LEFT)  # Ana was called back
    assert [row.item.answer.id for row in screen.rows][-1] == oldest  # done ones go last
    done = screen.rows[-1]
    assert not done.done_button.isVisible() and done.state.text().startswith("Done")
    assert "owner PIN session" in done.state.text()
    [stored] = [f for f in ContactStore(answer_store.db).follow_ups() if f.answer.id == oldest]
    assert stored.done_utc >= before - timedelta(seconds=1)
    assert stored.done_by.startswith("owner PIN session ")
    qtbot.mouseClick(screen.back_button, LEFT)
    assert area.currentWidget() is area.dashboard
    assert card_text(area, "callbacks") == "2 guests are waiting for a call, the oldest for 3 h"


def test_an_erased_contact_shows_as_gone(qtbot, area, services, answer_store):
    leave(answer_store, "Ana", "+34 600 111 222", 24 * 31)
    ContactStore(answer_store.db).erase_expired(datetime.now(timezone.utc), 30)
    open_dashboard(qtbot, area, services)
    assert card_text(area, "callbacks").startswith("1 guest is waiting for a call, for 74")
    qtbot.mouseClick(area.dashboard.follow_ups_button, LEFT)
    [row] = area.follow_up_screen.rows
    assert row.contact.text() == "Contact deleted after 30 days, as the guest was promised."
    assert "Ana" not in row.contact.text()


def test_nobody_waiting(qtbot, area, services):
    open_dashboard(qtbot, area, services)
    assert card_text(area, "callbacks") == "No guest is waiting for a call"
    qtbot.mouseClick(area.dashboard.follow_ups_button, LEFT)
    assert area.follow_up_screen.rows == []


def test_the_identity_code_names_the_kiosk_and_never_the_token(qtbot, area, services):
    import json
    from dataclasses import replace

    import zxingcpp

    from kiosk import __version__
    from kiosk.config import SyncSection

    secret = "s3cr3t-token-value-123456"
    configured = replace(
        services.settings(), sync=SyncSection(endpoint="https://central.example.com", token=secret)
    )
    services.settings = lambda: configured
    open_dashboard(qtbot, area, services)
    card = area.dashboard.cards["identity"]
    area.dashboard.scroll.ensureWidgetVisible(card)
    image = card.body.code.pixmap().toImage()
    [code] = zxingcpp.read_barcodes(image)
    assert json.loads(code.text) == {
        "kind": "counter-kiosk",
        "kiosk": configured.kiosk.id,
        "site": configured.kiosk.site,
        "version": __version__,
        "endpoint": "https://central.example.com",
    }
    assert secret not in code.text and secret not in card.body.caption.text()
