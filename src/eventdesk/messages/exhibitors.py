"""Sentences about exhibitors, their booths and staff quotas (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "exhibitor.not_found": ("找不到编号为 {exhibitor_id} 的展商",
                            "No exhibitor with number {exhibitor_id}"),
    "exhibitor.name_required": ("公司名称不能为空", "A company name is required"),
    "exhibitor.quota_range": ("人员名额须为 {low}–{high} 的整数",
                              "The staff quota must be a whole number from {low} to {high}"),
}
