"""A realistic office for the demo: Article 6's structure across the profile's sections,
careers with steps and evaluations, a person retired, one retiring soon, steps due.

Written through the named operations (audited as the program itself).
"""

import random
from contextlib import contextmanager
from datetime import date, timedelta
from io import BytesIO

from oc_desktop.models.db import Database
from oc_desktop.profile import load_profile
from oc_desktop.security import SYSTEM
from oc_desktop.staff.careers import add_years
from oc_desktop.staff.history import add_event, add_grade, add_position, record_leaving
from oc_desktop.staff.people import (
    PersonData,
    Relative,
    ensure_ethnic_groups,
    ethnic_groups,
    save_person,
)

MEN = (
    "ບຸນມີ",
    "ສີສະຫວາດ",
    "ຄຳພອນ",
    "ວັນໄຊ",
    "ບົວພັນ",
    "ພູວົງ",
    "ທອງສຸກ",
    "ບຸນເຫຼືອ",
    "ສົມພອນ",
    "ໄຊສົມບັດ",
    "ຄຳຫຼ້າ",
    "ວິໄລພອນ",
    "ອານຸສອນ",
    "ສຸລິພົງ",
)
WOMEN = (
    "ມະນີວັນ",
    "ສຸດາພອນ",
    "ຄຳແພງ",
    "ວຽງສະໄໝ",
    "ແສງເດືອນ",
    "ນິດຕະຍາ",
    "ພອນສະຫວັນ",
    "ຈັນທະວີ",
    "ບຸນມາລີ",
    "ໜູພັນ",
    "ອຳພອນ",
    "ດາວເຮືອງ",
)
FAMILY = (
    "ພົມມະຈັນ",
    "ສີລາວົງ",
    "ແກ້ວມະນີ",
    "ວົງສະຫວັນ",
    "ຈັນທະລາ",
    "ອິນທະວົງ",
    "ພິລາວັນ",
    "ສຸລິຍະວົງ",
    "ແສງສຸລິຍາ",
    "ດວງມາລາ",
    "ໄຊຍະວົງ",
    "ບຸບຜາ",
    "ສີຫາລາດ",
    "ພັນທະວົງ",
)
LATIN = {"ບຸນມີ": "Bounmy", "ສົມພອນ": "Somphone", "ມະນີວັນ": "Manivanh", "ຄຳພອນ": "Khamphone"}
VILLAGES = ("ບ້ານໄຊສະຫວ່າງ", "ບ້ານໂພນສະອາດ", "ບ້ານນາຄຳ", "ບ້ານທ່າແຂກ", "ບ້ານຫ້ວຍຊາຍ")
DISTRICTS = ("ເມືອງສາມັກຄີໄຊ", "ເມືອງສະໜາມໄຊ", "ເມືອງໄຊເສດຖາ", "ເມືອງພູວົງ")
PROVINCES = ("ແຂວງອັດຕະປື", "ແຂວງຈຳປາສັກ", "ແຂວງສາລະວັນ", "ແຂວງເຊກອງ")
EDUCATION = ("12/12", "12/12", "11/11", "ປະລິນຍາຕີ", "ປະລິນຍາໂທ")
SPECIALISED = (
    "ປະລິນຍາຕີ ບໍລິຫານລັດ",
    "ປະລິນຍາຕີ ນິຕິສາດ",
    "ຊັ້ນສູງ ບັນຊີ",
    "ປະລິນຍາໂທ ການເມືອງ",
    "ຊັ້ນກາງ ຄອມພິວເຕີ",
    "",
)
COURSES = (
    ("ຫຼັກສູດ ທິດສະດີການເມືອງ ຂັ້ນກາງ", "ສະຖາບັນການເມືອງ ແລະ ການປົກຄອງແຫ່ງຊາດ"),
    ("ຫຼັກສູດ ຄຸ້ມຄອງລັດ", "ໂຮງຮຽນການເມືອງແຂວງ"),
    ("ຫຼັກສູດ ຄອມພິວເຕີ ຫ້ອງການ", "ສູນຝຶກອົບຮົມແຂວງ"),
    ("ຫຼັກສູດ ພາສາອັງກິດ", "ມະຫາວິທະຍາໄລແຫ່ງຊາດ"),
)
RESULTS = ("ດີເດັ່ນ", "ດີ", "ດີ", "ດີ", "ປານກາງ")


def _photo(rng: random.Random) -> bytes:
    """A 3×4 portrait placeholder: a silhouette on a pale background (PNG, via Pillow)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (120, 160), rng.choice(((214, 228, 240), (228, 236, 246))))
    draw = ImageDraw.Draw(image)
    tone = rng.choice(((92, 84, 80), (70, 66, 64), (110, 98, 90)))
    draw.ellipse((38, 30, 82, 80), fill=tone)
    draw.ellipse((14, 86, 106, 190), fill=(40, 52, 80))
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _past(day: date, today: date) -> date | None:
    return day if day <= today else None


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days)))


class _Within:
    """The database as seen from inside one transaction: each operation's unit of work
    is a savepoint of it, so the demo's hundreds of records are written with one commit."""

    def __init__(self, session) -> None:
        self.session = session

    @contextmanager
    def begin(self):
        with self.session.begin_nested():
            yield self.session
        self.session.expunge_all()  # written: a growing session slows every later flush

    read = begin


def fill_staff(db: Database, rng: random.Random, *, count: int = 45, today: date) -> None:
    with db.begin() as session:
        _fill(_Within(session), rng, count=count, today=today)


def _fill(db, rng: random.Random, *, count: int, today: date) -> None:
    ensure_ethnic_groups(db)
    groups = ethnic_groups(db)
    lao = next((g for g in groups if not g.minority), groups[0])
    sections = load_profile(db).sections
    posts = ["head", "deputy_head", "deputy_head"]
    for _section in sections:
        posts += ["section_head", "deputy_section_head"]
    posts += ["staff"] * (count - len(posts))
    used_names: set[str] = set()
    for number, post in enumerate(posts):
        woman = rng.random() < 0.4
        while True:
            given = rng.choice(WOMEN if woman else MEN)
            family = rng.choice(FAMILY)
            if (given, family) not in used_names:
                used_names.add((given, family))
                break
        senior = post != "staff"
        age = rng.randint(38, 58) if senior else rng.randint(23, 56)
        if number == 5:  # retires within a few months: the list shows it
            age = (55 if woman else 60) - 1
        born = _day(rng, add_years(today, -age - 1), add_years(today, -age))
        if number == 5:
            born = add_years(today + timedelta(days=rng.randint(40, 150)), -(55 if woman else 60))
        entered = _day(rng, add_years(born, 20), add_years(born, min(age, 30)))
        entered = min(entered, today - timedelta(days=200))
        section = (
            None
            if post in ("head", "deputy_head")
            else sections[
                (number - 3) // 2 % len(sections)
                if number < 3 + 2 * len(sections)
                else rng.randrange(len(sections))
            ]
        )
        party = entered + timedelta(days=rng.randint(300, 3000)) if rng.random() < 0.75 else None
        party = party if party is None or party < today else None
        person = save_person(
            db,
            actor=SYSTEM,
            data=PersonData(
                given_name=given,
                family_name=family,
                latin_name=LATIN.get(given, ""),
                sex="f" if woman else "m",
                birth_date=born,
                service_entry=entered,
                birth_village=rng.choice(VILLAGES),
                birth_district=rng.choice(DISTRICTS),
                birth_province=rng.choice(PROVINCES),
                ethnic_group_id=(lao if rng.random() < 0.7 else rng.choice(groups)).id,
                religion=rng.choice(("ພຸດ", "ພຸດ", "ພຸດ", "ຜີ")),
                id_card=f"{rng.randint(1, 18):02d}-{rng.randrange(10**6):06d}-{number:02d}",
                phone=f"020 {rng.randint(2000, 9999)} {rng.randint(1000, 9999)}",
                address=f"{rng.choice(VILLAGES)}, {rng.choice(DISTRICTS)}",
                photo=_photo(rng) if rng.random() < 0.8 else None,
                education=rng.choice(EDUCATION),
                specialised=rng.choice(SPECIALISED),
                political_theory=rng.choice(
                    ("advanced", "intermediate") if senior else ("", "basic", "intermediate")
                ),
                languages=rng.choice(("ອັງກິດ", "ຫວຽດນາມ", "", "ອັງກິດ, ຫວຽດນາມ")),
                computing=rng.choice(("Word, Excel", "ພື້ນຖານ", "")),
                party_joined=party,
                party_full=party + timedelta(days=365)
                if party and party.year < today.year - 1
                else None,
                youth_joined=add_years(born, 16),
                women_joined=_past(add_years(entered, 1), today) if woman else None,
                union_joined=entered + timedelta(days=90),
                section_id=section.id if section else None,
                family=(
                    Relative("father", f"ທ່ານ {rng.choice(MEN)} {family}", born.year - 28, "ຊາວນາ"),
                    Relative("mother", f"ນາງ {rng.choice(WOMEN)}", born.year - 25, "ແມ່ບ້ານ"),
                    Relative(
                        "child",
                        f"{rng.choice(MEN + WOMEN)} {family}",
                        min(today.year, entered.year + 3),
                        "ນັກຮຽນ",
                    ),
                ),
            ),
        )
        _career(db, rng, person, post, section, entered, today, number)


def _career(db, rng, person, post, section, entered, today, number) -> None:
    decision = lambda day: dict(  # noqa: E731
        decision_number=f"{rng.randint(1, 300)}/ຄອຮ", decision_date=day - timedelta(days=10)
    )
    add_position(
        db,
        actor=SYSTEM,
        person_id=person,
        change="appointment",
        position="staff",
        section_id=section.id if section else None,
        start=entered,
        **decision(entered),
    )
    if post != "staff":
        promoted = _day(rng, entered + timedelta(days=400), today - timedelta(days=60))
        add_position(
            db,
            actor=SYSTEM,
            person_id=person,
            change="appointment",
            position=post,
            section_id=section.id if section else None,
            start=promoted,
            **decision(promoted),
        )
    # history before the last 8 years is one record at the step reached then
    grade, step, since = 1 if entered.year > 2000 else 2, 1, entered
    while add_years(since, 2) <= add_years(today, -8):
        since, step = add_years(since, 2), step + 1
    add_grade(
        db,
        actor=SYSTEM,
        person_id=person,
        grade=grade,
        change="start",
        step=min(step, 20),
        start=since,
        **decision(since),
    )
    # a step every 2 years; some people's latest step is overdue (the list shows them)
    stop = today - timedelta(days=400 if number == 30 else rng.choice((0,) * 6 + (300, 500)))
    step = min(step, 20)
    while add_years(since, 2) <= stop and step < 20:
        since, step = add_years(since, 2), step + 1
        add_grade(
            db,
            actor=SYSTEM,
            person_id=person,
            grade=grade,
            step=step,
            start=since,
            **decision(since),
        )
    for year in range(max(entered.year + 1, today.year - 4), today.year):
        if rng.random() < 0.9:
            day = date(year, 12, 20)
            add_event(
                db,
                actor=SYSTEM,
                person_id=person,
                kind="evaluation",
                title=f"ປະເມີນຜົນ ປີ {year}",
                result=rng.choice(RESULTS),
                start=day,
            )
    for _n in range(rng.randint(0, 2)):
        course, school = rng.choice(COURSES)
        start = _day(rng, entered, today - timedelta(days=120))
        add_event(
            db,
            actor=SYSTEM,
            person_id=person,
            kind="training",
            title=course,
            by_whom=school,
            start=start,
            end=start + timedelta(days=rng.randint(5, 90)),
            result="ຜ່ານ",
            **decision(start),
        )
    if rng.random() < 0.3:
        day = _day(rng, entered, today - timedelta(days=30))
        add_event(
            db,
            actor=SYSTEM,
            person_id=person,
            kind="commendation",
            title="ໃບຍ້ອງຍໍ ຂອງ ຄະນະບໍລິຫານງານພັກແຂວງ",
            by_whom="ຄະນະບໍລິຫານງານພັກແຂວງ",
            start=day,
            **decision(day),
        )
    if number == 20:
        day = today - timedelta(days=400)
        add_event(
            db,
            actor=SYSTEM,
            person_id=person,
            kind="discipline",
            title="ຕິຕຽນ ເປັນລາຍລັກອັກສອນ",
            by_whom="ຫົວໜ້າຄະນະ",
            start=day,
            **decision(day),
        )
    if number == 30:  # retired last year, with a pension
        day = today - timedelta(days=300)
        record_leaving(
            db,
            actor=SYSTEM,
            person_id=person,
            reason="retirement",
            benefit="pension",
            amount=2_850_000,
            start=day,
            **decision(day),
        )
