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
    # `eventdesk exhibitors` (text output)
    "exhibitor.cli.figures": ("名额 {quota} · 登记 {registered} · 今日到场 {arrived_today} · "
                              "累计到场 {arrived}",
                              "quota {quota} · registered {registered} · arrived today "
                              "{arrived_today} · arrived {arrived}"),
    "exhibitor.cli.over_quota": ("超出名额 {count} 人", "{count} over quota"),
    "exhibitor.cli.shared_booth": ("展位共用：{names}", "booth shared with {names}"),
    "exhibitor.cli.pickup": ("{at} 由 {name}（{phone}）领取 {badges} 张",
                             "{badges} collected by {name} ({phone}) at {at}"),
    "exhibitor.cli.staff_needs_id": ("请给出一个展商编号（见 `eventdesk exhibitors --json`）",
                                     "give one exhibitor id (see `eventdesk exhibitors --json`)"),
    "exhibitor.cli.total": ("显示 {shown} 家，共 {total} 家（今日 = {day}）",
                            "{shown} shown of {total} (today = {day})"),
    "exhibitor.cli.staff_arrived_today": ("今日已到", "arrived today"),
    "exhibitor.cli.staff_arrived": ("曾到场", "arrived on an earlier day"),
    "exhibitor.cli.staff_not_arrived": ("未到场", "not arrived"),
    "exhibitor.cli.staff_printed": ("已打印 {count} 次", "printed {count}×"),
    "exhibitor.cli.staff_collected": ("已领取", "collected"),
    "exhibitor.cli.staff_cancelled": ("已取消", "cancelled"),
}
