"""Checking what a clerk typed before anything is written.

Operations raise ValidationError with one message per field, in the user's language,
so a form can put each message next to its field and nothing is half-saved.
"""

from oc_desktop.i18n import _
from oc_desktop.laotext import clean, has_control_characters


class ValidationError(ValueError):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{field}: {message}" for field, message in errors.items()))
        self.errors = errors


class Checker:
    """Collects field errors; ``done()`` raises them all at once."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def text(self, field: str, value: str | None, *, max_length: int, required: bool = True) -> str:
        raw = value or ""
        if has_control_characters(raw):
            self.errors[field] = _("This text holds invisible control characters; retype it.")
            return ""
        cleaned = clean(raw)
        if required and not cleaned:
            self.errors[field] = _("This field is required.")
        elif len(cleaned) > max_length:
            self.errors[field] = _("Too long: at most {limit} characters.").format(limit=max_length)
        return cleaned

    def fail(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def done(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
