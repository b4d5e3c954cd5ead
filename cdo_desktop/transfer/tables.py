"""Spreadsheet files both ways: CSV (UTF-8 with BOM, or GB18030 as older Excel saves it), XLSX and JSON.

A table is a list of columns (key, Chinese header, English header) and rows of plain values. Reading returns the
cells as text keyed by the header found in the file, with each cell's spreadsheet row number; nothing is
interpreted here (the importer checks types against its column specs).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

MAX_ROWS = 200_000
MAX_BYTES = 50 * 1024 * 1024
FORMATS = ("csv", "xlsx", "json")


class FileProblem(ValueError):
    """The file itself cannot be read (missing, wrong type, damaged, too large): zh and en messages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh = zh
        self.en = en


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str
    required: bool = False
    hint: str = ""  # what goes in the cell, shown on the template's second sheet

    def header(self) -> str:
        return self.zh


@dataclass(frozen=True)
class Sheet:
    """What a file held: its headers (as written) and data rows (cell texts), with spreadsheet row numbers."""

    headers: list[str]
    rows: list[tuple[int, list[str]]]


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: how Excel names the column."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheet(path: Path) -> Sheet:
    """The first sheet of an .xlsx, or a .csv file; refuses (naming the file) what it cannot read."""
    path = Path(path)
    if not path.is_file():
        raise FileProblem(f"找不到文件“{path.name}”", f"No such file: '{path.name}'")
    if path.stat().st_size > MAX_BYTES:
        raise FileProblem(f"文件“{path.name}”超过50 MB", f"The file '{path.name}' is larger than 50 MB")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - gb18030 decodes any byte string
            raise FileProblem(f"无法识别文件“{path.name}”的编码", f"Unknown text encoding in '{path.name}'")
        grid = list(csv.reader(io.StringIO(text)))
    elif suffix in (".xlsx", ".xlsm"):
        try:
            from openpyxl import load_workbook

            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise FileProblem(f"文件“{path.name}”不是有效的 Excel 工作簿（{type(exc).__name__}）",
                              f"'{path.name}' is not a valid Excel workbook ({type(exc).__name__})") from None
        sheet = book.worksheets[0]
        grid = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
    else:
        raise FileProblem(f"不支持的文件类型“{path.suffix}”：请使用 .xlsx 或 .csv",
                          f"Unsupported file type '{path.suffix}': use .xlsx or .csv")
    if not grid or not any(c.strip() for c in grid[0]):
        raise FileProblem(f"文件“{path.name}”第1行没有表头", f"'{path.name}' has no header row (row 1)")
    if len(grid) > MAX_ROWS + 1:
        raise FileProblem(f"文件“{path.name}”超过{MAX_ROWS}行", f"'{path.name}' has more than {MAX_ROWS} rows")
    headers = [_cell_text(h) for h in grid[0]]
    rows = []
    for number, cells in enumerate(grid[1:], start=2):
        texts = [_cell_text(c) for c in cells]
        if any(texts):
            rows.append((number, texts + [""] * (len(headers) - len(texts))))
    return Sheet(headers, rows)


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".cdo-", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def format_of(path: Path, fmt: str | None) -> str:
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise FileProblem(f"不支持的格式“{chosen}”：请使用 csv、xlsx 或 json",
                          f"Unsupported format '{chosen}': use csv, xlsx or json")
    return chosen


def write_table(path: Path, columns: Sequence[Column], rows: Iterable[dict[str, Any]], *, fmt: str | None = None,
                sheet_title: str = "数据", notes: Sequence[tuple[str, str]] = ()) -> int:
    """Write ``rows`` (dicts by column key) as csv/xlsx (Chinese headers) or json (keys); returns the row count."""
    chosen = format_of(path, fmt)
    data = [[_plain(row.get(c.key)) for c in columns] for row in rows]
    if chosen == "json":
        def dump(tmp: Path) -> None:
            body = [{c.key: v for c, v in zip(columns, values, strict=True)} for values in data]
            tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
    elif chosen == "csv":
        def dump(tmp: Path) -> None:
            with tmp.open("w", encoding="utf-8-sig", newline="") as handle:
                out = csv.writer(handle)
                out.writerow([c.header() for c in columns])
                out.writerows([["" if v is None else v for v in values] for values in data])
    else:
        def dump(tmp: Path) -> None:
            from openpyxl import Workbook
            from openpyxl.styles import Font

            book = Workbook()
            sheet = book.active
            sheet.title = sheet_title
            sheet.append([c.header() for c in columns])
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for values in data:
                sheet.append(values)
            for i, column in enumerate(columns):
                sheet.column_dimensions[column_letter(i)].width = max(10, min(40, 2 * len(column.zh) + 4))
            sheet.freeze_panes = "A2"
            if notes:
                help_sheet = book.create_sheet("填写说明")
                help_sheet.append(["列", "说明"])
                for name, hint in notes:
                    help_sheet.append([name, hint])
                help_sheet.column_dimensions["A"].width = 24
                help_sheet.column_dimensions["B"].width = 90
            book.save(tmp)
    _atomic(Path(path), dump)
    return len(data)
