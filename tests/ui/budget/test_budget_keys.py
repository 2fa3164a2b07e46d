"""Each view of the Budget tab: every Alt+letter opens one thing, in Lao and English,
and nothing English is left on the Lao screen."""

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from oc_desktop.i18n import set_language
from oc_desktop.security import ACCOUNTANT

MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


@pytest.mark.parametrize("language", ["lo", "en"])
def test_each_view_has_unique_mnemonics(make_window, make_user, qtbot, language):
    window = make_window(make_user("accountant", [ACCOUNTANT]))
    set_language(language)
    window.language_changed.emit(language)
    tab = window.tabs.currentWidget()
    tab.new_year_button.click()
    for index in range(tab.views.count()):
        tab.views.setCurrentIndex(index)
        qtbot.waitUntil(lambda index=index: tab.views.widget(index).isVisible())
        texts = [action.text() for action in window.menuBar().actions()]
        texts += [b.text() for b in window.findChildren(QAbstractButton) if b.isVisible()]
        texts += [
            label.text()
            for label in window.findChildren(QLabel)
            if label.isVisible() and label.buddy()
        ]
        letters = Counter(_letter(t) for t in texts if _letter(t))
        assert not [letter for letter, times in letters.items() if times > 1], (index, texts)
        if language == "lo":
            english = [
                t
                for t in (*texts, *(x.text() for x in window.findChildren(QLabel) if x.isVisible()))
                if t and label_is_english(t)
            ]
            assert not english, (index, english)


def label_is_english(text: str) -> bool:
    """A run of three Latin letters outside a key name (Ctrl+N) or a path."""
    cleaned = re.sub(r"\((&\w)\)|Ctrl\+\w|\(Enter\)|/\S+|accountant|OC Desktop", "", text)
    return re.search(r"[A-Za-z]{3,}", cleaned) is not None
