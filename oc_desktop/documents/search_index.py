"""What each register's trigram index holds for a document.

``open_text`` is what anyone may match; ``secret_text`` only readers cleared for the
document's secrecy. A secret document's open text is its number alone, so a fragment
of its subject finds nothing for a reader without clearance.
"""

from sqlalchemy import text
from sqlalchemy.orm import Session

from oc_desktop.laotext import search_key
from oc_desktop.models.documents import SEARCH_TABLES


def _write(session: Session, register: str, doc_id: int, public: str, private: str) -> None:
    table = SEARCH_TABLES[register]
    session.execute(text(f"DELETE FROM {table} WHERE rowid = :id"), {"id": doc_id})
    session.execute(
        text(f"INSERT INTO {table} (rowid, open_text, secret_text) VALUES (:id, :o, :s)"),
        {"id": doc_id, "o": search_key(public), "s": search_key(private)},
    )


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
    numbers_text = " ".join(n for n in numbers if n)
    words_text = " ".join(w for w in words if w)
    if secrecy > 0:
        _write(session, register, doc_id, numbers_text, f"{numbers_text} {words_text}")
    else:
        _write(session, register, doc_id, f"{numbers_text} {words_text}", "")
