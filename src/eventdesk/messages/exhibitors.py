"""Sentences about exhibitors, their booths and staff quotas (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "exhibitor.not_found": ("找不到编号为 {exhibitor_id} 的展商",
                            "No exhibitor with number {exhibitor_id}"),
    "exhibitor.name_required": ("公司名称不能为空", "A company name is required"),
    "exhibitor.quota_range": ("人员名额须为 {low}–{high} 的整数",
                              "The staff quota must be a whole number from {low} to {high}"),
    # Exhibitor pick-up at the desk: who collected the pack.
    "exhibitor.collector_required": ("请填写领取人姓名",
                                     "Enter the name of the person collecting the pack"),
    # `eventdesk exhibitors` and the exhibitors view's print button.
    "exhibitor.no_staff": ("{name} 没有在册人员，无胸卡可打印",
                           "{name} has no registered staff: there is no badge to print"),
}
