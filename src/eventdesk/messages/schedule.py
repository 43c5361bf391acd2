"""Sentences of the schedule (code -> (zh, en)): agenda item and room errors, the conflicts the
grid, the panel and `eventdesk schedule conflicts` show, and the labels of kinds.

Conflict templates get the conflict's params (services.schedule.conflicts); times in them are
datetimes in the event's time zone, formatted here (`{start:%m-%d %H:%M}`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventdesk.messages import text

if TYPE_CHECKING:  # only the shape; wording a conflict needs no service at run time
    from eventdesk.services.schedule.conflicts import Conflict

_SPAN = "{start:%m-%d %H:%M}–{end:%H:%M}"

CATALOGUE: dict[str, tuple[str, str]] = {
    # -- conflicts (warnings, never refusals) ------------------------------------------------
    "schedule.conflict.room_double_booked": (
        "会议室“{room}”同时安排了《{first}》和《{second}》",
        "Room “{room}” holds both “{first}” and “{second}” at the same time"),
    "schedule.conflict.speaker_double_booked": (
        "嘉宾{speaker}同时出现在《{first}》和《{second}》",
        "Speaker {speaker} is in “{first}” and “{second}” at the same time"),
    "schedule.conflict.speaker_unavailable": (
        "嘉宾{speaker}在 " + _SPAN + " 没空，却安排了《{title}》",
        "Speaker {speaker} is not available " + _SPAN + " but is in “{title}”"),
    "schedule.conflict.outside_room_availability": (
        "会议室“{room}”在 " + _SPAN + " 不可用（《{title}》）",
        "Room “{room}” is not available " + _SPAN + " (“{title}”)"),
    "schedule.conflict.outside_event_days": (
        "《{title}》安排在 " + _SPAN + "，不在会期内",
        "“{title}” is set for " + _SPAN + ", outside the event's days"),
    "schedule.conflict.room_too_small": (
        "会议室“{room}”只能坐 {capacity} 人，《{title}》预计 {audience} 人",
        "Room “{room}” seats {capacity}; “{title}” expects {audience}"),
    # -- conflict kinds, as the panel and the CLI label them ---------------------------------
    "schedule.conflict_kind.room_double_booked": ("会议室冲突", "Room double-booked"),
    "schedule.conflict_kind.speaker_double_booked": ("嘉宾分身", "Speaker double-booked"),
    "schedule.conflict_kind.speaker_unavailable": ("嘉宾没空", "Speaker unavailable"),
    "schedule.conflict_kind.outside_room_availability": ("会议室不可用", "Room not available"),
    "schedule.conflict_kind.outside_event_days": ("不在会期内", "Outside the event days"),
    "schedule.conflict_kind.room_too_small": ("会议室太小", "Room too small"),
    "schedule.conflicts.count": ("（共 {count} 处冲突）", "({count} conflicts)"),
    "schedule.conflicts.none": ("（没有冲突）", "(no conflicts)"),
    # -- kinds of agenda item ----------------------------------------------------------------
    "schedule.kind.keynote": ("主旨演讲", "Keynote"),
    "schedule.kind.forum": ("论坛", "Forum"),
    "schedule.kind.talk": ("演讲", "Talk"),
    "schedule.kind.panel": ("圆桌", "Panel"),
    "schedule.kind.break": ("休息", "Break"),
    # -- agenda item errors ------------------------------------------------------------------
    "schedule.item.not_found": ("没有编号为 {item_id} 的会议",
                                "There is no session number {item_id}"),
    "schedule.item.title_required": ("议题不能为空", "The title is required"),
    "schedule.item.unknown_kind": ("未知的类型“{kind}”", "Unknown kind “{kind}”"),
    "schedule.item.audience_negative": ("预计人数不能为负数",
                                        "The expected audience cannot be negative"),
    "schedule.item.people_not_found": ("找不到人员 {person_ids}", "No such people: {person_ids}"),
    "schedule.item.ref_taken": ("编号“{ref}”已被使用", "The reference “{ref}” is already in use"),
    "schedule.time.zone_required": ("时间须带时区", "Times must carry a time zone"),
    "schedule.time.both_or_neither": ("开始和结束须同时填写或同时留空",
                                      "Give both start and end, or neither"),
    "schedule.time.end_before_start": ("结束时间须晚于开始时间", "The end must be after the start"),
    # -- rooms, tracks, speakers' unavailable times ------------------------------------------
    # -- availability windows as written in the rooms dialog (services.schedule.windows) ------
    "schedule.window.unreadable": (
        "第 {line} 行看不懂：“{text}”（例：2025-05-20 08:00–18:00、08:00–24:00、22:00–02:00）",
        "Line {line} cannot be read: “{text}” (e.g. 2025-05-20 08:00–18:00, 08:00–24:00, "
        "22:00–02:00)"),
    "schedule.window.bad_date": ("第 {line} 行：日期 {date} 不存在",
                                 "Line {line}: there is no date {date}"),
    "schedule.window.bad_time": (
        "第 {line} 行：{time} 不是一天中的时刻（00:00–23:59，结束可写 24:00）",
        "Line {line}: {time} is not a time of day (00:00–23:59; an end may be 24:00)"),
    "schedule.window.empty": (
        "第 {line} 行：开始与结束相同；全天请写 00:00–24:00",
        "Line {line}: the start and the end are the same; for the whole day write 00:00–24:00"),
    "schedule.window.end_before_start": ("第 {line} 行：结束须晚于开始",
                                         "Line {line}: the end must be after the start"),
    "schedule.speaker.not_found": ("找不到嘉宾“{name}”（同名者请写 姓名（公司））",
                                   "No speaker “{name}” found (for namesakes write "
                                   "name (company))"),
    "schedule.room.not_found": ("没有编号为 {room_id} 的会议室",
                                "There is no room number {room_id}"),
    "schedule.room.name_required": ("会议室名称不能为空", "The room needs a name"),
    "schedule.room.capacity_negative": ("容量不能为负数", "The capacity cannot be negative"),
    "schedule.room.name_taken": ("会议室“{name}”已存在", "There is already a room “{name}”"),
    "schedule.room.in_use": ("会议室里还有会议，不能删除",
                             "The room still holds sessions and cannot be deleted"),
    "schedule.track.not_found": ("没有编号为 {track_id} 的论坛",
                                 "There is no track number {track_id}"),
    "schedule.track.name_required": ("论坛名称不能为空", "The track needs a name"),
    "schedule.track.bad_colour": ("颜色须为 #RRGGBB，而不是“{colour}”",
                                  "The colour must be #RRGGBB, not “{colour}”"),
    "schedule.person.not_found": ("没有编号为 {person_id} 的人员",
                                  "There is no person number {person_id}"),
    "schedule.unavailability.not_found": ("这段嘉宾没空的时间已不存在",
                                          "That unavailable time no longer exists"),
    # -- schedule exports (services.schedule.export) -------------------------------------------
    "schedule.export.room_unknown": ("没有名为“{name}”的会议室", "There is no room named “{name}”"),
    "schedule.export.out_required": ("缺少输出文件", "No output file was given"),
    "schedule.export.unsupported_format": (
        "不支持的日程导出格式“{suffix}”（可用 .ics、.csv、.xlsx）",
        "The schedule cannot be exported as “{suffix}” (use .ics, .csv or .xlsx)"),
    "schedule.export.cli_suffix": (
        "只能写 .pdf（节目单）、.ics、.csv 或 .xlsx 文件（收到 {name}）",
        "writes .pdf (the programme), .ics, .csv or .xlsx files (got {name})"),
    "schedule.export.day_outside_event": ("{day} 不在会期内", "{day} is not a day of the event"),
    # -- the undo stack ------------------------------------------------------------------------
    "schedule.edit.failed": ("未完成：{reason}", "Not done: {reason}"),
}


def conflict_text(conflict: Conflict) -> str:
    """The conflict's sentence, in the chosen language (panel, live warning, CLI, JSON)."""
    return text(conflict.code, **conflict.params)


def conflict_label(conflict: Conflict) -> str:
    """The conflict kind's short label ("会议室冲突")."""
    return text(f"schedule.conflict_kind.{conflict.kind}")


def conflict_line(conflict: Conflict) -> str:
    """“[会议室冲突] 会议室“主会场”同时安排了…”: the kind's label, then the sentence."""
    return f"[{conflict_label(conflict)}] {conflict_text(conflict)}"
