"""People: list, read, create and edit registrations (with validation)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from eventdesk.domain import Category, Exhibitor, Person, PersonStatus
from eventdesk.domain.base import utcnow
from eventdesk.domain.contact import checked_contact, mask_email, mask_phone
from eventdesk.domain.enums import Consent
from eventdesk.domain.errors import FieldProblem, NotFound, ValidationFailed, length_problems
from eventdesk.domain.names import person_search_text
from eventdesk.domain.qr import contains_payload, new_badge_code
from eventdesk.domain.sorting import name_key, text_key
from eventdesk.services import audit
from eventdesk.services.edits import EditConflict, changed_meanwhile, plan_edit
from eventdesk.services.events import get_event
from eventdesk.services.search.index import search_ids
from eventdesk.services.signing import PayloadSigner
from eventdesk.storage import MAX_BOUND_PARAMETERS

SortKey = Literal["name", "company", "category", "booth", "created", "status", "name_en", "title",
                  "phone", "email", "badge_code", "consent"]
MAX_LENGTHS = {"name": 100, "name_en": 100, "company": 200, "title": 100, "notes": 2000,
               "external_ref": 64}


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    name_en: str
    category: Category
    company: str
    exhibitor_id: int | None
    hall: str
    booth: str
    title: str
    phone: str
    email: str
    badge_code: str
    status: PersonStatus
    external_ref: str | None
    created_at: datetime
    updated_at: datetime
    notes: str = ""
    qr_payload: str = ""
    consent: Consent = Consent.UNKNOWN
    # True when phone and email hold masked text (138****5678, l***@example.com): the reader
    # may not see contacts (actions.privacy). A form never saves such text back.
    contacts_masked: bool = False

    @property
    def phone_masked(self) -> str:
        return mask_phone(self.phone)

    def masked(self) -> PersonRow:
        """This row with phone and e-mail masked (domain.contact), for a reader without
        Permission.SEE_CONTACTS."""
        if self.contacts_masked:
            return self
        return replace(self, phone=mask_phone(self.phone), email=mask_email(self.email),
                       contacts_masked=True)


@dataclass(frozen=True)
class PersonInput:
    """What a form or an import row says about a person; validated by `validate_person`."""

    name: str
    category: Category | str = Category.VISITOR
    name_en: str = ""
    company: str = ""
    exhibitor_id: int | None = None
    title: str = ""
    phone: str = ""
    email: str = ""
    status: PersonStatus | str = PersonStatus.REGISTERED
    external_ref: str | None = None
    notes: str = ""
    extra: dict[str, str] = field(default_factory=dict)
    consent: Consent | str = Consent.UNKNOWN


def validate_person(data: PersonInput) -> PersonInput:
    """Normalise and check; raises ValidationFailed naming every bad field at once (field key ->
    FieldProblem: person.name_required, person.category_unknown, person.status_unknown,
    common.phone_invalid, common.email_invalid, common.too_long, person.badge_code_in_field —
    a badge payload typed into a text field, see domain.qr.contains_payload)."""
    problems: dict[str, FieldProblem] = {}
    name = " ".join((data.name or "").split())
    if not name:
        problems["name"] = FieldProblem("person.name_required")
    try:
        category = Category(str(data.category).strip().lower())
    except ValueError:
        problems["category"] = FieldProblem("person.category_unknown", value=str(data.category))
        category = Category.VISITOR
    try:
        status = PersonStatus(str(data.status).strip().lower())
    except ValueError:
        problems["status"] = FieldProblem("person.status_unknown", value=str(data.status))
        status = PersonStatus.REGISTERED
    try:
        consent = Consent(str(data.consent).strip().lower())
    except ValueError:
        problems["consent"] = FieldProblem("person.consent_unknown", value=str(data.consent))
        consent = Consent.UNKNOWN
    phone, email = checked_contact(data.phone, data.email, problems=problems)
    cleaned = replace(
        data, name=name, category=category, status=status, phone=phone, email=email,
        consent=consent,
        name_en=data.name_en.strip(), company=" ".join(data.company.split()),
        title=data.title.strip(), external_ref=(data.external_ref or "").strip() or None,
    )
    problems.update(length_problems(cleaned, MAX_LENGTHS))
    for key in ("name", "name_en", "company", "title"):
        if contains_payload(getattr(cleaned, key)):  # said instead of any other problem
            problems[key] = FieldProblem("person.badge_code_in_field")
    if problems:
        raise ValidationFailed(problems)
    return cleaned


# A person with their exhibitor's hall, booth and short name (None without an exhibitor: the
# join is an outer join, which the column types below do not say).
PersonWithBooth = tuple[Person, str | None, str | None, str | None] | Row[Person, str, str, str]


def _base_query() -> Select[Person, str, str, str]:
    return select(Person, Exhibitor.hall, Exhibitor.booth, Exhibitor.short_name).outerjoin(
        Exhibitor, Exhibitor.id == Person.exhibitor_id
    )


def row_of(p: Person, hall: str | None, booth: str | None, payload: str = "") -> PersonRow:
    """A person with their exhibitor's hall and booth (None without one) as a PersonRow;
    `payload` is the signed QR payload when the caller has it ("" otherwise)."""
    return PersonRow(
        id=p.id, name=p.name, name_en=p.name_en, category=Category(p.category),
        company=p.company, exhibitor_id=p.exhibitor_id, hall=hall or "", booth=booth or "",
        title=p.title, phone=p.phone, email=p.email, badge_code=p.badge_code,
        status=PersonStatus(p.status), external_ref=p.external_ref, created_at=p.created_at,
        updated_at=p.updated_at, notes=p.notes, qr_payload=payload,
        consent=Consent(p.consent or Consent.UNKNOWN),
    )


_SORTS = {
    "name": (Person.name_pinyin, Person.id),
    # Pinyin keys (domain.sorting); people without a company after the rest.
    "company": (Person.company_pinyin == "", Person.company_pinyin, Person.name_pinyin, Person.id),
    "category": (Person.category, Person.name_pinyin, Person.id),
    "booth": (Exhibitor.hall, Exhibitor.booth, Person.name_pinyin, Person.id),
    "created": (Person.created_at, Person.id),
    "status": (Person.status, Person.name_pinyin, Person.id),
    # The people table sorts by any of its columns (ui/people).
    "name_en": (Person.name_en, Person.name_pinyin, Person.id),
    "title": (Person.title, Person.name_pinyin, Person.id),
    "phone": (Person.phone, Person.id),
    "email": (Person.email, Person.id),
    "badge_code": (Person.badge_code,),
    "consent": (Person.consent, Person.name_pinyin, Person.id),
}


def rows_for(session: Session, people: Sequence[PersonWithBooth],
             *, with_payload: bool) -> list[PersonRow]:
    sign = PayloadSigner(session) if with_payload and people else None
    return [row_of(p, hall, booth, sign(p.badge_code) if sign else "")
            for p, hall, booth, _short in people]


def list_people(
    session: Session,
    *,
    category: Category | None = None,
    ids: list[int] | None = None,
    exhibitor_id: int | None = None,
    sort: SortKey = "name",
    descending: bool = False,
    limit: int | None = 50,
    offset: int = 0,
    with_payload: bool = False,
) -> list[PersonRow]:
    stmt = _base_query()
    if category is not None:
        stmt = stmt.where(Person.category == category)
    if ids is not None:
        stmt = stmt.where(Person.id.in_(ids))
    if exhibitor_id is not None:
        stmt = stmt.where(Person.exhibitor_id == exhibitor_id)
    order = _SORTS[sort]
    stmt = stmt.order_by(*[c.desc() for c in order] if descending else order)
    if limit is not None:
        stmt = stmt.limit(limit)
    if offset:
        stmt = stmt.offset(offset)
    return rows_for(session, session.execute(stmt).all(), with_payload=with_payload)


def person_ids(
    session: Session,
    *,
    query: str = "",
    category: Category | None = None,
    sort: SortKey | None = "name",
    descending: bool = False,
) -> list[int]:
    """Ids of everyone in a table's order, for paging a big list by id (the people view).

    Ids are cheap (100,000 ints), rows are not: a view keeps this list and reads rows a page at a
    time with `list_people(ids=...)`, so pages stay stable while others add people. With a query,
    people are those the desk search finds (services.search.index), in its rank order unless a
    sort is given.
    """
    matches: list[int] | None = None
    if query.strip():
        matches = search_ids(session, query=query, limit=10**9)
        if not matches:
            return []
        if sort is None and category is None:
            return matches
    order = _SORTS[sort or "name"]
    stmt = select(Person.id)
    if sort == "booth":
        stmt = stmt.outerjoin(Exhibitor, Exhibitor.id == Person.exhibitor_id)
    if category is not None:
        stmt = stmt.where(Person.category == category)
    # Beyond the bound-parameter limit, ordering the matches by a column reads the whole
    # ordered id list once instead of binding every id.
    if matches is not None and len(matches) <= MAX_BOUND_PARAMETERS:
        stmt = stmt.where(Person.id.in_(matches))
    stmt = stmt.order_by(*[c.desc() for c in order] if descending else order)
    ordered = list(session.scalars(stmt))
    if matches is None:
        return ordered
    if sort is None:  # category filter only: keep the search's rank order
        allowed = set(ordered)
        return [i for i in matches if i in allowed]
    wanted = set(matches)
    return [i for i in ordered if i in wanted]


def get_person(session: Session, *, person_id: int, with_payload: bool = True) -> PersonRow:
    found = session.execute(_base_query().where(Person.id == person_id)).first()
    if found is None:
        raise NotFound(code="person.not_found", person_id=person_id)
    return rows_for(session, [found], with_payload=with_payload)[0]


def _company_short(session: Session, exhibitor_id: int | None) -> str:
    if exhibitor_id is None:
        return ""
    exhibitor = session.get(Exhibitor, exhibitor_id)
    if exhibitor is None:
        raise ValidationFailed({"exhibitor_id": FieldProblem("person.exhibitor_missing",
                                                             exhibitor_id=exhibitor_id)})
    return exhibitor.short_name


def refresh_search_fields(person: Person, *, company_short: str) -> None:
    person.name_pinyin = name_key(person.name)
    person.company_pinyin = text_key(person.company)
    person.search_text = person_search_text(
        name=person.name, name_en=person.name_en, company=person.company,
        company_short=company_short, email=person.email,
        external_ref=person.external_ref or "",
    )


EDITABLE = ("name", "name_en", "category", "company", "exhibitor_id", "title", "phone", "email",
            "status", "external_ref", "notes", "consent")


def _apply(person: Person, data: PersonInput,
           keys: Sequence[str] = EDITABLE) -> dict[str, tuple[object, object]]:
    changes: dict[str, tuple[object, object]] = {}
    for key in keys:
        new = getattr(data, key)
        old = getattr(person, key)
        if old != new:
            changes[key] = (old, new)
            setattr(person, key, new)
    if "consent" in changes:
        person.consent_at = None if person.consent == Consent.UNKNOWN else utcnow()
    return changes


def create_person(session: Session, *, data: PersonInput, operator: str, desk: str = "",
                  badge_code: str | None = None,
                  audit_action: str = "person.create") -> PersonRow:
    """Register a person. `audit_action`: person.create, or person.walk_in for a walk-in at
    the desk. Raises ValidationFailed, NoEvent when the database holds no event (a
    registration belongs to the event)."""
    get_event(session)
    data = validate_person(data)
    short = _company_short(session, data.exhibitor_id)
    person = Person(badge_code=badge_code or new_badge_code())
    _apply(person, data)
    refresh_search_fields(person, company_short=short)
    session.add(person)
    session.flush()
    audit.record(session, actor=operator, desk=desk, action=audit_action,
                 subject_type="person", subject_id=person.id, detail={"name": person.name})
    return get_person(session, person_id=person.id)


def update_person(session: Session, *, person_id: int, data: PersonInput, operator: str,
                  desk: str = "", base: PersonRow | None = None) -> PersonRow:
    """Save a person's form. With `base` (the row the form was filled from) only the fields the
    form changed are written, so another desk's change to other fields since then is kept; when
    another desk changed one of the same fields, nothing is written and EditConflict says who
    changed what (services.edits). Without `base` every field is written (the caller read the
    person in this same unit of work). Raises NotFound, ValidationFailed, EditConflict."""
    # The row lock makes two saves at the same moment compare one after the other (PostgreSQL;
    # SQLite's write transactions already run one at a time).
    person = session.get(Person, person_id, with_for_update=True)
    if person is None:
        raise NotFound(code="person.not_found", person_id=person_id)
    cleaned = validate_person(data)
    keys: Sequence[str] = EDITABLE
    if base is not None:
        keys, meanwhile = plan_edit(person, base=as_input(base), typed=data, cleaned=cleaned,
                                    keys=EDITABLE)
        if meanwhile:
            raise _conflict(session, person, meanwhile, since=base.updated_at)
    short = _company_short(session, cleaned.exhibitor_id)
    changes = _apply(person, cleaned, keys)
    if changes:
        refresh_search_fields(person, company_short=short)
        session.flush()
        audit.record(session, actor=operator, desk=desk, action="person.update",
                     subject_type="person", subject_id=person.id,
                     detail={k: [str(a), str(b)] for k, (a, b) in changes.items()})
    return get_person(session, person_id=person.id)


def _conflict(session: Session, person: Person, keys: Sequence[str], *,
              since: datetime) -> EditConflict:
    changed = changed_meanwhile(session, record=person, keys=keys, subject_type="person",
                                subject_id=person.id, since=since, tz=get_event(session).tz)
    return EditConflict(name=person.name, changed=changed,
                        current=get_person(session, person_id=person.id))


def as_input(row: PersonRow) -> PersonInput:
    """A form's starting point for editing an existing person."""
    return PersonInput(name=row.name, category=row.category, name_en=row.name_en,
                       company=row.company, exhibitor_id=row.exhibitor_id, title=row.title,
                       phone=row.phone, email=row.email, status=row.status,
                       external_ref=row.external_ref, notes=row.notes, consent=row.consent)
