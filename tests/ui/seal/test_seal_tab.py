"""A clerk, as a new user would: hands the seal over with its minutes, seals a letter,
corrects a mistaken entry, prints the register, and sees the check catch a changed row."""

from datetime import datetime

from helpers.widgets import back_on_row, discard, enter, replace_text, settled, when_dialog

from oc_desktop.models import SealUse
from oc_desktop.seal.query import UseQuery, count_uses, fetch_uses
from oc_desktop.ui.seal.handover_dialog import HandoverDialog
from oc_desktop.ui.seal.printing import SpanDialog
from oc_desktop.ui.seal.tab import SealTab
from oc_desktop.ui.seal.use_dialog import UseDialog


def make_tab(qtbot, db, actor, data_dir):
    tab = SealTab(db, actor, data_dir)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def choose(combo, text):
    combo.setCurrentIndex(combo.findText(text))


def test_a_handover_is_recorded_and_its_minutes_previewed(qtbot, db, data_dir, office, type_text):
    tab = make_tab(qtbot, db, office.clerk, data_dir)
    tab.pages.setCurrentWidget(tab.handovers)
    page = settled(qtbot, tab.handovers)
    assert page.model.rowCount() == 0

    def fill(dialog):
        choose(dialog.receiver, "ນາງ ມະນີວັນ ສີລາວົງ")
        type_text(dialog.witness, "ທ່ານ ບຸນມີ ພົມມະຈັນ")
        replace_text(type_text, dialog.left_on, "05.01.2026")
        replace_text(type_text, dialog.left_time, "08:00")
        type_text(dialog.authorised_by, "ຄຳພອນ ວົງສະຫວັນ")
        type_text(dialog.authorisation_number, "12/ຄອຮຂ")
        type_text(dialog.authorisation_date, "05.01.2026")
        type_text(dialog.reason, "ມອບໃຫ້ເກັບຮັກສາ")
        enter(qtbot, dialog)

    seen = when_dialog(qtbot, HandoverDialog, fill)
    page.new_button.click()
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.settled())
    assert page.model.row(0).receiver == "ນາງ ມະນີວັນ ສີລາວົງ"
    back_on_row(qtbot, page, seen[0].result_id)
    assert tab.seals.model.row(0).holder == "ນາງ ມະນີວັນ ສີລາວົງ"

    page.table.selectRow(0)
    runner = page.print_minutes()
    with qtbot.waitSignal(runner.previewed, timeout=30_000) as shown:
        pass
    preview = shown.args[0]
    qtbot.waitUntil(lambda: not runner.progress.isVisible())
    assert preview.page_count() == 1
    preview.close_button.click()


def test_the_holder_seals_a_letter_picked_by_its_number(qtbot, db, data_dir, held, type_text):
    tab = make_tab(qtbot, db, held.clerk, data_dir)
    page = settled(qtbot, tab.uses)
    found = {}

    def fill(dialog):
        replace_text(type_text, dialog.used_on, "10.02.2026")
        replace_text(type_text, dialog.used_time, "09:30")
        type_text(dialog.number, "1")
        dialog.look_up()
        found["text"] = dialog.found.text()
        type_text(dialog.requested, "ສີສະຫວາດ")
        enter(qtbot, dialog)

    seen = when_dialog(qtbot, UseDialog, fill)
    page.new_button.click()
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.settled())
    assert "ບົດລາຍງານການເຄື່ອນໄຫວປະຈຳເດືອນ" in found["text"]
    row = page.model.row(0)
    assert row.signer == "ຄຳພອນ ວົງສະຫວັນ" and row.applied_by == "ນາງ ມະນີວັນ ສີລາວົງ"
    back_on_row(qtbot, page, row.id)


def test_bad_input_is_told_at_the_field_in_lao_and_nothing_is_saved(
    qtbot, db, data_dir, held, type_text
):
    tab = make_tab(qtbot, db, held.clerk, data_dir)
    settled(qtbot, tab.uses)
    messages = {}

    def fill(dialog):
        replace_text(type_text, dialog.used_on, "10.02.2026")
        enter(qtbot, dialog)
        messages["described"] = dialog.rows.error("described")
        type_text(dialog.described, "ໃບຢັ້ງຢືນ")
        choose(dialog.applied, "ນາງ ສຸດາພອນ ແກ້ວມະນີ")
        dialog.impression.setCurrentIndex(dialog.impression.findData("page_edges"))
        dialog.sheets.setValue(9)
        enter(qtbot, dialog)
        messages["applied"] = dialog.rows.error("applied_by_id")
        messages["sheets"] = dialog.rows.error("sheets")
        assert discard(qtbot, dialog)  # typed data: asked, then thrown away

    seen = when_dialog(qtbot, UseDialog, fill)
    tab.uses.new_button.click()
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    assert messages["described"].startswith("ບອກເອກະສານທີ່ປະທັບ")
    assert messages["applied"] and messages["sheets"]
    assert any("\u0e80" <= c <= "\u0eff" for c in messages["applied"] + messages["sheets"])
    assert count_uses(db, actor=held.reader, query=UseQuery()) == 0


def test_a_mistake_is_corrected_and_both_entries_stay(qtbot, db, data_dir, held, type_text):
    from oc_desktop.seal.uses import record_use

    record_use(
        db,
        actor=held.clerk,
        seal_id=held.seal_id,
        used_at=datetime(2026, 2, 10, 9, 0),
        applied_by_id=held.clerk.user_id,
        outgoing_id=held.letter_id,
        sheets=1,
    )
    tab = make_tab(qtbot, db, held.clerk, data_dir)
    page = settled(qtbot, tab.uses)
    page.table.selectRow(0)

    def fill(dialog):
        type_text(dialog.void_reason, "ຈຳນວນແຜ່ນຜິດ")
        dialog.sheets.setValue(3)
        enter(qtbot, dialog)

    seen = when_dialog(qtbot, UseDialog, fill)
    page.correct_button.click()
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and page.settled())
    rows = sorted(page.model.rows, key=lambda r: r.id)
    assert rows[0].void_reason == "ຈຳນວນແຜ່ນຜິດ" and rows[1].corrects_id == rows[0].id
    assert rows[1].sheets == 3


def test_the_register_prints_and_the_check_catches_a_changed_row(qtbot, db, data_dir, held):
    from oc_desktop.seal.uses import record_use

    use_id = record_use(
        db,
        actor=held.clerk,
        seal_id=held.seal_id,
        used_at=datetime(2026, 2, 10, 9, 0),
        applied_by_id=held.clerk.user_id,
        outgoing_id=held.letter_id,
    )
    tab = make_tab(qtbot, db, held.clerk, data_dir)
    settled(qtbot, tab.uses)

    def preview(dialog):
        replace_text(lambda w, t: w.insert(t), dialog.start, "01.01.2026")
        enter(qtbot, dialog)

    when_dialog(qtbot, SpanDialog, preview)
    tab.uses.print_button.click()
    qtbot.waitUntil(lambda: tab.print_runner is not None, timeout=10_000)
    with qtbot.waitSignal(tab.print_runner.previewed, timeout=30_000) as shown:
        pass
    printed = shown.args[0]
    qtbot.waitUntil(lambda: not tab.print_runner.progress.isVisible())
    assert printed.page_count() >= 2  # the cover and the page of entries
    printed.close_button.click()

    with qtbot.waitSignal(tab.verified, timeout=10_000) as checked:
        tab.verify_button.click()
    assert checked.args[0] is None
    with db.begin() as session:
        session.get(SealUse, use_id).sheets = 40
    with qtbot.waitSignal(tab.verified, timeout=10_000) as checked:
        tab.verify_button.click()
    assert checked.args[0].id == use_id
    assert str(use_id) in tab.verify_label.text()


def test_a_reader_sees_the_log_without_the_buttons_that_write(qtbot, db, data_dir, held):
    tab = make_tab(qtbot, db, held.reader, data_dir)
    settled(qtbot, tab.uses)
    assert not tab.uses.new_button.isVisible() and tab.uses.print_button.isVisible()
    assert not tab.handovers.new_button.isVisible() and not tab.seals.new_button.isVisible()


def test_seal_this_letter_from_the_outgoing_register(qtbot, db, data_dir, held, type_text):
    from oc_desktop.ui.documents.pane import DocumentPane

    pane = DocumentPane(db, held.clerk, data_dir)
    qtbot.addWidget(pane)
    pane.show()
    pane.show_document("outgoing", held.letter_id)
    assert pane.seal_button.isVisible() and pane.seal_button.isEnabled()
    shown = {}

    def fill(dialog):
        shown["found"] = dialog.found.text()
        replace_text(type_text, dialog.used_on, "10.02.2026")
        replace_text(type_text, dialog.used_time, "10:00")
        enter(qtbot, dialog)

    seen = when_dialog(qtbot, UseDialog, fill)
    pane.seal_button.click()
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    assert "ບົດລາຍງານການເຄື່ອນໄຫວປະຈຳເດືອນ" in shown["found"]
    [use] = fetch_uses(db, actor=held.reader, query=UseQuery(), after=None, limit=5)
    assert use.outgoing_id == held.letter_id

    head_pane = DocumentPane(db, held.head, data_dir)
    qtbot.addWidget(head_pane)
    head_pane.show()
    head_pane.show_document("outgoing", held.letter_id)
    assert not head_pane.seal_button.isVisible()  # the head reads the seal log, never writes


def test_the_impression_scan_is_kept_in_the_data_folder_and_shown(
    qtbot, db, data_dir, held, tmp_path
):
    import hashlib

    from PySide6.QtGui import QColor, QImage

    from oc_desktop.models import Seal

    image = QImage(120, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("#c62828"))
    source = tmp_path / "ຮອຍປະທັບ.png"
    assert image.save(str(source))
    tab = make_tab(qtbot, db, held.clerk, data_dir)
    tab.pages.setCurrentWidget(tab.seals)
    assert tab.seals.impression.pixmap().isNull()
    assert tab.seals.attach_impression(source)
    assert not tab.seals.impression.pixmap().isNull()
    with db.read() as session:
        seal = session.get(Seal, held.seal_id)
        stored = data_dir / "scans" / seal.impression_file
        assert seal.impression_file.startswith("seal/")
        assert hashlib.sha256(stored.read_bytes()).hexdigest() == seal.impression_sha256
    from PySide6.QtWidgets import QMessageBox

    told = []
    when_dialog(qtbot, QMessageBox, lambda box: (told.append(box.text()), box.accept()))
    assert not tab.seals.attach_impression(tmp_path / "missing.png")
    assert told == ["ຊອກບໍ່ພົບແຟ້ມ."]
