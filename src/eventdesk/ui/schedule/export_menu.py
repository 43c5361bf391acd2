"""Exports from the schedule view: programme PDF (all days, the day shown, or the selected
room), iCalendar, CSV/XLSX. They run in the background (a programme takes longer than the GUI
may block) and say where the file went."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from eventdesk.services.schedule.export import export_schedule, programme_data
from eventdesk.storage import Session
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext


def export_file(ctx: AppContext, out: Path, *, day: date | None = None, room: str | None = None,
                on_done: object = None) -> ops.BackgroundOp:
    """Write `out` (.pdf: the programme; .ics/.csv/.xlsx: the schedule) in a worker."""

    def work(session: Session, _progress: ops.Progress) -> str:
        if out.suffix.lower() == ".pdf":
            from eventdesk.pdf.programme import render_programme

            pages = render_programme(programme_data(session, day=day, room=room), out)
            return f"节目单已保存：{out}（{pages} 页）"
        n = export_schedule(session, out=out, room=room)
        return f"日程已保存：{out}（{n} 个会议）"

    def done(message: str) -> None:
        if callable(on_done):
            on_done(message)

    return ops.run_in_background(ctx, work, on_done=done)


class ExportMenu(QMenu):
    def __init__(self, view: QWidget, ctx: AppContext, current_day: object,
                 current_room: object) -> None:
        super().__init__("导出 Export", view)
        self.view, self.ctx = view, ctx
        self._day, self._room = current_day, current_room
        self.addAction("节目单 PDF（全部日期）Programme, all days",
                       lambda: self._ask(".pdf"))
        self.addAction("节目单 PDF（当天）Programme, this day",
                       lambda: self._ask(".pdf", day=self._day()))  # type: ignore[operator]
        self.addAction("节目单 PDF（选中的会议室）Programme, selected room",
                       lambda: self._ask(".pdf", room=self._room()))  # type: ignore[operator]
        self.addSeparator()
        self.addAction("iCalendar (.ics)", lambda: self._ask(".ics"))
        self.addAction("Excel (.xlsx)", lambda: self._ask(".xlsx"))
        self.addAction("CSV (.csv)", lambda: self._ask(".csv"))

    def _ask(self, suffix: str, *, day: date | None = None, room: str | None = None) -> None:
        name = "programme" if suffix == ".pdf" else "schedule"
        path, _ = QFileDialog.getSaveFileName(self.view, "导出 Export",
                                              str(Path.home() / f"{name}{suffix}"),
                                              f"*{suffix}")
        if not path:
            return
        out = Path(path)
        if out.suffix.lower() != suffix:
            out = out.with_suffix(suffix)
        self.op = export_file(self.ctx, out, day=day, room=room,
                              on_done=lambda m: QMessageBox.information(self.view, "EventDesk", m))
