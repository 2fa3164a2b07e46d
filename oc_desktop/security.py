"""Roles, clearance and the signed-in person every named operation is done by."""

from dataclasses import dataclass

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


#: the program itself, for demo data and upgrades; never a person at the keyboard
SYSTEM = Actor(None, "system", "OC Desktop", frozenset(ROLES), TOP_SECRET)
