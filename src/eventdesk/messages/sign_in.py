"""What the window says about signing in, the desk lock and the accounts dialog (issue 12)."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "signin.who": ("{user}（{role}）", "{user} ({role})"),
    "signin.prompt": ("请输入用户名和密码", "Enter your user name and password"),
    "signin.locked": ("已锁定：{who} 在 {desk}", "Locked: {who} at {desk}"),
    "signin.locked_hint": ("输入 {user} 的密码解锁，或换班时切换用户",
                           "Type {user}'s password to unlock, or switch user at a shift change"),
    "signin.wrong": ("用户名或密码不对，请重新输入密码",
                     "The user name or password is wrong; type the password again"),
    "signin.wrong_unlock": ("密码不对，请重新输入",
                            "The password is wrong; type it again"),
    "signin.fill_in": ("请输入用户名和密码", "Please type your user name and password"),
    "signin.working": ("正在核对…", "Checking…"),
    "signin.scan_refused": ("扫码未处理：请先登录，再扫胸卡",
                            "The scan was not taken: sign in first, then scan the badge"),
    "signin.demo_accounts": ("演示活动的账户（只在这次显示，请记下）：",
                             "Accounts of the demo event (shown this once; note them):"),
    "signin.first_admin": ("这个数据库还没有账户。请先创建第一个管理员账户，"
                           "之后由管理员添加其他账户。",
                           "This database has no accounts yet. Create the first admin account; "
                           "the admin then adds the others."),
    "signin.mismatch": ("两次输入的密码不一致", "The two passwords differ"),
    "signin.view_refused": ("“{view}”需要其他角色（当前用户 {who}）",
                            "“{view}” needs another role (signed in: {who})"),
    "signin.scan_not_allowed": ("扫码未处理：当前用户 {who} 不能签到",
                                "The scan was not taken: {who} may not check people in"),
    "signin.status": ("用户 {who}", "User {who}"),
    "signin.password_changed": ("密码已修改", "The password was changed"),
    "signin.user_added": ("已添加账户 {user}", "Account {user} added"),
    "signin.user_disabled": ("已停用账户 {user}", "Account {user} disabled"),
    "signin.role_set": ("{user} 的角色已改为“{role}”", "{user} now has the {role} role"),
    "signin.password_reset": ("{user} 的密码已重设", "{user}'s password was reset"),
    "signin.choose_user": ("请先在列表中选择一个账户", "Choose an account in the list first"),
}
