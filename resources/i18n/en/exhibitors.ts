<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ExhibitorPanel</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>还原</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>公司名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Sector</translation>
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
        <source>邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>人员名额</source>
        <translation>Staff quota</translation>
    </message>
    <message>
        <source>打印全部胸卡…</source>
        <translation>Print all badges…</translation>
    </message>
    <message>
        <source>为该展商的全部在册人员打印胸卡</source>
        <translation>Print badges for all registered staff of this exhibitor</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>到场</source>
        <translation>Arrival</translation>
    </message>
    <message>
        <source>胸卡</source>
        <translation>Badge</translation>
    </message>
    <message>
        <source>领取</source>
        <translation>Collected</translation>
    </message>
    <message>
        <source>新建展商</source>
        <translation>New exhibitor</translation>
    </message>
    <message>
        <source>填写后点“保存”。</source>
        <translation>Fill in the form and press Save.</translation>
    </message>
    <message>
        <source>展商人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>在册人员 {staff} / 名额 {quota} · 今日到场 {today} · 累计到场 {arrived}</source>
        <translation>Registered {staff} / quota {quota} · arrived today {today} · arrived in all {arrived}</translation>
    </message>
    <message>
        <source>超出名额 {n} 人</source>
        <translation>{n} over quota</translation>
    </message>
    <message>
        <source>展位 {booth} 同时分配给：{names}</source>
        <translation>Booth {booth} is also assigned to: {names}</translation>
    </message>
    <message>
        <source>证件尚未整包领取</source>
        <translation>Badge pack not collected yet</translation>
    </message>
    <message>
        <source>最近领取：{name}（{phone}）· {when} · {desk} · {n} 张</source>
        <translation>Last pick-up: {name} ({phone}) · {when} · {desk} · badges: {n}</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>今日已到</source>
        <translation>Arrived today</translation>
    </message>
    <message>
        <source>曾到场</source>
        <translation>Came earlier</translation>
    </message>
    <message>
        <source>未到</source>
        <translation>Not arrived</translation>
    </message>
    <message>
        <source>已打印 {n} 次</source>
        <translation>Printed ×{n}</translation>
    </message>
    <message>
        <source>未打印</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>展商人员（{n}）</source>
        <translation>Staff ({n})</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>ExhibitorPrintDialog</name>
    <message>
        <source>损坏</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>信息有误</source>
        <translation>Wrong details</translation>
    </message>
    <message>
        <source>打印机故障</source>
        <translation>Printer fault</translation>
    </message>
    <message>
        <source>打印展商胸卡</source>
        <translation>Print exhibitor badges</translation>
    </message>
    <message>
        <source>在册人员 {n} 人，其中未打印 {k} 人</source>
        <translation>Registered staff: {n}, of whom not yet printed: {k}</translation>
    </message>
    <message>
        <source>未打印的胸卡（{n} 张）</source>
        <translation>Badges not yet printed ({n})</translation>
    </message>
    <message>
        <source>全部胸卡（{n} 张）</source>
        <translation>All badges ({n})</translation>
    </message>
    <message>
        <source>已打印过的按补打记录，原因：</source>
        <translation>Badges printed before are logged as reprints, reason:</translation>
    </message>
    <message>
        <source>保存 PDF 时记为已打印</source>
        <translation>Mark as printed when saving a PDF</translation>
    </message>
    <message>
        <source>保存 PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保存胸卡 PDF</source>
        <translation>Save badges as PDF</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Rendering…</translation>
    </message>
</context>
<context>
    <name>ExhibitorsModel</name>
    <message>
        <source>公司名称</source>
        <translation>Company name</translation>
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
        <source>登记/名额</source>
        <translation>Reg. / quota</translation>
    </message>
    <message>
        <source>已登记人员 / 人员名额（红色：超出名额）</source>
        <translation>Registered staff / staff quota (red: over quota)</translation>
    </message>
    <message>
        <source>今日到场</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>今天（活动时区）已签到的在册人员</source>
        <translation>Registered staff checked in today (event time zone)</translation>
    </message>
    <message>
        <source>累计到场</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>任一活动日签到过的在册人员（每人计一次）</source>
        <translation>Registered staff checked in on any event day (each person once)</translation>
    </message>
    <message>
        <source>标记</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>超出名额；展位（同馆同号）与其他展商共用</source>
        <translation>Over quota; booth (same hall and number) shared with another exhibitor</translation>
    </message>
    <message>
        <source>证件领取</source>
        <translation>Pick-up</translation>
    </message>
    <message>
        <source>最近一次整包领取：领取人和时间</source>
        <translation>Last badge pack pick-up: who collected it, and when</translation>
    </message>
    <message>
        <source>简称</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>行业</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>超额 +{n}</source>
        <translation>Over +{n}</translation>
    </message>
    <message>
        <source>展位共用</source>
        <translation>Shared booth</translation>
    </message>
    <message>
        <source>超出名额 {n} 人</source>
        <translation>{n} over quota</translation>
    </message>
    <message>
        <source>展位 {booth} 同时分配给：{names}</source>
        <translation>Booth {booth} is also assigned to: {names}</translation>
    </message>
    <message>
        <source>{name}（{phone}）于 {when} 在 {desk} 领取 {n} 张</source>
        <translation>Collected by {name} ({phone}) at {desk}, {when} · badges: {n}</translation>
    </message>
    <message>
        <source>已登记 {staff} 人，名额 {quota}</source>
        <translation>{staff} registered, quota {quota}</translation>
    </message>
    <message>
        <source>尚未领取</source>
        <translation>Not collected yet</translation>
    </message>
</context>
<context>
    <name>ExhibitorsView</name>
    <message>
        <source>全部（不限标记）</source>
        <translation>All (any flags)</translation>
    </message>
    <message>
        <source>超出名额</source>
        <translation>Over quota</translation>
    </message>
    <message>
        <source>展位共用</source>
        <translation>Shared booth</translation>
    </message>
    <message>
        <source>有任一标记</source>
        <translation>Any flag</translation>
    </message>
    <message>
        <source>全部展馆</source>
        <translation>All halls</translation>
    </message>
    <message>
        <source>按展馆筛选</source>
        <translation>Filter by hall</translation>
    </message>
    <message>
        <source>只看超出名额或展位共用的展商</source>
        <translation>Show only exhibitors over quota or at a shared booth</translation>
    </message>
    <message>
        <source>新建展商</source>
        <translation>New exhibitor</translation>
    </message>
    <message>
        <source>搜索 公司名称、简称、拼音、展位号</source>
        <translation>Search company name, short name, pinyin, booth</translation>
    </message>
    <message>
        <source>找到 {n} 家</source>
        <translation>{n} found</translation>
    </message>
    <message>
        <source>共 {n} 家展商</source>
        <translation>{n} exhibitors</translation>
    </message>
</context>
</TS>
