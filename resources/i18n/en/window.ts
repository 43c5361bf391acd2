<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>LanguageMenu</name>
    <message>
        <source>界面语言将在重新启动后更改。现在重新启动吗？</source>
        <translation>The interface language changes after a restart. Restart now?</translation>
    </message>
</context>
</TS>
