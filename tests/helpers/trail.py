"""What someone with the data file and the public code can do to the trail and the data."""

import sqlite3
from contextlib import closing
from pathlib import Path

from oc_desktop.paths import database_path


def sql(data_dir: Path, statement: str, *args) -> None:
    """One statement on the data file, as the sqlite3 tool would run it."""
    with closing(sqlite3.connect(database_path(data_dir))) as connection, connection:
        connection.execute(statement, args)


def rehash(data_dir: Path) -> None:
    """Recompute every hash of the chain after an edit (the hash holds no secret)."""
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from oc_desktop.audit.chain import GENESIS, _digest
    from oc_desktop.models import AuditEntry
    from oc_desktop.models.db import Database

    engine = create_engine(f"sqlite:///{database_path(data_dir)}")
    database = Database(database_path(data_dir), engine)
    previous = GENESIS
    with Session(engine) as session, session.begin():
        for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
            entry.prev_hash = previous
            entry.hash = _digest(entry)
            previous = entry.hash
    database.close()
