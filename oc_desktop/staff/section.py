"""Staff records as an area of the program: who reads the files, tables, audit words, tab.

Staff files are personal data: only the staff officer writes them, and only the head
and the administrator read them besides; every other role never gets the tab.
"""

from oc_desktop.i18n import N_
from oc_desktop.sections import Area
from oc_desktop.security import ADMIN, HEAD, STAFF_OFFICER
from oc_desktop.staff import terms

AREA = Area(
    key="staff",
    label=N_("Staff"),
    writers=frozenset({STAFF_OFFICER}),
    readers=frozenset({HEAD, ADMIN}),
    traced={"person": frozenset({"name_sort", "search"})},
    tables={
        "person": N_("Staff files"),
        "family_member": N_("Family members of staff"),
        "ethnic_group": N_("Ethnic groups"),
        "staff_position": N_("Positions held"),
        "staff_grade": N_("Grades and salary steps"),
        "staff_event": N_("Training, commendations, discipline, evaluations"),
        "staff_leaving": N_("Leaving service"),
    },
    entities={
        "person": N_("Staff file"),
        "family_member": N_("Family member"),
        "ethnic_group": N_("Ethnic group"),
        "staff_position": N_("Position"),
        "staff_grade": N_("Grade and step"),
        "staff_event": N_("Career record"),
        "staff_leaving": N_("Leaving service"),
        "staff_rule": N_("Staff rule"),
        "biography": N_("Biography"),
        "staff_statistics": N_("Staff statistics"),
        "staff_list": N_("Staff list"),
        "promotions_due": N_("Salary steps due"),
    },
    fields=terms.FIELDS,
    coded=terms.CODED,
    dates=frozenset(
        {
            "birth_date",
            "service_entry",
            "party_joined",
            "party_full",
            "youth_joined",
            "women_joined",
            "union_joined",
            "retirement_postponed_to",
            "start",
            "end",
            "decision_date",
            "as_of",
            "due_on",
        }
    ),
    tab="oc_desktop.ui.staff:make_tab",
    exchange={"staff": "oc_desktop.staff.exchange:STAFF"},
    rekey="oc_desktop.staff.people:rekey",
)
