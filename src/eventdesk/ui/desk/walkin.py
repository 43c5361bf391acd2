"""Walk-in registration at the desk: a short form, likely duplicates offered before saving,
the exhibitor quota with an organiser's override; saving creates, checks in and prints.
Looking for duplicates, saving and checking in run as one desk action off the GUI thread.

The company field looks exhibitors up as the operator types (off the GUI thread; only the answer
to the latest text is used) and offers them in a completer and in the 展商 box. The exhibitor
chosen — picked from the completer or the box, or the best match once the category is 展商,
whichever was filled first — is the one linked, and the company saved is that exhibitor's name,
never the fragment typed to find it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eventdesk.actions import desk as desk_actions
from eventdesk.actions.base import ActionContext, Outcome
from eventdesk.actions.desk import DeskCheckIn, WalkIn
from eventdesk.domain import Category
from eventdesk.domain.enums import Consent
from eventdesk.domain.errors import ValidationFailed
from eventdesk.messages import describe, field_texts
from eventdesk.messages.desk import desk_text
from eventdesk.services import desk as desk_service
from eventdesk.services.checkin import CheckInResult
from eventdesk.services.desk import Duplicate
from eventdesk.services.exhibitors import ExhibitorRow
from eventdesk.services.people import PersonInput, validate_person
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import QT_TRANSLATE_NOOP, translate
from eventdesk.ui.labels import category_label

FIELDS = ("name", "company", "phone", "email", "title")
LABELS = {"name": QT_TRANSLATE_NOOP("WalkInDialog", "姓名 *"),
          "company": QT_TRANSLATE_NOOP("WalkInDialog", "单位"),
          "phone": QT_TRANSLATE_NOOP("WalkInDialog", "手机"),
          "email": QT_TRANSLATE_NOOP("WalkInDialog", "邮箱"),
          "title": QT_TRANSLATE_NOOP("WalkInDialog", "职务")}


class WalkInDialog(QDialog):
    def __init__(self, ctx: AppContext, *, desk: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.desk = ctx, desk
        self.checked_in: DeskCheckIn | None = None
        self._op: ops.BackgroundOp | None = None  # the running action, if any
        self.duplicates: list[Duplicate] = []
        self._confirmed_new = False
        self.setWindowTitle(translate("WalkInDialog", "现场登记"))
        self.setMinimumWidth(560)  # the consent sentence, in English, on one line
        root = QVBoxLayout(self)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.category = QComboBox()
        for cat in Category:
            self.category.addItem(category_label(cat), cat.value)
        self.category.setCurrentIndex(self.category.findData(Category.VISITOR.value))
        self.exhibitor = QComboBox()
        self.exhibitor.addItem(translate("WalkInDialog", "（不是展商人员）"), None)
        self.exhibitor.activated.connect(self._exhibitor_picked)
        self.category.currentIndexChanged.connect(lambda _i: self._category_changed())
        # Exhibitor look-ups: only the answer to the latest company text is used.
        self._lookups = ops.Latest(lane=ops.SEARCH_LANE)  # exhibitor look-ups as typed
        self.looking_up = False
        self._submit_when_found = False  # Save pressed while the look-up was on its way
        self._names: dict[int, str] = {}  # exhibitor id -> its Chinese name, of the last answer
        self.suggestions = QStandardItemModel(self)
        self.completer = QCompleter(self.suggestions, self)
        # Every answer is a match already (pinyin initials, booth, short name): no prefix filter.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.activated.connect(self._suggestion_picked)  # the name picked
        for key in FIELDS:
            edit = QLineEdit()
            error = QLabel()
            error.setStyleSheet("color: #b42318;")
            error.setVisible(False)
            self.edits[key], self.errors[key] = edit, error
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(error)
            form.addRow(translate("WalkInDialog", LABELS[key]), column)
            if key == "company":
                form.addRow(translate("WalkInDialog", "类别"), self.category)
                form.addRow(translate("WalkInDialog", "展商"), self.exhibitor)
                edit.setCompleter(self.completer)
                edit.textEdited.connect(self._find_exhibitors)
        root.addLayout(form)
        self.dup_label = QLabel(translate("WalkInDialog",
                                          "可能已登记（同一手机号 / 邮箱 / 同名同单位）："))
        self.dup_label.setStyleSheet("color: #b25e09; font-weight: 600;")
        self.dup_list = QListWidget()
        self.use_existing_button = QPushButton(translate("WalkInDialog", "使用已登记的人员并签到"))
        self.use_existing_button.clicked.connect(self.use_existing)
        for w in (self.dup_label, self.dup_list, self.use_existing_button):
            w.setVisible(False)
            root.addWidget(w)
        # Asked, not assumed (PIPL): unticked leaves consent unknown, which counts as not given.
        self.consent_box = QCheckBox(translate(
            "WalkInDialog", "本人同意个人信息用于会务以外的用途（如展商、合作方名单）"))
        root.addWidget(self.consent_box)
        self.print_box = QCheckBox(translate("WalkInDialog", "保存后打印胸卡"))
        self.print_box.setChecked(True)
        root.addWidget(self.print_box)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(translate("WalkInDialog", "保存并签到"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        cancel = QPushButton(translate("WalkInDialog", "取消"))
        cancel.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        root.addLayout(buttons)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b42318;")
        root.addWidget(self.message)
        # Answers an organiser gives when the exhibitor quota is full (tests replace it).
        self.confirm_override = self._confirm_override

    @property
    def print_badge(self) -> bool:
        return self.print_box.isChecked()

    # -- the exhibitor: looked up as typed, linked as chosen -------------------------------------
    def _find_exhibitors(self, text: str) -> None:
        if len(text.strip()) < 2:
            self._lookups.forget()
            self.looking_up = False
            return
        self.looking_up = True
        self._lookups.run_action(self.ctx, lambda actx, _p: desk_actions.find_exhibitors(
            actx, query=text, limit=20),
            on_done=self._offer_exhibitors, on_error=self._lookup_failed, owner=self)

    def _lookup_failed(self, exc: BaseException) -> None:
        self.looking_up = False
        self._submit_when_found = False
        self.message.setText(describe(exc))

    def _offer_exhibitors(self, rows: list[ExhibitorRow]) -> None:
        self.looking_up = False
        self._names = {r.id: r.name_zh for r in rows}
        self.exhibitor.clear()
        self.exhibitor.addItem(translate("WalkInDialog", "（不是展商人员）"), None)
        self.suggestions.clear()
        for r in rows:
            self.exhibitor.addItem(
                f"{r.name_zh}  {r.hall} {r.booth}  ({r.staff_count}/{r.staff_quota})", r.id)
            item = QStandardItem(r.name_zh)
            item.setData(r.id, Qt.ItemDataRole.UserRole)
            item.setToolTip(f"{r.hall} {r.booth}")
            self.suggestions.appendRow(item)
        if rows and self._is_exhibitor_staff():
            self.exhibitor.setCurrentIndex(1)  # the best match, until the operator picks one
        company = self.edits["company"]
        if rows and company.hasFocus():
            self.completer.complete()
        if self._submit_when_found:
            self._submit_when_found = False
            self.submit()

    def _is_exhibitor_staff(self) -> bool:
        return bool(self.category.currentData() == Category.EXHIBITOR.value)

    def _category_changed(self) -> None:
        """展商 chosen after the company was typed: link the best match of what was typed."""
        if not self._is_exhibitor_staff() or self.exhibitor.currentData() is not None:
            return
        if self.exhibitor.count() > 1:
            self.exhibitor.setCurrentIndex(1)
        else:
            self._find_exhibitors(self.edits["company"].text())

    def _suggestion_picked(self, name: str) -> None:
        # The suggestions are the last answer's exhibitors, named as listed (names are unique).
        exhibitor_id = next((i for i, n in self._names.items() if n == name), None)
        if exhibitor_id is not None:
            self._link(exhibitor_id)

    def _exhibitor_picked(self, _row: int) -> None:
        exhibitor_id = self.exhibitor.currentData()
        if exhibitor_id is not None:
            self._link(int(exhibitor_id))

    def _link(self, exhibitor_id: int) -> None:
        """The operator chose this exhibitor: link it, and the company is its name."""
        self.exhibitor.setCurrentIndex(max(0, self.exhibitor.findData(exhibitor_id)))
        name = self._names.get(exhibitor_id)
        if name:
            self.edits["company"].setText(name)  # setText: no new look-up (textEdited only)

    @property
    def linked_exhibitor(self) -> int | None:
        """The exhibitor the walk-in will be linked to, or None."""
        value = self.exhibitor.currentData()
        return int(value) if value is not None else None

    def _input(self) -> PersonInput:
        text = {k: e.text() for k, e in self.edits.items()}
        exhibitor_id = self.linked_exhibitor
        # A linked person works for the exhibitor: its name, not the fragment typed to find it.
        company = self._names.get(exhibitor_id, text["company"]) if exhibitor_id is not None \
            else text["company"]
        return PersonInput(name=text["name"], company=company, phone=text["phone"],
                           email=text["email"], title=text["title"],
                           category=str(self.category.currentData()),
                           exhibitor_id=exhibitor_id,
                           consent=Consent.GIVEN if self.consent_box.isChecked()
                           else Consent.UNKNOWN)

    def _show_errors(self, fields: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(fields.get(key, ""))
            label.setVisible(key in fields)
        other = {k: v for k, v in fields.items() if k not in self.errors}
        self.message.setText(translate("WalkInDialog", "；").join(other.values()))

    @property
    def result_checkin(self) -> CheckInResult | None:
        """The check-in this dialog made (None until it made one)."""
        return self.checked_in.result if self.checked_in is not None else None

    @property
    def busy(self) -> bool:
        return self._op is not None

    def _run(self, action: Callable[[ActionContext], Outcome[Any]],
             on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> None:
        if self._op is not None:
            return  # one press, one action
        desk = self.desk

        def done(value: Any) -> None:
            self._op = None
            self._enable(True)
            on_done(value)

        def failed(exc: BaseException) -> None:
            self._op = None
            self._enable(True)
            on_error(exc)

        self._enable(False)
        self._op = ops.run_action(self.ctx, lambda actx, _p: action(replace(actx, desk=desk)),
                                  on_done=done, on_error=failed)

    def _enable(self, on: bool) -> None:
        self.save_button.setEnabled(on)
        self.use_existing_button.setEnabled(on)

    def submit(self) -> None:
        """Validate, look for duplicates (once), then save + check in."""
        if self.looking_up:  # save what the look-up links, not what was typed before it
            self._submit_when_found = True
            return
        try:
            data = validate_person(self._input())
        except ValidationFailed as exc:
            self._show_errors(field_texts(exc))
            return
        self._show_errors({})
        self._save(data, override=False)

    def _offer(self, dups: tuple[Duplicate, ...]) -> None:
        self.duplicates = list(dups)
        self.dup_list.clear()
        for d in dups:
            p = d.person
            label = desk_text(f"desk.duplicate.{d.why}")
            # Contacts come masked from the action unless this user may see them.
            item = QListWidgetItem(translate("WalkInDialog", "{why}：{person}").format(
                why=label, person="  ·  ".join(  # one separator in either language
                    part for part in (p.name, p.company, p.phone_masked, p.email) if part)))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.dup_list.addItem(item)
        self.dup_list.setCurrentRow(0)
        for w in (self.dup_label, self.dup_list, self.use_existing_button):
            w.setVisible(True)
        self.save_button.setText(translate("WalkInDialog", "仍然新建并签到"))
        self._confirmed_new = True  # a second press saves a new person on purpose
        self.use_existing_button.setFocus()

    def use_existing(self) -> None:
        row = self.dup_list.currentRow()
        if row < 0:
            return
        pid = int(self.dup_list.item(row).data(Qt.ItemDataRole.UserRole))

        def done(shown: DeskCheckIn) -> None:
            self.checked_in = shown
            self.print_box.setChecked(False)  # a registered person may hold a badge already
            self.accept()

        self._run(lambda actx: desk_actions.check_in(actx, person_id=pid,
                                                     via="walk_in_duplicate"),
                  done, lambda exc: self.message.setText(describe(exc)))

    def _save(self, data: PersonInput, *, override: bool) -> None:
        new_person = self._confirmed_new

        def done(walk_in: WalkIn) -> None:
            if walk_in.duplicates:
                self._offer(walk_in.duplicates)
            elif walk_in.checked_in is not None:
                self.checked_in = walk_in.checked_in
                self.accept()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, desk_service.QuotaExceeded):
                if not override and self.confirm_override(describe(exc)):
                    self._save(data, override=True)
                else:
                    self.message.setText(describe(exc))
            elif isinstance(exc, ValidationFailed):
                self._show_errors(field_texts(exc))
            else:
                self.message.setText(describe(exc))

        self._run(lambda actx: desk_actions.register_walk_in(
            actx, data=data, new_person=new_person, override_quota=override), done, failed)

    def override_box(self, message: str) -> QMessageBox:
        """The organiser's question when the exhibitor quota is full (not yet shown)."""
        return QMessageBox(
            QMessageBox.Icon.Question, translate("WalkInDialog", "超出展商名额"),
            translate("WalkInDialog", "{message}\n\n主办方是否确认超额登记？（将记入操作日志）")
            .format(message=message),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)

    def _confirm_override(self, message: str) -> bool:
        return self.override_box(message).exec() == QMessageBox.StandardButton.Yes
