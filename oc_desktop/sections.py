"""The areas of the program, declared once: who reads and writes each, what it keeps,
how the audit trail words and masks its rows, and how its tab is made.

An area is a section of the office's work (documents, seal, staff, budget) or a part of
the program itself (settings, users, the audit trail, backups). Adding a section is its
package, with a ``section.py`` declaring an ``Area``, plus one line in ``AREAS`` below.
Nothing here imports a section's models or any Qt: masks and tabs are named by
``"module:attribute"`` and imported when first used.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Any

from oc_desktop.i18n import N_
from oc_desktop.security import ADMIN, CLERK, HEAD


@dataclass(frozen=True)
class Area:
    key: str
    #: an N_() message: the tab's title and the area's name in the audit trail
    label: str
    writers: frozenset[str]
    #: who may read without writing (writers always read)
    readers: frozenset[str] = frozenset()
    #: table name -> what a clerk calls it, for backup and restore summaries; a table no
    #: area names (an index, a link table) is internal and never shown
    tables: Mapping[str, str] = field(default_factory=dict)
    #: audit trail words: what a row is about, its fields, coded values, date fields
    entities: Mapping[str, str] = field(default_factory=dict)
    fields: Mapping[str, str] = field(default_factory=dict)
    coded: Mapping[str, Mapping[Any, str]] = field(default_factory=dict)
    dates: frozenset[str] = frozenset()
    #: "module:function" (session, actor, rows) -> rows with what the actor may not read
    #: replaced by ``oc_desktop.audit.masking.HIDDEN``
    mask: str | None = None
    #: "module:function" (main window) -> its tab; None: no tab (or not built yet)
    tab: str | None = None
    #: "module:function" (connection) -> None: makes every search, identity and sort key
    #: the area stores again from its text; migrations that change how ``laotext`` keys
    #: text call it for each area whose tables the file holds
    rekey: str | None = None
    #: shown as "not built yet" in a tab of its own until ``tab`` is set
    planned: bool = False
    #: register key -> "module:attribute" of its ``oc_desktop.exchange.declare.Register``:
    #: what can be exported to a spreadsheet and imported from one
    exchange: Mapping[str, str] = field(default_factory=dict)
    #: tables whose rows `verify` compares with what the trail says they last became,
    #: each with the columns left out (kept by the program itself: sort and search keys)
    traced: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def loaded(self, name: str) -> Callable | None:
        """The function ``mask``, ``tab`` or ``rekey`` names, imported on first use."""
        return _load(getattr(self, name))


@cache
def _load(target: str | None) -> Callable | None:
    if target is None:
        return None
    module, _colon, attribute = target.partition(":")
    return getattr(import_module(module), attribute)


def _documents() -> Area:
    from oc_desktop.documents.section import AREA

    return AREA


def _staff() -> Area:
    from oc_desktop.staff.section import AREA

    return AREA


def _budget() -> Area:
    from oc_desktop.budget.section import AREA

    return AREA


def _seal() -> Area:
    from oc_desktop.seal.section import AREA

    return AREA


SETTINGS = Area(
    key="settings",
    label=N_("Settings"),
    writers=frozenset({ADMIN}),
    readers=frozenset({HEAD}),
    tables={
        "organisation": N_("Organisation profile"),
        "section": N_("Sections"),
        "signer": N_("Signers"),
        "setting": N_("Settings"),
    },
    traced={"organisation": frozenset(), "setting": frozenset()},
    entities={
        "setting": N_("Setting"),
        "organisation": N_("Organisation profile"),
        "section": N_("Section"),
        "signer": N_("Signer"),
    },
    fields={
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
        "numbering_period": N_("Register numbers restart each year or term"),
        "term_start_year": N_("Year the committee term began"),
        "term_years": N_("Years in a committee term"),
        "series_per_kind": N_("One outgoing number series per kind"),
        "backup_keep": N_("Backups kept on a drive"),
        "backup_reminder_days": N_("Remind of a backup after (days)"),
        "seal_max_sheets": N_("Seal across page edges: sheets per impression at most"),
        "seal_use_needs_approval": N_("Every use of a seal names who approved it"),
    },
    tab="oc_desktop.ui.settings.tab:make_tab",
)
USERS = Area(
    key="users",
    label=N_("Users"),
    writers=frozenset({ADMIN}),
    tables={"user": N_("Users")},
    # a person's rights and password; not the count of wrong passwords or the lockout
    traced={"user": frozenset({"failed_attempts", "locked_until", "created_at"})},
    entities={"user": N_("User")},
    fields={
        "username": N_("User name"),
        "full_name": N_("Full name"),
        "roles": N_("Roles"),
        "clearance": N_("Clearance"),
        "active": N_("Active"),
        "password": N_("Password"),
        "password_hash": N_("Password"),
        "failed_attempts": N_("Wrong passwords in a row"),
        "locked_until": N_("Locked until"),
    },
    tab="oc_desktop.ui.users.tab:make_tab",
)
AUDIT = Area(
    key="audit",
    label=N_("Audit trail"),
    writers=frozenset(),
    readers=frozenset({ADMIN, HEAD}),
    tables={"audit_entry": N_("Audit trail")},
    entities={"audit_log": N_("Audit trail")},
    fields={
        "from": N_("From"),
        "to": N_("To"),
        "entries": N_("Entries"),
        "area": N_("Area"),
    },
    dates=frozenset({"from", "to"}),
    tab="oc_desktop.ui.audit.tab:make_tab",
)
# A backup carries every register out of the office; a restore replaces them all.
BACKUP = Area(
    key="backup",
    label=N_("Backup"),
    writers=frozenset({ADMIN, CLERK}),
    entities={"restore_key": N_("Restore key"), "backup": N_("Backup")},
    fields={"sheet": N_("Recovery sheet")},
)
RESTORE = Area(
    key="restore",
    label=N_("Restore"),
    writers=frozenset({ADMIN}),
    fields={
        "backup": N_("Backup"),
        "made": N_("Backup made on"),
        "safety_copy": N_("Safety copy"),
        "by": N_("Restored by"),
        "numbers_kept": N_("Numbers kept"),
    },
)


def _planned(key: str, label: str, writer: str, readers: set[str]) -> Area:
    return Area(key, label, frozenset({writer}), frozenset(readers), planned=True)


@cache
def areas() -> tuple[Area, ...]:
    """Every area, in the order of the window's tabs."""
    return (
        _documents(),
        _seal(),
        _staff(),
        _budget(),
        SETTINGS,
        USERS,
        AUDIT,
        BACKUP,
        RESTORE,
    )


@cache
def by_key() -> dict[str, Area]:
    return {area.key: area for area in areas()}


def area(key: str) -> Area | None:
    return by_key().get(key)


@cache
def table_labels() -> dict[str, str]:
    """Every table a clerk may be shown, with its name in the clerk's words."""
    return {table: label for area in areas() for table, label in area.tables.items()}
