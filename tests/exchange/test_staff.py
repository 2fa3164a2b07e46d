"""The staff list out and in: an office's old Excel list of its people (a title, the
header lower down, Lao digits in dates, blank lines) brought in as files through the
operation the New person form uses; refusals with their row and reason; all or nothing;
a list exported and imported into an empty data folder holds the same people."""

from dataclasses import replace
from datetime import date, datetime

import openpyxl
import pytest
from helpers.staff import new_person
from sqlalchemy import func, select

from oc_desktop.exchange import importing
from oc_desktop.exchange.declare import register
from oc_desktop.exchange.export import export_register
from oc_desktop.exchange.reading import open_source
from oc_desktop.i18n import _
from oc_desktop.models import AuditEntry, Person
from oc_desktop.models.migrate import open_database
from oc_desktop.profile import ensure_defaults, load_profile
from oc_desktop.security import CLERK, HEAD, STAFF_OFFICER, NotAllowed
from oc_desktop.staff.listing import StaffQuery, fetch_page

HEADERS = ["ລ/ດ", "ຊື່ ແລະ ນາມສະກຸນ", "ເພດ", "ວັນເດືອນປີເກີດ", "ເຂົ້າຮັບລັດຖະການ", "ຂະແໜງ", "ເລກບັດປະຈຳຕົວ"]


def old_list(path, rows):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ພະນັກງານ"
    sheet["A1"] = "ບັນຊີລາຍຊື່ພະນັກງານ ຄະນະໂຄສະນາອົບຮົມແຂວງ"
    sheet.merge_cells("A1:G1")
    sheet.append([])
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def officer(make_user):
    return make_user("officer", [STAFF_OFFICER])


def plan_for(db, actor, path):
    source = open_source(path)
    preview = importing.preview(source, None, register("staff").fields)
    plan = importing.dry_run(
        db, actor=actor, register=register("staff"), source=source, choices=preview.choices
    )
    return preview, plan


def run(db, actor, plan, path):
    return importing.run_import(
        db, actor=actor, register=register("staff"), plan=plan, source=path, add_new_names=False
    )


def people(db):
    with db.read() as session:
        rows = session.execute(
            select(Person.given_name, Person.family_name, Person.sex, Person.birth_date,
                   Person.service_entry, Person.id_card).order_by(Person.given_name)
        )  # fmt: skip
        return [tuple(row) for row in rows]


def test_an_old_staff_list_comes_in_with_titles_sections_and_lao_digits(db, officer, tmp_path):
    section = load_profile(db).sections[0].name
    path = old_list(
        tmp_path / "staff.xlsx",
        [
            [1, "ທ້າວ ສົມພອນ ແກ້ວມະນີ", "", datetime(1980, 5, 2), "໐໑.໐໙.໒໐໐໒", section, "01-1"],
            [],
            [2, "ທ່ານ ນາງ ມະນີວັນ ສີລາວົງ", "ຍິງ", "14.03.1985", "01.09.2008", "", ""],
        ],
    )
    preview, plan = plan_for(db, officer, path)
    assert preview.choices.header_row == 3
    assert sorted(preview.choices.mapping.values()) == sorted(
        ["name", "sex", "birth_date", "service_entry", "section", "id_card"]
    )
    assert plan.refused == [] and [ready.row for ready in plan.ready] == [4, 6]
    assert people(db) == []  # the dry run wrote nothing
    assert run(db, officer, plan, path) == 2
    assert people(db) == [
        ("ມະນີວັນ", "ສີລາວົງ", "f", date(1985, 3, 14), date(2008, 9, 1), None),
        ("ສົມພອນ", "ແກ້ວມະນີ", "m", date(1980, 5, 2), date(2002, 9, 1), "01-1"),
    ]
    with db.read() as session:
        audits = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "import")
        ).all()  # fmt: skip
        assert len(audits) == 1 and audits[0].entity == "staff_list"
        assert audits[0].new["rows"] == 2 and audits[0].area == "staff"
        creates = session.scalar(select(func.count()).where(AuditEntry.entity == "person"))
        assert creates == 0  # the import is one audit row, not one per file
    _preview, again = plan_for(db, officer, path)  # the same list a second time
    assert [refusal.row for refusal in again.refused] == [4, 6] and again.ready == []


def test_the_dry_run_refuses_each_bad_row_with_its_reason_and_nothing_is_half_imported(
    db, officer, tmp_path
):
    new_person(db, officer, id_card="0101-123456")
    path = old_list(
        tmp_path / "staff.xlsx",
        [
            [1, "ທ້າວ ບຸນມີ ພົມມະຈັນ", "", "02.05.1980", "01.09.2002", "", "0101-123456"],
            [2, "ທ້າວ ຄຳຫຼ້າ ສີສະຫວາດ", "", "31.02.1980", "01.09.2002", "", ""],
            [3, "ນາງ ດາລາ ວົງສາ", "", "02.05.1990", "01.09.1985", "", ""],
            [4, "ທ້າວ ສີສຸກ ພັນທະວົງ", "", "02.05.1980", "01.09.2002", "ຂະແໜງ ບໍ່ມີ", ""],
            [5, "ທ້າວ ວັນໄຊ ອິນທະວົງ", "", "02.05.1980", "01.09.2002", "", "77-1"],
            [6, "ນາງ ພອນ ສີລາ", "", "02.05.1980", "01.09.2002", "", "77-1"],
            [7, "ສຸກສະຫວັນ ພົມມະລາດ", "", "02.05.1980", "01.09.2002", "", ""],
        ],
    )
    _preview, plan = plan_for(db, officer, path)
    reasons = {refusal.row: refusal.reason for refusal in plan.refused}
    assert sorted(reasons) == [4, 5, 6, 7, 9, 10]
    assert "ສົມພອນ ແກ້ວມະນີ" in reasons[4]  # the card is in a file already
    assert "ວັນທີ" in reasons[5] and "31.02.1980" in reasons[5]
    assert reasons[6].startswith(_("Date of birth") + ":")  # entered service before birth
    assert "ຂະແໜງ ບໍ່ມີ" in reasons[7]
    assert "ວັນໄຊ ອິນທະວົງ" in reasons[9]  # the card twice in one book: the second refused
    assert reasons[10].startswith("ເພດ")  # no title, no sex: not guessed
    assert [ready.row for ready in plan.ready] == [8]
    with pytest.raises(importing.ImportRefused):
        run(db, officer, plan, path)
    assert len(people(db)) == 1


def test_only_the_staff_officer_imports_and_only_staff_readers_export(
    db, officer, make_user, tmp_path
):
    new_person(db, officer)
    path = old_list(
        tmp_path / "staff.xlsx", [[1, "ທ້າວ ບຸນມີ ພົມມະຈັນ", "", "02.05.1980", "01.09.2002", "", ""]]
    )
    head = make_user("head", [HEAD])
    with pytest.raises(NotAllowed):
        plan_for(db, head, path)
    clerk = make_user("clerk", [CLERK])
    with pytest.raises(NotAllowed):
        export_register(db, tmp_path / "out.xlsx", actor=clerk, register=register("staff"))
    assert export_register(db, tmp_path / "out.xlsx", actor=head, register=register("staff")) == 1


def test_a_list_exported_and_imported_into_an_empty_folder_holds_the_same_people(
    db, officer, tmp_path
):
    sections = load_profile(db).sections
    new_person(db, officer, section_id=sections[1].id)
    new_person(db, officer, given_name="ບົວພັນ", family_name="ສີລາວົງ", sex="m", id_card="",
               birth_date=date(1970, 1, 31), service_entry=date(1995, 10, 1))  # fmt: skip
    out = tmp_path / "staff.xlsx"
    assert export_register(db, out, actor=officer, register=register("staff")) == 2
    sheet = openpyxl.load_workbook(out).active
    assert isinstance(sheet["C2"].value, datetime) and sheet["C2"].number_format == "dd.mm.yyyy"

    empty = open_database(tmp_path / "empty")
    try:
        ensure_defaults(empty)
        empty_officer = replace(officer, user_id=None)
        _preview, plan = plan_for(empty, empty_officer, out)
        assert plan.refused == []
        assert run(empty, empty_officer, plan, out) == 2
        assert people(empty) == people(db)
        query = StaffQuery(status="all")
        before = fetch_page(db, officer, query, after=None, limit=10)
        after = fetch_page(empty, empty_officer, query, after=None, limit=10)
        assert [(r.name, r.section, r.latin_name) for r in after] == [
            (r.name, r.section, r.latin_name) for r in before
        ]
    finally:
        empty.close()
