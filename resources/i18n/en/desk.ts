<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DeskLayout</name>
    <message>
        <source>标准胸卡</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>醒目色块</source>
        <translation>Bold block</translation>
    </message>
    <message>
        <source>双面</source>
        <translation>Duplex</translation>
    </message>
</context>
<context>
    <name>DeskSettingsDialog</name>
    <message>
        <source>标准</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>大</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>特大</source>
        <translation>Extra large</translation>
    </message>
    <message>
        <source>签到台设置</source>
        <translation>Desk settings</translation>
    </message>
    <message>
        <source>（首次打印时选择）</source>
        <translation>(choose at the first print)</translation>
    </message>
    <message>
        <source>保存为 PDF 文件</source>
        <translation>Save as PDF file</translation>
    </message>
    <message>
        <source>校准…</source>
        <translation>Calibrate…</translation>
    </message>
    <message>
        <source>签到后自动打印胸卡</source>
        <translation>Print the badge after each check-in</translation>
    </message>
    <message>
        <source>提示音（成功 1 声，重复 2 声，拒绝 3 声）</source>
        <translation>Sounds (1 beep checked in, 2 already, 3 refused)</translation>
    </message>
    <message>
        <source>台号 / 名称</source>
        <translation>Desk number / name</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>PDF 保存目录</source>
        <translation>PDF folder</translation>
    </message>
    <message>
        <source>胸卡版式</source>
        <translation>Badge layout</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>SQLite 数据库每隔几分钟自动备份一次（保留最近 24 份）；0 = 关闭。</source>
        <translation>Minutes between automatic backups of a SQLite database (the newest 24 are kept); 0 = off.</translation>
    </message>
    <message>
        <source>按 Enter 签到后清空搜索框</source>
        <translation>Clear the search after a check-in by Enter</translation>
    </message>
    <message>
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>从不</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>只有管理员可以修改</source>
        <translation>Only an admin may change this</translation>
    </message>
    <message>
        <source>无操作自动锁定</source>
        <translation>Lock when idle</translation>
    </message>
    <message>
        <source>自动备份</source>
        <translation>Automatic backups</translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <source> · 展位 {hall} {booth}</source>
        <translation> · booth {hall} {booth}</translation>
    </message>
    <message>
        <source>（无单位）</source>
        <translation>(no company)</translation>
    </message>
    <message>
        <source>现场登记 F2</source>
        <translation>Walk-in F2</translation>
    </message>
    <message>
        <source>展商领证 F3</source>
        <translation>Exhibitor pick-up F3</translation>
    </message>
    <message>
        <source>设置 F9</source>
        <translation>Settings F9</translation>
    </message>
    <message>
        <source>扫码，或输入姓名 / 拼音 / 首字母 / 单位 / 手机尾号 / 邮箱 / 编号</source>
        <translation>Scan, or type a name / pinyin / initials / company / phone ending / e-mail / number</translation>
    </message>
    <message>
        <source>↑↓ 选择&#x3000;Enter 签到&#x3000;Ctrl+P 打印胸卡&#x3000;Ctrl+R 补打（选原因）&#x3000;Ctrl+Z 撤销本台上一次签到&#x3000;F2 现场登记&#x3000;F3 展商领证&#x3000;F9 设置&#x3000;Esc 清空&#x3000;· 扫码枪在任何输入框中都可直接扫码</source>
        <translation>↑↓ select · Enter check in · Ctrl+P print badge · Ctrl+R reprint (with a reason) · Ctrl+Z undo this desk&apos;s last check-in · F2 walk-in · F3 exhibitor pick-up · F9 settings · Esc clear · The scanner works in any input field</translation>
    </message>
</context>
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
<context>
    <name>RecentScans</name>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>✓ 已签到</source>
        <translation>✓ Checked in</translation>
    </message>
    <message>
        <source>! 已签过</source>
        <translation>! Already</translation>
    </message>
    <message>
        <source>✗ 拒绝</source>
        <translation>✗ Refused</translation>
    </message>
    <message>
        <source>? 待确认</source>
        <translation>? To confirm</translation>
    </message>
    <message>
        <source>✗ 未签到</source>
        <translation>✗ Not checked in</translation>
    </message>
    <message>
        <source>{result}：{reason}</source>
        <translation>{result}: {reason}</translation>
    </message>
    <message>
        <source>最近 20 次扫码 / 签到</source>
        <translation>Last 20 scans / check-ins</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <source>作废旧胸卡</source>
        <translation>Revoke the old badge</translation>
    </message>
    <message>
        <source>{name} 的旧胸卡将作废：此后在任何签到台扫描都会被拒绝。
确定补办新胸卡吗？</source>
        <translation>{name}&apos;s old badge will be revoked: from now on every desk refuses it.
Issue a new badge?</translation>
    </message>
    <message>
        <source>旧胸卡作废，新胸卡使用新的二维码</source>
        <translation>The old badge is revoked; the new one has a new QR code</translation>
    </message>
    <message>
        <source>请简要写明原因</source>
        <translation>Say briefly why</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>展位</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>今日签到</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Prints</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>匹配</source>
        <translation>Matched by</translation>
    </message>
    <message>
        <source>胸卡编号</source>
        <translation>Badge code</translation>
    </message>
    <message>
        <source>拼音</source>
        <translation>Pinyin</translation>
    </message>
    <message>
        <source>拼音首字母</source>
        <translation>Pinyin initials</translation>
    </message>
    <message>
        <source>英文名</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>展商简称</source>
        <translation>Exhibitor short name</translation>
    </message>
    <message>
        <source>单位首字母</source>
        <translation>Company initials</translation>
    </message>
    <message>
        <source>报名编号</source>
        <translation>Reg. no.</translation>
    </message>
    <message>
        <source>手机尾号</source>
        <translation>Phone ending</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>未签到</source>
        <translation>Not checked in</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>请扫描胸卡，或输入姓名 / 拼音 / 单位 / 手机尾号</source>
        <translation>Scan a badge, or type a name / pinyin / company / phone ending</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>现场登记</source>
        <translation>Walk-in registration</translation>
    </message>
    <message>
        <source>（不是展商人员）</source>
        <translation>(not exhibitor staff)</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>展商</source>
        <translation>Exhibitor</translation>
    </message>
    <message>
        <source>可能已登记（同一手机号 / 邮箱 / 同名同单位）：</source>
        <translation>Possibly registered already (same phone / e-mail / name and company):</translation>
    </message>
    <message>
        <source>使用已登记的人员并签到</source>
        <translation>Check in the registered person</translation>
    </message>
    <message>
        <source>本人同意个人信息用于会务以外的用途（如展商、合作方名单）</source>
        <translation>I agree to my data being used beyond the event (exhibitor, partner lists)</translation>
    </message>
    <message>
        <source>保存后打印胸卡</source>
        <translation>Print the badge after saving</translation>
    </message>
    <message>
        <source>保存并签到</source>
        <translation>Save and check in</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>{why}：{person}</source>
        <translation>{why}: {person}</translation>
    </message>
    <message>
        <source>仍然新建并签到</source>
        <translation>Create a new person anyway and check in</translation>
    </message>
    <message>
        <source>超出展商名额</source>
        <translation>Exhibitor quota exceeded</translation>
    </message>
    <message>
        <source>{message}

主办方是否确认超额登记？（将记入操作日志）</source>
        <translation>{message}

Does the organiser confirm registering beyond the quota? (This is recorded in the audit log.)</translation>
    </message>
</context>
</TS>
