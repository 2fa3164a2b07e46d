"""The chart of a fiscal year (chapters and their items) and its plan: named operations
and the one query the plan view reads."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from oc_desktop import audit
from oc_desktop.budget import AREA_KEY
from oc_desktop.budget.common import NAME_MAX, check_amount, check_writer, check_year
from oc_desktop.budget.rules import in_force
from oc_desktop.i18n import _
from oc_desktop.models import BudgetLine, PlanEntry
from oc_desktop.models.budget import AMENDMENT, INITIAL, KINDS
from oc_desktop.models.db import Database
from oc_desktop.security import Actor, require_read
from oc_desktop.validation import Checker

DECISION_MAX = 300


@dataclass(frozen=True)
class LineRow:
    id: int
    parent_id: int | None
    code: str
    name: str
    kind: str
    planned: int  # the first plan plus every amendment
    amended: int  # the amendments alone
    active: bool


@dataclass(frozen=True)
class PlanRow:
    id: int
    kind: str
    amount: int
    decided_on: date
    decision: str


def start_year(db: Database, *, actor: Actor, year: int) -> int:
    """Give ``year`` its chart: the previous year's active lines when it has some, else
    the default list (setting ``budget_chart``). Returns how many lines were made."""
    check = Checker()
    check_year(check, year)
    check_writer(check, actor, "year")
    check.done()
    with db.begin() as session:
        if session.scalar(select(BudgetLine.id).where(BudgetLine.year == year).limit(1)):
            check.fail("year", _("The year {year} has its lines already.").format(year=year))
            check.done()
        previous = session.scalars(
            select(BudgetLine)
            .where(BudgetLine.year == year - 1, BudgetLine.active)
            .order_by(BudgetLine.position, BudgetLine.id)
        ).all()
        if previous:
            chapters = [
                {
                    "code": c.code,
                    "name": c.name,
                    "kind": c.kind,
                    "items": [[i.code, i.name] for i in previous if i.parent_id == c.id],
                }
                for c in previous
                if c.parent_id is None
            ]
        else:
            chapters = in_force(session, "budget_chart", date(year, 1, 1))["chapters"]
        made = 0
        for position, chapter in enumerate(chapters):
            parent = BudgetLine(
                year=year,
                code=chapter["code"],
                name=chapter["name"],
                kind=chapter["kind"],
                position=position,
            )
            session.add(parent)
            session.flush()
            made += 1
            for item_position, (code, name) in enumerate(chapter["items"]):
                session.add(
                    BudgetLine(
                        year=year,
                        parent_id=parent.id,
                        code=code,
                        name=name,
                        kind=chapter["kind"],
                        position=item_position,
                    )
                )
                made += 1
        audit.record(
            session,
            actor=actor,
            action="create",
            entity="budget_year",
            entity_id=year,
            area=AREA_KEY,
            new={"year": year, "lines": made, "copied_from": year - 1 if previous else None},
        )
    return made


def save_line(
    db: Database,
    *,
    actor: Actor,
    year: int,
    code: str,
    name: str,
    kind: str = "",
    parent_id: int | None = None,
    line_id: int | None = None,
) -> int:
    """Add a chapter (no parent) or an item, or rename one (``line_id``). An item takes
    its chapter's kind."""
    check = Checker()
    code = check.text("code", code, max_length=30, one_line=True)
    name = check.text("name", name, max_length=NAME_MAX, one_line=True)
    check_year(check, year)
    check_writer(check, actor, "name")
    check.done()
    with db.begin() as session:
        message = _("This line is not in the year shown.")
        line = check.row(session, BudgetLine, "name", line_id, message=message, required=False)
        if line is not None and line.year != year:
            check.fail("name", message)
        message = _("Choose a chapter of the same year.")
        parent = check.row(session, BudgetLine, "name", parent_id, message=message, required=False)
        if parent is not None and (parent.year != year or parent.parent_id is not None):
            check.fail("name", message)
        if parent is not None:
            kind = parent.kind
        elif line is not None:
            kind = line.kind
        check.choice("kind", kind, KINDS, message=_("Choose revenue or expenditure."))
        taken = session.scalar(
            select(BudgetLine.id).where(BudgetLine.year == year, BudgetLine.code == code)
        )
        if taken is not None and taken != line_id:
            check.fail("code", _("The code {code} is used in this year.").format(code=code))
        check.done()
        if line is None:
            same_parent = (
                BudgetLine.parent_id.is_(None)
                if parent_id is None
                else BudgetLine.parent_id == parent_id
            )
            siblings = session.scalar(
                select(func.count(BudgetLine.id)).where(BudgetLine.year == year, same_parent)
            )
            line = BudgetLine(
                year=year, parent_id=parent_id, code=code, name=name, kind=kind, position=siblings
            )
            session.add(line)
            session.flush()
            audit.record(
                session,
                actor=actor,
                action="create",
                entity="budget_line",
                entity_id=line.id,
                area=AREA_KEY,
                new={"year": year, "code": code, "name": name, "kind": kind},
            )
        else:
            old = {"code": line.code, "name": line.name}
            line.code, line.name = code, name
            changed = [k for k in old if old[k] != getattr(line, k)]
            if changed:
                audit.record(
                    session,
                    actor=actor,
                    action="update",
                    entity="budget_line",
                    entity_id=line.id,
                    area=AREA_KEY,
                    old={k: old[k] for k in changed},
                    new={k: getattr(line, k) for k in changed},
                )
        return line.id


def plan_line(
    db: Database,
    *,
    actor: Actor,
    line_id: int,
    amount: int,
    decided_on: date,
    decision: str = "",
) -> int:
    """The item's plan for its year: the first amount, or an amendment (a signed change)
    when it has one already. Chapters are planned through their items."""
    check = Checker()
    decision = check.text(
        "decision", decision, max_length=DECISION_MAX, required=False, one_line=True
    )
    check.day("decided_on", decided_on)
    check_writer(check, actor, "amount")
    check.done()
    with db.begin() as session:
        message = _("Plan an item, not a chapter.")
        line = check.row(session, BudgetLine, "amount", line_id, message=message)
        if line is None or line.parent_id is None:
            check.fail("amount", _("Plan an item, not a chapter."))
            check.done()
        has_plan = session.scalar(select(PlanEntry.id).where(PlanEntry.line_id == line_id).limit(1))
        kind = AMENDMENT if has_plan else INITIAL
        check_amount(check, "amount", amount, signed=kind == AMENDMENT)
        if kind == AMENDMENT and not decision:
            check.fail("decision", _("Name the decision that amends the plan."))
        check.done()
        planned = session.scalar(
            select(func.coalesce(func.sum(PlanEntry.amount), 0)).where(PlanEntry.line_id == line_id)
        )
        if planned + amount < 0:
            check.fail("amount", _("The plan cannot fall below zero."))
            check.done()
        entry = PlanEntry(
            line_id=line_id,
            kind=kind,
            amount=amount,
            decided_on=decided_on,
            decision=decision,
            created_by=actor.user_id,
        )
        session.add(entry)
        session.flush()
        audit.record(
            session,
            actor=actor,
            action="create",
            entity="budget_plan",
            entity_id=entry.id,
            area=AREA_KEY,
            new={
                "line": f"{line.year} {line.code}",
                "kind": kind,
                "amount": amount,
                "decided_on": decided_on,
                "decision": decision,
            },
        )
        return entry.id


def years(db: Database, *, actor: Actor) -> list[int]:
    require_read(actor, AREA_KEY)
    with db.read() as session:
        return list(session.scalars(select(BudgetLine.year).distinct().order_by(BudgetLine.year)))


def chart(db: Database, *, actor: Actor, year: int) -> list[LineRow]:
    """The year's lines in tree order (each chapter, then its items), with their plans;
    a chapter's plan is the sum of its items'."""
    require_read(actor, AREA_KEY)
    with db.read() as session:
        totals = dict(
            session.execute(
                select(PlanEntry.line_id, func.sum(PlanEntry.amount))
                .join(BudgetLine, BudgetLine.id == PlanEntry.line_id)
                .where(BudgetLine.year == year)
                .group_by(PlanEntry.line_id)
            ).all()
        )
        amended = dict(
            session.execute(
                select(PlanEntry.line_id, func.sum(PlanEntry.amount))
                .join(BudgetLine, BudgetLine.id == PlanEntry.line_id)
                .where(BudgetLine.year == year, PlanEntry.kind == AMENDMENT)
                .group_by(PlanEntry.line_id)
            ).all()
        )
        lines = session.scalars(
            select(BudgetLine)
            .where(BudgetLine.year == year)
            .order_by(BudgetLine.position, BudgetLine.id)
        ).all()
    return tree_order(lines, totals, amended)


def tree_order(lines, totals: dict, amended: dict) -> list[LineRow]:
    rows = []
    for chapter in (line for line in lines if line.parent_id is None):
        items = [line for line in lines if line.parent_id == chapter.id]
        item_rows = [
            LineRow(
                i.id,
                i.parent_id,
                i.code,
                i.name,
                i.kind,
                int(totals.get(i.id, 0)),
                int(amended.get(i.id, 0)),
                i.active,
            )
            for i in items
        ]
        rows.append(
            LineRow(
                chapter.id,
                None,
                chapter.code,
                chapter.name,
                chapter.kind,
                sum(r.planned for r in item_rows),
                sum(r.amended for r in item_rows),
                chapter.active,
            )
        )
        rows.extend(item_rows)
    return rows


def plan_history(db: Database, *, actor: Actor, line_id: int) -> list[PlanRow]:
    require_read(actor, AREA_KEY)
    with db.read() as session:
        rows = session.scalars(
            select(PlanEntry).where(PlanEntry.line_id == line_id).order_by(PlanEntry.id)
        )
        return [PlanRow(p.id, p.kind, p.amount, p.decided_on, p.decision) for p in rows]
