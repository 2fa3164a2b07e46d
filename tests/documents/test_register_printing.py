"""The register's books, delivery book and routing slip, printed from a real register and
read back from the PDF; from the command line and from the Documents tab."""

import subprocess
import sys
from datetime import date, datetime

import pytest
from helpers import PASSWORD
from helpers.pdf import page_texts
from helpers.widgets import enter, tab_of, when_dialog
from PySide6.QtCore import Qt
from sqlalchemy import select

from oc_desktop.documents.incoming import register_incoming, route_incoming, void_incoming
from oc_desktop.documents.outgoing import register_outgoing
from oc_desktop.documents.printouts import (
    DateRange,
    print_delivery_book,
    print_register_book,
    print_routing_slip,
)
from oc_desktop.models import AuditEntry
from oc_desktop.profile import load_profile
from oc_desktop.security import CLERK, HEAD, TOP_SECRET
from oc_desktop.ui.documents.printing import PrintBookDialog

SECRET_SUBJECT = "ກ່ຽວກັບແຜນປ້ອງກັນຊາຍແດນ"
OPEN_SUBJECT = "ກ່ຽວກັບການຈັດກອງປະຊຸມສຳມະນາທິດສະດີ"
MARCH = DateRange(date(2026, 3, 1), date(2026, 3, 31))


def _incoming(db, actor, day: int, subject: str, **extra) -> int:
    return register_incoming(
        db,
        actor=actor,
        received_at=datetime(2026, 3, day, 9, 0),
        sender="ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ",
        doc_number=f"{day}/ຄອສພ",
        doc_date=date(2026, 3, day),
        kind_id=None,
        subject=subject,
        **extra,
    )


@pytest.fixture
def people(make_user):
    return {
        "clerk": make_user("clerk", [CLERK]),
        "head": make_user("head", [HEAD], TOP_SECRET),
    }


@pytest.fixture
def register(db, make_user):
    """March's register: an open letter, a secret one, a void number, one in April."""
    keeper = make_user("keeper", [CLERK], TOP_SECRET)
    open_id = _incoming(db, keeper, 2, OPEN_SUBJECT)
    route_incoming(
        db,
        actor=keeper,
        doc_id=open_id,
        section_id=load_profile(db).sections[0].id,
        person="ທ່ານ ຄຳພອນ",
        instruction="ໃຫ້ກະກຽມຄຳຕອບພາຍໃນອາທິດນີ້",
        deadline=date(2026, 3, 20),
        handed_on=date(2026, 3, 3),
    )
    _incoming(db, keeper, 5, SECRET_SUBJECT, secrecy=1)
    void_incoming(db, actor=keeper, doc_id=_incoming(db, keeper, 6, "ລົງທະບຽນຊ້ຳ"), reason="ລົງຊ້ຳ")
    register_incoming(
        db,
        actor=keeper,
        received_at=datetime(2026, 4, 1, 8, 0),
        sender="ແຂວງ",
        doc_number="9/ກ",
        doc_date=date(2026, 4, 1),
        kind_id=None,
        subject="ເອກະສານເດືອນເມສາ",
    )
    for day, subject, recipients, secrecy in (
        (10, "ບົດລາຍງານປະຈຳເດືອນມີນາ", ["ຄະນະຈັດຕັ້ງແຂວງ", "ຫ້ອງວ່າການແຂວງ"], 0),
        (12, SECRET_SUBJECT, ["ກອງບັນຊາການທະຫານແຂວງ"], 1),
    ):
        register_outgoing(
            db,
            actor=keeper,
            doc_date=date(2026, 3, day),
            kind_id=None,
            subject=subject,
            recipients=recipients,
            secrecy=secrecy,
        )
    return open_id


def _book_text(db, tmp_path, actor, register="incoming") -> str:
    path = tmp_path / f"{register}-{actor.username}.pdf"
    pages = print_register_book(db, path, actor=actor, register=register, span=MARCH)
    texts = page_texts(path)
    assert len(texts) == pages
    return " ".join(texts)


def test_the_incoming_book_holds_the_range_in_number_order(db, tmp_path, register, people):
    text = _book_text(db, tmp_path, people["head"])
    assert "ປຶ້ມທະບຽນເອກະສານຂາເຂົ້າ" in text
    assert "ແຕ່ວັນທີ 01.03.2026 ຫາ ວັນທີ 31.03.2026" in text
    assert "ແຕ່ເລກທີ 1 ຫາ ເລກທີ 3" in text
    assert text.index(OPEN_SUBJECT) < text.index(SECRET_SUBJECT)
    assert "ທ່ານຄຳພອນ" in text.replace(" ", "")  # where it was sent (wrapped or not)
    assert "ຍົກເລີກ: ລົງຊ້ຳ" in text  # a void number stays in the book, with its reason
    assert "ເມສາ" not in text  # April is not March
    assert "(1) (2) (3) (4) (5) (6) (7) (8) (9)" in text
    assert "ລະຫັດກວດສອບປະຫວັດການປ່ຽນແປງ ໃນເວລາພິມ:" in text  # the trail's head, for signing
    assert "3 ລາຍການ" in text  # the closing count


def test_a_secret_entry_prints_only_its_number_and_date_without_clearance(
    db, tmp_path, register, people
):
    text = _book_text(db, tmp_path, people["clerk"])
    assert OPEN_SUBJECT in text
    assert SECRET_SUBJECT not in text
    assert "(ລັບ)" in text and "05.03.2026" in text
    outgoing = _book_text(db, tmp_path, people["clerk"], "outgoing")
    assert "ບົດລາຍງານປະຈຳເດືອນມີນາ" in outgoing
    assert SECRET_SUBJECT not in outgoing and "ກອງບັນຊາການ" not in outgoing
    assert SECRET_SUBJECT in _book_text(db, tmp_path, people["head"], "outgoing")


def test_every_printout_is_in_the_audit_trail(db, tmp_path, register, people):
    _book_text(db, tmp_path, people["clerk"])
    print_routing_slip(db, tmp_path / "slip.pdf", actor=people["head"], doc_id=register)
    with db.read() as session:
        rows = session.execute(
            select(AuditEntry.username, AuditEntry.entity, AuditEntry.new).where(
                AuditEntry.action == "print"
            )
        ).all()
    assert [(r.username, r.entity) for r in rows] == [
        ("clerk", "incoming_book"),
        ("head", "routing_slip"),
    ]
    assert rows[0].new["entries"] == 3


def test_the_delivery_book_has_a_line_per_recipient(db, tmp_path, register, people):
    path = tmp_path / "delivery.pdf"
    print_delivery_book(db, path, actor=people["clerk"], span=MARCH)
    text = " ".join(page_texts(path))
    assert "ປຶ້ມສົ່ງເອກະສານ" in text
    assert "ຄະນະຈັດຕັ້ງແຂວງ" in text and "ຫ້ອງວ່າການແຂວງ" in text
    assert text.count("ບົດລາຍງານປະຈຳເດືອນມີນາ") == 2
    assert "ກອງບັນຊາການ" not in text and "(ລັບ)" in text


def test_the_routing_slip_carries_the_instruction_and_the_route(db, tmp_path, register, people):
    path = tmp_path / "slip.pdf"
    print_routing_slip(db, path, actor=people["clerk"], doc_id=register)
    (text,) = page_texts(path)
    for line in (
        "ໃບຊີ້ນຳເອກະສານ",
        "ເລກທີເຂົ້າ 1",
        OPEN_SUBJECT,
        "ໃຫ້ກະກຽມຄຳຕອບພາຍໃນອາທິດນີ້",
        "ທ່ານ ຄຳພອນ 20.03.2026",
    ):
        assert line in text, line


def _cli(*args: str, env=None):
    return subprocess.run(
        [sys.executable, "-m", "oc_desktop", "print", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_the_command_line_prints_a_book_as_a_signed_in_person(
    db, data_dir, tmp_path, register, people
):
    import os

    out = tmp_path / "march.pdf"
    common = ["--data-dir", str(data_dir), "--from", "2026-03-01", "--to", "2026-03-31"]
    anonymous = _cli("incoming", *common, "--out", str(out))
    assert anonymous.returncode == 0, anonymous.stderr
    assert str(out) in anonymous.stdout
    assert SECRET_SUBJECT not in " ".join(page_texts(out))

    env = {**os.environ, "HEAD_PASSWORD": PASSWORD}
    signed = [*common, "--user", "head", "--password-env", "HEAD_PASSWORD"]
    result = _cli("incoming", *signed, "--out", str(out), env=env)
    assert result.returncode == 0, result.stderr
    assert SECRET_SUBJECT in " ".join(page_texts(out))

    env["HEAD_PASSWORD"] = "wrong"
    refused = _cli("incoming", *signed, "--out", str(tmp_path / "no.pdf"), env=env)
    assert refused.returncode != 0 and "ລະຫັດຜ່ານ" in refused.stderr
    assert not (tmp_path / "no.pdf").exists()


def test_the_command_line_refuses_bad_dates_in_lao(data_dir, db, tmp_path):
    out = str(tmp_path / "x.pdf")
    impossible = _cli(
        "outgoing",
        "--data-dir",
        str(data_dir),
        "--from",
        "2026-02-30",
        "--to",
        "2026-03-01",
        "--out",
        out,
    )
    assert impossible.returncode != 0 and "YYYY-MM-DD" in impossible.stderr
    backwards = _cli(
        "outgoing",
        "--data-dir",
        str(data_dir),
        "--from",
        "2026-03-02",
        "--to",
        "2026-03-01",
        "--out",
        out,
    )
    assert backwards.returncode != 0
    assert "ວັນທີສຸດທ້າຍມາກ່ອນວັນທີເລີ່ມຕົ້ນ" in backwards.stderr


def _preview(qtbot, runner):
    qtbot.waitUntil(
        lambda: runner.preview is not None and runner.preview.isVisible(), timeout=30_000
    )
    return runner.preview


def test_the_tab_previews_the_book_chosen_and_refuses_a_backward_range(
    window, qtbot, type_text, register
):
    tab = tab_of(window)
    errors = []

    def backwards(dialog):
        dialog.book.setCurrentIndex(dialog.book.findData("outgoing"))
        dialog.start.setText("01.04.2026")
        dialog.end.setText("01.03.2026")
        enter(qtbot, dialog)
        errors.append(dialog.rows.error("end"))
        dialog.start.setText("01.03.2026")
        enter(qtbot, dialog)

    when_dialog(qtbot, PrintBookDialog, backwards)
    qtbot.keyClick(tab, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert errors == ["ວັນທີສຸດທ້າຍມາກ່ອນວັນທີເລີ່ມຕົ້ນ."]
    preview = _preview(qtbot, tab.print_runner)
    assert preview.page_count() >= 2  # the cover and a ruled page
    assert "ປຶ້ມທະບຽນເອກະສານຂາອອກ" in preview.windowTitle()
    preview.reject()


def test_the_pane_previews_the_routing_slip(window, qtbot, register):
    tab = tab_of(window)
    tab.pane.show_document("incoming", register)
    assert tab.pane.slip_button.isEnabled()
    tab.pane.slip_button.click()
    preview = _preview(qtbot, tab.pane.print_runner)
    assert preview.page_count() == 1
    preview.reject()


def test_the_command_line_prints_the_offices_lao_digits(db, data_dir, tmp_path, register):
    from oc_desktop.profile import set_settings
    from oc_desktop.security import SYSTEM

    set_settings(db, actor=SYSTEM, values={"lao_digits": True})
    out = tmp_path / "march.pdf"
    common = ["--data-dir", str(data_dir), "--from", "2026-03-01", "--to", "2026-03-31"]
    result = _cli("incoming", *common, "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = " ".join(page_texts(out))
    assert "໐໒.໐໓.໒໐໒໖" in text  # 02.03.2026, the first letter's day
    assert "02.03.2026" not in text


def test_marks_typed_out_of_order_print_as_the_word_itself(db, tmp_path, people):
    """ທ່ີ (tone typed before its vowel) and ເເ (ແ typed as two ເ) are stored, and so
    printed, as ທີ່ and ແ: the same glyphs as the word typed the usual way."""
    clerk = people["clerk"]
    for day, subject in ((2, "ສະຖານທ່ີປະຊຸມ ເເຂວງ"), (3, "ສະຖານທີ່ປະຊຸມ ແຂວງ")):
        _incoming(db, clerk, day, subject)
    out = tmp_path / "march.pdf"
    print_register_book(db, out, actor=people["head"], register="incoming", span=MARCH)
    text = " ".join(page_texts(out))
    assert text.count("ສະຖານທີ່ປະຊຸມ ແຂວງ") == 2
    assert "ທ່ີ" not in text and "ເເ" not in text
