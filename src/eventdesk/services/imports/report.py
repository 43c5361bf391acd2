"""What an import did (or, in a dry run, would do): counts and problems by row and column."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventdesk.domain.errors import RowError


@dataclass
class ImportReport:
    """Counts describe what happened: a rejected import created and updated nothing (created,
    updated and skipped are 0) and says in `would_*` what the valid rows would have done.

    skipped: rows read that neither created nor changed a record — unchanged duplicates (so a
    second import of the same file is all skipped), duplicates under the skip policy, and invalid
    rows when `skip_invalid` is on. Blank rows are not counted.
    """

    kind: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    rejected: bool = False
    written: bool = False
    would_create: int = 0
    would_update: int = 0
    would_skip: int = 0
    content_hash: str = ""
    mapping: dict[str, str] = field(default_factory=dict)
    format: str = ""
    encoding: str = ""
    sheet: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "created": self.created, "updated": self.updated, "skipped": self.skipped,
            "errors": [error_json(e) for e in self.errors],
            "kind": self.kind, "rows": self.rows, "dry_run": self.dry_run,
            "rejected": self.rejected, "written": self.written,
            "would_create": self.would_create, "would_update": self.would_update,
            "would_skip": self.would_skip, "encoding": self.encoding, "sheet": self.sheet,
            "content_hash": self.content_hash,
        }

    def summary(self) -> str:
        """One sentence for people, in the UI language."""
        if self.rejected:
            return (f"发现 {len(self.errors)} 处错误，未导入任何数据（修正后重试，或选择“跳过错误行”："
                    f"将新建 {self.would_create}、更新 {self.would_update}、跳过 {self.would_skip}）")
        verb = "预演：将" if self.dry_run else "已"
        text = f"{verb}新建 {self.created} 条、更新 {self.updated} 条、跳过 {self.skipped} 条"
        if self.errors:
            text += f"（其中 {len(self.errors)} 处错误所在的行被跳过）"
        return text


def error_json(e: RowError) -> dict[str, Any]:
    return {"row": e.row, "column": e.column, "value": e.value, "message": e.message}


def rejection_json(message: str, errors: list[RowError] | None = None) -> dict[str, Any]:
    """The import JSON for a file refused as a whole (unreadable, no name column…)."""
    listed = [error_json(e) for e in errors or []] or [
        {"row": 0, "column": "", "value": "", "message": message}]
    return {"created": 0, "updated": 0, "skipped": 0, "errors": listed, "rejected": True,
            "written": False, "message": message}


def write_error_report(errors: list[RowError], path: Path | str) -> None:
    """The problems as a CSV Excel opens with Chinese intact (UTF-8 with BOM)."""
    from eventdesk.services.imports.normalise import neutralise

    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["行 Row", "列 Column", "值 Value", "问题 Problem"])
        for e in errors:
            writer.writerow([e.row, neutralise(e.column), neutralise(e.value),
                             neutralise(e.message)])
