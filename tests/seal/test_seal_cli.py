"""The seal log from the command line: its printouts, and verify catching a changed row."""

import subprocess
import sys
from datetime import datetime

from helpers.pdf import page_texts

from oc_desktop.models import SealHandover


def _run(*args: str):
    return subprocess.run(
        [sys.executable, "-m", "oc_desktop", *args], capture_output=True, text=True, timeout=120
    )


def test_print_and_verify_from_the_command_line(db, data_dir, held, tmp_path):
    from oc_desktop.seal.uses import record_use

    record_use(
        db,
        actor=held.clerk,
        seal_id=held.seal_id,
        used_at=datetime(2026, 2, 10, 9, 0),
        applied_by_id=held.clerk.user_id,
        outgoing_id=held.secret_id,
    )
    book = tmp_path / "uses.pdf"
    result = _run(
        "print", "seal-use", "--data-dir", str(data_dir),
        "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(book),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = " ".join(page_texts(book))
    # printed for no one in particular: the secret letter's subject is hidden
    assert "(ລັບ)" in text and "ແຜນການລັບ" not in text
    with db.read() as session:
        handover_id = session.query(SealHandover.id).scalar()
    minutes = tmp_path / "minutes.pdf"
    result = _run(
        "print", "seal-handover", "--id", str(handover_id), "--data-dir", str(data_dir),
        "--out", str(minutes),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    minutes_text = " ".join(page_texts(minutes))
    assert len(page_texts(minutes)) == 1 and "ພະຍານ" in minutes_text
    assert _run(
        "print", "seal-handover", "--data-dir", str(data_dir), "--out", str(minutes)
    ).returncode

    assert _run("verify", "--data-dir", str(data_dir)).returncode == 0
    with db.begin() as session:
        session.get(SealHandover, handover_id).witness = "ຄົນອື່ນ"
    result = _run("verify", "--data-dir", str(data_dir))
    assert result.returncode != 0
    assert "ການມອບ-ຮັບຕາປະທັບ" in result.stderr and str(handover_id) in result.stderr
