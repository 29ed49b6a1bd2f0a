"""A small, hand-computed set of answers shared by the stats, export and dashboard tests.

Period 2026-11-20..2026-11-21 (UTC offset 0):
  scores 10 10 9 9 9 8 7 6 3 0 (unflagged) -> promoters 5, passives 2, detractors 3,
  NPS = 100 * (5 - 3) / 10 = 20.0; one more 0 flagged "burst" counted apart.
Previous period 2026-11-18..2026-11-19: scores 10 5 5 5 -> NPS = 100 * (1 - 3) / 4 = -50.0.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timezone

from kiosk.core.answer import Answer, Completion

DAY = date(2026, 11, 20)
SINCE = date(2026, 11, 20)
UNTIL = date(2026, 11, 21)
NASTY = '=HYPERLINK("http://x")'
NASTY2 = "@SUM(A1)"
ACCENTS = "Muy rápido, señora simpática 😀"

# (day, hour, score, reasons, comment, flags)
ROWS = [
    (20, 9, 10, ("speed", "friendliness"), ACCENTS, ()),
    (20, 9, 10, ("quality",), "", ()),
    (20, 10, 9, ("speed",), "", ()),
    (20, 12, 9, (), "", ()),
    (21, 12, 9, ("friendliness",), "Great coffee", ()),
    (21, 13, 8, ("price",), "", ()),
    (21, 13, 7, (), "", ()),
    (21, 18, 6, ("waiting_time", "price"), NASTY, ()),
    (21, 18, 3, ("waiting_time",), NASTY2, ()),
    (21, 19, 0, ("cleanliness", "waiting_time"), "-dirty tables", ()),
    (21, 19, 0, (), "", ("burst",)),
    (18, 11, 10, (), "", ()),
    (18, 11, 5, ("price",), "", ()),
    (19, 11, 5, (), "", ()),
    (19, 15, 5, (), "", ()),
]


def make_answers(kiosk_id: str = "test-kiosk") -> list[Answer]:
    answers = []
    for minute, (day, hour, score, reasons, comment, flags) in enumerate(ROWS):
        at = datetime(2026, 11, day, hour, minute, tzinfo=timezone.utc)
        answers.append(
            Answer(
                id=str(uuid.UUID(int=minute + 1)),
                score=score,
                created_utc=at,
                utc_offset_minutes=0,
                language="es",
                kiosk_id=kiosk_id,
                app_version="1.0",
                reasons=reasons,
                comment=comment,
                flags=flags,
                completion=Completion.SENT,
                completed_utc=at,
            )
        )
    return answers


def fill(answer_store) -> None:
    answer_store.import_answers(make_answers(answer_store.kiosk_id), origin="guest", enqueue=True)


PIN = "2468"


def enter(qtbot, pad, digits: str) -> None:
    """Tap ``digits`` then OK on a PIN pad, as the owner would."""
    from PySide6.QtCore import Qt

    for digit in digits:
        qtbot.mouseClick(pad.digit_keys[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_key, Qt.MouseButton.LeftButton)
