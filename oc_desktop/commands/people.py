"""Who a script acts as: ``--user`` with that person's password (from a file or the
environment, never the command line), or no one in particular, who sees what a reader
without clearance sees. Shared by the commands that read registers."""

import argparse
from datetime import date

from oc_desktop.cli import CommandError
from oc_desktop.commands.backup import add_password_options, read_password
from oc_desktop.i18n import _


def add_user_options(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--user", help=help_text)
    add_password_options(parser, _("user's"))


def command_actor(db, args, *, anonymous: bool = True):
    """The person named by ``--user``, signed in with their password; without ``--user``
    no one in particular (a reader without clearance), unless ``anonymous`` is False."""
    from oc_desktop.security import ORDINARY, READER, Actor
    from oc_desktop.users import SignInError, sign_in

    if args.user is None:
        if not anonymous:
            raise CommandError(_("Name the person doing this with --user."))
        return Actor(None, "console", _("Command line"), frozenset({READER}), ORDINARY)
    password = read_password(args)
    if password is None:
        raise CommandError(_("Give the password with --password-file or --password-env."))
    try:
        return sign_in(db, username=args.user, password=password)
    except SignInError as error:
        raise CommandError(str(error)) from error


def open_data(args):
    """The data folder named by ``--data-dir``, opened; refused when it holds no data."""
    from oc_desktop.models.migrate import open_database
    from oc_desktop.paths import database_path

    if args.data_dir is None:
        raise CommandError(_("Name the data folder with --data-dir."))
    if not database_path(args.data_dir).exists():
        raise CommandError(_("There is no data in {folder}.").format(folder=args.data_dir))
    return open_database(args.data_dir)


def iso_day(text: str) -> date:
    """A ``--from``/``--to`` value, written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            _("{value} is not a date written YYYY-MM-DD.").format(value=text)
        ) from error
