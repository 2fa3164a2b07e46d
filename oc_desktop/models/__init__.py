"""Storage: typed SQLAlchemy models over one SQLite file. No Qt here."""

from oc_desktop.models.base import Base
from oc_desktop.models.documents import (
    Correspondent,
    DocumentCopy,
    DocumentKind,
    IncomingDocument,
    OutgoingDocument,
    Routing,
    Scan,
)
from oc_desktop.models.organisation import Organisation, Section, Setting, Signer
from oc_desktop.models.staff import (
    EthnicGroup,
    FamilyMember,
    GradeRecord,
    Leaving,
    Person,
    PositionRecord,
    StaffEvent,
)
from oc_desktop.models.users import AuditEntry, User

__all__ = [
    "AuditEntry",
    "Base",
    "Correspondent",
    "DocumentCopy",
    "DocumentKind",
    "EthnicGroup",
    "FamilyMember",
    "GradeRecord",
    "IncomingDocument",
    "Leaving",
    "Organisation",
    "OutgoingDocument",
    "Person",
    "PositionRecord",
    "Routing",
    "Scan",
    "Section",
    "Setting",
    "Signer",
    "StaffEvent",
    "User",
]
