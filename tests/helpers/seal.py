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


def make_office(db, make_user) -> Office:
    """Two clerks, the head, a reader, one official seal, a signed letter and a secret one."""
    from oc_desktop.documents.outgoing import register_outgoing
    from oc_desktop.seal.seals import add_seal
    from oc_desktop.security import CLERK, CONFIDENTIAL, HEAD, READER, SYSTEM, TOP_SECRET

    clerk = make_user("clerk", [CLERK], full_name="ນາງ ມະນີວັນ ສີລາວົງ")
    clerk2 = make_user("clerk2", [CLERK], CONFIDENTIAL, full_name="ນາງ ສຸດາພອນ ແກ້ວມະນີ")
    head = make_user("head", [HEAD], TOP_SECRET, full_name="ຄຳພອນ ວົງສະຫວັນ")
    reader = make_user("reader", [READER], full_name="ທອງສຸກ ພິລາວັນ")
    seal_id = add_seal(
        db,
        actor=clerk,
        name="ຕາປະທັບມົນ ຄອຮຂ",
        kind="official",
        since=date(2026, 1, 1),
        kept_at="ຕູ້ເຫຼັກ ຫ້ອງການ",
    )
    common = dict(
        actor=SYSTEM, doc_date=date(2026, 2, 10), kind_id=None, recipients=["ຄະນະປະຈຳພັກແຂວງ"]
    )
    letter = register_outgoing(
        db, subject="ບົດລາຍງານການເຄື່ອນໄຫວປະຈຳເດືອນ", signer="ຄຳພອນ ວົງສະຫວັນ", **common
    )
    secret = register_outgoing(
        db, subject="ແຜນການລັບສະເພາະ", signer="ຄຳພອນ ວົງສະຫວັນ", secrecy=CONFIDENTIAL, **common
    )
    return Office(clerk, clerk2, head, reader, seal_id, letter, secret)
