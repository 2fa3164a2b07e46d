"""Demo documents: a few hundred entered through the named operations (routed, answered,
voided, copied), and any number more written in bulk for benchmarks."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, insert, select

from oc_desktop import audit
from oc_desktop.documents.attachments import log_copy
from oc_desktop.documents.common import AREA_KEY, sort_columns
from oc_desktop.documents.directory import correspondent_id, ensure_kinds, list_kinds
from oc_desktop.documents.incoming import (
    register_incoming,
    route_incoming,
    set_incoming_status,
    void_incoming,
)
from oc_desktop.documents.outgoing import register_outgoing, void_outgoing
from oc_desktop.documents.search_index import incoming_texts, insert_statement
from oc_desktop.models import IncomingDocument, Section
from oc_desktop.models.db import Database
from oc_desktop.profile import load_profile
from oc_desktop.registers.numbering import load_rules
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


# How many routed documents the follow-up list should hold, whatever the demo's size:
# a few just past their deadline, a couple forgotten for weeks, a few due soon.
LATE, FORGOTTEN, DUE_SOON = 6, 3, 4
ROUTED = 0.8  # the share of documents routed to a section with a deadline


@dataclass(frozen=True)
class Chances:
    """The chance that a routed document is still open by today, by its deadline."""

    forgotten: float  # past it by more than two weeks
    late: float  # past it by up to two weeks
    pending: float  # not due yet

    @classmethod
    def for_demo(cls, *, count: int, span: int) -> "Chances":
        """Scaled to the documents a day, so the follow-up list holds a handful however
        densely the demo is filled (early in the year, 400 documents fill a few weeks)."""
        routed_a_day = max(count, 1) / span * ROUTED  # an empty demo still has chances
        return cls(
            forgotten=min(0.05, FORGOTTEN / (max(1, span - 26) * routed_a_day)),
            late=min(0.5, LATE / (14 * routed_a_day)),
            pending=min(0.8, DUE_SOON / (4 * routed_a_day)),
        )


def fate(rng: random.Random, chances: Chances, *, today: date, day: date, deadline) -> str:
    """What became of a document by today: "answer", "file", "in_progress" or "open".

    An office moves its papers on: a document for information is filed once read, a
    routed one is answered or filed around its deadline; only a few slip past it.
    """
    if deadline is None:
        return "file" if (today - day).days > 2 and rng.random() < 0.97 else "open"
    late = (today - deadline).days
    if late > 14:
        still_open = chances.forgotten
    elif late > 0:
        still_open = chances.late
    else:
        still_open = chances.pending
    if rng.random() < still_open:
        return rng.choice(("open", "in_progress"))
    return "answer" if rng.random() < 0.6 else "file"


def fill_documents(db: Database, rng: random.Random, *, count: int, today: date) -> None:
    """``count`` incoming documents of this year up to ``today``: routed, answered, filed,
    a few voided, and a realistic handful overdue."""
    ensure_kinds(db)
    kinds = [k.id for k in list_kinds(db)]
    with db.read() as session:
        sections = list(session.scalars(select(Section.id).where(Section.active)))
    start = today - timedelta(days=min(360, today.timetuple().tm_yday - 1))
    span = (today - start).days + 1
    days = sorted(start + timedelta(days=rng.randrange(span)) for _ in range(count))
    chances = Chances.for_demo(count=count, span=span)
    registered = set()  # (sender, number, date): the same paper is not registered twice
    replies = []  # answered later, so outgoing numbers follow their dates
    for index, day in enumerate(days):
        sender, abbreviation = rng.choice(SENDERS)
        arrived = datetime.combine(day, time(rng.randint(7, 16), rng.choice((0, 15, 30, 45))))
        paper = (sender, "", day)
        while paper in registered or not paper[1]:
            number = f"{rng.randint(1, 1500)}/{abbreviation}"
            paper = (sender, number, day - timedelta(days=rng.randint(0, 6)))
        registered.add(paper)
        doc_id = register_incoming(
            db,
            actor=SYSTEM,
            received_at=arrived,
            sender=sender,
            doc_number=paper[1],
            doc_date=paper[2],
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
        deadline = None
        if rng.random() < ROUTED:
            deadline = day + timedelta(days=rng.randint(3, 20))
            route_incoming(
                db,
                actor=SYSTEM,
                doc_id=doc_id,
                section_id=rng.choice(sections),
                person=rng.choice(PEOPLE),
                instruction=rng.choice(INSTRUCTIONS),
                deadline=deadline,
                handed_on=day,
            )
        outcome = fate(rng, chances, today=today, day=day, deadline=deadline)
        if outcome == "answer":
            answered_on = min(today, day + timedelta(days=rng.randint(1, 12)))
            replies.append((answered_on, doc_id, sender))
        elif outcome != "open":
            status = "filed" if outcome == "file" else outcome
            set_incoming_status(db, actor=SYSTEM, doc_id=doc_id, status=status)
    heads = load_profile(db).signers[:3]  # the head and deputies sign for the office
    signers = [f"{s.title} {s.name}".strip() for s in heads] or [""]
    for on, doc_id, sender in sorted(replies):
        answer(db, rng, doc_id=doc_id, sender=sender, kinds=kinds, on=on, signers=signers)


def answer(db, rng, *, doc_id: int, sender: str, kinds: list[int], on: date, signers: list[str]):
    """An outgoing reply, signed by the head or a deputy; now and then copied or its
    number spoiled. A reply is as secret as the letter it answers."""
    with db.read() as session:
        secrecy = session.get(IncomingDocument, doc_id).secrecy
    out_id = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=on,
        kind_id=rng.choice(kinds),
        subject="ຕອບ " + subject(rng, on),
        recipients=[sender],
        signer=rng.choices(signers, [6] + [1] * (len(signers) - 1))[0],
        answers_id=doc_id,
        copies=rng.randint(1, 3),
        file_copy_at="ແຟ້ມ ຂາອອກ",
        sent_on=on,
        secrecy=secrecy,
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
            made_on=on,
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
                    **sort_columns(subject=words, party=sender, secrecy=secrecy, doc_number=number),
                    pages=rng.randint(1, 12),
                    urgency=rng.choices((0, 1, 2), (8, 3, 1))[0],
                    secrecy=secrecy,
                    notes="",
                    status="filed",
                    created_at=datetime.combine(day, time(9, 0)),
                    updated_at=datetime.combine(day, time(9, 0)),
                )
            )
            texts = incoming_texts(
                secrecy=secrecy,
                seq=seq,
                doc_number=number,
                sender=sender,
                subject=words,
                notes="",
            )
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
            area=AREA_KEY,
            new={"documents": count},
        )
