"""Look-alike Lao spellings and spacing, on a real data file: search, the duplicate
check, the directory and the kinds treat them as one."""

import random
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers.lao_corpus import variants, words

from oc_desktop.documents.common import DuplicateDocument
from oc_desktop.documents.directory import correspondent_names, save_kind
from oc_desktop.documents.incoming import find_duplicate, register_incoming
from oc_desktop.documents.outgoing import register_outgoing
from oc_desktop.documents.query import RegisterQuery, count_rows, fetch_page
from oc_desktop.documents.rekey import rekey
from oc_desktop.models import Correspondent, IncomingDocument
from oc_desktop.models.migrate import open_database
from oc_desktop.paths import database_path
from oc_desktop.security import CLERK, CONFIDENTIAL, SYSTEM, Actor
from oc_desktop.validation import ValidationError

TODAY = date(2026, 11, 23)
CLERK_WITHOUT_CLEARANCE = Actor(None, "clerk", "ນາງ ສຸດາພອນ", frozenset({CLERK}), 0)
CONFIDENTIAL_CLERK = Actor(None, "clerk2", "ທອງສຸກ", frozenset({CLERK}), CONFIDENTIAL)
SENDER = "ພະແນກຖະແຫຼງຂ່າວ, ວັດທະນະທຳ ແລະ ທ່ອງທ່ຽວແຂວງ"
FIXTURE = Path(__file__).parents[1] / "fixtures" / "schema_0004_audit_indexes.sqlite3"


def incoming(db, **changes) -> int:
    values = dict(
        actor=SYSTEM,
        received_at=datetime(2026, 11, 20, 9, 30),
        sender="ພະແນກການເງິນແຂວງ",
        doc_number="201/ພກງ",
        doc_date=date(2026, 11, 18),
        kind_id=None,
        subject="ສະເໜີງົບປະມານ",
    )
    return register_incoming(db, **(values | changes))


def found(db, text, actor=SYSTEM, register="incoming") -> set[int]:
    query = RegisterQuery(register=register, text=text)
    rows = fetch_page(db, actor, query, after=None, limit=500, today=TODAY)
    assert count_rows(db, actor, query, today=TODAY) == len(rows)
    return {row.id for row in rows}


def test_every_look_alike_spelling_finds_the_same_entries(db):
    """Words of the list registered in each of their spellings; a search in any one of
    them finds every entry holding the word, however it was typed."""
    rng = random.Random(17)
    chosen = [w for w in words() if set(variants(w)) - {"zero-width space pasted in"}]
    chosen = [w for w in chosen if len(w) >= 3]
    chosen = rng.sample(chosen, 24)
    holding = {}
    for n, word in enumerate(chosen):
        spellings = [word, *variants(word).values()]
        holding[word] = {
            incoming(db, doc_number=f"{n}-{i}/ທ", subject=f"ເລື່ອງ {typed} ປະຈຳປີ")
            for i, typed in enumerate(spellings)
        }
    for word in chosen:
        expected = found(db, word)
        assert holding[word] <= expected, word
        for name, typed in variants(word).items():
            assert found(db, typed) == expected, (name, word)


def test_ham_and_lo_look_alikes_found_as_the_issue_counted(db):
    water = {
        incoming(db, subject=s, doc_number=f"{n}/ພກງ")
        for n, s in enumerate(("ນ້ຳປະປາ", "ນໍ້າປະປາ", "ນ້ໍາປະປາ"))
    }
    celebrate = {
        incoming(db, subject=s, doc_number=f"{n}/ກ")
        for n, s in enumerate(("ສະເຫຼີມສະຫຼອງ", "ສະເຫລີມສະຫລອງ"))
    }
    for typed in ("ນ້ຳ", "ນໍ້າ", "ນ້ໍາ", "ນ້ຳປະປາ"):
        assert found(db, typed) == water
    for typed in ("ສະເຫລີມ", "ສະເຫຼີມ", "ເຫລີມສະຫຼ"):
        assert found(db, typed) == celebrate


def test_several_words_any_field_any_order_and_spacing_inside_lao_ignored(db):
    spaced = incoming(db, subject="ກ່ຽວກັບ ການຈັດກອງປະຊຸມ")
    joined = incoming(db, subject="ກ່ຽວກັບການຈັດກອງປະຊຸມ", doc_number="໑໒/ພກງ")
    other = incoming(db, subject="ລາຍງານ ກ່ຽວກັບ ງົບປະມານ", doc_number="77/ພກງ")
    assert found(db, "ກ່ຽວກັບການ") == {spaced, joined}
    assert found(db, "ກ່ຽວກັບ ການຈັດ") == {spaced, joined}
    assert found(db, "ການຈັດ ກ່ຽວກັບ") == {spaced, joined}
    # each word anywhere: ການ is in every sender (ພະແນກການເງິນແຂວງ)
    assert found(db, "ກ່ຽວກັບ ການ") == {spaced, joined, other}
    # words from the number, the sender and the subject, in any order
    assert found(db, "ກອງປະຊຸມ 12/ພກງ") == {joined}
    assert found(db, "ກອງປະຊຸມ ເງິນແຂວງ ໑໒") == {joined}
    assert found(db, "ງົບປະມານ ກ່ຽວກັບ") == {other}
    assert found(db, "ງົບປະມານ ບໍ່ມີ") == set()


def test_a_fragment_never_runs_from_one_field_into_the_next(db):
    """The sender ends in ງ and the subject begins with ສ: "ງສ" is in no one field."""
    doc = incoming(db, subject="ສະເໜີງົບປະມານ")
    assert found(db, "ງສ") == set()
    assert found(db, "ແຂວງສະເໜີ") == set()
    assert found(db, "ແຂວງ ສະເໜີ") == {doc}  # two words, each in a field


def test_secret_words_stay_hidden_word_by_word(db):
    secret = incoming(db, subject="ແຜນການລັບ ກ່ຽວກັບ ການກວດກາ", secrecy=CONFIDENTIAL)
    assert found(db, "ກ່ຽວກັບ ການກວດກາ", actor=CLERK_WITHOUT_CLEARANCE) == set()
    assert found(db, "201 ກ່ຽວກັບ", actor=CLERK_WITHOUT_CLEARANCE) == set()
    assert found(db, "ກວດກາ ກ່ຽວກັບ", actor=CONFIDENTIAL_CLERK) == {secret}


def test_outgoing_recipients_and_subject_found_in_any_spelling(db):
    doc = register_outgoing(
        db,
        actor=SYSTEM,
        doc_date=date(2026, 11, 21),
        recipients=["ຄະນະພັກເມືອງໄຊເສດຖາ", "ສະຫະພັນແມ່ຍິງແຂວງ"],
        kind_id=None,
        subject="ແຈ້ງການ ກ່ຽວກັບ ການນຳໃຊ້ພາຫະນະ",
        signer="ຫົວໜ້າ",
    )
    for typed in ("ເເມ່ຍິງ ນໍາໃຊ້", "ນໍາໃຊ້ ໄຊເສດຖາ", "ກ່ຽວກັບການ"):
        assert found(db, typed, register="outgoing") == {doc}, typed
    assert found(db, "ນ້ຳໃຊ້", register="outgoing") == set()  # ນ້ຳ (with a tone) is not ນຳ
    assert found(db, "ຖາສະຫະ", register="outgoing") == set()  # two recipients


def test_the_same_letter_typed_differently_is_caught_as_a_duplicate(db):
    first = incoming(db, sender=SENDER, doc_number="໑໒໓/ຖວທ")
    typings = [*variants(SENDER).values(), SENDER.replace("ແລະ ", "ແລະ"), f" {SENDER} "]
    assert len(typings) >= 6
    for typed in typings:
        for number in ("123/ຖວທ", "໑໒໓ / ຖວທ", "123/ຖວທ\u200b"):
            with pytest.raises(DuplicateDocument) as caught:
                incoming(db, sender=typed, doc_number=number)
            assert caught.value.existing_id == first
    # another date or number is another letter
    incoming(db, sender=SENDER, doc_number="124/ຖວທ")
    incoming(db, sender=SENDER, doc_number="123/ຖວທ", doc_date=date(2026, 11, 19))


def test_the_directory_keeps_one_office_however_its_name_is_typed(db):
    for typed in [SENDER, *variants(SENDER).values()]:
        incoming(db, sender=typed, subject="ລາຍງານ", allow_duplicate=True)
    with db.read() as session:
        names = list(
            session.scalars(Correspondent.__table__.select().with_only_columns(Correspondent.name))
        )
        senders = {d.sender_id for d in session.query(IncomingDocument)}
    assert names == [SENDER]
    assert len(senders) == 1
    assert correspondent_names(db, actor=SYSTEM) == [SENDER]


def test_twins_kept_from_before_are_named_once_and_caught_as_duplicates(db):
    """A directory that already holds twin offices (registered before it folded them)."""
    incoming(db, sender=SENDER, doc_number="5/ຖວທ")
    twin = SENDER.replace("ຫຼ", "ຫລ")
    with db.begin() as session:  # as an older version stored it
        session.add(Correspondent(name=twin, sort=b"", name_key="old"))
    with db.engine.begin() as connection:  # what migration 0010 does to such a file
        rekey(connection)
    assert correspondent_names(db, actor=SYSTEM) == [SENDER]
    with pytest.raises(DuplicateDocument):
        incoming(db, sender=twin, doc_number="5/ຖວທ")


def test_kinds_differing_only_in_look_alike_spelling_are_refused(db):
    save_kind(db, actor=SYSTEM, kind_id=None, name="ໜັງສືແຈ້ງ")
    for typed in ("ຫນັງສືແຈ້ງ", "ຫນັງສື ເເຈ້ງ"):
        with pytest.raises(ValidationError):
            save_kind(db, actor=SYSTEM, kind_id=None, name=typed)


def test_stored_text_is_what_was_typed_in_canonical_order(db):
    doc = incoming(db, subject="ຂໍ້ມູນ ທ່ີ ເເຂວງ\u200b ສົ່ງ", notes="ນ້ຳ ແລະ ນໍ້າ")
    with db.read() as session:
        stored = session.get(IncomingDocument, doc)
        assert stored.subject == "ຂໍ້ມູນ ທີ່ ແຂວງ ສົ່ງ"
        assert stored.notes == "ນ້ຳ ແລະ ນໍ້າ"  # two spellings, each kept


def test_an_older_data_file_is_rekeyed_by_the_migration(tmp_path):
    """The schema fixture of 0004 plus a twin office and a letter typed with ຫລ and a
    spaced subject, indexed the old way; after upgrading, all of it is found."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = database_path(data_dir)
    shutil.copy(FIXTURE, path)
    with sqlite3.connect(path) as old:
        old.execute("INSERT INTO correspondent VALUES (2, 'ຄະນະໂຄສະນາ ອົບຮົມສູນກາງພັກ', x'2dce')")
        old.execute(
            "INSERT INTO incoming_document (id, period, series, seq, subject, subject_sort,"
            " party_sort, urgency, secrecy, notes, created_at, updated_at, kind_id,"
            " received_at, sender_id, doc_number, doc_date, status) VALUES (2, 2026, '', 2,"
            " 'ສະເຫລີມສະຫລອງ ວັນຊາດ', x'2db4', x'2dce', 0, 0, '', '2026-11-21 09:00:00',"
            " '2026-11-21 09:00:00', 1, '2026-11-21 09:00:00', 2, '໒໐໑/ຄອສພ', '2026-11-18',"
            " 'received')"
        )
        old.execute(
            "INSERT INTO incoming_search (rowid, open_text, secret_text) VALUES (2,"
            " '2 ໒໐໑/ຄອສພ ສະເຫລີມສະຫລອງ ວັນຊາດ', '')"
        )
    db = open_database(data_dir)
    try:
        assert found(db, "ສະເຫຼີມສະຫຼອງວັນຊາດ") == {2}
        assert found(db, "ກ່ຽວກັບ ກອງປະຊຸມ") == {1}
        assert found(db, "ອົບຮົມ 201") == {1, 2}
        assert found(db, "ພັກ201") == set()  # sender and number are two fields now
        assert correspondent_names(db, actor=SYSTEM) == ["ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ"]
        with db.read() as session:
            twin = find_duplicate(
                session,
                sender="ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ",
                doc_number="201/ຄອສພ",
                doc_date=date(2026, 11, 18),
            )
            assert twin.id == 1
    finally:
        db.close()
