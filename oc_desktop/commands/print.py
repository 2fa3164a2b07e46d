"""`oc-desktop print`: a register book of a date range as PDF, for scripted printing.

Without ``--user`` the book is printed for no one in particular: secret entries keep only
their number and date. With ``--user`` and the person's password (from a file or the
environment, never the command line), it shows what that person may see on screen.
"""

import argparse

from oc_desktop.cli import CommandError
from oc_desktop.commands.people import add_user_options, command_actor, iso_day, open_data
from oc_desktop.documents.terms import BOOKS
from oc_desktop.i18n import _


def add_parser(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "print", parents=[common], help=_("print a register book of a date range to PDF")
    )
    parser.add_argument("book", choices=BOOKS, help=_("which book: incoming, outgoing, delivery"))
    parser.add_argument("--from", dest="start", type=iso_day, required=True, help=_("first day"))
    parser.add_argument("--to", dest="end", type=iso_day, required=True, help=_("last day"))
    parser.add_argument("--out", required=True, help=_("the PDF file to write"))
    add_user_options(parser, _("print as this person (with their password)"))


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from oc_desktop.documents.printouts import (
        DateRange,
        print_delivery_book,
        print_register_book,
    )
    from oc_desktop.security import NotAllowed

    if args.end < args.start:
        raise CommandError(_("The last day comes before the first."))
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CommandError(_("The folder {folder} does not exist.").format(folder=out.parent))
    span = DateRange(args.start, args.end)
    db = open_data(args)
    try:
        actor = command_actor(db, args)
        if args.book == "delivery":
            pages = print_delivery_book(db, out, actor=actor, span=span)
        else:
            pages = print_register_book(db, out, actor=actor, register=args.book, span=span)
    except NotAllowed as error:
        raise CommandError(_("This person may not read the document register.")) from error
    except OSError as error:
        raise CommandError(
            _("The PDF could not be written to {path} ({reason}).").format(path=out, reason=error)
        ) from error
    finally:
        db.close()
    print(_("{path}: {pages} pages.").format(path=out, pages=pages))
    return 0
