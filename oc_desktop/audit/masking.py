"""What of the audit trail a reader may see: each area masks its own rows.

The trail keeps values whole (the hash chain needs them, and those cleared to read
them do). An area whose rows may hold what not everyone may read (a secret document's
subject, a staff file) declares a mask in ``oc_desktop.sections``; it gets that area's
rows and replaces what the reader may not see by ``HIDDEN``.
"""

from typing import Any

from sqlalchemy.orm import Session

from oc_desktop.security import Actor


class _Hidden:
    """Stands for a value the reader may not see."""

    def __repr__(self) -> str:
        return "HIDDEN"


HIDDEN = _Hidden()


def hide(values: Any, keep: frozenset[str] = frozenset()) -> Any:
    """A row's old or new values with every field but ``keep`` hidden."""
    if not isinstance(values, dict):
        return values
    return {key: value if key in keep else HIDDEN for key, value in values.items()}


def mask_rows(session: Session, actor: Actor, rows: list) -> list:
    """The rows as ``actor`` may read them, in the same order."""
    from oc_desktop.sections import areas

    shown = list(rows)
    for area in areas():
        mask = area.loaded("mask")
        positions = [i for i, row in enumerate(shown) if row.area == area.key]
        if mask is None or not positions:
            continue
        for i, row in zip(
            positions, mask(session, actor, [shown[i] for i in positions]), strict=True
        ):
            shown[i] = row
    return shown
