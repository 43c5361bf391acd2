"""Sentences of the print system: printers, the first-print choice, calibration
(code -> (zh, en))."""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "printer.none": ("这台电脑没有安装任何打印机：请在系统设置中添加打印机，"
                     "或在签到台设置（F9）中选择“保存为 PDF 文件”",
                     "This computer has no printer: add one in the system settings, or choose "
                     "\"Save as PDF files\" in the desk settings (F9)"),
    "printer.no_default": ("没有指定打印机，系统也没有默认打印机；可用的打印机：{known}",
                           "No printer given and the system has no default printer; the "
                           "printers are: {known}"),
    "printer.not_found": ("找不到打印机“{printer}”；可用的打印机：{known}",
                          "There is no printer \"{printer}\"; the printers are: {known}"),
    "printer.stopped": ("打印机“{printer}”已暂停或出错，未打印：请先在系统打印队列中恢复它",
                        "Printer \"{printer}\" is paused or in error; nothing was printed: "
                        "resume it in the system's print queue first"),
    "printer.failed": ("打印机“{printer}”未能接收打印任务（{error}），未打印",
                       "Printer \"{printer}\" did not take the job ({error}); nothing was "
                       "printed"),
    "printer.not_chosen": ("没有选择打印机，未打印（下次打印时会再询问）",
                           "No printer chosen; nothing was printed (asked again at the next "
                           "print)"),
    "printer.choose_title": ("选择本签到台的胸卡打印机（之后不再询问，可在 F9 设置中更改）",
                             "Choose this desk's badge printer (remembered; change it with F9)"),
    "printer.sent": ("已发送到打印机 {printer}：{badges} 张胸卡，{pages} 页 × {copies} 份",
                     "sent to printer {printer}: {badges} badges, {pages} pages × {copies}"),
    "printer.list_default": ("（默认）", " (default)"),
    "printer.list_empty": ("这台电脑没有安装任何打印机", "This computer has no printer"),
    # calibration
    "printer.calibration.out_of_range": ("{what} = {value:g} 超出范围（{low:g} 到 {high:g}）",
                                         "{what} = {value:g} is out of range ({low:g} to "
                                         "{high:g})"),
    "printer.calibration.saved": ("已保存 {desk} 台打印机 {printer} 的校准：偏移 X {x:+g} mm，"
                                  "Y {y:+g} mm，缩放 {scale:g} %",
                                  "Saved the calibration of printer {printer} at desk {desk}: "
                                  "offset X {x:+g} mm, Y {y:+g} mm, scale {scale:g} %"),
    "printer.calibration.current": ("{desk} 台打印机 {printer} 的校准：偏移 X {x:+g} mm，"
                                    "Y {y:+g} mm，缩放 {scale:g} %",
                                    "Calibration of printer {printer} at desk {desk}: offset X "
                                    "{x:+g} mm, Y {y:+g} mm, scale {scale:g} %"),
    "printer.calibration.page_written": ("已生成校准页 {out}（{preset}，{w:g}×{h:g} mm）",
                                         "wrote the calibration page {out} ({preset}, "
                                         "{w:g}×{h:g} mm)"),
    "printer.calibration.page_sent": ("校准页已发送到打印机 {printer}（{preset}）",
                                      "calibration page sent to printer {printer} ({preset})"),
    "printer.calibration.title": ("打印机校准", "Printer calibration"),
    "printer.calibration.help": (
        "1. 在胸卡纸上打印校准页。2. 用尺子量：十字竖线到纸左边的距离、横线到纸上边的距离，"
        "各减去页上写的应有距离，就是偏移（偏右、偏下为正）；量标尺从 0 到末端的长度，"
        "÷ 标称长度 × 100 就是缩放。"
        "3. 填入并保存：此后本台在这台打印机上的每次打印都会自动校正。",
        "1. Print the calibration page on the badge stock. 2. Measure the distance from the "
        "paper's left edge to the vertical line and from its top edge to the horizontal line and "
        "subtract the nominal figures printed on the page: that is the offset (right and down "
        "are positive); measure the ruler from 0 to its end and divide by its nominal length "
        "× 100: that is the scale. 3. Enter and save: every later print of this desk on this "
        "printer is corrected."),
    "printer.calibration.print_page": ("打印校准页", "Print calibration page"),
    "printer.calibration.print_check": ("按校准打印检查页", "Print a corrected check page"),
    "printer.calibration.save_page": ("校准页存为 PDF…", "Save calibration page as PDF…"),
    "printer.calibration.printing": ("正在打印校准页…", "Printing the calibration page…"),
}
