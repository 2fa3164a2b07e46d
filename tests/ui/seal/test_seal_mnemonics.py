"""Each page of the Seal tab gives every shown button its own Alt+letter, in both
languages, and none takes the menu bar's (File, View, Help)."""

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from oc_desktop.i18n import set_language
from oc_desktop.ui.seal.tab import SealTab

MNEMONIC = re.compile(r"&([^&\s])")
MENU_BAR = ["f", "v", "h"]


def _letters(tab) -> list[str]:
    texts = [b.text() for b in tab.findChildren(QAbstractButton) if b.isVisible()]
    texts += [
        label.text() for label in tab.findChildren(QLabel) if label.isVisible() and label.buddy()
    ]
    found = [MNEMONIC.search(t.replace("&&", "")) for t in texts]
    return [m.group(1).lower() for m in found if m]


@pytest.mark.parametrize("language", ["lo", "en"])
def test_each_page_has_unique_mnemonics(qtbot, db, data_dir, held, language):
    set_language(language)
    tab = SealTab(db, held.clerk, data_dir)
    qtbot.addWidget(tab)
    tab.show()
    for page in (tab.uses, tab.handovers, tab.seals):
        tab.pages.setCurrentWidget(page)
        qtbot.waitUntil(page.isVisible)
        letters = _letters(tab) + MENU_BAR
        assert len(letters) > 4
        twice = [letter for letter, times in Counter(letters).items() if times > 1]
        assert not twice, (page.title(), twice)
