"""How an audit row reads to a person: areas, actions, fields and values in words.

Shared by the Audit tab and the printout of the log. The words of each area's records
and fields come from its declaration in ``oc_desktop.sections``; keys no label is known
for are shown as stored, so a row written by a newer version is still readable.
"""

from datetime import date, datetime
from typing import Any

from oc_desktop.audit.masking import HIDDEN
from oc_desktop.formatting import format_date, format_datetime, format_int
from oc_desktop.i18n import N_, _
from oc_desktop.sections import areas, by_key
from oc_desktop.security import CLEARANCE_LABELS, ROLE_LABELS

ACTION_LABELS = {
    "create": N_("Created"),
    "update": N_("Changed"),
    "change": N_("Changed"),
    "route": N_("Handed on"),
    "attach": N_("Attached"),
    "import": N_("Imported"),
    "export": N_("Exported"),
    "retire": N_("Retired"),
    "void": N_("Voided"),
    "delete": N_("Deleted"),
    "view": N_("Viewed"),
    "view_rows": N_("Listed"),
    "print_rows": N_("Printed in a book"),
    "lower_secrecy": N_("Secrecy lowered"),
    "print": N_("Printed"),
    "restore": N_("Restored"),
    "sign_in": N_("Signed in"),
    "sign_in_failed": N_("Wrong password"),
    "sign_out": N_("Signed out"),
    "reset_password": N_("Password reset"),
    "recover_admin": N_("Password reset with the recovery sheet"),
    "unlock": N_("Unlocked"),
    "state": N_("State recorded"),
    "baseline": N_("State of earlier entries recorded"),
}
LANGUAGE_NAMES = {"lo": "ພາສາລາວ", "en": "English"}
MAX_SUMMARY = 160


def area_labels() -> dict[str, str]:
    """Every area that can appear in the trail, with its N_() name."""
    return {area.key: area.label for area in areas()}


def _merged(name: str, key: str, area: str | None):
    """The words ``area`` declares for ``key`` (``name``: entities, fields, coded), or
    failing that the first area's that does: a row of one area may name another's."""
    own = by_key().get(area) if area else None
    if own is not None and key in getattr(own, name):
        return getattr(own, name)[key]
    return next((getattr(a, name)[key] for a in areas() if key in getattr(a, name)), None)


def area_label(key: str) -> str:
    return label(area_labels(), key)


def entity_label(entity: str, area: str | None = None) -> str:
    words = _merged("entities", entity, area)
    return _(words) if words else entity


def field_label(key: str, area: str | None = None) -> str:
    words = _merged("fields", key, area)
    return _(words) if words else key


#: record numbers that name no single record
RECORD_WORDS = {"bulk": N_("many at once"), "all": N_("all")}


def record_label(entity_id: str | None, area: str | None = None) -> str:
    """A row's record number in words: a number as it is, a setting or rule by its
    name, days as the office writes them ("bulk" from a demo import, "all" of a list)."""
    value = "" if entity_id is None else str(entity_id)
    if not value or value.isdigit():
        return value
    if value in RECORD_WORDS:
        return _(RECORD_WORDS[value])
    named = _merged("fields", value, area)
    if named:
        return _(named)
    days = value.split("/")
    if len(days) <= 2:
        try:
            return " – ".join(format_date(date.fromisoformat(day)) for day in days)
        except ValueError:
            pass
    return value


def _is_date(key: str, area: str | None) -> bool:
    own = by_key().get(area) if area else None
    if own is not None and key in own.dates:
        return True
    return any(key in a.dates for a in areas())


def label(labels: dict[str, str], key: str) -> str:
    return _(labels[key]) if key in labels else key


def describe(key: str, value: Any, area: str | None = None) -> str:
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
    coded = _merged("coded", key, area) if key != "area" else area_labels()
    if coded and isinstance(value, int | str) and value in coded:
        return _(coded[value])
    if _is_date(key, area) and isinstance(value, str):
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


def changes(old: Any, new: Any, area: str | None = None) -> list[tuple[str, str, str]]:
    """(field, old, new) in words for every field either side names, old fields first."""
    old, new = old or {}, new or {}
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [("", describe("", old), describe("", new))]
    keys = list(old) + [key for key in new if key not in old]
    return [
        (
            field_label(key, area),
            describe(key, old.get(key), area),
            describe(key, new.get(key), area),
        )
        for key in keys
    ]


def summary(old: Any, new: Any, area: str | None = None) -> str:
    """A one-line old → new for a table cell; the detail view shows everything."""
    parts = []
    for field, before, after in changes(old, new, area):
        if before == "—":
            parts.append(f"{field}: {after}")
        else:
            parts.append(f"{field}: {before} → {after}")
    text = "; ".join(parts)
    return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1] + "…"
