"""Keyset paging and the capped count, on a real register of the program."""

from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import select

from oc_desktop.documents.directory import ensure_kinds, list_kinds
from oc_desktop.documents.incoming import register_incoming
from oc_desktop.documents.query import RegisterQuery, order_of
from oc_desktop.models import IncomingDocument
from oc_desktop.registers.paging import Order, batches, capped_count, page
from oc_desktop.security import CONFIDENTIAL, SYSTEM


def _register(db, count: int) -> None:
    ensure_kinds(db)
    kinds = [kind.id for kind in list_kinds(db)][:3]
    for n in range(count):
        register_incoming(
            db,
            actor=SYSTEM,
            received_at=datetime(2025, 3, 1 + n % 28, 9, 0),
            sender=f"ກົມ {n % 3}",
            doc_number=f"{n}/ກຈ",
            doc_date=date(2025, 1, 1 + n % 28),
            kind_id=None if n % 2 else kinds[n % 3],  # NULLs in a sorted column
            subject=f"ເລື່ອງ {n}",
        )


def test_pages_follow_each_other_with_nothing_twice_and_nothing_left_out(db):
    _register(db, 23)
    orders = [
        order_of(RegisterQuery(sort="kind", descending=False), SYSTEM),
        order_of(RegisterQuery(sort="kind", descending=True), SYSTEM),
        order_of(RegisterQuery(sort="date"), SYSTEM),
        # a reader cleared for some secrets: keys chosen row by row
        order_of(RegisterQuery(sort="subject"), replace(SYSTEM, clearance=CONFIDENTIAL)),
        order_of(RegisterQuery(sort="doc_number"), replace(SYSTEM, clearance=0)),
    ]
    for order in orders:
        seen, after = [], None
        with db.read() as session:
            while True:
                found = page(session, select(IncomingDocument), order, after=after, limit=5)
                seen += [doc.id for doc, _key in found]
                if len(found) < 5:
                    break
                after = found[-1][1]
        assert sorted(seen) == list(range(1, 24))  # nothing twice, nothing left out
    with db.read() as session:
        everything = select(IncomingDocument.id)
        assert capped_count(session, everything) == 23
        assert capped_count(session, everything, cap=10) == 10
        assert capped_count(session, everything.where(IncomingDocument.kind_id.is_(None))) == 11
    chunks = list(batches(db, select(IncomingDocument), Order((IncomingDocument.id,)), size=10))
    assert [len(chunk) for chunk in chunks] == [10, 10, 3]
