"""Storage: typed SQLAlchemy models over one SQLite file. No Qt here."""

from oc_desktop.models.backup import IssuedNumber
from oc_desktop.models.base import Base
from oc_desktop.models.budget import (
    BudgetLine,
    ClosedMonth,
    JournalEntry,
    PayrollLine,
    PayrollSheet,
    PlanEntry,
)
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
    "BudgetLine",
    "ClosedMonth",
    "Correspondent",
    "DocumentCopy",
    "DocumentKind",
    "EthnicGroup",
    "FamilyMember",
    "GradeRecord",
    "IncomingDocument",
    "IssuedNumber",
    "JournalEntry",
    "Leaving",
    "Organisation",
    "OutgoingDocument",
    "PayrollLine",
    "PayrollSheet",
    "Person",
    "PlanEntry",
    "PositionRecord",
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
    "StaffEvent",
    "User",
]
