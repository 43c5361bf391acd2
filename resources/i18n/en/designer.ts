<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Adder</name>
    <message>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>添加文字</source>
        <translation>Add text</translation>
    </message>
    <message>
        <source>添加色块</source>
        <translation>Add colour block</translation>
    </message>
    <message>
        <source>添加二维码</source>
        <translation>Add QR code</translation>
    </message>
    <message>
        <source>选择图片</source>
        <translation>Choose an image</translation>
    </message>
    <message>
        <source>添加图片</source>
        <translation>Add image</translation>
    </message>
</context>
<context>
    <name>BadgeField</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>英文名</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>单位简称</source>
        <translation>Company short name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>展位</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>展馆</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>展馆·展位</source>
        <translation>Hall · booth</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>活动名称</source>
        <translation>Event name</translation>
    </message>
</context>
<context>
    <name>BadgeScene</name>
    <message>
        <source>移动/缩放</source>
        <translation>Move/resize</translation>
    </message>
    <message>
        <source>微调</source>
        <translation>Nudge</translation>
    </message>
    <message>
        <source>对齐</source>
        <translation>Align</translation>
    </message>
    <message>
        <source>等距分布</source>
        <translation>Distribute</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>CategoryPanel</name>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>印出的标签</source>
        <translation>Printed label</translation>
    </message>
    <message>
        <source>颜色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>文字色</source>
        <translation>Text colour</translation>
    </message>
    <message>
        <source>“类别颜色”元素随人员类别变色；标签在胸卡没有自带类别名时印出（印在胸卡上，不随界面语言变化）。</source>
        <translation>“Category colour” elements take the colour of the person&apos;s category; the label is printed when a badge brings no category name of its own (it is badge content and does not follow the interface language).</translation>
    </message>
    <message>
        <source>标签</source>
        <translation>label</translation>
    </message>
    <message>
        <source>类别“{category}”的{what}</source>
        <translation>{what} of the category “{category}”</translation>
    </message>
</context>
<context>
    <name>DesignerView</name>
    <message>
        <source>左对齐</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>水平居中</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>右对齐</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>顶对齐</source>
        <translation>Top</translation>
    </message>
    <message>
        <source>垂直居中</source>
        <translation>Middle</translation>
    </message>
    <message>
        <source>底对齐</source>
        <translation>Bottom</translation>
    </message>
    <message>
        <source>所选元素的左边对齐</source>
        <translation>Line up the left edges of the selected elements</translation>
    </message>
    <message>
        <source>所选元素水平居中对齐</source>
        <translation>Line up the horizontal centres of the selected elements</translation>
    </message>
    <message>
        <source>所选元素的右边对齐</source>
        <translation>Line up the right edges of the selected elements</translation>
    </message>
    <message>
        <source>所选元素的上边对齐</source>
        <translation>Line up the top edges of the selected elements</translation>
    </message>
    <message>
        <source>所选元素垂直居中对齐</source>
        <translation>Line up the vertical centres of the selected elements</translation>
    </message>
    <message>
        <source>所选元素的下边对齐</source>
        <translation>Line up the bottom edges of the selected elements</translation>
    </message>
    <message>
        <source>版式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>复制“{title}”</source>
        <translation>Copy of “{title}”</translation>
    </message>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>从内置版式复制</source>
        <translation>Start from a copy of a built-in layout</translation>
    </message>
    <message>
        <source>保存到活动</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存到本活动：所有工作台使用</source>
        <translation>Save in this event: every desk uses it</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
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
        <source>文字：{field}</source>
        <translation>Text: {field}</translation>
    </message>
    <message>
        <source>自由文字</source>
        <translation>Free text</translation>
    </message>
    <message>
        <source>色块</source>
        <translation>Colour block</translation>
    </message>
    <message>
        <source>二维码</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>图片…</source>
        <translation>Image…</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>添加元素</source>
        <translation>Add an element</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除所选（Del）</source>
        <translation>Delete the selection (Del)</translation>
    </message>
    <message>
        <source>横向等距</source>
        <translation>Space ↔</translation>
    </message>
    <message>
        <source>水平等距分布</source>
        <translation>Distribute the selection evenly from left to right</translation>
    </message>
    <message>
        <source>纵向等距</source>
        <translation>Space ↕</translation>
    </message>
    <message>
        <source>垂直等距分布</source>
        <translation>Distribute the selection evenly from top to bottom</translation>
    </message>
    <message>
        <source>网格 {size} mm</source>
        <translation>Grid {size} mm</translation>
    </message>
    <message>
        <source>无网格</source>
        <translation>No grid</translation>
    </message>
    <message>
        <source>正面</source>
        <translation>Front</translation>
    </message>
    <message>
        <source>背面</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>添加背面</source>
        <translation>Add back</translation>
    </message>
    <message>
        <source>尺寸</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>为另一种胸卡尺寸添加版本</source>
        <translation>Add a variant for another badge size</translation>
    </message>
    <message>
        <source>元素</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>类别颜色</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>当前设计尚未保存，放弃修改？</source>
        <translation>The design has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>{title}（副本）</source>
        <translation>{title} (copy)</translation>
    </message>
    <message>
        <source>新建版式</source>
        <translation>New layout</translation>
    </message>
    <message>
        <source>添加 {size} mm（{paper}）</source>
        <translation>Add {size} mm ({paper})</translation>
    </message>
    <message>
        <source>删除当前尺寸</source>
        <translation>Remove this size</translation>
    </message>
    <message>
        <source>添加尺寸 {size} mm</source>
        <translation>Add size {size} mm</translation>
    </message>
    <message>
        <source>删除尺寸</source>
        <translation>Remove size</translation>
    </message>
    <message>
        <source>删除背面</source>
        <translation>Remove back</translation>
    </message>
</context>
<context>
    <name>ElementOption</name>
    <message>
        <source>位置</source>
        <translation>position</translation>
    </message>
    <message>
        <source>大小</source>
        <translation>size</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>field</translation>
    </message>
    <message>
        <source>文字</source>
        <translation>text</translation>
    </message>
    <message>
        <source>前缀</source>
        <translation>prefix</translation>
    </message>
    <message>
        <source>字号</source>
        <translation>font size</translation>
    </message>
    <message>
        <source>最小字号</source>
        <translation>smallest font size</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>lines</translation>
    </message>
    <message>
        <source>粗体</source>
        <translation>bold</translation>
    </message>
    <message>
        <source>对齐</source>
        <translation>alignment</translation>
    </message>
    <message>
        <source>垂直对齐</source>
        <translation>vertical alignment</translation>
    </message>
    <message>
        <source>颜色</source>
        <translation>colour</translation>
    </message>
    <message>
        <source>后备字段</source>
        <translation>fallback field</translation>
    </message>
    <message>
        <source>重复不印</source>
        <translation>skip-if-same field</translation>
    </message>
    <message>
        <source>中文姓名规则</source>
        <translation>Chinese name rule</translation>
    </message>
    <message>
        <source>填充</source>
        <translation>fill</translation>
    </message>
    <message>
        <source>圆角</source>
        <translation>corner radius</translation>
    </message>
    <message>
        <source>出血</source>
        <translation>bleed</translation>
    </message>
</context>
<context>
    <name>ElementPanel</name>
    <message>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>色块</source>
        <translation>Colour block</translation>
    </message>
    <message>
        <source>图片</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>二维码</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>类别颜色</source>
        <translation>Category colour</translation>
    </message>
    <message>
        <source>类别色上的文字色</source>
        <translation>Text colour on the category colour</translation>
    </message>
    <message>
        <source>黑 #000000</source>
        <translation>Black #000000</translation>
    </message>
    <message>
        <source>深灰 #333333</source>
        <translation>Dark grey #333333</translation>
    </message>
    <message>
        <source>灰 #555555</source>
        <translation>Grey #555555</translation>
    </message>
    <message>
        <source>白 #FFFFFF</source>
        <translation>White #FFFFFF</translation>
    </message>
    <message>
        <source>居中</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>左</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>右</source>
        <translation>Right</translation>
    </message>
    <message>
        <source>在画布上选择一个元素</source>
        <translation>Select an element on the badge</translation>
    </message>
    <message>
        <source>（自由文字）</source>
        <translation>(Free text)</translation>
    </message>
    <message>
        <source>粗体</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(None)</translation>
    </message>
    <message>
        <source>中文姓名规则</source>
        <translation>Rule for names in Chinese characters</translation>
    </message>
    <message>
        <source>字号</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>最小</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>行数</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>两字名字距</source>
        <translation>Spacing, 2 chars</translation>
    </message>
    <message>
        <source>三字名字距</source>
        <translation>Spacing, 3 chars</translation>
    </message>
    <message>
        <source>出血（贴边时）</source>
        <translation>Bleed at the trim edge</translation>
    </message>
    <message>
        <source>宽</source>
        <translation>W</translation>
    </message>
    <message>
        <source>高</source>
        <translation>H</translation>
    </message>
    <message>
        <source>位置 mm</source>
        <translation>Position mm</translation>
    </message>
    <message>
        <source>大小 mm</source>
        <translation>Size mm</translation>
    </message>
    <message>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>前缀</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>对齐</source>
        <translation>Align</translation>
    </message>
    <message>
        <source>垂直</source>
        <translation>V-align</translation>
    </message>
    <message>
        <source>颜色</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>后备</source>
        <translation>Fallback</translation>
    </message>
    <message>
        <source>重复不印</source>
        <translation>Skip if same as</translation>
    </message>
    <message>
        <source>填充</source>
        <translation>Fill</translation>
    </message>
    <message>
        <source>圆角</source>
        <translation>Radius</translation>
    </message>
    <message>
        <source>（共选中 {count} 个）</source>
        <translation> ({count} selected)</translation>
    </message>
    <message>
        <source>修改{option}</source>
        <translation>Change {option}</translation>
    </message>
</context>
<context>
    <name>ProofPanel</name>
    <message>
        <source>缺字</source>
        <translation>missing glyph</translation>
    </message>
    <message>
        <source>下一个难例 ▶</source>
        <translation>Next hard case ▶</translation>
    </message>
    <message>
        <source>轮流查看最难排版的人：最长的姓名、最长的单位、生僻字、纯英文姓名、没有单位</source>
        <translation>Go through the people hardest to lay out: longest name, longest company, rare characters, English-only name, no company</translation>
    </message>
    <message>
        <source>找人：姓名、拼音、单位</source>
        <translation>Find anyone: name, pinyin, company</translation>
    </message>
    <message>
        <source>打印预览（真实渲染）</source>
        <translation>Proof (what prints)</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <source>EventDesk 胸卡版式 (*.json)</source>
        <translation>EventDesk badge layout (*.json)</translation>
    </message>
    <message>
        <source>保存到本活动</source>
        <translation>Save in this event</translation>
    </message>
    <message>
        <source>作为本活动的标准胸卡（所有工作台立即使用）</source>
        <translation>As this event&apos;s standard badge (every desk uses it at once)</translation>
    </message>
    <message>
        <source>另存为版式，名称：</source>
        <translation>As a layout named:</translation>
    </message>
    <message>
        <source>字母、数字、- 或 _</source>
        <translation>letters, digits, - or _</translation>
    </message>
    <message>
        <source>保存在活动数据库里：所有连接到本活动的工作台、批量打印都使用同一版式。</source>
        <translation>Saved in the event&apos;s database: every desk connected to this event and every batch run uses it.</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>导入胸卡版式</source>
        <translation>Import a badge layout</translation>
    </message>
    <message>
        <source>导出胸卡版式</source>
        <translation>Export the badge layout</translation>
    </message>
</context>
<context>
    <name>VerticalAlign</name>
    <message>
        <source>居中</source>
        <translation>Middle</translation>
    </message>
    <message>
        <source>上</source>
        <translation>Top</translation>
    </message>
    <message>
        <source>下</source>
        <translation>Bottom</translation>
    </message>
</context>
</TS>
