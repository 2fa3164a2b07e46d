"""Migration 0010 at scale: every stored key of the register made again from its text.

    .venv/bin/python bench/rekey.py --documents 100000

Copies the data file of ``bench/register.py`` (built there if missing) and times
``documents.rekey.rekey`` on it in one transaction: reading every entry, keying its
fields, rewriting the trigram index and the directory's identity keys. The baseline,
in the same run, is SQLite alone building the same trigram index from text already
keyed (``INSERT INTO … SELECT`` into a fresh FTS5 table): the floor any rebuild pays.
The last line is one JSON object.
"""

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from oc_desktop.documents.rekey import rekey
from oc_desktop.models.db import make_engine
from oc_desktop.paths import database_path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=100_000)
    args = parser.parse_args()
    folder = HERE / "data" / f"register-{args.documents}"
    if not (folder / "built").exists():
        sys.path.insert(0, str(HERE))
        from register import build

        build(folder, args.documents).close()
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "copy.sqlite3"
        shutil.copy(database_path(folder), copy)
        engine = make_engine(copy)
        started = time.perf_counter()
        with engine.begin() as connection:
            rekey(connection)
        ours = time.perf_counter() - started
        with engine.begin() as connection:
            connection.execute(
                text(
                    "CREATE VIRTUAL TABLE floor"
                    " USING fts5(open_text, secret_text, tokenize='trigram')"
                )
            )
            started = time.perf_counter()
            connection.execute(
                text(
                    "INSERT INTO floor (rowid, open_text, secret_text)"
                    " SELECT rowid, open_text, secret_text FROM incoming_search"
                )
            )
            floor = time.perf_counter() - started
        engine.dispose()
    figures = {
        "documents": args.documents,
        "rekey_s": round(ours, 2),
        "index_only_s": round(floor, 2),
        "ratio": round(ours / floor, 2),
        "per_document_us": round(ours / args.documents * 1e6, 1),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
