"""Sentences about people and their registrations (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "person.not_found": ("找不到编号为 {person_id} 的人员", "No person with number {person_id}"),
    "person.name_required": ("姓名不能为空", "A name is required"),
    "person.category_unknown": ("未知的类别“{value}”", "Unknown category “{value}”"),
    "person.status_unknown": ("未知的状态“{value}”", "Unknown status “{value}”"),
    "person.exhibitor_missing": ("找不到编号为 {exhibitor_id} 的展商",
                                 "No exhibitor with number {exhibitor_id}"),
    "person.exhibitor_not_listed": ("没有这个展商，请从列表中选择",
                                    "No such exhibitor; pick one from the list"),
}
