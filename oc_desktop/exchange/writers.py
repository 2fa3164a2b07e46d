"""Writing rows to .xlsx (XlsxWriter in constant-memory mode: each row goes to disk as it
is written) or .csv (UTF-8 with a BOM, so Excel shows Lao). Never a hand-made format."""

import csv
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter

FORMATS = ("xlsx", "csv")
DATE_FORMAT, DATETIME_FORMAT = "dd.mm.yyyy", "dd.mm.yyyy hh:mm"
MAX_WIDTH = 60


def text_width(text: str) -> float:
    """Columns of a text in Excel's units: Lao vowels and tone marks above or below a
    letter take no room of their own, and Lao letters are wider than Latin ones."""
    width = 0.0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) == "Mn":
            continue
        width += 1.3 if "\u0e80" <= char <= "\u0eff" else 1.0
    return width


def format_of(path: Path) -> str:
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "xlsx"


class XlsxWriter:
    def __init__(self, path: Path, *, sheet: str, headers: list[str], samples: list[str]):
        self.book = xlsxwriter.Workbook(
            str(path), {"constant_memory": True, "strings_to_numbers": False}
        )
        self.sheet = self.book.add_worksheet(sheet[:31])
        self.date = self.book.add_format({"num_format": DATE_FORMAT})
        self.datetime = self.book.add_format({"num_format": DATETIME_FORMAT})
        bold = self.book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        for number, (header, sample) in enumerate(zip(headers, samples, strict=True)):
            width = max(text_width(header), text_width(sample), 8) + 2
            self.sheet.set_column(number, number, min(width, MAX_WIDTH))
            self.sheet.write_string(0, number, header, bold)
        self.sheet.freeze_panes(1, 0)
        self.row = 1

    def write(self, cells: list[Any]) -> None:
        sheet, row = self.sheet, self.row
        for number, value in enumerate(cells):
            if value is None:
                continue
            if isinstance(value, datetime):
                sheet.write_datetime(row, number, value, self.datetime)
            elif isinstance(value, date):
                sheet.write_datetime(row, number, value, self.date)
            elif isinstance(value, bool):
                sheet.write_boolean(row, number, value)
            elif isinstance(value, int):
                sheet.write_number(row, number, value)
            elif value != "":
                sheet.write_string(row, number, str(value))
        self.row += 1

    def close(self) -> None:
        self.book.close()


class CsvWriter:
    def __init__(self, path: Path, *, sheet: str, headers: list[str], samples: list[str]):
        self.file = path.open("w", encoding="utf-8-sig", newline="")
        self.out = csv.writer(self.file)
        self.out.writerow(headers)

    def write(self, cells: list[Any]) -> None:
        self.out.writerow([_csv_cell(value) for value in cells])

    def close(self) -> None:
        self.file.close()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def open_writer(path: Path, *, sheet: str, headers: list[str], samples: list[str]):
    kind = XlsxWriter if format_of(path) == "xlsx" else CsvWriter
    return kind(path, sheet=sheet, headers=headers, samples=samples)
