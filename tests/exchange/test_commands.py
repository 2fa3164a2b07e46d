"""`oc-desktop export` and `oc-desktop import` as a script runs them."""

from datetime import date, datetime

import openpyxl
from helpers import PASSWORD

from oc_desktop.cli import main
from oc_desktop.documents.incoming import register_incoming
from oc_desktop.security import CLERK, SYSTEM, TOP_SECRET


def _letters(db):
    for n, secrecy in ((1, 0), (2, 2), (3, 0)):
        register_incoming(
            db, actor=SYSTEM, received_at=datetime(2026, 6, n, 9, 0), sender=f"ພະແນກ {n}",
            doc_number=f"{n}/ພ", doc_date=date(2026, 5, 28), kind_id=None,
            subject=f"ລັບສຸດຍອດ {n}" if secrecy else f"ເລື່ອງ {n}", secrecy=secrecy,
        )  # fmt: skip


def test_export_without_a_user_hides_secret_words_and_with_one_shows_them(
    db, data_dir, tmp_path, make_user, capsys
):
    _letters(db)
    make_user("head2", [CLERK], TOP_SECRET)
    out = tmp_path / "june.xlsx"
    args = ["export", "incoming", "--data-dir", str(data_dir), "--out", str(out)]
    assert main([*args, "--from", "2026-06-02", "--to", "2026-06-30"]) == 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [3, 2] and rows[1][3] == "—"
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD, encoding="utf-8")
    assert main([*args, "--user", "head2", "--password-file", str(secret)]) == 0
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert rows[1][3] == "ລັບສຸດຍອດ 2"
    assert "june.xlsx: 3 ລາຍການ" in capsys.readouterr().out


def test_import_lists_refused_rows_and_exits_non_zero_then_imports(
    db, data_dir, tmp_path, make_user, capsys
):
    _letters(db)
    make_user("clerk9", [CLERK], TOP_SECRET)
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD, encoding="utf-8")
    book = tmp_path / "old.csv"
    book.write_text(
        "ລ/ດ,ວັນທີຮັບ,ຈາກ,ເລກທີ,ລົງວັນທີ,ເລື່ອງ\n"
        "7,10.06.2026,ພະແນກໃໝ່,9/ກ,09.06.2026,ທົດລອງ\n"
        "1,10.06.2026,ພະແນກອື່ນ,10/ກ,09.06.2026,ເລກທີ່ມີແລ້ວ\n",
        encoding="utf-8-sig",
    )
    args = ["import", "incoming", "--data-dir", str(data_dir), "--from", str(book)]
    args += ["--user", "clerk9", "--password-file", str(secret)]
    assert main([*args, "--dry-run"]) == 2
    assert "ແຖວ 3:" in capsys.readouterr().out  # row 3 refused: number 1 is taken
    book.write_text(book.read_text("utf-8-sig").replace("\n1,", "\n8,"), encoding="utf-8-sig")
    assert main([*args, "--dry-run"]) == 0
    assert main(args) == 0
    assert "ເພີ່ມແລ້ວ 2 ລາຍການ" in capsys.readouterr().out
    assert main(args) == 2  # the same letters again: duplicates, nothing added
