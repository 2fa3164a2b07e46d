"""Rebuilding the register's stored keys from its text, when the way keys are made
changes (migration 0010: look-alike spellings folded, fields kept apart in the index).

Reads and writes plain rows through the connection it is given, a batch at a time, so a
migration can call it on any data file that has the register's tables. The text itself
is left as the clerk typed it; only keys derived from it change.
"""

import json
from collections.abc import Callable, Iterator

from sqlalchemy import Connection, text

from oc_desktop.documents.search_index import incoming_texts, outgoing_texts
from oc_desktop.laotext import canonical, identity_key, index_sort_key
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


def _sort_if_changed(value: str | None, stored: bytes, secrecy: int = 0) -> bytes:
    """A sort key made again only where the text was not in canonical spelling."""
    if secrecy > 0 or not value or canonical(value) == value:
        return stored
    return index_sort_key(value)


def _rekey_directory(connection: Connection) -> None:
    rows = connection.execute(text("SELECT id, name, sort FROM correspondent")).all()
    if not rows:
        return
    connection.execute(
        text("UPDATE correspondent SET name_key = :key, sort = :sort WHERE id = :id"),
        [{"id": i, "key": identity_key(n), "sort": _sort_if_changed(n, s)} for i, n, s in rows],
    )
    kinds = connection.execute(text("SELECT id, name, sort FROM document_kind")).all()
    if kinds:
        connection.execute(
            text("UPDATE document_kind SET sort = :sort WHERE id = :id"),
            [{"id": i, "sort": _sort_if_changed(n, s)} for i, n, s in kinds],
        )


def _rekey_register(
    connection: Connection, register: str, sql: str, texts: Callable, party_of: Callable
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
    sorts = text(f"UPDATE {table} SET subject_sort = :subject, party_sort = :party WHERE id = :id")
    done = 0
    for rows in _batches(connection, sql):
        connection.execute(insert, [{"id": row.id, **texts(row)} for row in rows])
        changed = []
        for row in rows:
            subject = _sort_if_changed(row.subject, row.subject_sort, row.secrecy)
            party = _sort_if_changed(party_of(row), row.party_sort, row.secrecy)
            if (subject, party) != (row.subject_sort, row.party_sort):
                changed.append({"id": row.id, "subject": subject, "party": party})
        if changed:
            connection.execute(sorts, changed)
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
        "SELECT d.id, d.seq, d.secrecy, d.doc_number, d.subject, d.notes, d.subject_sort,"
        " d.party_sort, c.name AS sender FROM incoming_document AS d"
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
    )
    _rekey_register(
        connection,
        "outgoing",
        "SELECT d.id, d.number, d.secrecy, d.recipients, d.subject, d.notes, d.subject_sort,"
        " d.party_sort FROM outgoing_document AS d",
        lambda r: outgoing_texts(
            secrecy=r.secrecy,
            number=r.number,
            recipients=_recipients(r),
            subject=r.subject,
            notes=r.notes,
        ),
        lambda r: (_recipients(r) or [""])[0],
    )
