"""The command line, run as a clerk's script would run it: a real process."""

import subprocess
import sys

from sqlalchemy import func, select

from oc_desktop.models import IncomingDocument
from oc_desktop.models.migrate import open_database
from oc_desktop.profile import load_profile


def _run(*args: str):
    return subprocess.run(
        [sys.executable, "-m", "oc_desktop", *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_the_subcommands():
    result = _run("--help")
    assert result.returncode == 0
    assert "demo" in result.stdout


def test_a_failing_subcommand_exits_non_zero_with_a_lao_message(tmp_path):
    result = _run("demo")
    assert result.returncode != 0
    assert "ກະລຸນາລະບຸໂຟນເດີຂໍ້ມູນດ້ວຍ --data-dir." in result.stderr


def test_english_messages_on_request(tmp_path):
    result = _run("demo", "--lang", "en")
    assert result.returncode != 0
    assert "Name the data folder with --data-dir." in result.stderr


def test_demo_is_the_same_for_the_same_seed(tmp_path):
    profiles = []
    for name in ("a", "b", "c"):
        seed = "7" if name != "c" else "8"
        result = _run(
            "demo", "--data-dir", str(tmp_path / name), "--seed", seed, "--documents", "50"
        )
        assert result.returncode == 0, result.stderr
        db = open_database(tmp_path / name)
        profiles.append(load_profile(db))
        db.close()
    assert profiles[0] == profiles[1]
    assert profiles[0].name and profiles[0].signers
    assert profiles[0].name != profiles[2].name or profiles[0].signers != profiles[2].signers


def test_demo_refuses_to_overwrite_without_force(tmp_path):
    assert _run("demo", "--data-dir", str(tmp_path), "--documents", "10").returncode == 0
    again = _run("demo", "--data-dir", str(tmp_path), "--documents", "10")
    assert again.returncode != 0
    assert "--force" in again.stderr
    assert _run("demo", "--data-dir", str(tmp_path), "--documents", "10", "--force").returncode == 0


def test_a_demo_without_documents_holds_the_office_and_no_letters(tmp_path):
    result = _run("demo", "--data-dir", str(tmp_path), "--documents", "0")
    assert result.returncode == 0, result.stderr
    db = open_database(tmp_path)
    try:
        assert load_profile(db).name
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(IncomingDocument)) == 0
    finally:
        db.close()
