"""The seal log's test office and its first handover, shared by the seal tests."""

from dataclasses import dataclass
from datetime import date, datetime

from oc_desktop.security import Actor


@dataclass
class Office:
    clerk: Actor
    clerk2: Actor
    head: Actor
    reader: Actor
    seal_id: int
    letter_id: int
    secret_id: int


HANDOVER = dict(
    witness="ທ່ານ ບຸນມີ ພົມມະຈັນ",
    due_back=None,
    authorised_by="ຄຳພອນ ວົງສະຫວັນ, ຫົວໜ້າ",
    authorisation_number="12/ຄອຮຂ",
    authorisation_date=date(2026, 1, 5),
    reason="ມອບໃຫ້ເກັບຮັກສາຕາປະທັບ",
    leaves_premises=False,
    condition="ດີ",
)


def handover(db, office, **changes):
    from oc_desktop.seal.handovers import record_handover

    values = (
        dict(HANDOVER, from_id=None, to_id=office.clerk.user_id, left_at=datetime(2026, 1, 5, 8, 0))
        | changes
    )
    return record_handover(db, actor=office.clerk, seal_id=office.seal_id, **values)
