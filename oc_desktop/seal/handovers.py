"""Custody: every handover of a seal (ການມອບ-ຮັບ) and its return, on written authorisation.

The holder is whoever the last handover went to; a handover starts from the holder, never
goes back in time before the last one (custody periods never overlap), and is never
edited: a wrong one is voided and replaced in one step (``correct_handover``).
"""

from datetime import date, datetime

from sqlalchemy import select

from oc_desktop import audit
from oc_desktop.i18n import _
from oc_desktop.models import Seal, SealHandover, User
from oc_desktop.models.base import utcnow
from oc_desktop.models.db import Database
from oc_desktop.models.seal import IN_USE
from oc_desktop.registers.entries import REASON_MAX, stamp
from oc_desktop.seal.chain import HASHED, append
from oc_desktop.seal.common import (
    AREA_KEY,
    NAME_MAX,
    NUMBER_MAX,
    TEXT_MAX,
    active_person,
    check_moment,
    check_writer,
    last_handover,
    number,
    the_seal,
)
from oc_desktop.security import Actor
from oc_desktop.validation import Checker

ENTITY = "seal_handover"


def _snapshot(entry: SealHandover) -> dict:
    return {name: getattr(entry, name) for name in HASHED[SealHandover] if name != "id"}


def _record(
    session,
    check: Checker,
    *,
    actor: Actor,
    seal_id: int,
    from_id: int | None,
    to_id: int,
    witness: str,
    left_at: datetime,
    due_back: date | None,
    authorised_by: str,
    authorisation_number: str,
    authorisation_date: date | None,
    reason: str,
    leaves_premises: bool,
    condition: str,
    returns_id: int | None = None,
    corrects_id: int | None = None,
) -> SealHandover:
    """Check the custody rules against the log as it stands, then write and chain."""
    witness = check.text("witness", witness, max_length=NAME_MAX, one_line=True)
    authorised_by = check.text("authorised_by", authorised_by, max_length=NAME_MAX, one_line=True)
    authorisation_number = check.text(
        "authorisation_number", authorisation_number, max_length=NUMBER_MAX, one_line=True
    )
    check_moment(check, "authorisation_date", authorisation_date)
    # A return's reason is the handover it ends (shown from ``returns_id``, in the
    # reader's language); every other handover says why.
    reason = check.text("reason", reason, max_length=TEXT_MAX, required=returns_id is None)
    condition = check.text("condition", condition, max_length=300, required=False, one_line=True)
    check_moment(check, "left_at", left_at, time=True)
    check_moment(check, "due_back", due_back, required=False)
    if from_id is not None:
        check.row(session, User, "from_id", from_id, message=_("Choose a person who works here."))
    check_writer(check, actor, "to_id")
    seal = the_seal(session, check, seal_id)
    active_person(session, check, to_id, "to_id")
    check.done()
    if seal.status != IN_USE:
        check.fail("seal_id", _("This seal is not in use; it cannot be handed over."))
    if from_id != seal.holder_id:
        check.fail("from_id", _("Only the person who holds the seal now can hand it over."))
    if to_id == seal.holder_id:
        check.fail("to_id", _("This person holds the seal already."))
    check.done()  # the days are checked before they are compared
    if authorisation_date and left_at and authorisation_date > left_at.date():
        check.fail("authorisation_date", _("The permission is dated after the handover."))
    if due_back is not None and left_at and due_back < left_at.date():
        check.fail("due_back", _("The seal cannot be due back before it leaves."))
    previous = last_handover(session, seal_id)
    if previous is not None and left_at and left_at < previous.left_at:
        check.fail(
            "left_at",
            _("The seal was handed over later already ({when}); custody cannot overlap.").format(
                when=previous.left_at.strftime("%d.%m.%Y %H:%M")
            ),
        )
    check.done()
    period, series, seq = number(session, SealHandover, left_at.date())
    entry = SealHandover(
        period=period,
        series=series,
        seq=seq,
        seal_id=seal_id,
        from_id=from_id,
        to_id=to_id,
        witness=witness,
        left_at=left_at,
        due_back=due_back,
        returns_id=returns_id,
        authorised_by=authorised_by,
        authorisation_number=authorisation_number,
        authorisation_date=authorisation_date,
        reason=reason,
        leaves_premises=bool(leaves_premises),
        condition=condition,
        corrects_id=corrects_id,
    )
    append(session, actor, entry, entity=ENTITY, snapshot=_snapshot)
    seal.holder_id = to_id
    return entry


def record_handover(db: Database, *, actor: Actor, seal_id: int, **fields) -> int:
    """Hand a seal from its holder (``from_id``; None for its first keeper) to ``to_id``.

    Fields: from_id, to_id, witness, left_at, due_back, authorised_by,
    authorisation_number, authorisation_date, reason, leaves_premises, condition."""
    check = Checker()
    with db.begin() as session:
        return _record(session, check, actor=actor, seal_id=seal_id, **fields).id


def return_seal(
    db: Database,
    *,
    actor: Actor,
    handover_id: int,
    returned_at: datetime,
    witness: str,
    condition: str = "",
) -> int:
    """The seal comes back to whoever handed it over: a handover of its own that names
    the one it ends, on the same authorisation."""
    check = Checker()
    check_moment(check, "returned_at", returned_at, time=True)
    check.done()
    with db.begin() as session:
        message = _("Choose a handover that is not void.")
        out = check.row(session, SealHandover, "returned_at", handover_id, message=message)
        if out is None or out.void_reason is not None:
            check.fail("returned_at", _("Choose a handover that is not void."))
            check.done()
        if out.from_id is None:
            check.fail("returned_at", _("The seal's first keeper has no one to return it to."))
        elif session.scalar(
            select(SealHandover.id).where(
                SealHandover.returns_id == out.id, SealHandover.void_reason.is_(None)
            )
        ):
            check.fail("returned_at", _("This seal came back already."))
        elif returned_at is not None and returned_at <= out.left_at:
            check.fail("returned_at", _("The seal cannot come back before it left."))
        if session.get(Seal, out.seal_id).holder_id != out.to_id:
            check.fail("returned_at", _("The seal has been handed on since."))
        check.done()
        entry = _record(
            session,
            check,
            actor=actor,
            seal_id=out.seal_id,
            from_id=out.to_id,
            to_id=out.from_id,
            witness=witness,
            left_at=returned_at,
            due_back=None,
            authorised_by=out.authorised_by,
            authorisation_number=out.authorisation_number,
            authorisation_date=out.authorisation_date,
            reason="",
            leaves_premises=False,
            condition=condition,
            returns_id=out.id,
        )
        return entry.id


def correct_handover(
    db: Database, *, actor: Actor, handover_id: int, void_reason: str, **fields
) -> int | None:
    """Void the seal's last handover (with why) and, when ``fields`` are given, record the
    right one in its place pointing to it; both stay in the log. Nothing is half-done."""
    check = Checker()
    reason = check.text("void_reason", void_reason, max_length=REASON_MAX)
    check_writer(check, actor, "void_reason")
    check.done()
    with db.begin() as session:
        message = _("This entry is void already.")
        wrong = check.row(session, SealHandover, "void_reason", handover_id, message=message)
        if wrong is None or wrong.void_reason is not None:
            check.fail("void_reason", _("This entry is void already."))
            check.done()
        latest = last_handover(session, wrong.seal_id)
        if latest.id != wrong.id:
            check.fail("void_reason", _("Only the seal's last handover can be corrected."))
        check.done()
        wrong.void_reason, wrong.voided_at, wrong.voided_by = reason, utcnow(), actor.user_id
        stamp(wrong, actor, created=False)
        seal = session.get(Seal, wrong.seal_id)
        seal.holder_id = wrong.from_id
        audit.record(
            session,
            actor=actor,
            action="void",
            entity=ENTITY,
            entity_id=wrong.id,
            area=AREA_KEY,
            new={"void_reason": reason},
        )
        session.flush()
        if not fields:
            return None
        fields.setdefault("from_id", wrong.from_id)
        fields.setdefault("returns_id", wrong.returns_id)
        entry = _record(
            session, check, actor=actor, seal_id=wrong.seal_id, corrects_id=wrong.id, **fields
        )
        return entry.id
