"""Every Alt+letter opens one thing: mnemonics are unique in what a window shows at once,
on every tab, in Lao and in English."""

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from oc_desktop.i18n import set_language

MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _shown_mnemonics(window) -> list[tuple[str, str]]:
    """(letter, text) of the menu bar's menus and of every visible button and buddy label."""
    texts = [action.text() for action in window.menuBar().actions()]
    texts += [b.text() for b in window.findChildren(QAbstractButton) if b.isVisible()]
    texts += [
        label.text() for label in window.findChildren(QLabel) if label.isVisible() and label.buddy()
    ]
    return [(_letter(text), text) for text in texts if _letter(text)]


@pytest.mark.parametrize("language", ["lo", "en"])
def test_no_two_shown_things_share_a_mnemonic(window, qtbot, language):
    set_language(language)
    window.language_changed.emit(language)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda index=index: window.tabs.currentWidget().isVisible())
        shown = _shown_mnemonics(window)
        twice = {
            letter: [text for found, text in shown if found == letter]
            for letter, times in Counter(letter for letter, _text in shown).items()
            if times > 1
        }
        assert not twice, (window.tabs.tabText(index), twice)
