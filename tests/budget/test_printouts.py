"""The budget's printouts read back from the PDF, audited; the same from the command line."""

import subprocess
import sys
from datetime import date

import pytest
from helpers.pdf import page_texts
from helpers.staff import new_person
from sqlalchemy import select

from oc_desktop.budget.journal import record_entry
from oc_desktop.budget.lines import plan_line
from oc_desktop.budget.payroll import approve_payroll, draft_payroll
from oc_desktop.budget.printouts import (
    print_journal,
    print_payroll,
    print_plan_vs_actual,
    print_voucher,
)
from oc_desktop.models import AuditEntry
from oc_desktop.registers.books import DateRange
from oc_desktop.security import STAFF_OFFICER, NotAllowed
from oc_desktop.staff.history import add_grade


@pytest.fixture
def year(db, accountant, items, make_user):
    officer = make_user("officer", [STAFF_OFFICER])
    person = new_person(db, officer)
    add_grade(
        db, actor=officer, person_id=person, grade=2, step=3, start=date(2020, 1, 1), change="start"
    )
    plan_line(
        db, actor=accountant, line_id=items["62.4"], amount=10_000_000, decided_on=date(2025, 1, 2)
    )
    spent = record_entry(
        db,
        actor=accountant,
        kind="expenditure",
        entry_date=date(2025, 2, 3),
        line_id=items["62.4"],
        description="ນ້ຳມັນລົດ",
        amount=2_741_034,
        party="ປ້ຳນ້ຳມັນ",
    )
    sheet = draft_payroll(db, actor=accountant, year=2025, month=2)
    approve_payroll(db, actor=accountant, sheet_id=sheet, entry_date=date(2025, 2, 25))
    return {"spent": spent, "sheet": sheet}


def test_each_printout_says_what_the_books_hold(db, accountant, year, tmp_path):
    summary, sheet, paper, book = (tmp_path / f"{n}.pdf" for n in "abcd")
    print_plan_vs_actual(db, summary, actor=accountant, year=2025, last_month=3)
    text = " ".join(page_texts(summary))
    assert "ບົດສັງລວມລາຍຮັບ-ລາຍຈ່າຍ ທຽບກັບແຜນ" in text
    assert "2.741.034" in text and "27,4%" in text
    print_payroll(db, sheet, actor=accountant, sheet_id=year["sheet"])
    assert "ໃບເງິນເດືອນ" in " ".join(page_texts(sheet))
    print_voucher(db, paper, actor=accountant, entry_id=year["spent"])
    text = " ".join(page_texts(paper))
    assert "ລຈ 1/2025" in text
    assert "ສອງລ້ານເຈັດແສນສີ່ສິບເອັດພັນສາມສິບສີ່ກີບຖ້ວນ" in text.replace(" ", "")
    print_journal(db, book, actor=accountant, span=DateRange(date(2025, 2, 1), date(2025, 2, 28)))
    assert "ລຈ 2/2025" in " ".join(page_texts(book))
    assert "ລະຫັດກວດສອບປະຫວັດການປ່ຽນແປງ ໃນເວລາພິມ:" in page_texts(book)[-1]
    with db.read() as session:
        printed = session.scalars(
            select(AuditEntry.entity).where(
                AuditEntry.action == "print", AuditEntry.area == "budget"
            )
        ).all()
    assert sorted(printed) == sorted(
        ["budget_report", "payroll_sheet", "budget_journal", "budget_journal_book"]
    )


def test_a_clerk_without_the_budget_prints_nothing(db, year, make_user, tmp_path):
    clerk = make_user("clerk", ["clerk"])
    with pytest.raises(NotAllowed):
        print_plan_vs_actual(db, tmp_path / "x.pdf", actor=clerk, year=2025)
    assert not (tmp_path / "x.pdf").exists()


def test_the_command_line_prints_for_a_signed_in_accountant(db, year, data_dir, tmp_path):
    from helpers import PASSWORD

    secret = tmp_path / "password"
    secret.write_text(PASSWORD, encoding="utf-8")
    out = tmp_path / "voucher.pdf"
    common = ["--data-dir", str(data_dir), "--out", str(out)]
    run = lambda *args: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "oc_desktop", "print", *args, *common],
        capture_output=True,
        text=True,
        timeout=120,
    )
    refused = run("voucher", "--id", str(year["spent"]))
    assert refused.returncode != 0 and not out.exists()
    done = run(
        "voucher",
        "--id",
        str(year["spent"]),
        "--user",
        "accountant",
        "--password-file",
        str(secret),
    )
    assert done.returncode == 0, done.stderr
    arabic = " ".join(page_texts(out))
    assert "ລຈ 1/2025" in arabic

    from oc_desktop.profile import set_settings
    from oc_desktop.security import SYSTEM

    set_settings(db, actor=SYSTEM, values={"lao_digits": True})  # as the window prints
    done = run(
        "voucher",
        "--id",
        str(year["spent"]),
        "--user",
        "accountant",
        "--password-file",
        str(secret),
    )
    assert done.returncode == 0, done.stderr
    text = " ".join(page_texts(out))
    assert "03.02.2025" in arabic  # the voucher's day
    assert "໐໓.໐໒.໒໐໒໕" in text and "03.02.2025" not in text
