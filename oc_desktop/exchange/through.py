"""Imports that write each row through the register's own named operation, the one a
clerk's typed entry goes through, so every rule of the register holds for an old book
exactly as for a new entry (a seal's custody, a card number used once, a voucher number
free in its year and kind, a closed month).

The dry run is a rehearsal: the rows are written in a transaction that is rolled back at
the end, each in a savepoint, so a refused row leaves no trace for the rows after it and
a later row meets the earlier rows of the same book (two people with one card number:
the second is refused). The import writes the same rows again in one transaction, or
nothing. Meant for books of hundreds or a few thousand rows (staff, vouchers, seal uses);
the document registers, with their hundred-thousand-row books, batch their checks
instead (``oc_desktop.documents.importing``).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from oc_desktop import audit
from oc_desktop.exchange.importing import Plan, Refusal
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.security import Actor
from oc_desktop.validation import ValidationError

PROGRESS_EVERY = 100


@dataclass(frozen=True)
class Ready:
    row: int  # as the spreadsheet numbers it
    values: Any  # what ``write`` takes, read from the row's cells


class _Rehearsed(Exception):
    """Raised to roll back a dry run's transaction."""


class ThroughOperation:
    """A register's importer: ``read`` turns a row's cells into the operation's values
    (``ValueError`` with the reason in words), ``write`` calls the operation inside the
    session (``ValidationError`` for a rule the row breaks)."""

    area: str
    entity: str  # the audit row's entity of an import
    labels: dict[str, str] = {}  # field -> N_() label, for the reasons

    def read(self, session: Session, actor: Actor, cells: dict, order: str) -> Any:
        raise NotImplementedError

    def write(self, session: Session, actor: Actor, values: Any) -> None:
        raise NotImplementedError

    def reason(self, error: ValidationError) -> str:
        """A refusal in words: each field by its label, with the operation's message."""
        return "; ".join(
            f"{_(self.labels[field]) if field in self.labels else field}: {message}"
            for field, message in error.errors.items()
        )

    def plan(self, db: Database, actor: Actor, records: Iterable, *, date_order: str) -> Plan:
        plan = Plan()
        try:
            with db.begin() as session:
                for row, cells in records:
                    try:
                        values = self.read(session, actor, cells, date_order)
                    except ValueError as error:
                        plan.refused.append(Refusal(row, str(error)))
                        continue
                    savepoint = session.begin_nested()
                    try:
                        self.write(session, actor, values)
                    except ValidationError as error:
                        savepoint.rollback()
                        plan.refused.append(Refusal(row, self.reason(error)))
                    else:
                        savepoint.commit()
                        plan.ready.append(Ready(row, values))
                raise _Rehearsed
        except _Rehearsed:
            pass
        return plan

    def apply(
        self,
        db: Database,
        actor: Actor,
        plan: Plan,
        *,
        source: str,
        progress: Callable[[int, int], bool] | None = None,
    ) -> int:
        """Every row through the operation in one transaction, audited as one import;
        a row refused now (someone wrote since the dry run) refuses the whole file."""
        total = len(plan.ready)
        with db.begin() as session:
            for done, ready in enumerate(plan.ready, start=1):
                try:
                    self.write(session, actor, ready.values)
                except ValidationError as error:
                    raise ValueError(
                        _("Row {row}: {reason}").format(row=ready.row, reason=self.reason(error))
                    ) from error
                counted = progress is not None and done % PROGRESS_EVERY == 0
                if counted and not progress(done, total):
                    raise InterruptedError
            audit.record(
                session,
                actor=actor,
                action="import",
                entity=self.entity,
                entity_id=source,
                area=self.area,
                new={"file": source, "rows": total},
            )
        return total
