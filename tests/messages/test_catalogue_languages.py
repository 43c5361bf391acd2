"""Every sentence of the messages catalogue in one language at a time (issue 13): a Chinese
template holds no English words, an English one no Chinese characters.

The rule is the translation walk's (tests/ui/i18n_walk.py: Latin words of three letters or more
outside ALLOWED, after the {placeholders} are removed). What a person types or reads as code
is not English prose and stays as it is in both languages: command lines (`eventdesk user add`),
options (`--role admin`), environment variables (EVENTDESK_USER), file and tool names
(manifest.json, pg_dump), format patterns (#RRGGBB) — CODE removes them first.

The failures are listed by catalogue module, so each area sees its own.
"""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import eventdesk.messages as messages_package
from tests.ui.i18n_walk import ALLOWED, CJK, LATIN_WORD

# str.format fields, and argparse's printf fields (messages/cli_argparse.py: %(prog)s, %s, %r)
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sr]|%[sr]")
CODE = re.compile(
    r"\beventdesk(?: [a-z][\w-]*)*(?: [A-Z]+\b)?"  # a command line: eventdesk backup verify FILE
    r"|--[a-z][\w-]*(?:[ =](?:[a-z][\w-]*|[A-Z]+)\b)?"  # an option, with its value: --role admin
    r"|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b"     # an environment variable: EVENTDESK_USER
    r"|\b\w+\.(?:json|xlsx?|csv|sqlite3?|pdf|png|edbackup)\b"  # a file name: manifest.json
    r"|(?<!\w)\.[a-z]{2,8}\b"                # a file name's suffix: .xls
    r"|\b[a-z]+\d+\b"                         # a name with digits: big5, gb18030
    r"|\b[a-z]+(?:[_-][a-z0-9]+)+\b"          # a tool or key: pg_dump, postgresql-client
    r"|#RRGGBB|\bPGPASSWORD\b|\bQWERT[YZ]\b|\bAZERTY\b|\bJPEG\b"  # format and layout names
    r"|\bPURGE\b"                              # the word typed to confirm a purge
    r'|"[a-z][a-z_]*"')                       # a key or value typed as it is: "variants"


def catalogues() -> dict[str, dict[str, tuple[str, str]]]:
    """Module name -> its CATALOGUE."""
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for info in pkgutil.iter_modules(messages_package.__path__):
        module = importlib.import_module(f"{messages_package.__name__}.{info.name}")
        catalogue = getattr(module, "CATALOGUE", None)
        if isinstance(catalogue, dict):
            found[info.name] = catalogue
    return found


MODULES = sorted(catalogues())


def english_words(zh: str) -> list[str]:
    prose = CODE.sub(" ", PLACEHOLDER.sub(" ", zh))
    return [w for w in LATIN_WORD.findall(prose) if w not in ALLOWED]


def test_the_rule_sees_prose_and_spares_code() -> None:
    assert english_words("已取消 Cancelled") == ["Cancelled"]
    assert english_words("请设置环境变量 EVENTDESK_PASSWORD") == []
    assert english_words("请先创建：eventdesk user add 用户名 --role admin") == []
    assert english_words("{file} 没有清单 manifest.json（pg_dump 备份）") == []
    assert english_words('没有任何尺寸版本（"variants"）') == []


@pytest.mark.parametrize("module", MODULES)
def test_chinese_templates_have_no_english_words(module: str) -> None:
    bad = {code: words for code, (zh, _en) in catalogues()[module].items()
           if (words := english_words(zh))}
    assert bad == {}, f"messages/{module}.py: Chinese templates with English words"


@pytest.mark.parametrize("module", MODULES)
def test_english_templates_have_no_chinese(module: str) -> None:
    bad = [code for code, (_zh, en) in catalogues()[module].items()
           if CJK.search(PLACEHOLDER.sub(" ", en))]
    assert bad == [], f"messages/{module}.py: English templates with Chinese characters"
