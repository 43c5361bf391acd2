<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PickupDialog</name>
    <message>
        <source>展商领证</source>
        <translation>Exhibitor pick-up</translation>
    </message>
    <message>
        <source>展商名称 / 简称 / 拼音首字母 / 展位号</source>
        <translation>Exhibitor name / short name / pinyin initials / booth</translation>
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
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>已领取</source>
        <translation>Collected</translation>
    </message>
    <message>
        <source>领取人</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <source>姓名（必填）</source>
        <translation>Name (required)</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>打印缺少的胸卡</source>
        <translation>Print missing badges</translation>
    </message>
    <message>
        <source>整包已领取</source>
        <translation>Pack collected</translation>
    </message>
    <message>
        <source>记录领取人、电话和时间，交出已打印的胸卡</source>
        <translation>Record who collected the printed badges, their phone and the time</translation>
    </message>
    <message>
        <source>{n} 人</source>
        <translation>staff: {n}</translation>
    </message>
    <message>
        <source>{n} 张</source>
        <translation>×{n}</translation>
    </message>
    <message>
        <source>未打印</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>未领取</source>
        <translation>Not collected</translation>
    </message>
    <message>
        <source>名额 {quota} · 人员 {staff} · 已打印 {printed} · 已领取 {collected}</source>
        <translation>Quota {quota} · staff {staff} · printed {printed} · collected {collected}</translation>
    </message>
    <message>
        <source>尚无整包领取记录</source>
        <translation>No pack collected yet</translation>
    </message>
    <message>
        <source>最近领取：{name}（{phone}）· {when} · {desk} · {n} 张</source>
        <translation>Last pick-up: {name} ({phone}) · {when} · {desk} · badges: {n}</translation>
    </message>
</context>
</TS>
