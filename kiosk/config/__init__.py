"""One typed configuration, loaded from one TOML file.

* :mod:`kiosk.config.settings` declares every setting once (default, kind, range, label);
* :mod:`kiosk.config.kinds` says what each kind of value accepts;
* :mod:`kiosk.config.files` reads, checks and atomically writes the file;
* :mod:`kiosk.config.errors` is the :class:`ConfigError` that names file, key and problem.
"""

from kiosk.config.errors import ConfigError
from kiosk.config.files import (
    ENV_CONFIG,
    load_for_path,
    load_settings,
    resolve_config_path,
    save_settings,
    settings_from_dict,
    settings_to_dict,
)
from kiosk.config.settings import (
    SECTIONS,
    AbuseSection,
    AdminSection,
    AlertsSection,
    CallbackSection,
    KioskSection,
    QrSection,
    QuestionSection,
    RetentionSection,
    Settings,
    SyncSection,
    ThanksSection,
    TimeoutsSection,
    WhySection,
    declared,
)
from kiosk.core.languages import SUPPORTED_LANGUAGES

__all__ = [
    "ENV_CONFIG",
    "SECTIONS",
    "SUPPORTED_LANGUAGES",
    "AbuseSection",
    "AdminSection",
    "AlertsSection",
    "CallbackSection",
    "RetentionSection",
    "ConfigError",
    "KioskSection",
    "QrSection",
    "QuestionSection",
    "Settings",
    "SyncSection",
    "ThanksSection",
    "TimeoutsSection",
    "WhySection",
    "declared",
    "load_for_path",
    "load_settings",
    "resolve_config_path",
    "save_settings",
    "settings_from_dict",
    "settings_to_dict",
]
