"""`oc-desktop print`: a register book of a date range as PDF, for scripted printing.

Without ``--user`` the book is printed for no one in particular: secret entries keep only
their number and date. With ``--user`` and the person's password (from a file or the
environment, never the command line), it shows what that person may see on screen.
"""

import argparse

from oc_desktop.budget import PRINTOUTS as BUDGET_PRINTOUTS
from oc_desktop.cli import CommandError
from oc_desktop.commands.people import add_user_options, command_actor, iso_day, open_data
from oc_desktop.commands.staff_print import STAFF_PRINTS, run_staff
from oc_desktop.documents.terms import BOOKS
from oc_desktop.i18n import _

#: the seal log's printouts: the register of uses (a period), the minutes of one handover
SEAL_PRINTOUTS = ("seal-use", "seal-handover")


def add_parser(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "print", parents=[common], help=_("print a register book of a date range to PDF")
    )
    parser.add_argument(
        "book",
        choices=(*BOOKS, *SEAL_PRINTOUTS, *STAFF_PRINTS, *BUDGET_PRINTOUTS),
        help=_(
            "which book: incoming, outgoing, delivery; seal-use, seal-handover; a staff"
            " printout; budget-journal, plan-vs-actual, payroll, voucher (with --user)"
        ),
    )
    parser.add_argument("--from", dest="start", type=iso_day, help=_("first day"))
    parser.add_argument("--to", dest="end", type=iso_day, help=_("last day"))
    parser.add_argument("--as-of", dest="as_of", type=iso_day, help=_("staff printouts: as of"))
    parser.add_argument(
        "--id",
        type=int,
        help=_("the record number: a person's biography, a seal handover, a voucher"),
    )
    parser.add_argument("--months", type=int, default=3, help=_("promotions-due: months ahead (3)"))
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

    if args.book in BUDGET_PRINTOUTS:
        return _run_budget(args)
    staff = args.book in STAFF_PRINTS
    dated = not staff and args.book != "seal-handover"  # a book of a period
    if args.book == "seal-handover" and args.id is None:
        raise CommandError(_("Name the handover with --id."))
    if dated and (args.start is None or args.end is None):
        raise CommandError(_("Give the first and last day with --from and --to."))
    if dated and args.end < args.start:
        raise CommandError(_("The last day comes before the first."))
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CommandError(_("The folder {folder} does not exist.").format(folder=out.parent))
    span = DateRange(args.start, args.end) if args.start and args.end else None
    db = _open_for_print(args)
    try:
        actor = command_actor(db, args)
        if staff:
            pages = run_staff(args, db, actor, out)
        elif args.book in SEAL_PRINTOUTS:
            pages = _print_seal(db, out, actor, args, span)
        elif args.book == "delivery":
            pages = print_delivery_book(db, out, actor=actor, span=span)
        else:
            pages = print_register_book(db, out, actor=actor, register=args.book, span=span)
    except NotAllowed as error:
        if args.book in SEAL_PRINTOUTS:
            raise CommandError(_("This person may not read the seal log.")) from error
        if staff:
            raise CommandError(_("This person may not read the staff records.")) from error
        raise CommandError(_("This person may not read the document register.")) from error
    except LookupError as error:
        raise CommandError(_("There is no handover {id}.").format(id=args.id)) from error
    except OSError as error:
        raise CommandError(
            _("The PDF could not be written to {path} ({reason}).").format(path=out, reason=error)
        ) from error
    finally:
        db.close()
    print(_("{path}: {pages} pages.").format(path=out, pages=pages))
    return 0


def _open_for_print(args: argparse.Namespace):
    """The data file, with the office's digits set as the window prints them: every
    printout of the command, register books, seal, staff and budget alike."""
    from oc_desktop.formatting import set_lao_digits
    from oc_desktop.profile import get_setting

    db = open_data(args)
    set_lao_digits(bool(get_setting(db, "lao_digits")))
    return db


def _run_budget(args: argparse.Namespace) -> int:
    from pathlib import Path

    from oc_desktop.budget.console import Refused, print_budget
    from oc_desktop.security import NotAllowed

    if args.user is None:
        raise CommandError(_("The budget is printed for a person: give --user."))
    out = Path(args.out)
    if not out.parent.is_dir():
        raise CommandError(_("The folder {folder} does not exist.").format(folder=out.parent))
    db = _open_for_print(args)
    try:
        actor = command_actor(db, args)
        pages = print_budget(
            db,
            out,
            actor=actor,
            what=args.book,
            start=args.start,
            end=args.end,
            entry_id=args.id,
        )
    except NotAllowed as error:
        raise CommandError(_("This person may not read the budget.")) from error
    except Refused as error:
        raise CommandError(str(error)) from error
    finally:
        db.close()
    print(_("{path}: {pages} pages.").format(path=out, pages=pages))
    return 0


def _print_seal(db, out, actor, args, span) -> int:
    from oc_desktop.seal.printouts import print_handover_minutes, print_use_book

    if args.book == "seal-use":
        return print_use_book(db, out, actor=actor, span=span)
    return print_handover_minutes(db, out, actor=actor, handover_id=args.id)
