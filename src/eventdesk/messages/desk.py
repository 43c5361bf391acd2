"""Sentences of the registration desk: scans, check-ins, undo, walk-ins, desk prints, pick-up.

Services and actions return codes (a check-in result's `code` and `params`, a rejected scan's
`reason`); the desk view and `eventdesk checkin` word them here. `desk_label` is the one place a
desk's name becomes words ("3" -> "3 号台" / "desk 3").
"""

from __future__ import annotations

from eventdesk.messages import text

CATALOGUE: dict[str, tuple[str, str]] = {
    "desk.label": ("{desk} 号台", "desk {desk}"),
    "desk.no_company": ("无单位", "no company"),
    # check-in results (CheckInResult.code)
    "desk.checkin.done": ("{name} 签到成功", "{name} checked in"),
    "desk.checkin.already": ("{name} 已于 {when} 在 {where}签到",
                             "{name} was already checked in at {when} at {where}"),
    "desk.checkin.confirm_external": (
        "不是本活动的二维码；外部编号对应 {name}（{company}），请确认后签到",
        "Not a badge of this event; its external reference belongs to {name} ({company}): "
        "confirm, then check in"),
    "desk.checkin.rejected": ("拒绝：{detail}", "Rejected: {detail}"),
    "desk.scan.forged": ("二维码签名不符，可能是伪造的胸卡",
                         "The QR signature does not match: possibly a forged badge"),
    "desk.scan.other_event": ("这是其他活动（{event_code}）的胸卡",
                              "This badge belongs to another event ({event_code})"),
    "desk.scan.malformed": ("二维码格式不正确", "The QR code is not in the badge format"),
    "desk.scan.too_long": ("二维码内容过长", "The QR code is too long"),
    "desk.scan.unknown": ("不是本活动的二维码，也找不到对应的外部报名编号",
                          "Not a badge of this event, and no registration has this external "
                          "reference"),
    "desk.scan.no_holder": ("签名有效，但找不到这张胸卡的持有人",
                            "The signature is valid, but nobody holds this badge"),
    "desk.scan.revoked": ("这张胸卡已作废（{name} 已补办新胸卡）",
                          "This badge is void ({name} has been given a new one)"),
    "desk.scan.cancelled": ("{name} 的报名已取消", "{name}'s registration is cancelled"),
    "desk.scan.external_unconfirmed": (
        "不是本活动的二维码；外部编号对应 {name}（{company}）"
        "（命令行未确认：使用 --accept-external）",
        "Not a badge of this event; its external reference belongs to {name} ({company}) "
        "(not confirmed on the command line: use --accept-external)"),
    # a scan read through another keyboard layout (services.checkin, domain.keyboard)
    "desk.scan.layout_hint": (
        "扫码枪与本机的键盘布局不一致（{layouts}），胸卡按纠正后的内容核验；"
        "请把扫码枪的键盘布局设成与本机相同",
        "The scanner and this computer use different keyboard layouts ({layouts}); the badge "
        "was verified as corrected. Set the scanner's keyboard layout to this computer's"),
    "desk.layout.us": ("美式英文 QWERTY", "US QWERTY"),
    "desk.layout.de": ("德文 QWERTZ", "German QWERTZ"),
    "desk.layout.fr": ("法文 AZERTY", "French AZERTY"),
    "desk.layout.tr": ("土耳其文 Q", "Turkish Q"),
    # rejection reasons as the status panel's title (the CLI contract's reason codes)
    "desk.reason.forged": ("二维码签名不符（疑似伪造）", "signature mismatch (probably forged)"),
    "desk.reason.other_event": ("其他活动的胸卡", "badge of another event"),
    "desk.reason.revoked": ("胸卡已作废", "badge revoked"),
    "desk.reason.cancelled": ("报名已取消", "registration cancelled"),
    "desk.reason.unknown": ("无法识别的胸卡", "unknown badge"),
    "desk.reason.malformed": ("二维码格式不正确", "malformed QR code"),
    # the status panel (its big symbol ✓ ! ✗ ? stands beside these titles: ui/desk/status.py)
    "desk.status.checked_in": ("签到成功　{name}", "Checked in: {name}"),
    "desk.status.already": ("已签到　{sentence}", "{sentence}"),  # it says "already checked in"
    "desk.status.confirm": ("外部报名编号：{name} — 核对后按 Enter 签到",
                            "External reference: {name} — check, then press Enter"),
    "desk.status.rejected": ("拒绝：{reason}", "Rejected: {reason}"),
    "desk.status.undone": ("已撤销　{name} 的签到", "Check-in of {name} undone"),
    "desk.status.undone_detail": ("撤销已记入操作日志", "The undo is in the audit log"),
    "desk.database.failed": (
        "数据库出错（{kind}），本次操作没有完成", "Database error ({kind}); nothing was done"),
    "desk.status.failed": ("操作未完成", "Not done"),
    # live updates and server trouble (ui/live.py, the desk view)
    "desk.status.not_checked_in": ("未签到：连不上数据库", "Not checked in: the database did "
                                   "not answer"),
    "desk.status.scan_again": (
        "这次扫码没有确认签到。连接恢复后请重新扫码（若其实已记录，会显示“已签到”）。",
        "This scan was not confirmed as a check-in. Scan again once the connection is back "
        "(if it was recorded after all, the desk will say “already checked in”)."),
    "desk.live.offline": (
        "服务器连接中断，正在重连…　签到要等连接恢复；已显示的信息可能不是最新的。",
        "Server unreachable, reconnecting…  Check-ins wait for the connection; what is shown "
        "may be out of date."),
    "desk.live.checked_in_elsewhere": ("{name} 已在 {where}签到（{when}）",
                                       "{name} has been checked in at {where} ({when})"),
    "desk.status.select_to_print": ("请先选中要打印胸卡的人", "Select the person to print for"),
    "desk.status.select_to_reprint": ("请先选中要补打胸卡的人",
                                      "Select the person to reprint for"),
    "desk.status.print_failed": ("打印失败", "Printing failed"),
    "desk.status.printed": ("打印完成", "Printed"),
    "desk.header": ("签到台 · {where} · {event} · 今日已签到 {count} 人",
                    "Desk · {where} · {event} · checked in today: {count}"),
    "desk.no_event": ("（无活动）", "(no event)"),
    # undo
    "desk.undo.nothing": ("本台最近 {minutes} 分钟内没有可撤销的签到",
                          "No check-in at this desk in the last {minutes} minutes to undo"),
    "desk.undo.person_gone": ("签到对应的人员已不存在", "The checked-in person no longer exists"),
    "desk.person_not_found": ("找不到编号为 {person_id} 的人员",
                              "No person with number {person_id}"),
    # walk-in
    "desk.walkin.quota_exceeded": (
        "{exhibitor} 的人员名额为 {quota}，已登记 {staff} 人；超出名额需主办方确认",
        "{exhibitor} may register {quota} staff and has {staff}; more needs an organiser's "
        "confirmation"),
    "desk.duplicate.phone": ("同一手机号", "same phone"),
    "desk.duplicate.email": ("同一邮箱", "same e-mail"),
    "desk.duplicate.name_company": ("同名同单位", "same name and company"),
    # badges printed at the desk
    "desk.print_reason.first": ("首次打印", "first print"),
    "desk.print_reason.lost": ("遗失", "lost"),
    "desk.print_reason.damaged": ("损坏", "damaged"),
    "desk.print_reason.wrong_data": ("信息有误", "wrong details"),
    "desk.print_reason.printer_fault": ("打印机故障", "printer fault"),
    "desk.print_reason.other": ("其他", "other"),
    "desk.print.reason_note": ("{reason}：{note}", "{reason}: {note}"),
    "desk.print.note_needed": ("请用一句话写明补打原因（最多 {limit} 字）",
                               "Say in a few words why the badge is reprinted (at most {limit} "
                               "characters)"),
    "desk.print.done": ("已打印：{what}（{reason}）· {output}",
                        "Printed: {what} ({reason}) · {output}"),
    "desk.print.redone": ("已补打：{what}（{reason}）· {output}",
                          "Reprinted: {what} ({reason}) · {output}"),
    "desk.print.nth_badge": ("{name} 第 {count} 张胸卡", "{name}, badge no. {count}"),
    "desk.print.badges": ("{count} 张胸卡", "{count} badges"),
    "desk.print.saved": ("胸卡已保存为 {path}", "Badge saved as {path}"),
    "desk.print.sent": ("已发送到打印机 {printer}", "Sent to printer {printer}"),
    "desk.print.printer_failed": ("打印失败（{printer}）：{error}",
                                  "Printing failed ({printer}): {error}"),
    "desk.print.cannot_start": ("打印机 {printer} 无法开始打印", "Printer {printer} cannot start"),
    "desk.print.ask_reason_title": ("补打胸卡", "Reprint badge"),
    "desk.print.ask_reason": ("{name} 已打印过胸卡。补打原因：",
                              "{name} has a printed badge. Reason for the reprint:"),
    "desk.print.badge_changed": ("{name} 的胸卡刚在别处补办过；这次打印的胸卡无效，请重新补打",
                                 "{name}'s badge was just replaced elsewhere; the badge printed "
                                 "now is not valid: reprint again"),
    # exhibitor pick-up
    "desk.pickup.handed": ("本次交付 {count} 张", "{count} handed over now"),
    "desk.pickup.choose": ("选择展商", "Choose an exhibitor"),
    "desk.pickup.no_match": ("没有匹配的展商", "No exhibitor matches"),
    "desk.pickup.loading": ("正在读取展商人员…", "Reading the exhibitor's staff…"),
}


def desk_label(desk: str) -> str:
    """How a desk is named in a sentence: '3' -> '3 号台' / 'desk 3'; a named desk stays."""
    return text("desk.label", desk=desk) if desk.isdigit() else desk


def desk_text(code: str, /, **params: object) -> str:
    """`messages.text` for desk codes: a `desk` parameter is also offered as `where` (its
    desk_label) and an empty `company` is worded as "no company"."""
    if "desk" in params and "where" not in params:
        params["where"] = desk_label(str(params["desk"]))
    if params.get("company") == "":
        params["company"] = text("desk.no_company")
    return text(code, **params)


def reason_text(reason: str | None) -> str:
    """The short title of a rejection reason (forged, other_event, revoked, cancelled, unknown,
    malformed); an unknown reason is shown as it is."""
    code = f"desk.reason.{reason or 'unknown'}"
    worded = text(code)
    return worded if worded != code else (reason or "")


def layout_hint(layouts: tuple[str, str] | None) -> str:
    """What to tell the operator about a scan read through another keyboard layout (the
    result's `layouts`: the scanner's and this computer's, domain.keyboard); "" when none."""
    if layouts is None:
        return ""
    names = " / ".join(text(f"desk.layout.{name}") for name in layouts)
    return text("desk.scan.layout_hint", layouts=names)


def result_sentence(*, result: str, code: str, params: dict[str, object]) -> str:
    """The one sentence for a check-in result, as the CLI prints it: a rejected result's
    sentence begins with "拒绝：" / "Rejected: "."""
    sentence = desk_text(code, **params)
    if result == "rejected":
        return text("desk.checkin.rejected", detail=sentence)
    return sentence
