"""数据 › 清除个人信息: the admin's purge of personal data after the event, from the window.

The same action as `eventdesk purge-personal-data` (actions.purge), after two confirmations: a
warning that says what is erased and kept, then typing PURGE (a slip of the mouse must not
erase an event). It runs off the GUI thread; the result says what was erased and kept.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from eventdesk import messages
from eventdesk.actions.purge import Purged, purge_personal_data
from eventdesk.domain.access import Permission
from eventdesk.ui import ops
from eventdesk.ui.context import AppContext

TITLE = "清除个人信息 Purge personal data"
WARNING = ("活动结束后，清除所有人员的姓名、电话、邮箱、单位（展商人员除外）、报名编号、备注"
           "和胸卡码，以及展商联系人。保留匿名统计：人数、类别、签到时间、签到台。此操作无法撤销。\n\n"
           "After the event: erases every person's name, phone, e-mail, company (except exhibitor "
           "staff), registration reference, notes and badge code, and exhibitor contacts. Keeps "
           "anonymous figures: counts, categories, check-in times, desks. Cannot be undone.")


def may_purge(ctx: AppContext) -> bool:
    """Whether the signed-in user may purge (the menu shows the item only then; the action
    checks again)."""
    return ctx.user is not None and ctx.user.can(Permission.PURGE)


def confirmed(parent: QWidget) -> bool:
    """The two confirmations: the warning, then typing PURGE."""
    answer = QMessageBox.warning(parent, TITLE, WARNING,
                                 QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                 QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    typed, ok = QInputDialog.getText(parent, TITLE, messages.text("purge.confirm"),
                                     QLineEdit.EchoMode.Normal, "")
    return ok and typed.strip().upper() in ("PURGE", "清除")


def report_text(done: Purged) -> str:
    return "\n".join(messages.text(code, **params) for code, params in done.report())


def purge_from_window(parent: QWidget, ctx: AppContext, *,
                      on_done: Callable[[Purged], None] | None = None) -> ops.BackgroundOp | None:
    """Ask, then run the purge in a worker; its report (or error) is shown in a message box.
    None when the person did not confirm."""
    if not confirmed(parent):
        return None

    def done(result: Purged) -> None:
        QMessageBox.information(parent, TITLE, report_text(result))
        if on_done is not None:
            on_done(result)

    def failed(exc: BaseException) -> None:
        QMessageBox.critical(parent, TITLE, ops.error_text(exc))

    return ops.run_action(ctx, lambda actx, progress: purge_personal_data(actx, progress=progress),
                          on_done=done, on_error=failed)
