# ruff: noqa: N999 (the subcommand is named "import", as the clerk types it)
"""`oc-desktop import REGISTER --from FILE`: an old Excel, ODS or CSV register brought in,
all rows or none. ``--dry-run`` only says what would be added and which rows are refused
(with their row numbers and why); refused rows make the command exit non-zero. The
mapping of columns is guessed from the headers or read from ``--mapping``, a JSON file
naming each header's field: ``{"columns": {"ລ/ດ": "seq", "ຈາກ": "sender"}, "date_order":
"dmy"}`` (the window keeps the same shape in its settings). Kinds and names the lists
lack are added and named."""

import argparse
from pathlib import Path

from oc_desktop.cli import CommandError
from oc_desktop.commands.people import add_user_options, command_actor, open_data
from oc_desktop.i18n import _


def add_parser(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "import", parents=[common], help=_("bring an old register in from Excel or CSV")
    )
    parser.add_argument("register", help=_("which register: incoming, outgoing, …"))
    parser.add_argument("--from", dest="source", type=Path, required=True, help=_("the file"))
    parser.add_argument("--sheet", help=_("the sheet (default: the first)"))
    parser.add_argument("--mapping", type=Path, help=_("columns to fields, as JSON"))
    parser.add_argument("--dates", choices=("dmy", "mdy"), help=_("order of day and month"))
    parser.add_argument("--dry-run", action="store_true", help=_("check only, add nothing"))
    add_user_options(parser, _("import as this person (with their password)"))


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from oc_desktop.exchange import importing
    from oc_desktop.exchange.declare import register
    from oc_desktop.exchange.reading import Unreadable, open_source
    from oc_desktop.security import NotAllowed

    chosen = register(args.register)
    if chosen is None or chosen.importer is None:
        raise CommandError(_("Register {name} cannot be imported.").format(name=args.register))
    try:
        source = open_source(args.source)
        preview = importing.preview(source, args.sheet, chosen.fields)
        choices = preview.choices
        if args.mapping is not None:
            choices = importing.mapping_from_json(args.mapping.read_text("utf-8"), preview)
        if args.dates:
            choices = replace(choices, date_order=args.dates)
    except (Unreadable, OSError, ValueError) as error:
        raise CommandError(str(error)) from error
    missing = importing.missing_fields(chosen, choices)
    if missing:
        raise CommandError(
            _("No column is mapped to: {fields}.").format(fields=", ".join(_(f) for f in missing))
        )
    db = open_data(args)
    try:
        actor = command_actor(db, args, anonymous=False)
        plan = importing.dry_run(db, actor=actor, register=chosen, source=source, choices=choices)
        for refusal in plan.refused:
            print(_("Row {row}: {reason}").format(row=refusal.row, reason=refusal.reason))
        if plan.new_kinds:
            print(_("New kinds: {names}").format(names=", ".join(plan.new_kinds)))
        if plan.new_names:
            print(_("New senders or recipients: {count}").format(count=len(plan.new_names)))
        if plan.refused:
            raise CommandError(
                _("{count} rows are refused; nothing was imported.").format(count=len(plan.refused))
            )
        if args.dry_run:
            print(_("{count} entries would be added.").format(count=len(plan.ready)))
            return 0
        added = importing.run_import(
            db,
            actor=actor,
            register=chosen,
            plan=plan,
            source=args.source,
            add_new_names=True,
        )
    except NotAllowed as error:
        raise CommandError(_("This person may not change this register.")) from error
    except ValueError as error:
        raise CommandError(str(error)) from error
    finally:
        db.close()
    print(_("{count} entries added.").format(count=added))
    return 0
