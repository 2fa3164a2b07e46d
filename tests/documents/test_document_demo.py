"""The demo register looks like an office's: older papers moved on, a handful overdue."""

import random
from datetime import date, timedelta

from sqlalchemy import func, select

from oc_desktop.documents.demo import fill_documents
from oc_desktop.documents.followup import follow_up
from oc_desktop.models import IncomingDocument
from oc_desktop.security import SYSTEM

TODAY = date(2026, 6, 15)


def test_older_documents_moved_on_and_only_a_handful_are_overdue(db):
    fill_documents(db, random.Random(4), count=400, today=TODAY)
    state = follow_up(db, actor=SYSTEM, today=TODAY, within_days=3)
    assert 5 <= state.overdue <= 15
    assert 1 <= state.due_soon <= 10
    month_ago = TODAY - timedelta(days=30)
    with db.read() as session:
        older = dict(
            session.execute(
                select(IncomingDocument.status, func.count())
                .where(IncomingDocument.void_reason.is_(None))
                .where(IncomingDocument.received_at < month_ago)
                .group_by(IncomingDocument.status)
            ).all()
        )
        routed_open = session.scalar(
            select(func.count()).where(
                IncomingDocument.void_reason.is_(None),
                IncomingDocument.status.in_(("assigned", "in_progress")),
            )
        )
    settled = older.get("answered", 0) + older.get("filed", 0)
    assert settled >= 0.95 * sum(older.values())
    assert older.get("answered", 0) > 100 and older.get("filed", 0) > 100
    # the open ones are those overdue or still within their time, not a backlog
    assert routed_open < 40
