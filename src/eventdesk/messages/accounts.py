"""Sentences of accounts, roles and signing in (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # Signing in
    "auth.bad_credentials": ("用户名或密码不正确", "Wrong username or password"),
    "auth.disabled": ("账号 {username} 已停用，请联系管理员",
                      "The account {username} is disabled; ask an administrator"),
    "auth.no_user": ("请先登录：用 --user 用户名（或环境变量 EVENTDESK_USER）指定账号，"
                     "密码在提示时输入（无终端时用 EVENTDESK_PASSWORD）",
                     "Sign in first: give --user NAME (or EVENTDESK_USER); the password is "
                     "asked for at the prompt (EVENTDESK_PASSWORD when there is no terminal)"),
    "auth.no_password": ("没有终端可输入密码：请设置环境变量 EVENTDESK_PASSWORD",
                         "No terminal to type the password: set EVENTDESK_PASSWORD"),
    "auth.no_new_password": ("没有终端可输入新密码：请加 --password-stdin 并从标准输入提供",
                             "No terminal to type the new password: add --password-stdin and "
                             "give it on standard input"),
    "auth.no_accounts": ("这个数据库还没有账号：请先创建第一个管理员："
                         "eventdesk user add 用户名 --role admin",
                         "This database has no accounts yet: create the first admin with: "
                         "eventdesk user add NAME --role admin"),
    "auth.first_admin_exists": ("已有账号，不能再创建“第一个管理员”；请由管理员登录后添加账号",
                                "Accounts exist already, so there is no first admin to create; "
                                "an admin adds accounts after signing in"),
    "auth.first_admin_role": ("第一个账号必须是管理员（--role admin）",
                              "The first account must be an admin (--role admin)"),
    "auth.wrong_user": ("只能用当前登录的账号 {username} 解锁",
                        "Only the signed-in account {username} can unlock"),
    "auth.password_prompt": ("{username} 的密码：", "Password for {username}: "),
    "auth.new_password_prompt": ("{username} 的新密码：", "New password for {username}: "),
    "auth.repeat_prompt": ("再输入一次：", "Repeat it: "),
    "auth.passwords_differ": ("两次输入的密码不一致，未作更改",
                              "The two passwords differ; nothing was changed"),
    # Accounts
    "accounts.unknown_user": ("没有账号 {username}", "There is no account {username}"),
    "accounts.username_blank": ("用户名不能为空", "the username is empty"),
    "accounts.username_characters": ("用户名不能含空格或控制字符",
                                     "a username cannot hold spaces or control characters"),
    "accounts.username_taken": ("用户名 {username} 已被使用", "the username {username} is taken"),
    "accounts.password_short": ("密码至少需要 {minimum} 个字符",
                                "the password needs at least {minimum} characters"),
    "accounts.last_admin": ("{username} 是最后一个启用的管理员，不能停用或改为其他角色",
                            "{username} is the last active admin and cannot be disabled or "
                            "given another role"),
    "accounts.added": ("已添加账号 {username}（{role}）", "Added the account {username} ({role})"),
    "accounts.password_set": ("已更改 {username} 的密码", "Changed the password of {username}"),
    "accounts.disabled": ("已停用账号 {username}", "Disabled the account {username}"),
    "accounts.role_set": ("{username} 的角色现在是 {role}", "{username} now has the {role} role"),
    "accounts.list.header": ("用户名\t角色\t状态\t最近登录",
                             "username\trole\tstate\tlast sign-in"),
    "accounts.state.active": ("启用", "active"),
    "accounts.state.disabled": ("已停用", "disabled"),
    "accounts.never": ("从未", "never"),
    "accounts.demo_users": ("演示账号（密码只显示这一次）：",
                            "Demo accounts (the passwords are shown this once):"),
    # Roles, as people read them
    "role.admin": ("管理员", "admin"),
    "role.organiser": ("组织者", "organiser"),
    "role.desk": ("签到台", "desk"),
    "role.print": ("印制", "print"),
    "field_label.username": ("用户名", "Username"),
    "field_label.password": ("密码", "Password"),
}
