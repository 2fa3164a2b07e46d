"""Translations: gettext catalogs managed with Babel, Lao first, English second.

Messages are written in English in the code and looked up at call time, so a
language switch takes effect on the next call of ``_`` (the UI relabels itself).
Catalogs are compiled to ``.mo`` at build time; a source tree that has not been
built compiles its ``.po`` files in memory instead.
"""

import functools
import gettext
import io

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from oc_desktop.paths import LOCALE_DIR

DOMAIN = "oc_desktop"
LANGUAGES = ("lo", "en")
DEFAULT_LANGUAGE = "lo"

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _load(language: str) -> gettext.NullTranslations:
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po.exists():
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def set_language(language: str) -> None:
    global _current, _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _current, _language = _load(language), language


def language() -> str:
    return _language


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 (gettext's name, known to the extractor)
    """Mark a message for extraction; translate it later, where it is shown."""
    return message


def lookup(context: str | None, message: str) -> str | None:
    """The translation of a message under a context (as Qt asks for its own), or None."""
    key = f"{context}\x04{message}" if context else message
    return getattr(_current, "_catalog", {}).get(key) or None


def every_language(message: str) -> set[str]:
    """A message as each language of the program says it: to recognise it in a file
    written in either (a spreadsheet's headers)."""
    return {_catalogs(language).gettext(message) for language in LANGUAGES}


@functools.cache
def _catalogs(language: str) -> gettext.NullTranslations:
    return _load(language)
