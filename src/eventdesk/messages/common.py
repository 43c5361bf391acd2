"""Sentences shared by every area (code -> (zh, en)): the domain errors' default codes, field
problems any form can have, field names, and what the command line and the window say."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "file_error": ("无法读写文件 {path}：{reason}",
                   "Cannot read or write the file {path}: {reason}"),
    "unexpected_error": ("意外错误（{kind}），操作未完成",
                         "Unexpected error ({kind}); nothing was done"),
    # Default codes of the domain error classes (eventdesk.domain.errors), for a raise that
    # names no case of its own.
    "error": ("操作未完成", "The operation was not completed"),
    "not_found": ("找不到要处理的记录（可能已被删除）",
                  "The record was not found (it may have been deleted)"),
    "invalid": ("输入有误，请检查后再试", "Some input is not valid; please check it and try again"),
    "no_event": ("这个数据库里还没有活动", "This database holds no event yet"),
    "event_exists": ("这个数据库已经有一个活动（一个数据库只放一个活动）",
                     "This database already holds an event (one event per database)"),
    "forbidden": ("需要“{needed}”角色才能执行此操作（当前用户 {user} 的角色是“{role}”）",
                  "This needs the {needed} role (user {user} has the {role} role)"),
    "not_signed_in": ("请先登录", "Please sign in first"),
    "integrity_failed": ("完整性检查未通过", "An integrity check failed"),
    "scan_rejected": ("这张胸卡未被接受，没有签到",
                      "This badge was not accepted; nobody was checked in"),
    "forged_badge": ("二维码签名不符，可能是伪造的胸卡",
                     "The QR signature does not match; the badge may be forged"),
    "import_rejected": ("导入被拒绝，未写入任何内容",
                        "The import was rejected; nothing was written"),
    # A ValidationFailed, worded field by field: "<label>: <problem>; <label>: <problem>".
    "invalid_fields": ("请更正：{problems}", "Please correct: {problems}"),
    "list_separator": ("；", "; "),
    "label_separator": ("：", ": "),
    # Problems any form's field can have.
    "common.too_long": ("过长（{length} 字，最多 {limit} 字）",
                        "too long ({length} characters, at most {limit})"),
    "common.phone_invalid": ("“{value}”不是有效的电话号码"
                             "（手机 11 位，座机需带区号，国外号码以 + 开头）",
                             "“{value}” is not a valid phone number (mobile: 11 digits; landline "
                             "with area code; abroad: starting with +)"),
    "common.email_invalid": ("“{value}”不是有效的电子邮箱地址",
                             "“{value}” is not a valid e-mail address"),
    # Field names, for a sentence about a field that is not shown beside it.
    "field_label.name": ("姓名", "Name"),
    "field_label.name_en": ("英文名", "English name"),
    "field_label.category": ("类别", "Category"),
    "field_label.company": ("公司", "Company"),
    "field_label.exhibitor_id": ("展商", "Exhibitor"),
    "field_label.title": ("职务", "Title"),
    "field_label.phone": ("电话", "Phone"),
    "field_label.email": ("邮箱", "E-mail"),
    "field_label.status": ("状态", "Status"),
    "field_label.external_ref": ("外部编号", "External reference"),
    "field_label.notes": ("备注", "Notes"),
    "field_label.name_zh": ("公司名称", "Company name"),
    "field_label.short_name": ("简称", "Short name"),
    "field_label.sector": ("行业", "Sector"),
    "field_label.hall": ("展馆", "Hall"),
    "field_label.booth": ("展位", "Booth"),
    "field_label.contact_name": ("联系人", "Contact"),
    "field_label.contact_phone": ("联系电话", "Contact phone"),
    "field_label.contact_email": ("联系邮箱", "Contact e-mail"),
    "field_label.staff_quota": ("人员名额", "Staff quota"),
    "field_label.event_code": ("活动代码", "Event code"),
    # Forms and windows.
    "form.correct_marked": ("请更正标红的字段。", "Please correct the marked fields."),
    "form.saving": ("正在保存…", "Saving…"),
    # A save finished after the form had moved on to another record: said, never dropped.
    "form.not_saved_elsewhere": ("“{name}”没有保存：{reason}", "“{name}” was not saved: {reason}"),
    "gui.file_exists": ("文件已存在：{path}", "The file already exists: {path}"),
    # The command line and the window's start.
    "cli.out_of_range": ("--{flag} 须在 {low} 到 {high} 之间",
                         "--{flag} must be between {low} and {high}"),
    "cli.unknown_view": ("未知的视图 {view!r}（可用：{views}）",
                         "unknown view {view!r} (one of {views})"),
    "cli.argument_not_text": ("参数 {option} 含有无法处理的字符（不是 UTF-8 文字？）：{value}",
                              "The argument {option} holds characters that are not text (not "
                              "UTF-8?): {value}"),
    "cli.screenshot_failed": ("无法写入截图 {path}", "could not write the screenshot {path}"),
}
