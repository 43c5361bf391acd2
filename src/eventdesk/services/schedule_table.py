"""Reading a CSV or XLSX file as a header and rows of cell values (interim, for the schedule
import, until services/imports/ provides the shared reader). Rows keep their positions, blank
ones included, so row 1 is the first row under the header."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from ..domain.errors import ImportRejected

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


def read_table(path: Path, *, sheet: str | None = None) -> tuple[list[str], list[list[Any]]]:
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
    if not rows:
        raise ImportRejected("文件是空的")
    headers = [str(v).strip() if v is not None else "" for v in rows[0]]
    return headers, rows[1:]
