"""How an audit row reads to a person: sections, actions, fields and values in words.

Shared by the Audit tab and the printout of the log. Keys no label is known for are
shown as stored, so a row written by a newer section is still readable.
"""

from datetime import date, datetime
from typing import Any

from oc_desktop.audit.secrecy import HIDDEN
from oc_desktop.documents import terms
from oc_desktop.formatting import format_date, format_datetime, format_int
from oc_desktop.i18n import N_, _
from oc_desktop.security import CLEARANCE_LABELS, ROLE_LABELS

#: the areas of the program (not the office's own sections, ຂະແໜງ)
SECTION_LABELS = {
    "documents": N_("Documents"),
    "seal": N_("Seal"),
    "staff": N_("Staff"),
    "budget": N_("Budget"),
    "settings": N_("Settings"),
    "users": N_("Users"),
    "audit": N_("Audit trail"),
}
ACTION_LABELS = {
    "create": N_("Created"),
    "update": N_("Changed"),
    "change": N_("Changed"),
    "route": N_("Handed on"),
    "attach": N_("Attached"),
    "import": N_("Imported"),
    "retire": N_("Retired"),
    "void": N_("Voided"),
    "delete": N_("Deleted"),
    "view": N_("Viewed"),
    "print": N_("Printed"),
    "sign_in": N_("Signed in"),
    "sign_in_failed": N_("Wrong password"),
    "sign_out": N_("Signed out"),
    "reset_password": N_("Password reset"),
    "unlock": N_("Unlocked"),
}
ENTITY_LABELS = {
    "user": N_("User"),
    "setting": N_("Setting"),
    "organisation": N_("Organisation profile"),
    "section": N_("Section"),
    "signer": N_("Signer"),
    "incoming_document": N_("Incoming document"),
    "outgoing_document": N_("Outgoing document"),
    "document_copy": N_("Copies of a document"),
    "scan": N_("Scan"),
    "document_kind": N_("Document kind"),
    "incoming_book": N_("Register of incoming documents"),
    "outgoing_book": N_("Register of outgoing documents"),
    "delivery_book": N_("Delivery book"),
    "routing_slip": N_("Routing slip"),
    "audit_log": N_("Audit trail"),
}
FIELD_LABELS = {
    "username": N_("User name"),
    "full_name": N_("Full name"),
    "roles": N_("Roles"),
    "clearance": N_("Clearance"),
    "active": N_("Active"),
    "password": N_("Password"),
    "failed_attempts": N_("Wrong passwords in a row"),
    "locked_until": N_("Locked until"),
    "name": N_("Name"),
    "title": N_("Title"),
    "position": N_("Place in the list"),
    "abbreviation": N_("Abbreviation"),
    "place": N_("Place on the date line"),
    "parent_body": N_("Parent body"),
    "language": N_("Language"),
    "lao_digits": N_("Digits"),
    "due_soon_days": N_("Follow-up: due within (days)"),
    "idle_lock_minutes": N_("Lock after idle minutes (0: never)"),
    "sign_in_attempts": N_("Wrong passwords before a wait"),
    "lockout_seconds": N_("First wait (seconds), doubled each time"),
    "last_backup_at": N_("Last backup"),
    # the document register
    "register": N_("Register"),
    "document": N_("Document (record no.)"),
    "period": N_("Period"),
    "series": N_("Number series"),
    "seq": N_("Running number"),
    "number": N_("Number"),
    "received_at": N_("Arrived"),
    "sender": N_("Sender"),
    "sender_id": N_("Sender (record no.)"),
    "doc_number": N_("Document number"),
    "doc_date": N_("Document date"),
    "kind": N_("Kind"),
    "kind_id": N_("Kind (record no.)"),
    "subject": N_("Subject"),
    "pages": N_("Pages"),
    "urgency": N_("Urgency"),
    "secrecy": N_("Secrecy"),
    "notes": N_("Notes"),
    "status": N_("Status"),
    "due_date": N_("Deadline"),
    "signer": N_("Signer"),
    "recipients": N_("Recipients"),
    "copies": N_("Copies"),
    "file_copy_at": N_("File copy kept at"),
    "answers_id": N_("Answers incoming (record no.)"),
    "sent_on": N_("Sent on"),
    "void_reason": N_("Reason void"),
    "section": N_("Section"),
    "section_id": N_("Section (record no.)"),
    "person": N_("Person responsible"),
    "instruction": N_("Head's instruction"),
    "deadline": N_("Deadline"),
    "handed_on": N_("Handed over on"),
    "for_whom": N_("For whom"),
    "authorised_by": N_("Authorised by"),
    "made_on": N_("Made on"),
    "sha256": N_("Checksum (SHA-256)"),
    "documents": N_("Number of documents"),
    # printouts
    "from": N_("From"),
    "to": N_("To"),
    "entries": N_("Entries"),
    "area": N_("Area"),
}
#: values stored as codes, shown in words
CODED_VALUES = {
    "urgency": terms.URGENCY,
    "secrecy": terms.SECRECY,
    "status": terms.STATUS,
    "register": terms.REGISTER,
    "area": SECTION_LABELS,
}
DATE_FIELDS = {"doc_date", "due_date", "sent_on", "deadline", "handed_on", "made_on", "from", "to"}
LANGUAGE_NAMES = {"lo": "ພາສາລາວ", "en": "English"}
MAX_SUMMARY = 160


def label(labels: dict[str, str], key: str) -> str:
    return _(labels[key]) if key in labels else key


def describe(key: str, value: Any) -> str:
    """One stored value as words: roles and clearance by name, times as the office writes."""
    if value is HIDDEN:
        return _("hidden (secret document)")
    if value is None or value == "":
        return "—"
    if key == "lao_digits":
        return _("Lao digits ໐-໙") if value else _("Arabic digits 0-9")
    if key == "language":
        return LANGUAGE_NAMES.get(value, str(value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if key == "roles" and isinstance(value, list):
        return ", ".join(label(ROLE_LABELS, role) for role in value) or "—"
    if key == "clearance" and isinstance(value, int):
        return label(CLEARANCE_LABELS, value) if value in CLEARANCE_LABELS else str(value)
    if key == "password":
        return _("changed")
    if key in CODED_VALUES and isinstance(value, int | str) and value in CODED_VALUES[key]:
        return _(CODED_VALUES[key][value])
    if key in DATE_FIELDS and isinstance(value, str):
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, int):
        return format_int(value)
    if isinstance(value, str) and key.endswith(("_until", "_at")) and key != "file_copy_at":
        try:
            return format_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def changes(old: Any, new: Any) -> list[tuple[str, str, str]]:
    """(field, old, new) in words for every field either side names, old fields first."""
    old, new = old or {}, new or {}
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [("", describe("", old), describe("", new))]
    keys = list(old) + [key for key in new if key not in old]
    return [
        (label(FIELD_LABELS, key), describe(key, old.get(key)), describe(key, new.get(key)))
        for key in keys
    ]


def summary(old: Any, new: Any) -> str:
    """A one-line old → new for a table cell; the detail view shows everything."""
    parts = []
    for field, before, after in changes(old, new):
        if before == "—":
            parts.append(f"{field}: {after}")
        else:
            parts.append(f"{field}: {before} → {after}")
    text = "; ".join(parts)
    return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1] + "…"
