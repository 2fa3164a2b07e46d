"""The chain's head kept outside the data file: a trail cut short, emptied or rewritten
with fresh hashes passes the chain check but not `verify`, which says why in Lao."""

import os
import sqlite3
import stat
import sys

import pytest
from helpers.trail import rehash

from oc_desktop import cli
from oc_desktop.audit import verify_chain
from oc_desktop.audit.anchors import anchor_path, head, read_anchor
from oc_desktop.paths import database_path
from oc_desktop.security import SYSTEM


@pytest.fixture
def trail(db, make_user):
    for name in ("one", "two", "three"):
        make_user(name, ["reader"])
    return db


def _verify(capsys, data_dir, *anchors):
    extra = [arg for anchor in anchors for arg in ("--anchor", anchor)]
    code = cli.main(["verify", "--data-dir", str(data_dir), "--lang", "lo", *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _sql(data_dir, statement, *args):
    with sqlite3.connect(database_path(data_dir)) as connection:
        connection.execute(statement, args)


def test_each_commit_that_adds_audit_rows_moves_the_anchor(trail, data_dir):
    kept = read_anchor(database_path(data_dir))
    newest = head(trail)
    assert (kept.id, kept.hash) == (newest.id, newest.hash)
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(anchor_path(database_path(data_dir))).st_mode) == 0o600


def test_an_intact_trail_passes_and_prints_its_anchor(trail, data_dir, capsys):
    code, said = _verify(capsys, data_dir)
    assert code == 0
    assert head(trail).short in said


def test_deleting_the_last_rows_is_noticed(trail, data_dir, capsys):
    last = head(trail).id
    _sql(data_dir, "DELETE FROM audit_entry WHERE id > ?", last - 2)
    assert verify_chain(trail) is None  # the chain alone does not see it
    code, said = _verify(capsys, data_dir)
    assert code != 0
    assert "ຖືກຕັດ" in said and str(last) in said


def test_deleting_every_row_is_noticed(trail, data_dir, capsys):
    _sql(data_dir, "DELETE FROM audit_entry")
    code, said = _verify(capsys, data_dir)
    assert code != 0 and "ຖືກຕັດ" in said


def test_rewriting_a_row_and_recomputing_every_hash_is_noticed(trail, data_dir, capsys):
    printed = head(trail).short  # as the closing block of a printout carries it
    _sql(data_dir, "UPDATE audit_entry SET username = 'someone' WHERE id = 2")
    rehash(data_dir)
    assert verify_chain(trail) is None
    os.remove(anchor_path(database_path(data_dir)))  # even with the file beside it gone
    code, said = _verify(capsys, data_dir, printed)
    assert code != 0
    assert "ຂຽນຄືນ" in said and printed in said


def test_a_damaged_anchor_file_is_reported(trail, data_dir, capsys):
    anchor_path(database_path(data_dir)).write_text("garbage", encoding="utf-8")
    code, said = _verify(capsys, data_dir)
    assert code != 0 and "ເສຍຫາຍ" in said


def test_a_mistyped_anchor_is_refused_in_words(trail, data_dir, capsys):
    code, said = _verify(capsys, data_dir, "twelve")
    assert code != 0 and "twelve" in said


def test_a_rolled_back_write_leaves_the_anchor(trail, data_dir):
    from oc_desktop import audit

    before = read_anchor(database_path(data_dir))
    with pytest.raises(RuntimeError), trail.begin() as session:
        audit.record(
            session, actor=SYSTEM, action="change", entity="x", entity_id=1, area="settings"
        )
        raise RuntimeError
    assert read_anchor(database_path(data_dir)) == before
