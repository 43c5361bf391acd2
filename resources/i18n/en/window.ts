<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BackupsDialog</name>
    <message>
        <source>EventDesk 备份</source>
        <translation>EventDesk backups</translation>
    </message>
    <message>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>时间（UTC）</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>活动</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>还原所选…</source>
        <translation>Restore selected…</translation>
    </message>
    <message>
        <source>从文件还原…</source>
        <translation>Restore from file…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>数据库：{database}</source>
        <translation>Database: {database}</translation>
    </message>
    <message>
        <source>（无法读取）</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份：{path}</source>
        <translation>Backed up: {path}</translation>
    </message>
    <message>
        <source>还原备份</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>还原</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>用备份 {file} 替换当前数据库 {database}？
替换前会先保存一个还原点。</source>
        <translation>Replace the open database {database} with the backup {file}?
A restore point of it is kept first.</translation>
    </message>
    <message>
        <source>正在还原…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>已还原 {file}（%n 行）</source>
        <translation>Restored {file} (rows: %n)</translation>
    </message>
    <message>
        <source>还原点：{path}</source>
        <translation>Restore point: {path}</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <source>展商</source>
        <translation>Exhibitor</translation>
    </message>
    <message>
        <source>观众</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>嘉宾</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>媒体</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>贵宾</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>工作人员</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>连接服务器</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>密码只保存在系统密钥环中（若本机有），从不写入设置文件。</source>
        <translation>The password is kept in the system keyring (when this machine has one), never in the settings file.</translation>
    </message>
    <message>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
</context>
<context>
    <name>DatabaseMenu</name>
    <message>
        <source>EventDesk 数据库</source>
        <translation>EventDesk databases</translation>
    </message>
    <message>
        <source>所有文件</source>
        <translation>All files</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建活动…</source>
        <translation>New empty event…</translation>
    </message>
    <message>
        <source>打开数据库文件…</source>
        <translation>Open database file…</translation>
    </message>
    <message>
        <source>连接服务器…</source>
        <translation>Connect to server…</translation>
    </message>
    <message>
        <source>最近的数据库</source>
        <translation>Recent databases</translation>
    </message>
    <message>
        <source>备份…</source>
        <translation>Backups…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>清空列表</source>
        <translation>Clear list</translation>
    </message>
    <message>
        <source>正在打开数据库…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>已打开 {database}</source>
        <translation>Opened {database}</translation>
    </message>
</context>
<context>
    <name>DemoProgress</name>
    <message>
        <source>正在创建演示活动…</source>
        <translation>Building the demo event…</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>界面语言将在重新启动后更改。现在重新启动吗？</source>
        <translation>The interface language changes after a restart. Restart now?</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>签到台</source>
        <translation>Desk</translation>
    </message>
    <message>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <source>展商</source>
        <translation>Exhibitors</translation>
    </message>
    <message>
        <source>日程</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>胸卡</source>
        <translation>Badges</translation>
    </message>
    <message>
        <source>胸卡设计</source>
        <translation>Designer</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>审计</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>（无活动）</source>
        <translation>(no event)</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <source>新建活动</source>
        <translation>New empty event</translation>
    </message>
    <message>
        <source>例如 KS2025</source>
        <translation>e.g. KS2025</translation>
    </message>
    <message>
        <source>数据库文件</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>活动代码</source>
        <translation>Event code</translation>
    </message>
    <message>
        <source>中文名称</source>
        <translation>Name (Chinese)</translation>
    </message>
    <message>
        <source>英文名称</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Venue</translation>
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
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>新建数据库</source>
        <translation>New database</translation>
    </message>
</context>
<context>
    <name>PaperPreset</name>
    <message>
        <source>A6 竖版（每页一张）</source>
        <translation>A6 portrait (one per page)</translation>
    </message>
    <message>
        <source>CR80 卡片 85.6×54 mm 横版（证卡打印机）</source>
        <translation>CR80 card 85.6×54 mm landscape (card printer)</translation>
    </message>
    <message>
        <source>CR80 卡片 54×85.6 mm 竖版（证卡打印机）</source>
        <translation>CR80 card 54×85.6 mm portrait (card printer)</translation>
    </message>
    <message>
        <source>4×3 英寸热敏标签（每页一张）</source>
        <translation>4×3 in thermal label (one per page)</translation>
    </message>
    <message>
        <source>90×54 mm 热敏标签（每页一张）</source>
        <translation>90×54 mm thermal label (one per page)</translation>
    </message>
    <message>
        <source>Dymo 30856 胸卡标签 62×106 mm</source>
        <translation>Dymo 30856 badge label 62×106 mm</translation>
    </message>
    <message>
        <source>A4 纸 4 张 A6</source>
        <translation>A4 sheet, 4 × A6</translation>
    </message>
    <message>
        <source>A4 纸 2×4 张 90×54 mm 插卡</source>
        <translation>A4 sheet, 2×4 inserts 90×54 mm</translation>
    </message>
    <message>
        <source>A4 Avery Zweckform L4785 胸卡标签 10 张 80×50 mm</source>
        <translation>A4 Avery Zweckform L4785 badge labels, 10 × 80×50 mm</translation>
    </message>
    <message>
        <source>A4 Avery C32011 名片卡 10 张 85×54 mm</source>
        <translation>A4 Avery C32011 business cards, 10 × 85×54 mm</translation>
    </message>
    <message>
        <source>A4 Herma 5028 名片标签 10 张 83.8×50.8 mm</source>
        <translation>A4 Herma 5028 business card labels, 10 × 83.8×50.8 mm</translation>
    </message>
    <message>
        <source>US Letter 6 张 4×3 英寸</source>
        <translation>US Letter, 6 × 4×3 in</translation>
    </message>
    <message>
        <source>US Letter Avery 5395 胸卡标签 8 张 3⅜×2⅓ 英寸</source>
        <translation>US Letter Avery 5395 badge labels, 8 × 3⅜×2⅓ in</translation>
    </message>
</context>
<context>
    <name>PlaceholderView</name>
    <message>
        <source>此功能尚在开发中。</source>
        <translation>Not available in this version yet.</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>M月d日</source>
        <translation>MMM d</translation>
    </message>
</context>
</TS>
