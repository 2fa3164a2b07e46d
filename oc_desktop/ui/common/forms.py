"""Form rows with a message under each field, so bad input is told where it is."""

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.formatting import digits
from oc_desktop.i18n import _
from oc_desktop.laotext import to_arabic_digits

ERROR_STYLE = "color: #b00020;"


class FormRows:
    """Rows of a QFormLayout keyed by the field names the operations report errors for."""

    def __init__(self, layout: QFormLayout) -> None:
        self._layout = layout
        self._rows: dict[str, tuple[QLabel, QWidget, QLabel, str | None]] = {}
        self._cells: dict[str, QWidget] = {}

    def add(self, key: str, label_message: str | None, widget: QWidget) -> QWidget:
        """A row for ``key``; without a label message the field spans the row."""
        label, error = QLabel(), QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.setObjectName(f"error_{key}")
        error.hide()
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        label.setBuddy(widget)
        if label_message is None:
            self._layout.addRow(cell)
        else:
            self._layout.addRow(label, cell)
        self._rows[key] = (label, widget, error, label_message)
        self._cells[key] = cell
        return widget

    def set_visible(self, key: str, visible: bool) -> None:
        """Show or hide a whole row: its label, field and message."""
        self._layout.setRowVisible(self._cells[key], visible)

    def retranslate(self) -> None:
        for label, _widget, _error, message in self._rows.values():
            if message is not None:
                label.setText(_(message))

    def error(self, key: str) -> str:
        label = self._rows[key][2]
        return label.text() if not label.isHidden() else ""

    def show_errors(self, errors: dict[str, str], *, focus: bool = True) -> None:
        """Show each message at its field and put the cursor in the first one."""
        self.clear_errors()
        first = None
        for key, (_label, widget, error, _message) in self._rows.items():
            if key in errors:
                error.setText(errors[key])
                error.show()
                first = first or widget
        if first is not None and focus:
            first.setFocus()
            scroll_to(first)

    def clear_errors(self) -> None:
        for _label, _widget, error, _message in self._rows.values():
            error.clear()
            error.hide()


def scroll_to(widget: QWidget) -> None:
    """Bring ``widget`` into view in every scroll area that holds it."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def typed(form: QWidget) -> tuple:
    """What the clerk can change in ``form``'s fields, to compare before and after."""
    values = []
    for field in form.findChildren(QWidget):
        if isinstance(field, QLineEdit) and not isinstance(field.parentWidget(), QComboBox):
            values.append(field.text())
        elif isinstance(field, QPlainTextEdit | QTextEdit):
            values.append(field.toPlainText())
        elif isinstance(field, QComboBox):
            values.append((field.currentIndex(), field.currentText()))
        elif isinstance(field, QListWidget):
            values.append(tuple(field.item(i).text() for i in range(field.count())))
        elif isinstance(field, QAbstractSpinBox):
            values.append(field.text())
        elif isinstance(field, QAbstractButton) and field.isCheckable():
            values.append(field.isChecked())
    return tuple(values)


class DigitSpinBox(QSpinBox):
    """A spin box that reads Lao digits as well as Arabic ones, and shows the office's."""

    def validate(self, text: str, pos: int) -> tuple:
        state, _text, _pos = super().validate(to_arabic_digits(text), pos)
        return state, text, pos

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt's name)
        return super().valueFromText(to_arabic_digits(text))

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt's name)
        return digits(str(value))

    def fixup(self, text: str) -> str:
        return to_arabic_digits(text)
