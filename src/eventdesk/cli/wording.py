"""argparse's own words (usage, section titles, its errors) in the chosen language.

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
from collections.abc import Iterator
from contextlib import contextmanager

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
