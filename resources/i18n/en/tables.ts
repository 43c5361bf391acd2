<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>DetailPanel</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>还原</source>
        <translation>Revert</translation>
    </message>
</context>
<context>
    <name>ListDetailView</name>
    <message>
        <source>“{name}”有未保存的修改，要保存吗？</source>
        <translation>“{name}” has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>表单中有未保存的修改，要保存吗？</source>
        <translation>The form has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
</context>
</TS>
