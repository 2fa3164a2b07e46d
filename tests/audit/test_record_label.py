"""The audit's record number reads in words when it is not a number: a setting by its
name, a demo's bulk import and a whole list in Lao, days as the office writes them."""

import random

from oc_desktop.audit.log import AuditQuery, iter_entries
from oc_desktop.audit.text import record_label
from oc_desktop.documents.demo import bulk_incoming
from oc_desktop.i18n import set_language
from oc_desktop.profile import set_setting
from oc_desktop.security import SYSTEM


def test_settings_bulk_imports_and_days_read_in_lao(db):
    set_language("lo")
    set_setting(db, actor=SYSTEM, key="language", value="en")
    bulk_incoming(db, random.Random(3), count=5, years=1)
    rows = {(r.entity, r.entity_id): r for r in iter_entries(db, actor=SYSTEM, query=AuditQuery())}
    language = rows[("setting", "language")]
    bulk = rows[("incoming_document", "bulk")]
    assert record_label(language.entity_id, language.area) == "ພາສາ"
    assert record_label(bulk.entity_id, bulk.area) == "ຫຼາຍລາຍການພ້ອມກັນ"
    assert record_label("all", "seal") == "ທັງໝົດ"
    assert record_label("2026-01-01/2026-03-31", "documents") == "01.01.2026 – 31.03.2026"
    assert record_label("2026-11-29", "staff") == "29.11.2026"
    assert record_label("42", "documents") == "42"
    assert record_label("ທະບຽນ.xlsx", "documents") == "ທະບຽນ.xlsx"  # a file name as it is
