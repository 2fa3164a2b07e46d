"""What the seal log's operations share: who may write, custody and status at a moment,
the office's rules (settings with documented defaults in ``oc_desktop.profile``)."""

from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from oc_desktop.i18n import _
from oc_desktop.models import Seal, SealHandover, SealStatusChange, User
from oc_desktop.models.base import utcnow
from oc_desktop.profile import stored_setting
from oc_desktop.registers.numbering import load_rules, next_seq
from oc_desktop.security import Actor
from oc_desktop.validation import Checker

AREA_KEY = "seal"
NAME_MAX, TEXT_MAX, NUMBER_MAX = 200, 2000, 60
#: a clock a few minutes fast on another PC is not "the future"
CLOCK_SLACK = timedelta(minutes=10)


def setting(session: Session, key: str):
    return stored_setting(session, key)


def check_writer(check: Checker, actor: Actor, field: str) -> None:
    if not actor.may_write(AREA_KEY):
        check.fail(field, _("You may not change the seal log."))


def check_moment(
    check: Checker, field: str, value: datetime | date | None, *, required=True, time=False
):
    """A date (with its ``time`` of day when asked), not before 1975, not in the future."""
    value = (
        check.moment(field, value, required=required)
        if time
        else check.day(field, value, required=required)
    )
    if value is None:
        return
    moment = value if isinstance(value, datetime) else datetime.combine(value, datetime.min.time())
    if moment < datetime(1975, 1, 1):
        check.fail(field, _("This date is too far in the past."))
    elif moment > utcnow() + CLOCK_SLACK:
        check.fail(field, _("This date is in the future."))


def the_seal(session: Session, check: Checker, seal_id: int | None, field: str = "seal_id"):
    return check.row(session, Seal, field, seal_id, message=_("Choose a seal."))


def active_person(session: Session, check: Checker, user_id: int | None, field: str):
    message = _("Choose a person who works here.")
    person = check.row(session, User, field, user_id, message=message)
    if person is not None and not person.active:
        check.fail(field, message)
    return person


def last_handover(session: Session, seal_id: int, at: datetime | None = None):
    """The last handover (not void) of a seal, up to ``at`` when given."""
    statement = select(SealHandover).where(
        SealHandover.seal_id == seal_id, SealHandover.void_reason.is_(None)
    )
    if at is not None:
        statement = statement.where(SealHandover.left_at <= at)
    order = (SealHandover.left_at.desc(), SealHandover.id.desc())
    return session.scalar(statement.order_by(*order).limit(1))


def holder_at(session: Session, seal_id: int, at: datetime) -> int | None:
    """Who held the seal at ``at``: whoever the last handover before it went to."""
    handover = last_handover(session, seal_id, at)
    return handover.to_id if handover is not None else None


def status_at(session: Session, seal_id: int, day: date) -> str | None:
    """The seal's status on ``day``: the last change made on or before it."""
    return session.scalar(
        select(SealStatusChange.status)
        .where(SealStatusChange.seal_id == seal_id, SealStatusChange.since <= day)
        .order_by(SealStatusChange.since.desc(), SealStatusChange.id.desc())
        .limit(1)
    )


def number(session: Session, model, day: date) -> tuple[int, str, int]:
    """(period, series, seq): the next number of the log, in the period of ``day``."""
    period = load_rules(session).period_of(day)
    return period, "", next_seq(session, model, period=period, series="")


def person_name(session: Session, user_id: int | None) -> str:
    person = session.get(User, user_id) if user_id is not None else None
    return person.full_name if person is not None else ""
