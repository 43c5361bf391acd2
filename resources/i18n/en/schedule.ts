<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CreateItemCommand</name>
    <message>
        <source>新建“{title}”</source>
        <translation>New “{title}”</translation>
    </message>
</context>
<context>
    <name>DeleteItemCommand</name>
    <message>
        <source>删除“{title}”</source>
        <translation>Delete “{title}”</translation>
    </message>
</context>
<context>
    <name>EditItemCommand</name>
    <message>
        <source>编辑“{title}”</source>
        <translation>Edit “{title}”</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>节目单 PDF（全部日期）…</source>
        <translation>Programme PDF (all days)…</translation>
    </message>
    <message>
        <source>节目单 PDF（当天）…</source>
        <translation>Programme PDF (this day)…</translation>
    </message>
    <message>
        <source>节目单 PDF（选中的会议室）…</source>
        <translation>Programme PDF (selected room)…</translation>
    </message>
    <message>
        <source>iCalendar 日历（.ics）…</source>
        <translation>iCalendar (.ics)…</translation>
    </message>
    <message>
        <source>Excel 表格（.xlsx）…</source>
        <translation>Excel workbook (.xlsx)…</translation>
    </message>
    <message>
        <source>CSV 表格（.csv）…</source>
        <translation>CSV file (.csv)…</translation>
    </message>
    <message>
        <source>{kind} 文件 (*{suffix})</source>
        <translation>{kind} files (*{suffix})</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>会议</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>新建会议</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>未排期</source>
        <translation>Unscheduled</translation>
    </message>
    <message>
        <source>次日结束</source>
        <translation>Ends the next day</translation>
    </message>
    <message>
        <source>{room}（{seats} 座）</source>
        <translation>{room} ({seats} seats)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>姓名，用、分隔；同名者写 姓名（公司）</source>
        <translation>Names, separated by commas; for namesakes write name (company)</translation>
    </message>
    <message>
        <source>议题（中文）</source>
        <translation>Title (Chinese)</translation>
    </message>
    <message>
        <source>议题（英文）</source>
        <translation>Title (English)</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>End</translation>
    </message>
    <message>
        <source>会议室</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>论坛</source>
        <translation>Track</translation>
    </message>
    <message>
        <source>预计人数</source>
        <translation>Expected audience</translation>
    </message>
    <message>
        <source>演讲嘉宾</source>
        <translation>Speakers</translation>
    </message>
    <message>
        <source>主持人</source>
        <translation>Moderators</translation>
    </message>
    <message>
        <source>简介</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>{name}（同名多人，请写 姓名（公司））</source>
        <translation>{name} (several people have this name; write name (company))</translation>
    </message>
    <message>
        <source>{name}（找不到此人）</source>
        <translation>{name} (no such person)</translation>
    </message>
    <message>
        <source>嘉宾未匹配：{names}</source>
        <translation>Speakers not matched: {names}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>PlaceItemCommand</name>
    <message>
        <source>移动“{title}”</source>
        <translation>Move “{title}”</translation>
    </message>
    <message>
        <source>取消排期“{title}”</source>
        <translation>Unschedule “{title}”</translation>
    </message>
</context>
<context>
    <name>RoomEditor</name>
    <message>
        <source>会议室</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>留空：会期内全天可用
2025-05-20 08:00–18:00
08:00–18:00（每天）
08:00–24:00（到午夜）
22:00–02:00（跨午夜，到次日 02:00）</source>
        <translation>Empty: available all day on every event day
2025-05-20 08:00–18:00
08:00–18:00 (every day)
08:00–24:00 (until midnight)
22:00–02:00 (over midnight, until 02:00 the next day)</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>容量</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>展馆</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>会议室组</source>
        <translation>Room group</translation>
    </message>
    <message>
        <source>可用时间</source>
        <translation>Available</translation>
    </message>
</context>
<context>
    <name>RoomHeader</name>
    <message>
        <source>{seats} 座</source>
        <translation>{seats} seats</translation>
    </message>
</context>
<context>
    <name>RoomsDialog</name>
    <message>
        <source>会议室与嘉宾时间</source>
        <translation>Rooms and speaker availability</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>容量</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>展馆</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>会议室组</source>
        <translation>Room group</translation>
    </message>
    <message>
        <source>可用时间</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>新增会议室</source>
        <translation>Add room</translation>
    </message>
    <message>
        <source>会议室</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>嘉宾</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>开始</source>
        <translation>From</translation>
    </message>
    <message>
        <source>结束</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>嘉宾姓名</source>
        <translation>Speaker&apos;s name</translation>
    </message>
    <message>
        <source>同名者写 姓名（公司）</source>
        <translation>For namesakes write name (company)</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>删除选中</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>嘉宾没空的时间</source>
        <translation>Speakers unavailable</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>全天</source>
        <translation>All day</translation>
    </message>
</context>
<context>
    <name>SaveRoomCommand</name>
    <message>
        <source>新增会议室“{room}”</source>
        <translation>Add room “{room}”</translation>
    </message>
    <message>
        <source>修改会议室“{room}”</source>
        <translation>Change room “{room}”</translation>
    </message>
</context>
<context>
    <name>ScheduleLabels</name>
    <message>
        <source>M月d日 ddd</source>
        <translation>ddd, MMM d</translation>
    </message>
    <message>
        <source>yyyy年M月d日 ddd</source>
        <translation>ddd, MMM d, yyyy</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>ScheduleView</name>
    <message>
        <source>每行 {minutes} 分钟</source>
        <translation>{minutes} min per row</translation>
    </message>
    <message>
        <source>筛选会议室…</source>
        <translation>Filter rooms…</translation>
    </message>
    <message>
        <source>仅显示当天有会议的</source>
        <translation>Only rooms in use</translation>
    </message>
    <message>
        <source>隐藏当天没有安排会议的会议室（40 个会议室时更易浏览）</source>
        <translation>Hide rooms with no session on this day (easier to read with 40 rooms)</translation>
    </message>
    <message>
        <source>新建会议</source>
        <translation>New session</translation>
    </message>
    <message>
        <source>会议室…</source>
        <translation>Rooms…</translation>
    </message>
    <message>
        <source>会议室容量、会议室组、可用时间；嘉宾没空的时间</source>
        <translation>Room capacities, groups and available times; when speakers are unavailable</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>会议室组</source>
        <translation>Room group</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>安排到选中格</source>
        <translation>Place at cursor</translation>
    </message>
    <message>
        <source>把选中的会议放到日程格中光标所在的会议室和时间（Enter）</source>
        <translation>Put the selected session into the room and time of the grid&apos;s cursor (Enter)</translation>
    </message>
    <message>
        <source>拖动移动，拖上下边调时长，双击编辑。
键盘：方向键选择，Alt+方向键移动，Shift+Alt+↑↓ 调时长，Enter 编辑，Del 取消排期。</source>
        <translation>Drag to move, drag the top or bottom edge to change the length, double-click to edit.
Keyboard: arrows select, Alt+arrows move, Shift+Alt+↑↓ change the length, Enter edits, Del unschedules.</translation>
    </message>
    <message>
        <source>全部会议室组</source>
        <translation>All room groups</translation>
    </message>
    <message>
        <source>{minutes} 分钟</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>&lt;b&gt;未排期&lt;/b&gt;（{count}）</source>
        <translation>&lt;b&gt;Unscheduled&lt;/b&gt; ({count})</translation>
    </message>
    <message>
        <source>&lt;b&gt;冲突&lt;/b&gt;（{count}）</source>
        <translation>&lt;b&gt;Conflicts&lt;/b&gt; ({count})</translation>
    </message>
    <message>
        <source>&lt;b&gt;冲突&lt;/b&gt;：无</source>
        <translation>&lt;b&gt;Conflicts&lt;/b&gt;: none</translation>
    </message>
</context>
<context>
    <name>UnavailabilityCommand</name>
    <message>
        <source>删除嘉宾没空的时间</source>
        <translation>Remove a speaker&apos;s unavailable time</translation>
    </message>
    <message>
        <source>添加嘉宾没空的时间</source>
        <translation>Add a speaker&apos;s unavailable time</translation>
    </message>
</context>
</TS>
