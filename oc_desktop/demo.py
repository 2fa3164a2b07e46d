"""Realistic demo data in Lao for every section, the same for the same seed."""

import random
from datetime import date

from oc_desktop.audit.state import record_baseline
from oc_desktop.budget.demo import fill_budget
from oc_desktop.documents.demo import bulk_incoming, fill_documents
from oc_desktop.i18n import _
from oc_desktop.models.db import Database
from oc_desktop.profile import SectionRow, SignerRow, ensure_defaults, load_profile, save_profile
from oc_desktop.seal.demo import fill_seal
from oc_desktop.security import (
    ACCOUNTANT,
    ADMIN,
    CLERK,
    CONFIDENTIAL,
    HEAD,
    ORDINARY,
    READER,
    STAFF_OFFICER,
    SYSTEM,
    TOP_SECRET,
)
from oc_desktop.staff.demo import fill_staff
from oc_desktop.users import create_user

# One person per role, each with the password "demo-" + user name (README lists them).
DEMO_USERS = (
    ("admin", "ບຸນມີ ພົມມະຈັນ", [ADMIN], ORDINARY),
    ("clerk", "ນາງ ມະນີວັນ ສີລາວົງ", [CLERK], ORDINARY),
    ("clerk2", "ນາງ ສຸດາພອນ ແກ້ວມະນີ", [CLERK], CONFIDENTIAL),
    ("head", "ຄຳພອນ ວົງສະຫວັນ", [HEAD], TOP_SECRET),
    ("staff", "ວັນໄຊ ຈັນທະລາ", [STAFF_OFFICER], ORDINARY),
    ("accountant", "ນາງ ຄຳແພງ ອິນທະວົງ", [ACCOUNTANT], ORDINARY),
    ("reader", "ທອງສຸກ ພິລາວັນ", [READER], ORDINARY),
)


def demo_password(username: str) -> str:
    return f"demo-{username}"


# Entered one by one through the named operations (routed, answered, voided); any
# more are written in bulk as past years' registers.
ENTERED_DOCUMENTS = 400
STAFF = 45  # people in the demo office: Article 6's structure, the rest staff

PROVINCES = (
    "ອັດຕະປື",
    "ຈຳປາສັກ",
    "ສາລະວັນ",
    "ເຊກອງ",
    "ສະຫວັນນະເຂດ",
    "ຄຳມ່ວນ",
    "ບໍລິຄຳໄຊ",
    "ໄຊສົມບູນ",
    "ຊຽງຂວາງ",
    "ຫົວພັນ",
    "ຫຼວງພະບາງ",
    "ອຸດົມໄຊ",
    "ບໍ່ແກ້ວ",
    "ຫຼວງນ້ຳທາ",
    "ຜົ້ງສາລີ",
    "ໄຊຍະບູລີ",
    "ວຽງຈັນ",
)
GIVEN_NAMES = (
    "ບຸນມີ",
    "ສີສະຫວາດ",
    "ຄຳພອນ",
    "ວັນໄຊ",
    "ບົວພັນ",
    "ສົມສະໄໝ",
    "ພູວົງ",
    "ແສງເດືອນ",
    "ນາງ ມະນີວັນ",
    "ນາງ ສຸດາພອນ",
    "ນາງ ຄຳແພງ",
    "ທອງສຸກ",
    "ອຳພອນ",
    "ບຸນເຫຼືອ",
    "ນາງ ວຽງສະໄໝ",
)
FAMILY_NAMES = (
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
)


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}"


def fill_profile(db: Database, rng: random.Random) -> None:
    province = rng.choice(PROVINCES)
    ensure_defaults(db)
    sections = load_profile(db).sections
    save_profile(
        db,
        actor=SYSTEM,
        name=f"ຄະນະໂຄສະນາອົບຮົມແຂວງ{province}",
        abbreviation="ຄ.ອ.ຮ.ຂ",
        place=province,
        parent_body=f"ຄະນະບໍລິຫານງານພັກແຂວງ{province}",
        sections=[SectionRow(s.id, s.name) for s in sections],
        signers=[
            SignerRow(None, "ຫົວໜ້າຄະນະໂຄສະນາອົບຮົມແຂວງ", person_name(rng)),
            SignerRow(None, "ຮອງຫົວໜ້າຄະນະໂຄສະນາອົບຮົມແຂວງ", person_name(rng)),
            SignerRow(None, "ຮອງຫົວໜ້າຄະນະໂຄສະນາອົບຮົມແຂວງ", person_name(rng)),
            SignerRow(None, "ຫົວໜ້າຂະແໜງບໍລິຫານ, ຈັດຕັ້ງ ແລະ ກວດກາ", person_name(rng)),
        ],
    )


def build_demo(db: Database, *, documents: int, seed: int, progress=print) -> None:
    """Fill every section; sections add their own fillers below as they are built."""
    rng = random.Random(seed)
    fill_profile(db, rng)
    progress(_("Organisation: {name}").format(name=load_profile(db).name))
    add_users(db)
    progress(_("Users: {names}").format(names=", ".join(name for name, *_rest in DEMO_USERS)))
    entered = min(documents, ENTERED_DOCUMENTS)
    fill_documents(db, rng, count=entered, today=date.today())
    if documents > entered:
        bulk_incoming(db, rng, count=documents - entered)
    progress(_("Documents: {count}").format(count=documents))
    fill_staff(db, rng, count=STAFF, today=date.today())
    progress(_("Staff: {count}").format(count=STAFF))
    fill_budget(db, rng, today=date.today())
    progress(_("Budget: two years"))
    fill_seal(db, rng, today=date.today())
    progress(_("Seal custody log"))
    # the bulk-written entries (no ORM, no audit row each) enter the trail's state here
    rows = record_baseline(db, actor=SYSTEM)
    progress(_("Recorded in the history of changes: {count} rows").format(count=rows))


def add_users(db: Database) -> None:
    for username, full_name, roles, clearance in DEMO_USERS:
        create_user(
            db,
            actor=SYSTEM,
            username=username,
            full_name=full_name,
            password=demo_password(username),
            roles=roles,
            clearance=clearance,
        )
