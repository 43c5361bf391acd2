"""The form beside the exhibitors table: edit a company and its booth and quota, see its staff."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import CATEGORY_LABELS_ZH, PersonStatus
from ...domain.errors import DomainError, ValidationFailed
from ...services.exhibitors import (
    ExhibitorInput,
    ExhibitorRow,
    as_input,
    create_exhibitor,
    update_exhibitor,
)
from ...services.people import PersonRow
from .. import ops
from ..context import EXHIBITORS, PEOPLE, AppContext
from ..people.form import ERROR_STYLE, FieldForm
from ..people.model import CANCELLED_FG, STATUS_LABELS_ZH
from .model import OVER_QUOTA_FG, over_quota

OK_STYLE = "color: #2e7d32;"


class ExhibitorPanel(QWidget):
    saved = Signal(int)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.row: ExhibitorRow | None = None
        self.setMinimumWidth(400)

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.quota_label = QLabel()
        self.quota_label.setWordWrap(True)

        self.form = FieldForm()
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

        self.save_button = QPushButton("保存 Save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.save_button.setToolTip("Ctrl+S")
        save_key = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.revert_button = QPushButton("还原 Revert")
        self.revert_button.clicked.connect(lambda: self.show_exhibitor(self.row))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)

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

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(12, 8, 12, 8)
        inner.addWidget(self.heading)
        inner.addWidget(self.quota_label)
        inner.addSpacing(4)
        inner.addWidget(self.form)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        inner.addSpacing(6)
        inner.addWidget(self.staff_title)
        inner.addWidget(self.staff, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.show_exhibitor(None)

    def is_dirty(self) -> bool:
        """Has the person typed something that is not saved?"""
        if self.row is None:
            return bool(self.name_zh.text().strip())
        return self.collect() != as_input(self.row)

    @property
    def exhibitor_id(self) -> int | None:
        return self.row.id if self.row else None

    def show_exhibitor(self, row: ExhibitorRow | None) -> None:
        self.row = row
        self.form.clear_errors()
        self.message.clear()
        data = as_input(row) if row else ExhibitorInput(name_zh="")
        for key in ("name_zh", "name_en", "short_name", "sector", "hall", "booth",
                    "contact_name", "contact_phone", "contact_email"):
            getattr(self, key).setText(getattr(data, key))
        self.staff_quota.setValue(data.staff_quota)
        if row is None:
            self.heading.setText("新建展商 New exhibitor")
            self.quota_label.setText("填写后点“保存”。 Fill in and press Save.")
            self.quota_label.setStyleSheet("color: #555;")
            self.staff_title.setText("展商人员 Staff")
            self.set_staff([])
            return
        self.heading.setText(row.name_zh)
        self.show_quota(row)

    def show_quota(self, row: ExhibitorRow) -> None:
        over = over_quota(row)
        text = f"在册人员 {row.staff_count} / 名额 {row.staff_quota} · staff {row.staff_count} of " \
               f"{row.staff_quota}"
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
        texts = {key: getattr(self, key).text() for key in (
            "name_zh", "name_en", "short_name", "sector", "hall", "booth", "contact_name",
            "contact_phone", "contact_email")}
        return replace(base, staff_quota=self.staff_quota.value(), **texts)

    def save(self) -> bool:
        data, ctx, row = self.collect(), self.ctx, self.row

        def write(session):  # type: ignore[no-untyped-def]
            if row is None:
                return create_exhibitor(session, data=data, operator=ctx.operator)
            return update_exhibitor(session, exhibitor_id=row.id, data=data,
                                    operator=ctx.operator)

        try:
            # Staff are found by their company's short name too: people change with it.
            result = ops.run_now(ctx, write, changes=(EXHIBITORS, PEOPLE), parent=self,
                                 show_errors=False)
        except ValidationFailed as exc:
            rest = self.form.show_errors(exc.fields)
            self._say("请更正标红的字段 — please correct the marked fields. " + " ".join(rest),
                      ok=False)
            return False
        except DomainError as exc:
            self._say(exc.message, ok=False)
            return False
        assert result is not None
        self.row = result
        self.heading.setText(result.name_zh)
        self.show_quota(result)
        self.form.clear_errors()
        self._say("已保存 Saved", ok=True)
        self.saved.emit(result.id)
        return True

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)


