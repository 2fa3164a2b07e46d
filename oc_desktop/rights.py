"""A person's rights as the users table holds them now, not as they were at sign-in.

Operations are handed an ``Actor`` made when the person signed in. An administrator may
switch that person off, or take away a role or clearance, while they are still signed in;
every audited operation checks the ``Actor`` against the person's record in the same
transaction (``audit.record`` calls ``check_current``), so that the stale one is refused
and its writes rolled back, and queries that show entries read the rights afresh.
"""

from dataclasses import replace

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history

from oc_desktop.i18n import _
from oc_desktop.models import User
from oc_desktop.security import Actor, NotAllowed

#: trail rows about the session itself, written whatever the person may do now
SESSION_ACTIONS = frozenset({"sign_in", "sign_in_failed", "sign_out"})


class RightsChanged(NotAllowed):
    """The person's rights were lowered (or the account switched off) since sign-in."""

    def __init__(self, switched_off: bool) -> None:
        super().__init__(
            _("Your account has been switched off: nothing more can be done in this session.")
            if switched_off
            else _("Your rights have been changed by the administrator: sign in again.")
        )
        self.switched_off = switched_off


def current(session: Session, actor: Actor) -> Actor:
    """``actor`` as the person's record reads now: a person deactivated, or whose roles
    or clearance changed, acts with what they hold now, not what they held at sign-in."""
    if actor.user_id is None:
        return actor  # the program itself, or a console restore
    person = session.get(User, actor.user_id)
    if person is None or not person.active:
        return replace(actor, roles=frozenset(), clearance=0)
    return replace(actor, roles=frozenset(person.roles), clearance=person.clearance)


def check_current(session: Session, actor: Actor, action: str) -> None:
    """Refuse ``actor`` if the person's record now grants less than it claims.

    Read as the record stood when this transaction began: an administrator who changes
    their own roles in this very operation is not refused for it.
    """
    if actor.user_id is None or action in SESSION_ACTIONS:
        return
    person = session.get(User, actor.user_id)
    if person is None or not _before(person, "active"):
        raise RightsChanged(switched_off=True)
    roles = frozenset(_before(person, "roles"))
    if not actor.roles <= roles or actor.clearance > _before(person, "clearance"):
        raise RightsChanged(switched_off=False)


def _before(person: User, name: str):
    history = get_history(person, name)
    return history.deleted[0] if history.deleted else getattr(person, name)
