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

from eventdesk.domain import errors
from eventdesk.domain.errors import DomainError, Phrase, ValidationFailed
from eventdesk.messages.os_errors import reason_code

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
    worded = {key: text(value.code, **value.params) if isinstance(value, Phrase) else value
              for key, value in params.items()}  # a Phrase parameter is worded first
    try:
        return template.format(**worded)
    except (KeyError, IndexError, ValueError):
        return template


def field_text(problem: str) -> str:
    """One field's problem (a FieldProblem: code + params) as a sentence; an older plain
    sentence is shown as it is."""
    params = getattr(problem, "params", None)
    return text(str(problem), **(params if isinstance(params, dict) else {}))


def field_texts(exc: ValidationFailed) -> dict[str, str]:
    """Field key -> its problem as a sentence, for showing each under its field."""
    return {key: field_text(problem) for key, problem in exc.fields.items()}


def field_label(key: str) -> str:
    """A field's name for people ("field_label.<key>" in a catalogue; else the key itself)."""
    code = f"field_label.{key}"
    return text(code) if code in catalogue() else key


def describe(exc: BaseException) -> str:
    """One sentence for a person about `exc`, in the current language. Never a traceback.

    A domain error whose raise gave a catalogued code (or that carries no older sentence) is
    worded from the catalogue, a ValidationFailed field by field; an error that still carries its
    own sentence (being converted to codes) shows that; anything else is an unexpected error
    named by its class only (its text may hold personal data or SQL)."""
    if isinstance(exc, ValidationFailed) and exc.fields and not exc.code_given:
        return text("invalid_fields", problems=text("list_separator").join(
            _labelled(key, problem) for key, problem in exc.fields.items()))
    if isinstance(exc, OSError) and not isinstance(exc, ConnectionError):
        # a file that cannot be read or written: the file's name and the system's reason only
        # os.replace(temporary, target) names the target second: that is the file people chose
        return text("file_error", path=exc.filename2 or exc.filename or "",
                    reason=os_reason(exc))
    if not isinstance(exc, DomainError):
        return text("unexpected_error", kind=exc.__class__.__name__)
    if exc.code in catalogue() and (exc.code_given or not exc.sentence):
        return text(exc.code, **exc.params)
    if exc.sentence:
        return exc.sentence
    return text("unexpected_error", kind=exc.__class__.__name__)


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in the current language: the common errno values from
    messages/os_errors.py; any other the system's own sentence, else the error's class name."""
    code = reason_code(exc)
    if code is not None:
        return text(code)
    return exc.strerror or exc.__class__.__name__


def _labelled(key: str, problem: str) -> str:
    # An older sentence says which field it is about ("会议室名称不能为空"); a code is worded
    # for the place under its field, so away from the form it gets the field's name.
    if str(problem) not in catalogue():
        return field_text(problem)
    return f"{field_label(key)}{text('label_separator')}{field_text(problem)}"


errors.install_wording(describe)
