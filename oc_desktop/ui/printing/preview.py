"""Print preview: a PDF's pages drawn by pdfium, zoom, Print… and Save as PDF….

Pages are drawn when they scroll into view and only a few are kept, so a register of a
thousand pages opens at once. Printing renders each page at the printer's resolution,
in bands, so memory stays small whatever the printer's dots per inch.
"""

import shutil
from collections import OrderedDict
from pathlib import Path

import pypdfium2
from PySide6.QtCore import QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.formatting import format_int
from oc_desktop.i18n import _
from oc_desktop.ui.common.screen import fit_to_screen
from oc_desktop.ui.printing.printer import PrinterError, print_pages, render

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
FIT_WIDTH = 0.0
SCREEN_DPI = 96  # a page at 100 % is as large as on paper on a usual screen
GAP = 12  # pixels between pages
KEPT_PAGES = 12  # rendered pages kept in memory


class PageView(QWidget):
    """One page: a white sheet the size of the page at the current zoom."""

    def __init__(self, preview: "PrintPreviewDialog", index: int) -> None:
        super().__init__()
        self.preview, self.index = preview, index

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.preview.page_pixels(self.index)

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.drawImage(self.rect(), self.preview.image(self.index))
        painter.setPen(Qt.GlobalColor.darkGray)
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class PrintPreviewDialog(QDialog):
    saved = Signal(Path)
    printed = Signal(int)  # pages sent to the printer

    def __init__(self, parent: QWidget | None, pdf: Path, *, title: str, suggested_name: str):
        super().__init__(parent)
        self.pdf, self.title_text, self.suggested_name = Path(pdf), title, suggested_name
        self.document = pypdfium2.PdfDocument(str(self.pdf))
        self.sizes = [self.document[i].get_size() for i in range(len(self.document))]
        self.zoom = 1.0
        self._images: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self.file_dialog = self.print_dialog = self.message = None
        self.setWindowModality(Qt.WindowModality.WindowModal)
        fit_to_screen(self, QSize(1000, 760))

        self.print_button, self.save_button = QPushButton(), QPushButton()
        self.zoom_out_button, self.zoom_in_button = QPushButton("−"), QPushButton("+")
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setFixedWidth(36)
        self.zoom_box = QComboBox()
        self.page_label, self.close_button = QLabel(), QPushButton()
        self.status = QLabel()
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(+1))
        self.zoom_box.activated.connect(lambda i: self.set_zoom(self.zoom_box.itemData(i)))
        self.close_button.clicked.connect(self.reject)
        for keys, step in (
            (QKeySequence.StandardKey.ZoomIn, 1),
            (QKeySequence.StandardKey.ZoomOut, -1),
        ):
            QShortcut(keys, self, activated=lambda step=step: self.step_zoom(step))
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.ask_print)

        bar = QHBoxLayout()
        for widget in (self.print_button, self.save_button, self.zoom_out_button):
            bar.addWidget(widget)
        bar.addWidget(self.zoom_box)
        bar.addWidget(self.zoom_in_button)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.close_button)

        self.pages = QWidget()
        column = QVBoxLayout(self.pages)
        column.setSpacing(GAP)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.views = [PageView(self, i) for i in range(self.page_count())]
        for view in self.views:
            column.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.pages)
        self.scroll.setWidgetResizable(True)
        self.scroll.setBackgroundRole(self.palette().ColorRole.Dark)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self.show_page_number())

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)
        self.retranslate()
        self.set_zoom(1.0)

    # --- pages ----------------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self.sizes)

    def _scale(self, index: int) -> float:
        """Pixels per PDF point at the current zoom."""
        if self.zoom == FIT_WIDTH:
            room = self.scroll.viewport().width() - 2 * GAP
            return max(0.1, room / max(width for width, _h in self.sizes))
        return self.zoom * SCREEN_DPI / 72

    def page_pixels(self, index: int) -> QSize:
        width, height = self.sizes[index]
        scale = self._scale(index)
        return QSize(round(width * scale), round(height * scale))

    def image(self, index: int) -> QImage:
        if self.document is None:
            return QImage()
        ratio = self.devicePixelRatioF()
        key = (index, self._scale(index) * ratio)
        if key in self._images:
            self._images.move_to_end(key)
            return self._images[key]
        image = render(self.document[index], key[1])
        image.setDevicePixelRatio(ratio)
        self._images[key] = image
        while len(self._images) > KEPT_PAGES:
            self._images.popitem(last=False)
        return image

    def current_page(self) -> int:
        """The page at the middle of the view (0-based)."""
        middle = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 2
        for view in self.views:
            if view.geometry().bottom() + GAP >= middle:
                return view.index
        return self.page_count() - 1

    def show_page_number(self) -> None:
        self.page_label.setText(
            _("Page {page} of {pages}").format(
                page=format_int(self.current_page() + 1), pages=format_int(self.page_count())
            )
        )

    # --- zoom -----------------------------------------------------------------------------

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._images.clear()
        for view in self.views:
            view.setFixedSize(self.page_pixels(view.index))
        self.zoom_box.setCurrentIndex(max(0, self.zoom_box.findData(zoom)))
        self.show_page_number()

    def step_zoom(self, step: int) -> None:
        current = self._scale(0) * 72 / SCREEN_DPI
        larger = [z for z in ZOOMS if z > current + 1e-3]
        smaller = [z for z in ZOOMS if z < current - 1e-3]
        if step > 0 and larger:
            self.set_zoom(larger[0])
        elif step < 0 and smaller:
            self.set_zoom(smaller[-1])

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.zoom == FIT_WIDTH:
            self.set_zoom(FIT_WIDTH)

    # --- save and print -------------------------------------------------------------------

    def ask_save(self) -> QFileDialog:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.file_dialog = QFileDialog(self, _("Save as PDF"))
        self.file_dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.file_dialog.setNameFilter(_("PDF files (*.pdf)"))
        self.file_dialog.setDefaultSuffix("pdf")
        if folder:
            self.file_dialog.setDirectory(folder)
        self.file_dialog.selectFile(self.suggested_name)
        self.file_dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        self.file_dialog.open()
        return self.file_dialog

    def save_to(self, target: Path) -> bool:
        try:
            shutil.copyfile(self.pdf, target)
        except OSError as error:
            self._tell(
                QMessageBox.Icon.Warning,
                _("The file could not be saved:\n{error}").format(error=error.strerror or error),
            )
            return False
        self.status.setText(_("Saved as {name}").format(name=target.name))
        self.status.setToolTip(str(target))
        self.saved.emit(target)
        return True

    def ask_print(self) -> QPrintDialog:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title_text)
        printer.setFullPage(True)  # the PDF has its own margins
        width, height = self.sizes[0]
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape
            if width > height
            else QPageLayout.Orientation.Portrait
        )
        printer.setFromTo(1, self.page_count())
        self.print_dialog = QPrintDialog(printer, self)
        self.print_dialog.setMinMax(1, self.page_count())
        self.print_dialog.finished.connect(
            lambda result: result == QDialog.DialogCode.Accepted and self.print_to(printer)
        )
        QDialog.open(self.print_dialog)  # QPrintDialog's own open() wants a receiver
        return self.print_dialog

    def print_to(self, printer: QPrinter) -> int:
        """Send the chosen pages to ``printer``; returns how many were sent."""
        try:
            sent = print_pages(self.document, printer)
        except PrinterError:
            self._tell(QMessageBox.Icon.Warning, _("The printer could not be started."))
            return 0
        self.printed.emit(sent)
        return sent

    # --- the rest ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(_("Print preview: {title}").format(title=self.title_text))
        self.print_button.setText(_("&Print…"))
        self.save_button.setText(_("&Save as PDF…"))
        self.zoom_out_button.setToolTip(_("Zoom out"))
        self.zoom_in_button.setToolTip(_("Zoom in"))
        self.close_button.setText(_("Close"))
        self.zoom_box.clear()
        for zoom in ZOOMS:
            self.zoom_box.addItem(f"{format_int(round(zoom * 100))} %", zoom)
        self.zoom_box.addItem(_("Fit width"), FIT_WIDTH)
        self.zoom_box.setCurrentIndex(max(0, self.zoom_box.findData(self.zoom)))
        self.show_page_number()

    def _tell(self, icon, text: str) -> QMessageBox:
        self.message = QMessageBox(icon, _("OC Desktop"), text, QMessageBox.StandardButton.Ok, self)
        self.message.open()
        return self.message

    def done(self, result: int) -> None:
        self._images.clear()
        if self.document is not None:
            self.document.close()
            self.document = None
        super().done(result)
