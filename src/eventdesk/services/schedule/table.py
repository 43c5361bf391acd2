"""Reading a CSV or XLSX file as a header and rows of cell values, for the schedule import.

The shared reader (services.imports.reading: encodings, delimiters, title lines above the header,
hostile files) is used when it is installed; the small reader below is the fallback written
before it landed. Rows keep their positions, blank ones included, so row 1 is the first row
under the header."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventdesk.domain.errors import ImportRejected

MAX_CELL = 10_000  # a huge cell is an error in the file, not something to carry around


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise ImportRejected("无法识别文件的文字编码（请另存为 UTF-8 的 CSV 或 XLSX）")
    return str(best)


def _clip(value: Any) -> Any:
    if isinstance(value, str) and len(value) > MAX_CELL:
        return value[:MAX_CELL]
    return value


def read_table(path: Path, *, sheet: str | None = None,
               known: Callable[[str], bool] | None = None) -> tuple[list[str], list[list[Any]]]:
    """(headers, rows by position); `known` tells a header text the import understands."""
    try:
        from eventdesk.services.imports.reading import open_table
    except ImportError:
        return _read_table(path, sheet=sheet, known=known)
    table = open_table(path, sheet=sheet, known_headers=known)
    headers = list(table.headers)
    rows: list[list[Any]] = []
    for number, values in table.rows():
        rows.extend([] for _ in range(number - 1 - len(rows)))  # blank rows keep their numbers
        rows.append([values.get(h) if h else None for h in headers])
    return headers, rows


def _read_table(path: Path, *, sheet: str | None = None,
                known: Callable[[str], bool] | None = None) -> tuple[list[str], list[list[Any]]]:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportRejected(f"文件不存在：{path}")
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - a broken file is the user's to fix
            raise ImportRejected(f"无法读取 Excel 文件：{exc.__class__.__name__}") from exc
        try:
            if sheet is not None and sheet not in book.sheetnames:
                raise ImportRejected(f"工作簿中没有名为“{sheet}”的工作表")
            ws = book[sheet] if sheet else book.worksheets[0]
            rows = [[_clip(v) for v in row] for row in ws.iter_rows(values_only=True)]
        finally:
            book.close()
    elif suffix in (".csv", ".txt"):
        text = _decode(path.read_bytes())
        rows = [[_clip(v) for v in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise ImportRejected(f"不支持的文件类型“{path.suffix}”（请用 .csv 或 .xlsx）")
    while rows and all(v is None or str(v).strip() == "" for v in rows[0]):
        rows.pop(0)
    if known is not None:  # skip title lines above the header (“2025 大会日程”)
        for i, row in enumerate(rows[:30]):
            if sum(1 for v in row if v is not None and known(str(v).strip())) >= 2:
                rows = rows[i:]
                break
    if not rows:
        raise ImportRejected("文件是空的")
    headers = [str(v).strip() if v is not None else "" for v in rows[0]]
    return headers, rows[1:]
