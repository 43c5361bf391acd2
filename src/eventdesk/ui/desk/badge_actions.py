"""Printing from the desk: first prints, reprints with a reason (lost → new code), batches for a
pick-up. A print is logged only after the printer (or the PDF file) accepted it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog

from eventdesk.domain import PrintReason
from eventdesk.services.badges import desk as desk_badges
from eventdesk.services.badges.desk import REASON_LABELS_ZH
from eventdesk.services.people import PersonRow, get_person
from eventdesk.ui import ops
from eventdesk.ui.context import PEOPLE, PRINTS
from eventdesk.ui.desk import printing
from eventdesk.ui.desk import settings as desk_settings

if TYPE_CHECKING:
    from eventdesk.ui.desk.view import DeskView

REPRINT_REASONS = (PrintReason.LOST, PrintReason.DAMAGED, PrintReason.WRONG_DATA)


class BadgeActions:
    def __init__(self, view: DeskView) -> None:
        self.view = view
        # Tests and unattended desks answer the reason question without a dialog.
        self.ask_reason = self._ask_reason

    def _ask_reason(self, name: str) -> PrintReason | None:
        labels = [REASON_LABELS_ZH[r] for r in REPRINT_REASONS]
        choice, ok = QInputDialog.getItem(self.view, "补打胸卡",
                                          f"{name} 已打印过胸卡。补打原因：", labels, 0, False)
        if not ok:
            return None
        return REPRINT_REASONS[labels.index(choice)]

    def print_selected(self, *, auto: bool = False) -> None:
        row = self.view.selected()
        if row is None:
            self.view.status.show_state("amber", "请先选中要打印胸卡的人")
            return
        if row.print_count and not auto:
            self.reprint_selected()
            return
        if row.print_count and auto:
            return  # auto-print never prints a second badge by itself
        self.print_people([row.person], PrintReason.FIRST)

    def reprint_selected(self) -> None:
        row = self.view.selected()
        if row is None:
            self.view.status.show_state("amber", "请先选中要补打胸卡的人")
            return
        reason = self.ask_reason(row.person.name)
        if reason is None:
            return
        person = row.person
        if reason == PrintReason.LOST:
            view = self.view
            revoked = ops.run_now(view.ctx, lambda s: desk_badges.revoke_badge(
                s, person_id=person.id, reason=reason, desk=view.desk.name,
                operator=view.ctx.operator), changes=(PEOPLE,), parent=view)
            if revoked is None:
                return
            person = revoked
        self.print_people([person], reason)

    def print_people(self, people: Sequence[PersonRow], reason: PrintReason) -> bool:
        view = self.view
        if not people:
            return True
        event = view.ctx.event_info.name_zh if view.ctx.event_info else ""
        if any(not p.qr_payload for p in people):
            people = ops.run_now(view.ctx, lambda s: [get_person(s, person_id=p.id)
                                                      for p in people], write=False) or []
        try:
            pdf = printing.render(people, view.desk, event_name=event)
        except Exception as exc:  # noqa: BLE001 - one sentence for the operator
            view.status.show_state("red", "胸卡生成失败", str(exc))
            return False
        stem = people[0].name if len(people) == 1 else f"{len(people)}张"
        outcome, chosen = printing.output(pdf, view.desk, stem=stem, parent=view)
        if chosen != view.desk:
            view.desk = chosen
            desk_settings.save(view.ctx.settings, chosen)
        if not outcome.ok:
            view.status.show_state("red", "打印失败", outcome.message)
            return False
        desk, who, layout = view.desk.name, view.ctx.operator, view.desk.layout
        records = ops.run_now(view.ctx, lambda s: [desk_badges.record_print(
            s, person_id=p.id, desk=desk, operator=who, layout=layout, reason=reason)
            for p in people], changes=(PRINTS,), parent=view)
        if records:
            count = records[0].print_count
            what = "补打" if reason != PrintReason.FIRST else "打印"
            hint = (f"{people[0].name} 第 {count} 张胸卡" if len(people) == 1
                    else f"{len(people)} 张胸卡")
            view.status.hint.setText(f"已{what}：{hint}（{REASON_LABELS_ZH[reason]}）· "
                                     f"{outcome.message}")
            view.status.hint.setVisible(True)
            view.refresh_after_print([p.id for p in people])
        return True
