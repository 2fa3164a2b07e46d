"""The staff list's columns: heading, how a row shows, the sort key, the width sample."""

from oc_desktop.formatting import format_date, format_int
from oc_desktop.i18n import N_
from oc_desktop.staff import terms
from oc_desktop.staff.listing import StaffRow
from oc_desktop.ui.common.table_model import Column

DATE = "00.00.0000"


def grade_step(row: StaffRow) -> str:
    if row.grade is None:
        return ""
    return f"{format_int(row.grade)}/{format_int(row.step)}"


def staff_columns() -> list[Column]:
    return [
        Column(N_("Name"), lambda r: r.name, key="name", sample="ທ້າວ ສົມພອນ ແກ້ວມະນີວົງ"),
        Column(N_("Sex"), lambda r: terms.word(terms.SEX, r.sex), key="sex", sample="ຍິງ"),
        Column(N_("Born"), lambda r: format_date(r.birth_date), key="birth_date", sample=DATE),
        Column(N_("Section"), lambda r: r.section, key="section", sample="ຂະແໜງ ບໍລິຫານ, ຈັດຕັ້ງ"),
        Column(
            N_("Position"),
            lambda r: r.title or terms.word(terms.POSITION, r.position),
            key="position",
            sample="ຮອງຫົວໜ້າຂະແໜງ",
        ),
        Column(N_("Grade/step"), grade_step, key="grade", sample="0/00"),
        Column(
            N_("In service since"),
            lambda r: format_date(r.service_entry),
            key="service_entry",
            sample=DATE,
        ),
        Column(
            N_("Left on"),
            lambda r: format_date(r.left_on) if r.left_on else "",
            key="left_on",
            sample=DATE,
        ),
        Column(N_("Latin spelling"), lambda r: r.latin_name, key="latin", sample="Somphone Keo"),
    ]
