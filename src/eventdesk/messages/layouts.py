"""Sentences of badge layouts and the badge designer (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # A refused layout: where (one element, named), then what is wrong with it.
    "layout.rejected": ("版式“{name}”不能使用：{problem}{more}",
                        "The layout “{name}” cannot be used: {problem}{more}"),
    "layout.more": ("（另有 {count} 处问题）", " ({count} more problems)"),
    "layout.problem": ("{where}：{what}", "{where}: {what}"),
    "layout.where.file": ("版式文件", "the layout file"),
    "layout.where.side": ("{variant} mm 版本的{side}", "the {side} of the {variant} mm variant"),
    "layout.where.element": ("{variant} mm 版本{side}第 {index} 个元素（{kind}{label}）",
                             "element {index} ({kind}{label}) on the {side} of the {variant} mm "
                             "variant"),
    "layout.side.front": ("正面", "front"),
    "layout.side.back": ("背面", "back"),
    "layout.kind.text": ("文字", "text"),
    "layout.kind.rect": ("色块", "rectangle"),
    "layout.kind.image": ("图片", "image"),
    "layout.kind.qr": ("二维码", "QR code"),
    # What is wrong (pdf.layout_check.CODES).
    "layout.too_big": ("文件太大（最多 {limit}）", "the file is too big (at most {limit})"),
    "layout.not_json": ("不是有效的 JSON（{reason}）", "not valid JSON ({reason})"),
    "layout.too_deep": ("嵌套层数太多（最多 {limit} 层）",
                        "nested too deeply (at most {limit} levels)"),
    "layout.not_object": ("内容不是一个版式（应为 JSON 对象）",
                          "the content is not a layout (a JSON object is expected)"),
    "layout.no_variants": ('没有任何尺寸版本（"variants"）',
                           "it has no size variants ('variants')"),
    "layout.too_many_variants": ("尺寸版本太多（{count} 个，最多 {limit} 个）",
                                 "too many size variants ({count}, at most {limit})"),
    "layout.too_many_elements": ("元素太多（{count} 个，最多 {limit} 个）",
                                 "too many elements ({count}, at most {limit})"),
    "layout.bad_size": ("尺寸 {value} 无效（每边 {low}–{high} mm）",
                        "the size {value} is not valid ({low}–{high} mm a side)"),
    "layout.bad_element": ("不是一个元素（应为 JSON 对象）",
                           "not an element (a JSON object is expected)"),
    "layout.unknown_type": ("未知的元素类型“{value}”（可用：{types}）",
                            "unknown element type “{value}” (one of {types})"),
    "layout.bad_box": ("位置 {value} 无效（应为 [x, y, 宽, 高]，单位 mm）",
                       "the box {value} is not valid ([x, y, width, height] in mm expected)"),
    "layout.box_outside": ("位置 {box} 超出了 {size} mm 的胸卡",
                           "the box {box} lies outside the {size} mm badge"),
    "layout.unknown_field": ("{key} 的字段“{value}”不存在（可用：{fields}）",
                             "{key}: there is no field “{value}” (one of {fields})"),
    "layout.bad_colour": ("{key} 的颜色“{value}”无效（应为 #RRGGBB）",
                          "{key}: the colour “{value}” is not valid (#RRGGBB expected)"),
    "layout.bad_value": ("{key} 的值无效", "the value of {key} is not valid"),
    "layout.bad_image_name": ("图片名“{value}”无效（只能是同一文件夹里的文件名）",
                              "the image name “{value}” is not valid (a file name in the same "
                              "folder only)"),
    "layout.image_missing": ("图片文件不存在", "the image file is missing"),
    "layout.image_too_big": ("图片太大（{size}，最多 {limit}）",
                             "the image is too big ({size}, at most {limit})"),
    "layout.image_not_image": ("图片不是可读的 PNG 或 JPEG",
                               "the image is not a readable PNG or JPEG"),
    "layout.text_too_long": ("{key} 的文字太长（最多 {limit} 字）",
                             "{key}: the text is too long (at most {limit} characters)"),
    # Names and the event's layouts.
    "layout.unknown": ("没有名为“{name}”的胸卡版式（可用：{names}）",
                       "There is no badge layout named “{name}” (available: {names})"),
    "layout.name_invalid": ("版式名称“{name}”无效：1–40 个字母、数字、- 或 _，不含空格",
                            "The layout name “{name}” is not valid: 1–40 letters, digits, - "
                            "or _, no spaces"),
    "layout.not_in_event": ("本活动没有保存名为“{name}”的版式",
                            "The event has no saved layout named “{name}”"),
    # The built-in layouts' titles (resources/layouts/NAME.json holds the Chinese one).
    "layout.builtin.default": ("标准胸卡", "Standard badge"),
    "layout.builtin.bold": ("醒目色块", "Bold colour block"),
    "layout.builtin.duplex": ("双面", "Two-sided"),
    "layout.origin.event": ("本活动（所有工作台）", "this event (every desk)"),
    "layout.origin.user": ("本机用户目录", "this computer's user folder"),
    "layout.origin.builtin": ("内置", "built in"),
    "layout.origin.extra": ("EVENTDESK_LAYOUTS 目录", "the EVENTDESK_LAYOUTS folder"),
    "layout.cli_ok": ("{file}：版式可以使用（{variants} 个尺寸版本）",
                      "{file}: the layout can be used ({variants} size variants)"),
    "layout.cli_problems": ("{file}：{count} 处问题，版式不能使用",
                            "{file}: {count} problems; the layout cannot be used"),
    "layout.saved": ("已保存版式“{name}”到本活动：所有工作台和批量打印都会使用它",
                     "Saved the layout “{name}” in this event: every desk and batch run uses it"),
    "layout.exported": ("已导出到 {path}", "Exported to {path}"),
    "layout.imported": ("已导入版式“{name}”（尚未保存到活动）",
                        "Imported the layout “{name}” (not yet saved in the event)"),
    # Proof people (services.badges.proof.CASES).
    "proof.longest_name": ("最长的姓名", "longest name"),
    "proof.longest_company": ("最长的单位名称", "longest company"),
    "proof.rare_characters": ("生僻字", "rare characters"),
    "proof.english_name": ("纯英文姓名", "English-only name"),
    "proof.no_company": ("没有单位", "no company"),
    "proof.sample": ("示例人员（数据库里还没有人员）",
                     "a sample person (no one in the database yet)"),
    "proof.missing_glyphs": ("⚠ {field} 有无法显示的字符：{chars}",
                             "⚠ {field} has characters no font can draw: {chars}"),
    "proof.all_glyphs": ("✓ 所有字符都能显示", "✓ Every character has a font"),
    "proof.char": ("{char}（U+{code}）", "{char} (U+{code})"),
}


def layout_title(name: str, title: str, origin: str) -> str:
    """A layout's title as listed: a built-in one in the current language, any other (the
    event's, a file's) as its author wrote it."""
    from eventdesk import messages

    code = f"layout.builtin.{name}"
    return messages.text(code) if origin == "builtin" and code in messages.catalogue() else title
