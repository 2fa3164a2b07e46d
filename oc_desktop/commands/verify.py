"""`oc-desktop verify`: check that the audit trail was not changed outside the program."""

import argparse
import sys
from pathlib import Path

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
    parser.add_argument(
        "--backup",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help=_("a backup folder or drive: compare the trail with its restore points"),
    )


def seal_chain_message(broken) -> str:
    from oc_desktop.seal.chain import log_label

    return _("The seal log was changed outside OC Desktop: {log}, entry {id}.").format(
        log=log_label(broken.table), id=broken.id
    )


class _Progress:
    """A line on the terminal that counts up while a long check runs (only on a terminal)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = False

    def __call__(self, done: int, total: int) -> bool:
        if sys.stderr.isatty() and total:
            print(f"\r{self.label} {done * 100 // total}%", end="", file=sys.stderr, flush=True)
            self.shown = True
        return True

    def end(self) -> None:
        if self.shown:
            print(file=sys.stderr)


def _given_anchors(texts: list[str]) -> list:
    from oc_desktop.audit.anchors import parse_anchor

    given = []
    for text in texts:
        anchor = parse_anchor(text)
        if anchor is None:
            raise CommandError(
                _("{anchor} is not an anchor: write it as number-letters, as printed.").format(
                    anchor=text
                )
            )
        given.append(anchor)
    return given


def _backup_points(folders: list[Path]) -> list:
    from oc_desktop.backup.anchors import point_anchors

    points = []
    for folder in folders:
        if not folder.is_dir():
            raise CommandError(
                _("The folder {folder} cannot be found. Is the drive plugged in?").format(
                    folder=folder
                )
            )
        found = point_anchors(folder)
        if not found:
            raise CommandError(_("There is no backup in {folder}.").format(folder=folder))
        points.extend(found)
    return points


def _this_folder(data_dir: Path) -> str | None:
    from oc_desktop.backup.office_key import FOLDER_ID_FILE

    try:
        return (Path(data_dir) / FOLDER_ID_FILE).read_text(encoding="ascii").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def run(args: argparse.Namespace) -> int:
    from oc_desktop.audit import verify_chain
    from oc_desktop.audit.anchors import check_anchors, head, read_anchor
    from oc_desktop.audit.state import check_state
    from oc_desktop.backup.anchors import sort_points
    from oc_desktop.models.migrate import open_database
    from oc_desktop.paths import database_path
    from oc_desktop.seal.chain import verify_seal_chains

    if args.data_dir is None:
        raise CommandError(_("Name the data folder with --data-dir."))
    if not database_path(args.data_dir).exists():
        raise CommandError(_("There is no data in {folder}.").format(folder=args.data_dir))
    given = _given_anchors(args.anchor)
    points = _backup_points(args.backup)
    db = open_database(args.data_dir)
    try:
        progress = _Progress(_("Checking the audit trail…"))
        broken = verify_chain(db, progress)
        progress.end()
        seal_broken = verify_seal_chains(db) if broken is None else None
        kept = read_anchor(db.path)
        from_backups, skipped = sort_points(db, points, _this_folder(args.data_dir))
        failed = check_anchors(db, [*([kept] if kept else []), *from_backups, *given])
        newest = head(db)
        state = None
        if broken is None and seal_broken is None and not failed:
            progress = _Progress(_("Checking the registers, people and settings…"))
            state = check_state(db, progress)
            progress.end()
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
    if state.differs is not None:
        raise CommandError(_differs(state.differs))
    for left in skipped:
        print(_skipped(left))
    print(_("The audit trail is intact."))
    if newest is not None:
        print(_("Its last entry is {anchor}.").format(anchor=newest.short))
    if from_backups:
        print(_("It matches the {count} backups compared.").format(count=len(from_backups)))
    print(_("The seal log is intact."))
    print(
        _(
            "Every register entry, person's rights and setting is as the audit trail says "
            "({count} checked)."
        ).format(count=state.checked - sum(state.uncovered.values()))
    )
    if state.uncovered:
        print(
            _("Not covered (written before the trail kept what entries became): {list}.").format(
                list=", ".join(
                    f"{_table_label(table)} {count}" for table, count in state.uncovered.items()
                )
            )
        )
    return 0


def _table_label(table: str) -> str:
    from oc_desktop.audit.state import traced_tables
    from oc_desktop.sections import by_key

    return _(by_key()[traced_tables()[table].area].tables[table])


def _differs(found) -> str:
    """The first row that is not what the trail says, named as the clerk knows it."""
    from oc_desktop.audit.text import area_label, field_label

    area, table = area_label(found.area), _table_label(found.table)
    entry = field_label(found.key, found.area) if found.table == "setting" else found.key
    if found.reason == "gone":
        text = _(
            "{area}: {table}, entry {entry} is gone though the audit trail holds it: "
            "it was deleted outside OC Desktop."
        )
    elif found.reason == "unrecorded":
        text = _(
            "{area}: {table}, entry {entry} is there though the audit trail says it was "
            "removed: it was put back outside OC Desktop."
        )
    elif found.field is None or found.table == "setting":  # a setting's name says which
        text = _(
            "{area}: {table}, entry {entry} is not what the audit trail says it last "
            "became: it was changed outside OC Desktop."
        )
    else:
        text = _(
            "{area}: {table}, entry {entry}, field {field} is not what the audit trail says "
            "it last became: it was changed outside OC Desktop."
        )
    field = field_label(found.field, found.area) if found.field else ""
    return text.format(area=area, table=table, entry=entry, field=field)


def _skipped(left) -> str:
    name = left.point.path.name
    if left.why == "other":
        return _("The backup {name} was made from another data folder: not compared.").format(
            name=name
        )
    if left.why == "replaced":
        return _(
            "The backup {name} was made from data a later restore replaced: not compared."
        ).format(name=name)
    if left.why == "no head":
        return _(
            "The backup {name} was made by an older version that kept no trail anchor: "
            "not compared."
        ).format(name=name)
    return _("The backup {name} is damaged: not compared.").format(name=name)


def _describe(failure) -> str:
    anchor = failure.anchor
    where = anchor.source or anchor.short
    if failure.reason == "unreadable":
        return _("The anchor file {file} is damaged.").format(file=where)
    if anchor.kind == "file":
        if failure.reason == "missing":
            text = _(
                "The audit trail was cut short: entry {id} named by the anchor file beside "
                "the data ({anchor}) is gone."
            )
        else:
            text = _(
                "The audit trail was rewritten: entry {id} does not match the anchor file "
                "beside the data ({anchor})."
            )
    elif anchor.kind == "backup":
        if failure.reason == "missing":
            text = _(
                "The audit trail was cut short: entry {id} named by the backup {anchor} is gone."
            )
        else:
            text = _(
                "The audit trail was rewritten: entry {id} does not match the backup {anchor}."
            )
    elif failure.reason == "missing":
        text = _("The audit trail was cut short: entry {id} named by the anchor {anchor} is gone.")
    else:
        text = _("The audit trail was rewritten: entry {id} does not match the anchor {anchor}.")
    return text.format(id=anchor.id, anchor=where)
