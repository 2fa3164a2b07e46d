"""What every numbered register's entry has: its number in a period and series, the
void mark that replaces deletion, and who wrote it when."""

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from oc_desktop.models.base import utcnow


class RegisterEntry:
    """Mixed into a register's model; a number once given is never given again."""

    id: Mapped[int] = mapped_column(primary_key=True)
    period: Mapped[int] = mapped_column(Integer)
    series: Mapped[str] = mapped_column(String(30), default="")
    seq: Mapped[int] = mapped_column(Integer)
    void_reason: Mapped[str | None] = mapped_column(Text)
    voided_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    @declared_attr
    def voided_by(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("user.id"))

    @declared_attr
    def created_by(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("user.id"))

    @declared_attr
    def updated_by(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("user.id"))
