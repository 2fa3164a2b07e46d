"""Storage: typed SQLAlchemy models over one SQLite file. No Qt here."""

from oc_desktop.models.backup import IssuedNumber
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
from oc_desktop.models.seal import Seal, SealHandover, SealIncident, SealStatusChange, SealUse
from oc_desktop.models.users import AuditEntry, User

__all__ = [
    "AuditEntry",
    "Base",
    "Correspondent",
    "DocumentCopy",
    "DocumentKind",
    "IncomingDocument",
    "IssuedNumber",
    "Organisation",
    "OutgoingDocument",
    "Routing",
    "Scan",
    "Seal",
    "SealHandover",
    "SealIncident",
    "SealStatusChange",
    "SealUse",
    "Section",
    "Setting",
    "Signer",
    "User",
]
