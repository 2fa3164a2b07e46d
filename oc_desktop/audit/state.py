"""What each traced row last became, kept in the trail, so a row edited outside is noticed.

The areas name their traced tables (``Area.traced``: register entries, people's rights,
settings). Every transaction that writes such a row leaves, on its last audit row, the
row's digest as stored at commit (``state``: per table the columns covered, and per row
a 16-hex digest of all of them followed by 4 hex per column, so ``verify`` can name the
field that differs). A transaction that writes traced rows without an audit row of its
own gets one (action ``state``). Writers that bypass the ORM (bulk imports) call
``touch``. ``check_state`` compares every traced row with the last digest the trail
holds for it; rows written before this was kept are counted as not covered.
"""

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Table, event, func, inspect, select
from sqlalchemy.orm import Session

from oc_desktop.models import AuditEntry
from oc_desktop.models.db import Database

ROW_HEX = 16
FIELD_HEX = 4
TRACED_KEY = "traced_rows"
UNTRACED = "untraced"  # session.info: this transaction writes what the program starts with
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Traced:
    area: str
    table: Table
    columns: tuple[str, ...]

    @property
    def key(self):
        return self.table.primary_key.columns.values()[0]


@cache
def traced_tables() -> dict[str, Traced]:
    """table name → what of it is traced, in the areas' order."""
    from oc_desktop.models import Base
    from oc_desktop.sections import areas

    found = {}
    for area in areas():
        for name, left_out in area.traced.items():
            table = Base.metadata.tables[name]
            columns = tuple(
                c.name for c in table.columns if not c.primary_key and c.name not in left_out
            )
            found[name] = Traced(area.key, table, columns)
    return found


def _extra(value: Any) -> str:
    """What JSON lacks: dates as ISO text, bytes (a photo) by their SHA-256."""
    if isinstance(value, bytes):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


_encode = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_extra
).encode


def _hex(value: Any, length: int) -> str:
    return hashlib.sha256(_encode(value).encode("utf-8")).hexdigest()[:length]


#: a transaction writing more traced rows than this (an import of an old book) keeps
#: each row's digest without the per-field ones: `verify` then names the row, not the
#: field, and a 100,000-row import's state is 2 MB instead of 11 (its peak memory stays
#: under 300 MB)
FIELDS_UP_TO = 1000


def row_digest(values: Iterable[Any], *, fields: bool = True) -> str:
    values = list(values)
    row = _hex(values, ROW_HEX) + ":"
    return row + "".join(_hex(v, FIELD_HEX) for v in values) if fields else row


def _matches(recorded: str, values: list) -> bool:
    """Only the whole-row digest is worked out (the per-field ones only on a mismatch)."""
    return recorded[:ROW_HEX] == _hex(values, ROW_HEX)


def first_field(recorded: str, columns: tuple[str, ...], values: list) -> str | None:
    """The first column whose 4-hex digest differs (None: the row's digest alone differs)."""
    fields = recorded[ROW_HEX + 1 :]
    if not fields:
        return None  # kept without them (a bulk write)
    for n, (column, value) in enumerate(zip(columns, values, strict=True)):
        if fields[n * FIELD_HEX : (n + 1) * FIELD_HEX] != _hex(value, FIELD_HEX):
            return column
    return None


# --- recording ---------------------------------------------------------------------


def touch(session: Session, table: str, keys: Iterable[Any]) -> None:
    """Rows written without the ORM (Core inserts): traced at commit like the rest."""
    if table in traced_tables():
        session.info.setdefault(TRACED_KEY, {}).setdefault(table, set()).update(keys)


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _context) -> None:
    tables = traced_tables()
    for instance in (*session.new, *session.dirty, *session.deleted):
        name = getattr(getattr(instance, "__table__", None), "name", None)
        traced = tables.get(name)
        if traced is None:
            continue
        state = inspect(instance)
        if instance in session.dirty and not any(
            state.attrs[c].history.has_changes() for c in traced.columns if c in state.attrs
        ):
            continue
        key = state.identity[0] if state.identity else getattr(instance, traced.key.name)
        touch(session, name, [key])


def digests(session: Session, touched: dict[str, set]) -> dict:
    """The state of the touched rows as stored now (a row gone: None)."""
    tables = traced_tables()
    state = {}
    for name, keys in touched.items():
        traced = tables[name]
        columns = [traced.table.c[c] for c in traced.columns]
        rows: dict[str, str | None] = {str(k): None for k in keys}
        fields = len(rows) <= FIELDS_UP_TO
        ordered = sorted(keys, key=str)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            found = session.execute(select(traced.key, *columns).where(traced.key.in_(chunk)))
            for key, *values in found:
                rows[str(key)] = row_digest(values, fields=fields)
        state[name] = {"cols": list(traced.columns), "rows": rows}
    return state


@event.listens_for(Session, "before_commit")
def _attach(session: Session) -> None:
    if not (session.info.get(TRACED_KEY) or session.new or session.dirty or session.deleted):
        return
    session.flush()
    touched = session.info.pop(TRACED_KEY, None)
    if not touched or session.info.pop(UNTRACED, False):
        return
    from oc_desktop import audit
    from oc_desktop.audit.anchors import note_head
    from oc_desktop.audit.chain import ENTRY_KEY, rehash
    from oc_desktop.security import SYSTEM

    entry = session.info.get(ENTRY_KEY)
    if entry is None:  # a traced write with no audit row of its own
        first = next(iter(touched))
        audit.record(
            session,
            actor=SYSTEM,
            action="state",
            entity=first,
            entity_id=",".join(sorted(map(str, touched[first])))[:60],
            area=traced_tables()[first].area,
        )
        entry = session.info[ENTRY_KEY]
    entry.state = digests(session, touched)
    rehash(entry)
    note_head(session, entry)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(TRACED_KEY, None)
    session.info.pop(UNTRACED, None)


BASELINE_CHUNK = 5000


def record_baseline(db: Database, *, actor) -> int:
    """Audit rows holding the state of every traced row the trail does not cover yet
    (data written before this was kept, or by a bulk writer such as the demo), 5,000
    rows to an audit row: from here on an edit outside the program is noticed. Returns
    how many rows were covered."""
    from oc_desktop import audit

    covered = _recorded(db)
    pending: list[tuple[str, Any]] = []
    with db.read() as session:
        for name, traced in traced_tables().items():
            known = covered.get(name, {})
            for (key,) in session.execute(select(traced.key).order_by(traced.key)):
                if str(key) not in known:
                    pending.append((name, key))
    for start in range(0, len(pending), BASELINE_CHUNK):
        chunk = pending[start : start + BASELINE_CHUNK]
        with db.begin() as session:
            for name, key in chunk:
                touch(session, name, [key])
            audit.record(
                session,
                actor=actor,
                action="baseline",
                entity="audit_log",
                entity_id="",
                area="audit",
                new={"entries": len(chunk)},
            )
    return len(pending)


def _key(traced: Traced, text: str) -> Any:
    return int(text) if traced.key.type.python_type is int else text


# --- checking ----------------------------------------------------------------------


@dataclass(frozen=True)
class Differs:
    """The first traced row that is not what the trail says it last became."""

    area: str
    table: str
    key: str
    field: str | None  # None: the whole row (gone, or back where the trail says none is)
    reason: str  # "changed", "gone", "unrecorded"


@dataclass(frozen=True)
class StateReport:
    differs: Differs | None
    checked: int
    uncovered: dict[str, int]  # table → rows the trail holds no state for


def _recorded(db: Database) -> dict[str, dict[str, tuple[str | None, tuple[str, ...]]]]:
    """table → key → (digest or None, its columns): the last state the trail holds."""
    found: dict[str, dict] = {}
    with db.read() as session:
        rows = session.execute(
            select(AuditEntry.state)
            .where(AuditEntry.state.is_not(None))
            .order_by(AuditEntry.id)
            .execution_options(yield_per=1000)
        )
        for (state,) in rows:
            for table, part in (state or {}).items():
                columns = tuple(part["cols"])
                kept = found.setdefault(table, {})
                for key, digest in part["rows"].items():
                    kept[key] = (digest, columns)
    return found


def check_state(db: Database, progress: Progress | None = None) -> StateReport:
    """Every traced row against the trail's last state for it; stops at the first that
    differs. ``progress(done, total)`` every few thousand rows."""
    recorded = _recorded(db)
    tables = traced_tables()
    checked, uncovered = 0, {}
    with db.read() as session:
        total = sum(
            session.scalar(select(func.count()).select_from(t.table)) or 0 for t in tables.values()
        )
        for name, traced in tables.items():
            kept = dict(recorded.get(name, {}))
            columns = [traced.table.c[c] for c in traced.columns]
            rows = session.execute(
                select(traced.key, *columns).order_by(traced.key).execution_options(yield_per=5000)
            )
            for key, *values in rows:
                checked += 1
                if progress is not None and checked % 5000 == 0:
                    progress(checked, total)
                found = kept.pop(str(key), None)
                if found is None:
                    uncovered[name] = uncovered.get(name, 0) + 1
                    continue
                digest, cols = found
                if digest is None:
                    return StateReport(Differs(traced.area, name, str(key), None, "unrecorded"),
                                       checked, uncovered)  # fmt: skip
                if cols != traced.columns:
                    values = _other_columns(session, traced, key, cols)
                    if values is None:
                        uncovered[name] = uncovered.get(name, 0) + 1
                        continue
                if not _matches(digest, values):
                    field = first_field(digest, cols, values)
                    return StateReport(
                        Differs(traced.area, name, str(key), field, "changed"), checked, uncovered
                    )
            for key, (digest, _cols) in kept.items():
                if digest is not None:  # the trail has it, the table does not
                    return StateReport(
                        Differs(traced.area, name, key, None, "gone"), checked, uncovered
                    )
    return StateReport(None, checked, uncovered)


def _other_columns(session: Session, traced: Traced, key, cols) -> list | None:
    """Values of a row recorded under another column list (a later version added or
    left out columns); None when a recorded column is gone from the table."""
    if any(c not in traced.table.c for c in cols):
        return None
    row = session.execute(select(*[traced.table.c[c] for c in cols]).where(traced.key == key)).one()
    return list(row)
