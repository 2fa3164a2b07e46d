"""Storage: typed SQLAlchemy models over one SQLite file. No Qt here."""

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
from oc_desktop.models.users import AuditEntry, User

__all__ = [
    "AuditEntry",
    "Base",
    "BudgetLine",
    "ClosedMonth",
    "Correspondent",
    "DocumentCopy",
    "DocumentKind",
    "IncomingDocument",
    "JournalEntry",
    "Organisation",
    "OutgoingDocument",
    "PayrollLine",
    "PayrollSheet",
    "PlanEntry",
    "Routing",
    "Scan",
    "Section",
    "Setting",
    "Signer",
    "User",
]
