"""The period filter lists the periods the register holds: years, or committee terms."""

from datetime import date, datetime

from helpers.widgets import settled, tab_of

from oc_desktop.documents.incoming import register_incoming
from oc_desktop.documents.outgoing import register_outgoing
from oc_desktop.documents.query import periods
from oc_desktop.profile import set_settings
from oc_desktop.security import SYSTEM


def arrived(db, day: date, number: str) -> int:
    return register_incoming(
        db,
        actor=SYSTEM,
        received_at=datetime(day.year, day.month, day.day, 9, 0),
        sender="ກົມຈັດຕັ້ງສູນກາງພັກ",
        doc_number=number,
        doc_date=day,
        kind_id=None,
        subject="ກ່ຽວກັບວຽກງານຈັດຕັ້ງ",
    )


def test_years_listed_are_the_years_held_newest_first(db):
    assert periods(db, register="incoming") == []
    for number, year in enumerate((2019, 2024, 2024, 2026), start=1):
        arrived(db, date(year, 3, 1), f"{number}/ກຈ")
    assert periods(db, register="incoming") == [(2026, "2026"), (2024, "2024"), (2019, "2019")]
    assert periods(db, register="outgoing") == []


def test_under_term_numbering_the_terms_are_listed_not_every_year(db):
    arrived(db, date(2020, 6, 1), "1/ກຈ")  # numbered by year, before terms were set
    set_settings(
        db,
        actor=SYSTEM,
        values={"numbering_period": "term", "term_start_year": 2021, "term_years": 5},
    )
    for number, day in enumerate((date(2021, 2, 1), date(2024, 12, 30), date(2026, 1, 5)), 2):
        arrived(db, day, f"{number}/ກຈ")
    register_outgoing(
        db, actor=SYSTEM, doc_date=date(2023, 5, 2), kind_id=None, subject="ລາຍງານ",
        recipients=["ກົມຈັດຕັ້ງສູນກາງພັກ"],
    )  # fmt: skip
    assert periods(db, register="incoming") == [
        (2026, "2026–2030"),
        (2021, "2021–2025"),
        (2020, "2020"),
    ]
    assert periods(db, register="outgoing") == [(2021, "2021–2025")]


def test_the_tab_filters_by_term(window, qtbot, db):
    set_settings(db, actor=SYSTEM, values={"numbering_period": "term", "term_start_year": 2021})
    for number, day in enumerate((date(2022, 3, 1), date(2025, 7, 1), date(2026, 2, 1)), 1):
        arrived(db, day, f"{number}/ກຈ")
    tab = tab_of(window)
    tab.refresh()
    combo = tab.period
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["ທັງໝົດ", "2026–2030", "2021–2025"]
    combo.setCurrentIndex(labels.index("2021–2025"))
    settled(qtbot, tab)
    assert tab.model.rowCount() == 2
    assert sorted(row.doc_number for row in tab.model.rows) == ["1/ກຈ", "2/ກຈ"]

    # a term that starts with a new entry shows up without reopening the tab
    arrived(db, date(2031, 1, 10), "4/ກຈ")
    tab.refresh()
    assert combo.itemText(1) == "2031–2035"
    assert combo.currentText() == "2021–2025"  # the chosen term stays chosen
