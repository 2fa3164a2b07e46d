"""Keep the translation catalogs in step with the code.

    python scripts/catalogs.py update   # extract the .pot, merge it into lo and en .po
    python scripts/catalogs.py compile  # build the .mo files the package loads

English is the source language, so a new English entry starts as its own msgid;
a new Lao entry starts empty and the catalog test fails until it is translated.
"""

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "oc_desktop" / "locale"
POT = LOCALE / "oc_desktop.pot"
KEYWORDS = ["-k", "_", "-k", "N_", "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "-k", "qt_N_:1c,2"]


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def update() -> None:
    pybabel(
        "extract",
        "-F",
        str(ROOT / "babel.cfg"),
        *KEYWORDS,
        "--no-location",
        "--sort-output",
        "--project",
        "OC Desktop",
        "-o",
        str(POT),
        str(ROOT),
    )
    for language in ("lo", "en"):
        po = LOCALE / language / "LC_MESSAGES" / "oc_desktop.po"
        verb = "update" if po.exists() else "init"
        extra = ["--no-fuzzy-matching", "--ignore-obsolete"] if verb == "update" else []
        # Lao lines are kept at the width they were written with, so an update is a small diff
        extra += ["--width", "100"] if language == "lo" else []
        pybabel(verb, "-i", str(POT), "-d", str(LOCALE), "-D", "oc_desktop", "-l", language, *extra)
    _fill_english(LOCALE / "en" / "LC_MESSAGES" / "oc_desktop.po")


def _fill_english(po: Path) -> None:
    with po.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    for message in catalog:
        if message.id and not message.string:
            message.string = message.id
    with po.open("wb") as handle:
        write_po(handle, catalog, omit_header=False, sort_output=True, no_location=True)


def compile_() -> None:
    pybabel("compile", "-d", str(LOCALE), "-D", "oc_desktop", "--statistics")


if __name__ == "__main__":
    {"update": update, "compile": compile_}[sys.argv[1] if len(sys.argv) > 1 else "update"]()
