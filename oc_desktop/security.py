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

# Which role may change which section; the head and readers change nothing here.
WRITERS = {
    "documents": {CLERK},
    "seal": {CLERK},
    "staff": {STAFF_OFFICER},
    "budget": {ACCOUNTANT},
    "settings": {ADMIN},
    "users": {ADMIN},
    # A backup carries every register out of the office; a restore replaces them all.
    "backup": {ADMIN, CLERK},
    "restore": {ADMIN},
}
# The head reads everything; a reader reads the registers, not staff files or the audit.
READERS = {
    "documents": {CLERK, HEAD, READER},
    "seal": {CLERK, HEAD, READER},
    "staff": {STAFF_OFFICER, HEAD},
    "budget": {ACCOUNTANT, HEAD},
    "settings": {ADMIN, HEAD},
    "users": {ADMIN},
    "audit": {ADMIN, HEAD},
}


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    full_name: str
    roles: frozenset[str]
    clearance: int = ORDINARY

    def may_write(self, section: str) -> bool:
        return bool(self.roles & WRITERS.get(section, set()))

    def may_read(self, section: str) -> bool:
        return self.may_write(section) or bool(self.roles & READERS.get(section, set()))

    def sees_secret(self, level: int) -> bool:
        return self.clearance >= level


class NotAllowed(PermissionError):
    """An operation refused to the person's roles; the screens never offer it to them."""


def require_write(actor: Actor, section: str) -> None:
    if not actor.may_write(section):
        raise NotAllowed(f"{actor.username} may not change {section}")


def require_read(actor: Actor, section: str) -> None:
    if not actor.may_read(section):
        raise NotAllowed(f"{actor.username} may not read {section}")


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
