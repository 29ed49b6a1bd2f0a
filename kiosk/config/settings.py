"""Every setting, declared once: its default, its kind (with its range) and, for the ones the
owner edits on the kiosk, its label and its place on the settings form.

The reader (:mod:`kiosk.config.files`), the check that ``docs/configuration.md`` documents
every key with its default, and the owner's form (``kiosk/admin/settings_screen.py``) all
walk these declarations; none of them names a key. A new setting is one field here and its
row in the documentation.

A field's ``form`` is the group it appears in on the owner's form (``"shop"``, ``"guest"``,
``"sync"``), in declaration order; a field without one is edited in the file only.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from kiosk.config.kinds import (
    Colour,
    Flag,
    Identifier,
    Kind,
    LanguageList,
    Number,
    OneLanguage,
    PerLanguageText,
    ReasonList,
    Secret,
    Text,
    Url,
    UrlTemplates,
    WholeNumber,
)
from kiosk.core.abuse import AbuseRules
from kiosk.core.answer import COMMENT_MAX_LENGTH
from kiosk.core.languages import DEFAULT_LANGUAGES
from kiosk.core.messages import QT_TRANSLATE_NOOP, Message
from kiosk.core.qr_link import template_problem
from kiosk.core.reasons import Reason, default_reasons

SETTING = "setting"  # the key of a field's metadata that holds its Setting


@dataclass(frozen=True)
class Setting:
    """What a field's metadata says about it."""

    kind: Kind
    label: Message | None = None  # on the owner's form
    form: str | None = None  # the form group; None: in the file only
    placeholder: Message | None = None  # the form field's grey hint when empty
    secret: bool = False  # masked wherever the configuration is shown (``kiosk config show``)


def setting(
    default: Any = MISSING,
    kind: Kind | None = None,
    *,
    label: Message | None = None,
    form: str | None = None,
    placeholder: Message | None = None,
    default_factory: Any = MISSING,
    secret: bool = False,
) -> Any:
    """A dataclass field declaring one setting (``secret``: left out of ``repr``)."""
    assert kind is not None, "every setting has a kind"
    assert (form is None) == (label is None), "a field on the form needs a label, and only it"
    return field(
        default=default,
        default_factory=default_factory,
        repr=not secret,
        metadata={SETTING: Setting(kind, label, form, placeholder, secret)},
    )


# --- the sections -------------------------------------------------------------------------


@dataclass(frozen=True)
class KioskSection:
    id: str = setting("kiosk-1", Identifier())
    site: str = setting("demo", Text())
    shop_name: str = setting(
        "Café Demo", Text(), form="shop", label=QT_TRANSLATE_NOOP("Setting", "Shop name")
    )
    logo: str = setting(
        "", Text(), form="shop", label=QT_TRANSLATE_NOOP("Setting", "Logo file (PNG or SVG)")
    )
    accent_colour: str = setting(
        "#1f5fa8", Colour(), form="shop", label=QT_TRANSLATE_NOOP("Setting", "Accent colour")
    )
    languages: tuple[str, ...] = setting(
        DEFAULT_LANGUAGES,
        LanguageList(),
        form="shop",
        label=QT_TRANSLATE_NOOP("Setting", "Languages offered"),
    )
    default_language: str = setting(
        "es", OneLanguage(), form="shop", label=QT_TRANSLATE_NOOP("Setting", "Default language")
    )
    fullscreen: bool = setting(True, Flag())


@dataclass(frozen=True)
class QuestionSection:
    # Per-language overrides of the built-in (translated) question text.
    text: Mapping[str, str] = setting(
        kind=PerLanguageText(),
        default_factory=dict,
        form="guest",
        label=QT_TRANSLATE_NOOP("Setting", "Question ({language})"),
        placeholder=QT_TRANSLATE_NOOP("Setting", "Leave empty for the built-in question"),
    )
    # Colour the 0-6 / 7-8 / 9-10 buttons. Off by default: a neutral scale does not hint.
    colour_scale: bool = setting(False, Flag())


@dataclass(frozen=True)
class WhySection:
    reasons: tuple[Reason, ...] = setting(
        kind=ReasonList(),
        default_factory=default_reasons,
        form="guest",
        label=QT_TRANSLATE_NOOP("Setting", "Reasons"),
    )
    comment: bool = setting(True, Flag())
    comment_max_length: int = setting(280, WholeNumber(1, COMMENT_MAX_LENGTH))


@dataclass(frozen=True)
class ThanksSection:
    text: Mapping[str, str] = setting(
        kind=PerLanguageText(),
        default_factory=dict,
        form="guest",
        label=QT_TRANSLATE_NOOP("Setting", "Thank-you text ({language})"),
        placeholder=QT_TRANSLATE_NOOP("Setting", "Leave empty for the built-in text"),
    )
    seconds: float = setting(
        4.0,
        Number(1, 60),
        form="guest",
        label=QT_TRANSLATE_NOOP("Setting", "Thank-you shown for (seconds)"),
    )
    # QR codes for the phone: a review page for 9-10, a contact form for 0-6 (empty: none).
    promoter_url: str = setting(
        "",
        Url(),
        form="guest",
        label=QT_TRANSLATE_NOOP("Setting", "Review page for happy guests (QR code for 9-10)"),
        placeholder=QT_TRANSLATE_NOOP("Setting", "https://… (leave empty for no QR code)"),
    )
    detractor_url: str = setting(
        "",
        Url(),
        form="guest",
        label=QT_TRANSLATE_NOOP("Setting", "Contact page for unhappy guests (QR code for 0-6)"),
        placeholder=QT_TRANSLATE_NOOP("Setting", "https://… (leave empty for no QR code)"),
    )
    seconds_with_qr: float = setting(
        12.0,
        Number(3, 120),
        form="guest",
        label=QT_TRANSLATE_NOOP("Setting", "Thank-you with a QR code shown for (seconds)"),
    )


@dataclass(frozen=True)
class QrSection:
    """QR codes that carry the answer: an address template per category (and per language),
    with {answer_id} {score} {category} {site} {kiosk} {lang}; see docs/callback.md. A
    category with a template here uses it instead of [thanks] promoter_url/detractor_url."""

    promoter: Mapping[str, str] = setting(kind=UrlTemplates(), default_factory=dict)
    passive: Mapping[str, str] = setting(kind=UrlTemplates(), default_factory=dict)
    detractor: Mapping[str, str] = setting(kind=UrlTemplates(), default_factory=dict)

    def template(self, category: str, language: str, default_language: str) -> str:
        """The template for ``category`` in ``language`` (else the default language's);
        '' when none."""
        per_language = getattr(self, category)
        return per_language.get(language) or per_language.get(default_language, "")


@dataclass(frozen=True)
class TimeoutsSection:
    idle_seconds: float = setting(
        20.0,
        Number(5, 600),
        form="guest",
        label=QT_TRANSLATE_NOOP("Setting", "Back to the question after (seconds idle)"),
    )


@dataclass(frozen=True)
class AbuseSection:
    enabled: bool = setting(True, Flag())
    min_gap_seconds: float = setting(3.0, Number(0, 60))
    burst_count: int = setting(4, WholeNumber(2, 1000))
    burst_window_seconds: float = setting(90.0, Number(1, 3600))

    def rules(self) -> AbuseRules:
        return AbuseRules(
            min_gap_seconds=self.min_gap_seconds,
            burst_count=self.burst_count,
            burst_window_seconds=self.burst_window_seconds,
            enabled=self.enabled,
        )


@dataclass(frozen=True)
class SyncSection:
    endpoint: str = setting(
        "",
        Url(strip_slash=True),
        form="sync",
        label=QT_TRANSLATE_NOOP("Setting", "Endpoint address"),
        placeholder=QT_TRANSLATE_NOOP("Setting", "https://…"),
    )
    token: str = setting(
        "",
        Secret(),
        secret=True,
        form="sync",
        label=QT_TRANSLATE_NOOP("Setting", "Kiosk token"),
        placeholder=QT_TRANSLATE_NOOP("Setting", "Leave empty when the token is in a file"),
    )
    token_file: str = setting("", Text())
    ca_bundle: str = setting("", Text())
    interval_seconds: float = setting(60.0, Number(5, 86400))
    soon_after_answer_seconds: float = setting(2.0, Number(0, 600))
    batch_size: int = setting(200, WholeNumber(1, 5000))
    connect_timeout: float = setting(5.0, Number(0.1, 120))
    read_timeout: float = setting(15.0, Number(0.1, 600))
    max_backoff_seconds: float = setting(300.0, Number(1, 86400))

    @property
    def enabled(self) -> bool:
        return bool(self.endpoint)


@dataclass(frozen=True)
class AlertsSection:
    enabled: bool = setting(True, Flag())
    webhook_url: str = setting("", Url(), secret=True)  # a chat webhook's URL is its key


@dataclass(frozen=True)
class CallbackSection:
    """A guest may ask a manager to call them back (with their consent; see docs/callback.md)."""

    # Off by default: the shop decides to collect contacts and says who calls back.
    enabled: bool = setting(
        False,
        Flag(),
        form="guest",
        label=QT_TRANSLATE_NOOP("Setting", "Offer unhappy guests a call-back"),
    )
    # Offered to every guest, not only to detractors (0-6).
    everyone: bool = setting(False, Flag())
    # Days a contact is kept on the kiosk (and promised in the consent line), delivered or not.
    retention_days: int = setting(
        30,
        WholeNumber(1, 365),
        form="guest",
        label=QT_TRANSLATE_NOOP("Setting", "Contacts deleted after (days)"),
    )


@dataclass(frozen=True)
class RetentionSection:
    """How long the kiosk keeps what it has already delivered (see docs/callback.md)."""

    # Days after which answers the endpoint confirmed are deleted here (tombstones keep
    # their numbers; the dashboard's tallies keep counting them). 0: kept for ever.
    answers_days: int = setting(0, WholeNumber(0, 3650))


@dataclass(frozen=True)
class AdminSection:
    idle_seconds: float = setting(60.0, Number(10, 3600))
    hold_seconds: float = setting(3.0, Number(1, 30))


@dataclass(frozen=True)
class Settings:
    """The whole configuration. ``path`` is where it came from (None: built-in defaults)."""

    kiosk: KioskSection = field(default_factory=KioskSection)
    question: QuestionSection = field(default_factory=QuestionSection)
    why: WhySection = field(default_factory=WhySection)
    thanks: ThanksSection = field(default_factory=ThanksSection)
    qr: QrSection = field(default_factory=QrSection)
    timeouts: TimeoutsSection = field(default_factory=TimeoutsSection)
    abuse: AbuseSection = field(default_factory=AbuseSection)
    sync: SyncSection = field(default_factory=SyncSection)
    alerts: AlertsSection = field(default_factory=AlertsSection)
    callback: CallbackSection = field(default_factory=CallbackSection)
    retention: RetentionSection = field(default_factory=RetentionSection)
    admin: AdminSection = field(default_factory=AdminSection)
    path: Path | None = field(default=None, compare=False)


SECTIONS: dict[str, type] = {
    f.name: f.default_factory
    for f in fields(Settings)
    if f.name != "path"  # type: ignore[misc]
}


@dataclass(frozen=True)
class Declared:
    """One setting as the reader, the documentation check and the form see it."""

    section: str
    name: str
    setting: Setting

    @property
    def key(self) -> str:
        """How errors and the form name it: ``[thanks] seconds``."""
        return f"[{self.section}] {self.name}"

    @property
    def kind(self) -> Kind:
        return self.setting.kind

    def default(self) -> Any:
        return getattr(SECTIONS[self.section](), self.name)

    def value(self, settings: Settings) -> Any:
        return getattr(getattr(settings, self.section), self.name)


def declared(section: str | None = None) -> Iterator[Declared]:
    """Every setting (of ``section``), in the order of the file and the form."""
    for name, cls in SECTIONS.items():
        if section is None or section == name:
            for f in fields(cls):
                yield Declared(name, f.name, f.metadata[SETTING])


def check_together(settings: Settings) -> tuple[str, Message] | None:
    """Rules between settings: (key, why) for the first one broken."""
    languages = settings.kiosk.languages
    if settings.kiosk.default_language not in languages:
        return "[kiosk] default_language", QT_TRANSLATE_NOOP(
            "ConfigError", "The default language must be one of the languages offered ({choices})."
        ).with_params(value=settings.kiosk.default_language, choices=", ".join(languages))
    for name in ("promoter", "passive", "detractor"):
        for template in getattr(settings.qr, name).values():
            problem = template_problem(template, site=settings.kiosk.site, kiosk=settings.kiosk.id)
            if problem is not None:  # the configured site or kiosk id makes it too long
                return f"[qr] {name}", problem
    if settings.sync.token and settings.sync.token_file:
        return "[sync] token_file", QT_TRANSLATE_NOOP(
            "ConfigError", "Give the token or a token file, not both."
        )
    return None
