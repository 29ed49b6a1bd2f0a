"""The guest flow: question -> why -> thank-you -> question, and the writes in between.

The score is written at the tap, before the why screen shows, so a guest who walks away (or
a power cut) never loses it. Each reason chip tapped is kept too, in one small commit right
after the chip has redrawn (several changes within one turn of the event loop share it), so
a power cut before Send keeps what the guest chose. The comment and the completion are added
at Send, Skip or the idle timeout.
Writes go through :class:`~kiosk.store.recorder.DurableRecorder`, which never raises: when
the disk refuses, the answer waits in memory, the staff banner says so, and a timer retries.

Only the question is built with the flow: the why, thank-you and contact screens (and their
modules) are built on first use, or by :meth:`GuestFlow.build_screens` once the question is
on screen, so the kiosk's first frame waits for the question alone (issue 13).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.config import Settings
from kiosk.core.abuse import AbuseFilter
from kiosk.core.answer import Completion
from kiosk.core.contact import Contact
from kiosk.core.sync import OutboxKind, alert_kinds_for, contact_kinds_for
from kiosk.ui.i18n import Translations
from kiosk.ui.question import QuestionScreen
from kiosk.ui.window import KioskWindow, translate_problem

if TYPE_CHECKING:
    from kiosk.ui.contact import ContactScreen
    from kiosk.ui.thanks import ThanksScreen
    from kiosk.ui.why import WhyScreen

log = logging.getLogger("kiosk.ui")

STORAGE_NOTICE = "storage"
RETRY_MS = 5000


class Recorder(Protocol):
    """What the flow needs from :class:`kiosk.store.recorder.DurableRecorder` (never raises)."""

    problem: str | None

    @property
    def pending_count(self) -> int: ...

    @property
    def all_on_disk(self) -> bool: ...

    def record_score(
        self,
        score: int,
        language: str,
        *,
        flags: Iterable[str] = (),
        alert_kinds: Iterable[OutboxKind] = (),
    ) -> str: ...

    def complete(
        self,
        answer_id: str,
        completion: Completion | str,
        *,
        reasons: Iterable[str] = (),
        comment: str = "",
        comment_max_length: int,
    ) -> None: ...

    def leave_contact(self, contact: Contact, kinds: Iterable[OutboxKind] = ()) -> None: ...

    def retry(self) -> bool: ...

    def choose_reasons(self, answer_id: str, reasons: Iterable[str]) -> None: ...


class GuestFlow(QObject):
    """Moves between the guest screens and owns the timers and the abuse filter."""

    answer_recorded = Signal(str)  # answer id: the score is stored (or queued)
    answer_completed = Signal(str)  # answer id: the why step ended; ready to sync

    def __init__(
        self,
        window: KioskWindow,
        question: QuestionScreen,
        recorder: Recorder,
        settings: Settings,
        translations: Translations,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        retry_ms: int = RETRY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.question = question
        self._why: WhyScreen | None = None
        self._thanks: ThanksScreen | None = None
        self._contact: ContactScreen | None = None
        self.recorder = recorder
        self.settings = settings
        self.i18n = translations
        self._monotonic = monotonic
        self.abuse = AbuseFilter(settings.abuse.rules())
        self.answer_id: str | None = None
        self.score: int | None = None

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(round(settings.timeouts.idle_seconds * 1000))
        self.idle_timer.timeout.connect(self._idle)
        self.thanks_timer = QTimer(self)
        self.thanks_timer.setSingleShot(True)
        self.thanks_timer.setInterval(round(settings.thanks.seconds * 1000))
        self.thanks_timer.timeout.connect(self.back_to_question)
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(retry_ms)
        self.retry_timer.timeout.connect(self.retry_storage)
        # The reasons last handed to the recorder for the open answer, and the zero timer
        # that hands it the next change once the tap has been drawn.
        self._kept_reasons: tuple[str, ...] = ()
        self.reasons_timer = QTimer(self)
        self.reasons_timer.setSingleShot(True)
        self.reasons_timer.setInterval(0)
        self.reasons_timer.timeout.connect(self.keep_reasons)

        window.add_screen(question)
        question.score_chosen.connect(self.score_tapped)
        question.language_chosen.connect(self.switch_language)

    # --- the screens after the question, built on first use ----------------------------------

    @property
    def why(self) -> WhyScreen:
        if self._why is None:
            from kiosk.ui.why import WhyScreen

            why = self._why = WhyScreen(self.settings, self.i18n)
            self.window.add_screen(why)
            why.language_chosen.connect(self.switch_language)
            why.send.connect(
                lambda reasons, comment: self.finish(Completion.SENT, reasons, comment)
            )
            why.skip.connect(lambda: self.finish(Completion.SKIPPED, [], why.comment_text()))
            why.activity.connect(self._activity)
            why.activity.connect(self._reasons_may_have_changed)
            if self.settings.callback.enabled:
                why.callback.connect(self.ask_contact)
        return self._why

    @property
    def thanks(self) -> ThanksScreen:
        if self._thanks is None:
            from kiosk.ui.thanks import ThanksScreen

            thanks = self._thanks = ThanksScreen(self.settings, self.i18n)
            self.window.add_screen(thanks)
            thanks.dismissed.connect(self._thanks_tapped)
        return self._thanks

    @property
    def contact(self) -> ContactScreen | None:
        """The call-back's contact screen; None (and its module never loaded) when the shop
        offers no call-backs."""
        if self._contact is None and self.settings.callback.enabled:
            from kiosk.ui.contact import ContactScreen

            contact = self._contact = ContactScreen(self.settings, self.i18n)
            self.window.add_screen(contact)
            contact.send.connect(self.leave_contact)
            contact.skip.connect(self.show_thanks)
            contact.activity.connect(self._activity)
            contact.language_chosen.connect(self.switch_language)
        return self._contact

    def build_screens(self) -> None:
        """Build every screen not built yet, so a guest's first tap does not wait for one."""
        for name in ("why", "thanks", "contact"):
            getattr(self, name)

    def built_screens(self) -> list[QWidget]:
        """The question and the other screens built so far."""
        built = (self.question, self._why, self._thanks, self._contact)
        return [screen for screen in built if screen is not None]

    def _showing(self, screen: QWidget | None) -> bool:
        """Whether ``screen`` (a built one, or None: never built, so not showing) shows."""
        return screen is not None and self.window.current_screen() is screen

    # --- the steps --------------------------------------------------------------------------

    def start(self) -> None:
        """Show the question in the default language."""
        if self.i18n.language != self.i18n.default:
            self.i18n.set_language(self.i18n.default)
        self.window.show_screen(self.question)

    def score_tapped(self, score: int) -> None:
        if self.answer_id is not None:
            return  # a second tap of the same guest (double tap): one answer only
        flags = self.abuse.flags_for(score, self._monotonic())
        self.answer_id = self.recorder.record_score(
            score,
            self.i18n.language,  # the language the guest tapped in, kept if they switch
            flags=flags,
            alert_kinds=self._alert_kinds(score, flags),
        )
        self.score = score
        self._kept_reasons = ()
        self.why.start(score)
        self.window.show_screen(self.why)
        self.idle_timer.start()
        self._storage_status()
        log.info("score recorded (answer %s)%s", self.answer_id, " flagged" if flags else "")
        self.answer_recorded.emit(self.answer_id)

    def finish(
        self,
        completion: Completion,
        reasons: list[str],
        comment: str,
        *,
        then_contact: bool = False,
    ) -> None:
        """End the why step; a walk-away goes straight back to the question, a call-back
        request to the contact screen (the answer is stored as it is, anonymous)."""
        answer_id = self.answer_id
        if answer_id is None:
            return
        self.reasons_timer.stop()  # the completion carries the reasons itself
        self.recorder.complete(
            answer_id,
            completion,
            reasons=reasons,
            comment=comment,
            comment_max_length=self.settings.why.comment_max_length,
        )
        self.idle_timer.stop()
        self._storage_status()
        self.answer_completed.emit(answer_id)
        if completion is Completion.TIMEOUT:
            self.back_to_question()
        elif then_contact and self.contact is not None:
            self.contact.start()
            self.window.show_screen(self.contact)
            self.idle_timer.start()
        else:
            self.show_thanks()

    def ask_contact(self, reasons: list[str], comment: str) -> None:
        """The guest asked for a call-back: their answer is complete; the contact is asked
        for apart, and only stored with their consent."""
        self.finish(Completion.SENT, reasons, comment, then_contact=True)

    def leave_contact(self, name: str, reach: str, consent_text: str) -> None:
        """Store the contact (checked, consented) apart from the answer, then thank."""
        answer_id = self.answer_id
        if answer_id is None or not self._showing(self._contact):
            return
        contact = Contact.given(
            answer_id, name, reach, consent_text, self.i18n.language, datetime.now(timezone.utc)
        )
        self.recorder.leave_contact(
            contact,
            contact_kinds_for(
                endpoint=self.settings.sync.endpoint, webhook_url=self.settings.alerts.webhook_url
            ),
        )
        self._storage_status()
        log.info("call-back request stored (answer %s)", answer_id)
        self.answer_completed.emit(answer_id)  # something new to sync
        self.show_thanks()

    def show_thanks(self) -> None:
        """The thank-you (with its QR code when configured) for the current guest."""
        if self.answer_id is None:
            return
        self.idle_timer.stop()
        with_qr = self.thanks.start(self.score, self.answer_id)
        # A QR code needs time to take out a phone; a tap ends it sooner.
        seconds = self.settings.thanks.seconds_with_qr if with_qr else self.settings.thanks.seconds
        self.thanks_timer.setInterval(round(seconds * 1000))
        self.window.show_screen(self.thanks)
        self.thanks_timer.start()

    def back_to_question(self) -> None:
        """The next guest's turn: the question, in the default language."""
        self.thanks_timer.stop()
        self.idle_timer.stop()
        if self.answer_id is not None:
            self.abuse.flow_ended(self._monotonic())
        self.answer_id = None
        self.score = None
        self.start()

    def _thanks_tapped(self) -> None:
        if self._showing(self._thanks):
            self.back_to_question()

    def suspend(self) -> None:
        """Staff took over the screen (the admin area): end any guest's flow now.

        A guest mid-why is completed as a walk-away, keeping what they chose; the thank-you is
        cut short. Timers stop, so nothing comes back over the staff's screen.
        """
        if self.answer_id is not None and self._showing(self._why):
            self.finish(Completion.TIMEOUT, self.why.chosen_reasons(), self.why.comment_text())
        else:
            self.back_to_question()
        self.idle_timer.stop()
        self.thanks_timer.stop()

    def switch_language(self, language: str) -> None:
        self.i18n.set_language(language)
        # Someone who switched and walked away: the default comes back after the idle time.
        self.idle_timer.start()

    # --- timers -----------------------------------------------------------------------------

    def _activity(self) -> None:
        if self.answer_id is not None:
            self.idle_timer.start()

    def _reasons_may_have_changed(self) -> None:
        if self.answer_id is not None and self._showing(self._why):
            self.reasons_timer.start()

    def keep_reasons(self) -> None:
        """Hand the recorder the guest's reasons if they changed since the last time."""
        if self.answer_id is None or not self._showing(self._why):
            return
        reasons = tuple(self.why.chosen_reasons())
        if reasons != self._kept_reasons:
            self._kept_reasons = reasons
            self.recorder.choose_reasons(self.answer_id, reasons)
            self._storage_status()

    def _idle(self) -> None:
        if self.answer_id is not None and self._showing(self._why):
            log.info("guest walked away; keeping what they chose")
            self.finish(Completion.TIMEOUT, self.why.chosen_reasons(), self.why.comment_text())
        else:
            self.back_to_question()

    def retry_storage(self) -> None:
        self.recorder.retry()
        self._storage_status()

    def _storage_status(self) -> None:
        if self.recorder.problem is None and self.recorder.pending_count == 0:
            self.window.set_staff_notice(STORAGE_NOTICE, None)
            self.retry_timer.stop()
            return
        self.window.set_staff_notice(STORAGE_NOTICE, self._storage_text)
        if not self.retry_timer.isActive():
            self.retry_timer.start()

    def _storage_text(self) -> str:
        recorder = self.recorder
        return self.storage_notice(
            recorder.problem or "", recorder.pending_count, on_disk=recorder.all_on_disk
        )

    def storage_notice(self, problem: str, waiting: int, *, on_disk: bool = False) -> str:
        """The staff banner's words for a store that refuses writes: whether switching off
        would lose the waiting answers depends on whether a spill file holds them too."""
        if on_disk:
            text = self.tr(
                "Staff: answers cannot be saved ({problem}). {count} waiting, kept in a "
                "spare file; they are saved as soon as this is fixed."
            )
        else:
            text = self.tr(
                "Staff: answers cannot be saved ({problem}). {count} waiting in memory; "
                "they are saved as soon as this is fixed. Do not switch off the kiosk."
            )
        return text.format(problem=translate_problem(problem), count=waiting)

    # --- rules ------------------------------------------------------------------------------

    def _alert_kinds(self, score: int, flags: tuple[str, ...]) -> tuple[str, ...]:
        """Detractor alerts for real (unflagged) 0-6 answers, where configured."""
        return alert_kinds_for(
            score,
            alerts_enabled=self.settings.alerts.enabled,
            endpoint=self.settings.sync.endpoint,
            webhook_url=self.settings.alerts.webhook_url,
            flagged=bool(flags),
        )
