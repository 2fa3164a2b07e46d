"""Follow-up: incoming documents past their deadline or due within a few days."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from oc_desktop.documents.query import OPEN_STATUSES
from oc_desktop.models import Correspondent, IncomingDocument
from oc_desktop.models.db import Database
from oc_desktop.security import Actor


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    number: str
    due_date: date
    days_left: int
    sender: str | None
    subject: str | None
    status: str


@dataclass(frozen=True)
class FollowUp:
    overdue: int
    due_soon: int
    rows: list[FollowUpRow]


def follow_up(db: Database, *, actor: Actor, today: date, within_days: int, limit=500) -> FollowUp:
    """Counts of overdue and soon-due documents, and the first ``limit`` by deadline."""
    horizon = today + timedelta(days=max(0, within_days))
    base = (
        IncomingDocument.void_reason.is_(None),
        IncomingDocument.status.in_(OPEN_STATUSES),
        IncomingDocument.due_date.is_not(None),
    )
    with db.read() as session:
        overdue = session.scalar(
            select(func.count()).where(*base, IncomingDocument.due_date < today)
        )
        due_soon = session.scalar(
            select(func.count()).where(
                *base, IncomingDocument.due_date >= today, IncomingDocument.due_date <= horizon
            )
        )
        listed = session.execute(
            select(IncomingDocument, Correspondent.name)
            .join(Correspondent, Correspondent.id == IncomingDocument.sender_id)
            .where(*base, IncomingDocument.due_date <= horizon)
            .order_by(IncomingDocument.due_date, IncomingDocument.id)
            .limit(limit)
        )
        rows = []
        for doc, sender in listed:
            visible = actor.sees_secret(doc.secrecy)
            rows.append(
                FollowUpRow(
                    id=doc.id,
                    number=str(doc.seq),
                    due_date=doc.due_date,
                    days_left=(doc.due_date - today).days,
                    sender=sender if visible else None,
                    subject=doc.subject if visible else None,
                    status=doc.status,
                )
            )
    return FollowUp(overdue=overdue, due_soon=due_soon, rows=rows)
