"""After a restore of older data, numbering goes on after the highest number ever given.

The safety copy (the data as it was before the restore) knows numbers that letters already
carry on paper; the restored register does not. Each series' highest number is kept in
``issued_number``, which ``next_seq`` consults, so no number is given twice.
"""

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import select

from oc_desktop.models import Base, IssuedNumber
from oc_desktop.models.db import Database
from oc_desktop.models.registers import RegisterEntry

Key = tuple[str, int, str]


def numbered_tables() -> list[str]:
    return sorted(
        mapper.class_.__tablename__
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, RegisterEntry)
    )


def highest_numbers(connection: sqlite3.Connection) -> dict[Key, int]:
    """(table, period, series) → the highest number given, the kept ones included."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    found: dict[Key, int] = {}
    for table in numbered_tables():
        if table in tables:
            for period, series, seq in connection.execute(
                f'SELECT period, series, max(seq) FROM "{table}" GROUP BY period, series'
            ):
                found[(table, int(period), str(series))] = int(seq)
    if "issued_number" in tables:
        for table, period, series, highest in connection.execute(
            "SELECT table_name, period, series, highest FROM issued_number"
        ):
            key = (table, int(period), str(series))
            found[key] = max(found.get(key, 0), int(highest))
    return found


def keep_issued_numbers(db: Database, safety_copy: Path | None) -> dict[str, int]:
    """Carry into the restored data each number the safety copy gave beyond it; returns
    what was kept ("table period series" → highest), for the restore's audit row."""
    if safety_copy is None or not Path(safety_copy).is_file():
        return {}
    try:
        uri = f"file:{safety_copy}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            before = highest_numbers(connection)
        with closing(sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)) as connection:
            now = highest_numbers(connection)
    except sqlite3.Error:
        return {}  # a damaged file kept aside: nothing can be read from it
    kept = {key: value for key, value in before.items() if value > now.get(key, 0)}
    if not kept:
        return {}
    with db.begin() as session:
        for (table, period, series), highest in kept.items():
            row = session.scalar(
                select(IssuedNumber).where(
                    IssuedNumber.table_name == table,
                    IssuedNumber.period == period,
                    IssuedNumber.series == series,
                )
            )
            if row is None:
                session.add(
                    IssuedNumber(table_name=table, period=period, series=series, highest=highest)
                )
            else:
                row.highest = max(row.highest, highest)
    return {" ".join(map(str, key)): value for key, value in kept.items()}
