"""The catalogue: complete for every code the source uses, both languages alike, no duplicates."""

from __future__ import annotations

import ast
import string
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from eventdesk import messages
from eventdesk.messages import catalogue

SRC = Path(messages.__file__).resolve().parents[1]  # src/eventdesk


def _fields(template: str) -> set[str]:
    return {name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(template) if name}


def _sample(template: str, name: str) -> object:
    """A value that fits the field's format spec: a date-time for strftime specs, else 1."""
    specs = {spec for _, field, spec, _ in string.Formatter().parse(template)
             if field and field.split(".")[0] == name}
    return datetime(2025, 5, 21, 9, 30) if any("%" in (s or "") for s in specs) else 1


def _calls(node: ast.AST) -> Iterator[ast.Call]:
    return (n for n in ast.walk(node) if isinstance(n, ast.Call))


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _is_messages_text(call: ast.Call) -> bool:
    func = call.func
    return (isinstance(func, ast.Attribute) and func.attr == "text"
            and isinstance(func.value, ast.Name) and func.value.id == "messages")


def _first_str(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def used_codes() -> dict[str, list[str]]:
    """code -> where it is used: `code="..."` of a raised error, FieldProblem("...") and
    messages.text("...") anywhere in src/eventdesk (the messages package itself aside)."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        if "messages" in path.relative_to(SRC).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = f"{path.relative_to(SRC)}"
        codes: list[tuple[str, int]] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and node.exc is not None:
                for call in _calls(node.exc):
                    for kw in call.keywords:
                        if kw.arg == "code" and isinstance(kw.value, ast.Constant):
                            codes.append((str(kw.value.value), call.lineno))
            if isinstance(node, ast.Call) and (_name(node) == "FieldProblem"
                                               or _is_messages_text(node)):
                code = _first_str(node)
                if code is not None:
                    codes.append((code, node.lineno))
        for code, line in codes:
            found.setdefault(code, []).append(f"{where}:{line}")
    return found


def test_the_scan_sees_the_converted_areas() -> None:
    # Guards the scan itself: if it stopped finding codes, the test below would pass vacuously.
    used = used_codes()
    for code in ("person.not_found", "person.name_required", "exhibitor.not_found",
                 "event.missing", "demo.refused", "common.phone_invalid", "cli.out_of_range"):
        assert code in used, code


def test_every_code_used_in_the_source_is_in_the_catalogue() -> None:
    missing = {code: where for code, where in used_codes().items() if code not in catalogue()}
    assert not missing


def test_both_languages_have_the_same_named_fields() -> None:
    for code, templates in catalogue().items():
        assert isinstance(templates, tuple) and len(templates) == 2, code
        zh, en = templates
        assert zh.strip() and en.strip(), code
        assert _fields(zh) == _fields(en), code


def test_every_template_fills_from_its_own_fields() -> None:
    for code, (zh, _en) in catalogue().items():
        params = {name: _sample(zh, name) for name in _fields(zh)}
        for lang in messages.LANGUAGES:
            messages.set_language(lang)
            said = messages.text(code, **params)
            assert "{" not in said.replace("{{", ""), (code, lang)


def test_english_templates_are_english() -> None:
    def has_cjk(text: str) -> bool:
        return any("\u3400" <= ch <= "\u9fff" for ch in text)

    assert not [code for code, (_zh, en) in catalogue().items() if has_cjk(en)]


def test_a_code_defined_twice_fails_to_load(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "zz_dup.py").write_text('CATALOGUE = {"person.not_found": ("重复", "twice")}\n',
                                     encoding="utf-8")
    monkeypatch.setattr(messages, "__path__", [*messages.__path__, str(extra)])
    try:
        with pytest.raises(RuntimeError, match="person.not_found"):
            catalogue.__wrapped__()
    finally:
        sys.modules.pop("eventdesk.messages.zz_dup", None)


def test_an_unknown_code_is_visible_not_a_crash() -> None:
    assert messages.text("no.such.code") == "no.such.code"
