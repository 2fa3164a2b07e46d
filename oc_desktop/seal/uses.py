"""Every use of a seal: which document, what kind of impression, how many, and who asked,
approved and applied it. Refused with the reason when the seal may not be used then."""

from datetime import datetime

from oc_desktop import audit
from oc_desktop.i18n import _
from oc_desktop.models import OutgoingDocument, SealUse, User
from oc_desktop.models.base import utcnow
from oc_desktop.models.db import Database
from oc_desktop.models.seal import IMPRESSION_KINDS, IN_USE, PAGE_EDGES
from oc_desktop.registers.entries import REASON_MAX, stamp
from oc_desktop.seal.chain import HASHED, append
from oc_desktop.seal.common import (
    AREA_KEY,
    NAME_MAX,
    TEXT_MAX,
    check_moment,
    check_writer,
    holder_at,
    number,
    setting,
    status_at,
    the_seal,
)
from oc_desktop.security import Actor
from oc_desktop.validation import Checker

ENTITY = "seal_use"
MAX_COUNT = 10_000


def _snapshot(entry: SealUse) -> dict:
    return {name: getattr(entry, name) for name in HASHED[SealUse] if name != "id"}


def _check_document(session, check: Checker, outgoing_id: int | None, described: str) -> str:
    """A use names a signed document: blank paper is never sealed."""
    if outgoing_id is None:
        described = check.text("described", described, max_length=TEXT_MAX, required=False)
        if not described:
            check.fail(
                "described",
                _("Name the document sealed: pick it from the outgoing register or describe it."),
            )
        return described
    message = _("Choose an outgoing document.")
    doc = check.row(session, OutgoingDocument, "outgoing_id", outgoing_id, message=message)
    if doc is None:
        return ""
    if doc.void_reason is not None:
        check.fail("outgoing_id", _("This document's number is void; it cannot be sealed."))
    elif not doc.signer.strip():
        check.fail("outgoing_id", _("This document has no signer; only a signed one is sealed."))
    return ""


def _record(
    session,
    check: Checker,
    *,
    actor: Actor,
    seal_id: int,
    used_at: datetime,
    applied_by_id: int,
    outgoing_id: int | None = None,
    described: str = "",
    impression_kind: str = "signature",
    impressions: int = 1,
    sheets: int = 1,
    requested_by: str = "",
    approved_by: str = "",
    corrects_id: int | None = None,
) -> SealUse:
    requested_by = check.text(
        "requested_by", requested_by, max_length=NAME_MAX, required=False, one_line=True
    )
    needs_approval = bool(setting(session, "seal_use_needs_approval"))
    approved_by = check.text(
        "approved_by", approved_by, max_length=NAME_MAX, required=needs_approval, one_line=True
    )
    check_moment(check, "used_at", used_at, time=True)
    check_writer(check, actor, "seal_id")
    check.choice(
        "impression_kind", impression_kind, IMPRESSION_KINDS,
        message=_("Choose where the seal is put."),
    )  # fmt: skip
    message = _("Enter the number of impressions, from 1 up.")
    check.whole("impressions", impressions, low=1, high=MAX_COUNT, message=message)
    message = _("Enter the number of sheets, from 1 up.")
    check.whole("sheets", sheets, low=1, high=MAX_COUNT, message=message)
    message = _("Only the person who held the seal then applies it.")
    check.row(session, User, "applied_by_id", applied_by_id, message=message)
    described = _check_document(session, check, outgoing_id, described)
    seal = the_seal(session, check, seal_id)
    check.done()
    most = int(setting(session, "seal_max_sheets"))
    if impression_kind == PAGE_EDGES and sheets > most * impressions:
        check.fail(
            "sheets",
            _("Across page edges one impression covers at most {most} sheets.").format(most=most),
        )
    status = status_at(session, seal_id, used_at.date())
    if status != IN_USE or seal.status != IN_USE:
        check.fail("seal_id", _("This seal is not in use (withdrawn, lost, worn or destroyed)."))
    else:
        holder = holder_at(session, seal_id, used_at)
        if holder is None:
            check.fail("seal_id", _("Nobody had this seal in custody at that time."))
        elif holder != applied_by_id:
            check.fail("applied_by_id", _("Only the person who held the seal then applies it."))
    check.done()
    period, series, seq = number(session, SealUse, used_at.date())
    entry = SealUse(
        period=period,
        series=series,
        seq=seq,
        seal_id=seal_id,
        used_at=used_at,
        outgoing_id=outgoing_id,
        described=described,
        impression_kind=impression_kind,
        impressions=impressions,
        sheets=sheets,
        requested_by=requested_by,
        approved_by=approved_by,
        applied_by_id=applied_by_id,
        corrects_id=corrects_id,
    )
    append(session, actor, entry, entity=ENTITY, snapshot=_snapshot)
    return entry


def record_use(db: Database, *, actor: Actor, seal_id: int, **fields) -> int:
    """Log one sealing. Fields: used_at, applied_by_id, outgoing_id or described,
    impression_kind, impressions, sheets, requested_by, approved_by."""
    check = Checker()
    with db.begin() as session:
        return _record(session, check, actor=actor, seal_id=seal_id, **fields).id


def correct_use(
    db: Database, *, actor: Actor, use_id: int, void_reason: str, **fields
) -> int | None:
    """Void a mistaken use with why and, when ``fields`` are given, log the right one
    pointing to it, in one step; both stay visible."""
    check = Checker()
    reason = check.text("void_reason", void_reason, max_length=REASON_MAX)
    check_writer(check, actor, "void_reason")
    check.done()
    with db.begin() as session:
        message = _("This entry is void already.")
        wrong = check.row(session, SealUse, "void_reason", use_id, message=message)
        if wrong is None or wrong.void_reason is not None:
            check.fail("void_reason", _("This entry is void already."))
            check.done()
        wrong.void_reason, wrong.voided_at, wrong.voided_by = reason, utcnow(), actor.user_id
        stamp(wrong, actor, created=False)
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
        fields.setdefault("seal_id", wrong.seal_id)
        return _record(session, check, actor=actor, corrects_id=wrong.id, **fields).id
