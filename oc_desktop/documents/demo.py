"""Demo documents: a few hundred entered through the named operations (routed, answered,
voided, copied), and any number more written in bulk for benchmarks."""

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, insert, select

from oc_desktop import audit
from oc_desktop.documents.attachments import log_copy
from oc_desktop.documents.common import SECTION, sort_or_blank
from oc_desktop.documents.directory import correspondent_id, ensure_kinds, list_kinds
from oc_desktop.documents.incoming import register_incoming, route_incoming, void_incoming
from oc_desktop.documents.numbering import load_rules
from oc_desktop.documents.outgoing import register_outgoing, void_outgoing
from oc_desktop.documents.search_index import index_texts, insert_statement
from oc_desktop.models import IncomingDocument, Section
from oc_desktop.models.db import Database
from oc_desktop.security import SYSTEM

SENDERS = (
    ("ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ", "ຄອສພ"),
    ("ຄະນະຈັດຕັ້ງແຂວງ", "ຄຈຂ"),
    ("ຫ້ອງການຄະນະພັກແຂວງ", "ຫຄພຂ"),
    ("ຄະນະກວດກາພັກແຂວງ", "ຄກພຂ"),
    ("ພະແນກການເງິນແຂວງ", "ພກງ"),
    ("ພະແນກຖະແຫຼງຂ່າວ, ວັດທະນະທຳ ແລະ ທ່ອງທ່ຽວແຂວງ", "ຖວທ"),
    ("ພະແນກພາຍໃນແຂວງ", "ພນຂ"),
    ("ພະແນກສຶກສາທິການ ແລະ ກິລາແຂວງ", "ສສກ"),
    ("ຄະນະພັກເມືອງໄຊເສດຖາ", "ຄພມ"),
    ("ຄະນະພັກເມືອງສາມັກຄີໄຊ", "ຄພມ"),
    ("ແນວລາວສ້າງຊາດແຂວງ", "ນລຊ"),
    ("ສະຫະພັນແມ່ຍິງແຂວງ", "ສມຍ"),
    ("ຊາວໜຸ່ມປະຊາຊົນປະຕິວັດລາວແຂວງ", "ຊປປລ"),
    ("ສະຖາບັນການເມືອງ-ການປົກຄອງແຫ່ງຊາດ", "ສກປ"),
    ("Vientiane Times", "VT"),
)
OPENINGS = ("ກ່ຽວກັບ", "ແຈ້ງການ ກ່ຽວກັບ", "ສະເໜີ", "ຂໍອະນຸມັດ", "ລາຍງານ", "ເຊີນເຂົ້າຮ່ວມ")
TOPICS = (
    "ການຈັດກອງປະຊຸມສຳມະນາ",
    "ການຝຶກອົບຮົມພະນັກງານ",
    "ການເລື່ອນຊັ້ນ-ຂັ້ນເງິນເດືອນ",
    "ການຂຶ້ນແຜນງົບປະມານ",
    "ການໂຄສະນາເຜີຍແຜ່ມະຕິກອງປະຊຸມໃຫຍ່",
    "ການກວດກາວຽກງານບໍລິຫານ",
    "ການສະເຫຼີມສະຫຼອງວັນຊາດ",
    "ການເກັບກຳຄຳຄິດເຫັນຂອງປະຊາຊົນ",
    "ການແຕ່ງຕັ້ງຫົວໜ້າຂະແໜງ",
    "ການປັບປຸງບ່ອນເກັບມ້ຽນເອກະສານ",
    "ການຄຸ້ມຄອງຕາປະທັບ",
    "ການສຶກສາອົບຮົມທິດສະດີການເມືອງ",
    "ການສັງລວມສະພາບການປະຈຳເດືອນ",
    "ການນຳໃຊ້ພາຫະນະຮັບໃຊ້ວຽກງານ",
)
TAILS = (
    "ປະຈຳປີ {year}",
    "ໄລຍະ 6 ເດືອນຕົ້ນປີ {year}",
    "ປະຈຳໄຕມາດ {quarter}/{year}",
    "ຢູ່ແຂວງ",
    "ຂອງຂະແໜງບໍລິຫານ",
    "",
)
PEOPLE = ("ທ່ານ ບຸນມີ", "ທ່ານ ສີສະຫວາດ", "ທ່ານ ນາງ ມະນີວັນ", "ທ່ານ ຄຳພອນ", "ທ່ານ ນາງ ສຸດາພອນ")
INSTRUCTIONS = (
    "ໃຫ້ຂະແໜງຄົ້ນຄວ້າ ແລະ ສະເໜີຄຳເຫັນ",
    "ມອບໃຫ້ກະກຽມເນື້ອໃນກອງປະຊຸມ",
    "ຊາບ ແລະ ຈັດຕັ້ງປະຕິບັດ",
    "ໃຫ້ຕອບກັບໂດຍດ່ວນ",
)


def subject(rng: random.Random, day: date) -> str:
    tail = rng.choice(TAILS).format(year=day.year, quarter=(day.month - 1) // 3 + 1)
    return " ".join(p for p in (rng.choice(OPENINGS), rng.choice(TOPICS), tail) if p)


def fill_documents(db: Database, rng: random.Random, *, count: int, today: date) -> None:
    """``count`` incoming documents over the last year, routed, some answered and voided."""
    ensure_kinds(db)
    kinds = [k.id for k in list_kinds(db)]
    with db.read() as session:
        sections = list(session.scalars(select(Section.id).where(Section.active)))
    start = today - timedelta(days=min(360, today.timetuple().tm_yday - 1))
    span = (today - start).days + 1
    days = sorted(start + timedelta(days=rng.randrange(span)) for _ in range(count))
    for index, day in enumerate(days):
        sender, abbreviation = rng.choice(SENDERS)
        arrived = datetime.combine(day, time(rng.randint(7, 16), rng.choice((0, 15, 30, 45))))
        doc_id = register_incoming(
            db,
            actor=SYSTEM,
            received_at=arrived,
            sender=sender,
            doc_number=f"{rng.randint(1, 1500)}/{abbreviation}",
            doc_date=day - timedelta(days=rng.randint(0, 6)),
            kind_id=rng.choice(kinds),
            subject=subject(rng, day),
            pages=rng.randint(1, 12),
            urgency=rng.choices((0, 1, 2), (8, 3, 1))[0],
            secrecy=rng.choices((0, 1, 2), (16, 2, 1))[0],
            notes="",
        )
        if index % 37 == 36:
            void_incoming(db, actor=SYSTEM, doc_id=doc_id, reason="ລົງທະບຽນຊ້ຳ")
            continue
        if rng.random() < 0.8:
            route_incoming(
                db,
                actor=SYSTEM,
                doc_id=doc_id,
                section_id=rng.choice(sections),
                person=rng.choice(PEOPLE),
                instruction=rng.choice(INSTRUCTIONS),
                deadline=day + timedelta(days=rng.randint(3, 20)),
                handed_on=day,
            )
        if day < today - timedelta(days=10) and rng.random() < 0.6:
            answered_on = min(today, day + timedelta(days=rng.randint(1, 9)))
            out_id = register_outgoing(
                db,
                actor=SYSTEM,
                doc_date=answered_on,
                kind_id=rng.choice(kinds),
                subject="ຕອບ " + subject(rng, day),
                recipients=[sender],
                answers_id=doc_id,
                copies=rng.randint(1, 3),
                file_copy_at="ແຟ້ມ ຂາອອກ",
                sent_on=answered_on,
            )
            if rng.random() < 0.1:
                log_copy(
                    db,
                    actor=SYSTEM,
                    register="outgoing",
                    doc_id=out_id,
                    copies=rng.randint(1, 5),
                    for_whom=rng.choice(SENDERS)[0],
                    authorised_by=rng.choice(PEOPLE),
                    made_on=day,
                )
            if rng.random() < 0.03:
                void_outgoing(db, actor=SYSTEM, doc_id=out_id, reason="ພິມຜິດ, ອອກເລກໃໝ່")


def bulk_incoming(db: Database, rng: random.Random, *, count: int, years: int = 20) -> None:
    """Write ``count`` incoming documents of the past ``years`` in one transaction: the
    rows, sort keys and index text the operations write, with one audit row for all."""
    ensure_kinds(db)
    kinds = [k.id for k in list_kinds(db)]
    with db.begin() as session:
        rules = load_rules(session)
        senders = [(correspondent_id(session, n), n, a) for n, a in SENDERS]
        first = date.today().year - years  # past years: this year's numbers are the ops'

        per_year = -(-count // years)
        doc_id = session.scalar(select(func.max(IncomingDocument.id))) or 0
        rows, index_rows = [], []
        for n in range(count):
            year = first + n // per_year
            seq = n % per_year + 1
            day = date(year, 1, 1) + timedelta(days=seq * 365 // (per_year + 1))
            sender_id, sender, abbreviation = rng.choice(senders)
            secrecy = rng.choices((0, 1, 2), (16, 2, 1))[0]
            words = subject(rng, day)
            doc_id += 1
            number = f"{rng.randint(1, 1500)}/{abbreviation}"
            rows.append(
                dict(
                    id=doc_id,
                    period=rules.period_of(day),
                    series="",
                    seq=seq,
                    received_at=datetime.combine(day, time(9, 0)),
                    sender_id=sender_id,
                    doc_number=number,
                    doc_date=day,
                    kind_id=rng.choice(kinds),
                    subject=words,
                    subject_sort=sort_or_blank(words, secrecy),
                    party_sort=sort_or_blank(sender, secrecy),
                    pages=rng.randint(1, 12),
                    urgency=rng.choices((0, 1, 2), (8, 3, 1))[0],
                    secrecy=secrecy,
                    notes="",
                    status="filed",
                    created_at=datetime.combine(day, time(9, 0)),
                    updated_at=datetime.combine(day, time(9, 0)),
                )
            )
            texts = index_texts(secrecy=secrecy, numbers=[str(seq)], words=[number, sender, words])
            index_rows.append({"id": doc_id, **texts})
            if len(rows) == 20_000 or n == count - 1:
                session.execute(insert(IncomingDocument), rows)
                session.execute(insert_statement("incoming"), index_rows)
                rows, index_rows = [], []
        audit.record(
            session,
            actor=SYSTEM,
            action="import",
            entity="incoming_document",
            entity_id="bulk",
            section=SECTION,
            new={"documents": count},
        )
