"""`oc-desktop demo`: fill a data folder with realistic Lao demo data."""

import argparse
import time

from oc_desktop.cli import CommandError
from oc_desktop.demo import build_demo
from oc_desktop.folder_lock import FolderInUse, FolderLock
from oc_desktop.i18n import _
from oc_desktop.models.migrate import open_database
from oc_desktop.paths import database_path


def add_parser(subparsers, common) -> None:
    parser = subparsers.add_parser(
        "demo", parents=[common], help=_("fill a new data folder with demo data")
    )
    parser.add_argument(
        "--documents", type=int, default=2000, help=_("how many register entries to make")
    )
    parser.add_argument("--seed", type=int, default=1, help=_("the same seed gives the same data"))
    parser.add_argument(
        "--force", action="store_true", help=_("replace the data folder's database")
    )


def run(args: argparse.Namespace) -> int:
    if args.data_dir is None:
        raise CommandError(_("Name the data folder with --data-dir."))
    if args.documents < 0:
        raise CommandError(_("The number of documents cannot be negative."))
    path = database_path(args.data_dir)
    # never under a running program: it would keep "saving" into a deleted file
    try:
        lock = FolderLock(args.data_dir).acquire()
    except FolderInUse as error:
        raise CommandError(str(error)) from error
    try:
        return _fill(args, path)
    finally:
        lock.release()


def _fill(args: argparse.Namespace, path) -> int:
    if path.exists():
        if not args.force:
            raise CommandError(
                _("{path} already holds data; add --force to replace it.").format(path=path)
            )
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    db = open_database(args.data_dir)
    try:
        build_demo(db, documents=args.documents, seed=args.seed)
    finally:
        db.close()
    print(
        _("Demo data written to {path} in {seconds:.1f} s.").format(
            path=path, seconds=time.perf_counter() - started
        )
    )
    return 0
