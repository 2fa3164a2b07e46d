"""`oc-desktop reset-admin`: a new password for an administrator who forgot theirs.

It needs the recovery sheet from the head's safe: its code is typed (or read from a file)
and checked against this data folder's office key. The new password is asked twice, or
read from a file; never taken from the command line, where others could read it.
"""

import argparse
import getpass
from pathlib import Path

from oc_desktop.cli import CommandError
from oc_desktop.folder_lock import FolderInUse, FolderLock
from oc_desktop.i18n import _
from oc_desktop.validation import ValidationError


def add_parser(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "reset-admin",
        parents=[common],
        help=_("give an administrator a new password, with the office's recovery sheet"),
    )
    parser.add_argument("--user", help=_("the administrator (default: the only one)"))
    parser.add_argument(
        "--recovery-code-file",
        type=Path,
        help=_("read the recovery sheet's code from this file (default: type it)"),
    )
    parser.add_argument(
        "--password-file",
        type=Path,
        help=_("read the new password from this file (default: type it twice)"),
    )


def _read(path: Path, what: str) -> str:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(
            _("The {what} file {path} could not be read ({reason}).").format(
                what=what, path=path, reason=error
            )
        ) from error
    return lines[0] if lines else ""


def _username(args, db) -> str:
    from oc_desktop.admin_recovery import active_admins

    if args.user:
        return args.user
    admins = active_admins(db)
    if len(admins) != 1:
        raise CommandError(
            _("Name the administrator with --user: {names}.").format(names=", ".join(admins))
        )
    return admins[0]


def run(args: argparse.Namespace) -> int:
    if args.data_dir is None:
        raise CommandError(_("Name the data folder with --data-dir."))
    if not args.data_dir.is_dir():
        raise CommandError(_("There is no data folder {path}.").format(path=args.data_dir))
    from oc_desktop.admin_recovery import recover_admin
    from oc_desktop.models.migrate import open_database

    if args.recovery_code_file is not None:
        code = _read(args.recovery_code_file, _("recovery code"))
    else:
        code = input(_("The code on the recovery sheet: "))
    if args.password_file is not None:
        password, again = _read(args.password_file, _("password")), None
    else:
        password = getpass.getpass(_("New password: "))
        again = getpass.getpass(_("The new password again: "))
    try:
        lock = FolderLock(args.data_dir).acquire()
    except FolderInUse as error:
        raise CommandError(str(error)) from error
    try:
        db = open_database(args.data_dir)
        try:
            username = _username(args, db)
            actor = recover_admin(
                db,
                data_dir=args.data_dir,
                recovery_code=code,
                username=username,
                password=password,
                password_again=again,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.errors.values())) from error
        finally:
            db.close()
    finally:
        lock.release()
    print(_("{name} has a new password and may sign in now.").format(name=actor.username))
    return 0
