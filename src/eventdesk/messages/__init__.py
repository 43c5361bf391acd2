"""Codes + parameters -> sentences, in the chosen language, for the UI and the CLI alike.

Services and actions raise domain errors (and return results) that carry a stable `code` and
parameters; this package is the only place that turns them into words. Each area keeps its
sentences in a catalogue module beside this one (`messages/desk.py`, `messages/imports.py` …):
a module-level `CATALOGUE: dict[str, tuple[str, str]]` mapping a code to its (Chinese, English)
`str.format` templates with named fields. Every module of the package that has a CATALOGUE is
collected, so adding an area needs no central list; a code defined twice is an error at load.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Mapping
from functools import cache
from typing import Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")

_language: Language = "zh"


def set_language(lang: str) -> None:
    """Choose the language of every later sentence ("zh" or "en"; anything else means zh)."""
    global _language
    _language = "en" if lang.lower().startswith("en") else "zh"


def language() -> Language:
    return _language


def language_from_environment() -> Language:
    """The language the locale asks for: EVENTDESK_LANG, then LC_ALL / LC_MESSAGES / LANG."""
    for var in ("EVENTDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


@cache
def catalogue() -> Mapping[str, tuple[str, str]]:
    """Every code of every area -> (zh, en) template. Raises RuntimeError on a duplicate code."""
    merged: dict[str, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for code, templates in getattr(module, "CATALOGUE", {}).items():
            if code in merged:
                raise RuntimeError(f"message code {code!r} is defined twice ({info.name})")
            merged[code] = templates
    return merged


def text(code: str, /, **params: object) -> str:
    """The sentence for `code` in the current language, with `params` filled in.

    An unknown code gives the code itself with its parameters (visible, never a crash);
    tests/messages check that every code raised in src/ is in a catalogue."""
    templates = catalogue().get(code)
    if templates is None:
        return code + ("" if not params else " " + repr(params))
    template = templates[LANGUAGES.index(_language)]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def describe(exc: BaseException) -> str:
    """One sentence for a person about `exc`, in the current language. Never a traceback.

    A domain error with a catalogued code is worded from the catalogue; an error that still
    carries its own sentence (being converted to codes) shows that; anything else is an
    unexpected error named by its class only (its text may hold personal data or SQL)."""
    code = getattr(exc, "code", None)
    params = getattr(exc, "params", None)
    if isinstance(code, str) and code in catalogue():
        return text(code, **(params if isinstance(params, dict) else {}))
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return message
    return text("unexpected_error", kind=exc.__class__.__name__)
