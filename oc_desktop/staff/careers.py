"""What the rules work out for one person: the next step, retirement, basic salary."""

from datetime import date

from sqlalchemy.orm import Session

from oc_desktop.staff.rules import basic_salary, in_force, steps_in_grade


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    first = date(day.year + year, month + 1, 1)
    following = add_years(first, 1) if month == 11 else first.replace(month=month + 2)
    return first.replace(day=min(day.day, (following - first).days))


def next_step_date(session: Session, grade: int, step: int, since: date) -> date | None:
    """When the next salary step falls due: the interval in force after ``since``;
    None at the top step of the grade (a grade change is decided, not due)."""
    if step >= steps_in_grade(session, grade, since):
        return None
    years = int(in_force(session, "staff_step_interval", since)["years"])
    return add_years(since, years)


def retirement_date(
    session: Session, *, birth_date: date, sex: str, postponed_to: date | None
) -> date:
    """The day a person reaches the retirement age for their sex (in force on that
    day), or the later day a decision postponed it to."""
    rule = in_force(session, "staff_retirement_age", date.today())
    normal = add_years(birth_date, int(rule[sex]))
    return max(normal, postponed_to) if postponed_to else normal


def age_on(birth_date: date, on: date) -> int:
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def salary_on(session: Session, grade: int | None, step: int | None, on: date) -> int | None:
    if grade is None or step is None:
        return None
    return basic_salary(session, grade, step, on)
