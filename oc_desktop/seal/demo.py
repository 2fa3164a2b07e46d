"""Demo seal log: four seals, years of handovers and uses, consistent with the demo's
outgoing register (every signed letter of the year sealed by whoever held the seal)."""

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from oc_desktop.models import OutgoingDocument, User
from oc_desktop.models.db import Database
from oc_desktop.profile import load_profile
from oc_desktop.seal.common import holder_at
from oc_desktop.seal.handovers import record_handover, return_seal
from oc_desktop.seal.incidents import record_incident
from oc_desktop.seal.seals import add_seal
from oc_desktop.seal.uses import record_use
from oc_desktop.security import SYSTEM

YEARS = 3
ERRANDS = (
    "ນຳໄປປະທັບເອກະສານກອງປະຊຸມໃຫຍ່ ທີ່ຫ້ອງປະຊຸມແຂວງ",
    "ພະນັກງານເກັບຮັກສາໄປຝຶກອົບຮົມ, ມອບໃຫ້ຮັກສາແທນ",
    "ພະນັກງານເກັບຮັກສາພັກປົກກະຕິ",
    "ນຳໄປປະທັບໃບຢັ້ງຢືນຢູ່ກອງປະຊຸມສຳມະນາ",
)
DESCRIBED = (
    "ໃບຢັ້ງຢືນເງິນເດືອນ ພະນັກງານ",
    "ໃບຢັ້ງຢືນການເຮັດວຽກ",
    "ສຳເນົາມະຕິຕົກລົງ ຮັບຮອງສຳເນົາຖືກຕ້ອງ",
    "ໃບມອບສິດ ໄປຮັບເອກະສານ",
    "ບົດລາຍງານປະຈຳໄຕມາດ (ຮ່າງສະບັບລົງນາມແລ້ວ)",
)
WITNESSES = ("ທ່ານ ບຸນມີ ພົມມະຈັນ", "ທ່ານ ວັນໄຊ ຈັນທະລາ", "ທ່ານ ນາງ ຄຳແພງ ອິນທະວົງ")


def _user(db: Database, username: str) -> int | None:
    with db.read() as session:
        return session.scalar(select(User.id).where(User.username == username))


def fill_seal(db: Database, rng: random.Random, *, today: date) -> None:
    keeper, stand_in = _user(db, "clerk"), _user(db, "clerk2")
    if keeper is None or stand_in is None:
        return
    profile = load_profile(db)
    head = f"{profile.signers[0].title} {profile.signers[0].name}" if profile.signers else ""
    begun = date(today.year - YEARS, 1, 2)
    abbreviation = profile.abbreviation or ""
    seals = {
        "official": add_seal(
            db,
            actor=SYSTEM,
            name=f"ຕາປະທັບມົນ {abbreviation}".strip(),
            kind="official",
            since=begun,
            kept_at="ຕູ້ເຫຼັກ ຫ້ອງການຂະແໜງບໍລິຫານ",
            decision_number=f"3/{abbreviation}",
            decision_date=begun,
        ),
        "title": add_seal(
            db,
            actor=SYSTEM,
            name="ຕາປະທັບຊື່ ແລະ ຕຳແໜ່ງ ຫົວໜ້າ",
            kind="title",
            since=begun,
            kept_at="ຕູ້ເຫຼັກ ຫ້ອງການຂະແໜງບໍລິຫານ",
        ),
        "received": add_seal(
            db,
            actor=SYSTEM,
            name="ຕາປະທັບ 'ໄດ້ຮັບແລ້ວ'",
            kind="received",
            since=begun,
            kept_at="ໂຕະຮັບເອກະສານ",
        ),
        "date": add_seal(
            db,
            actor=SYSTEM,
            name="ຕາປະທັບວັນທີ (ເກົ່າ)",
            kind="date",
            since=begun,
            kept_at="ໂຕະຮັບເອກະສານ",
        ),
    }
    authorisation = dict(
        authorised_by=head,
        authorisation_number=f"5/{abbreviation}",
        authorisation_date=begun,
        leaves_premises=False,
    )
    for seal_id in seals.values():
        record_handover(
            db,
            actor=SYSTEM,
            seal_id=seal_id,
            from_id=None,
            to_id=keeper,
            witness=rng.choice(WITNESSES),
            left_at=datetime.combine(begun, time(8, 0)),
            due_back=None,
            reason="ມອບໃຫ້ພະນັກງານເກັບຮັກສາຕາປະທັບ ຕາມການແຕ່ງຕັ້ງ",
            condition="ໃໝ່, ຮອຍຊັດເຈນ",
            **authorisation,
        )
    # A few days each year the official seal is with the stand-in, and comes back.
    official = seals["official"]
    for year in range(begun.year, today.year + 1):
        for month in sorted(rng.sample(range(2, 12), 3)):
            day = date(year, month, rng.randint(3, 25))
            if day >= today - timedelta(days=3):
                continue
            back_on = day + timedelta(days=rng.randint(0, 2))
            out = record_handover(
                db,
                actor=SYSTEM,
                seal_id=official,
                from_id=keeper,
                to_id=stand_in,
                witness=rng.choice(WITNESSES),
                left_at=datetime.combine(day, time(7, 45)),
                due_back=back_on,
                reason=rng.choice(ERRANDS),
                condition="ດີ",
                authorised_by=head,
                authorisation_number=f"{rng.randint(10, 300)}/{abbreviation}",
                authorisation_date=day - timedelta(days=1),
                leaves_premises=rng.random() < 0.4,
            )
            return_seal(
                db,
                actor=SYSTEM,
                handover_id=out,
                returned_at=datetime.combine(back_on, time(16, 30)),
                witness=rng.choice(WITNESSES),
                condition="ດີ",
            )
    worn_on = date(today.year - 1, 6, 15)
    new_date_stamp = add_seal(
        db,
        actor=SYSTEM,
        name="ຕາປະທັບວັນທີ",
        kind="date",
        since=worn_on,
        kept_at="ໂຕະຮັບເອກະສານ",
    )
    record_handover(
        db,
        actor=SYSTEM,
        seal_id=new_date_stamp,
        from_id=None,
        to_id=keeper,
        witness=rng.choice(WITNESSES),
        left_at=datetime.combine(worn_on, time(9, 0)),
        due_back=None,
        reason="ມອບຕາປະທັບວັນທີໃໝ່ ແທນອັນເກົ່າທີ່ສຶກຫຼໍ່",
        condition="ໃໝ່",
        **(authorisation | {"authorisation_date": worn_on}),
    )
    record_incident(
        db,
        actor=SYSTEM,
        seal_id=seals["date"],
        kind="replacement",
        happened_on=worn_on,
        description="ຕົວເລກສຶກຫຼໍ່, ຮອຍບໍ່ຊັດ; ປ່ຽນໃໝ່",
        replacement_id=new_date_stamp,
        decision_number=f"41/{abbreviation}",
        decision_date=worn_on,
    )
    _fill_uses(db, rng, official=official, begun=begun, today=today)


def _fill_uses(db: Database, rng: random.Random, *, official: int, begun: date, today: date):
    """Past years: certificates and copies described by hand; this year: every signed,
    valid outgoing letter, sealed on its date."""
    with db.read() as session:
        letters = session.execute(
            select(OutgoingDocument.id, OutgoingDocument.doc_date)
            .where(OutgoingDocument.void_reason.is_(None), OutgoingDocument.signer != "")
            .order_by(OutgoingDocument.doc_date, OutgoingDocument.id)
        ).all()
    first_letter = letters[0][1] if letters else today
    planned = []
    day = begun + timedelta(days=3)
    while day < first_letter:
        if day.weekday() < 5 and rng.random() < 0.35:
            planned.append((day, None))
        day += timedelta(days=1)
    planned += [(on, letter_id) for letter_id, on in letters]
    now = datetime.now()
    for on, letter_id in planned:
        used_at = datetime.combine(on, time(rng.randint(8, 16), rng.choice((0, 15, 30, 45))))
        if used_at > now:
            continue
        with db.read() as session:
            holder = holder_at(session, official, used_at)
        copy = letter_id is None and rng.random() < 0.3
        sheets = rng.randint(2, 5) if copy else 1
        record_use(
            db,
            actor=SYSTEM,
            seal_id=official,
            used_at=used_at,
            applied_by_id=holder,
            outgoing_id=letter_id,
            described="" if letter_id else rng.choice(DESCRIBED),
            impression_kind="page_edges" if copy else "signature",
            impressions=1,
            sheets=sheets,
            requested_by=rng.choice(("ທ່ານ ສີສະຫວາດ", "ທ່ານ ນາງ ມະນີວັນ", "ທ່ານ ບົວພັນ")),
            approved_by=rng.choice(("ທ່ານ ຄຳພອນ", "ທ່ານ ບຸນມີ")),
        )
