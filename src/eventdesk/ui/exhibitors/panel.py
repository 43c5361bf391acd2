"""The form beside the exhibitors table: edit a company and its booth and quota, see its figures,
its latest pack pick-up and its staff (arrived, printed, collected), print all its badges."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.actions.records import save_exhibitor
from eventdesk.domain import PersonStatus
from eventdesk.domain.access import Permission
from eventdesk.messages.desk import desk_label
from eventdesk.services.exhibitor_staff import StaffMember
from eventdesk.services.exhibitors import ExhibitorInput, ExhibitorRow, as_input
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.exhibitors.model import OVER_QUOTA_FG
from eventdesk.ui.i18n import translate
from eventdesk.ui.tables.panel import DetailPanel

TEXT_FIELDS = ("name_zh", "name_en", "short_name", "sector", "hall", "booth", "contact_name",
               "contact_phone", "contact_email")
CANCELLED_FG = QColor("#9e9e9e")
ARRIVED_FG = QColor("#2e7d32")
MUTED = "color: #555;"


class ExhibitorPanel(DetailPanel[ExhibitorRow, ExhibitorInput]):

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, min_width=420, heading_scale=1.3)
        # The shared panel's buttons, worded here too so that this view is whole in either
        # language whatever ui/tables says (same texts, same meaning).
        self.save_button.setText(translate("ExhibitorPanel", "保存"))
        self.revert_button.setText(translate("ExhibitorPanel", "还原"))
        self.heading.setWordWrap(True)
        self.quota_label = QLabel()
        self.quota_label.setWordWrap(True)
        self.flags_label = QLabel()
        self.flags_label.setWordWrap(True)
        self.flags_label.setStyleSheet(f"color: {OVER_QUOTA_FG.name()}; font-weight: bold;")
        self.pickup_label = QLabel()
        self.pickup_label.setWordWrap(True)
        self.pickup_label.setStyleSheet(MUTED)

        def field(key: str, label: str) -> QLineEdit:
            return self.form.add(key, label, QLineEdit())

        self.name_zh = field("name_zh", translate("ExhibitorPanel", "公司名称"))
        self.name_en = field("name_en", translate("ExhibitorPanel", "英文名称"))
        self.short_name = field("short_name", translate("ExhibitorPanel", "简称"))
        self.sector = field("sector", translate("ExhibitorPanel", "行业"))
        self.hall = field("hall", translate("ExhibitorPanel", "展馆"))
        self.booth = field("booth", translate("ExhibitorPanel", "展位"))
        self.contact_name = field("contact_name", translate("ExhibitorPanel", "联系人"))
        self.contact_phone = field("contact_phone", translate("ExhibitorPanel", "电话"))
        self.contact_email = field("contact_email", translate("ExhibitorPanel", "邮箱"))
        self.staff_quota = self.form.add("staff_quota", translate("ExhibitorPanel", "人员名额"),
                                         QSpinBox())
        self.staff_quota.setRange(0, 10_000)

        self.staff_title = QLabel()
        self.staff_title.setStyleSheet("font-weight: bold;")
        self.print_button = QPushButton(translate("ExhibitorPanel", "打印全部胸卡…"))
        self.print_button.setToolTip(translate("ExhibitorPanel", "为该展商的全部在册人员打印胸卡"))
        self.print_button.setVisible(ctx.can(Permission.BATCH_PRINT))
        title_row = QWidget()
        row = QHBoxLayout(title_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.staff_title, 1)
        row.addWidget(self.print_button)
        self.staff = QTreeWidget()
        self.staff.setRootIsDecorated(False)
        self.staff.setHeaderLabels([
            translate("ExhibitorPanel", "姓名"), translate("ExhibitorPanel", "职务"),
            translate("ExhibitorPanel", "到场"), translate("ExhibitorPanel", "胸卡"),
            translate("ExhibitorPanel", "领取")])
        for col in (0, 2, 3, 4):
            self.staff.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.staff.header().setStretchLastSection(False)
        self.staff.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.staff.setMinimumHeight(160)
        self.staff.setAlternatingRowColors(True)
        # Same row rhythm as the tables: cramped rows make Chinese names hard to read.
        self.staff.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        self.staff_members: list[StaffMember] = []
        self._lay_out(above=(self.quota_label, self.flags_label, self.pickup_label), spacing=4,
                      below=((6, 0), (title_row, 0), (self.staff, 1)))

    def is_dirty(self) -> bool:
        """Has the person typed something that is not saved?"""
        if self.row is None:
            return bool(self.name_zh.text().strip())
        return self.collect() != as_input(self.row)

    @property
    def exhibitor_id(self) -> int | None:
        return self.row_id

    def show_row(self, row: ExhibitorRow | None) -> None:
        self.row = row
        self.form.clear_errors()
        self.message.clear()
        self.fill(as_input(row) if row else ExhibitorInput(name_zh=""))
        masked = row is not None and row.contacts_masked  # kept on saving (save_exhibitor)
        for field in (self.contact_phone, self.contact_email):
            field.setReadOnly(masked)
        if row is None:
            self.heading.setText(translate("ExhibitorPanel", "新建展商"))
            self.quota_label.setText(translate("ExhibitorPanel", "填写后点“保存”。"))
            self.quota_label.setStyleSheet(MUTED)
            self.flags_label.clear()
            self.flags_label.hide()
            self.pickup_label.clear()
            self.pickup_label.hide()
            self.staff_title.setText(translate("ExhibitorPanel", "展商人员"))
            self.print_button.setEnabled(False)
            self.set_staff([])
            return
        self.heading.setText(row.name_zh)
        self.show_figures(row)

    def fill(self, data: ExhibitorInput) -> None:
        for key in TEXT_FIELDS:
            getattr(self, key).setText(getattr(data, key))
        self.staff_quota.setValue(data.staff_quota)

    def input_of(self, row: ExhibitorRow) -> ExhibitorInput:
        return as_input(row)

    def show_figures(self, row: ExhibitorRow) -> None:
        """Registered against quota, arrivals, flags and the latest pick-up of `row`."""
        over = row.over_quota
        text = translate("ExhibitorPanel", "在册人员 {staff} / 名额 {quota} · 今日到场 {today} · "
                                  "累计到场 {arrived}").format(
            staff=row.staff_count, quota=row.staff_quota, today=row.arrived_today,
            arrived=row.arrived)
        self.quota_label.setText(text)
        self.quota_label.setStyleSheet(MUTED)
        flags = []
        if over:
            flags.append(translate("ExhibitorPanel", "超出名额 {n} 人").format(n=over))
        if row.shared_booth:
            flags.append(translate("ExhibitorPanel", "展位 {booth} 同时分配给：{names}").format(
                booth=f"{row.hall} {row.booth}".strip(), names="、".join(row.shared_with)))
        self.flags_label.setText("\n".join(flags))
        self.flags_label.setVisible(bool(flags))
        self.pickup_label.setText(self.pickup_text(row))
        self.pickup_label.show()
        self.print_button.setEnabled(row.staff_count > 0)

    def pickup_text(self, row: ExhibitorRow) -> str:
        p = row.pickup
        if p is None:
            return translate("ExhibitorPanel", "证件尚未整包领取")
        info = self.ctx.event_info
        when = (info.local(p.at) if info else p.at).strftime("%m-%d %H:%M")
        where = desk_label(p.desk) if p.desk else "-"
        return translate("ExhibitorPanel", "最近领取：{name}（{phone}）· {when} · {desk} · {n} 张"
                         ).format(n=p.badges, name=p.collected_by, phone=p.phone or "-",
                                  when=when, desk=where)

    def set_staff(self, staff: list[StaffMember]) -> None:
        self.staff_members = list(staff)
        self.staff.clear()
        info = self.ctx.event_info
        items = []
        for m in staff:
            p = m.person
            if p.status == PersonStatus.CANCELLED:
                came = translate("ExhibitorPanel", "已取消")
            elif m.arrived_today:
                came = translate("ExhibitorPanel", "今日已到")
            elif m.first_arrival is not None:
                came = translate("ExhibitorPanel", "曾到场")
            else:
                came = translate("ExhibitorPanel", "未到")
            printed = (translate("ExhibitorPanel", "已打印 {n} 次").format(n=m.print_count)
                       if m.print_count else translate("ExhibitorPanel", "未打印"))
            collected = ((info.local(m.collected_at) if info else m.collected_at)
                         .strftime("%m-%d %H:%M") if m.collected_at else "")
            item = QTreeWidgetItem([p.name, p.title, came, printed, collected])
            if p.status == PersonStatus.CANCELLED:
                for col in range(5):
                    item.setForeground(col, CANCELLED_FG)
            elif m.arrived_today:
                item.setForeground(2, ARRIVED_FG)
            items.append(item)
        self.staff.addTopLevelItems(items)
        if self.row is not None:
            self.staff_title.setText(
                translate("ExhibitorPanel", "展商人员（{n}）").format(n=len(staff)))

    def collect(self) -> ExhibitorInput:
        base = as_input(self.row) if self.row else ExhibitorInput(name_zh="")
        texts = {key: getattr(self, key).text() for key in TEXT_FIELDS}
        return replace(base, staff_quota=self.staff_quota.value(), **texts)

    def save_action(self, data: ExhibitorInput, row: ExhibitorRow | None
                    ) -> Callable[[ActionContext, ops.Progress], Outcome[ExhibitorRow]]:
        return lambda actx, _progress: save_exhibitor(actx, data=data, base=row)

    def name_of(self, data: ExhibitorInput) -> str:
        return data.name_zh

    def show_saved(self, result: ExhibitorRow, was_new: bool) -> None:
        # Not show_row: that would clear the staff list, which has not changed. The saved row
        # carries no figures (save_exhibitor): the reload the save causes brings them.
        self.row = result
        self.heading.setText(result.name_zh)
        self.form.clear_errors()
        self._say(translate("ExhibitorPanel", "已保存"), ok=True)
