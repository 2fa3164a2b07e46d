"""Register numbers: consecutive within a period, never reused, one series per need.

Shared by every numbered register (documents, seal uses, vouchers).

The period is the calendar year by default, or a committee term (settings
``numbering_period``, ``term_start_year``, ``term_years``). Outgoing secret documents
have their own series, and with ``series_per_kind`` each kind of document has one.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from oc_desktop.models import IssuedNumber
from oc_desktop.profile import stored_settings

SECRET_SERIES = "secret"


@dataclass(frozen=True)
class NumberingRules:
    period: str = "year"
    term_start_year: int = 2021
    term_years: int = 5
    series_per_kind: bool = False

    def period_of(self, day: date) -> int:
        """The period a date falls in, named by its first year."""
        if self.period != "term" or self.term_years < 1:
            return day.year
        elapsed = (day.year - self.term_start_year) // self.term_years
        return self.term_start_year + elapsed * self.term_years

    def period_label(self, period: int) -> str:
        """``2021–2025`` for a term; a year numbered before terms were set keeps ``2020``."""
        if self.period != "term" or self.term_years < 2:
            return str(period)
        if self.period_of(date(period, 1, 1)) != period:
            return str(period)
        return f"{period}–{period + self.term_years - 1}"

    def outgoing_series(self, *, secrecy: int, kind_id: int | None) -> str:
        if secrecy > 0:
            return SECRET_SERIES
        if self.series_per_kind and kind_id is not None:
            return f"kind-{kind_id}"
        return ""


def load_rules(session: Session) -> NumberingRules:
    keys = ("numbering_period", "term_start_year", "term_years", "series_per_kind")
    value = stored_settings(session, keys).get
    return NumberingRules(
        period=value("numbering_period"),
        term_start_year=int(value("term_start_year")),
        term_years=int(value("term_years")),
        series_per_kind=bool(value("series_per_kind")),
    )


def next_seq(session: Session, model, *, period: int, series: str) -> int:
    """The next number of a series: one past the highest ever given, void ones included,
    and past the numbers given before a restore brought back older data."""
    highest = session.scalar(
        select(func.max(model.seq)).where(model.period == period, model.series == series)
    )
    kept = session.scalar(
        select(IssuedNumber.highest).where(
            IssuedNumber.table_name == model.__tablename__,
            IssuedNumber.period == period,
            IssuedNumber.series == series,
        )
    )
    return max(highest or 0, kept or 0) + 1


def seq_taken(session: Session, model, *, period: int, series: str, seq: int) -> bool:
    return (
        session.scalar(
            select(model.id).where(model.period == period, model.series == series, model.seq == seq)
        )
        is not None
    )
