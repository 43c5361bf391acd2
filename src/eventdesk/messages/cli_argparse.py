"""argparse's own words (usage, section titles, its errors) in Chinese (code -> (zh, en)).

argparse asks for each of its sentences by its English text (a gettext message id, e.g.
"the following arguments are required: %s"); MESSAGE_IDS maps those ids to codes here. The
English template is the id itself, so an English help is argparse's own. The `%s` / `%(name)s`
fields are argparse's and are filled in by argparse after the lookup (eventdesk.cli.wording).
Ids that a Python version adds and this list lacks stay English: still readable, never a crash.
"""

from __future__ import annotations

CATALOGUE: dict[str, tuple[str, str]] = {
    "cli.argparse.usage": ("用法：", "usage: "),
    "cli.argparse.positionals": ("位置参数", "positional arguments"),
    "cli.argparse.options": ("选项", "options"),
    "cli.argparse.subcommands": ("子命令", "subcommands"),
    "cli.argparse.help": ("显示本帮助并退出", "show this help message and exit"),
    "cli.argparse.version": ("显示程序的版本号并退出", "show program's version number and exit"),
    "cli.argparse.default": ("（默认：%(default)s）", " (default: %(default)s)"),
    "cli.argparse.heading": ("%(heading)s：", "%(heading)s:"),
    "cli.argparse.error": ("%(prog)s：错误：%(message)s\n", "%(prog)s: error: %(message)s\n"),
    "cli.argparse.warning": ("%(prog)s：警告：%(message)s\n",
                             "%(prog)s: warning: %(message)s\n"),
    "cli.argparse.argument": ("参数 %(argument_name)s：%(message)s",
                              "argument %(argument_name)s: %(message)s"),
    "cli.argparse.argument_quoted": ("参数“%(argument_name)s”：%(message)s",
                                     "argument '%(argument_name)s': %(message)s"),
    "cli.argparse.required": ("缺少必需的参数：%s", "the following arguments are required: %s"),
    "cli.argparse.one_required": ("参数 %s 中必须给出一个", "one of the arguments %s is required"),
    "cli.argparse.unrecognized": ("无法识别的参数：%s", "unrecognized arguments: %s"),
    "cli.argparse.not_allowed_with": ("不能与参数 %s 同时使用", "not allowed with argument %s"),
    "cli.argparse.ignored_explicit": ("多余的参数值 %r 被忽略", "ignored explicit argument %r"),
    "cli.argparse.expected_one": ("需要一个值", "expected one argument"),
    "cli.argparse.expected_at_most_one": ("最多只能有一个值", "expected at most one argument"),
    "cli.argparse.expected_at_least_one": ("至少需要一个值", "expected at least one argument"),
    "cli.argparse.expected_n": ("需要 %s 个值", "expected %s argument"),
    "cli.argparse.expected_n_plural": ("需要 %s 个值", "expected %s arguments"),
    "cli.argparse.ambiguous": ("选项 %(option)s 不明确，可能是 %(matches)s",
                               "ambiguous option: %(option)s could match %(matches)s"),
    "cli.argparse.unexpected_option": ("意外的选项：%s", "unexpected option string: %s"),
    # (argparse's type is a Python name, "int", "float": not said in Chinese; the option is)
    "cli.argparse.invalid_value": ("无效的值：%(value)r",
                                   "invalid %(type)s value: %(value)r"),
    "cli.argparse.invalid_choice": ("无效的选择：%(value)r（可选：%(choices)s）",
                                    "invalid choice: %(value)r (choose from %(choices)s)"),
    "cli.argparse.unknown_parser": ("未知的子命令 %(parser_name)r（可选：%(choices)s）",
                                    "unknown parser %(parser_name)r (choices: %(choices)s)"),
    "cli.argparse.cannot_open": ("无法打开“%(filename)s”：%(error)s",
                                 "can't open '%(filename)s': %(error)s"),
    "cli.argparse.option_deprecated": ("选项“%(option)s”已弃用",
                                       "option '%(option)s' is deprecated"),
    "cli.argparse.command_deprecated": ("命令“%(parser_name)s”已弃用",
                                        "command '%(parser_name)s' is deprecated"),
}

# argparse's message id -> its code above (every English template is its own id).
MESSAGE_IDS: dict[str, str] = {en: code for code, (_zh, en) in CATALOGUE.items()}
