"""Many rows into one table at once, for an import of a hundred thousand entries: the
driver's executemany with each value converted by its column type's own bind processor
(exactly as SQLAlchemy stores it), without SQLAlchemy's per-row parameter work."""

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def insert_rows(session: Session, table: Table, rows: list[dict]) -> None:
    """``rows`` (each with the same keys) into ``table``, in the session's transaction.
    A column left out takes its scalar default; one whose default is computed (a
    function) makes this an ordinary Core insert, which computes it."""
    if not rows:
        return
    names = list(rows[0])
    defaults = {}
    for column in table.c:
        if column.name in names or column.default is None:
            continue
        if not column.default.is_scalar:
            session.execute(insert(table), rows)
            return
        defaults[column.name] = column.default.arg
    connection = session.connection()
    dialect = connection.dialect
    columns = [*names, *defaults]
    processors = [table.c[name].type._cached_bind_processor(dialect) for name in columns]
    quote = dialect.identifier_preparer.quote
    statement = "INSERT INTO {table} ({columns}) VALUES ({marks})".format(
        table=quote(table.name),
        columns=", ".join(quote(name) for name in columns),
        marks=", ".join("?" * len(columns)),
    )
    fixed = tuple(defaults.values())
    converted = [(n, p) for n, p in enumerate(processors) if p is not None]

    def values(row: dict) -> tuple:
        line = [row[name] for name in names]
        line.extend(fixed)
        for n, process in converted:
            line[n] = process(line[n])
        return tuple(line)

    connection.exec_driver_sql(statement, [values(row) for row in rows])
