"""A form dialog for one named operation: Enter saves, Esc cancels (asking first when
something was typed), errors at the field."""

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.formatting import InputError, format_date, parse_date
from oc_desktop.i18n import _
from oc_desktop.laotext import to_arabic_digits
from oc_desktop.storage_errors import is_storage_error
from oc_desktop.ui.common.forms import FormRows, typed
from oc_desktop.validation import ValidationError


class DateField(QLineEdit):
    """A date typed as 11.12.2023 (either digit system); empty allowed when optional."""

    def __init__(self, value: date | None = None, *, required: bool = True) -> None:
        super().__init__(format_date(value) if value else "")
        self.required = required
        self.setPlaceholderText("dd.mm.yyyy")

    def value(self) -> date | None:
        if not self.text().strip() and not self.required:
            return None
        return parse_date(self.text())


class EntryDialog(QDialog):
    """Subclasses add rows to ``self.rows`` and implement ``submit()``, which reads the
    fields (raising InputError per field through ``self.read``) and calls the operation."""

    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.form = QFormLayout()
        self.rows = FormRows(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.result_id: int | None = None
        self._input_errors: dict[str, str] = {}
        self._as_opened: tuple | None = None

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._as_opened is None:
            self._as_opened = typed(self)  # the fields as the form opened, filled or not
            if self.focusWidget() is None or isinstance(self.focusWidget(), QAbstractButton):
                self._cursor_to_first_field()
        super().showEvent(event)

    def _cursor_to_first_field(self) -> None:
        """A form opens with the cursor in its first field, not on a button, so the clerk
        types at once (a form that chose another field keeps its choice)."""
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            cell = item.widget() if item is not None else None
            if cell is None:
                continue
            for widget in (cell, *cell.findChildren(QWidget)):
                takes_keys = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                if takes_keys and widget.isEnabled() and not isinstance(widget, QAbstractButton):
                    widget.setFocus()
                    return

    def reject(self) -> None:
        """Esc, Cancel or the window's close: ask before what was typed is thrown away."""
        if self._as_opened is not None and typed(self) != self._as_opened:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                _("Close the form and throw away what you typed?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def read(self, key: str, reader: Callable[[], object]):
        """A field's value, or None with its message kept for the field."""
        try:
            return reader()
        except InputError as error:
            self._input_errors[key] = str(error)
            return None

    def submit(self) -> int | None:
        raise NotImplementedError

    def save(self) -> None:
        self._input_errors = {}
        try:
            self.result_id = self.submit()
        except ValidationError as error:
            self.rows.show_errors({**error.errors, **self._input_errors})
            return
        except Exception as error:
            if not is_storage_error(error):
                raise
            tell_save_failure(self, error, getattr(self, "db", None))
            return
        self.accept()

    def fail_on_input_errors(self) -> None:
        """Stop before the operation when a field could not even be read."""
        if self._input_errors:
            raise ValidationError(dict(self._input_errors))


def combine(day: date | None, clock: str) -> datetime | None:
    """A date and an HH:MM time typed beside it."""
    if day is None:
        return None
    hours, _sep, minutes = to_arabic_digits(clock.strip()).partition(":")
    try:
        return datetime(day.year, day.month, day.day, int(hours or 0), int(minutes or 0))
    except ValueError:
        raise InputError(_("Write the time as hours:minutes, for example 09:30.")) from None


def tell_save_failure(parent: QWidget, error: BaseException, db=None, *, kept: bool = True) -> str:
    """Show why a save failed (disk full, read-only, busy…) in the clerk's language; the
    form stays open with what was typed. Returns the message (tests read it)."""
    from oc_desktop.storage_errors import save_failure_message

    folder = getattr(db, "path", None)
    message = save_failure_message(error, folder.parent if folder else None, kept=kept)
    box = QMessageBox(
        QMessageBox.Icon.Warning, _("OC Desktop"), message, QMessageBox.StandardButton.Ok, parent
    )
    box.setObjectName("save_failure")
    box.open()
    parent._save_failure_box = box  # kept alive while it is shown
    return message
