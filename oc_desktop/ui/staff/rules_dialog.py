"""The staff rules as dated versions: each row is in force from its day until the next.

A version still to be confirmed with the finance department says so. The staff officer
(or the administrator) adds or corrects versions in place; the grade table is shown by
its shape and edited in a later version.
"""

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from oc_desktop.formatting import InputError, format_date, format_int, parse_date, parse_int
from oc_desktop.i18n import N_, _
from oc_desktop.staff.rules import set_rule, versions
from oc_desktop.validation import ValidationError

# rule key -> (its name, the values each version holds with their headings)
EDITABLE = {
    "staff_step_interval": (N_("Years between salary steps"), (("years", N_("Years")),)),
    "staff_retirement_age": (
        N_("Retirement age"),
        (("m", N_("Men")), ("f", N_("Women")), ("latest", N_("Postponed at most to"))),
    ),
    "staff_evaluation_months": (N_("Months between evaluations"), (("months", N_("Months")),)),
    "staff_index_value": (N_("Salary index value (kip)"), (("kip", N_("Kip")),)),
}
EPOCH = "1900-01-01"


class RulesDialog(QDialog):
    def __init__(self, parent: QWidget | None, db, actor) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.setWindowTitle(_("Staff rules"))
        self.tables: dict[str, QTableWidget] = {}
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout = QVBoxLayout(self)
        writes = actor.may_write("staff") or actor.may_write("settings")
        with db.read() as session:
            stored = {key: versions(session, key) for key in (*EDITABLE, "staff_grade_table")}
        for key, (title, values) in EDITABLE.items():
            layout.addWidget(QLabel(f"<b>{_(title)}</b>"))
            table = QTableWidget(0, len(values) + 2)
            table.setObjectName(f"rule_{key}")
            table.setHorizontalHeaderLabels(
                [_("From"), *(_(h) for _k, h in values), _("To be confirmed")]
            )
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().hide()
            for version in stored[key]:
                self._add_row(table, version, values)
            table.setMaximumHeight(30 + 30 * max(2, table.rowCount() + 1))
            layout.addWidget(table)
            add = QPushButton(_("Add a version"))
            add.setVisible(writes)
            add.clicked.connect(
                lambda _c=False, t=table, v=values: self._add_row(
                    t, {"from": date.today().isoformat()}, v
                )
            )
            layout.addWidget(add)
            self.tables[key] = table
        grades = stored["staff_grade_table"][-1]
        shape = ", ".join(
            _("grade {grade}: {steps} steps").format(grade=g, steps=format_int(len(steps)))
            for g, steps in grades["grades"].items()
        )
        note = _(" (to be confirmed)") if grades.get("to_confirm") else ""
        layout.addWidget(
            QLabel(_("Salary index table: {shape}{note}").format(shape=shape, note=note))
        )
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(writes)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.values = {key: values for key, (_t, values) in EDITABLE.items()}

    @staticmethod
    def _add_row(table: QTableWidget, version: dict, values) -> None:
        row = table.rowCount()
        table.insertRow(row)
        start = version["from"]
        shown = "" if start == EPOCH else format_date(date.fromisoformat(start))
        table.setItem(row, 0, QTableWidgetItem(shown))
        for column, (key, _heading) in enumerate(values, start=1):
            value = version.get(key)
            table.setItem(row, column, QTableWidgetItem(format_int(value) if value else ""))
        table.setItem(
            row, len(values) + 1, QTableWidgetItem(_("yes") if version.get("to_confirm") else "")
        )

    def read(self, key: str) -> list[dict]:
        table, values = self.tables[key], self.values[key]
        found = []
        for row in range(table.rowCount()):
            cells = [
                (table.item(row, c) or QTableWidgetItem()).text()
                for c in range(table.columnCount())
            ]
            if not any(c.strip() for c in cells[1:-1]):
                continue
            start = parse_date(cells[0]).isoformat() if cells[0].strip() else EPOCH
            version = {"from": start}
            for (value_key, _h), text in zip(values, cells[1:-1], strict=True):
                version[value_key] = parse_int(text)
            if cells[-1].strip():
                version["to_confirm"] = True
            found.append(version)
        return found

    def save(self) -> None:
        try:
            wanted = {key: self.read(key) for key in EDITABLE}  # every cell read first
            for key, value in wanted.items():
                set_rule(self.db, actor=self.actor, key=key, value=value)
        except (InputError, ValidationError) as error:
            message = (
                "; ".join(error.errors.values())
                if isinstance(error, ValidationError)
                else str(error)
            )
            self.error.setText(message)
            self.error.show()
            return
        self.accept()
