"""The restore key's recovery sheet: printed once, for the head's safe.

Backups are sealed for the office's public key; the private key (the restore key) is kept
beside the data, and on this sheet as groups of letters, so that a new computer can open
the office's backups after the old one is lost. It is printed once: a second copy is a
second way in. Only the administrator prints it, and the printing is an audit row.
"""

from pathlib import Path

from oc_desktop import audit
from oc_desktop.backup.errors import BackupError, NotAllowedError
from oc_desktop.backup.office_key import load_key, mark_sheet_printed
from oc_desktop.formatting import format_datetime
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.printing.flow import build_text_document
from oc_desktop.printing.text import TextStyle
from oc_desktop.profile import load_profile
from oc_desktop.security import Actor

CODE_STYLE = TextStyle(18, bold=True)


class SheetAlreadyPrinted(BackupError):
    pass


def sheet_pending(data_dir: Path) -> bool:
    """An office key exists whose recovery sheet has not been printed yet."""
    key = load_key(data_dir)
    return key is not None and key.private is not None and key.sheet_printed_at is None


def sheet_paragraphs(db: Database, data_dir: Path) -> tuple[str, list[str], str]:
    key = load_key(data_dir)
    if key is None or key.private is None:
        raise BackupError(_("There is no restore key yet: it is made at the first backup."))
    office = load_profile(db).name or _("the office")
    from datetime import datetime

    made = format_datetime(datetime.fromisoformat(key.created_at))
    title = _("Restore key of the backups of {office}").format(office=office)
    paragraphs = [
        _(
            "Every backup of this office is sealed. It opens only with this restore key. "
            "Keep this sheet in the head's safe: whoever holds it and a backup can read "
            "every register, secret ones included. It is printed once."
        ),
        _("Key {id}, made on {date}.").format(id=key.id, date=made),
        key.recovery_code,
        _(
            "To restore on a new computer: install OC Desktop, choose File → Restore…, pick "
            "the newest backup on the USB drive and type the groups of letters above "
            "(the scans folder oc-desktop-scans must be on the same drive)."
        ),
        _("Printed by: ....................    Received for the safe by: ...................."),
    ]
    return title, paragraphs, key.recovery_code


def print_recovery_sheet(db: Database, data_dir: Path, out: Path, *, actor: Actor) -> int:
    """Write the sheet as PDF (HarfBuzz-shaped, fonts embedded) and mark it printed."""
    if not actor.may_write("restore"):
        raise NotAllowedError(_("Only the administrator prints the restore key sheet."))
    if not sheet_pending(data_dir):
        raise SheetAlreadyPrinted(
            _(
                "The recovery sheet of this restore key was printed already; it is kept in "
                "the head's safe. It is not printed twice."
            )
        )
    title, paragraphs, _code = sheet_paragraphs(db, data_dir)
    pages, _writer = build_text_document(out, paragraphs=paragraphs, title=title)
    key = mark_sheet_printed(data_dir)
    with db.begin() as session:
        audit.record(
            session,
            actor=actor,
            action="print",
            entity="restore_key",
            entity_id=key.id,
            area="backup",
            new={"sheet": "printed"},
        )
    return pages
