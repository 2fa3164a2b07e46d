"""`oc-desktop export REGISTER`: a register to .xlsx or .csv, for scripts and the head's
monthly list. Secrecy as on screen: without ``--user``, or for a person without
clearance, a secret entry keeps its number, date and kind only."""

import argparse
from pathlib import Path

from oc_desktop.cli import CommandError
from oc_desktop.commands.people import add_user_options, command_actor, iso_day, open_data
from oc_desktop.i18n import _


def add_parser(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "export", parents=[common], help=_("write a register to an Excel or CSV file")
    )
    parser.add_argument("register", help=_("which register: incoming, outgoing, …"))
    parser.add_argument("--out", required=True, help=_("the .xlsx or .csv file to write"))
    parser.add_argument("--from", dest="start", type=iso_day, help=_("first day"))
    parser.add_argument("--to", dest="end", type=iso_day, help=_("last day"))
    parser.add_argument("--search", default="", help=_("only entries holding this text"))
    add_user_options(parser, _("export as this person (with their password)"))


def run(args: argparse.Namespace) -> int:
    from oc_desktop.exchange.declare import register, registers
    from oc_desktop.exchange.export import export_register
    from oc_desktop.security import NotAllowed

    chosen = register(args.register)
    if chosen is None:
        raise CommandError(
            _("There is no register {name}; choose one of: {names}.").format(
                name=args.register, names=", ".join(registers())
            )
        )
    if args.start and args.end and args.end < args.start:
        raise CommandError(_("The last day comes before the first."))
    out = Path(args.out)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise CommandError(_("Name a file ending in .xlsx or .csv."))
    if not out.parent.is_dir():
        raise CommandError(_("The folder {folder} does not exist.").format(folder=out.parent))
    db = open_data(args)
    try:
        actor = command_actor(db, args)
        rows = export_register(
            db, out, actor=actor, register=chosen, text=args.search, start=args.start, end=args.end
        )
    except NotAllowed as error:
        raise CommandError(_("This person may not read this register.")) from error
    except OSError as error:
        raise CommandError(
            _("The file could not be written to {path} ({reason}).").format(path=out, reason=error)
        ) from error
    finally:
        db.close()
    print(_("{path}: {rows} entries.").format(path=out, rows=rows))
    return 0
