"""The form beside the people table: edit the selected person or register a new one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit, QPlainTextEdit

from eventdesk import messages
from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.actions.records import save_person
from eventdesk.domain import Category, PersonStatus
from eventdesk.domain.enums import CONSENT_LABELS_EN, CONSENT_LABELS_ZH, Consent
from eventdesk.services.people import PersonInput, PersonRow, as_input
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.people.model import STATUS_LABELS_EN, STATUS_LABELS_ZH, booth_text, category_label
from eventdesk.ui.tables.panel import DetailPanel

NO_EXHIBITOR = "（不关联展商）— none"


class PersonPanel(DetailPanel[PersonRow, PersonInput]):

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, min_width=360, heading_scale=1.35)
        self._exhibitor_names: dict[int, str] = {}
        self.info = QLabel()
        self.info.setStyleSheet("color: #555;")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.name = self.form.add("name", "姓名 Name", QLineEdit())
        self.name_en = self.form.add("name_en", "英文名 English", QLineEdit())
        self.category = self.form.add("category", "类别 Category", QComboBox())
        for cat in Category:
            self.category.addItem(category_label(cat), cat)
        self.company = self.form.add("company", "公司 Company", QLineEdit())
        self.exhibitor = self.form.add("exhibitor_id", "展商 Exhibitor", QComboBox())
        self.exhibitor.setEditable(True)
        self.exhibitor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.exhibitor.setMaxVisibleItems(15)
        self.exhibitor.setMinimumContentsLength(16)
        self.exhibitor.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.exhibitor.activated.connect(self._exhibitor_chosen)
        self.title = self.form.add("title", "职务 Title", QLineEdit())
        self.phone = self.form.add("phone", "电话 Phone", QLineEdit())
        self.email = self.form.add("email", "邮箱 E-mail", QLineEdit())
        self.status = self.form.add("status", "状态 Status", QComboBox())
        for st in PersonStatus:
            self.status.addItem(f"{STATUS_LABELS_ZH[st]} {STATUS_LABELS_EN[st]}", st)
        self.consent = self.form.add("consent", "同意 Consent", QComboBox())
        self.consent.setToolTip("是否同意个人信息用于会务以外的用途（见 README 隐私规则）\n"
                                "Consent to personal data use beyond running the event")
        for choice in Consent:
            self.consent.addItem(f"{CONSENT_LABELS_ZH[choice]} {CONSENT_LABELS_EN[choice]}",
                                 choice)
        self.notes = self.form.add("notes", "备注 Notes", QPlainTextEdit())
        self.notes.setFixedHeight(72)
        self.set_exhibitors([])
        self._lay_out(above=(self.info,), spacing=6)

    # -- exhibitors to link to -------------------------------------------------------------
    def set_exhibitors(self, choices: list[tuple[int, str, str]]) -> None:
        current = self._current_exhibitor_id()
        self._exhibitor_names = {i: name for i, name, _booth in choices}
        self.exhibitor.blockSignals(True)
        self.exhibitor.clear()
        self.exhibitor.addItem(NO_EXHIBITOR, None)
        for i, name, booth in choices:
            self.exhibitor.addItem(f"{name}（{booth}）" if booth else name, i)
        completer = QCompleter(self.exhibitor.model(), self.exhibitor)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.exhibitor.setCompleter(completer)
        self.exhibitor.blockSignals(False)
        self._select_exhibitor(current)

    def _select_exhibitor(self, exhibitor_id: int | None) -> None:
        index = self.exhibitor.findData(exhibitor_id) if exhibitor_id is not None else 0
        if index < 0:  # the list is still loading: keep the link, say which one it is
            self.exhibitor.addItem(f"展商 #{exhibitor_id}", exhibitor_id)
            index = self.exhibitor.count() - 1
        self.exhibitor.setCurrentIndex(index)

    def _current_exhibitor_id(self) -> int | None:
        if self.exhibitor.count() == 0:
            return None
        value = self.exhibitor.currentData()
        return int(value) if value is not None else None

    def _exhibitor_chosen(self, index: int) -> None:
        # Staff of an exhibitor work for it: fill the company the first time they are linked.
        exhibitor_id = self.exhibitor.itemData(index)
        name = self._exhibitor_names.get(exhibitor_id) if exhibitor_id is not None else None
        if name and not self.company.text().strip():
            self.company.setText(name)

    # -- showing ---------------------------------------------------------------------------
    @property
    def person_id(self) -> int | None:
        return self.row_id

    def show_row(self, row: PersonRow | None) -> None:
        """Fill the form from `row`; None starts a blank form for a new registration."""
        self.row = row
        self.form.clear_errors()
        self.message.clear()
        self.fill(as_input(row) if row else PersonInput(name=""))
        # Masked contacts (a user without SEE_CONTACTS) are shown, never edited: the save keeps
        # the stored ones whatever these fields hold (actions.records.save_person).
        masked = row is not None and row.contacts_masked
        for field in (self.phone, self.email):
            field.setReadOnly(masked)
            field.setToolTip("已隐藏：你的角色不能查看联系方式 Masked: your role cannot see "
                             "contacts" if masked else "")
        if row is None:
            self.heading.setText("新建人员 New person")
            self.info.setText("填写后点“保存”登记。胸卡码在保存时生成。\n"
                              "Fill in and press Save; the badge code is made on saving.")
        else:
            self.heading.setText(row.name + ("（已取消 cancelled）" if
                                             row.status == PersonStatus.CANCELLED else ""))
            where = booth_text(row.hall, row.booth)
            self.info.setText("  ·  ".join(x for x in (
                f"胸卡码 {row.badge_code}", f"展位 {where}" if where else "",
                f"更新 {row.updated_at.astimezone():%Y-%m-%d %H:%M}") if x))

    def fill(self, data: PersonInput) -> None:
        self.name.setText(data.name)
        self.name_en.setText(data.name_en)
        self.category.setCurrentIndex(self.category.findData(Category(data.category)))
        self.company.setText(data.company)
        self._select_exhibitor(data.exhibitor_id)
        self.title.setText(data.title)
        self.phone.setText(data.phone)
        self.email.setText(data.email)
        self.consent.setCurrentIndex(self.consent.findData(Consent(data.consent)))
        self.status.setCurrentIndex(self.status.findData(PersonStatus(data.status)))
        self.notes.setPlainText(data.notes)

    def input_of(self, row: PersonRow) -> PersonInput:
        return as_input(row)

    def is_dirty(self) -> bool:
        """Has the person typed something that is not saved?"""
        if self.row is None:
            return bool(self.name.text().strip() or self.phone.text().strip()
                        or self.company.text().strip())
        return self.collect() != as_input(self.row)

    def start_new(self) -> None:
        self.show_row(None)
        self.name.setFocus()

    # -- saving ----------------------------------------------------------------------------
    def collect(self) -> PersonInput:
        base = as_input(self.row) if self.row else PersonInput(name="")
        exhibitor_id = self._current_exhibitor_id()
        typed = self.exhibitor.currentText().strip()
        if typed and typed != self.exhibitor.itemText(self.exhibitor.currentIndex()):
            found = self.exhibitor.findText(typed)
            exhibitor_id = self.exhibitor.itemData(found) if found >= 0 else -1
        return replace(
            base, name=self.name.text(), name_en=self.name_en.text(),
            category=self.category.currentData(), company=self.company.text(),
            exhibitor_id=exhibitor_id, title=self.title.text(), phone=self.phone.text(),
            email=self.email.text(), status=self.status.currentData(),
            notes=self.notes.toPlainText(), consent=self.consent.currentData(),
        )

    def check(self, data: PersonInput) -> dict[str, str]:
        if data.exhibitor_id == -1:  # typed a name that is not in the list
            return {"exhibitor_id": messages.text("person.exhibitor_not_listed")}
        return {}

    def save_action(self, data: PersonInput, row: PersonRow | None
                    ) -> Callable[[ActionContext, ops.Progress], Outcome[PersonRow]]:
        return lambda actx, _progress: save_person(actx, data=data, base=row)

    def name_of(self, data: PersonInput) -> str:
        return data.name

    def show_saved(self, result: PersonRow, was_new: bool) -> None:
        self.show_row(result)
        self._say(f"已登记 Registered · 胸卡码 {result.badge_code}" if was_new else "已保存 Saved",
                  ok=True)
