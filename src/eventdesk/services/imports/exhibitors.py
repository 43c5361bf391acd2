"""Exhibitor lists: company, short name, hall, booth, sector, contact, staff quota, external id.

Duplicates: the same external reference, or the same company name (folded: 張/张, spaces).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from eventdesk.domain import Exhibitor, Person
from eventdesk.domain.base import utcnow
from eventdesk.domain.errors import Phrase, ValidationFailed
from eventdesk.domain.names import exhibitor_search_text, fold
from eventdesk.domain.sorting import text_key
from eventdesk.services import audit
from eventdesk.services.exhibitors import ExhibitorInput, validate_exhibitor
from eventdesk.services.imports.engine import Existing, Key, KindAdapter, Progress
from eventdesk.services.imports.mapping import FieldSpec
from eventdesk.services.imports.normalise import clean
from eventdesk.services.imports.people import audit_json, stamp_of
from eventdesk.services.imports.report import FieldProblem, problem
from eventdesk.services.people import refresh_search_fields as refresh_person

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name_zh", "名称", ("名称", "公司名称", "企业名称", "展商名称", "单位名称", "公司",
                                 "单位", "企业", "展商", "company", "name", "exhibitor",
                                 "company name"), required=True),
    FieldSpec("name_en", "英文名称", ("英文名称", "英文名", "公司英文名", "english name", "name_en",
                                   "name (en)")),
    FieldSpec("short_name", "简称", ("简称", "公司简称", "展商简称", "企业简称", "short name",
                                   "short_name")),
    FieldSpec("sector", "行业", ("行业", "领域", "板块", "展区", "产业", "sector", "industry")),
    FieldSpec("hall", "展馆", ("展馆", "馆", "馆号", "展厅", "hall")),
    FieldSpec("booth", "展位", ("展位", "展位号", "摊位", "booth", "stand", "booth no")),
    FieldSpec("contact_name", "联系人", ("联系人", "联系人姓名", "contact", "contact name")),
    FieldSpec("contact_phone", "联系电话", ("联系电话", "联系人电话", "联系人手机", "手机",
                                        "手机号", "电话", "phone", "mobile", "tel")),
    FieldSpec("contact_email", "联系邮箱", ("联系邮箱", "联系人邮箱", "邮箱", "电子邮箱",
                                        "电子邮件", "email", "e-mail")),
    FieldSpec("staff_quota", "名额", ("名额", "人员名额", "工作人员名额", "胸卡名额", "quota",
                                    "staff quota", "staff_quota")),
    FieldSpec("external_ref", "编号", ("编号", "展商编号", "external id", "external_ref", "ref")),
)
COMPARE = ("name_zh", "name_en", "short_name", "sector", "hall", "booth", "contact_name",
           "contact_phone", "contact_email", "staff_quota", "external_ref")
_TEXT = tuple(k for k in COMPARE if k != "staff_quota")
_BATCH = 2000


class ExhibitorsAdapter(KindAdapter):
    kind = "exhibitors"
    label = Phrase("imports.kind.exhibitors")
    fields = FIELDS
    compare = COMPARE

    def stamp(self, session: Session) -> Hashable:
        return (*stamp_of(session, Exhibitor), *stamp_of(session, Person))

    def load(self, session: Session) -> Existing:
        cols = [getattr(Exhibitor, c) for c in COMPARE]
        return Existing({row[0]: dict(zip(COMPARE, row[1:], strict=True))
                         for row in session.execute(select(Exhibitor.id, *cols))})

    def clean(self, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, FieldProblem]]:
        text = {k: clean(v) for k, v in values.items()}
        problems: dict[str, FieldProblem] = {}
        quota = 5
        if text.get("staff_quota"):
            raw = text["staff_quota"].removesuffix(".0")
            if raw.isdigit():
                quota = int(raw)
            else:
                problems["staff_quota"] = problem("imports.exhibitors.bad_quota")
        if len(text.get("contact_name", "")) > 100:
            problems["contact_name"] = problem("imports.too_long", limit=100)
        if len(text.get("external_ref", "")) > 64:
            problems["external_ref"] = problem("imports.too_long", limit=64)
        try:
            checked = validate_exhibitor(ExhibitorInput(
                staff_quota=quota, **{k: text.get(k, "") for k in _TEXT if k != "external_ref"},
                external_ref=text.get("external_ref") or None))
        except ValidationFailed as exc:
            problems.update({k: v for k, v in exc.fields.items() if k not in problems})
            return {}, problems
        if problems:
            return {}, problems
        data: dict[str, Any] = {k: getattr(checked, k) for k in _TEXT if text.get(k)}
        if text.get("staff_quota"):
            data["staff_quota"] = quota
        return data, {}

    def keys(self, record: dict[str, Any]) -> list[Key]:
        keys: list[Key] = []
        if record.get("external_ref"):
            keys.append(("external_ref", ("ref", record["external_ref"])))
        if record.get("name_zh"):
            keys.append(("name_zh", ("name", fold(record["name_zh"]))))
        return keys

    def complete(self, data: dict[str, Any]) -> dict[str, Any]:
        record: dict[str, Any] = {k: "" for k in _TEXT}
        record.update(staff_quota=5, external_ref=None)
        record.update(data)
        return record

    def describe(self, record: dict[str, Any]) -> str:
        return str(record.get("name_zh", ""))

    def apply(self, session: Session, *, creates: list[dict[str, Any]],
              updates: list[tuple[int, dict[str, Any]]], operator: str, source: str,
              progress: Progress | None) -> None:
        now = utcnow()
        rows = [{**{k: r[k] for k in COMPARE}, "created_at": now, "updated_at": now,
                 "search_text": _search(r), "name_pinyin": text_key(r["name_zh"])}
                for r in creates]
        for start in range(0, len(rows), _BATCH):
            session.execute(insert(cast(Table, Exhibitor.__table__)),
                            rows[start:start + _BATCH])
        changes_by_id = dict(updates)
        renamed: list[Exhibitor] = []
        entries: list[dict[str, Any]] = []  # appended to the audit chain at once (as people.py)
        for start in range(0, len(updates), _BATCH):
            ids = [i for i, _c in updates[start:start + _BATCH]]
            for e in session.scalars(select(Exhibitor).where(Exhibitor.id.in_(ids))):
                changes = changes_by_id[e.id]
                detail = {k: [str(getattr(e, k)), str(v)] for k, v in changes.items()}
                for key, value in changes.items():
                    setattr(e, key, value)
                e.search_text = _search({k: getattr(e, k) for k in COMPARE})
                e.name_pinyin = text_key(e.name_zh)
                if "short_name" in changes:
                    renamed.append(e)
                entries.append({**audit.entry_values(actor=operator, action="exhibitor.update",
                                                     subject_type="exhibitor", subject_id=e.id),
                                "detail": audit_json({**detail, "source": source})})
        session.flush()
        for e in renamed:  # staff are found by their company's short name too
            for person in session.scalars(select(Person).where(Person.exhibitor_id == e.id)):
                refresh_person(person, company_short=e.short_name)
        session.flush()
        audit.append(session, entries)  # last: the chain head's lock is held for the commit
        if progress is not None:
            progress(len(creates) + len(updates), len(creates) + len(updates))
        audit.record(session, actor=operator, action="import.exhibitors", subject_type="import",
                     detail={"file": source, "created": len(creates), "updated": len(updates)})


def _search(r: dict[str, Any]) -> str:
    return exhibitor_search_text(name_zh=r["name_zh"], name_en=r["name_en"],
                                 short_name=r["short_name"], booth=r["booth"],
                                 external_ref=r["external_ref"] or "")
