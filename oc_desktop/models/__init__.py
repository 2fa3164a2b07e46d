"""Storage: typed SQLAlchemy models over one SQLite file. No Qt here."""

from oc_desktop.models.base import Base
from oc_desktop.models.organisation import Organisation, Section, Setting, Signer

__all__ = ["Base", "Organisation", "Section", "Setting", "Signer"]
