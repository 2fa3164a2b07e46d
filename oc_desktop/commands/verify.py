"""`oc-desktop verify`: check that the audit trail was not changed outside the program."""

import argparse

from oc_desktop.cli import CommandError
from oc_desktop.i18n import _


def add_parser(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "verify", parents=[common], help=_("check the audit trail has not been tampered with")
    )
    parser.add_argument(
        "--anchor",
        action="append",
        default=[],
        metavar="ID-HASH",
        help=_("an anchor from a printout's closing block, such as 1234-0f3a9c2b71de"),
    )


def seal_chain_message(broken) -> str:
    from oc_desktop.seal.chain import log_label

    return _("The seal log was changed outside OC Desktop: {log}, entry {id}.").format(
        log=log_label(broken.table), id=broken.id
    )


def run(args: argparse.Namespace) -> int:
    from oc_desktop.audit import verify_chain
    from oc_desktop.audit.anchors import check_anchors, head, parse_anchor, read_anchor
    from oc_desktop.models.migrate import open_database
    from oc_desktop.paths import database_path
    from oc_desktop.seal.chain import verify_seal_chains

    if args.data_dir is None:
        raise CommandError(_("Name the data folder with --data-dir."))
    if not database_path(args.data_dir).exists():
        raise CommandError(_("There is no data in {folder}.").format(folder=args.data_dir))
    given = []
    for text in args.anchor:
        anchor = parse_anchor(text)
        if anchor is None:
            raise CommandError(
                _("{anchor} is not an anchor: write it as number-letters, as printed.").format(
                    anchor=text
                )
            )
        given.append(anchor)
    db = open_database(args.data_dir)
    try:
        broken = verify_chain(db)
        seal_broken = verify_seal_chains(db) if broken is None else None
        kept = read_anchor(db.path)
        failed = check_anchors(db, [*([kept] if kept else []), *given])
        newest = head(db)
    finally:
        db.close()
    if broken is not None:
        raise CommandError(
            _("The audit trail was changed outside OC Desktop, from entry {id} on.").format(
                id=broken
            )
        )
    if seal_broken is not None:
        raise CommandError(seal_chain_message(seal_broken))
    if failed:
        raise CommandError("\n".join(_describe(f) for f in failed))
    print(_("The audit trail is intact."))
    if newest is not None:
        print(_("Its last entry is {anchor}.").format(anchor=newest.short))
    print(_("The seal log is intact."))
    return 0


def _describe(failure) -> str:
    where = failure.anchor.source or failure.anchor.short
    if failure.reason == "unreadable":
        return _("The anchor file {file} is damaged.").format(file=where)
    if failure.reason == "missing":
        return _(
            "The audit trail was cut short: entry {id} named by the anchor {anchor} is gone."
        ).format(id=failure.anchor.id, anchor=where)
    return _(
        "The audit trail was rewritten: entry {id} does not match the anchor {anchor}."
    ).format(id=failure.anchor.id, anchor=where)
