"""`oc-desktop verify`: check that the audit trail was not changed outside the program."""

import argparse

from oc_desktop.cli import CommandError
from oc_desktop.i18n import _


def add_parser(subparsers, common) -> None:
    subparsers.add_parser(
        "verify", parents=[common], help=_("check the audit trail has not been tampered with")
    )


def seal_chain_message(broken) -> str:
    from oc_desktop.seal.chain import log_label

    return _("The seal log was changed outside OC Desktop: {log}, entry {id}.").format(
        log=log_label(broken.table), id=broken.id
    )


def run(args: argparse.Namespace) -> int:
    from oc_desktop.audit import verify_chain
    from oc_desktop.models.migrate import open_database
    from oc_desktop.paths import database_path
    from oc_desktop.seal.chain import verify_seal_chains

    if args.data_dir is None:
        raise CommandError(_("Name the data folder with --data-dir."))
    if not database_path(args.data_dir).exists():
        raise CommandError(_("There is no data in {folder}.").format(folder=args.data_dir))
    db = open_database(args.data_dir)
    try:
        broken = verify_chain(db)
        seal_broken = verify_seal_chains(db) if broken is None else None
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
    print(_("The audit trail is intact."))
    print(_("The seal log is intact."))
    return 0
