<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DashboardTables</name>
    <message>
        <source>展商</source>
        <translation>Exhibitor</translation>
    </message>
    <message>
        <source>首次</source>
        <translation>First print</translation>
    </message>
    <message>
        <source>遗失</source>
        <translation>Lost</translation>
    </message>
    <message>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>信息有误</source>
        <translation>Wrong data</translation>
    </message>
    <message>
        <source>打印机故障</source>
        <translation>Printer fault</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>伪造</source>
        <translation>Forged</translation>
    </message>
    <message>
        <source>其他活动</source>
        <translation>Other event</translation>
    </message>
    <message>
        <source>已作废</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>无此人</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>无法识别</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <source>签到台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>签到</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>峰值/10分钟</source>
        <translation>Peak / 10 min</translation>
    </message>
    <message>
        <source>最近活动</source>
        <translation>Last activity</translation>
    </message>
    <message>
        <source>展馆</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>展位</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>已登记人员</source>
        <translation>Staff registered</translation>
    </message>
    <message>
        <source>名额</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>时段</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>累计</source>
        <translation>Cumulative</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>已注册</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>到场率 %</source>
        <translation>Rate %</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>张数</source>
        <translation>Badges</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>10分钟时段开始</source>
        <translation>10-minute slot from</translation>
    </message>
    <message>
        <source>首次打印（人）</source>
        <translation>Printed (people)</translation>
    </message>
    <message>
        <source>补打</source>
        <translation>Reprinted</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>全部日期</source>
        <translation>All days</translation>
    </message>
    <message>
        <source>{date} 第{n}天</source>
        <translation>{date} · Day {n}</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>日期：</source>
        <translation>Day:</translation>
    </message>
    <message>
        <source>每小时签到</source>
        <translation>Check-ins per hour</translation>
    </message>
    <message>
        <source>当日累计</source>
        <translation>Cumulative for the day</translation>
    </message>
    <message>
        <source>全部展馆</source>
        <translation>All halls</translation>
    </message>
    <message>
        <source>每小时到场</source>
        <translation>Arrivals per hour</translation>
    </message>
    <message>
        <source>已签到 / 已注册</source>
        <translation>Checked in vs registered</translation>
    </message>
    <message>
        <source>签到台效率（每10分钟）</source>
        <translation>Desk throughput (per 10 min)</translation>
    </message>
    <message>
        <source>签到台</source>
        <translation>Desks</translation>
    </message>
    <message>
        <source>胸卡打印</source>
        <translation>Badge prints</translation>
    </message>
    <message>
        <source>尚无人员到场的展商</source>
        <translation>Exhibitors with no staff arrived</translation>
    </message>
    <message>
        <source>被拒扫码</source>
        <translation>Rejected scans</translation>
    </message>
    <message>
        <source>签到 &lt;b&gt;{count}&lt;/b&gt; 人次</source>
        <translation>&lt;b&gt;{count}&lt;/b&gt; check-ins</translation>
    </message>
    <message>
        <source>到场 &lt;b&gt;{arrived}&lt;/b&gt; / {registered} 人{rate}</source>
        <translation>&lt;b&gt;{arrived}&lt;/b&gt; of {registered} people arrived{rate}</translation>
    </message>
    <message>
        <source>被拒 {count} 次</source>
        <translation>{count} rejected</translation>
    </message>
    <message>
        <source>更新于 {time}</source>
        <translation>Updated {time}</translation>
    </message>
    <message>
        <source>已注册</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>张数</source>
        <translation>Badges</translation>
    </message>
    <message>
        <source>首次 {printed} · 补打 {reprinted}</source>
        <translation>first {printed} · reprinted {reprinted}</translation>
    </message>
    <message>
        <source>其他原因：
{notes}</source>
        <translation>Other reasons given:
{notes}</translation>
    </message>
    <message>
        <source>次数</source>
        <translation>Scans</translation>
    </message>
    <message>
        <source>（%n 分钟前）</source>
        <translation> (%n min ago)</translation>
    </message>
</context>
<context>
    <name>FigurePanel</name>
    <message>
        <source>把这张图保存为 PNG 图片</source>
        <translation>Save this chart as a PNG picture</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>导出这张图的数据为 CSV 或 Excel</source>
        <translation>Export the figures (CSV/XLSX)</translation>
    </message>
    <message>
        <source>保存图片</source>
        <translation>Save picture</translation>
    </message>
    <message>
        <source>已保存 {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <source>导出数据</source>
        <translation>Export figures</translation>
    </message>
    <message>
        <source>已导出 %n 行：{path}</source>
        <translation>Rows exported: %n ({path})</translation>
    </message>
</context>
</TS>
