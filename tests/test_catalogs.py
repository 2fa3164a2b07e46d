"""Every message in the code has a Lao and an English entry with the same placeholders."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from oc_desktop.paths import LOCALE_DIR, PACKAGE_DIR

KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "qt_N_": ((1, "c"), 2),
}
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _messages_in_code() -> set[tuple[str | None, str]]:
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        PACKAGE_DIR, method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.add((context, msgid))
    return found


def _catalog(language: str):
    with (LOCALE_DIR / language / "LC_MESSAGES" / "oc_desktop.po").open("rb") as handle:
        return read_po(handle, locale=language)


@pytest.mark.parametrize("language", ["lo", "en"])
def test_every_message_in_the_code_is_translated(language):
    catalog = _catalog(language)
    missing = [
        (context, msgid)
        for context, msgid in sorted(_messages_in_code(), key=str)
        if not (catalog.get(msgid, context=context) and catalog.get(msgid, context=context).string)
    ]
    assert not missing, f"untranslated in {language}.po: {missing[:10]}"


@pytest.mark.parametrize("language", ["lo", "en"])
def test_translations_keep_the_placeholders(language):
    wrong = []
    for message in _catalog(language):
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        target = message.string if isinstance(message.string, str) else message.string[0]
        if target and sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(target)):
            wrong.append((source, target))
    assert not wrong, wrong[:5]


def test_lao_catalog_is_lao():
    untranslated = [
        m.id for m in _catalog("lo") if m.id and m.string == m.id and re.search("[a-z]{4}", m.id)
    ]
    # Proper names and the program's name stay as they are; everything else is Lao.
    assert set(untranslated) <= {"OC Desktop"}, untranslated


def test_template_holds_every_message_in_the_code():
    with Path(LOCALE_DIR / "oc_desktop.pot").open("rb") as handle:
        template = read_po(handle)
    missing = [key for key in _messages_in_code() if template.get(key[1], context=key[0]) is None]
    assert not missing, f"run scripts/catalogs.py update: {missing[:10]}"
