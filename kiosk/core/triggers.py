"""Alert triggers beyond the single answer, and the periods of the team's reports.

Three kinds of trigger, as a chain's managers know them from HappyOrNot:

* ``detractors``: the share of detractors at a site is above ``share`` over the last
  ``minutes`` with at least ``min_answers`` answers;
* ``silent``: a kiosk has sent nothing for ``hours``;
* ``case_due``: a follow-up case is ``hours`` from missing its target without a first contact.

Each fires at most once per trigger and *window*: the key of a firing (:func:`firing_key`)
names what it is about and the window it belongs to, and the central store keeps one firing
per key (a database key, so two service processes never both fire). For ``detractors`` the
window is ``minutes`` long, counted from the epoch; for ``silent`` it is one silence (the
kiosk's last contact); for ``case_due`` it is the case.

Pure: no clock is read here, every function is given ``now``.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone


class TriggerKind(enum.StrEnum):
    DETRACTORS = "detractors"
    SILENT = "silent"
    CASE_DUE = "case_due"


class Frequency(enum.StrEnum):
    """How often a manager's report is sent."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class TriggerError(ValueError):
    """A trigger's settings out of range (a sentence naming the setting)."""


# Each kind's settings: name -> (lowest, highest) accepted.
SETTINGS: Mapping[TriggerKind, Mapping[str, tuple[float, float]]] = {
    TriggerKind.DETRACTORS: {
        "share": (1, 100),
        "minutes": (5, 7 * 24 * 60),
        "min_answers": (1, 10_000),
    },
    TriggerKind.SILENT: {"hours": (0.25, 24 * 30)},
    TriggerKind.CASE_DUE: {"hours": (0.25, 24 * 14)},
}
DEFAULTS: Mapping[TriggerKind, Mapping[str, float]] = {
    TriggerKind.DETRACTORS: {"share": 40, "minutes": 60, "min_answers": 5},
    TriggerKind.SILENT: {"hours": 4},
    TriggerKind.CASE_DUE: {"hours": 6},
}
WHOLE = ("min_answers", "minutes")  # settings that are whole numbers


@dataclass(frozen=True)
class Trigger:
    """One trigger as a manager set it; ``settings`` holds its kind's :data:`SETTINGS`."""

    kind: TriggerKind
    settings: Mapping[str, float]

    @classmethod
    def checked(cls, kind: str, settings: Mapping[str, object]) -> Trigger:
        """The trigger, or a :class:`TriggerError` naming the first bad setting."""
        try:
            known = TriggerKind(kind)
        except ValueError:
            raise TriggerError(
                f"kind: one of {', '.join(k.value for k in TriggerKind)}, not {kind!r}"
            ) from None
        values: dict[str, float] = {}
        for name, (low, high) in SETTINGS[known].items():
            raw = settings.get(name, DEFAULTS[known][name])
            try:
                value = float(raw)  # type: ignore[arg-type]
            except (TypeError, ValueError):
                raise TriggerError(f"{name}: a number, not {raw!r}") from None
            if not math.isfinite(value) or not low <= value <= high:
                raise TriggerError(f"{name}: between {low:g} and {high:g}, not {raw!r}")
            if name in WHOLE and value != int(value):
                raise TriggerError(f"{name}: a whole number, not {raw!r}")
            values[name] = int(value) if name in WHOLE else value
        unknown = sorted(set(settings) - set(SETTINGS[known]))
        if unknown:
            raise TriggerError(f"{unknown[0]}: not a setting of a {known.value} trigger")
        return cls(known, values)

    @property
    def window(self) -> timedelta:
        if self.kind is TriggerKind.DETRACTORS:
            return timedelta(minutes=self.settings["minutes"])
        return timedelta(hours=self.settings["hours"])


def detractors_breached(trigger: Trigger, detractors: int, answers: int) -> bool:
    """Whether ``detractors`` of ``answers`` in the window break a detractors trigger."""
    if answers < trigger.settings["min_answers"] or answers == 0:
        return False
    return 100 * detractors / answers > trigger.settings["share"]


def window_start(trigger: Trigger, now: datetime) -> datetime:
    """The start of the fixed window ``now`` lies in (windows counted from the epoch)."""
    epoch = datetime(1970, 1, 1, tzinfo=timezone.utc)
    length = trigger.window
    return epoch + length * ((now - epoch) // length)


def firing_key(trigger: Trigger, subject: str, now: datetime, episode: str = "") -> str:
    """The one key a firing about ``subject`` has in its window (see the module's text).

    ``episode`` names the window where it is not a span of time: the silent kiosk's last
    contact, or nothing for a case (a case fires once).
    """
    if trigger.kind is TriggerKind.DETRACTORS:
        return f"{subject}@{window_start(trigger, now).strftime('%Y-%m-%dT%H:%MZ')}"
    if trigger.kind is TriggerKind.SILENT:
        return f"{subject}@{episode}"
    return subject


@dataclass(frozen=True)
class ReportPeriod:
    """The days a report covers, and the key that makes it sent once."""

    frequency: Frequency
    since: date
    until: date

    @property
    def key(self) -> str:
        return f"{self.frequency.value}:{self.since.isoformat()}"


def last_complete_period(frequency: Frequency | str, today: date) -> ReportPeriod:
    """The newest whole period before ``today``: yesterday, last Monday-Sunday, last month."""
    frequency = Frequency(frequency)
    if frequency is Frequency.DAILY:
        day = today - timedelta(days=1)
        return ReportPeriod(frequency, day, day)
    if frequency is Frequency.WEEKLY:
        this_monday = today - timedelta(days=today.weekday())
        return ReportPeriod(
            frequency, this_monday - timedelta(days=7), this_monday - timedelta(days=1)
        )
    first_of_this = today.replace(day=1)
    last_of_previous = first_of_this - timedelta(days=1)
    return ReportPeriod(frequency, last_of_previous.replace(day=1), last_of_previous)
