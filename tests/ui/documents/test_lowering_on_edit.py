"""Editing an incoming entry to a lower secrecy asks first: No saves nothing (the field
says why), Yes saves and the trail has a "Secrecy lowered" row."""

from datetime import date, datetime

import pytest
from helpers.widgets import when_dialog
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from oc_desktop.documents.details import document_detail
from oc_desktop.documents.incoming import register_incoming
from oc_desktop.models import AuditEntry, IncomingDocument
from oc_desktop.security import CLERK, CONFIDENTIAL, ORDINARY
from oc_desktop.ui.documents.dialogs import IncomingDialog


@pytest.fixture
def editing(qtbot, db, make_user):
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
    detail = document_detail(db, actor=clerk, register="incoming", doc_id=doc)
    dialog = IncomingDialog(None, db, clerk, detail)
    qtbot.addWidget(dialog)
    dialog.secrecy.setCurrentIndex(dialog.secrecy.findData(ORDINARY))
    return dialog, doc


def _secrecy(db, doc) -> int:
    with db.read() as session:
        return session.get(IncomingDocument, doc).secrecy


def _lowered_rows(db) -> list:
    with db.read() as session:
        return session.scalars(select(AuditEntry).where(AuditEntry.action == "lower_secrecy")).all()


def test_no_keeps_the_level_and_says_why_at_the_field(qtbot, db, editing):
    dialog, doc = editing
    asked = []
    when_dialog(
        qtbot,
        QMessageBox,
        lambda box: (asked.append(box.text()), box.button(QMessageBox.StandardButton.No).click()),
    )
    dialog.save()
    assert asked and asked[0].startswith("ການແກ້ໄຂນີ້ຫຼຸດຄວາມລັບ")
    assert _secrecy(db, doc) == CONFIDENTIAL and not _lowered_rows(db)
    assert dialog.rows.error("secrecy") == asked[0]


def test_yes_saves_the_lower_level_and_audits_it(qtbot, db, editing):
    dialog, doc = editing
    when_dialog(qtbot, QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    dialog.save()
    assert dialog.result_id == doc
    assert _secrecy(db, doc) == ORDINARY
    assert [row.username for row in _lowered_rows(db)] == ["clerk2"]
