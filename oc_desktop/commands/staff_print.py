"""`oc-desktop print staff-list|staff-stats|promotions-due|biography`: staff printouts.

Staff files are personal data: these need ``--user`` (with the password from a file or
the environment) of a person who may read them; anyone else is refused.
"""

import argparse
from datetime import date
from pathlib import Path

from oc_desktop.cli import CommandError
from oc_desktop.i18n import _

STAFF_PRINTS = ("staff-list", "staff-stats", "promotions-due", "biography")


def run_staff(args: argparse.Namespace, db, actor, out: Path) -> int:
    """Print one staff printout for ``actor``; the page count."""
    from oc_desktop.security import NotAllowed
    from oc_desktop.staff.common import PersonNotFound
    from oc_desktop.staff.printed_lists import print_promotions_due, print_staff_list
    from oc_desktop.staff.printouts import print_biography, print_statistics

    if args.user is None:
        raise CommandError(_("Staff files are personal data: give --user and the password."))
    as_of = args.as_of or date.today()
    preparer = actor.full_name
    try:
        if args.book == "biography":
            if args.id is None:
                raise CommandError(_("Name the person's record number with --id."))
            return print_biography(db, out, actor=actor, person_id=args.id)
        if args.book == "staff-stats":
            return print_statistics(db, out, actor=actor, as_of=as_of, preparer=preparer)
        if args.book == "promotions-due":
            return print_promotions_due(
                db, out, actor=actor, as_of=as_of, months=args.months, preparer=preparer
            )
        return print_staff_list(db, out, actor=actor, as_of=as_of, preparer=preparer)
    except NotAllowed as error:
        raise CommandError(_("This person may not read staff files.")) from error
    except PersonNotFound as error:
        raise CommandError(_("There is no staff file No. {id}.").format(id=args.id)) from error
