"""The command line: `oc-desktop [--data-dir DIR]` opens the window; subcommands script it.

Each subcommand lives in ``oc_desktop/commands/<name>.py`` with ``add_parser`` and
``run``. Messages follow the office's language; a failure exits non-zero.
"""

import argparse
import importlib
import sqlite3
import sys
from pathlib import Path

from oc_desktop import __version__, i18n
from oc_desktop.i18n import _

COMMANDS = ("demo", "backup", "restore", "verify", "print", "export", "import", "reset-admin")


def _language_for(argv: list[str]) -> str:
    """The language to speak before the database is open: --lang, else the stored one."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--data-dir" and i + 1 < len(argv) else None
        if arg.startswith("--data-dir="):
            value = arg.split("=", 1)[1]
        if value:
            from oc_desktop.settings_file import stored_language

            return stored_language(Path(value)) or i18n.DEFAULT_LANGUAGE
    return i18n.DEFAULT_LANGUAGE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="oc-desktop",
        description=_("OC Desktop: the registers of the administration section, offline."),
    )
    parser.add_argument("--version", action="version", version=f"OC Desktop {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, help=_("the data folder (default: the user's data folder)")
    )
    common.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language of messages"))
    parser.add_argument("--data-dir", type=Path, help=_("the data folder to open"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language of messages"))
    sub = parser.add_subparsers(dest="command", metavar=_("command"))
    for name in COMMANDS:
        module = importlib.import_module(f"oc_desktop.commands.{name.replace('-', '_')}")
        module.add_parser(sub, common)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        i18n.set_language(_language_for(argv))
    except ValueError:
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
    args = build_parser().parse_args(argv)
    if args.command is None:
        from oc_desktop.ui.app import run_app

        return run_app(args)
    from sqlalchemy.exc import DatabaseError

    from oc_desktop.models.migrate import EmptyDatabaseError, NewerDatabaseError

    module = importlib.import_module(f"oc_desktop.commands.{args.command.replace('-', '_')}")
    try:
        return module.run(args)
    except CommandError as error:
        print(_("Error: {message}").format(message=error), file=sys.stderr)
    except BrokenPipeError:  # the output was cut short (| head): nothing about the data
        return 1
    except (sqlite3.DatabaseError, DatabaseError, OSError) as error:
        from oc_desktop.paths import database_path
        from oc_desktop.storage_errors import explain_open_failure

        folder = args.data_dir or Path(".")
        message = explain_open_failure(error, folder, database_path(folder))
        print(_("Error: {message}").format(message=message), file=sys.stderr)
    except EmptyDatabaseError:
        from oc_desktop.storage_errors import EMPTY, open_failure_message

        message = open_failure_message(EMPTY, args.data_dir)
        print(_("Error: {message}").format(message=message), file=sys.stderr)
    except NewerDatabaseError:
        print(
            _("Error: {message}").format(message=newer_database_message(args.data_dir)),
            file=sys.stderr,
        )
    return 2


def newer_database_message(data_dir) -> str:
    return _(
        "The data in {path} was written by a newer version of OC Desktop. "
        "Install that version to open it; this one will not change it."
    ).format(path=data_dir)


class CommandError(Exception):
    """A failure to report to the person at the console, already in their language."""


def damaged_database_message(data_dir) -> str:
    from oc_desktop.storage_errors import DAMAGED, open_failure_message

    return open_failure_message(DAMAGED, data_dir)
