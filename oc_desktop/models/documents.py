"""The document register: incoming and outgoing documents and what hangs off them.

Numbers are never deleted: a spoiled number stays, marked void. Each register keeps a
full-text index (FTS5 trigram, see migration 0003) whose ``open_text`` column holds what
anyone may search and whose ``secret_text`` holds what only cleared readers may.
"""

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from oc_desktop.models.base import Base, utcnow
from oc_desktop.models.registers import RegisterEntry

# Incoming status, in the order a document moves through the office.
RECEIVED, ASSIGNED, IN_PROGRESS, ANSWERED, FILED = (
    "received",
    "assigned",
    "in_progress",
    "answered",
    "filed",
)
STATUSES = (RECEIVED, ASSIGNED, IN_PROGRESS, ANSWERED, FILED)
# Urgency: ທຳມະດາ, ດ່ວນ, ດ່ວນທີ່ສຸດ.
NORMAL, URGENT, MOST_URGENT = 0, 1, 2


class Correspondent(Base):
    """An office that sends or receives documents; the directory grows as clerks type."""

    __tablename__ = "correspondent"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    sort: Mapped[bytes] = mapped_column(LargeBinary, index=True)
    #: ``laotext.identity_key`` of the name: offices typed in look-alike spellings
    #: (ໜ/ຫນ, ຫຼ/ຫລ, ຳ/ໍາ, spaced or not) share it and are one office
    name_key: Mapped[str] = mapped_column(String(300), index=True, default="")


class DocumentKind(Base):
    """ມະຕິຕົກລົງ, ຄຳສັ່ງ, ແຈ້ງການ …: an editable list."""

    __tablename__ = "document_kind"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    sort: Mapped[bytes] = mapped_column(LargeBinary)
    active: Mapped[bool] = mapped_column(default=True)


class _Entry(RegisterEntry):
    """What both registers share besides the number: kind, subject, secrecy, notes."""

    subject: Mapped[str] = mapped_column(Text)
    # Lao dictionary order of the subject and of the sender (incoming) or first
    # recipient (outgoing): ``*_sort`` empty for secret entries, so their order reveals
    # nothing to a reader without clearance; ``*_sort_all`` the real keys, for readers
    # cleared for every entry (0011).
    subject_sort: Mapped[bytes] = mapped_column(LargeBinary)
    party_sort: Mapped[bytes] = mapped_column(LargeBinary)
    subject_sort_all: Mapped[bytes] = mapped_column(LargeBinary, server_default=text("x''"))
    party_sort_all: Mapped[bytes] = mapped_column(LargeBinary, server_default=text("x''"))
    urgency: Mapped[int] = mapped_column(Integer, default=NORMAL)
    secrecy: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")

    @declared_attr
    def kind_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("document_kind.id"))


class IncomingDocument(_Entry, Base):
    """A document that arrived: its arrival number is ours, its own number the sender's."""

    __tablename__ = "incoming_document"
    __table_args__ = (
        UniqueConstraint("period", "series", "seq", name="uq_incoming_document_number"),
        Index("ix_incoming_document_duplicate", "sender_id", "doc_number", "doc_date"),
        Index("ix_incoming_document_received_at", "received_at"),
        Index("ix_incoming_document_doc_date", "doc_date"),
        Index("ix_incoming_document_subject_sort", "subject_sort"),
        Index("ix_incoming_document_party_sort", "party_sort"),
        Index("ix_incoming_document_subject_sort_all", "subject_sort_all"),
        Index("ix_incoming_document_party_sort_all", "party_sort_all"),
        Index("ix_incoming_document_due_date", "due_date"),
        Index("ix_incoming_document_status", "status"),
        Index("ix_incoming_document_kind_id", "kind_id"),
        CheckConstraint(
            "status IN ('received','assigned','in_progress','answered','filed')",
            name="known_status",
        ),
    )

    received_at: Mapped[datetime]
    sender_id: Mapped[int] = mapped_column(ForeignKey("correspondent.id"))
    doc_number: Mapped[str] = mapped_column(String(60))
    #: the sender's number in Lao order, numbers as numbers (10/ກຊ after 9/ກຊ)
    doc_number_sort: Mapped[bytes] = mapped_column(LargeBinary, server_default=text("x''"))
    doc_date: Mapped[date] = mapped_column(Date)
    pages: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=RECEIVED)
    #: the earliest open deadline of its routing, kept here so follow-up is one index
    due_date: Mapped[date | None] = mapped_column(Date)


class OutgoingDocument(_Entry, Base):
    """A document the office sent: numbered ``<n>/<abbreviation>`` in its series."""

    __tablename__ = "outgoing_document"
    __table_args__ = (
        UniqueConstraint("period", "series", "seq", name="uq_outgoing_document_number"),
        Index("ix_outgoing_document_doc_date", "doc_date"),
        Index("ix_outgoing_document_subject_sort", "subject_sort"),
        Index("ix_outgoing_document_party_sort", "party_sort"),
        Index("ix_outgoing_document_subject_sort_all", "subject_sort_all"),
        Index("ix_outgoing_document_party_sort_all", "party_sort_all"),
        Index("ix_outgoing_document_kind_id", "kind_id"),
    )

    number: Mapped[str] = mapped_column(String(60))
    doc_date: Mapped[date] = mapped_column(Date)
    signer: Mapped[str] = mapped_column(String(300), default="")
    recipients: Mapped[list[str]] = mapped_column(JSON, default=list)
    copies: Mapped[int] = mapped_column(Integer, default=1)
    file_copy_at: Mapped[str] = mapped_column(String(200), default="")
    answers_id: Mapped[int | None] = mapped_column(ForeignKey("incoming_document.id"), index=True)
    sent_on: Mapped[date | None] = mapped_column(Date)


class Routing(Base):
    """Who an incoming document was handed to, on the head's instruction, by when."""

    __tablename__ = "routing"

    id: Mapped[int] = mapped_column(primary_key=True)
    incoming_id: Mapped[int] = mapped_column(ForeignKey("incoming_document.id"), index=True)
    section_id: Mapped[int | None] = mapped_column(ForeignKey("section.id"))
    person: Mapped[str] = mapped_column(String(200))
    instruction: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    handed_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class _Attached:
    """A row that belongs to exactly one incoming or one outgoing document."""

    @declared_attr
    def incoming_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("incoming_document.id"), index=True)

    @declared_attr
    def outgoing_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("outgoing_document.id"), index=True)

    @declared_attr
    def created_by(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("user.id"))


class DocumentCopy(_Attached, Base):
    """The copy log (ສຳເນົາເອກະສານ): how many copies, for whom, authorised by whom."""

    __tablename__ = "document_copy"
    __table_args__ = (
        CheckConstraint("(incoming_id IS NULL) != (outgoing_id IS NULL)", name="one_document"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    copies: Mapped[int] = mapped_column(Integer)
    for_whom: Mapped[str] = mapped_column(String(300))
    authorised_by: Mapped[str] = mapped_column(String(200))
    made_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Scan(_Attached, Base):
    """A scan (PDF or image) copied into the data folder, with its checksum."""

    __tablename__ = "scan"
    __table_args__ = (
        CheckConstraint("(incoming_id IS NULL) != (outgoing_id IS NULL)", name="one_document"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    original_name: Mapped[str] = mapped_column(String(260))
    stored_name: Mapped[str] = mapped_column(String(260), unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


#: FTS5 tables (created by migration 0003, kept up to date by the register's operations)
SEARCH_TABLES = {"incoming": "incoming_search", "outgoing": "outgoing_search"}


def is_search_table(name: str) -> bool:
    """FTS5 tables and their shadow tables, which the models do not describe."""
    return any(name.startswith(table) for table in SEARCH_TABLES.values())
