"""The detail pane beside the register: one document in full, and what can be done to it."""

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.documents import terms
from oc_desktop.documents.attachments import attach_scan, scan_path
from oc_desktop.documents.details import Detail, document_detail
from oc_desktop.documents.incoming import set_incoming_status
from oc_desktop.formatting import format_date, format_datetime, format_int
from oc_desktop.i18n import _
from oc_desktop.models.documents import STATUSES
from oc_desktop.storage_errors import is_storage_error
from oc_desktop.ui.common.entry_dialog import tell_save_failure
from oc_desktop.ui.documents.dialogs import IncomingDialog, OutgoingDialog
from oc_desktop.ui.documents.pane_forms import CopyDialog, RouteDialog, VoidDialog
from oc_desktop.ui.documents.printing import print_letter, print_slip
from oc_desktop.validation import ValidationError


def _line(label: str, value) -> str:
    if value in (None, ""):
        return ""
    return f"<tr><td><b>{html.escape(label)}</b></td><td>{html.escape(str(value))}</td></tr>"


class DocumentPane(QWidget):
    """Shows ``detail``; emits ``changed`` with the register and id after any write."""

    changed = Signal(str, int)
    #: the entry shown was edited in its form (the register puts the clerk back on it)
    edited = Signal(str, int)

    def __init__(self, db, actor, data_dir) -> None:
        super().__init__()
        self.db, self.actor, self.data_dir = db, actor, data_dir
        self.detail: Detail | None = None
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._open_scan)
        self.edit_button, self.route_button, self.answer_button = (QPushButton() for _ in range(3))
        self.void_button, self.copy_button, self.scan_button = (QPushButton() for _ in range(3))
        self.slip_button, self.seal_button = QPushButton(), QPushButton()
        self.slip_button.clicked.connect(self.print_slip)
        self.letter_button = QPushButton()
        self.letter_button.clicked.connect(self.print_letter)
        self.seal_button.clicked.connect(self.seal_letter)
        self.print_runner = None
        self.status_combo = QComboBox()
        self.status_combo.activated.connect(self._set_status)
        self.edit_button.clicked.connect(self.edit)
        self.route_button.clicked.connect(lambda: self._run(RouteDialog, added="route"))
        self.answer_button.clicked.connect(self.answer)
        self.void_button.clicked.connect(lambda: self._run(VoidDialog))
        self.copy_button.clicked.connect(lambda: self._run(CopyDialog, added="copy"))
        self.scan_button.clicked.connect(self.attach)
        first, second = QHBoxLayout(), QHBoxLayout()
        for button in (self.edit_button, self.route_button, self.answer_button):
            first.addWidget(button)
        first.addWidget(self.status_combo)
        first.addWidget(self.letter_button)
        buttons = (self.copy_button, self.scan_button, self.slip_button, self.seal_button)
        for button in (*buttons, self.void_button):
            second.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addLayout(first)
        layout.addLayout(second)
        self.retranslate()
        self.show_document(None, None)

    def retranslate(self) -> None:
        self.edit_button.setText(_("&Edit…"))
        self.route_button.setText(_("&Route…"))
        self.answer_button.setText(_("&Answer…"))
        self.void_button.setText(_("Voi&d number…"))
        self.copy_button.setText(_("&Copies…"))
        self.scan_button.setText(_("Attach &scan…"))
        self.slip_button.setText(_("Routing s&lip…"))
        self.seal_button.setText(_("Sea&l this letter…"))
        self.letter_button.setText(_("Print le&tter…"))
        self.letter_button.setToolTip(_("The letter on the office's official heading"))
        self.status_combo.clear()
        for status in STATUSES:
            self.status_combo.addItem(terms.status(status), status)
        self._render()

    def show_document(self, register: str | None, doc_id: int | None) -> None:
        self.detail = (
            document_detail(self.db, actor=self.actor, register=register, doc_id=doc_id)
            if doc_id is not None
            else None
        )
        self._render()

    def _render(self) -> None:
        detail, writable = self.detail, self.actor.may_write("documents")
        open_entry = detail is not None and not detail.hidden and detail.void_reason is None
        incoming = detail is not None and detail.register == "incoming"
        for button in (self.edit_button, self.void_button, self.copy_button, self.scan_button):
            button.setEnabled(writable and open_entry)
        for widget in (self.route_button, self.answer_button, self.status_combo):
            widget.setVisible(detail is None or incoming)
            widget.setEnabled(writable and open_entry and incoming)
        self.slip_button.setVisible(detail is None or incoming)
        self.slip_button.setEnabled(incoming and detail.void_reason is None)
        self.letter_button.setVisible(detail is not None and not incoming)
        self.letter_button.setEnabled(open_entry and not incoming)
        sealer = self.actor.may_write("seal")
        self.seal_button.setVisible(sealer and detail is not None and not incoming)
        self.seal_button.setEnabled(open_entry and not incoming)
        if incoming:
            self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(detail.status)))
        self.text.setHtml(self._html() if detail else _("Choose a document in the register."))

    def _html(self) -> str:
        d = self.detail
        self._newest: dict[str, str] = {}  # kind -> the words of its newest line
        incoming = d.register == "incoming"
        title = _("No. {number}").format(number=d.number)
        parts = [f"<h3>{html.escape(title)}</h3>"]
        if d.void_reason:
            parts.append(
                "<p style='color:#b00020'>"
                + html.escape(
                    _("Void since {date} ({who}): {reason}").format(
                        date=format_datetime(d.voided_at),
                        who=d.voided_by or "",
                        reason=d.void_reason,
                    )
                )
                + "</p>"
            )
        if d.hidden:
            notice = _("Secret: your clearance does not show its content.")
            parts.append(f"<p><i>{html.escape(notice)}</i></p>")
        rows = [
            _line(_("Arrived"), format_datetime(d.received_at))
            if incoming
            else _line(_("Date"), format_date(d.date)),
            _line(_("Sender") if incoming else _("Recipients"), d.party),
            _line(_("Doc. number"), d.doc_number),
            _line(_("Doc. date"), format_date(d.doc_date) if incoming else ""),
            _line(_("Kind"), d.kind),
            _line(_("Subject"), d.subject),
            _line(_("Pages"), format_int(d.pages)),
            _line(_("Urgency"), terms.urgency(d.urgency)),
            _line(_("Secrecy"), terms.secrecy(d.secrecy)),
            _line(_("Status"), terms.status(d.status)),
            _line(_("Deadline"), format_date(d.due_date)),
            _line(_("Signer"), d.signer),
            _line(_("Copies"), format_int(d.copies)),
            _line(_("File copy kept at"), d.file_copy_at),
            _line(_("Sent on"), format_date(d.sent_on)),
            _line(_("Notes"), d.notes),
            _line(_("Registered"), f"{format_datetime(d.created_at)} {d.created_by or ''}"),
            _line(_("Last changed"), f"{format_datetime(d.updated_at)} {d.updated_by or ''}"),
        ]
        parts.append("<table cellspacing='4'>" + "".join(rows) + "</table>")
        for route in d.routes:
            text = _(
                "Routed {date} to {person} ({section}), deadline {deadline}: {instruction}"
            ).format(
                date=format_date(route.handed_on),
                person=route.person,
                section=route.section or "",
                deadline=format_date(route.deadline) or "—",
                instruction=route.instruction or "—",
            )
            parts.append(f"<p>{html.escape(text)}</p>")
            self._newest["route"] = text
        for linked in d.answers:
            message = (
                _("Answered by outgoing {number} of {date}")
                if incoming
                else _("Answers incoming No. {number} of {date}")
            )
            text = message.format(number=linked.number, date=format_date(linked.date))
            parts.append(f"<p>{html.escape(text)}</p>")
        for entry in d.copy_log:
            text = _("{copies} copies on {date} for {whom}, authorised by {by}").format(
                copies=format_int(entry.copies),
                date=format_date(entry.made_on),
                whom=entry.for_whom,
                by=entry.authorised_by,
            )
            parts.append(f"<p>{html.escape(text)}</p>")
            self._newest["copy"] = text
        for scan in d.scans:
            parts.append(f"<p><a href='scan:{scan.id}'>{html.escape(scan.original_name)}</a></p>")
            self._newest["scan"] = scan.original_name
        return "".join(parts)

    def _done(self, added: str | None = None) -> None:
        """Show the entry as it is now, scrolled to what was ``added`` ("route", "copy",
        "scan": the newest of its kind), and tell the register."""
        register, doc_id = self.detail.register, self.detail.id
        self.show_document(register, doc_id)
        self.changed.emit(register, doc_id)
        if added:
            self.show_newest(added)

    def show_newest(self, kind: str) -> None:
        """Scroll the text to the newest route, copy or scan (the last of its kind)."""
        words = self._newest.get(kind)
        found = self.text.document().find(words) if words else None
        if found is None or found.isNull():
            return
        found.clearSelection()
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + self.text.cursorRect(found).top())

    def print_slip(self) -> None:
        """Preview the routing slip of the incoming document shown."""
        if self.detail is None or self.detail.register != "incoming":
            return
        self.print_runner = print_slip(
            self, self.db, self.actor, doc_id=self.detail.id, number=self.detail.seq
        )

    def print_letter(self):
        """Preview the outgoing letter shown on the official heading."""
        if self.detail is None or self.detail.register != "outgoing":
            return None
        if self.detail.hidden or self.detail.void_reason:
            return None
        self.print_runner = print_letter(
            self, self.db, self.actor, doc_id=self.detail.id, number=self.detail.number
        )
        return self.print_runner

    def seal_letter(self) -> None:
        """Log the sealing of the outgoing letter shown (the Seal tab's use dialog)."""
        from oc_desktop.ui.seal.use_dialog import UseDialog

        if self.detail is None or self.detail.register != "outgoing":
            return
        dialog = UseDialog(self, self.db, self.actor, outgoing_id=self.detail.id)
        if dialog.exec():
            self._done()

    def _run(self, dialog_class, *, added: str | None = None) -> None:
        if self.detail is not None and dialog_class(self, self.db, self.actor, self.detail).exec():
            self._done(added)

    def edit(self) -> None:
        if self.detail is None:
            return
        dialog_class = IncomingDialog if self.detail.register == "incoming" else OutgoingDialog
        if dialog_class(self, self.db, self.actor, self.detail).exec():
            self._done()
            self.edited.emit(self.detail.register, self.detail.id)

    def answer(self) -> None:
        if self.detail is None or self.detail.register != "incoming":
            return
        dialog = OutgoingDialog(self, self.db, self.actor, answers=self.detail)
        if dialog.exec():
            self._done()
            self.changed.emit("outgoing", dialog.result_id)

    def _set_status(self, _index: int) -> None:
        status = self.status_combo.currentData()
        if self.detail is None or status == self.detail.status:
            return
        try:
            set_incoming_status(self.db, actor=self.actor, doc_id=self.detail.id, status=status)
        except ValidationError as error:
            QMessageBox.warning(self, _("Status"), "\n".join(error.errors.values()))
        except Exception as error:
            if not is_storage_error(error):
                raise
            tell_save_failure(self, error, self.db, kept=False)
        self._done()

    def attach(self, path: str | None = None) -> None:
        if self.detail is None:
            return
        if not path:
            path, _filter = QFileDialog.getOpenFileName(
                self, _("Attach scan"), "", _("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)")
            )
        if not path:
            return
        try:
            attach_scan(
                self.db,
                actor=self.actor,
                data_dir=self.data_dir,
                register=self.detail.register,
                doc_id=self.detail.id,
                source=path,
            )
        except ValidationError as error:
            QMessageBox.warning(self, _("Attach scan"), "\n".join(error.errors.values()))
            return
        except Exception as error:
            if not is_storage_error(error):
                raise
            tell_save_failure(self, error, self.db, kept=False)
            return
        self._done("scan")

    def _open_scan(self, url: QUrl) -> None:
        scan_id = int(url.toString().removeprefix("scan:"))
        scan = next(s for s in self.detail.scans if s.id == scan_id)
        path = scan_path(self.data_dir, scan)
        if path is None:
            QMessageBox.warning(
                self, _("Open scan"), _("The scan is missing or was changed since it was attached.")
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
