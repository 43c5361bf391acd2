"""Column mapping: which header of a file holds which field, automatic from common Chinese and
English header names, editable, and saved per kind for the next file from the same source.

A mapping is a plain dict {field key: header text}. Kinds describe their fields with FieldSpec;
`auto_map(headers, fields)` proposes a mapping, `resolve_mapping` prefers a saved one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy.orm import Session

from eventdesk.domain import Setting
from eventdesk.domain.names import simplify
from eventdesk.services.imports.normalise import clean, report_value
from eventdesk.services.imports.report import ImportReport, Problem, problem, row_error

_BRACKETED = re.compile(r"[（(【\[<《].*?[）)】\]>》]")
_JUNK = re.compile(r"[\s_\-:：*#.。/\\'\"“”]+")


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # shown in the mapping dialog and in error reports when no header is mapped
    aliases: tuple[str, ...]
    required: bool = False


@lru_cache(maxsize=4096)
def header_key(header: str) -> str:
    """The form headers are compared in: "手机号码（必填）*" and "手机号码" match, as do
    "E-mail", "e_mail" and "EMAIL", and traditional script matches simplified (手機 = 手机,
    單位 = 单位, 電子郵件 = 电子邮件): every alias of every kind has its traditional forms
    without listing them. Cached: the header search asks for every cell of the first rows."""
    text = _BRACKETED.sub("", simplify(str(header or "").strip()))
    key = _JUNK.sub("", text).lower()
    return key or _JUNK.sub("", simplify(str(header or ""))).lower()


def _first_word(header: str) -> str:
    return str(header or "").strip().split(" ")[0]


def auto_map(headers: Sequence[str], fields: Sequence[FieldSpec]) -> dict[str, str]:
    """Each field gets the first header equal to one of its aliases; a header is used once.
    A bilingual header such as our exports write ("开始 Start") also matches by its first word."""
    by_key: dict[str, str] = {}
    for h in headers:
        if h:
            by_key.setdefault(header_key(h), h)
    for h in headers:
        if h:
            by_key.setdefault(header_key(_first_word(h)), h)
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for spec in fields:
        for alias in (spec.key, *spec.aliases):
            header = by_key.get(header_key(alias))
            if header is not None and header not in used:
                mapping[spec.key] = header
                used.add(header)
                break
    return mapping


def secondary_columns(headers: Sequence[str], fields: Sequence[FieldSpec],
                      mapping: dict[str, str]) -> dict[str, str]:
    """{header: field key} of the columns left out of `mapping` that name a field it maps
    (手机 mapped to the phone, 电话 beside it; 姓名 and 名字): a field's second column. The
    engine uses one where the field's own cell is blank, and keeps its value where the two
    differ (people: in the notes; other kinds: as a note on the row) — so a landline-only
    person gets their landline as the phone, and no value of the second column is lost."""
    used = set(mapping.values())
    keys: dict[str, str] = {}
    for spec in fields:
        if mapping.get(spec.key):
            for alias in (spec.key, *spec.aliases):
                keys.setdefault(header_key(alias), spec.key)
    found: dict[str, str] = {}
    for header in headers:
        if not header or header in used:
            continue
        key = keys.get(header_key(header)) or keys.get(header_key(_first_word(header)))
        if key is not None:
            found[header] = key
    return found


class SecondColumns:
    """Second columns of mapped fields (mapping.secondary_columns) applied to one row: a blank
    cell of the field takes the second column's value; a different value is kept in the
    kind's notes field ("电话：0512-57001234"), or noted on the row when it has none."""

    def __init__(self, fields: Sequence[FieldSpec], secondary: dict[str, str], *,
                 notes: str | None) -> None:
        self.notes = notes
        self.labels = {f.key: f.label for f in fields}
        self.by_field: dict[str, list[str]] = {}
        for header, key in secondary.items():
            self.by_field.setdefault(key, []).append(header)

    def fill(self, row_no: int, fields: dict[str, Any], values: dict[str, Any],
             report: ImportReport) -> dict[str, str]:
        """Changes `fields` in place; returns {field: header} for values taken from a second
        column (so that a problem with one names that column)."""
        sources: dict[str, str] = {}
        kept: list[str] = []
        for key, headers in self.by_field.items():
            for header in headers:
                value = clean(values.get(header))
                if not value:
                    continue
                own = clean(fields.get(key))
                if not own:
                    fields[key] = values.get(header)
                    sources[key] = header
                elif value != own:
                    if self.notes is None:
                        report.warnings.append(row_error(
                            row_no, header, report_value(value),
                            problem("imports.second_column_differs", field=self.labels[key])))
                    else:
                        kept.append(f"{header}：{value}")
        if kept and self.notes is not None:
            own_notes = clean(fields.get(self.notes), collapse=False)
            fields[self.notes] = "；".join([own_notes, *kept] if own_notes else kept)
        return sources


def unmapped_columns(headers: Sequence[str], mapping: dict[str, str],
                     secondary: dict[str, str]) -> list[str]:
    """The headers whose columns are not imported at all, in file order."""
    used = set(mapping.values()) | set(secondary)
    return [h for h in headers if h and h not in used]


def known_header(fields: Sequence[FieldSpec]) -> _Known:
    return _Known({header_key(a) for spec in fields for a in (spec.key, *spec.aliases)})


class _Known:
    """Callable telling open_table whether a cell looks like one of our headers."""

    def __init__(self, keys: set[str]) -> None:
        self._keys = keys

    def __call__(self, text: str) -> bool:
        return header_key(text) in self._keys or header_key(_first_word(text)) in self._keys


def missing_required(mapping: dict[str, str], fields: Sequence[FieldSpec]) -> list[FieldSpec]:
    return [f for f in fields if f.required and not mapping.get(f.key)]


def _setting_key(kind: str) -> str:
    return f"import.mapping.{kind}"


def load_mapping(session: Session, *, kind: str) -> dict[str, str]:
    row = session.get(Setting, _setting_key(kind))
    if row is None or not row.value:
        return {}
    try:
        data = json.loads(row.value)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def save_mapping(session: Session, *, kind: str, mapping: dict[str, str]) -> None:
    """Remember a person's corrections; the next file of this kind starts from them."""
    value = json.dumps({k: v for k, v in mapping.items() if v}, ensure_ascii=False)
    row = session.get(Setting, _setting_key(kind))
    if row is None:
        session.add(Setting(key=_setting_key(kind), value=value))
    else:
        row.value = value
    session.flush()


def resolve_mapping(headers: Sequence[str], fields: Sequence[FieldSpec],
                    saved: dict[str, str] | None = None) -> dict[str, str]:
    """The saved mapping where its headers exist in this file, automatic for the other fields."""
    present = set(h for h in headers if h)
    mapping = auto_map(headers, fields)
    if saved:
        valid = {f.key for f in fields}
        chosen = {k: h for k, h in saved.items() if k in valid and h in present}
        taken = set(chosen.values())
        mapping = {**{k: h for k, h in mapping.items() if h not in taken}, **chosen}
    return mapping


def check_mapping(mapping: dict[str, str], headers: Sequence[str],
                  fields: Sequence[FieldSpec]) -> list[Problem]:
    """Problems with a (possibly hand-edited) mapping, as codes; empty when usable."""
    problems: list[Problem] = []
    present = set(h for h in headers if h)
    for spec in missing_required(mapping, fields):
        problems.append(problem("imports.mapping.missing_required", field=spec.label,
                                aliases="/".join(spec.aliases[:3])))
    for header in mapping.values():
        if header and header not in present:
            problems.append(problem("imports.mapping.header_absent", header=header))
    chosen = [h for h in mapping.values() if h]
    for header in sorted(set(h for h in chosen if chosen.count(h) > 1)):
        problems.append(problem("imports.mapping.header_twice", header=header))
    return problems
