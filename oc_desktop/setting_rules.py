"""What each office setting may hold: the one check for the Settings tab, the operation
that writes settings, and every reader of a stored value.

A value edited by hand in the data file that breaks its rule is not used: the program
takes the documented default instead (so it still starts and people still sign in), and
the Settings tab marks the field until an administrator saves a good value.
"""

from datetime import datetime
from typing import Any

from oc_desktop.i18n import LANGUAGES, _

#: whole-number settings and the range each may take (the Settings tab's spin boxes)
RANGES: dict[str, tuple[int, int]] = {
    "due_soon_days": (0, 90),
    "term_start_year": (1975, 2100),
    "term_years": (1, 10),
    "backup_keep": (1, 1000),
    "backup_reminder_days": (1, 365),
    "idle_lock_minutes": (0, 480),
    "sign_in_attempts": (1, 20),
    "lockout_seconds": (5, 3600),
    "seal_max_sheets": (1, 50),
}
FLAGS = frozenset({"lao_digits", "series_per_kind", "seal_use_needs_approval"})
CHOICES: dict[str, tuple[str, ...]] = {
    "language": LANGUAGES,
    "numbering_period": ("year", "term"),
}


def problem(key: str, value: Any) -> str | None:
    """Why ``value`` cannot be the setting ``key``, in the user's language, or None."""
    if key in RANGES:
        low, high = RANGES[key]
        if isinstance(value, bool) or not isinstance(value, int):
            return _("Enter a whole number.")
        if not low <= value <= high:
            return _("Enter a number from {low} to {high}.").format(low=low, high=high)
    elif key in FLAGS:
        if not isinstance(value, bool):
            return _("Choose yes or no.")
    elif key in CHOICES:
        if value not in CHOICES[key]:
            return _("Choose one of the values offered.")
    elif key == "last_backup_at" and value is not None and not _iso_time(value):
        return _("This is not a date and time.")
    return None


def effective(key: str, stored: Any, default: Any) -> Any:
    """The stored value when it keeps its rule, else the documented default."""
    return stored if problem(key, stored) is None else default


def _iso_time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
