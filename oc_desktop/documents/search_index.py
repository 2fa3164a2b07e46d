"""What each register's trigram index holds for a document.

``open_text`` is what anyone may match; ``secret_text`` only readers cleared for the
document's secrecy. A secret document's open text is its number alone, so a fragment
of its subject finds nothing for a reader without clearance.
"""

from sqlalchemy import text
from sqlalchemy.orm import Session

from oc_desktop.laotext import search_key
from oc_desktop.models.documents import SEARCH_TABLES


def index_texts(*, secrecy: int, numbers: list[str], words: list[str]) -> dict[str, str]:
    """The open and secret text of one document, folded for search."""
    numbers_text = " ".join(n for n in numbers if n)
    everything = " ".join([numbers_text, *(w for w in words if w)])
    if secrecy > 0:
        return {"open": search_key(numbers_text), "secret": search_key(everything)}
    return {"open": search_key(everything), "secret": ""}


def insert_statement(register: str):
    table = SEARCH_TABLES[register]
    return text(f"INSERT INTO {table} (rowid, open_text, secret_text) VALUES (:id, :open, :secret)")


def index_document(
    session: Session,
    register: str,
    *,
    doc_id: int,
    secrecy: int,
    numbers: list[str],
    words: list[str],
) -> None:
    """Store the numbers (always open) and the words (open unless the document is secret)."""
    table = SEARCH_TABLES[register]
    session.execute(text(f"DELETE FROM {table} WHERE rowid = :id"), {"id": doc_id})
    texts = index_texts(secrecy=secrecy, numbers=numbers, words=words)
    session.execute(insert_statement(register), {"id": doc_id, **texts})
