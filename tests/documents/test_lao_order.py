"""The register sorts in Lao dictionary order, in SQL: look-alikes as one, Lao before
Latin, numbers as numbers, the whole subject, and secret entries as their reader sees them."""

from datetime import date, datetime

from oc_desktop.documents.incoming import register_incoming
from oc_desktop.documents.query import RegisterQuery, fetch_page
from oc_desktop.security import CLERK, CONFIDENTIAL, HEAD, SYSTEM, TOP_SECRET, Actor

TODAY = date(2026, 11, 23)
NO_CLEARANCE = Actor(None, "clerk", "ນາງ ສຸດາພອນ", frozenset({CLERK}), 0)
CONFIDENTIAL_CLERK = Actor(None, "clerk2", "ທອງສຸກ", frozenset({CLERK}), CONFIDENTIAL)
THE_HEAD = Actor(None, "head", "ບຸນມີ", frozenset({HEAD}), TOP_SECRET)


def _incoming(db, n: int, **changes) -> int:
    values = dict(
        actor=SYSTEM,
        received_at=datetime(2026, 11, 20, 9, 30),
        sender="ກົມການເມືອງ",
        doc_number=f"{n}/ກຊ",
        doc_date=date(2026, 11, 18),
        kind_id=None,
        subject="ກ່ຽວກັບການຈັດກອງປະຊຸມ",
    )
    return register_incoming(db, **(values | changes))


def _sorted(db, actor, sort: str, field: str = "subject") -> list:
    query = RegisterQuery(sort=sort, descending=False)
    # two rows a page: the keyset "after" must follow the same order
    rows, after = [], None
    while True:
        page = fetch_page(db, actor, query, after=after, limit=2, today=TODAY)
        rows += page
        if len(page) < 2:
            return [getattr(r, field) for r in rows]
        after = page[-1].key


def test_subjects_sort_in_lao_order_latin_after_lao_and_on_their_whole_text(db):
    start = "ກອງປະຊຸມສະຫຼຸບການເຄື່ອນໄຫວວຽກງານຂອງຄະນະພັກແຂວງ ປະຈຳປີ 2023 ແລະ ແຜນການ "
    subjects = ["Vientiane Times", start + "ສຶກສາ", "ເອກະສານ", start + "ກະສິກຳ", "ຂໍອະນຸມັດ"]
    for n, subject in enumerate(subjects):
        _incoming(db, n, subject=subject)
    assert _sorted(db, NO_CLEARANCE, "subject") == [
        start + "ກະສິກຳ",
        start + "ສຶກສາ",
        "ຂໍອະນຸມັດ",
        "ເອກະສານ",
        "Vientiane Times",
    ]


def test_look_alike_subjects_sort_as_one_and_numbers_as_numbers(db):
    typed = [(10, "ສະຖານທູດ"), (9, "ສະຫຼອງ"), (201, "ໜ່ວຍງານ"), (1265, "ສະຫລອງ")]
    for n, subject in typed:
        _incoming(db, n, subject=subject)
    _incoming(db, 12, subject="ຫນ່ວຍງານ", doc_number="໑໒/ກຊ")
    numbers = _sorted(db, NO_CLEARANCE, "doc_number", "doc_number")
    assert numbers == ["9/ກຊ", "10/ກຊ", "໑໒/ກຊ", "201/ກຊ", "1265/ກຊ"]
    # ສະຫຼອງ and ສະຫລອງ are one word, side by side; so are ໜ່ວຍ and ຫນ່ວຍ
    subjects = _sorted(db, NO_CLEARANCE, "subject")
    assert subjects[0] == "ສະຖານທູດ"
    assert set(subjects[1:3]) == {"ສະຫຼອງ", "ສະຫລອງ"}
    assert set(subjects[3:]) == {"ຫນ່ວຍງານ", "ໜ່ວຍງານ"}


def test_secret_entries_sort_by_their_real_keys_for_those_cleared(db):
    _incoming(db, 1, subject="ຄ ທຳມະດາ")
    _incoming(db, 2, subject="ຂ ລັບ", secrecy=CONFIDENTIAL)
    _incoming(db, 3, subject="ກ ລັບສຸດຍອດ", secrecy=TOP_SECRET)
    _incoming(db, 4, subject="ງ ທຳມະດາ")
    assert _sorted(db, THE_HEAD, "subject") == ["ກ ລັບສຸດຍອດ", "ຂ ລັບ", "ຄ ທຳມະດາ", "ງ ທຳມະດາ"]
    # cleared for the confidential one only: the top secret one is hidden, blank, first
    assert _sorted(db, CONFIDENTIAL_CLERK, "subject") == [None, "ຂ ລັບ", "ຄ ທຳມະດາ", "ງ ທຳມະດາ"]
    # for a reader without clearance both are blank: first, in number order, telling nothing
    assert _sorted(db, NO_CLEARANCE, "subject", "number") == ["2", "3", "1", "4"]
    assert _sorted(db, NO_CLEARANCE, "subject")[2:] == ["ຄ ທຳມະດາ", "ງ ທຳມະດາ"]
    assert _sorted(db, NO_CLEARANCE, "doc_number", "number") == ["2", "3", "1", "4"]
    assert _sorted(db, THE_HEAD, "doc_number", "number") == ["1", "2", "3", "4"]
