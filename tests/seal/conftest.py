"""A small office for the seal log: two clerks, the head, a reader, one official seal."""

from datetime import date

import pytest
from helpers.seal import Office

from oc_desktop.documents.outgoing import register_outgoing
from oc_desktop.security import CLERK, CONFIDENTIAL, HEAD, READER, SYSTEM, TOP_SECRET


@pytest.fixture
def office(db, make_user):
    from oc_desktop.seal.seals import add_seal

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


@pytest.fixture
def held(db, office):
    from helpers.seal import handover

    """The seal in the first clerk's custody since 5 January 2026."""
    handover(db, office)
    return office
