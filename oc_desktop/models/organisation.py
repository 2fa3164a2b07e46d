"""The organisation profile: who the office is, its sections, who signs; and settings."""

from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from oc_desktop.models.base import Base


class Organisation(Base):
    """One row: the office's name as printed on every official paper."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="")
    abbreviation: Mapped[str] = mapped_column(String(40), default="")
    place: Mapped[str] = mapped_column(String(100), default="")
    parent_body: Mapped[str] = mapped_column(String(300), default="")


class Section(Base):
    """A ຂະແໜງ of the office (Article 5 gives four by default)."""

    __tablename__ = "section"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(default=True)


class Signer(Base):
    """A person who signs official papers: the head, a deputy head, a section head."""

    __tablename__ = "signer"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)


class Setting(Base):
    """A preference of the office, stored with its data (language, digits, due days)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
