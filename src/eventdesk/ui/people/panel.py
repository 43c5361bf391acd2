"""The form beside the people table: edit the selected person or register a new one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit, QPlainTextEdit

from eventdesk import messages
from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.actions.records import save_person
from eventdesk.domain import Category, PersonStatus
from eventdesk.domain.enums import Consent
from eventdesk.services.people import PersonInput, PersonRow, as_input
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import format_datetime, translate
from eventdesk.ui.labels import category_label
from eventdesk.ui.people.model import booth_text, consent_label, status_label
from eventdesk.ui.tables.panel import DetailPanel


class PersonPanel(DetailPanel[PersonRow, PersonInput]):

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx, min_width=360, heading_scale=1.35)
        self._exhibitor_names: dict[int, str] = {}
        self.info = QLabel()
        self.info.setStyleSheet("color: #555;")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.name = self.form.add("name", translate("PersonPanel", "姓名"), QLineEdit())
        self.name_en = self.form.add("name_en", translate("PersonPanel", "英文名"), QLineEdit())
        self.category = self.form.add("category", translate("PersonPanel", "类别"), QComboBox())
        for cat in Category:
            self.category.addItem(category_label(cat), cat)
        self.company = self.form.add("company", translate("PersonPanel", "公司"), QLineEdit())
        self.exhibitor = self.form.add("exhibitor_id", translate("PersonPanel", "展商"),
                                       QComboBox())
        self.exhibitor.setEditable(True)
        self.exhibitor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.exhibitor.setMaxVisibleItems(15)
        self.exhibitor.setMinimumContentsLength(16)
        self.exhibitor.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.exhibitor.activated.connect(self._exhibitor_chosen)
        self.title = self.form.add("title", translate("PersonPanel", "职务"), QLineEdit())
        self.phone = self.form.add("phone", translate("PersonPanel", "电话"), QLineEdit())
        self.email = self.form.add("email", translate("PersonPanel", "邮箱"), QLineEdit())
        self.status = self.form.add("status", translate("PersonPanel", "状态"), QComboBox())
        for st in PersonStatus:
            self.status.addItem(status_label(st), st)
        self.consent = self.form.add("consent", translate("PersonPanel", "同意"), QComboBox())
        self.consent.setToolTip(translate(
            "PersonPanel", "是否同意个人信息用于会务以外的用途（隐私规则）"))
        for choice in Consent:
            self.consent.addItem(consent_label(choice), choice)
        self.notes = self.form.add("notes", translate("PersonPanel", "备注"), QPlainTextEdit())
        self.notes.setFixedHeight(72)
        self.set_exhibitors([])
        self._lay_out(above=(self.info,), spacing=6)

    # -- exhibitors to link to -------------------------------------------------------------
    def set_exhibitors(self, choices: list[tuple[int, str, str]]) -> None:
        current = self._current_exhibitor_id()
        self._exhibitor_names = {i: name for i, name, _booth in choices}
        self.exhibitor.blockSignals(True)
        self.exhibitor.clear()
        self.exhibitor.addItem(translate("PersonPanel", "（不关联展商）"), None)
        with_booth = translate("PersonPanel", "{name}（{booth}）")
        for i, name, booth in choices:
            self.exhibitor.addItem(with_booth.format(name=name, booth=booth) if booth else name, i)
        completer = QCompleter(self.exhibitor.model(), self.exhibitor)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.exhibitor.setCompleter(completer)
        self.exhibitor.blockSignals(False)
        self._select_exhibitor(current)

    def _select_exhibitor(self, exhibitor_id: int | None) -> None:
        index = self.exhibitor.findData(exhibitor_id) if exhibitor_id is not None else 0
        if index < 0:  # the list is still loading: keep the link, say which one it is
            self.exhibitor.addItem(translate("PersonPanel", "展商 #{number}")
                                  .format(number=exhibitor_id), exhibitor_id)
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
            field.setToolTip(translate("PersonPanel", "已隐藏：你的角色不能查看联系方式")
                             if masked else "")
        if row is None:
            self.heading.setText(translate("PersonPanel", "新建人员"))
            self.info.setText(translate("PersonPanel", "填写后点“保存”登记。胸卡码在保存时生成。"))
        else:
            self.heading.setText(row.name + (translate("PersonPanel", "（已取消）") if
                                             row.status == PersonStatus.CANCELLED else ""))
            where = booth_text(row.hall, row.booth)
            # Times as the event's clocks show them, wherever this machine is.
            tz = self.ctx.event_info.tz if self.ctx.event_info else ZoneInfo("Asia/Shanghai")
            self.info.setText("  ·  ".join(x for x in (
                translate("PersonPanel", "胸卡码 {code}").format(code=row.badge_code),
                translate("PersonPanel", "展位 {booth}").format(booth=where) if where else "",
                translate("PersonPanel", "更新于 {when}").format(
                    when=format_datetime(row.updated_at.astimezone(tz)))) if x))

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
        self._say(translate("PersonPanel", "已登记 · 胸卡码 {code}").format(code=result.badge_code)
                  if was_new else translate("PersonPanel", "已保存"), ok=True)
