"""The audit trail: the hash chain, reading and printing it, masking it per reader.

It knows no section: each section hands it its labels and masking rule through
``oc_desktop.sections``.
"""

from oc_desktop.audit import state as _state  # noqa: F401 (its commit hooks)
from oc_desktop.audit.chain import GENESIS, record, verify_chain

__all__ = ["GENESIS", "record", "verify_chain"]
