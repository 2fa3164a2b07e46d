"""Dates, kip amounts and digits, written and read the way Lao offices do.

One place for it, so that every register, form and field agrees. Output follows the
language and the digit setting; input accepts Lao and Arabic digits alike.
"""

import math
import re
from datetime import date, datetime

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from oc_desktop import i18n
from oc_desktop.i18n import _, ngettext
from oc_desktop.laotext import clean, to_arabic_digits, to_lao_digits

_use_lao_digits = False


def set_lao_digits(enabled: bool) -> None:
    global _use_lao_digits
    _use_lao_digits = enabled


def digits(text: str) -> str:
    """Text with its digits in the digit system the office chose."""
    return to_lao_digits(text) if _use_lao_digits else text


def format_date(value: date | None, *, long: bool = False) -> str:
    """11.12.2023, or 11 ທັນວາ 2023 (long form, month by name)."""
    if value is None:
        return ""
    if long:
        text = _babel_date(value, "d MMMM y", locale=i18n.language())
    else:
        text = f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
    return digits(text)


def format_datetime(value: datetime | None, *, seconds: bool = False) -> str:
    if value is None:
        return ""
    clock = f"{value.hour:02d}:{value.minute:02d}"
    if seconds:
        clock += f":{value.second:02d}"
    return digits(f"{format_date(value.date())} {clock}")


def format_wait(seconds: float) -> str:
    """A wait as a person says it, rounded up: 45 seconds, 2 minutes, 3 hours."""
    whole = max(1, math.ceil(seconds))
    if whole < 60:
        text = ngettext("{n} second", "{n} seconds", whole).format(n=whole)
    elif whole < 3600:
        n = math.ceil(whole / 60)
        text = ngettext("{n} minute", "{n} minutes", n).format(n=n)
    else:
        n = math.ceil(whole / 3600)
        text = ngettext("{n} hour", "{n} hours", n).format(n=n)
    return digits(text)


def format_kip(amount: int | None, *, symbol: bool = False) -> str:
    """1.234.567 (kip have no decimals); with the ₭ sign when asked."""
    if amount is None:
        return ""
    text = format_decimal(int(amount), format="#,##0", locale="lo")
    return digits(f"{text} ₭" if symbol else text)


def format_int(value: int | None) -> str:
    return "" if value is None else digits(str(value))


_DATE_DMY = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class InputError(ValueError):
    """A value a clerk typed that cannot be read; the message is in their language."""


def parse_date(text: str) -> date:
    """Read 11.12.2023, 11/12/2023, 11-12-2023 or 2023-12-11, in either digit system."""
    value = to_arabic_digits(clean(text))
    if not value:
        raise InputError(_("Enter a date."))
    if match := _DATE_DMY.match(value):
        day, month, year = (int(g) for g in match.groups())
    elif match := _DATE_ISO.match(value):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise InputError(_("Write the date as day.month.year, for example 11.12.2023."))
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(_("This date does not exist.")) from None


_GROUPED = re.compile(r"^-?\d{1,3}([., \u00a0]\d{3})+$")


def parse_int(text: str) -> int:
    """Read a whole number or kip amount: 1234567, 1.234.567, 1,234,567, Lao digits too."""
    value = to_arabic_digits(clean(text)).replace("₭", "").strip()
    if not value:
        raise InputError(_("Enter a number."))
    if _GROUPED.match(value):
        value = re.sub(r"[., \u00a0]", "", value)
    if not re.fullmatch(r"-?\d+", value):
        raise InputError(_("Enter a whole number, without decimals."))
    return int(value)
