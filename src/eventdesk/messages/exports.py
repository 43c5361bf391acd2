"""Sentences of exports: tables, the schedule and the printed programme (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "exports.unknown_kind": ("未知的导出类型“{kind}”（可用：{kinds}）",
                             "Unknown export kind “{kind}” (one of {kinds})"),
    "exports.wrong_suffix": ("导出类型 {kind} 只能写 {allowed} 文件（收到 {name}）",
                             "--kind {kind} can only write {allowed} files (got {name})"),
    "exports.rows_written": ("已导出 {count} 行到 {out}", "Exported {count} rows to {out}"),
    "exports.schedule_written": ("日程已保存：{out}（{count} 个会议）",
                                 "Schedule saved: {out} ({count} sessions)"),
    "exports.programme_written": ("节目单已保存：{out}（{count} 页）",
                                  "Programme saved: {out} ({count} pages)"),
    "exports.personal_fields": ("包含个人信息字段：{fields}（{count} 行）",
                                "Holds personal data: {fields} ({count} rows)"),
    "exports.personal_fields_before": ("将包含个人信息字段：{fields}。导出会记入审计日志。",
                                       "Will hold personal data: {fields}. The export is "
                                       "recorded in the audit trail."),
    "exports.cancelled": ("已取消", "Cancelled"),
    "exports.glyphs_heading": ("以下文字中有字体里没有的字，PDF 中会显示为空框：",
                               "These texts have characters no font has; the PDF shows empty "
                               "boxes for them:"),
    # Which characters of whose text cannot be drawn, one code per kind of text.
    "exports.glyph.person": ("《{item}》的嘉宾“{text}”：{chars}",
                             "Speaker or moderator “{text}” of “{item}”: {chars}"),
    "exports.glyph.title": ("会议标题《{text}》：{chars}", "Session title “{text}”: {chars}"),
    "exports.glyph.room": ("会议室“{text}”：{chars}", "Room “{text}”: {chars}"),
    "exports.glyph.track": ("论坛“{text}”：{chars}", "Track “{text}”: {chars}"),
    "exports.glyph.heading": ("页标题“{text}”：{chars}", "Page heading “{text}”: {chars}"),
    "exports.glyph.event": ("活动信息“{text}”：{chars}", "Event heading “{text}”: {chars}"),
}
