"""数据 › 清除个人信息: the admin's purge of personal data after the event, from the window.

The same action as `eventdesk purge-personal-data` (actions.purge), after two confirmations: a
warning that says what is erased and kept, then typing PURGE (a slip of the mouse must not
erase an event). It runs off the GUI thread; the result says what was erased and kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from eventdesk import messages
from eventdesk.actions.purge import Purged, purge_personal_data
from eventdesk.domain import Category
from eventdesk.domain.access import Permission
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext
from eventdesk.ui.i18n import format_date, format_number, translate
from eventdesk.ui.labels import category_label


def title() -> str:
    """The menu item's and the dialogs' title."""
    return translate("PurgeDialog", "清除个人信息")


def warning() -> str:
    """What the purge erases and keeps, said before anything is erased."""
    return translate("PurgeDialog", "活动结束后，清除所有人员的姓名、电话、邮箱、"
                     "单位（展商人员除外）、报名编号、备注和胸卡码，以及展商联系人。"
                     "保留匿名统计：人数、类别、签到时间、签到台。此操作无法撤销。")


def may_purge(ctx: AppContext) -> bool:
    """Whether the signed-in user may purge (the menu shows the item only then; the action
    checks again)."""
    return ctx.user is not None and ctx.user.can(Permission.PURGE)


def confirmed(parent: QWidget) -> bool:
    """The two confirmations: the warning, then typing PURGE."""
    answer = QMessageBox.warning(parent, title(), warning(),
                                 QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                 QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    typed, ok = QInputDialog.getText(parent, title(), messages.text("purge.confirm"),
                                     QLineEdit.EchoMode.Normal, "")
    return ok and typed.strip().upper() in ("PURGE", "清除")


def report_text(done: Purged) -> str:
    """What the purge erased and kept, in the interface's language: categories by their
    labels, days and figures formatted for the language (the CLI prints the raw keys)."""
    kept = done.after
    sep = translate("PurgeDialog", "、")
    worded = {
        "categories": sep.join(f"{_category(k)} {format_number(v)}"
                               for k, v in kept.per_category.items()) or "—",
        "days": sep.join(f"{_day(k)} {format_number(v)}"
                         for k, v in kept.checkins_per_day.items()) or "—",
    }
    lines = []
    for code, params in done.report():
        numbers = {k: format_number(v) for k, v in params.items() if isinstance(v, int)}
        lines.append(messages.text(code, **{**params, **numbers,
                                            **(worded if code == "purge.kept" else {})}))
    return "\n".join(lines)


def _category(key: str) -> str:
    try:
        return category_label(Category(key))
    except ValueError:
        return key


def _day(iso: str) -> str:
    try:
        return format_date(date.fromisoformat(iso))
    except ValueError:
        return iso


def purge_from_window(parent: QWidget, ctx: AppContext, *,
                      on_done: Callable[[Purged], None] | None = None) -> ops.BackgroundOp | None:
    """Ask, then run the purge in a worker; its report (or error) is shown in a message box.
    None when the person did not confirm."""
    if not confirmed(parent):
        return None

    def done(result: Purged) -> None:
        QMessageBox.information(parent, title(), report_text(result))
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        QMessageBox.critical(parent, title(), ops.error_text(exc))

    return ops.run_action(ctx, lambda actx, progress: purge_personal_data(actx, progress=progress),
                          on_done=done, on_error=failed)
