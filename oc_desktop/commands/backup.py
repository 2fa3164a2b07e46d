"""`oc-desktop backup`: write a checked backup of a data folder into a folder (a drive)."""

import argparse
import os
import sys
from pathlib import Path

from oc_desktop.backup.errors import BackupError
from oc_desktop.backup.status import back_up
from oc_desktop.cli import CommandError
from oc_desktop.i18n import _
from oc_desktop.models.migrate import open_database
from oc_desktop.paths import database_path
from oc_desktop.security import SYSTEM


def add_password_options(parser: argparse.ArgumentParser, what: str) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--password-file",
        type=Path,
        help=_("read the {what} password from this file").format(what=what),
    )
    group.add_argument(
        "--password-env",
        metavar="VAR",
        help=_("read the {what} password from this environment variable").format(what=what),
    )


def read_password(args: argparse.Namespace) -> str | None:
    """The password from a file (first line) or the environment; never from the command line,
    where other users of the PC could read it."""
    if args.password_file is not None:
        try:
            text = args.password_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(
                _("The password file {path} could not be read ({reason}).").format(
                    path=args.password_file, reason=error
                )
            ) from error
        password = text.splitlines()[0] if text.splitlines() else ""
    elif args.password_env is not None:
        password = os.environ.get(args.password_env, "")
    else:
        return None
    if not password:
        raise CommandError(_("The password cannot be empty."))
    return password


def add_parser(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "backup", parents=[common], help=_("write a checked backup to a folder or drive")
    )
    parser.add_argument(
        "--to", type=Path, required=True, dest="destination", help=_("the folder to write to")
    )
    add_password_options(parser, _("backup"))


def run(args: argparse.Namespace) -> int:
    if args.data_dir is None:
        raise CommandError(_("Name the data folder with --data-dir."))
    if not database_path(args.data_dir).is_file():
        raise CommandError(
            _("There is no data in {folder} to back up.").format(folder=args.data_dir)
        )
    password = read_password(args)
    db = open_database(args.data_dir)
    try:
        result = back_up(db, args.data_dir, args.destination, actor=SYSTEM, password=password)
    except BackupError as error:
        raise CommandError(str(error)) from error
    finally:
        db.close()
    if result.key_created:  # a scheduled backup seals too; the sheet is the window's
        print(
            _(
                "This was the first backup sealed for the office: its restore key was made. "
                "Print the recovery sheet now (File → Print the restore key sheet) and give "
                "it to the head for the safe; without it a backup cannot be restored on "
                "another computer."
            ),
            file=sys.stderr,
        )
    for old in result.rotated:
        print(_("Removed an old backup: {path}").format(path=old), file=sys.stderr)
    print(result.path)
    return 0
