"""The command line's help: what each command, sub-command and option is for (code -> (zh, en)).

Codes: `cli.help.<command>` for a command, `cli.help.<command>.<option or verb>` below it (an
option without its dashes, `-` as `_`), `cli.help.json.*` and `cli.help.db` for what many commands
share. argparse fills these in with `%`: a literal percent sign is written `%%`.

What a person types stays as it is in the Chinese help too: options with their values
(`--reason lost`), command lines (`eventdesk layout list`), environment variables and codecs.
"""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    # The program and its global options.
    "cli.help.program": ("EventDesk — 会议现场签到、胸卡、展商与日程",
                         "EventDesk — the on-site conference desk: check-in, badges, exhibitors "
                         "and schedule"),
    "cli.help.lang": ("提示与帮助的语言（默认：$EVENTDESK_LANG，其次是系统区域设置；"
                      "非英文区域一律为中文）",
                      "language of messages and help (default: $EVENTDESK_LANG, then the "
                      "locale; zh unless it is English)"),
    "cli.help.global_user": ("命令以哪个账户运行（默认：$EVENTDESK_USER）；密码会在终端提示输入，"
                             "没有终端时从 $EVENTDESK_PASSWORD 读取",
                             "the account a command runs as (default: $EVENTDESK_USER); the "
                             "password is asked for, or read from $EVENTDESK_PASSWORD when there "
                             "is no terminal"),
    "cli.help.db": ("数据库文件或服务器地址（默认：$EVENTDESK_DB，其次是当前用户的 "
                    "eventdesk.sqlite3）",
                    "database file or server URL (default: $EVENTDESK_DB, then the per-user "
                    "eventdesk.sqlite3)"),
    "cli.help.db_short": ("数据库文件或服务器地址", "database file or server URL"),
    # --json, worded for what each command prints.
    "cli.help.json.array": ("以 JSON 数组输出", "print a JSON array"),
    "cli.help.json.object": ("以一个 JSON 对象输出", "print one JSON object"),
    "cli.help.json.document": ("以一个 JSON 文档输出", "print one JSON document"),
    "cli.help.json.result": ("以一个 JSON 对象输出结果", "print the result as one JSON object"),
    "cli.help.json.plain": ("以 JSON 输出", "print JSON"),
    # gui
    "cli.help.gui": ("打开桌面程序（默认命令）", "open the desktop program (the default)"),
    "cli.help.gui.screenshot": ("渲染 --view 指定的视图，保存为 PNG 后退出",
                                "render the view given by --view, save it as PNG and exit"),
    "cli.help.gui.view": ("要打开的视图（默认：--view desk）", "view to open (default: desk)"),
    # people
    "cli.help.people": ("列出人员，或按姓名、拼音、公司、手机尾号、胸卡码查找",
                        "list people, or find them by name, pinyin, company, phone tail, code"),
    "cli.help.people.limit": ("最多 N 人（默认 50）", "at most N people (default 50)"),
    "cli.help.people.query": ("每个词都须匹配（姓名、拼音或首字母、公司、手机尾号、胸卡码，"
                              "如 张伟、5678）",
                              "words that must all match (a name, its pinyin or initials, a "
                              "company, a phone tail, a badge code…)"),
    # schedule
    "cli.help.schedule": ("日程：冲突（会议室重复预订、讲者同时在两处……）、导入、导出",
                          "the schedule: conflicts (room double-booked, speaker in two places, "
                          "…), import, export"),
    "cli.help.schedule.conflicts": ("列出日程冲突（只有警告时退出码为 0）",
                                    "list the schedule's conflicts (exit 0: warnings)"),
    "cli.help.schedule.import": ("从 CSV/XLSX 导入日程（等同于 "
                                 "eventdesk import FILE --kind schedule）",
                                 "import agenda items from CSV/XLSX (the same as "
                                 "`eventdesk import FILE --kind schedule`)"),
    "cli.help.schedule.export": ("导出日程（.ics .csv .xlsx）或会议手册（.pdf）",
                                 "export the schedule (.ics .csv .xlsx) or the programme (.pdf)"),
    "cli.help.schedule.room": ("只导出这个会议室", "only this room"),
    "cli.help.schedule.day": ("会议手册 PDF：只含这一天", "programme PDF: only this day"),
    # checkin
    "cli.help.checkin": ("按胸卡上的二维码内容为人员签到",
                         "check people in by the QR payload on their badge"),
    "cli.help.checkin.desk": ("签到的签到台（如 3）", "the desk checking in (e.g. 3)"),
    "cli.help.checkin.json": ("每条扫码内容输出一个 JSON 对象",
                              "print one JSON object per payload"),
    "cli.help.checkin.operator": ("签到操作员（默认：当前登录的账户）",
                                  "who is checking in (default: the signed-in account)"),
    "cli.help.checkin.accept_external": ("接受不是本系统生成的码，只要它与某人的外部报名编号"
                                         "一致（签到台上由操作员确认）",
                                         "check in a code that is not ours when it matches a "
                                         "person's external registration reference (the desk "
                                         "asks the operator instead)"),
    "cli.help.checkin.payload": ("扫描到的胸卡内容（可多条）", "scanned badge payload(s)"),
    # badges
    "cli.help.badges": ("把胸卡生成为 PDF 或送往打印机（筛选、排序、纸张预设）；"
                        "--print 和 --mark-printed 会记录打印",
                        "render badges to a PDF or a printer (filters, order, sheet presets); "
                        "--print and --mark-printed log the prints"),
    "cli.help.badges.out": ("要写入的 PDF（不用 --print 时必须给出）",
                            "PDF to write (required unless --print)"),
    "cli.help.badges.print": ("把胸卡送往打印机（系统打印队列）并记录",
                              "send the badges to a printer (the system's print queue) and "
                              "record them"),
    "cli.help.badges.printer": ("与 --print 一起：使用的打印机（默认：系统默认打印机）",
                                "with --print: the printer (default: the system's default "
                                "printer)"),
    "cli.help.badges.copies": ("与 --print 一起：整批打印的份数（默认 1）",
                               "with --print: copies of the whole run (default 1)"),
    "cli.help.badges.layout": ("胸卡版式（默认 --layout default）；可用版式见 "
                               "eventdesk layout list",
                               "badge layout (default: default); see eventdesk layout list"),
    "cli.help.badges.preset": ("纸张：--preset a6（默认），或 {others}",
                               "paper: a6 (default), {others}"),
    "cli.help.badges.category": ("只含这一类别的人员", "only people of this category"),
    "cli.help.badges.company": ("公司名称的一部分", "part of the company name"),
    "cli.help.badges.hall": ("只含这个展馆的展商人员", "only exhibitors' staff of this hall"),
    "cli.help.badges.exhibitor": ("只含这个展商的人员（展商编号：eventdesk exhibitors --json）",
                                  "only this exhibitor's staff (its id: eventdesk exhibitors "
                                  "--json)"),
    "cli.help.badges.not_printed": ("只含从未打印过的胸卡", "only badges never printed"),
    "cli.help.badges.changed": ("只含上次打印胸卡后资料有改动的人员",
                                "only people changed since their badge was last printed"),
    "cli.help.badges.sort": ("胸卡的顺序", "the badges' order"),
    "cli.help.badges.mark_printed": ("文件写好后把这些胸卡记为已打印",
                                     "record the badges as printed once the file is written"),
    "cli.help.badges.reason": ("记录打印的原因，与签到台相同：--reason first（默认；胸卡以前"
                               "打印过则拒绝，退出码 4）、 --reason damaged（损坏）、 --reason "
                               "wrong_data（信息有误）、 --reason printer_fault（打印机故障）、 "
                               "--reason other（其他，用 --note 写明原因）或 --reason lost（遗失："
                               "生成新的胸卡码并作废旧码；需要 --mark-printed 或 --print）",
                               "why the run is logged, as at the desk: first (default; refused, "
                               "exit 4, when a badge was printed before), damaged, wrong_data, "
                               "printer_fault, other (say why with --note), or lost (new badge "
                               "codes, the old ones revoked; needs --mark-printed or --print)"),
    "cli.help.badges.note": ("--reason other 的原因，一句话（最多 200 字），随打印记录保存",
                             "the reason of --reason other in a few words (at most 200 "
                             "characters), kept with the prints"),
    "cli.help.badges.desk": ("随打印记录的签到台名称；与 --print 一起时，使用该签到台对打印机的"
                             "校准（eventdesk printer calibrate）",
                             "desk name recorded with the prints; with --print, its calibration "
                             "of the printer is applied (eventdesk printer calibrate)"),
    "cli.help.badges.workers": ("用 N 个进程生成（默认 1）", "render in N processes (default 1)"),
    "cli.help.badges.crop_marks": ("加上裁切标记，供印刷厂使用", "crop marks for a print shop"),
    "cli.help.badges.bleed": ("出血宽度（毫米），使颜色延伸到裁切边（单张胸卡的预设）",
                              "bleed in mm for colour at the trim edge (single-badge presets)"),
    "cli.help.badges.separators": ("每家公司的胸卡前加一张分隔页",
                                   "a separator page before each company's badges"),
    "cli.help.badges.offset": ("打印机校准（毫米；正值：向右、向下）",
                               "printer calibration in mm (positive: right, down)"),
    "cli.help.badges.strict": ("有字符任何字体都画不出时什么也不写（退出码 4）",
                               "write nothing (exit 4) when a character cannot be drawn by any "
                               "font"),
    # demo
    "cli.help.demo": ("生成参考演示活动（2,500 家展商、30,000 人、400 场日程）",
                      "build the reference demo event (2,500 exhibitors, 30,000 people, 400 "
                      "sessions)"),
    "cli.help.demo.exhibitors": ("参展公司数（2500）", "exhibiting companies (2500)"),
    "cli.help.demo.people": ("持胸卡的人数（30000）", "people with badges (30000)"),
    "cli.help.demo.seed": ("种子相同，活动就相同（默认 1）", "same seed, same event (default 1)"),
    "cli.help.demo.replace": ("删除数据库中已有的活动，改为生成演示活动",
                              "delete whatever event the database holds and build the demo "
                              "instead"),
    "cli.help.demo.json": ("以一个 JSON 对象输出摘要", "print the summary as one JSON object"),
    # import
    "cli.help.import": ("从 CSV/XLSX 导入人员、展商或日程（先校验，全部成功或全部不写，"
                        "可重复导入）",
                        "import people, exhibitors or the schedule from CSV/XLSX (validated, "
                        "atomic, idempotent)"),
    "cli.help.import.file": ("一份 .csv 或 .xlsx 名单", "a .csv or .xlsx list"),
    "cli.help.import.kind": ("名单的种类", "what the list holds"),
    "cli.help.import.dry_run": ("只报告将会发生什么（新建、更新、跳过、错误），不写入任何内容",
                                "report what would happen (created/updated/skipped/errors); "
                                "write nothing"),
    "cli.help.import.on_duplicate": ("与已有记录相同的行：更新（默认）、跳过，或记为错误",
                                     "a row matching an existing record: update it (default), "
                                     "skip it, or count it as an error"),
    "cli.help.import.skip_invalid": ("导入有效的行，跳过其余（默认：有任何错误就全部拒绝）",
                                     "import the valid rows and skip the rest (default: any "
                                     "error rejects all)"),
    "cli.help.import.sheet": ("要读取的 XLSX 工作表（默认：第一个是名单的工作表）",
                              "the XLSX sheet to read (default: the first sheet that is a list)"),
    "cli.help.import.encoding": ("CSV 的编码（gb18030、big5、shift_jis、euc_kr、cp1252、"
                                 "utf-8 …）；默认自动识别，编码不能确定的文件会被拒绝并列出"
                                 "可能的编码",
                                 "a CSV's encoding (gb18030, big5, shift_jis, euc_kr, cp1252, "
                                 "utf-8 …); default: detected, and a file whose encoding is not "
                                 "certain is refused with the candidates"),
    "cli.help.import.create_rooms": ("日程：新建文件中出现、活动里还没有的会议室",
                                     "schedule: create rooms the file names but the event does "
                                     "not have yet"),
    # export
    "cli.help.export": ("导出人员、展商、签到记录（个人数据：仅限组织者，会记入审计）、日程"
                        "或会议手册",
                        "export people, exhibitors, check-ins (personal data: organisers, "
                        "audited), schedule or programme"),
    "cli.help.export.kind": ("导出的内容", "what to export"),
    "cli.help.export.out": ("FILE.csv 或 FILE.xlsx（日程还可以是 .ics；会议手册为 .pdf）",
                            "FILE.csv or FILE.xlsx (schedule also .ics; programme .pdf)"),
    "cli.help.export.with_qr_payloads": ("人员：加上每张胸卡的已签名二维码内容（相当于入场券："
                                         "仅用于发送电子胸卡；会记入审计）",
                                         "people: add each badge's signed QR payload (an entry "
                                         "ticket: only for sending e-badges; audited)"),
    "cli.help.export.consented_only": ("人员：只含同意数据使用的人员",
                                       "people: only those whose consent to data use is given"),
    # printer
    "cli.help.printer": ("系统的打印机，以及签到台打印机的校准（偏移和缩放）",
                         "the system's printers and a desk printer's calibration (offset and "
                         "scale)"),
    "cli.help.printer.list": ("这台电脑上的打印机", "the printers this computer has"),
    "cli.help.printer.calibrate": ("保存（不给数值时显示）在校准页上量得的偏移和缩放",
                                   "store (or, without values, show) the offset and scale "
                                   "measured on the calibration page"),
    "cli.help.printer.desk": ("签到台（如 3）", "the desk (e.g. 3)"),
    "cli.help.printer.printer": ("打印机（默认：这台电脑上该签到台的打印机，否则为系统默认"
                                 "打印机）",
                                 "the printer (default: the desk's printer on this machine, else "
                                 "the system's default printer)"),
    "cli.help.printer.offset_x": ("十字线比应在的位置偏右多少（偏左为负）",
                                  "how far right of its place the crosshair printed (left: "
                                  "negative)"),
    "cli.help.printer.offset_y": ("十字线比应在的位置偏下多少（偏上为负）",
                                  "how far below its place the crosshair printed (above: "
                                  "negative)"),
    "cli.help.printer.scale": ("打印出的标尺长度 ÷ 标称长度 × 100（如 98.5）",
                               "printed ruler length / nominal length × 100 (e.g. 98.5)"),
    "cli.help.printer.reset": ("清除校准", "forget the calibration"),
    "cli.help.printer.json": ("以 JSON 输出校准", "print the calibration as JSON"),
    "cli.help.printer.calibration_page": ("按纸张预设的尺寸生成标尺和十字线校准页",
                                          "the ruler and crosshair page, at a paper preset's "
                                          "size"),
    "cli.help.printer.preset": ("纸张（默认：--preset a6）", "the paper (default: a6)"),
    "cli.help.printer.out": ("写入 PDF 文件", "write it to a PDF file"),
    "cli.help.printer.print": ("打印出来", "print it"),
    "cli.help.printer.page_printer": ("与 --print 一起（默认：系统默认打印机）",
                                      "with --print (default: the system's default printer)"),
    "cli.help.printer.page_desk": ("与 --corrected 一起：使用哪个签到台的校准",
                                   "with --corrected: the desk whose calibration is applied"),
    "cli.help.printer.corrected": ("按签到台的校准打印，用来检查校准（用来测量的页面不经校准"
                                   "打印）",
                                   "print it through the desk's calibration, to check it (the "
                                   "page to measure is printed without)"),
    # layout
    "cli.help.layout": ("胸卡版式：列出、检查版式文件、导入或导出",
                        "badge layouts: list them, check a layout file, import or export one"),
    "cli.help.layout.list": ("打印可用的版式", "the layouts a print can use"),
    "cli.help.layout.check": ("检查版式文件及其图片（退出码 4：被拒绝）",
                              "check a layout file and its images (exit 4: refused)"),
    "cli.help.layout.import": ("把版式文件存入活动（所有签到台都使用它）",
                               "store a layout file in the event (every desk uses it)"),
    "cli.help.layout.name": ("在活动中的名称（默认：文件名）；--name default 会替换所有签到台的"
                             "内置胸卡",
                             "name in the event (default: the file's name); 'default' replaces "
                             "the built-in badge at every desk"),
    "cli.help.layout.export": ("把版式及其图片写入一个文件",
                               "write a layout and its images to one file"),
    "cli.help.layout.export_name": ("要导出的版式", "the layout to export"),
    "cli.help.layout.export_out": ("要写入的文件", "the file to write"),
    # user
    "cli.help.user": ("账户：新增、列出、修改密码、停用、更改角色",
                      "accounts: add one, list them, change a password, disable one, change a "
                      "role"),
    "cli.help.user.add": ("新增账户（第一个账户：--role admin）",
                          "add an account (the first one: --role admin)"),
    "cli.help.user.name": ("账户名", "the account's name"),
    "cli.help.user.role": ("账户的角色", "the account's role"),
    "cli.help.user.list": ("所有账户及其角色和最近登录时间",
                           "every account with its role and last sign-in"),
    "cli.help.user.passwd": ("设置账户的密码（自己的密码：任何角色都可以）",
                             "set an account's password (your own: any role)"),
    "cli.help.user.disable": ("禁止账户登录", "stop an account from signing in"),
    "cli.help.user.change_role": ("给账户换一个角色", "give an account another role"),
    "cli.help.user.password_stdin": ("从标准输入的第一行读取新密码（默认：在提示处输入两次）",
                                     "read the new password from the first line of standard "
                                     "input (default: typed twice at a prompt)"),
    # audit
    "cli.help.audit": ("审计记录：列出条目，或校验其哈希链（链断裂时退出码 6）",
                       "the audit trail: list entries, or verify its hash chain (exit 6 when "
                       "broken)"),
    "cli.help.audit.what": ("eventdesk audit list（默认）列出条目，eventdesk audit verify "
                            "校验哈希链",
                            "list (default) or verify"),
    "cli.help.audit.since": ("从这一日期或时刻起的条目（未给时区偏移时按活动所在时区）",
                             "entries from this date or date-time on (event time zone unless an "
                             "offset is given)"),
    "cli.help.audit.action": ("只含以此开头的操作，如 --action checkin 或 --action export",
                              "only actions starting with this, e.g. checkin or export.people"),
    "cli.help.audit.text": ("只含操作人、签到台、操作或详情中包含这些字的条目",
                            "only entries whose actor, desk, action or detail contain this"),
    "cli.help.audit.limit": ("最多 N 条（默认 {limit}）", "at most N entries (default {limit})"),
    "cli.help.audit.anchor": ("校验时：先前记下的这一条目必须仍在链中",
                              "verify: this entry, noted earlier, must still be in the chain"),
    # signing
    "cli.help.signing": ("胸卡签名密钥：创建、轮换、解锁（检查口令）、状态",
                         "badge signing key: create, rotate, unlock (check a passphrase), status"),
    "cli.help.signing.init": ("创建活动的签名密钥（管理员）",
                              "create the event's signing key (admin)"),
    "cli.help.signing.rotate": ("更换签名密钥；已打印的胸卡仍可扫码",
                                "replace the signing key; badges already printed still scan"),
    "cli.help.signing.unlock": ("检查签名口令（${variable} 或提示输入）",
                                "check the signing passphrase (${variable} or a prompt)"),
    "cli.help.signing.status": ("活动是否已有密钥、是否已解锁",
                                "whether the event has a key and whether it is unlocked"),
    # backup and restore
    "cli.help.backup": ("把数据库备份为可校验的文件；列出或校验备份",
                        "back up the database into a verifiable file; list or verify backups"),
    "cli.help.backup.out": ("要写入的备份文件（如 event-day1.edbackup）",
                            "the backup file to write (e.g. event-day1.edbackup)"),
    "cli.help.backup.json": ("以一个 JSON 对象输出清单", "print the manifest as one JSON object"),
    "cli.help.backup.list": ("数据库旁保存的备份，最新的在前",
                             "the backups kept beside the database, newest first"),
    "cli.help.backup.verify": ("校验备份文件（校验和、完整性、行数）",
                               "check a backup file (checksum, integrity, rows)"),
    "cli.help.backup.file": ("要校验的备份文件", "the backup file to check"),
    "cli.help.restore": ("把备份文件恢复到数据库（先校验；用 --replace 覆盖）",
                         "restore a backup file into a database (verified first; --replace to "
                         "overwrite)"),
    "cli.help.restore.file": ("一个 .edbackup 文件", "an .edbackup file"),
    "cli.help.restore.db": ("要恢复到的数据库（文件，不存在时新建；或 PostgreSQL 地址）",
                            "the database to restore into (a file, created when missing, or a "
                            "PostgreSQL URL)"),
    "cli.help.restore.replace": ("替换已有数据的数据库（先为它保留一个恢复点）",
                                 "replace a database that already holds data (a restore point "
                                 "of it is kept first)"),
    # purge-personal-data
    "cli.help.purge": ("活动结束后：删除姓名、电话、邮箱、胸卡码；保留匿名统计",
                       "after the event: erase names, phones, e-mails, badge codes; keep "
                       "anonymous figures"),
    "cli.help.purge.yes": ("不再询问（不在终端中运行时必须给出）",
                           "do not ask (required when not run from a terminal)"),
    # stats
    "cli.help.stats": ("每小时到场、按类别和签到台的签到、尚未到场的展商、打印",
                       "arrivals per hour, check-ins by category and desk, exhibitors not "
                       "arrived, prints"),
    "cli.help.stats.day": ("只含活动的这一天（按活动所在时区的 0 点到 24 点）",
                           "only this event day (00:00-24:00 in the event's time zone)"),
    "cli.help.exhibitors": ("展商的名额、登记与到场人数，超额与共用展位标记，证件领取；"
                            "eventdesk exhibitors staff ID 列出一个展商的人员",
                            "exhibitors with quota, registered and arrived staff, over-quota and "
                            "shared-booth flags, pack pick-up; `staff ID` lists one exhibitor's "
                            "staff"),
    "cli.help.exhibitors.over_quota": ("只含登记人数超过名额的展商",
                                       "only exhibitors with more registered staff than their "
                                       "quota"),
    "cli.help.exhibitors.shared_booth": ("只含展位（展馆与展位号）也分配给了其他展商的展商",
                                         "only exhibitors whose booth (hall and code) is "
                                         "assigned to another exhibitor too"),
    "cli.help.exhibitors.flagged": ("只含超额或共用展位的展商（同时给出两个标记也是如此）",
                                    "only exhibitors over quota or at a shared booth (also: "
                                    "both flags)"),
    "cli.help.exhibitors.hall": ("只含这个展馆", "only this hall"),
    "cli.help.exhibitors.sort": ("排序方式（默认按展馆）", "order (default hall)"),
    "cli.help.exhibitors.desc": ("倒序", "descending order"),
    "cli.help.exhibitors.limit": ("最多 N 个展商", "at most N exhibitors"),
    "cli.help.exhibitors.words": ("要查找的词，须全部匹配（名称、简称、拼音、展位）；或者"
                                  " eventdesk exhibitors staff ID 列出一个展商的人员",
                                  "`list` (default) and words that must all match (name, short "
                                  "name, pinyin, booth), or `staff` and an exhibitor's id"),
}
