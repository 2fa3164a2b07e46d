"""Which restore points on a drive are this data folder's, and rotating them.

Two offices (or two computers) may back up to one stick: each restore point names its data
folder in its clear header, and rotation only counts and removes this folder's own. A
point of an older OC Desktop (no folder id) is never removed. After a point goes, the
scans on the drive that no remaining point of the folder names go too.
"""

from dataclasses import dataclass
from pathlib import Path

from oc_desktop.backup.crypto import Damaged, NewerContainer, read_header
from oc_desktop.backup.naming import our_backups
from oc_desktop.backup.store import remove_unreferenced


@dataclass(frozen=True)
class PointHeader:
    path: Path
    folder: str | None
    scans: tuple[str, ...]


def point_header(path: Path) -> PointHeader | None:
    """The clear part of a restore point (None for a file we cannot read as ours)."""
    try:
        with open(path, "rb") as handle:
            header = read_header(handle)
    except (OSError, Damaged, NewerContainer):
        return None
    folder = header.fields.get("folder")
    scans = header.fields.get("scans") or []
    if not isinstance(folder, str) or not isinstance(scans, list):
        return PointHeader(path, None, ())
    return PointHeader(path, folder, tuple(str(s) for s in scans))


def folder_points(destination: Path, folder: str) -> list[PointHeader]:
    """This folder's restore points on the drive, oldest first."""
    points = []
    for path in our_backups(destination):
        header = point_header(path)
        if header is not None and header.folder == folder:
            points.append(header)
    return points


def rotate(destination: Path, folder: str, keep: int, newest: Path) -> tuple[Path, ...]:
    """Delete this folder's oldest points past ``keep``, then its unreferenced scans."""
    points = folder_points(destination, folder)
    keep = max(1, int(keep))
    removed = []
    for point in points[:-keep] if len(points) > keep else []:
        if point.path == newest:
            continue
        try:
            point.path.unlink()
            removed.append(point.path)
        except OSError:
            pass  # the new backup is good; an old one left over does no harm
    remaining = [p for p in points if p.path not in removed]
    needed = {sha for point in remaining for sha in point.scans}
    remove_unreferenced(destination, folder, needed)
    return tuple(removed)
