"""argparse's own words (usage, section titles, its errors) in the chosen language, and its
help's Chinese texts wrapped at the terminal's width.

Why through argparse's gettext lookups, and not by subclassing ArgumentParser/HelpFormatter:
argparse forms most of its sentences deep inside parse_args ("the following arguments are
required: %s", "invalid choice: …", "expected one argument", "unrecognized arguments: %s") and
hands error() a finished English sentence; a subclass could only guess them back from the text.
Every one of them, and every section title, goes through the two names argparse imports at its
top, `_` and `ngettext` (`from gettext import gettext as _, ngettext`), looked up at call time —
the same in Python 3.11, 3.12 and 3.13, and the hook its authors left for translation.

Why not gettext's own machinery (a .mo file in the global 'messages' domain): that domain is the
whole process's, chosen by LANGUAGE/LC_* rather than by --lang, and needs compiled files on
disk. Instead `argparse_words()` binds argparse's two names to the messages catalogue
(messages/cli_argparse.py) for the duration of one command, and puts back what was there after.
An id a newer Python adds and the catalogue lacks is shown in English, as argparse says it.
"""

from __future__ import annotations

import argparse
import re
import textwrap
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from eventdesk import messages
from eventdesk.messages.cli_argparse import MESSAGE_IDS


def gettext(message: str) -> str:
    """argparse's message id -> its template in the current language (the id when unknown).

    argparse also passes None (an absent sub-parser description): given back as it is."""
    if not isinstance(message, str) or messages.language() == "en":
        return message
    code = MESSAGE_IDS.get(message)
    return message if code is None else messages.text(code)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The plural form argparse asks for, in the current language."""
    return gettext(singular if n == 1 else plural)


@contextmanager
def argparse_words() -> Iterator[None]:
    """argparse speaks the messages' language inside the block (parsers built there included:
    argparse words their section titles and -h's help when a parser is made)."""
    names = ("_", "ngettext")
    saved = {name: getattr(argparse, name) for name in names if hasattr(argparse, name)}
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name in names:
            if name in saved:
                setattr(argparse, name, saved[name])
            else:  # a Python whose argparse had no such name: leave none behind
                delattr(argparse, name)


# Chinese has no spaces between words, so textwrap (argparse's wrapping) cannot break a Chinese
# help text and lets it run past the terminal's edge; and a Chinese character takes two columns.
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKEN = re.compile(rf"\s+|[{_WIDE}]|[^\s{_WIDE}]+")
_NO_LINE_START = frozenset("，。、；：）」』！？…,.;:)!?")  # punctuation stays with what it ends
_NO_LINE_END = frozenset("（「『(")


def columns(text: str) -> int:
    """How many terminal columns `text` takes (a wide character, as in Chinese, takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns, broken at spaces or between wide characters
    (never before closing punctuation or after an opening bracket; a word longer than the line
    stays whole). Text without wide characters is wrapped by textwrap, as argparse does."""
    text = " ".join(text.split())
    if columns(text) == len(text):
        return textwrap.wrap(text, width)
    lines: list[str] = []
    line = ""
    for token in _TOKEN.findall(text):
        if token.isspace():
            line += " " if line else ""
            continue
        breakable = token not in _NO_LINE_START and line[-1:] not in _NO_LINE_END
        if line.strip() and breakable and columns(line + token) > width:
            lines.append(line.rstrip())
            line = token
        else:
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, its Chinese texts wrapped to the terminal's width (see wrap)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def _format_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any) -> str:
        # argparse indents the usage's later lines by len(prefix): "用法：" is 3 characters but 6
        # columns wide, so they are moved right by the difference to stand under the first.
        text = super()._format_usage(usage, actions, groups, prefix)
        shown = gettext("usage: ") if prefix is None else str(prefix)
        extra = columns(shown) - len(shown)
        if extra <= 0:
            return text
        first, *rest = text.split("\n")
        return "\n".join([first, *(" " * extra + line if line.strip() else line
                                   for line in rest)])


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser with HelpFormatter; its sub-commands' parsers are of this class too
    (argparse makes them with the class of the parser they belong to)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
