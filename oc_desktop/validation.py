"""Checking what a clerk typed before anything is written.

Operations raise ValidationError with one message per field, in the user's language,
so a form can put each message next to its field and nothing is half-saved. Every
value an operation is given passes one of the checks below first, whatever its type:
a wrong type, a lone surrogate, a fraction or a date no register holds is a message at
its field, never an exception from SQLite or from the code that would have used it.
"""

from datetime import date, datetime
from pathlib import Path, PurePath

from oc_desktop.i18n import _
from oc_desktop.laotext import clean, has_control_characters

#: the days a register holds: old paper books start after 1900, nothing is due past 2100
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2100, 12, 31)
#: the largest row number SQLite stores
MAX_ID = 2**63 - 1
_BREAKS = ("\n", "\r", "\t")


class ValidationError(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
        self.errors = errors


def _has_surrogate(text: str) -> bool:
    """A lone surrogate: what a broken paste or file name leaves; UTF-8 cannot hold it."""
    return any("\ud800" <= c <= "\udfff" for c in text)


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class Checker:
    """Collects field errors; ``done()`` raises them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def text(
        self,
        field: str,
        value: str | None,
        *,
        max_length: int,
        required: bool = True,
        one_line: bool = False,
    ) -> str:
        """``value`` as stored (``laotext.clean``); ``one_line`` for a name or a number,
        which a line break or a tab would split on screen and on paper."""
        raw = "" if value is None else value
        if not isinstance(raw, str) or _has_surrogate(raw):
            # a lone surrogate is what a broken paste leaves; SQLite cannot store it
            self.errors[field] = _("This text holds characters that cannot be stored; retype it.")
            return ""
        if has_control_characters(raw):
            self.errors[field] = _("This text holds invisible control characters; retype it.")
            return ""
        cleaned = clean(raw)
        if required and not cleaned:
            self.errors[field] = _("This field is required.")
        elif len(cleaned) > max_length:
            self.errors[field] = _("Too long: at most {limit} characters.").format(limit=max_length)
        elif one_line and any(mark in cleaned for mark in _BREAKS):
            self.errors[field] = _("Type this on one line, without line breaks or tabs.")
        return cleaned

    def whole(
        self,
        field: str,
        value,
        *,
        low: int,
        high: int,
        message: str,
        required: bool = True,
    ) -> int | None:
        """A whole number from ``low`` to ``high`` (never a fraction, a flag or text);
        ``message`` says which."""
        if value is None and not required:
            return None
        if not _is_whole(value) or not low <= value <= high:
            self.fail(field, message)
            return None
        return value

    def day(self, field: str, value, *, required: bool = True) -> date | None:
        """A calendar day from 1900 to 2100 (not a date and time: it compares with
        neither a day nor a moment)."""
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            self.fail(field, _("Enter a date, for example 11.12.2023."))
            return None
        return self._within(field, value, required)

    def moment(self, field: str, value, *, required: bool = True) -> datetime | None:
        """A date with its time of day, from 1900 to 2100."""
        if value is not None and not isinstance(value, datetime):
            self.fail(field, _("Enter a date and a time."))
            return None
        return self._within(field, value, required)

    def _within(self, field: str, value, required: bool):
        if value is None:
            if required:
                self.fail(field, _("Enter a date."))
            return None
        day = value.date() if isinstance(value, datetime) else value
        if not FIRST_DAY <= day <= LAST_DAY:
            self.fail(field, _("Enter a date between 1900 and 2100."))
            return None
        return value

    def choice(self, field: str, value, allowed, *, message: str):
        """One of ``allowed`` (names the program knows), or ``message`` at the field."""
        if not isinstance(value, str | int) or isinstance(value, bool) or value not in allowed:
            self.fail(field, message)
            return None
        return value

    def row(self, session, model, field: str, value, *, message: str, required: bool = True):
        """The ``model`` row numbered ``value``, or ``message`` when there is none (a
        wrong type or a number SQLite cannot hold is no row either); None when not given
        and not ``required``."""
        if value is None and not required:
            return None
        if not _is_whole(value) or not 0 < value <= MAX_ID:
            self.fail(field, message)
            return None
        found = session.get(model, value)
        if found is None:
            self.fail(field, message)
        return found

    def path(self, field: str, value, *, message: str) -> Path | None:
        """A file's path given as text or a path, that the file system can be asked
        about (a NUL or a lone surrogate in it raises there); ``message`` otherwise."""
        text = str(value) if isinstance(value, str | PurePath) else None
        if not text or "\0" in text or _has_surrogate(text):
            self.fail(field, message)
            return None
        return Path(text)

    def password(self, field: str, value, *, max_length: int = 1000) -> str | None:
        """A password as typed (never cleaned: every character counts), that can be
        encoded to be hashed or to seal a backup."""
        if not isinstance(value, str) or _has_surrogate(value) or has_control_characters(value):
            self.fail(field, _("This text holds characters that cannot be stored; retype it."))
            return None
        if not value:
            self.fail(field, _("This field is required."))
        elif len(value) > max_length:
            self.fail(field, _("Too long: at most {limit} characters.").format(limit=max_length))
        return value

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
