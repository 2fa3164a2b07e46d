"""What a restore must not forget: the highest number each register ever gave."""

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from oc_desktop.models.base import Base


class IssuedNumber(Base):
    """The highest number a register's series gave in a period, kept when a restore brings
    back older data: letters already carry the later numbers on paper, so numbering goes
    on after them (``registers.numbering.next_seq``)."""

    __tablename__ = "issued_number"

    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    period: Mapped[int] = mapped_column(Integer, primary_key=True)
    series: Mapped[str] = mapped_column(String(30), primary_key=True)
    highest: Mapped[int] = mapped_column(Integer)
