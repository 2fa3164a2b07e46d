"""Names a clerk reads for the tables counted in a backup (unknown ones keep their name)."""

from typing import TYPE_CHECKING

from oc_desktop.i18n import N_, _

if TYPE_CHECKING:
    from oc_desktop.backup.restore import BackupInfo

REGISTER_LABELS = {
    "organisation": N_("Organisation profile"),
    "section": N_("Sections"),
    "signer": N_("Signers"),
    "setting": N_("Settings"),
    "user": N_("Users"),
    "audit_entry": N_("Audit trail"),
}


def register_label(table: str) -> str:
    label = REGISTER_LABELS.get(table)
    return _(label) if label else table


def describe_backup(info: "BackupInfo") -> str:
    """What a backup holds, in lines a clerk reads before restoring it."""
    from oc_desktop.formatting import format_datetime, format_int

    lines = [
        _("Made on: {date}").format(date=format_datetime(info.created)),
        _("Written by OC Desktop {version}").format(version=info.app_version),
        _("Protected by a password: {answer}").format(
            answer=_("yes") if info.encrypted else _("no")
        ),
        _("Entries:"),
    ]
    lines += [
        f"    {register_label(name)}: {format_int(count)}" for name, count in info.counts.items()
    ]
    lines.append(_("Attached scans: {count}").format(count=format_int(info.summary.scan_count)))
    return "\n".join(lines)
