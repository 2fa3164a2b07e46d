"""The demo seal log is one an office could have kept: every rule of the operations held."""

import random
from datetime import date, timedelta

from sqlalchemy import func, select

from oc_desktop.demo import fill_profile
from oc_desktop.documents.outgoing import register_outgoing
from oc_desktop.models import Seal, SealHandover, SealUse
from oc_desktop.seal.chain import verify_seal_chains
from oc_desktop.seal.common import holder_at
from oc_desktop.seal.demo import fill_seal
from oc_desktop.security import CLERK, CONFIDENTIAL, SYSTEM


def test_the_demo_keeps_seals_custody_and_uses_consistent(db, make_user):
    rng = random.Random(3)
    fill_profile(db, rng)
    make_user("clerk", [CLERK])
    make_user("clerk2", [CLERK], CONFIDENTIAL)
    today = date.today()
    letters = [
        register_outgoing(
            db,
            actor=SYSTEM,
            doc_date=max(date(today.year, 1, 2), today - timedelta(days=3 * n + 2)),
            kind_id=None,
            subject=f"ໜັງສືສະເໜີ ສະບັບທີ {n}",
            recipients=["ພະແນກການເງິນແຂວງ"],
            signer="ຫົວໜ້າ",
        )
        for n in range(5)
    ]
    fill_seal(db, rng, today=today)
    assert verify_seal_chains(db) is None
    with db.read() as session:
        assert 3 <= session.scalar(select(func.count()).select_from(Seal)) <= 5
        assert session.scalar(select(func.count()).select_from(SealHandover)) > 10
        uses = session.scalars(select(SealUse)).all()
        assert len(uses) > 100
        assert {u.outgoing_id for u in uses} >= set(letters)
        for use in uses:
            assert holder_at(session, use.seal_id, use.used_at) == use.applied_by_id
