"""A business of the register as the console shows it, and the kinds a business may be."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# A general register (certified merchants build on it later): what a business is, not more.
KINDS = ("shop", "restaurant", "service", "market", "other")


@dataclass(frozen=True, slots=True)
class BusinessRow:
    """One business. `contact_name` and `contact_phone` are masked for a reader without
    the right to see personal data (`masked` says so)."""

    id: int
    code: str
    name: str
    community: str
    kind: str
    contact_name: str
    contact_phone: str
    licence_no: str
    opened_on: date
    closed_on: date | None
    masked: bool

    @property
    def open(self) -> bool:
        """Still trading (not closed)."""
        return self.closed_on is None

    def open_on(self, day: date) -> bool:
        """Trading on `day`: opened by then and not closed by then."""
        return self.opened_on <= day and (self.closed_on is None or self.closed_on > day)
