"""Answer… on a secret letter: the reply starts at the letter's level, and lowering it
asks first (No saves nothing; Yes saves and the trail says who lowered it)."""

from datetime import date, datetime

import pytest
from helpers.widgets import when_dialog
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from oc_desktop.documents.details import document_detail
from oc_desktop.documents.incoming import register_incoming
from oc_desktop.models import AuditEntry, OutgoingDocument
from oc_desktop.security import CLERK, CONFIDENTIAL
from oc_desktop.ui.documents.dialogs import OutgoingDialog


@pytest.fixture
def answered(db, make_user):
    clerk = make_user("clerk2", [CLERK], CONFIDENTIAL)
    doc = register_incoming(
        db,
        actor=clerk,
        received_at=datetime(2026, 3, 10, 9, 0),
        sender="ຄະນະກວດກາ",
        doc_number="9/ກກ",
        doc_date=date(2026, 3, 9),
        kind_id=None,
        subject="ແຜນລັບ",
        secrecy=CONFIDENTIAL,
    )
    return clerk, document_detail(db, actor=clerk, register="incoming", doc_id=doc)


def _replies(db):
    with db.read() as session:
        return session.scalars(select(OutgoingDocument.secrecy)).all()


def _lower_and_save(qtbot, dialog, button):
    dialog.secrecy.setCurrentIndex(dialog.secrecy.findData(0))
    when_dialog(qtbot, QMessageBox, lambda box: box.button(button).click())
    dialog.save()


def test_the_reply_starts_at_the_secrecy_of_the_letter(qtbot, db, answered):
    clerk, letter = answered
    dialog = OutgoingDialog(None, db, clerk, answers=letter)
    qtbot.addWidget(dialog)
    assert dialog.secrecy.currentData() == CONFIDENTIAL
    dialog.save()
    assert _replies(db) == [CONFIDENTIAL]


def test_lowering_asks_and_no_saves_nothing(qtbot, db, answered):
    clerk, letter = answered
    dialog = OutgoingDialog(None, db, clerk, answers=letter)
    qtbot.addWidget(dialog)
    _lower_and_save(qtbot, dialog, QMessageBox.StandardButton.No)
    assert _replies(db) == []
    assert dialog.result_id is None


def test_lowering_confirmed_is_saved_and_audited(qtbot, db, answered):
    clerk, letter = answered
    dialog = OutgoingDialog(None, db, clerk, answers=letter)
    qtbot.addWidget(dialog)
    _lower_and_save(qtbot, dialog, QMessageBox.StandardButton.Yes)
    assert _replies(db) == [0]
    with db.read() as session:
        row = session.scalars(select(AuditEntry).where(AuditEntry.action == "lower_secrecy")).one()
    assert row.username == "clerk2" and row.entity_id == str(dialog.result_id)


def test_a_clerk_without_clearance_marks_a_letter_secret_and_is_told_it_is_hidden(
    qtbot, db, make_user
):
    from oc_desktop.ui.documents.dialogs import IncomingDialog

    clerk = make_user("clerk", [CLERK])
    dialog = IncomingDialog(None, db, clerk)
    qtbot.addWidget(dialog)
    assert dialog.secrecy.findData(CONFIDENTIAL) >= 0  # offered though above their clearance
    dialog.sender.setText("ຄະນະກວດກາ")
    dialog.doc_number.setText("9/ກກ")
    dialog.doc_date.setText("09.03.2026")
    dialog.subject.setText("ແຜນລັບ")
    dialog.secrecy.setCurrentIndex(dialog.secrecy.findData(CONFIDENTIAL))
    told = []
    when_dialog(qtbot, QMessageBox, lambda box: (told.append(box.text()), box.accept()))
    dialog.save()
    assert told and "ລັບ" in told[0]
    detail = document_detail(db, actor=clerk, register="incoming", doc_id=dialog.result_id)
    assert detail.hidden and detail.secrecy == CONFIDENTIAL and detail.subject is None
