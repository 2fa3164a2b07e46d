"""`oc-desktop restore`: show what a backup holds, and with --yes put it in place.

A restore replaces every register, so it is the administrator's: over a data folder that
has users, ``--user`` names an administrator whose password comes from a file or the
environment. Over a missing or unreadable data file there is no one to ask: whoever holds
the backup and its key restores, and the audit row says it was done at the console.
An office backup opens with the key kept beside the data, or with the code from the
recovery sheet (``--restore-key-file``) on a new computer.
"""

import argparse
import sqlite3
from contextlib import closing
from pathlib import Path

from oc_desktop.backup.errors import BackupError
from oc_desktop.backup.registers import describe_backup
from oc_desktop.backup.restore import inspect_backup
from oc_desktop.backup.status import restore_as
from oc_desktop.cli import CommandError
from oc_desktop.commands.backup import add_password_options, read_password
from oc_desktop.folder_lock import FolderInUse, FolderLock
from oc_desktop.i18n import _
from oc_desktop.paths import database_path
from oc_desktop.security import ADMIN, TOP_SECRET, Actor


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
    parser.add_argument(
        "--restore-key-file",
        type=Path,
        help=_("a file holding the restore key typed from the recovery sheet"),
    )
    parser.add_argument("--user", help=_("the administrator who restores"))
    parser.add_argument(
        "--user-password-env",
        metavar="VAR",
        help=_("read the administrator's password from this environment variable"),
    )
    parser.add_argument(
        "--user-password-file",
        type=Path,
        help=_("read the administrator's password from this file"),
    )


def _has_users(path: Path) -> bool:
    if not path.is_file() or path.stat().st_size == 0:
        return False
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            return connection.execute("SELECT count(*) FROM user").fetchone()[0] > 0
    except sqlite3.Error:
        return False  # unreadable: there is no one to ask


def _restorer(args: argparse.Namespace) -> Actor:
    if not _has_users(database_path(args.data_dir)):
        return Actor(None, "console", _("Command line"), frozenset({ADMIN}), TOP_SECRET)
    if not args.user:
        raise CommandError(
            _("Only the administrator may restore: add --user and --user-password-file.")
        )
    password = read_password(
        argparse.Namespace(
            password_file=args.user_password_file, password_env=args.user_password_env
        )
    )
    if password is None:
        raise CommandError(_("Give the password with --user-password-file or --user-password-env."))
    from oc_desktop.models.migrate import open_database
    from oc_desktop.users import SignInError, sign_in

    db = open_database(args.data_dir)
    try:
        return sign_in(db, username=args.user, password=password)
    except SignInError as error:
        raise CommandError(str(error)) from error
    finally:
        db.close()


def _restore_key(args: argparse.Namespace) -> str | None:
    if args.restore_key_file is None:
        return None
    try:
        return args.restore_key_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(
            _("The restore key file {path} could not be read ({reason}).").format(
                path=args.restore_key_file, reason=error
            )
        ) from error


def run(args: argparse.Namespace) -> int:
    if args.data_dir is None:
        raise CommandError(_("Name the data folder with --data-dir."))
    password = read_password(args)
    key = _restore_key(args)
    try:
        info = inspect_backup(args.source, password, data_dir=args.data_dir, restore_key=key)
        print(_("Backup: {path}").format(path=info.path))
        print(describe_backup(info))
        if not args.yes:
            print(_("Nothing was changed. Add --yes to restore this backup."))
            return 0
        try:
            lock = FolderLock(args.data_dir).acquire()
        except FolderInUse as error:
            raise CommandError(str(error)) from error
        try:
            actor = _restorer(args)
            result = restore_as(
                args.source, args.data_dir, actor=actor, password=password, restore_key=key
            )
        finally:
            lock.release()
    except BackupError as error:
        raise CommandError(str(error)) from error
    if result.safety_copy is not None:
        print(_("The data before the restore was saved as {path}").format(path=result.safety_copy))
    print(_("Restored into {path}").format(path=result.database))
    return 0
