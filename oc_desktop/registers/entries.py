"""What every register's operations do alike: stamp who and when, void instead of
delete, and record in the audit trail what an operation changed."""

from typing import Any

from oc_desktop import audit
from oc_desktop.i18n import _
from oc_desktop.models.base import utcnow
from oc_desktop.security import Actor
from oc_desktop.validation import Checker

REASON_MAX = 300


def stamp(entry, actor: Actor, *, created: bool) -> None:
    now = utcnow()
    if created:
        entry.created_at, entry.created_by = now, actor.user_id
    entry.updated_at, entry.updated_by = now, actor.user_id


def new_stamps(actor: Actor) -> dict:
    """The stamps of entries written at once (an imported book), as columns."""
    now = utcnow()
    return dict(created_at=now, created_by=actor.user_id, updated_at=now, updated_by=actor.user_id)


def record_change(
    session,
    *,
    actor: Actor,
    area: str,
    entity: str,
    entity_id: object,
    old: dict[str, Any],
    new: dict[str, Any],
    action: str = "change",
) -> None:
    """Audit the fields whose values differ between ``old`` and ``new`` (both taken
    with the same fields, before and after the operation), old and new."""
    changed = [name for name in old if old[name] != new.get(name)]
    audit.record(
        session,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        area=area,
        old={name: old[name] for name in changed},
        new={name: new.get(name) for name in changed},
    )


def void(session, entry, *, actor: Actor, area: str, entity: str, reason: str) -> None:
    """Mark a number spoiled or withdrawn: it stays in its register with why, when, who."""
    check = Checker()
    reason = check.text("reason", reason, max_length=REASON_MAX)
    if not actor.may_write(area):
        check.fail("reason", _("You may not change the register."))
    if entry.void_reason is not None:
        check.fail("reason", _("This number is void already."))
    check.done()
    entry.void_reason, entry.voided_at, entry.voided_by = reason, utcnow(), actor.user_id
    stamp(entry, actor, created=False)
    audit.record(
        session,
        actor=actor,
        action="void",
        entity=entity,
        entity_id=entry.id,
        area=area,
        old=None,
        new={"void_reason": reason},
    )
