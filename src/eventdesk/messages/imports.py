"""Sentences of the imports area (people, exhibitors and schedule lists): code -> (zh, en),
and the worded forms of an import report that the CLI and the import wizard share:
`row_message`, `error_json`, `report_json` (the CLI contract's JSON), `rejection_json`, `summary`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eventdesk.domain.errors import ImportRejected, RowError

if TYPE_CHECKING:  # the catalogue is loaded with every message; the services only when needed
    from eventdesk.services.imports.report import ImportReport

CATALOGUE: dict[str, tuple[str, str]] = {
    # -- the file as a whole (ImportRejected) --
    "imports.file_not_found": ("找不到文件：{path}", "File not found: {path}"),
    "imports.file_unreadable": ("无法读取文件 {file}：{reason}", "Cannot read {file}: {reason}"),
    "imports.file_too_large": ("{file} 有 {size} MB，超过 CSV 的上限 {limit} MB，请拆分后分批导入",
                               "{file} is {size} MB, more than the {limit} MB a CSV may be; "
                               "split it and import the parts"),
    "imports.line_too_long": ("{file} 第 {line} 行超过 {limit} MB 仍未换行，不是正常的名单文件，"
                              "已拒绝",
                              "Line {line} of {file} runs past {limit} MB without a line end: "
                              "not a list; refused"),
    "imports.too_many_rows": ("{file} 超过 {limit} 行，请拆分后分批导入",
                              "{file} has more than {limit} rows; split it and import the parts"),
    "imports.file_empty": ("文件 {file} 是空的", "The file {file} is empty"),
    "imports.xls_legacy": ("{file} 是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 或 CSV",
                           "{file} is an old Excel (.xls) file; save it as .xlsx or CSV in Excel"),
    "imports.xlsx_not_zip": (
        "{file} 不是有效的 Excel (.xlsx) 文件（可能已损坏或只是改了扩展名）",
        "{file} is not a valid Excel (.xlsx) file (damaged, or only its extension was changed)"),
    "imports.xlsx_invalid": ("{file} 不是有效的 Excel (.xlsx) 文件：{detail}",
                             "{file} is not a valid Excel (.xlsx) file: {detail}"),
    "imports.xlsx_part_too_large": (
        "{file} 中的部件 {part} 解压后有 {size} MB，超过上限 {limit} MB，已拒绝（以免耗尽内存）",
        "The part {part} of {file} inflates to {size} MB, more than the limit of {limit} MB; "
        "refused so that it cannot exhaust memory"),
    "imports.xlsx_part_ratio": (
        "{file} 中的部件 {part} 压缩比为 {ratio}:1，超过上限 {limit}:1，疑似“压缩炸弹”，已拒绝",
        "The part {part} of {file} inflates {ratio} times, more than the limit of {limit}; "
        "refused as a possible zip bomb"),
    "imports.xlsx_part_lies": (
        "{file} 中的部件 {part} 解压后超过其声明的大小（{declared} 字节），文件已损坏或被篡改，"
        "已拒绝",
        "The part {part} of {file} inflates beyond its declared size ({declared} bytes): the "
        "file is damaged or forged; refused"),
    "imports.xlsx_too_large": (
        "{file} 解压后共有 {size} MB，超过上限 {limit} MB，已拒绝",
        "{file} inflates to {size} MB in all, more than the limit of {limit} MB; refused"),
    "imports.xlsx_too_many_parts": (
        "{file} 含有 {parts} 个部件，超过上限 {limit}，不像 Excel 文件，已拒绝",
        "{file} holds {parts} parts, more than the limit of {limit}; not an Excel workbook, "
        "refused"),
    "imports.sheet_corrupt": ("{file} 的工作表“{sheet}”已损坏：{detail}",
                              "The sheet “{sheet}” of {file} is damaged: {detail}"),
    "imports.no_sheets": ("{file} 里没有工作表", "{file} has no sheets"),
    "imports.no_such_sheet": ("{file} 里没有名为“{sheet}”的工作表（有：{sheets}）",
                              "{file} has no sheet named “{sheet}” (it has: {sheets})"),
    "imports.binary": ("{file} 不是文本文件（第 {line} 行含二进制内容），请选择 CSV 或 .xlsx 文件",
                       "{file} is not a text file (line {line} holds binary data); choose a CSV "
                       "or .xlsx file"),
    "imports.utf16_damaged": ("{file} 的编码无法识别（UTF-16 内容损坏）",
                              "The encoding of {file} cannot be read (damaged UTF-16)"),
    "imports.mixed_encodings": (
        "{file} 混用了两种编码（第 {utf8_line} 行是 UTF-8，第 {other_line} 行不是），"
        "请统一另存为 UTF-8 CSV",
        "{file} mixes two encodings (line {utf8_line} is UTF-8, line {other_line} is not); "
        "save it again as a UTF-8 CSV"),
    "imports.unknown_encoding": (
        "{file} 的编码无法识别（第 {line} 行既不是 UTF-8 也不是 GB18030/GBK），请另存为 UTF-8 CSV，"
        "或用 --encoding 指定编码",
        "The encoding of {file} is not recognised (line {line} is neither UTF-8 nor "
        "GB18030/GBK); save it as a UTF-8 CSV, or name its encoding with --encoding"),
    "imports.encoding_unsure": (
        "无法确定 {file} 的编码（可能是：{candidates}），为免乱码未导入任何数据；请指定编码："
        "命令行加 --encoding（例如 --encoding {example}），"
        "或在导入向导中选择编码并核对解码后的姓名",
        "The encoding of {file} is not certain (it may be: {candidates}); nothing was imported, "
        "so that no name is garbled. Name the encoding: --encoding on the command line (e.g. "
        "--encoding {example}), or choose it in the import wizard and check the decoded names"),
    # The same, said in the import wizard (the list of encodings is above the decoded text).
    "imports.encoding_unsure_wizard": (
        "无法确定 {file} 的编码（可能是：{candidates}），为免乱码未导入任何数据；"
        "请在上方选择编码，并核对下方解码后的姓名",
        "The encoding of {file} is not certain (it may be: {candidates}); nothing was imported, "
        "so that no name is garbled. Choose the encoding above and check the names decoded "
        "below"),
    "imports.encoding_unknown": ("未知的编码“{encoding}”（例如 gb18030、big5、shift_jis、"
                                 "euc_kr、cp1252、utf-8）",
                                 "Unknown encoding “{encoding}” (e.g. gb18030, big5, shift_jis, "
                                 "euc_kr, cp1252, utf-8)"),
    "imports.encoding_wrong": ("{file} 不是 {encoding} 编码（第 {line} 行无法按它解码），"
                               "请选择其他编码",
                               "{file} is not in {encoding} (line {line} does not decode with "
                               "it); choose another encoding"),
    "imports.encoding_reading": ("  --encoding {encoding}  {label}：{sample}",
                                 "  --encoding {encoding}  {label}: {sample}"),
    "imports.csv_unparsable": ("{file} 第 {line} 行无法解析：{detail}（单元格最长 {limit} 字符）",
                               "Line {line} of {file} cannot be read: {detail} (cells hold at "
                               "most {limit} characters)"),
    "imports.csv_damaged": (
        "{file} 的结构已损坏（{count} 处；第一处在第 {row} 行“{column}”列：{cause}）；"
        "为免数据错位或丢失，未导入任何数据，请修正后重试",
        "The structure of {file} is damaged ({count} places; the first in row {row}, column "
        "“{column}”: {cause}); nothing was imported, so that no value lands in the wrong column "
        "or is lost; correct the file and try again"),
    "imports.csv.unclosed_quote": (
        "引号没有闭合：这一格从文件第 {line} 行起一直延续到文件末尾（{lines} 行），"
        "后面的行都被并入了这一格",
        "an unclosed quote: this cell runs from line {line} of the file to its end ({lines} "
        "lines), taking in every following row"),
    "imports.csv.unclosed_quote_file": (
        "{file} 第 {line} 行的引号没有闭合，其后 {lines} 行都被并入了一个单元格；"
        "未导入任何数据，请修正后重试",
        "A quote on line {line} of {file} is never closed: the {lines} lines after it became "
        "one cell; nothing was imported, correct the file and try again"),
    "imports.csv.swallowed_rows": (
        "引号多半没有闭合：这一格从文件第 {line} 行跨到第 {last} 行，里面有整行的数据（含分隔符）",
        "probably an unclosed quote: this cell runs from line {line} to line {last} of the "
        "file and holds whole rows (with delimiters)"),
    "imports.csv.extra_fields": (
        "这一行有 {fields} 个字段，多于表头的 {columns} 列，{column} 列没有表头却有内容"
        "（多半是单元格里有未加引号的分隔符，后面的值都错了位）",
        "this row has {fields} fields, more than the header's {columns} columns; column "
        "{column} has no header but holds a value (probably a delimiter inside a cell without "
        "quotes, which shifts every later value)"),
    "imports.csv.missing_fields": (
        "这一行只有 {fields} 个字段，少于表头的 {columns} 列（缺了分隔符，后面的值会落到错误的列）",
        "this row has only {fields} fields, fewer than the header's {columns} columns (a "
        "missing delimiter puts the later values into the wrong columns)"),
    "imports.no_content": ("{file} 里没有任何内容", "{file} holds nothing"),
    "imports.duplicate_header": (
        "表头“{header}”出现了两次（第 {first} 列和第 {second} 列），请改名或删除其中一列",
        "The header “{header}” appears twice (columns {first} and {second}); rename or delete "
        "one of them"),
    "imports.header_only": ("{file} 只有表头，没有数据行", "{file} has a header but no rows"),
    "imports.unknown_kind": ("未知的导入类型“{kind}”（可用：{kinds}）",
                             "Unknown kind of list “{kind}” (known: {kinds})"),
    "imports.unknown_policy": ('未知的重复处理方式“{policy}”（"update"、"skip" 或 "reject"）',
                               "Unknown duplicate handling “{policy}” (update, skip or reject)"),
    "imports.changed_since_dry_run": (
        "{file} 在预演之后被修改过；为避免导入与预演不同的数据，请重新预演后再导入",
        "{file} was changed after the dry run; run the dry run again before importing, so that "
        "what is imported is what was reviewed"),
    # -- the column mapping --
    "imports.mapping.missing_required": (
        "找不到必需的“{field}”列（可用的列名：{aliases}…），请在列对应中指定",
        "No column for the required “{field}” (names recognised: {aliases}…); choose it in the "
        "column mapping"),
    "imports.mapping.header_absent": ("列“{header}”不在文件里",
                                      "The column “{header}” is not in the file"),
    "imports.mapping.header_twice": ("列“{header}”被对应到了多个字段",
                                     "The column “{header}” is mapped to more than one field"),
    # -- columns left out, second columns --
    "imports.unmapped_columns": ("未导入的列：{columns}（这些列的内容不会导入）",
                                 "Columns not imported: {columns} (their values are left out)"),
    "imports.secondary_column": (
        "“{column}”是“{field}”的第二列：“{field}”为空时用它，两者不同时{kept}",
        "“{column}” is a second column of “{field}”: used where “{field}” is blank; where "
        "the two differ, {kept}"),
    "imports.secondary_kept.notes": ("它的值写入备注", "its value is kept in the notes"),
    "imports.secondary_kept.warning": ("它的值不导入，并逐行提示",
                                       "its value is not imported and each row is noted"),
    "imports.second_column_differs": ("与“{field}”列的值不同，未导入",
                                      "differs from the “{field}” column; not imported"),
    # -- rows --
    "imports.duplicate_of_row": ("与第 {row} 行重复（{field}相同）",
                                 "Duplicate of row {row} (same {field})"),
    "imports.kind.people": ("人员", "person"),
    "imports.kind.exhibitors": ("展商", "exhibitor"),
    "imports.kind.schedule": ("会议", "agenda item"),
    "imports.duplicate_of_record": ("与已有{what}“{record}”重复（{field}相同）",
                                    "Duplicate of the existing {what} “{record}” (same {field})"),
    "imports.too_long": ("过长（最多 {limit} 字）", "Too long (at most {limit} characters)"),
    "imports.people.unknown_category": ("未知的类别“{value}”（可用：{choices}）",
                                        "Unknown category “{value}” (known: {choices})"),
    "imports.people.unknown_status": ("未知的状态“{value}”（已报名 或 已取消）",
                                      "Unknown status “{value}” (registered or cancelled)"),
    "imports.people.unknown_consent": ("无法识别的同意情况“{value}”（可用：{choices}）",
                                       "Unreadable consent “{value}” (use {choices})"),
    "imports.exhibitors.bad_quota": ("人员名额须为 0–10000 的整数",
                                     "The staff quota must be a whole number from 0 to 10000"),
    "imports.schedule.bad_date": ("看不懂的日期“{value}”（例：2025/5/20、2025-05-20）",
                                  "Unreadable date “{value}” (e.g. 2025/5/20, 2025-05-20)"),
    "imports.schedule.bad_time": ("看不懂的时间“{value}”（例：9:00、09:00）",
                                  "Unreadable time “{value}” (e.g. 9:00, 09:00)"),
    "imports.schedule.no_date": ("缺少日期", "The date is missing"),
    "imports.schedule.unknown_kind": ("未知的类型“{value}”（主旨演讲/论坛/演讲/圆桌/休息）",
                                      "Unknown kind “{value}” (keynote/forum/talk/panel/break)"),
    "imports.schedule.title_blank": ("议题不能为空", "The title cannot be blank"),
    "imports.schedule.time_blank": ("时间不能为空", "The time cannot be blank"),
    "imports.schedule.end_before_start": ("结束时间须晚于开始时间",
                                          "The end must be after the start"),
    "imports.schedule.bad_audience": ("预计人数须为整数",
                                      "The expected audience must be a whole number"),
    "imports.schedule.room_blank": ("会议室不能为空", "The room cannot be blank"),
    "imports.schedule.unknown_room": (
        "未知的会议室“{room}”（可选择新建文件中的会议室：导入向导中勾选“新建文件中的会议室”，"
        "命令行加 --create-rooms）",
        "Unknown room “{room}” (choose to create the file's rooms: “Create the file's new "
        "rooms” in the import wizard, --create-rooms on the command line)"),
    "imports.schedule.speaker_ambiguous": ("嘉宾“{name}”未匹配：同名多人，请写 姓名（公司）",
                                           "Speaker “{name}” not matched: several people have "
                                           "this name; write it as name (company)"),
    "imports.schedule.speaker_unknown": ("嘉宾“{name}”未匹配：人员名单中没有此人",
                                         "Speaker “{name}” not matched: no such person in the "
                                         "list of people"),
    # -- what an import did --
    "imports.summary.rejected": (
        "发现 {errors} 处错误，未导入任何数据（修正后重试，或选择“跳过错误行”："
        "将新建 {create}、更新 {update}、跳过 {skip}）",
        "{errors} errors found, nothing imported (correct them and retry, or choose to skip the "
        "rows with errors: {create} would be created, {update} updated, {skip} skipped)"),
    "imports.summary.dry_run": ("预演：将新建 {created} 条、更新 {updated} 条、跳过 {skipped} 条",
                                "Dry run: would create {created}, update {updated}, skip "
                                "{skipped}"),
    "imports.summary.done": ("已新建 {created} 条、更新 {updated} 条、跳过 {skipped} 条",
                             "Created {created}, updated {updated}, skipped {skipped}"),
    "imports.summary.rows_skipped": ("（其中 {errors} 处错误所在的行被跳过）",
                                     " (the rows of {errors} errors were skipped)"),
    "imports.summary.rooms_created": ("新建会议室：{rooms}", "Rooms created: {rooms}"),
    "imports.row_line": ("第 {row} 行 [{column}] {value}: {message}",
                         "Row {row} [{column}] {value}: {message}"),
    "imports.warning_line": ("提示 第 {row} 行 [{column}] {value}: {message}",
                             "Note: row {row} [{column}] {value}: {message}"),
    "imports.conflict_line": ("冲突：{message}", "Conflict: {message}"),
    "imports.list_separator": ("、", ", "),
    "imports.sentence_separator": ("；", "; "),
    "imports.more_errors": ("…另有 {count} 处错误（用 --json 查看全部）",
                            "…{count} more errors (--json lists them all)"),
}

# The fields of every kind of list (services.imports FieldSpec labels, Chinese) in English: the
# column mapping names them, and sentences about a field carry its label (`field=`).
FIELD_LABELS_EN: dict[str, str] = {
    "姓名": "Name", "英文名": "English name", "单位": "Company", "类别": "Category",
    "职务": "Job title", "手机": "Mobile", "邮箱": "E-mail", "状态": "Status",
    "编号": "Reference", "备注": "Notes", "胸卡编号": "Badge code", "同意": "Consent",
    "名称": "Name", "英文名称": "English name", "简称": "Short name", "行业": "Sector",
    "展馆": "Hall", "展位": "Booth", "联系人": "Contact", "联系电话": "Contact phone",
    "联系邮箱": "Contact e-mail", "名额": "Staff quota", "日期": "Date", "开始": "Start",
    "结束": "End", "会议室": "Room", "议题": "Title", "英文标题": "English title",
    "类型": "Kind", "论坛": "Track", "演讲嘉宾": "Speakers", "主持人": "Moderators",
    "预计人数": "Expected audience",
}


def field_label(label: str) -> str:
    """A field's label (Chinese, as the import adapters name it) in the current language."""
    from eventdesk.messages import language

    return FIELD_LABELS_EN.get(label, label) if language() == "en" else label


def worded_params(params: dict[str, Any]) -> dict[str, Any]:
    """`params` of a sentence about a field with the field's label in the current language."""
    if isinstance(params.get("field"), str):
        return {**params, "field": field_label(params["field"])}
    return params


def _text(code: str, **params: object) -> str:
    from eventdesk.messages import text

    return text(code, **params)


def row_message(error: RowError) -> str:
    """The sentence for one row problem, in the current language."""
    return _text(error.code, **worded_params(error.params)) if error.code else error.message


def error_json(error: RowError) -> dict[str, Any]:
    return {"row": error.row, "column": error.column, "value": error.value,
            "message": row_message(error)}


def report_json(report: ImportReport) -> dict[str, Any]:
    """The contract's {"created", "updated", "skipped", "errors": [{row, column, value,
    message}]} plus what more the report knows (warnings, would_*, the kind's extra)."""
    return {
        "created": report.created, "updated": report.updated, "skipped": report.skipped,
        "errors": [error_json(e) for e in report.errors],
        "warnings": [error_json(e) for e in report.warnings],
        "kind": report.kind, "rows": report.rows, "dry_run": report.dry_run,
        "rejected": report.rejected, "written": report.written,
        "would_create": report.would_create, "would_update": report.would_update,
        "would_skip": report.would_skip, "encoding": report.encoding, "sheet": report.sheet,
        "content_hash": report.content_hash, "unmapped_columns": list(report.unmapped_columns),
        "secondary_columns": dict(report.secondary_columns), **report.extra,
        **({"conflicts": [c.as_json(message=_text(c.code, **c.params))
                          for c in report.extra["conflicts"]]}
           if "conflicts" in report.extra else {}),
    }


def column_lines(*, kind: str, unmapped: list[str], secondary: dict[str, str]) -> list[str]:
    """Sentences on the columns an import of `kind` leaves out and the second columns it uses
    ({header: field key}); the dry run, the import and the wizard say the same."""
    from eventdesk.services.imports import adapter_for

    adapter = adapter_for(kind)
    labels = {f.key: field_label(f.label) for f in adapter.fields}
    lines = []
    if unmapped:
        lines.append(_text("imports.unmapped_columns", columns=_text("imports.list_separator")
                           .join(unmapped)))
    kept = _text("imports.secondary_kept.notes" if adapter.notes_field
                 else "imports.secondary_kept.warning")
    for column, key in secondary.items():
        lines.append(_text("imports.secondary_column", column=column,
                           field=labels.get(key, key), kept=kept))
    return lines


def report_columns(report: ImportReport) -> list[str]:
    """column_lines for what a report says of the file's columns."""
    return column_lines(kind=report.kind, unmapped=report.unmapped_columns,
                        secondary=report.secondary_columns)


def rejection_json(exc: ImportRejected) -> dict[str, Any]:
    """The import JSON for a file refused as a whole (unreadable, no name column…); a file
    whose encoding is unsure adds `encoding_candidates`: [{encoding, label, sample}]."""
    from eventdesk.messages import describe

    message = describe(exc)
    listed = [error_json(e) for e in exc.errors] or [
        {"row": 0, "column": "", "value": "", "message": message}]
    shaped: dict[str, Any] = {"created": 0, "updated": 0, "skipped": 0, "errors": listed,
                              "rejected": True, "written": False, "message": message}
    if "readings" in exc.params:
        shaped["encoding_candidates"] = encoding_candidates(exc)
    return shaped


def encoding_candidates(exc: ImportRejected) -> list[dict[str, str]]:
    """The encodings an unsure file may be in, each with the text it gives (best first)."""
    readings: Any = exc.params.get("readings") or []
    return [{"encoding": r.encoding, "label": r.label, "sample": r.sample} for r in readings]


def encoding_lines(exc: ImportRejected) -> list[str]:
    """One line per candidate encoding of an unsure file: the flag to choose it and the first
    lines as it decodes them, so that a person sees which one gives real names."""
    return [_text("imports.encoding_reading", encoding=c["encoding"], label=c["label"],
                  sample=c["sample"].replace("\r", "").replace("\n", " / "))
            for c in encoding_candidates(exc)]


def summary(report: ImportReport) -> str:
    """One sentence for people about what the import did (or would do)."""
    def n(value: int) -> str:  # 30,000: grouped the same way in Chinese and English
        return f"{value:,}"

    if report.rejected:
        return _text("imports.summary.rejected", errors=n(len(report.errors)),
                     create=n(report.would_create), update=n(report.would_update),
                     skip=n(report.would_skip))
    code = "imports.summary.dry_run" if report.dry_run else "imports.summary.done"
    said = _text(code, created=n(report.created), updated=n(report.updated),
                 skipped=n(report.skipped))
    if report.errors:
        said += _text("imports.summary.rows_skipped", errors=n(len(report.errors)))
    rooms = report.extra.get("rooms_created") or []
    if rooms:
        said += _text("imports.sentence_separator") + _text(
            "imports.summary.rooms_created", rooms=_text("imports.list_separator").join(rooms))
    return said
