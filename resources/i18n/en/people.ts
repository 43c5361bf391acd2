<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>PeopleModel</name>
    <message>
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>已同意</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>不同意</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>英文名</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>公司</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>展位</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Job title</translation>
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
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>胸卡码</source>
        <translation>Badge code</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Consent</translation>
    </message>
</context>
<context>
    <name>PeopleView</name>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>按类别筛选</source>
        <translation>Filter by category</translation>
    </message>
    <message>
        <source>新建人员</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>搜索 姓名、拼音、公司、电话尾号、胸卡码…</source>
        <translation>Search name, pinyin, company, phone ending, badge code…</translation>
    </message>
    <message>
        <source>找到 {count} 人</source>
        <translation>Found: {count}</translation>
    </message>
    <message>
        <source>共 {count} 人</source>
        <translation>People: {count}</translation>
    </message>
</context>
<context>
    <name>PersonPanel</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>英文名</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>公司</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>展商</source>
        <translation>Exhibitor</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Job title</translation>
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
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>是否同意个人信息用于会务以外的用途（隐私规则）</source>
        <translation>Whether the person agrees to the use of their personal data beyond running the event (privacy rules)</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>（不关联展商）</source>
        <translation>(no exhibitor)</translation>
    </message>
    <message>
        <source>{name}（{booth}）</source>
        <translation>{name} ({booth})</translation>
    </message>
    <message>
        <source>展商 #{number}</source>
        <translation>Exhibitor #{number}</translation>
    </message>
    <message>
        <source>已隐藏：你的角色不能查看联系方式</source>
        <translation>Hidden: your role cannot see contact details</translation>
    </message>
    <message>
        <source>新建人员</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>填写后点“保存”登记。胸卡码在保存时生成。</source>
        <translation>Fill in the form and press Save to register. The badge code is made on saving.</translation>
    </message>
    <message>
        <source>（已取消）</source>
        <translation> (cancelled)</translation>
    </message>
    <message>
        <source>胸卡码 {code}</source>
        <translation>Badge code {code}</translation>
    </message>
    <message>
        <source>展位 {booth}</source>
        <translation>Booth {booth}</translation>
    </message>
    <message>
        <source>更新于 {when}</source>
        <translation>Updated {when}</translation>
    </message>
    <message>
        <source>已登记 · 胸卡码 {code}</source>
        <translation>Registered · badge code {code}</translation>
    </message>
    <message>
        <source>已保存</source>
        <translation>Saved</translation>
    </message>
</context>
</TS>
