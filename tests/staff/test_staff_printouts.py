"""The biography, statistics, staff list and promotions due, read back from the PDF; and
from the command line, only for a person who may read staff files."""

import os
import subprocess
import sys
from datetime import date

import pytest
from helpers import PASSWORD
from helpers.pdf import page_texts
from helpers.staff import new_person
from sqlalchemy import select

from oc_desktop.models import AuditEntry
from oc_desktop.security import CLERK, STAFF_OFFICER
from oc_desktop.staff.history import add_grade, add_position
from oc_desktop.staff.people import Relative, ensure_ethnic_groups, ethnic_groups
from oc_desktop.staff.printed_lists import print_promotions_due, print_staff_list
from oc_desktop.staff.printouts import print_biography, print_statistics


@pytest.fixture
def officer(make_user):
    return make_user("officer", [STAFF_OFFICER])


@pytest.fixture
def office(db, officer):
    """Two people: a woman of a minority and a Party member, and a man due for a step."""
    ensure_ethnic_groups(db)
    minority = next(g for g in ethnic_groups(db) if g.minority)
    her = new_person(
        db,
        officer,
        ethnic_group_id=minority.id,
        party_joined=date(2010, 1, 5),
        family=(Relative("mother", "ນາງ ຄຳແພງ", 1955, "ຊາວນາ"),),
    )
    add_position(
        db,
        actor=officer,
        person_id=her,
        change="appointment",
        position="section_head",
        title="ຫົວໜ້າຂະແໜງອົບຮົມ",
        start=date(2015, 2, 1),
    )
    him = new_person(
        db,
        officer,
        given_name="ບຸນມີ",
        family_name="ສີລາວົງ",
        sex="m",
        id_card="0202-1",
        birth_date=date(1990, 6, 1),
        service_entry=date(2014, 1, 2),
    )
    add_grade(
        db,
        actor=officer,
        person_id=him,
        grade=1,
        step=4,
        change="start",
        start=date(date.today().year - 2, 1, 2),
        decision_number="33/ຄອຮ",
    )
    return her, him


def test_the_biography_holds_the_file_and_its_history_and_is_audited(db, officer, office, tmp_path):
    out = tmp_path / "bio.pdf"
    pages = print_biography(db, out, actor=officer, person_id=office[0])
    text = " ".join(page_texts(out))
    assert pages >= 1
    for expected in (
        "ຊີວະປະຫວັດ",
        "ສົມພອນ ແກ້ວມະນີ",
        "ບ້ານໂພນສະອາດ",
        "ນາງ ຄຳແພງ",
        "ຫົວໜ້າຂະແໜງອົບຮົມ",
        "05.01.2010",
        "ຜູ້ແຈ້ງຊີວະປະຫວັດ",
    ):
        assert expected in text, expected
    with db.read() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (last.action, last.entity, last.area) == ("print", "biography", "staff")


def test_statistics_count_women_minorities_and_party_members_in_each_row(
    db, officer, office, tmp_path
):
    out = tmp_path / "stats.pdf"
    print_statistics(db, out, actor=officer, as_of=date.today(), preparer="ທ່ານ ຜູ້ສັງລວມ")
    text = " ".join(page_texts(out))
    assert "ສະຖິຕິພະນັກງານ" in text and "ທ່ານ ຜູ້ສັງລວມ" in text
    assert "ລວມ 2 ຄົນ, ຍິງ 1, ຊົນເຜົ່າສ່ວນໜ້ອຍ 1, ສະມາຊິກພັກ 1" in text
    assert "31–35" in text and "ຕາມຊົນເຜົ່າ" in text


def test_the_staff_list_and_the_steps_due(db, officer, office, tmp_path):
    listing, due = tmp_path / "list.pdf", tmp_path / "due.pdf"
    print_staff_list(db, listing, actor=officer, as_of=date.today())
    assert "ບຸນມີ ສີລາວົງ" in " ".join(page_texts(listing))
    assert "ລະຫັດກວດສອບປະຫວັດການປ່ຽນແປງ ໃນເວລາພິມ:" in page_texts(listing)[-1]
    print_promotions_due(db, due, actor=officer, as_of=date.today(), months=12)
    text = " ".join(page_texts(due))
    assert "ບຸນມີ ສີລາວົງ" in text and "ສົມພອນ" not in text
    assert f"02.01.{date.today().year}" in text


def _cli(*args: str, env=None):
    return subprocess.run(
        [sys.executable, "-m", "oc_desktop", "print", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_the_command_line_prints_staff_papers_only_for_a_staff_reader(
    db, data_dir, tmp_path, officer, office, make_user
):
    make_user("clerk", [CLERK])
    env = {**os.environ, "PW": PASSWORD}
    out = tmp_path / "stats.pdf"
    common = ["--data-dir", str(data_dir), "--out", str(out)]
    anonymous = _cli("staff-stats", *common)
    assert anonymous.returncode != 0 and not out.exists()
    clerk = _cli("staff-stats", *common, "--user", "clerk", "--password-env", "PW", env=env)
    assert clerk.returncode != 0 and not out.exists()
    signed = ["--user", "officer", "--password-env", "PW"]
    result = _cli("biography", *common, "--id", str(office[1]), *signed, env=env)
    assert result.returncode == 0, result.stderr
    assert "ບຸນມີ ສີລາວົງ" in " ".join(page_texts(out))
