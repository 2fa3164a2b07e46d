"""Print preview and the background print job, through their real widgets."""

import itertools

import pypdfium2
import pytest
from helpers.pdf import COLUMNS, sample_book, sample_profile
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton, QWidget

from oc_desktop.printing.book import Cover, build_register_book
from oc_desktop.ui.printing.job import start_print
from oc_desktop.ui.printing.preview import PrintPreviewDialog
from oc_desktop.ui.printing.printer import match_paper, render


@pytest.fixture
def book(db, tmp_path):
    path = tmp_path / "book.pdf"
    pages = sample_book(path, sample_profile(db), count=60)
    return path, pages


@pytest.fixture
def parent(app, qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _dark_pixels(image, step=4) -> int:
    return sum(
        1
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
        if image.pixelColor(x, y).lightness() < 128
    )


def _pdf_pages(path) -> int:
    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def test_preview_shows_every_page_and_the_count(parent, qtbot, book):
    path, pages = book
    dialog = PrintPreviewDialog(parent, path, title="ທະບຽນ", suggested_name="ທະບຽນ-2023.pdf")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.page_count() == pages == len(dialog.views)
    assert dialog.page_label.text() == f"ໜ້າ 1/{pages}"
    assert "ພິມ" in dialog.print_button.text() and "PDF" in dialog.save_button.text()
    first = dialog.views[0].grab().toImage()
    assert first.width() > first.height()  # a landscape register
    assert _dark_pixels(first) > 200  # the page is drawn, not blank
    bar = dialog.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert dialog.page_label.text() == f"ໜ້າ {pages}/{pages}"


def test_zoom_changes_the_page_size(parent, qtbot, book):
    path, _pages = book
    dialog = PrintPreviewDialog(parent, path, title="ທະບຽນ", suggested_name="book.pdf")
    qtbot.addWidget(dialog)
    width = dialog.views[0].width()
    dialog.step_zoom(+1)
    assert dialog.views[0].width() > width
    dialog.step_zoom(-1)
    dialog.step_zoom(-1)
    assert dialog.views[0].width() < width


def test_save_as_pdf_writes_the_file(parent, qtbot, book, tmp_path):
    path, _pages = book
    dialog = PrintPreviewDialog(parent, path, title="ທະບຽນ", suggested_name="ທະບຽນ-2023.pdf")
    qtbot.addWidget(dialog)
    files = dialog.ask_save()
    assert files.selectedFiles()[0].endswith("ທະບຽນ-2023.pdf")
    target = tmp_path / "saved" / "ປຶ້ມ.pdf"
    target.parent.mkdir()
    with qtbot.waitSignal(dialog.saved) as saved:
        files.selectFile(str(target))
        files.accept()
    assert saved.args[0] == target
    assert target.read_bytes() == path.read_bytes()
    assert dialog.status.text() == "ບັນທຶກແລ້ວເປັນ ປຶ້ມ.pdf"


def test_print_sends_the_chosen_pages_at_printer_resolution(parent, qtbot, book, tmp_path):
    path, pages = book
    dialog = PrintPreviewDialog(parent, path, title="ທະບຽນ", suggested_name="book.pdf")
    qtbot.addWidget(dialog)
    asked = dialog.ask_print()  # the print dialog starts on paper like the PDF's
    layout = asked.printer().pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    asked.reject()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFullPage(True)
    printer.setResolution(150)  # a quick test; an office printer says 300 or 600
    match_paper(printer, 842, 595)
    assert dialog.print_to(printer) == pages
    _same_pages(tmp_path / "printed.pdf", path, range(pages), turned=False)

    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)  # the clerk chose portrait
    printer.setFromTo(2, 3)
    with qtbot.waitSignal(dialog.printed) as printed:
        dialog.print_to(printer)
    assert printed.args == [2]
    _same_pages(tmp_path / "two.pdf", path, [1, 2], turned=True)  # turned to fill the sheet


def _thumbnail(page, rotation=0) -> list[int]:
    """How dark each of 84 x 60 blocks of the page is (0 white, 255 black)."""
    image = render(page, 150 / 72, rotation=rotation)
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    landscape = image.width() > image.height()
    small = image.scaled(
        84 if landscape else 60,
        60 if landscape else 84,
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return [
        255 - small.pixelColor(x, y).lightness()
        for y in range(small.height())
        for x in range(small.width())
    ]


def _same_pages(printed_path, original_path, indices, *, turned: bool) -> None:
    """The printed pages look like the original ones (turned a quarter when asked)."""
    printed = pypdfium2.PdfDocument(str(printed_path))
    original = pypdfium2.PdfDocument(str(original_path))
    try:
        assert len(printed) == len(indices)
        for page, index in zip(printed, indices, strict=True):
            width, height = page.get_size()
            assert (width < height) == turned
            want = _thumbnail(original[index], 90 if turned else 0)
            got = _thumbnail(page)
            assert sum(want) > 1000  # not a blank page
            difference = sum(abs(a - b) for a, b in zip(got, want, strict=True)) / len(want)
            assert difference < 2.5, (index, difference)
    finally:
        printed.close()
        original.close()


def test_a_print_job_builds_in_the_background_then_previews(parent, qtbot, db):
    profile = sample_profile(db)

    def build(out, progress, should_cancel):
        sample_book(out, profile, count=30, progress=progress, should_cancel=should_cancel)

    runner = start_print(parent, title="ທະບຽນ", suggested_name="ທະບຽນ/2023.pdf", build=build)
    with qtbot.waitSignal(runner.previewed, timeout=20_000) as shown:
        pass
    preview = shown.args[0]
    qtbot.addWidget(preview)
    assert preview.page_count() == _pdf_pages(preview.pdf) >= 3
    assert preview.pdf.name == "ທະບຽນ-2023.pdf" and not runner.progress.isVisible()
    assert runner.folder.exists()
    preview.close_button.click()
    assert not runner.folder.exists()  # the temporary PDF goes with the preview


def test_cancel_stops_the_build_and_leaves_no_file(parent, qtbot, db):
    profile = sample_profile(db)
    row = ["1", "1/ຄອສພ", "ແຈ້ງການ ກ່ຽວກັບການກະກຽມກອງປະຊຸມ", "ຄະນະໂຄສະນາອົບຮົມສູນກາງພັກ"]

    def build(out, progress, should_cancel):  # a register that never ends unless cancelled
        build_register_book(
            out,
            title="ທະບຽນ",
            columns=COLUMNS,
            rows=itertools.repeat(row),
            cover=Cover("ປຶ້ມ"),
            profile=profile,
            progress=progress,
            should_cancel=should_cancel,
        )

    runner = start_print(parent, title="ທະບຽນ", suggested_name="never.pdf", build=build)
    cancel = runner.progress.findChild(QPushButton)
    assert cancel.text() == "ຍົກເລີກ"
    qtbot.waitUntil(lambda: runner.progress.maximum() == 0, timeout=20_000)  # rows flow
    with qtbot.waitSignal(runner.cancelled, timeout=20_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not runner.folder.exists()
    assert runner.preview is None and not runner.progress.isVisible()


def test_a_failed_build_is_told_in_lao(parent, qtbot):
    def build(out, progress, should_cancel):
        raise OSError("disk full")

    runner = start_print(parent, title="ທະບຽນ", suggested_name="x.pdf", build=build)
    with qtbot.waitSignal(runner.failed, timeout=20_000) as failed:
        pass
    assert "disk full" in failed.args[0] and "ພິມ" in failed.args[0]
    assert runner.message.isVisible() and not runner.folder.exists()
    runner.message.button(runner.message.StandardButton.Ok).click()
    assert not runner.message.isVisible()
