"""Roles, clearance and the signed-in person every named operation is done by."""

from dataclasses import dataclass

from oc_desktop.i18n import N_

ADMIN, CLERK, STAFF_OFFICER, ACCOUNTANT, HEAD, READER = (
    "admin",
    "clerk",
    "staff_officer",
    "accountant",
    "head",
    "reader",
)
ROLES = (ADMIN, CLERK, STAFF_OFFICER, ACCOUNTANT, HEAD, READER)

# Secrecy of a document, and a person's clearance, on one scale.
ORDINARY, CONFIDENTIAL, TOP_SECRET = 0, 1, 2


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    full_name: str
    roles: frozenset[str]
    clearance: int = ORDINARY

    def may_write(self, area: str) -> bool:
        """Whether this person's roles change ``area`` (declared in ``oc_desktop.sections``)."""
        from oc_desktop.sections import area as declared

        found = declared(area)
        return found is not None and bool(self.roles & found.writers)

    def may_read(self, area: str) -> bool:
        from oc_desktop.sections import area as declared

        found = declared(area)
        return self.may_write(area) or (found is not None and bool(self.roles & found.readers))

    def sees_secret(self, level: int) -> bool:
        return self.clearance >= level


class NotAllowed(PermissionError):
    """An operation refused to the person's roles; the screens never offer it to them."""


def require_write(actor: Actor, area: str) -> None:
    if not actor.may_write(area):
        raise NotAllowed(f"{actor.username} may not change {area}")


def require_read(actor: Actor, area: str) -> None:
    if not actor.may_read(area):
        raise NotAllowed(f"{actor.username} may not read {area}")


#: the program itself, for demo data and upgrades; never a person at the keyboard
SYSTEM = Actor(None, "system", "OC Desktop", frozenset(ROLES), TOP_SECRET)


# How roles and clearance levels are named on screen and in printouts.
ROLE_LABELS = {
    ADMIN: N_("Administrator"),
    CLERK: N_("Registry clerk"),
    STAFF_OFFICER: N_("Staff officer"),
    ACCOUNTANT: N_("Accountant"),
    HEAD: N_("Head"),
    READER: N_("Reader"),
}
CLEARANCE_LABELS = {
    ORDINARY: N_("Ordinary"),
    CONFIDENTIAL: N_("Confidential"),
    TOP_SECRET: N_("Top secret"),
}
