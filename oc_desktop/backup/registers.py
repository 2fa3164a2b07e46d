"""What a backup holds, in the clerk's words: each register by its name, never a table's."""

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from oc_desktop.backup.sqlite_copy import count_entries
from oc_desktop.i18n import _
from oc_desktop.paths import database_path
from oc_desktop.sections import table_labels

if TYPE_CHECKING:
    from oc_desktop.backup.restore import BackupInfo


def register_lines(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(register name, entries) for each table an area names; internal tables (search
    indexes, link tables) are left out."""
    labels = table_labels()
    return [(_(labels[table]), count) for table, count in counts.items() if table in labels]


def describe_backup(info: "BackupInfo", *, compact: bool = False) -> str:
    """What a backup holds, in lines a clerk reads before restoring it; ``compact`` (the
    window) lists the registers that hold entries in one paragraph, so it fits a screen."""
    from oc_desktop.formatting import format_datetime, format_int

    lines = [
        _("Made on: {date}").format(date=format_datetime(info.created)),
        _("Written by OC Desktop {version}").format(version=info.app_version),
        _("Sealed: {how}").format(
            how=_("with a password") if info.encrypted else _("for the office's restore key")
        ),
        _("Entries:"),
    ]
    registers = register_lines(info.counts)
    if compact:
        lines[-1] += " " + "; ".join(
            f"{name}: {format_int(count)}" for name, count in registers if count
        )
    else:
        lines += [f"    {name}: {format_int(count)}" for name, count in registers]
    lines.append(_("Attached scans: {count}").format(count=format_int(info.summary.scan_count)))
    return "\n".join(lines)


def current_counts(data_dir: Path) -> dict[str, int] | None:
    """Entries per table of the data on this computer now (None if it cannot be read)."""
    path = database_path(data_dir)
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            return count_entries(connection)
    except sqlite3.Error:
        return None


def describe_difference(backup: dict[str, int], current: dict[str, int] | None) -> str:
    """In one sentence, what the data on this computer holds that the backup does not."""
    from oc_desktop.formatting import format_int

    if current is None:
        return _("There is no readable data on this computer: nothing will be lost.")
    more = [
        (name, current.get(table, 0) - backup.get(table, 0))
        for table, name in ((t, _(label)) for t, label in table_labels().items())
        if current.get(table, 0) > backup.get(table, 0)
    ]
    if not more:
        return _("The data on this computer holds nothing the backup does not.")
    parts = ", ".join(f"{name} {format_int(n)}" for name, n in more)
    return _(
        "The data on this computer holds entries the backup does not ({parts}). After the "
        "restore they are only in the safety copy, and their numbers are not given again."
    ).format(parts=parts)
