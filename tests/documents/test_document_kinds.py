"""The office's editable list of document kinds: the operation, and the dialog in the tab."""

from datetime import date, datetime

import pytest
from helpers.widgets import enter, replace_text, tab_of, when_dialog
from PySide6.QtCore import Qt
from sqlalchemy import select

from oc_desktop.audit import verify_chain
from oc_desktop.documents.directory import list_kinds, save_kind
from oc_desktop.documents.incoming import register_incoming
from oc_desktop.models import AuditEntry
from oc_desktop.security import CLERK, READER, SYSTEM, Actor
from oc_desktop.ui.documents.dialogs import IncomingDialog
from oc_desktop.ui.documents.kinds import KindsDialog
from oc_desktop.validation import ValidationError

CLERK_ACTOR = Actor(None, "clerk", "ນາງ ສຸດາພອນ", frozenset({CLERK}), 0)


def kind_id(db, name: str) -> int:
    return next(k.id for k in list_kinds(db, include_retired=True) if k.name == name)


def kind_audit(db) -> list[AuditEntry]:
    with db.read() as session:
        query = select(AuditEntry).where(AuditEntry.entity == "document_kind")
        return list(session.scalars(query.order_by(AuditEntry.id)))


def test_kinds_are_added_renamed_and_retired_never_deleted(db):
    added = save_kind(db, actor=CLERK_ACTOR, kind_id=None, name="  ບົດບັນທຶກ ")
    assert added.name == "ບົດບັນທຶກ" and added.active
    save_kind(db, actor=CLERK_ACTOR, kind_id=added.id, name="ບົດບັນທຶກກອງປະຊຸມ")
    save_kind(db, actor=CLERK_ACTOR, kind_id=added.id, name="ບົດບັນທຶກກອງປະຊຸມ", active=False)
    save_kind(db, actor=CLERK_ACTOR, kind_id=added.id, name="ບົດບັນທຶກກອງປະຊຸມ", active=False)

    assert "ບົດບັນທຶກກອງປະຊຸມ" not in [k.name for k in list_kinds(db)]
    everything = list_kinds(db, include_retired=True)
    assert [(k.name, k.active) for k in everything if k.id == added.id] == [
        ("ບົດບັນທຶກກອງປະຊຸມ", False)
    ]
    rows = kind_audit(db)
    # the last save changed nothing and left no row
    assert [(r.action, r.old, r.new) for r in rows] == [
        ("create", None, {"name": "ບົດບັນທຶກ", "active": True}),
        ("change", {"name": "ບົດບັນທຶກ"}, {"name": "ບົດບັນທຶກກອງປະຊຸມ"}),
        ("change", {"active": True}, {"active": False}),
    ]
    assert {r.username for r in rows} == {"clerk"}
    assert verify_chain(db) is None


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "ຕ້ອງໃສ່ຂໍ້ມູນຊ່ອງນີ້."),
        ("ຄຳສັ່ງ", "ປະເພດນີ້ມີໃນລາຍການແລ້ວ."),
        ("Memo", "ປະເພດນີ້ມີໃນລາຍການແລ້ວ."),  # clashes with "memo" whatever the case
        ("ກ" * 101, "ຍາວເກີນໄປ: ບໍ່ເກີນ 100 ຕົວອັກສອນ."),
    ],
)
def test_a_bad_kind_name_is_told_at_the_name_and_nothing_is_saved(db, name, message):
    save_kind(db, actor=SYSTEM, kind_id=None, name="memo")
    before = list_kinds(db, include_retired=True)
    audit_rows = len(kind_audit(db))
    with pytest.raises(ValidationError) as caught:
        save_kind(db, actor=SYSTEM, kind_id=None, name=name)
    assert caught.value.errors == {"name": message}
    assert list_kinds(db, include_retired=True) == before
    assert len(kind_audit(db)) == audit_rows


def test_renaming_a_kind_onto_another_is_refused_but_its_own_case_may_change(db):
    memo = save_kind(db, actor=SYSTEM, kind_id=None, name="memo")
    with pytest.raises(ValidationError):
        save_kind(db, actor=SYSTEM, kind_id=memo.id, name="ແຈ້ງການ")
    assert save_kind(db, actor=SYSTEM, kind_id=memo.id, name="Memo").name == "Memo"


def test_a_reader_may_not_change_the_kinds(db):
    reader = Actor(None, "reader", "ອ່ານ", frozenset({READER}), 0)
    with pytest.raises(ValidationError):
        save_kind(db, actor=reader, kind_id=None, name="ບົດບັນທຶກ")
    assert "ບົດບັນທຶກ" not in [k.name for k in list_kinds(db, include_retired=True)]


def test_a_clerk_edits_the_kinds_and_the_register_follows(window, qtbot, type_text, db):
    tab = tab_of(window)
    assert tab.kinds_button.isVisible()
    seen = {}

    def edit(dialog: KindsDialog):
        # a new kind, typed and saved with Enter
        dialog.new_button.click()
        type_text(dialog.name, "ບົດບັນທຶກ")
        enter(qtbot, dialog)
        seen["added"] = "ບົດບັນທຶກ" in dialog.kind_names()
        # the same name again, empty, too long: told at the name
        dialog.new_button.click()
        type_text(dialog.name, "ຄຳສັ່ງ")
        enter(qtbot, dialog)
        seen["duplicate"] = dialog.rows.error("name")
        replace_text(type_text, dialog.name, "")
        enter(qtbot, dialog)
        seen["empty"] = dialog.rows.error("name")
        replace_text(type_text, dialog.name, "ກ" * 120)
        enter(qtbot, dialog)
        seen["too_long"] = dialog.rows.error("name")
        # rename one, retire another
        dialog.choose("ແຈ້ງການ")
        seen["error_cleared"] = dialog.rows.error("name")
        replace_text(type_text, dialog.name, "ແຈ້ງການທົ່ວໄປ")
        dialog.save_button.click()
        dialog.choose("ໜັງສືເຊີນ")
        dialog.active.click()
        dialog.save_button.click()
        seen["names"] = dialog.kind_names()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    shown = when_dialog(qtbot, KindsDialog, edit)
    tab.kinds_button.click()
    qtbot.waitUntil(lambda: bool(shown) and not shown[0].isVisible())

    assert seen["added"]
    assert seen["duplicate"] == "ປະເພດນີ້ມີໃນລາຍການແລ້ວ."
    assert seen["empty"] == "ຕ້ອງໃສ່ຂໍ້ມູນຊ່ອງນີ້."
    assert seen["too_long"].startswith("ຍາວເກີນໄປ")
    assert seen["error_cleared"] == ""
    assert "ແຈ້ງການທົ່ວໄປ" in seen["names"] and "ແຈ້ງການ" not in seen["names"]
    assert "ໜັງສືເຊີນ (ຢຸດໃຊ້)" in seen["names"]
    assert [r.action for r in kind_audit(db)] == ["create", "change", "change"]

    # the tab's kind filter has the new names at once; a retired kind still filters
    filter_names = [tab.kind.itemText(i) for i in range(tab.kind.count())]
    assert {"ບົດບັນທຶກ", "ແຈ້ງການທົ່ວໄປ", "ໜັງສືເຊີນ"} <= set(filter_names)
    assert "ແຈ້ງການ" not in filter_names

    # a new entry offers the new kind, not the retired one
    offered = {}

    def look(dialog: IncomingDialog):
        offered["kinds"] = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    opened = when_dialog(qtbot, IncomingDialog, look)
    tab.new_button.click()
    qtbot.waitUntil(lambda: bool(opened) and not opened[0].isVisible())
    assert "ບົດບັນທຶກ" in offered["kinds"] and "ແຈ້ງການທົ່ວໄປ" in offered["kinds"]
    assert "ໜັງສືເຊີນ" not in offered["kinds"]


def test_an_entry_keeps_its_retired_kind_when_corrected(window, qtbot, db):
    invitation = kind_id(db, "ໜັງສືເຊີນ")
    doc = register_incoming(
        db,
        actor=SYSTEM,
        received_at=datetime(2026, 3, 2, 9, 0),
        sender="ກົມຈັດຕັ້ງ",
        doc_number="12/ກຈ",
        doc_date=date(2026, 3, 1),
        kind_id=invitation,
        subject="ເຊີນເຂົ້າຮ່ວມກອງປະຊຸມ",
    )
    save_kind(db, actor=SYSTEM, kind_id=invitation, name="ໜັງສືເຊີນ", active=False)
    tab = tab_of(window)
    tab.refresh()
    tab.pane.show_document("incoming", doc)
    shown = {}

    def correct(dialog: IncomingDialog):
        shown["kind"] = dialog.kind.currentText()
        enter(qtbot, dialog)

    opened = when_dialog(qtbot, IncomingDialog, correct)
    tab.pane.edit_button.click()
    qtbot.waitUntil(lambda: bool(opened) and not opened[0].isVisible())
    assert shown["kind"] == "ໜັງສືເຊີນ"
    assert tab.pane.detail.kind == "ໜັງສືເຊີນ"


def test_a_reader_has_no_kinds_button(make_user, make_window):
    window = make_window(make_user("reader", [READER]))
    tab = tab_of(window)
    assert tab.kinds_button.isHidden()
