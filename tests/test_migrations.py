"""Data files of every released schema open at the current one with nothing lost."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from oc_desktop.models import Base
from oc_desktop.models.documents import SEARCH_TABLES, is_search_table
from oc_desktop.models.migrate import (
    NewerDatabaseError,
    head_revision,
    include_name,
    open_database,
)
from oc_desktop.paths import database_path

#: keys derived from the clerks' text, made again on upgrade when the way keys are made
#: changes (0010, 0011): checked against what laotext makes from the text now
DERIVED = {
    "correspondent": {"sort", "name_key"},
    "document_kind": {"sort"},
    "incoming_document": {"subject_sort", "party_sort"},
    "outgoing_document": {"subject_sort", "party_sort"},
    "person": {"name_sort", "search"},
    "ethnic_group": {"sort"},
}
FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("schema_*.sqlite3"))


def _rows(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                " AND name != 'alembic_version'"
            )
        ]
        return {
            table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.stem for f in FIXTURES])
def test_old_schema_upgrades_with_nothing_lost(fixture, tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    target = database_path(data_dir)
    shutil.copy(fixture, target)
    before = _rows(target)
    assert any(before.values()), "a fixture must hold rows to prove anything"

    db = open_database(data_dir)
    db.close()

    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for table in before:
        if is_search_table(table):
            continue  # derived from the rows, made again when keys change (below)
        old_columns = [c for c in _columns(fixture, table) if c not in DERIVED.get(table, ())]
        read = f'SELECT {", ".join(old_columns)} FROM "{table}"'
        with sqlite3.connect(target) as connection:
            kept = connection.execute(read).fetchall()
        with sqlite3.connect(fixture) as connection:
            rows = connection.execute(read).fetchall()
        assert sorted(kept, key=repr) == sorted(rows, key=repr), table
    for table in SEARCH_TABLES.values():
        if table in before:  # every document still has its row in the search index
            with sqlite3.connect(target) as connection:
                indexed = connection.execute(f"SELECT rowid FROM {table} ORDER BY rowid").fetchall()
                kept = connection.execute(
                    f"SELECT id FROM {table.replace('_search', '_document')} ORDER BY id"
                ).fetchall()
            assert indexed == kept, table
    _keys_are_made_from_the_text_now(target)
    copies = list(data_dir.glob("oc-desktop.before-*.sqlite3"))
    if fixture.stem != f"schema_{head_revision()}":
        assert len(copies) == 1, "the old file is copied aside before an upgrade"
        assert _rows(copies[0]) == before


def _keys_are_made_from_the_text_now(path: Path) -> None:
    from oc_desktop.laotext import identity_key, index_sort_key

    with sqlite3.connect(path) as connection:
        tables = {n for (n,) in connection.execute("SELECT name FROM sqlite_master")}
        if "correspondent" in tables:
            for name, sort, key in connection.execute(
                "SELECT name, sort, name_key FROM correspondent"
            ):
                assert (sort, key) == (index_sort_key(name), identity_key(name))
        if "incoming_document" in tables:
            rows = connection.execute(
                "SELECT d.subject, c.name, d.doc_number, d.secrecy, d.subject_sort,"
                " d.party_sort, d.subject_sort_all, d.party_sort_all, d.doc_number_sort"
                " FROM incoming_document AS d JOIN correspondent AS c ON c.id = d.sender_id"
            ).fetchall()
            for subject, party, number, secrecy, *keys in rows:
                real = [index_sort_key(subject), index_sort_key(party)]
                shown = [b"", b""] if secrecy else real
                assert keys == [*shown, *real, index_sort_key(number)]


def test_a_file_from_a_newer_version_is_refused_untouched(data_dir):
    open_database(data_dir).close()
    path = database_path(data_dir)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(NewerDatabaseError):
        open_database(data_dir)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert not list(data_dir.glob("*.before-*"))


def test_models_and_migrations_describe_the_same_schema(db):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_database_runs_with_wal_foreign_keys_and_a_busy_timeout(db):
    with db.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000


def test_revision_ids_are_their_file_names_in_one_line():
    from alembic.script import ScriptDirectory

    from oc_desktop.models.migrate import MIGRATIONS_DIR, known_revisions

    scripts = ScriptDirectory(str(MIGRATIONS_DIR))
    assert scripts.get_heads() == [head_revision()]
    chain = [s.revision for s in scripts.walk_revisions()]  # head first
    assert set(chain) == known_revisions()
    assert chain == sorted(chain, reverse=True)
    for script in scripts.walk_revisions():
        assert script.revision == Path(script.path).stem
