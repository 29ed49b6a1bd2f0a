"""The Qt face of the sync: owns a :class:`~kiosk.sync.worker.SyncWorker` and re-emits
what it reports as Qt signals.

The worker runs on its own plain thread (``kiosk-sync``) and calls back from there; the
signals below are emitted from that thread and reach slots in the UI thread as queued
connections, so the UI thread never touches the network or waits for it. The worker is
built by the caller (``kiosk.app.admin``) and passed in, which keeps HTTP out of ``kiosk.ui``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kiosk.core.sync import SyncStatus
from kiosk.sync.webhook import alert_details

if TYPE_CHECKING:
    from kiosk.core.answer import Answer

# How long stopping may wait for the sync thread to finish its store writes once its
# request is cut off (the worker aborts its client on stop).
STOP_SECONDS = 2.0


class _Worker(Protocol):
    on_status: object
    on_alert_delivered: object
    alert_text: object
    contact_notice: object

    def start(self) -> None: ...
    def stop(self, timeout: float | None = None) -> None: ...
    def nudge(self) -> None: ...
    def sync_now(self) -> None: ...
    def reconfigure(self, settings: object, token: str) -> None: ...
    def status(self) -> SyncStatus: ...


def translated_alert_text(answer: Answer, kiosk_id: str, site: str) -> str:
    """The webhook's line in the kiosk's UI language (QCoreApplication.translate is
    thread-safe, so the worker thread may call it)."""
    when = answer.local_time.strftime("%H:%M")
    text = QCoreApplication.translate(
        "SyncBridge", "Unhappy guest: scored {score}/10 at {site} ({kiosk}), {time}."
    ).format(score=answer.score, site=site, kiosk=kiosk_id, time=when)
    return text + alert_details(answer, QCoreApplication.translate("SyncBridge", "Reasons"))


def translated_contact_notice(answer: Answer, kiosk_id: str, site: str) -> str:
    """The webhook's "a guest left a contact" line, in the kiosk's UI language; never the
    contact itself."""
    return QCoreApplication.translate(
        "SyncBridge",
        "A guest who scored {score}/10 at {site} ({kiosk}) asked to be contacted; the contact"
        " is in the follow-up list.",
    ).format(score=answer.score, site=site, kiosk=kiosk_id)


class SyncBridge(QObject):
    """Start/stop the sync, ask for a pass, and hear how it went, from the UI thread."""

    status_changed = Signal(object)  # SyncStatus
    alert_delivered = Signal(str)  # answer id
    central_config_ready = Signal(object)  # a checked CentralConfig, saved as the last good
    central_config_refused = Signal(str, str)  # version, reason

    def __init__(self, worker: _Worker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker

    def start(self) -> None:
        # Callbacks are attached only while the thread runs, so the worker never calls into
        # this QObject after stop() (or after Qt has deleted it).
        self.worker.on_status = self.status_changed.emit
        self.worker.on_alert_delivered = self.alert_delivered.emit
        self.worker.alert_text = translated_alert_text
        central = getattr(self.worker, "central", None)
        if central is not None:
            central.on_new = self.central_config_ready.emit
            central.on_refused = self.central_config_refused.emit
        self.worker.contact_notice = translated_contact_notice
        self.worker.start()

    def stop(self) -> None:
        """Stop the thread: the request in flight is cut off, so this waits at most
        :data:`STOP_SECONDS`, never on the network (the kiosk's exit comes right after)."""
        self.worker.stop(timeout=STOP_SECONDS)
        self.worker.on_status = None
        self.worker.on_alert_delivered = None
        central = getattr(self.worker, "central", None)
        if central is not None:
            central.on_new = None
            central.on_refused = None

    def sync_now(self) -> None:
        """Staff pressed "Sync now"."""
        self.worker.sync_now()

    def nudge(self) -> None:
        """A new answer or detractor alert was stored: alerts go now, answers soon."""
        self.worker.nudge()

    def reconfigure(self, settings: object, token: str) -> None:
        """The owner saved new sync settings: the worker uses them from its next pass."""
        self.worker.reconfigure(settings, token)
