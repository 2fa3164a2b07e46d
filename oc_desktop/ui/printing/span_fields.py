"""The days a book is printed for: a preset (this month, last month, this quarter,
this year) that fills the first and last day, or any two dates typed."""

from datetime import date

from PySide6.QtWidgets import QComboBox

from oc_desktop.formatting import format_date
from oc_desktop.i18n import N_, _
from oc_desktop.registers.books import DateRange
from oc_desktop.registers.spans import PRESETS, preset_span
from oc_desktop.ui.common.entry_dialog import DateField
from oc_desktop.validation import ValidationError


class SpanFields:
    """Adds the rows through ``add(key, label, widget)``, the way each dialog adds rows."""

    def __init__(self, add, today: date) -> None:
        self.today = today
        self.preset = add("preset", N_("Days"), QComboBox())
        self.preset.setObjectName("span_preset")
        self.preset.addItem(_("Dates below"), None)
        for key, message in PRESETS.items():
            self.preset.addItem(_(message), key)
        self.start = add("start", N_("From"), DateField(date(today.year, 1, 1)))
        self.end = add("end", N_("To"), DateField(today))
        self.preset.currentIndexChanged.connect(self._fill)

    def _fill(self, _index: int) -> None:
        key = self.preset.currentData()
        if key is None:
            return
        span = preset_span(key, self.today)
        self.start.setText(format_date(span.start))
        self.end.setText(format_date(span.end))

    def read(self, dialog) -> DateRange:
        """The days typed, or field errors through the dialog's ``read``."""
        start = dialog.read("start", self.start.value)
        end = dialog.read("end", self.end.value)
        dialog.fail_on_input_errors()
        if end < start:
            raise ValidationError({"end": _("The last day comes before the first.")})
        return DateRange(start, end)
