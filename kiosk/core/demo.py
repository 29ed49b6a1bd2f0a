"""Realistic made-up answers for demos, benchmarks and trying the owner's views.

Pure: takes a ``random.Random`` and returns :class:`Answer` objects, so the same seed gives
the same answers and nothing here touches a file or the clock.

What makes them look real: guests come in business hours with a peak at lunch and a smaller
one at breakfast, more on Fridays and Saturdays; the NPS sits around +30 to +50 and differs by
weekday (Mondays are a little grumpier, the lunch rush costs a few points); reasons fit the
category (detractors mention waiting time, promoters friendliness); some guests leave a
comment in Spanish or English; and now and then someone hammers the same button, which the
abuse filter flags exactly as it would at the counter.
"""

from __future__ import annotations

import bisect
import itertools
import random
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from kiosk.core.abuse import AbuseRules
from kiosk.core.answer import Answer, Category, Completion, Flag

# Relative number of guests per hour of the day (local time); closed outside these hours.
HOUR_WEIGHTS: dict[int, float] = {
    8: 4,
    9: 6,
    10: 4,
    11: 5,
    12: 10,
    13: 12,
    14: 8,
    15: 4,
    16: 4,
    17: 5,
    18: 6,
    19: 4,
    20: 2,
}
# Monday=0 .. Sunday=6: how busy, and the (promoter, detractor) shares that give each day's NPS.
WEEKDAY_TRAFFIC = (0.8, 0.9, 0.95, 1.0, 1.25, 1.4, 1.05)
WEEKDAY_MIX: tuple[tuple[float, float], ...] = (
    (0.52, 0.20),  # Monday: +32
    (0.56, 0.16),  # +40
    (0.58, 0.15),  # +43
    (0.57, 0.15),  # +42
    (0.60, 0.14),  # Friday: +46
    (0.62, 0.13),  # Saturday: +49
    (0.55, 0.17),  # Sunday: +38
)
LUNCH_RUSH = (12, 13)
LUNCH_PENALTY = 0.05  # promoters who become passives when the queue is long

# Which reasons a guest of each category tends to pick, most likely first.
REASONS_BY_CATEGORY: dict[Category, tuple[str, ...]] = {
    Category.DETRACTOR: (
        "waiting_time",
        "speed",
        "price",
        "cleanliness",
        "quality",
        "friendliness",
    ),
    Category.PASSIVE: ("price", "waiting_time", "choice", "quality", "speed", "atmosphere"),
    Category.PROMOTER: ("friendliness", "quality", "speed", "atmosphere", "cleanliness", "choice"),
}
REASON_COUNT_WEIGHTS = (30, 40, 22, 8)  # 0, 1, 2 or 3 reasons

COMMENTS: dict[str, dict[Category, tuple[str, ...]]] = {
    "es": {
        Category.DETRACTOR: (
            "Esperé casi veinte minutos para un café.",
            "El baño estaba sucio.",
            "Muy caro para lo que es.",
            "La atención fue lenta y nadie se disculpó.",
            "Mi pedido llegó frío.",
            "Faltaban mesas libres a la hora del almuerzo.",
        ),
        Category.PASSIVE: (
            "Bien, pero un poco caro.",
            "Buen café, aunque la fila era larga.",
            "Correcto, nada especial.",
            "Me gustaría más opciones sin gluten.",
        ),
        Category.PROMOTER: (
            "¡Excelente atención, muy amables!",
            "El mejor café del barrio.",
            "Siempre rápido y con una sonrisa.",
            "Me encantó el pan de la mañana.",
            "Todo impecable, volveré pronto.",
            "Gracias a Lucía por su paciencia.",
        ),
    },
    "en": {
        Category.DETRACTOR: (
            "Waited almost twenty minutes for a coffee.",
            "The restroom was dirty.",
            "Too expensive for what you get.",
            "Slow service and nobody apologised.",
            "My order arrived cold.",
        ),
        Category.PASSIVE: (
            "Good, but a bit pricey.",
            "Nice coffee, long queue.",
            "Fine, nothing special.",
            "Would love more vegan options.",
        ),
        Category.PROMOTER: (
            "Lovely staff, great coffee!",
            "Best croissant in town.",
            "Quick and friendly as always.",
            "Spotless and cosy, will be back.",
            "Thanks for remembering my order!",
        ),
    },
}
COMMENT_SHARE = 0.18
BURST_SHARE = 0.004  # share of answers that start someone hammering a button
BURST_LENGTH = (4, 9)


@dataclass(frozen=True)
class DemoPlan:
    """What to make: how many answers, over which days, for which kiosk."""

    count: int
    days: int
    end: datetime  # aware; no answer is later than this
    utc_offset_minutes: int
    kiosk_id: str
    app_version: str
    languages: Sequence[str] = ("es", "en")
    reason_ids: Sequence[str] | None = None  # None: the built-in ids above


class _Weighted:
    """Weighted choice with the cumulative weights computed once (``rng.choices`` redoes it)."""

    def __init__(self, items: Sequence, weights: Sequence[float]) -> None:
        self.items = list(items)
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]

    def pick(self, rng: random.Random):
        return self.items[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


_PROMOTER_SCORES = _Weighted((9, 10), (45, 55))
_PASSIVE_SCORES = _Weighted((7, 8), (45, 55))
_DETRACTOR_SCORES = _Weighted(range(7), (4, 2, 3, 5, 8, 14, 18))
_REASON_COUNTS = _Weighted(range(4), REASON_COUNT_WEIGHTS)
_HOURS = _Weighted(HOUR_WEIGHTS, HOUR_WEIGHTS.values())


def generate_answers(rng: random.Random, plan: DemoPlan) -> list[Answer]:
    """``plan.count`` complete answers in time order (seq is left to the store)."""
    if plan.count < 0 or plan.days < 1:
        raise ValueError("count must be >= 0 and days >= 1")
    tz = timezone(timedelta(minutes=plan.utc_offset_minutes))
    end_local = plan.end.astimezone(tz)
    first_day = end_local.date() - timedelta(days=plan.days - 1)
    midnights = [
        datetime.combine(first_day + timedelta(days=i), datetime.min.time(), tz)
        for i in range(plan.days)
    ]
    days = _Weighted(midnights, [WEEKDAY_TRAFFIC[m.weekday()] for m in midnights])
    allowed = set(plan.reason_ids) if plan.reason_ids is not None else None

    answers: list[Answer] = []
    while len(answers) < plan.count:
        hour = _HOURS.pick(rng)
        moment = days.pick(rng) + timedelta(seconds=hour * 3600 + rng.random() * 3600)
        while moment > end_local:  # later today: the same hour on an earlier day instead
            moment -= timedelta(days=7 if plan.days >= 7 else 1)
        language = _language(rng, plan.languages)
        if rng.random() < BURST_SHARE:
            remaining = plan.count - len(answers)
            answers.extend(_burst(rng, plan, moment, language, remaining))
            continue
        answers.append(_answer(rng, plan, moment, _score(rng, moment), language, allowed))
    answers.sort(key=lambda a: a.created_utc)
    return answers


def iter_chunks(answers: Sequence[Answer], size: int) -> Iterator[Sequence[Answer]]:
    for start in range(0, len(answers), size):
        yield answers[start : start + size]


def _score(rng: random.Random, moment: datetime) -> int:
    promoters, detractors = WEEKDAY_MIX[moment.weekday()]
    if moment.hour in LUNCH_RUSH:
        promoters -= LUNCH_PENALTY
    draw = rng.random()
    if draw < promoters:
        return _PROMOTER_SCORES.pick(rng)
    if draw < promoters + detractors:
        return _DETRACTOR_SCORES.pick(rng)
    return _PASSIVE_SCORES.pick(rng)


def _language(rng: random.Random, languages: Sequence[str]) -> str:
    if len(languages) == 1:
        return languages[0]
    if "es" in languages and "en" in languages:
        return "es" if rng.random() < 0.7 else "en"
    return rng.choice(list(languages))


def _reasons(rng: random.Random, category: Category, allowed: set[str] | None) -> tuple[str, ...]:
    wanted = _REASON_COUNTS.pick(rng)
    if wanted == 0:
        return ()
    pool = [r for r in REASONS_BY_CATEGORY[category] if allowed is None or r in allowed]
    if allowed is not None:
        pool += sorted(allowed - set(pool))  # custom reasons are picked now and then too
    wanted = min(wanted, len(pool))
    chosen: list[str] = []
    while len(chosen) < wanted:
        # Earlier reasons in the pool are likelier: the minimum of two draws leans low.
        pick = pool[min(rng.randrange(len(pool)), rng.randrange(len(pool)))]
        if pick not in chosen:
            chosen.append(pick)
    return tuple(chosen)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _answer(
    rng: random.Random,
    plan: DemoPlan,
    moment: datetime,
    score: int,
    language: str,
    allowed: set[str] | None,
    flags: tuple[str, ...] = (),
    quick: bool = False,
) -> Answer:
    category = Category.of(score)
    reasons: tuple[str, ...] = ()
    comment = ""
    if not quick:
        reasons = _reasons(rng, category, allowed)
        if rng.random() < COMMENT_SHARE:
            comment = rng.choice(COMMENTS.get(language, COMMENTS["en"])[category])
    if quick:
        completion = Completion.SKIPPED
    elif reasons or comment:
        completion = Completion.SENT if rng.random() < 0.93 else Completion.TIMEOUT
    else:
        completion = Completion.SKIPPED if rng.random() < 0.8 else Completion.TIMEOUT
    took = rng.uniform(1.5, 4) if quick else rng.uniform(4, 45)
    created = moment.astimezone(timezone.utc)
    return Answer(
        id=_uuid(rng),
        score=score,
        created_utc=created,
        utc_offset_minutes=plan.utc_offset_minutes,
        language=language,
        kiosk_id=plan.kiosk_id,
        app_version=plan.app_version,
        reasons=reasons,
        comment=comment,
        flags=flags,
        completion=completion,
        completed_utc=created + timedelta(seconds=took),
    )


def _burst(
    rng: random.Random, plan: DemoPlan, moment: datetime, language: str, remaining: int
) -> list[Answer]:
    """Someone tapping the same score again and again, a few seconds apart."""
    score = rng.choice((0, 0, 10, 10, 5))
    length = min(rng.randint(*BURST_LENGTH), remaining)
    taps: list[Answer] = []
    at = moment
    for index in range(length):
        flags: list[str] = []
        if index > 0:
            flags.append(Flag.TOO_SOON.value)
        if index + 1 >= AbuseRules().burst_count:  # flagged as the filter would
            flags.append(Flag.BURST.value)
        taps.append(_answer(rng, plan, at, score, language, None, tuple(flags), quick=True))
        at += timedelta(seconds=rng.uniform(3, 7))
    return taps
