"""A cell of an old register read as a field: text, a whole number, a date; what cannot
be read raises ``ValueError`` with the reason in the clerk's words (the dry run's
refusal)."""

from datetime import date, datetime

from oc_desktop.exchange.dates import read_date, read_moment
from oc_desktop.exchange.declare import HIDDEN
from oc_desktop.i18n import _
from oc_desktop.laotext import to_arabic_digits


def blank(value) -> bool:
    return value is None or value == ""


def text(value) -> str:
    if blank(value):
        return ""
    if value == HIDDEN:
        raise ValueError(_("the file hides this entry's words (it was exported without clearance)"))
    if isinstance(value, datetime | date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


#: the highest number a register gives (``register_incoming``'s ``seq``)
MAX_SEQ = 9_999_999


def whole(value, what: str) -> int | None:
    """A number from 1 to ``MAX_SEQ`` in Arabic or Lao digits (no fraction, no sign and
    no other script's digits, which ``int`` would read or choke on)."""
    if blank(value):
        return None
    digits = to_arabic_digits(str(value)).strip()
    if not (digits.isascii() and digits.isdigit()) or not 0 < int(digits) <= MAX_SEQ:
        raise ValueError(
            _("{what} is not a whole number: “{value}”").format(what=what, value=value)
        )
    return int(digits)


def when(value, order: str, what: str, moment=False):
    try:
        return (read_moment if moment else read_date)(value, order)
    except ValueError:
        raise ValueError(
            _("{what}: “{value}” is not a date").format(what=what, value=text(value))
        ) from None
