"""`oc-desktop restore`: show what a backup holds, and with --yes put it in place."""

import argparse
from pathlib import Path

from oc_desktop.backup.errors import BackupError
from oc_desktop.backup.registers import describe_backup
from oc_desktop.backup.restore import inspect_backup, restore_backup
from oc_desktop.cli import CommandError
from oc_desktop.commands.backup import add_password_options, read_password
from oc_desktop.i18n import _


def add_parser(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "restore", parents=[common], help=_("restore a data folder from a backup")
    )
    parser.add_argument(
        "--from", type=Path, required=True, dest="source", help=_("the backup file")
    )
    parser.add_argument(
        "--yes",
        action="store_true",
        help=_("replace the data (without it, only show what the backup holds)"),
    )
    add_password_options(parser, _("backup"))


def run(args: argparse.Namespace) -> int:
    if args.data_dir is None:
        raise CommandError(_("Name the data folder with --data-dir."))
    password = read_password(args)
    try:
        info = inspect_backup(args.source, password)
        print(_("Backup: {path}").format(path=info.path))
        print(describe_backup(info))
        if not args.yes:
            print(_("Nothing was changed. Add --yes to restore this backup."))
            return 0
        result = restore_backup(args.source, args.data_dir, password=password)
    except BackupError as error:
        raise CommandError(str(error)) from error
    if result.safety_copy is not None:
        print(_("The data before the restore was saved as {path}").format(path=result.safety_copy))
    print(_("Restored into {path}").format(path=result.database))
    return 0
