"""Sentences of badge signing: the key's state, unlocking, and why a badge cannot be printed."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "signing.locked": (
        "本机尚未解锁胸卡签名，不能打印胸卡：请组织者在“文件 → 解锁胸卡签名”输入签名口令"
        "（命令行：eventdesk signing unlock 或环境变量 EVENTDESK_SIGNING_PASSPHRASE）",
        "Badge signing is locked on this computer, so no badge can be printed: an organiser "
        "unlocks it with the signing passphrase (File → Unlock badge signing; command line: "
        "eventdesk signing unlock or EVENTDESK_SIGNING_PASSPHRASE)"),
    "signing.no_key": (
        "本活动还没有胸卡签名密钥，不能打印胸卡：请管理员先创建（eventdesk signing init）",
        "This event has no badge signing key yet, so no badge can be printed: an admin creates "
        "one first (eventdesk signing init)"),
    "signing.wrong_passphrase": ("签名口令不正确", "The signing passphrase is not correct"),
    "signing.key_exists": (
        "本活动已有签名密钥（{fingerprint}）；要更换请用 eventdesk signing rotate",
        "This event already has a signing key ({fingerprint}); to replace it use "
        "eventdesk signing rotate"),
    "signing.passphrase_short": ("签名口令至少 {minimum} 个字符",
                                 "The signing passphrase needs at least {minimum} characters"),
    "signing.passphrase_mismatch": ("两次输入的口令不一致", "The two passphrases differ"),
    "signing.passphrase_missing": (
        "需要签名口令：设置环境变量 EVENTDESK_SIGNING_PASSPHRASE，或在终端中运行以输入",
        "A signing passphrase is needed: set EVENTDESK_SIGNING_PASSPHRASE, or run this in a "
        "terminal to type it"),
    "signing.prompt": ("胸卡签名口令：", "Badge signing passphrase: "),
    "signing.prompt_new": ("新的胸卡签名口令（至少 {minimum} 个字符）：",
                           "New badge signing passphrase (at least {minimum} characters): "),
    "signing.prompt_again": ("再输入一次：", "Once more: "),
    "signing.status.none": ("胸卡签名：尚无密钥", "Badge signing: no key yet"),
    "signing.status.unlocked": ("胸卡签名：已在本机解锁（密钥 {fingerprint}）",
                                "Badge signing: unlocked on this computer (key {fingerprint})"),
    "signing.status.locked": ("胸卡签名：本机未解锁（密钥 {fingerprint}）",
                              "Badge signing: locked on this computer (key {fingerprint})"),
    "signing.status.detail": (
        "  创建：{created_at}，{created_by}；可验证的密钥 {keys} 个；旧版（ED1）胸卡 {legacy} 张",
        "  created {created_at} by {created_by}; {keys} key(s) verified; {legacy} older (ED1) "
        "badges still valid"),
    "signing.created": ("已创建胸卡签名密钥 {fingerprint}，本机已解锁",
                        "Badge signing key {fingerprint} created and unlocked here"),
    "signing.unlocked": ("胸卡签名已解锁（密钥 {fingerprint}）",
                         "Badge signing unlocked (key {fingerprint})"),
    "signing.locked_now": ("胸卡签名已在本机锁定", "Badge signing locked on this computer"),
    # the window's dialog
    "signing.menu.unlock": ("解锁胸卡签名…", "Unlock badge signing…"),
    "signing.dialog.title": ("解锁胸卡签名", "Unlock badge signing"),
    "signing.dialog.explain": (
        "打印胸卡需要签名。请组织者输入签名口令；解锁只保存在本机内存中，程序关闭即失效。"
        "只扫码签到的电脑不需要解锁。",
        "Printing badges needs the signing key. An organiser types the signing passphrase; the "
        "key stays in this computer's memory only, until the program closes. Desks that only "
        "scan need not unlock."),
    "signing.dialog.passphrase": ("签名口令", "Signing passphrase"),
    "signing.dialog.unlock": ("解锁", "Unlock"),
    "signing.dialog.working": ("正在解锁…", "Unlocking…"),
}
