"""Sentences of batch badge print runs (code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "printing.nothing_to_print": ("没有符合条件的胸卡", "No badge matches the selection"),
    "printing.missing_glyph": ("{name}：{field} 含有无法显示的字符 {chars}",
                               "{name}: {field} has characters no font can draw: {chars}"),
    "printing.glyphs_missing": ("{count} 处字符无法显示，未生成文件",
                                "{count} characters cannot be drawn by any font; nothing was "
                                "written"),
    "printing.glyphs_warning": (
        "⚠ {people} 人的姓名或单位含有任何字体都没有的字符，打印出来会是空白方框。"
        "请先修改或加入后备字体（EVENTDESK_FALLBACK_FONTS）。",
        "⚠ The text of {people} people has characters no font has; they would print as empty "
        "boxes. Correct them first or add a fallback font (EVENTDESK_FALLBACK_FONTS)."),
    "printing.confirm_glyphs": ("{count} 处字符无法显示（见列表）。仍然打印？",
                                "{count} characters cannot be drawn (see the list). Print anyway?"),
    "printing.lost_not_recorded": (
        "遗失补打会发放新的胸卡码、作废旧码，必须记录打印（标记为已打印、--mark-printed 或直接"
        "打印）；未生成文件",
        "A reprint for lost badges issues new badge codes and revokes the old ones, so it must be "
        "recorded (mark as printed, --mark-printed, or print it); nothing was written"),
    "printing.already_printed": (
        "其中 {count} 张胸卡已经打印过（{names}），不能再记为首次打印；未生成文件。"
        "请只选“未打印”，或注明补打原因（损坏、信息有误、遗失）",
        "{count} of these badges were printed before ({names}) and cannot be logged as a first "
        "print again; nothing was written. Choose “not yet printed”, or give a reprint reason "
        "(damaged, wrong data, lost)"),
    "printing.person_gone": ("找不到编号为 {person_id} 的人员（共 {count} 人），未记录打印",
                             "Person {person_id} no longer exists ({count} in all); no print "
                             "was logged"),
    "printing.printer_refused": ("无法开始打印（请检查打印机）",
                                 "The printer did not accept the job (check the printer)"),
    "printing.reissued": ("注意：{count} 人的胸卡在打印期间已重新发放，印出的胸卡已作废：{names}",
                          "Note: {count} badges were reissued during the run; the printed ones "
                          "are revoked: {names}"),
    # The Chinese CLI lines keep their English half: scripts written before the catalogue grep it.
    "printing.cli_done": ("已生成 {badges} 张胸卡，共 {pages} 页：{out}（{seconds:.1f} 秒）",
                          "wrote {badges} badges on {pages} pages to {out} ({seconds:.1f} s)"),
    "printing.cli_recorded": ("已记录 {count} 张为已打印",
                              "recorded {count} prints"),
    "printing.done": ("完成：{badges} 张胸卡，{pages} 页 → {where}",
                      "Done: {badges} badges, {pages} pages → {where}"),
    "printing.done_recorded": ("，已记录 {count} 张为已打印", ", {count} recorded as printed"),
    "printing.done_not_recorded": ("（未记录打印）", " (no print logged)"),
    "printing.to_printer": ("打印机", "the printer"),
    "printing.cancelled": ("已取消，未记录任何打印",
                           "Cancelled: nothing was logged"),
}
