"""Every field a ValidationFailed can name has a name for people in both languages: describe()
words such an error away from its form ("Please correct: Collected by: too long …"), and a field
without a `field_label.<key>` entry showed its code key (collected_by) to the operator."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import eventdesk
from eventdesk import messages
from eventdesk.domain.errors import FieldProblem, ValidationFailed

SRC = Path(eventdesk.__file__).parent


def _is_problem(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and (
        getattr(node.func, "id", None) == "FieldProblem"
        or getattr(node.func, "attr", None) == "FieldProblem")


def field_keys() -> set[str]:
    """Keys of the field problems the services and domain raise: `problems["key"] = …`, dict
    literals of FieldProblem values, and `phone_key="key"`-style arguments."""
    keys: set[str] = set()
    for path in [*SRC.joinpath("services").rglob("*.py"), *SRC.joinpath("domain").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
                            and target.value.id == "problems"
                            and isinstance(target.slice, ast.Constant)
                            and isinstance(target.slice.value, str)):
                        keys.add(target.slice.value)
            elif isinstance(node, ast.Dict):
                keys |= {k.value for k, v in zip(node.keys, node.values, strict=True)
                         if isinstance(k, ast.Constant) and isinstance(k.value, str)
                         and _is_problem(v)}
            elif (isinstance(node, ast.keyword) and node.arg and node.arg.endswith("_key")
                  and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
                keys.add(node.value.value)
    return keys


def test_the_scan_finds_the_fields() -> None:
    assert {"name", "collected_by", "collector_phone", "username", "title_zh"} <= field_keys()


def test_every_field_key_has_a_label() -> None:
    assert sorted(k for k in field_keys() if f"field_label.{k}" not in messages.catalogue()) == []


@pytest.mark.parametrize(("lang", "said"), [("zh", "领取人"), ("en", "Collected by")])
def test_a_pickup_error_names_the_field_in_words(lang: str, said: str) -> None:
    before = messages.language()
    messages.set_language(lang)
    try:
        text = messages.describe(ValidationFailed(
            {"collected_by": FieldProblem("common.too_long", length=10_000, limit=100)}))
    finally:
        messages.set_language(before)
    assert said in text and "collected_by" not in text
