"""Rebuilding the register's stored keys from its text, when the way keys are made
changes (migration 0010: look-alike spellings folded, fields kept apart in the index;
0011: Lao order as CLDR has it, the real keys of secret entries kept apart).

Reads and writes plain rows through the connection it is given, a batch at a time, so a
migration can call it on any data file that has the register's tables. The text itself
is left as the clerk typed it; only keys derived from it change.
"""

import json
from collections.abc import Callable, Iterator

from sqlalchemy import Connection, inspect, text

from oc_desktop.documents.common import sort_columns
from oc_desktop.documents.search_index import incoming_texts, outgoing_texts
from oc_desktop.laotext import identity_key, index_sort_key
from oc_desktop.models.documents import SEARCH_TABLES

BATCH = 5_000


def _batches(connection: Connection, sql: str) -> Iterator[list]:
    """Rows of ``sql`` (which selects ``id`` first) in id order, a batch at a time."""
    last = 0
    while True:
        rows = connection.execute(
            text(f"{sql} WHERE d.id > :last ORDER BY d.id LIMIT {BATCH}"), {"last": last}
        ).all()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _rekey_directory(connection: Connection) -> None:
    rows = connection.execute(text("SELECT id, name, sort FROM correspondent")).all()
    if not rows:
        return
    connection.execute(
        text("UPDATE correspondent SET name_key = :key, sort = :sort WHERE id = :id"),
        [{"id": i, "key": identity_key(n), "sort": index_sort_key(n)} for i, n, _s in rows],
    )
    kinds = connection.execute(text("SELECT id, name FROM document_kind")).all()
    if kinds:
        connection.execute(
            text("UPDATE document_kind SET sort = :sort WHERE id = :id"),
            [{"id": i, "sort": index_sort_key(n)} for i, n in kinds],
        )


def _rekey_register(
    connection: Connection,
    register: str,
    sql: str,
    texts: Callable,
    party_of: Callable,
    number_of: Callable,
) -> int:
    fts = SEARCH_TABLES[register]
    table = f"{register}_document"
    # made anew as it was declared: quicker than deleting every row of a trigram index
    declared = connection.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :name"),
        {"name": fts},
    ).scalar_one()
    connection.execute(text(f"DROP TABLE {fts}"))
    connection.execute(text(declared))
    insert = text(f"INSERT INTO {fts} (rowid, open_text, secret_text) VALUES (:id, :open, :secret)")
    # the columns this file's schema has (0010 runs before 0011 adds the real keys)
    present = {column["name"] for column in inspect(connection).get_columns(table)}
    done = 0
    for rows in _batches(connection, sql):
        connection.execute(insert, [{"id": row.id, **texts(row)} for row in rows])
        keys = [
            {
                name: value
                for name, value in sort_columns(
                    subject=row.subject or "",
                    party=party_of(row) or "",
                    secrecy=row.secrecy,
                    doc_number=number_of(row),
                ).items()
                if name in present
            }
            for row in rows
        ]
        names = list(keys[0])
        sorts = text(f"UPDATE {table} SET {', '.join(f'{n} = :{n}' for n in names)} WHERE id = :id")
        connection.execute(sorts, [{"id": row.id, **k} for row, k in zip(rows, keys, strict=True)])
        done += len(rows)
    return done


def _recipients(row) -> list[str]:
    value = row.recipients
    return json.loads(value) if isinstance(value, str) else list(value or [])


def rekey(connection: Connection) -> None:
    """Every stored key of the register made again from the text it keys."""
    _rekey_directory(connection)
    _rekey_register(
        connection,
        "incoming",
        "SELECT d.id, d.seq, d.secrecy, d.doc_number, d.subject, d.notes,"
        " c.name AS sender FROM incoming_document AS d"
        " JOIN correspondent AS c ON c.id = d.sender_id",
        lambda r: incoming_texts(
            secrecy=r.secrecy,
            seq=r.seq,
            doc_number=r.doc_number,
            sender=r.sender,
            subject=r.subject,
            notes=r.notes,
        ),
        lambda r: r.sender,
        lambda r: r.doc_number or "",
    )
    _rekey_register(
        connection,
        "outgoing",
        "SELECT d.id, d.number, d.secrecy, d.recipients, d.subject, d.notes"
        " FROM outgoing_document AS d",
        lambda r: outgoing_texts(
            secrecy=r.secrecy,
            number=r.number,
            recipients=_recipients(r),
            subject=r.subject,
            notes=r.notes,
        ),
        lambda r: (_recipients(r) or [""])[0],
        lambda r: None,
    )
