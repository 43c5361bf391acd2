"""People lists: registration exports, exhibitors' staff sheets, media lists, partners' Excel.

Duplicates: the same badge code (our own export), the same external reference, or the same name
with the same phone, e-mail or company; a row with a name and none of those matches the person
of that name who has none of them either. A shared phone or e-mail alone is not a duplicate: an
assistant often registers several colleagues with one number, and merging them would lose people.

Blank cells never erase what the database holds; a row links to an exhibitor when its company
is an exhibitor's name or short name, and with no category given such a new person is exhibitor
staff (the common exhibitor staff sheet has only name, phone and company).
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Hashable
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from eventdesk.domain import Category, Exhibitor, Person, PersonStatus
from eventdesk.domain.base import utcnow
from eventdesk.domain.enums import Consent
from eventdesk.domain.errors import Phrase, ValidationFailed
from eventdesk.domain.names import fold, person_search_text
from eventdesk.domain.qr import BADGE_CODE_LENGTH, is_badge_code
from eventdesk.domain.sorting import name_key, text_key
from eventdesk.services import audit
from eventdesk.services.imports.engine import (
    Existing,
    ImportOptions,
    Key,
    KindAdapter,
    Progress,
)
from eventdesk.services.imports.mapping import FieldSpec
from eventdesk.services.imports.normalise import (
    CATEGORY_LABELS,
    CONSENT_CHOICES,
    category_of,
    clean,
    consent_of,
    status_of,
)
from eventdesk.services.imports.report import FieldProblem, problem
from eventdesk.services.people import PersonInput, validate_person
from eventdesk.storage import chunked

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "姓名", ("姓名", "名字", "name", "中文名", "中文姓名", "参会人", "参会人姓名",
                               "fullname", "full name", "参会者", "嘉宾姓名",
                               # partners' lists from Japan and Korea (traditional script
                               # needs no alias: mapping.header_key simplifies)
                               "氏名", "이름", "성명"), required=True),
    FieldSpec("name_en", "英文名", ("英文名", "英文姓名", "english name", "name_en", "name (en)",
                                  "name en", "拼音")),
    FieldSpec("company", "单位", ("单位", "公司", "企业名称", "单位名称", "公司名称", "工作单位",
                                "所在单位", "企业", "company", "organization", "organisation",
                                "company name", "机构", "会社", "会社名", "회사", "회사명")),
    FieldSpec("category", "类别", ("类别", "身份", "参会身份", "类型", "人员类别", "参会类型",
                                 "category", "type", "role")),
    FieldSpec("title", "职务", ("职务", "职位", "职称", "title", "position", "job title")),
    FieldSpec("phone", "手机", ("手机", "手机号", "手机号码", "电话", "联系电话", "电话号码",
                              "移动电话", "mobile", "phone", "tel", "telephone", "cell",
                              "携帯電話", "携帯", "휴대폰", "전화", "전화번호")),
    FieldSpec("email", "邮箱", ("邮箱", "电子邮件", "电子邮箱", "邮件", "邮箱地址", "email",
                              "e-mail", "mail", "メール", "メールアドレス", "이메일")),
    FieldSpec("status", "状态", ("状态", "status")),
    FieldSpec("external_ref", "编号", ("编号", "报名编号", "报名号", "注册编号", "登记编号",
                                     "external id", "external_ref", "registration id", "ref")),
    FieldSpec("notes", "备注", ("备注", "说明", "notes", "note", "remark", "remarks")),
    FieldSpec("badge_code", "胸卡编号", ("胸卡编号", "胸卡号", "badge code", "badge_code",
                                     "badge")),
    FieldSpec("consent", "同意", ("同意", "授权", "隐私同意", "个人信息授权", "是否同意",
                                "同意隐私政策", "隐私授权", "个人信息同意", "consent",
                                "privacy consent",
                                "gdpr consent", "opt in", "opt-in")),
)
COMPARE = ("name", "name_en", "category", "company", "exhibitor_id", "title", "phone", "email",
           "status", "external_ref", "notes", "consent")
# What tells two people of one name apart; a record with none of them matches by name alone.
_IDENTIFYING = ("phone", "email", "company", "external_ref")
_INSERT_BATCH = 2000
_SEARCH_FIELDS = ("name_pinyin", "search_text", "company_pinyin")  # what _search gives
_fold = lru_cache(maxsize=65536)(fold)


def badge_codes(count: int) -> list[str]:
    """`count` random badge codes in domain.qr's format, from one call to the OS's random source
    (new_badge_code draws per character, which is a fifth of a 30,000-row import)."""
    raw = secrets.token_bytes(count * 10)  # 80 random bits → 16 base32 characters, 10 kept
    codes = [base64.b32encode(raw[i:i + 10]).decode()[:BADGE_CODE_LENGTH]
             for i in range(0, len(raw), 10)]
    assert all(is_badge_code(c) for c in codes[:1])
    return codes


class PeopleAdapter(KindAdapter):
    kind = "people"
    stepwise = True  # people stand alone: a 30,000-row list is written in short transactions
    label = Phrase("imports.kind.people")
    fields = FIELDS
    compare = COMPARE
    notes_field = "notes"

    def __init__(self, options: ImportOptions | None = None) -> None:
        super().__init__(options)
        self.exhibitors: dict[str, tuple[int, str]] = {}  # folded name/short name → (id, short)
        self.shorts: dict[int, str] = {}

    def stamp(self, session: Session) -> Hashable:
        return (*stamp_of(session, Person), *stamp_of(session, Exhibitor))

    def load(self, session: Session) -> Existing:
        for eid, name, short in session.execute(
                select(Exhibitor.id, Exhibitor.name_zh, Exhibitor.short_name)):
            self.shorts[eid] = short
            for text in (name, short):
                if text:
                    self.exhibitors.setdefault(fold(text), (eid, short))
        cols = [getattr(Person, c) for c in COMPARE]
        records = {}
        for row in session.execute(select(Person.id, Person.badge_code, *cols)):
            record = dict(zip(("badge_code", *COMPARE), row[1:], strict=True))
            record["category"] = Category(record["category"])
            record["status"] = PersonStatus(record["status"])
            record["consent"] = Consent(record["consent"] or Consent.UNKNOWN)
            records[row[0]] = record
        return Existing(records)

    def clean(self, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, FieldProblem]]:
        text = {k: clean(v, collapse=(k != "notes")) for k, v in values.items()}
        problems: dict[str, FieldProblem] = {}
        category = status = consent = None
        if text.get("category"):
            category = category_of(text["category"])
            if category is None:
                problems["category"] = problem("imports.people.unknown_category",
                                               value=text["category"],
                                               choices="、".join(CATEGORY_LABELS))
        if text.get("status"):
            status = status_of(text["status"])
            if status is None:
                problems["status"] = problem("imports.people.unknown_status",
                                             value=text["status"])
        if text.get("consent"):
            consent = consent_of(text["consent"])
            if consent is None:
                problems["consent"] = problem("imports.people.unknown_consent",
                                              value=text["consent"], choices=CONSENT_CHOICES)
        try:
            checked = validate_person(PersonInput(
                name=text.get("name", ""), category=category or Category.VISITOR,
                name_en=text.get("name_en", ""), company=text.get("company", ""),
                title=text.get("title", ""), phone=text.get("phone", ""),
                email=text.get("email", ""), status=status or PersonStatus.REGISTERED,
                external_ref=text.get("external_ref") or None, notes=text.get("notes", "")))
        except ValidationFailed as exc:
            problems.update({k: v for k, v in exc.fields.items() if k not in problems})
            return {}, problems
        if problems:
            return {}, problems
        data: dict[str, Any] = {}
        for key in ("name", "name_en", "company", "title", "phone", "email", "external_ref",
                    "notes"):
            if text.get(key):
                data[key] = getattr(checked, key)
        if category is not None:
            data["category"] = category
        if status is not None:
            data["status"] = status
        if consent is not None:
            data["consent"] = consent
        if text.get("badge_code"):
            data["badge_code"] = text["badge_code"].upper()
        if data.get("company"):
            linked = self.exhibitors.get(_fold(data["company"]))
            if linked is not None:
                data["exhibitor_id"] = linked[0]
        return data, {}

    def keys(self, record: dict[str, Any]) -> list[Key]:
        keys: list[Key] = []
        if record.get("badge_code"):
            keys.append(("badge_code", ("badge", record["badge_code"])))
        if record.get("external_ref"):
            keys.append(("external_ref", ("ref", record["external_ref"])))
        name = _fold(record.get("name", ""))
        if name:
            if record.get("phone"):
                keys.append(("phone", ("phone", name, record["phone"])))
            if record.get("email"):
                keys.append(("email", ("email", name, record["email"])))
            if record.get("company"):
                keys.append(("company", ("company", name, _fold(record["company"]))))
            if not any(record.get(k) for k in _IDENTIFYING):
                # A row with nothing but a name (and category, title, notes…) is the person of
                # that name who has nothing else to tell them apart either: without this key
                # every import of such a list made them anew (three runs, three people).
                keys.append(("name", ("name", name)))
        return keys

    def complete(self, data: dict[str, Any]) -> dict[str, Any]:
        record: dict[str, Any] = {"name_en": "", "company": "", "exhibitor_id": None, "title": "",
                                  "phone": "", "email": "", "status": PersonStatus.REGISTERED,
                                  "external_ref": None, "notes": "", "consent": Consent.UNKNOWN}
        record.update(data)  # a badge code in the file is kept for matching, never inserted
        record.setdefault("category", Category.EXHIBITOR if record["exhibitor_id"] is not None
                          else Category.VISITOR)
        return record

    def distinct(self, record: dict[str, Any], data: dict[str, Any], *, new: bool) -> bool:
        # Two rows of one file with different badge codes are two badges, two people (two
        # 张伟 of one company in our own export); against the database a code that matched
        # nothing is foreign and proves nothing.
        if super().distinct(record, data, new=new):
            return True
        a, b = record.get("badge_code"), data.get("badge_code")
        return bool(new and a and b and a != b)

    def merge(self, current: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
        # Linking by company name is for new people and changed companies: a visitor who works
        # at an exhibiting company but is not its booth staff stays unlinked on re-import.
        if "exhibitor_id" in data and _fold(current.get("company") or "") == _fold(
                data.get("company") or ""):
            data = {k: v for k, v in data.items() if k != "exhibitor_id"}
        return {**current, **data}

    def describe(self, record: dict[str, Any]) -> str:
        company = record.get("company") or ""
        return f"{record.get('name', '')}（{company}）" if company else str(record.get("name", ""))

    def apply(self, session: Session, *, creates: list[dict[str, Any]],
              updates: list[tuple[int, dict[str, Any]]], operator: str, source: str,
              progress: Progress | None) -> None:
        total = len(creates) + len(updates)
        now = utcnow()
        rows: list[dict[str, Any]] = []
        for record, code in zip(creates, _unused_codes(session, len(creates)), strict=True):
            values = {k: record[k] for k in COMPARE}
            values.update(badge_code=code, created_at=now, updated_at=now,
                          consent_at=None if values["consent"] == Consent.UNKNOWN else now)
            values.update({k: record[k] for k in _SEARCH_FIELDS} if _SEARCH_FIELDS[0] in record
                          else self._search(values))
            rows.append(values)
        # Core executemany on the table: ORM objects, or even the ORM's bulk insert, cost seconds
        # more on a 30,000-row list (and the ORM path splits batches wherever a None appears).
        for start in range(0, len(rows), _INSERT_BATCH):
            session.execute(insert(cast(Table, Person.__table__)),
                            rows[start:start + _INSERT_BATCH])
            if progress is not None:
                progress(min(start + _INSERT_BATCH, len(rows)), total)
        changed = 0
        # Appended to the audit chain once, after the last batch: the chain head's lock is then
        # held for the end of this step only (services.audit).
        entries: list[dict[str, Any]] = []
        for start in range(0, len(updates), _INSERT_BATCH):
            batch = dict(updates[start:start + _INSERT_BATCH])
            people = session.scalars(select(Person).where(Person.id.in_(batch))).all()
            for person in people:
                changes = batch[person.id]
                detail = {k: [str(getattr(person, k)), str(v)] for k, v in changes.items()}
                for key, value in changes.items():
                    setattr(person, key, value)
                if "consent" in changes:
                    person.consent_at = None if person.consent == Consent.UNKNOWN else now
                values = {k: getattr(person, k) for k in COMPARE}
                for key, value in self._search(values).items():
                    setattr(person, key, value)
                entries.append({**audit.entry_values(actor=operator, action="person.update",
                                                     subject_type="person",
                                                     subject_id=person.id),
                                "detail": audit_json({**detail, "source": source})})
            session.flush()
            changed += len(people)
            if progress is not None:
                progress(len(creates) + changed, total)
        audit.append(session, entries)

    def prepare(self, creates: list[dict[str, Any]]) -> None:
        # Pinyin and search text take ~0.2 ms a person: outside the write transaction.
        for record in creates:
            record.update(self._search(record))

    def summary(self, session: Session, *, created: int, updated: int, operator: str,
                source: str) -> None:
        audit.record(session, actor=operator, action="import.people", subject_type="import",
                     detail={"file": source, "created": created, "updated": updated})

    def _search(self, values: dict[str, Any]) -> dict[str, str]:
        short = self.shorts.get(values["exhibitor_id"], "") if values["exhibitor_id"] else ""
        return {"name_pinyin": name_key(values["name"]),
                "company_pinyin": text_key(values["company"]),
                "search_text": person_search_text(
                    name=values["name"], name_en=values["name_en"], company=values["company"],
                    company_short=short, email=values["email"],
                    external_ref=values["external_ref"] or "")}


def _unused_codes(session: Session, count: int) -> list[str]:
    """`count` new badge codes that no person holds. Only the drawn codes are looked up (a
    part of a stepwise import must not read every code of the event in its write)."""
    codes = list(dict.fromkeys(badge_codes(count)))
    while True:
        held = {c for chunk in chunked(codes)
                for c in session.scalars(select(Person.badge_code)
                                         .where(Person.badge_code.in_(chunk)))}
        codes = [c for c in codes if c not in held]
        if len(codes) >= count:
            return codes[:count]
        codes += [c for c in badge_codes(count - len(codes) + 16) if c not in codes]


def stamp_of(session: Session, model: type[Person] | type[Exhibitor]) -> tuple[Any, ...]:
    """(rows, highest id, latest change) of a table: changes when a row is added, removed or
    edited (every edit sets updated_at)."""
    row = session.execute(select(func.count(model.id), func.max(model.id),
                                 func.max(model.updated_at))).one()
    return tuple(row)


def audit_json(detail: dict[str, Any]) -> str:
    import json

    return json.dumps(detail, ensure_ascii=False, default=str)
