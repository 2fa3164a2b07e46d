"""What a backup holds, in the clerk's words: each register by its name, never a table's."""

from typing import TYPE_CHECKING

from oc_desktop.i18n import _
from oc_desktop.sections import table_labels

if TYPE_CHECKING:
    from oc_desktop.backup.restore import BackupInfo


def register_lines(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(register name, entries) for each table an area names; internal tables (search
    indexes, link tables) are left out."""
    labels = table_labels()
    return [(_(labels[table]), count) for table, count in counts.items() if table in labels]


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
    lines += [f"    {name}: {format_int(count)}" for name, count in register_lines(info.counts)]
    lines.append(_("Attached scans: {count}").format(count=format_int(info.summary.scan_count)))
    return "\n".join(lines)
