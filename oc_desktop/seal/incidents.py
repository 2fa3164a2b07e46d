"""What happens to a seal: loss (reported, with minutes), wear, replacement, destruction.
Each incident is chained like the other logs and moves the seal to its status."""

from datetime import date

from sqlalchemy import select

from oc_desktop.i18n import _
from oc_desktop.models import Seal, SealIncident
from oc_desktop.models.db import Database
from oc_desktop.models.seal import (
    DESTROYED,
    DESTRUCTION,
    INCIDENT_KINDS,
    LOSS,
    LOST,
    REPLACEMENT,
    WEAR,
    WITHDRAWN,
    WORN,
)
from oc_desktop.seal.chain import HASHED, append
from oc_desktop.seal.common import AREA_KEY, TEXT_MAX, check_moment, check_writer, number, the_seal
from oc_desktop.seal.seals import _status_change
from oc_desktop.security import Actor
from oc_desktop.validation import Checker

ENTITY = "seal_incident"
#: the status an incident leaves the seal in
STATUS_AFTER = {LOSS: LOST, WEAR: WORN, REPLACEMENT: WITHDRAWN, DESTRUCTION: DESTROYED}


def record_incident(
    db: Database,
    *,
    actor: Actor,
    seal_id: int,
    kind: str,
    happened_on: date,
    description: str,
    report: str = "",
    replacement_id: int | None = None,
    decision_number: str = "",
    decision_date: date | None = None,
) -> int:
    check = Checker()
    check.choice("kind", kind, INCIDENT_KINDS, message=_("Choose what happened."))
    check_moment(check, "happened_on", happened_on)
    description = check.text("description", description, max_length=TEXT_MAX)
    report = check.text("report", report, max_length=TEXT_MAX, required=False)
    if kind == LOSS and not report:
        check.fail("report", _("A lost seal is reported (to the police): name the report."))
    decision_number = check.text(
        "decision_number", decision_number, max_length=60, required=False, one_line=True
    )
    check_moment(check, "decision_date", decision_date, required=False)
    check_writer(check, actor, "kind")
    check.done()
    with db.begin() as session:
        seal = the_seal(session, check, seal_id)
        check.done()
        if kind == REPLACEMENT:
            message = _("Choose the seal that replaces this one.")
            new = check.row(session, Seal, "replacement_id", replacement_id, message=message)
            if new is not None and new.id == seal_id:
                check.fail("replacement_id", message)
        elif replacement_id is not None:
            check.fail("replacement_id", _("Only a replacement names a new seal."))
        if seal.status == STATUS_AFTER.get(kind):
            check.fail("kind", _("The seal has this status already."))
        latest = session.scalar(
            select(SealIncident.happened_on)
            .where(SealIncident.seal_id == seal_id, SealIncident.void_reason.is_(None))
            .order_by(SealIncident.happened_on.desc())
            .limit(1)
        )
        if latest is not None and happened_on < latest:
            check.fail("happened_on", _("A status cannot start before the seal's last change."))
        check.done()
        period, series, seq = number(session, SealIncident, happened_on)
        entry = SealIncident(
            period=period,
            series=series,
            seq=seq,
            seal_id=seal_id,
            kind=kind,
            happened_on=happened_on,
            description=description,
            report=report,
            replacement_id=replacement_id,
        )
        append(session, actor, entry, entity=ENTITY, snapshot=_snapshot)
        _status_change(
            session,
            actor,
            seal,
            status=STATUS_AFTER[kind],
            since=happened_on,
            decision_number=decision_number,
            decision_date=decision_date,
            note=description,
        )
        return entry.id


def incidents_of(db: Database, *, actor: Actor, seal_id: int) -> list[SealIncident]:
    """A seal's incidents, oldest first (detached rows; a seal has a handful)."""
    from oc_desktop.security import require_read

    require_read(actor, AREA_KEY)
    with db.read() as session:
        rows = list(
            session.scalars(
                select(SealIncident)
                .where(SealIncident.seal_id == seal_id)
                .order_by(SealIncident.happened_on, SealIncident.id)
            )
        )
        session.expunge_all()
        return rows


def _snapshot(entry: SealIncident) -> dict:
    return {n: getattr(entry, n) for n in HASHED[SealIncident] if n != "id"}
