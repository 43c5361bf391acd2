<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DryRunPage</name>
    <message>
        <source>预演</source>
        <translation>Dry run</translation>
    </message>
    <message>
        <source>不写入任何数据，只显示导入会做什么：新建、更新、跳过和错误。</source>
        <translation>Nothing is written: this shows what the import would do — records created, updated and skipped, and errors.</translation>
    </message>
    <message>
        <source>跳过有错误的行，只导入有效的行</source>
        <translation>Import the valid rows and skip the rows with errors</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>导出错误报告…</source>
        <translation>Export the error report…</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>导出错误报告</source>
        <translation>Export the error report</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>人员</source>
        <translation>People</translation>
    </message>
    <message>
        <source>展商</source>
        <translation>Exhibitors</translation>
    </message>
    <message>
        <source>签到记录</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>日程</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>节目单（PDF）</source>
        <translation>Programme (PDF)</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>name</translation>
    </message>
    <message>
        <source>英文名</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>job title</translation>
    </message>
    <message>
        <source>手机</source>
        <translation>mobile</translation>
    </message>
    <message>
        <source>邮箱</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>registration reference</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>胸卡编号</source>
        <translation>badge code</translation>
    </message>
    <message>
        <source>二维码</source>
        <translation>QR payload</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>consent</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>contact phone</translation>
    </message>
    <message>
        <source>联系邮箱</source>
        <translation>contact e-mail</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>What</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>仅导出同意个人信息使用的人员</source>
        <translation>Only people who consented to the use of their personal data</translation>
    </message>
    <message>
        <source>包含二维码内容（入场凭证，仅用于发送电子胸卡）</source>
        <translation>Include QR payloads (entry tickets: only for mailing e-badges)</translation>
    </message>
    <message>
        <source>导出到</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>文件须以 {suffix} 结尾</source>
        <translation>The file name must end in {suffix}</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>正在预演…</source>
        <translation>Dry run in progress…</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>已取消，没有写入任何数据</source>
        <translation>Cancelled; nothing was written</translation>
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
        <source>GB18030/GBK（简体中文）</source>
        <translation>GB18030/GBK (Simplified Chinese)</translation>
    </message>
    <message>
        <source>Big5（繁体中文）</source>
        <translation>Big5 (Traditional Chinese)</translation>
    </message>
    <message>
        <source>Shift-JIS（日文）</source>
        <translation>Shift-JIS (Japanese)</translation>
    </message>
    <message>
        <source>EUC-KR（韩文）</source>
        <translation>EUC-KR (Korean)</translation>
    </message>
    <message>
        <source>Windows-1252（西欧语言）</source>
        <translation>Windows-1252 (Western European)</translation>
    </message>
    <message>
        <source>Windows-1251（西里尔文）</source>
        <translation>Windows-1251 (Cyrillic)</translation>
    </message>
    <message>
        <source>Windows-1250（中欧语言）</source>
        <translation>Windows-1250 (Central European)</translation>
    </message>
    <message>
        <source>ISO-8859-1（拉丁文-1）</source>
        <translation>ISO-8859-1 (Latin-1)</translation>
    </message>
    <message>
        <source>逗号</source>
        <translation>comma</translation>
    </message>
    <message>
        <source>分号</source>
        <translation>semicolon</translation>
    </message>
    <message>
        <source>制表符</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>导入名单</source>
        <translation>Import a list</translation>
    </message>
    <message>
        <source>表头在第 {line} 行：{headers}</source>
        <translation>Header on line {line}: {headers}</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>选择文件</source>
        <translation>Choose the file</translation>
    </message>
    <message>
        <source>CSV（编码自动识别，无法确定时请选择）或 Excel .xlsx；下方显示按该编码解码后的内容，乱码说明编码不对。</source>
        <translation>A CSV file (its encoding is detected; choose one when it is not certain) or an Excel .xlsx workbook. Below is the file as that encoding reads it: garbled names mean the wrong encoding.</translation>
    </message>
    <message>
        <source>文件路径</source>
        <translation>File path</translation>
    </message>
    <message>
        <source>自动识别</source>
        <translation>Detect automatically</translation>
    </message>
    <message>
        <source>导入内容</source>
        <translation>Kind of list</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>编码</source>
        <translation>Encoding</translation>
    </message>
    <message>
        <source>名单</source>
        <translation>Lists</translation>
    </message>
    <message>
        <source>选择名单</source>
        <translation>Choose a list</translation>
    </message>
    <message>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>（请在下一步选择其他工作表）</source>
        <translation> (choose another sheet on the next page)</translation>
    </message>
    <message>
        <source>CSV，编码 {encoding}，分隔符 {delimiter}</source>
        <translation>CSV, encoding {encoding}, delimiter {delimiter}</translation>
    </message>
    <message>
        <source>Excel，工作表“{sheet}”（文件共有工作表 {count} 个）</source>
        <translation>Excel, sheet “{sheet}” (sheets in the file: {count})</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>【{encoding}】</source>
        <translation>[{encoding}]</translation>
    </message>
    <message>
        <source>选择工作表</source>
        <translation>Choose the sheet</translation>
    </message>
    <message>
        <source>表头上方的标题行和空行会被自动跳过。</source>
        <translation>Title rows and blank rows above the header are skipped automatically.</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>更新已有记录</source>
        <translation>Update the existing record</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>视为错误</source>
        <translation>Treat as an error</translation>
    </message>
    <message>
        <source>对应列</source>
        <translation>Map the columns</translation>
    </message>
    <message>
        <source>已按列名自动对应，可修改；带 * 的字段是必需的。</source>
        <translation>Columns were matched by their names; change any of them. Fields marked * are required.</translation>
    </message>
    <message>
        <source>记住这个对应关系</source>
        <translation>Remember this mapping</translation>
    </message>
    <message>
        <source>新建文件中的会议室</source>
        <translation>Create the file&apos;s new rooms</translation>
    </message>
    <message>
        <source>重复记录</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>前几行预览</source>
        <translation>First rows</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>清除个人信息</source>
        <translation>Purge personal data</translation>
    </message>
    <message>
        <source>活动结束后，清除所有人员的姓名、电话、邮箱、单位（展商人员除外）、报名编号、备注和胸卡码，以及展商联系人。保留匿名统计：人数、类别、签到时间、签到台。此操作无法撤销。</source>
        <translation>After the event: erases every person&apos;s name, phone, e-mail, company (except exhibitor staff), registration reference, notes and badge code, and the exhibitors&apos; contacts. Keeps anonymous figures: counts, categories, check-in times, desks. This cannot be undone.</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>TransferMenu</name>
    <message>
        <source>数据(&amp;D)</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>导入…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
</context>
</TS>
