"""Reading an old register: .xlsx, .xlsm, .xls and .ods through python-calamine, .csv
through the standard library. Rows come with their row number as the spreadsheet shows it,
so a refusal names the line a clerk can find."""

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from oc_desktop.i18n import _

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
READABLE = (*SPREADSHEETS, ".csv")
Row = tuple[int, list[Any]]  # (row number from 1, cells)


class Unreadable(ValueError):
    """The file cannot be read as a register; the message is in the clerk's language."""


@dataclass
class Source:
    path: Path
    #: the sheet read last, kept for the next reading (the preview reads the first rows
    #: twice before the dry run reads them all: a large sheet is parsed once)
    _kept: dict = field(default_factory=dict, repr=False, compare=False)

    def sheets(self) -> list[str]:
        if self.path.suffix.lower() == ".csv":
            return [self.path.stem]
        return list(self._book().sheet_names)

    def rows(self, sheet: str | None = None, *, last: bool = False) -> Iterator[Row]:
        """Every row of a sheet (the first when None), blank ones included; ``last``:
        the sheet is not read again, so it is not kept once read."""
        if self.path.suffix.lower() == ".csv":
            yield from _csv_rows(self.path)
            return
        found = self._kept.pop(sheet, None) or self._sheet(sheet)
        if not last:
            self._kept.clear()
            self._kept[sheet] = found
        first = (found.start or (0, 0))[0]
        for number, cells in enumerate(found.iter_rows(), start=first + 1):
            yield number, [_cell(value) for value in cells]

    def _sheet(self, sheet: str | None):
        book = self._book()
        try:
            return book.get_sheet_by_name(sheet or book.sheet_names[0])
        except Exception as error:
            raise Unreadable(_("There is no sheet {name}.").format(name=sheet)) from error

    def _book(self) -> CalamineWorkbook:
        try:
            return CalamineWorkbook.from_path(str(self.path))
        except Exception as error:
            raise Unreadable(
                _("{name} cannot be read as a spreadsheet ({reason}).").format(
                    name=self.path.name, reason=error
                )
            ) from error


def open_source(path: Path) -> Source:
    path = Path(path)
    if path.suffix.lower() not in READABLE:
        raise Unreadable(_("Choose an .xlsx, .xls, .ods or .csv file."))
    if not path.is_file():
        raise Unreadable(_("There is no file {name}.").format(name=path))
    return Source(path)


def _cell(value: Any) -> Any:
    """Whole numbers as int (Excel keeps every number as a float); text stripped."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _csv_rows(path: Path) -> Iterator[Row]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as file:
            sample = file.read(8192)
            file.seek(0)
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            for number, cells in enumerate(csv.reader(file, dialect), start=1):
                yield number, [cell.strip() for cell in cells]
    except UnicodeDecodeError as error:
        raise Unreadable(_("{name} is not written in UTF-8.").format(name=path.name)) from error
