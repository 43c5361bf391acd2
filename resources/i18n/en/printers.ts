<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CalibrationDialog</name>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>纸张</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>偏移 X（向右为 +）</source>
        <translation>Offset X (+ is right)</translation>
    </message>
    <message>
        <source>偏移 Y（向下为 +）</source>
        <translation>Offset Y (+ is down)</translation>
    </message>
    <message>
        <source>缩放</source>
        <translation>Scale</translation>
    </message>
</context>
</TS>
