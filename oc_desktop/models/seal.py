"""The seal custody log (ຄຸ້ມຄອງຕາປະທັບ): the seals, their status history, and the
append-only, hash-chained handovers, uses and incidents.

A handover, use or incident is never edited or deleted: a mistake is put right by a
correcting entry (``corrects_id``) and the one it corrects is marked void; both stay.
Each of the three logs is a hash chain: a row's ``hash`` covers its content and the
previous row's hash (``oc_desktop.seal.chain``). Void marks lie outside the hash: they
are audited instead.
"""

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from oc_desktop.models.base import Base, utcnow
from oc_desktop.models.registers import RegisterEntry

# What a seal is, and its status.
OFFICIAL, TITLE_STAMP, RECEIVED_STAMP, DATE_STAMP = "official", "title", "received", "date"
SEAL_KINDS = (OFFICIAL, TITLE_STAMP, RECEIVED_STAMP, DATE_STAMP)
IN_USE, WITHDRAWN, LOST, WORN, DESTROYED = "in_use", "withdrawn", "lost", "worn", "destroyed"
SEAL_STATUSES = (IN_USE, WITHDRAWN, LOST, WORN, DESTROYED)
# Where an impression sits on the paper.
ON_SIGNATURE, ON_APPENDIX, PAGE_EDGES, ON_COPY = "signature", "appendix", "page_edges", "copy"
IMPRESSION_KINDS = (ON_SIGNATURE, ON_APPENDIX, PAGE_EDGES, ON_COPY)
# What happened to a seal.
LOSS, WEAR, REPLACEMENT, DESTRUCTION = "loss", "wear", "replacement", "destruction"
INCIDENT_KINDS = (LOSS, WEAR, REPLACEMENT, DESTRUCTION)


class Seal(Base):
    """A seal or stamp the office holds; ``holder_id`` is whoever has it now."""

    __tablename__ = "seal"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default=OFFICIAL)
    kept_at: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default=IN_USE)
    holder_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    #: the impression's scan under the data folder's ``scans/``, with its checksum
    impression_file: Mapped[str] = mapped_column(String(260), default="")
    impression_sha256: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class SealStatusChange(Base):
    """Each status a seal had: since when, and the decision (number and date) behind it."""

    __tablename__ = "seal_status"
    __table_args__ = (Index("ix_seal_status_seal_id_since", "seal_id", "since"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seal_id: Mapped[int] = mapped_column(ForeignKey("seal.id"))
    status: Mapped[str] = mapped_column(String(20))
    since: Mapped[date] = mapped_column(Date)
    decision_number: Mapped[str] = mapped_column(String(60), default="")
    decision_date: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class _Chained(RegisterEntry):
    """A numbered, hash-chained log entry that may correct an earlier one."""

    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")

    @declared_attr
    def seal_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("seal.id"))

    @declared_attr
    def corrects_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey(f"{cls.__tablename__}.id"))


class SealHandover(_Chained, Base):
    """ການມອບ-ຮັບ: the seal leaves one person for another, on written authorisation.
    Its return is a handover of its own that names it (``returns_id``)."""

    __tablename__ = "seal_handover"
    __table_args__ = (
        UniqueConstraint("period", "series", "seq", name="uq_seal_handover_number"),
        Index("ix_seal_handover_seal_id_left_at", "seal_id", "left_at"),
        Index("ix_seal_handover_left_at", "left_at"),
    )

    from_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    to_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    witness: Mapped[str] = mapped_column(String(200), default="")
    left_at: Mapped[datetime]
    #: when the seal is to come back; None: it stays with the new holder
    due_back: Mapped[date | None] = mapped_column(Date)
    returns_id: Mapped[int | None] = mapped_column(ForeignKey("seal_handover.id"))
    authorised_by: Mapped[str] = mapped_column(String(200), default="")
    authorisation_number: Mapped[str] = mapped_column(String(60), default="")
    authorisation_date: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    leaves_premises: Mapped[bool] = mapped_column(default=False)
    condition: Mapped[str] = mapped_column(String(300), default="")


class SealUse(_Chained, Base):
    """One sealing: a document from the outgoing register, or one described."""

    __tablename__ = "seal_use"
    __table_args__ = (
        UniqueConstraint("period", "series", "seq", name="uq_seal_use_number"),
        Index("ix_seal_use_used_at", "used_at"),
        Index("ix_seal_use_seal_id_used_at", "seal_id", "used_at"),
        Index("ix_seal_use_outgoing_id", "outgoing_id"),
        CheckConstraint(
            "impression_kind IN ('signature','appendix','page_edges','copy')",
            name="known_impression",
        ),
    )

    used_at: Mapped[datetime]
    outgoing_id: Mapped[int | None] = mapped_column(ForeignKey("outgoing_document.id"))
    #: a document not in the outgoing register: its number, date and what it is
    described: Mapped[str] = mapped_column(Text, default="")
    impression_kind: Mapped[str] = mapped_column(String(20), default=ON_SIGNATURE)
    impressions: Mapped[int] = mapped_column(Integer, default=1)
    sheets: Mapped[int] = mapped_column(Integer, default=1)
    requested_by: Mapped[str] = mapped_column(String(200), default="")
    approved_by: Mapped[str] = mapped_column(String(200), default="")
    applied_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))


class SealIncident(_Chained, Base):
    """Loss (with the report made), wear, replacement or destruction of a seal."""

    __tablename__ = "seal_incident"
    __table_args__ = (
        UniqueConstraint("period", "series", "seq", name="uq_seal_incident_number"),
        Index("ix_seal_incident_seal_id", "seal_id"),
    )

    kind: Mapped[str] = mapped_column(String(20))
    happened_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    #: the report made of a loss (to the police), with its number and date
    report: Mapped[str] = mapped_column(Text, default="")
    replacement_id: Mapped[int | None] = mapped_column(ForeignKey("seal.id"))
