"""Sentences about people and their registrations (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "person.not_found": ("找不到编号为 {person_id} 的人员", "No person with number {person_id}"),
    "person.name_required": ("姓名不能为空", "A name is required"),
    "person.badge_code_in_field": ("这是胸卡二维码的内容（扫码枪输入到了表格里），"
                                   "未保存；请重新扫码",
                                   "This is a badge's QR code (the scanner typed into the form); "
                                   "nothing was saved — scan the badge again"),
    "person.category_unknown": ("未知的类别“{value}”", "Unknown category “{value}”"),
    "person.status_unknown": ("未知的状态“{value}”", "Unknown status “{value}”"),
    "person.exhibitor_missing": ("找不到编号为 {exhibitor_id} 的展商",
                                 "No exhibitor with number {exhibitor_id}"),
    "person.exhibitor_not_listed": ("没有这个展商，请从列表中选择",
                                    "No such exhibitor; pick one from the list"),
    # A save refused because another desk changed the same field (services.edits).
    "edit.conflict": (
        "{name}：{field}在你打开之后已被{who}改为“{value}”{more}，你的修改没有保存。"
        "表单里保留了你填写的内容，再按“保存”即以你的为准。",
        "{name}: {field} was changed to “{value}” {who} after you opened it{more}; nothing was "
        "saved. Your entries are still in the form: press Save again to keep them."),
    "edit.more": ("（另有 {count} 项也被改动）", " (and {count} more of your fields)"),
    "edit.by_desk": ("“{desk}”的 {operator}（{when}）", "by {operator} at {desk} ({when})"),
    "edit.by": ("{operator}（{when}）", "by {operator} ({when})"),
    "edit.by_unknown": ("其他人", "by someone else"),
    "edit.field_changed": ("已被{who}改为“{value}”", "changed to “{value}” {who}"),
}
