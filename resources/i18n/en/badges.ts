<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>BadgeView</name>
    <message>
        <source>单位，再按姓名拼音</source>
        <translation>Company, then name (pinyin)</translation>
    </message>
    <message>
        <source>展馆，再按展位</source>
        <translation>Hall, then booth</translation>
    </message>
    <message>
        <source>姓名拼音</source>
        <translation>Name (pinyin)</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>单位名称或简称</source>
        <translation>Company name or short name</translation>
    </message>
    <message>
        <source>只看未打印</source>
        <translation>Not yet printed only</translation>
    </message>
    <message>
        <source>打印后有修改</source>
        <translation>Changed since last print</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>展馆</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>打印哪些胸卡</source>
        <translation>Which badges</translation>
    </message>
    <message>
        <source>裁切标记</source>
        <translation>Crop marks</translation>
    </message>
    <message>
        <source>每个单位前加分隔页</source>
        <translation>Separator page before each company</translation>
    </message>
    <message>
        <source>双面（版式有背面时）</source>
        <translation>Duplex (when the layout has a back)</translation>
    </message>
    <message>
        <source>打印机校准…</source>
        <translation>Calibrate printer…</translation>
    </message>
    <message>
        <source>版式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>出血</source>
        <translation>Bleed</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>怎么打印</source>
        <translation>How to print</translation>
    </message>
    <message>
        <source>保存后标记为已打印</source>
        <translation>Mark as printed once saved</translation>
    </message>
    <message>
        <source>打印原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>生成 PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>预览（前几页，与打印一致）</source>
        <translation>Preview (first pages, exactly as printed)</translation>
    </message>
    <message>
        <source>全部展馆</source>
        <translation>All halls</translation>
    </message>
    <message>
        <source>正在统计…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>共 {badges} 张胸卡 · {pages} 页</source>
        <translation>Badges: {badges} · pages: {pages}</translation>
    </message>
    <message>
        <source>（没有符合条件的胸卡）</source>
        <translation>(No badge matches the selection)</translation>
    </message>
    <message>
        <source>保存胸卡 PDF</source>
        <translation>Save badges as PDF</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Rendering…</translation>
    </message>
    <message>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>LayoutChoice</name>
    <message>
        <source>设计胸卡…</source>
        <translation>Design…</translation>
    </message>
    <message>
        <source>打开胸卡设计</source>
        <translation>Open the badge designer</translation>
    </message>
</context>
</TS>
