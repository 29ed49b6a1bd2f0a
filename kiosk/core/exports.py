"""What the owner asks an export for: format, days and whether flagged answers go in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

FORMATS = ("csv", "xlsx", "json")
# A spreadsheet runs a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
EXTENSIONS = {"csv": ".csv", "xlsx": ".xlsx", "json": ".json"}


@dataclass(frozen=True, slots=True)
class ExportRequest:
    format: str = "csv"
    since: date | None = None
    until: date | None = None
    include_flagged: bool = True

    def __post_init__(self) -> None:
        if self.format not in FORMATS:
            raise ValueError(f"unknown export format {self.format!r}")

    def default_filename(self, kiosk_id: str, now: datetime) -> str:
        """A name that sorts by time and says which kiosk it came from."""
        return f"nps-{kiosk_id}-{now:%Y%m%d-%H%M}{EXTENSIONS[self.format]}"
