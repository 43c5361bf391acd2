"""The form beside the exhibitors table: edit a company and its booth and quota, see its staff."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
)

from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.actions.records import save_exhibitor
from eventdesk.domain import CATEGORY_LABELS_ZH, PersonStatus
from eventdesk.services.exhibitors import ExhibitorInput, ExhibitorRow, as_input
from eventdesk.services.people import PersonRow
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.exhibitors.model import OVER_QUOTA_FG, over_quota
from eventdesk.ui.people.model import CANCELLED_FG, STATUS_LABELS_ZH
from eventdesk.ui.tables.panel import DetailPanel

TEXT_FIELDS = ("name_zh", "name_en", "short_name", "sector", "hall", "booth", "contact_name",
               "contact_phone", "contact_email")


class ExhibitorPanel(DetailPanel[ExhibitorRow, ExhibitorInput]):

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, min_width=400, heading_scale=1.3)
        self.heading.setWordWrap(True)
        self.quota_label = QLabel()
        self.quota_label.setWordWrap(True)

        self.name_zh = self.form.add("name_zh", "公司名称 Name", QLineEdit())
        self.name_en = self.form.add("name_en", "英文名称 English", QLineEdit())
        self.short_name = self.form.add("short_name", "简称 Short name", QLineEdit())
        self.sector = self.form.add("sector", "行业 Sector", QLineEdit())
        self.hall = self.form.add("hall", "展馆 Hall", QLineEdit())
        self.booth = self.form.add("booth", "展位 Booth", QLineEdit())
        self.contact_name = self.form.add("contact_name", "联系人 Contact", QLineEdit())
        self.contact_phone = self.form.add("contact_phone", "电话 Phone", QLineEdit())
        self.contact_email = self.form.add("contact_email", "邮箱 E-mail", QLineEdit())
        self.staff_quota = self.form.add("staff_quota", "人员名额 Quota", QSpinBox())
        self.staff_quota.setRange(0, 10_000)

        self.staff_title = QLabel()
        self.staff_title.setStyleSheet("font-weight: bold;")
        self.staff = QTreeWidget()
        self.staff.setRootIsDecorated(False)
        self.staff.setHeaderLabels(["姓名", "类别", "职务", "状态"])
        for i, tip in enumerate(("Name", "Category", "Title", "Status")):
            self.staff.headerItem().setToolTip(i, tip)
        for col in (0, 1, 3):
            self.staff.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.staff.header().setStretchLastSection(False)
        self.staff.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.staff.setMinimumHeight(160)
        self.staff.setAlternatingRowColors(True)
        # Same row rhythm as the tables: cramped rows make Chinese names hard to read.
        self.staff.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        self._lay_out(above=(self.quota_label,), spacing=4,
                      below=((6, 0), (self.staff_title, 0), (self.staff, 1)))

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
            self.heading.setText("新建展商 New exhibitor")
            self.quota_label.setText("填写后点“保存”。 Fill in and press Save.")
            self.quota_label.setStyleSheet("color: #555;")
            self.staff_title.setText("展商人员 Staff")
            self.set_staff([])
            return
        self.heading.setText(row.name_zh)
        self.show_quota(row)

    def fill(self, data: ExhibitorInput) -> None:
        for key in TEXT_FIELDS:
            getattr(self, key).setText(getattr(data, key))
        self.staff_quota.setValue(data.staff_quota)

    def input_of(self, row: ExhibitorRow) -> ExhibitorInput:
        return as_input(row)

    def show_quota(self, row: ExhibitorRow) -> None:
        over = over_quota(row)
        text = (f"在册人员 {row.staff_count} / 名额 {row.staff_quota} · "
                f"staff {row.staff_count} of {row.staff_quota}")
        if over:
            text += f" — 超出 {over} 人 over quota"
        self.quota_label.setText(text)
        self.quota_label.setStyleSheet(
            f"color: {OVER_QUOTA_FG.name()}; font-weight: bold;" if over else "color: #555;")

    def set_staff(self, staff: list[PersonRow]) -> None:
        self.staff.clear()
        items = []
        for p in staff:
            item = QTreeWidgetItem([p.name, CATEGORY_LABELS_ZH.get(p.category, p.category.value),
                                    p.title, STATUS_LABELS_ZH.get(p.status, p.status.value)])
            if p.status == PersonStatus.CANCELLED:
                for col in range(4):
                    item.setForeground(col, CANCELLED_FG)
            items.append(item)
        self.staff.addTopLevelItems(items)
        if self.row is not None:
            self.staff_title.setText(f"展商人员 Staff（{len(staff)}）")

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
        # Not show_row: that would clear the staff list, which has not changed.
        self.row = result
        self.heading.setText(result.name_zh)
        self.show_quota(result)
        self.form.clear_errors()
        self._say("已保存 Saved", ok=True)
