"""Exports from the schedule view: programme PDF (all days, the day shown, or the selected
room), iCalendar, CSV/XLSX. They are actions.exports run off the GUI thread (a programme takes
longer than the GUI may block); the message says where the file went and, for the programme,
which characters of whose text no font can draw (the same report as the CLI)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from eventdesk import messages
from eventdesk.actions import exports
from eventdesk.actions.base import Cancelled
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import translate


def done_message(done: exports.Exported) -> str:
    """What an export wrote, then any texts whose characters no font can draw, one per line."""
    lines = [messages.text(done.code, **done.params)]
    if done.personal_fields:
        lines.append(messages.text("exports.personal_fields", **done.personal_params))
    if done.problems:
        lines.append(messages.text("exports.glyphs_heading"))
        lines += [messages.text(p.code, **p.params) for p in done.problems]
    return "\n".join(lines)


def start_export(ctx: AppContext, out: Path, *, on_done: Callable[[exports.Exported], None],
                 kind: str | None = None, day: date | None = None, room: str | None = None,
                 on_error: Callable[[BaseException], None] | None = None,
                 on_progress: Callable[[int, int], None] | None = None,
                 with_payloads: bool = False, consented_only: bool = False) -> ops.BackgroundOp:
    """Run actions.exports.export in a worker. Without `kind`, .pdf is the programme and
    .ics/.csv/.xlsx the schedule. `with_payloads`, `consented_only`: people exports only."""
    chosen = kind or ("programme" if out.suffix.lower() == ".pdf" else "schedule")
    return ops.run_action(
        ctx, lambda actx, progress: exports.export(actx, kind=chosen, out=out, day=day,
                                                   room=room, progress=progress,
                                                   with_payloads=with_payloads,
                                                   consented_only=consented_only),
        on_done=on_done, on_error=on_error, on_progress=on_progress)


def export_file(ctx: AppContext, out: Path, *, day: date | None = None, room: str | None = None,
                on_done: Callable[[str], None] | None = None) -> ops.BackgroundOp:
    """Write `out` (.pdf: the programme; .ics/.csv/.xlsx: the schedule) in a worker; `on_done`
    gets the message for the person (see done_message)."""

    def done(result: exports.Exported) -> None:
        if on_done is not None:
            on_done(done_message(result))

    return start_export(ctx, out, day=day, room=room, on_done=done)


class ExportMenu(QMenu):
    def __init__(self, view: QWidget, ctx: AppContext, current_day: Callable[[], date | None],
                 current_room: Callable[[], str | None]) -> None:
        super().__init__(translate("ExportMenu", "导出"), view)
        self.view, self.ctx = view, ctx
        self._day, self._room = current_day, current_room
        self.op: ops.BackgroundOp | None = None
        self.addAction(translate("ExportMenu", "节目单 PDF（全部日期）…"),
                       lambda: self._ask(".pdf"))
        self.addAction(translate("ExportMenu", "节目单 PDF（当天）…"),
                       lambda: self._ask(".pdf", day=self._day()))
        self.addAction(translate("ExportMenu", "节目单 PDF（选中的会议室）…"),
                       lambda: self._ask(".pdf", room=self._room()))
        self.addSeparator()
        self.addAction(translate("ExportMenu", "iCalendar 日历（.ics）…"),
                       lambda: self._ask(".ics"))
        self.addAction(translate("ExportMenu", "Excel 表格（.xlsx）…"),
                       lambda: self._ask(".xlsx"))
        self.addAction(translate("ExportMenu", "CSV 表格（.csv）…"), lambda: self._ask(".csv"))

    def _ask(self, suffix: str, *, day: date | None = None, room: str | None = None) -> None:
        # ASCII file names in both languages: the files travel by mail and to print shops.
        name = "programme" if suffix == ".pdf" else "schedule"
        path, _ = QFileDialog.getSaveFileName(
            self.view, translate("ExportMenu", "导出"), str(Path.home() / f"{name}{suffix}"),
            # ASCII brackets around the pattern: QFileDialog reads the filter from them.
            translate("ExportMenu", "{kind} 文件 (*{suffix})").format(
                kind=suffix[1:].upper(), suffix=suffix))
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() != suffix:
            out = out.with_suffix(suffix)
        self.op = start_export(self.ctx, out, day=day, room=room, on_done=self._done,
                               on_error=self._failed)

    def _done(self, done: exports.Exported) -> None:
        # Characters that will print as empty boxes are a warning, not just information.
        show = QMessageBox.warning if done.problems else QMessageBox.information
        show(self.view, "EventDesk", done_message(done))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            QMessageBox.warning(self.view, "EventDesk", messages.describe(exc))
