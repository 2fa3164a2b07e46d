"""What each register's trigram index holds for a document.

``open_text`` is what anyone may match; ``secret_text`` only readers cleared for the
document's secrecy. A secret document's open text is its number alone, so a fragment
of its subject finds nothing for a reader without clearance.
"""

from sqlalchemy import text
from sqlalchemy.orm import Session

from oc_desktop.laotext import index_text
from oc_desktop.models.documents import SEARCH_TABLES


def index_texts(*, secrecy: int, numbers: list[str], words: list[str]) -> dict[str, str]:
    """The open and secret text of one document: each field keyed for search, kept
    apart so that a fragment never runs from one field into the next."""
    if secrecy > 0:
        return {"open": index_text(numbers), "secret": index_text([*numbers, *words])}
    return {"open": index_text([*numbers, *words]), "secret": ""}


def incoming_texts(*, secrecy, seq, doc_number, sender, subject, notes) -> dict[str, str]:
    """What an incoming document is found by: its arrival number, its own number, the
    sender, the subject and the notes."""
    return index_texts(
        secrecy=secrecy, numbers=[str(seq)], words=[doc_number, sender, subject, notes]
    )


def outgoing_texts(*, secrecy, number, recipients, subject, notes) -> dict[str, str]:
    """What an outgoing document is found by: its number, recipients, subject, notes."""
    return index_texts(secrecy=secrecy, numbers=[number], words=[*recipients, subject, notes])


def insert_statement(register: str):
    table = SEARCH_TABLES[register]
    return text(f"INSERT INTO {table} (rowid, open_text, secret_text) VALUES (:id, :open, :secret)")


def insert_many(session: Session, register: str, rows: list[dict]) -> None:
    """Many documents' index texts at once (an imported book), by the driver's
    executemany: ``rows`` as ``insert_statement`` takes them."""
    table = SEARCH_TABLES[register]
    session.connection().exec_driver_sql(
        f"INSERT INTO {table} (rowid, open_text, secret_text) VALUES (?, ?, ?)",
        [(row["id"], row["open"], row["secret"]) for row in rows],
    )


def index_document(session: Session, register: str, *, doc_id: int, texts: dict) -> None:
    """Store a document's index texts (from ``incoming_texts`` or ``outgoing_texts``)."""
    table = SEARCH_TABLES[register]
    session.execute(text(f"DELETE FROM {table} WHERE rowid = :id"), {"id": doc_id})
    session.execute(insert_statement(register), {"id": doc_id, **texts})
