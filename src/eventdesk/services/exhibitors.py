"""Exhibitors: companies, booths and staff quotas."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, Subquery, and_, case, func, select
from sqlalchemy.orm import QueryableAttribute, Session

from eventdesk.domain import Exhibitor, Person, PersonStatus
from eventdesk.domain.contact import checked_contact, mask_email, mask_phone
from eventdesk.domain.errors import FieldProblem, NotFound, ValidationFailed, length_problems
from eventdesk.domain.names import exhibitor_search_text, split_query
from eventdesk.domain.sorting import text_key
from eventdesk.services import audit
from eventdesk.services import exhibitor_figures as figures_of
from eventdesk.services.edits import EditConflict, changed_meanwhile, plan_edit
from eventdesk.services.events import get_event
from eventdesk.services.exhibitor_figures import PickupRecord

ExhibitorSort = Literal["name", "hall", "booth", "sector", "staff", "short_name", "contact",
                        "phone", "quota", "arrived", "arrived_today", "flags", "pickup"]
AnySelect = Select[*tuple[Any, ...]]
# Filters of the exhibitors view and `eventdesk exhibitors`: registered > quota, booth held by
# another exhibitor too, either of the two.
ExhibitorFlag = Literal["over_quota", "shared_booth", "any"]
FLAGS: tuple[ExhibitorFlag, ...] = ("over_quota", "shared_booth", "any")
# Sorts that need the figures' subqueries.
_FIGURE_SORTS = frozenset({"arrived", "arrived_today", "flags", "pickup"})


@dataclass(frozen=True)
class ExhibitorRow:
    id: int
    name_zh: str
    name_en: str
    short_name: str
    sector: str
    hall: str
    booth: str
    contact_name: str
    contact_phone: str
    contact_email: str
    staff_quota: int
    staff_count: int
    external_ref: str | None
    updated_at: datetime
    # True when contact_phone and contact_email hold masked text (actions.privacy).
    contacts_masked: bool = False
    # Figures (services.exhibitor_figures; filled when list_exhibitors is asked for them):
    # registered staff checked in on any event day / on today's; the other exhibitors at the
    # same booth (same hall and code); the latest pack pick-up.
    arrived: int = 0
    arrived_today: int = 0
    shared_with: tuple[str, ...] = ()
    pickup: PickupRecord | None = None

    @property
    def over_quota(self) -> int:
        """How many registered staff beyond the quota (0 when within it)."""
        return max(0, self.staff_count - self.staff_quota)

    @property
    def shared_booth(self) -> bool:
        return bool(self.shared_with)

    def masked(self) -> ExhibitorRow:
        """This row with the contact's phone and e-mail, and the pack collector's phone,
        masked (domain.contact)."""
        if self.contacts_masked:
            return self
        return replace(self, contact_phone=mask_phone(self.contact_phone),
                       contact_email=mask_email(self.contact_email), contacts_masked=True,
                       pickup=self.pickup.masked() if self.pickup else None)


@dataclass(frozen=True)
class ExhibitorInput:
    name_zh: str
    name_en: str = ""
    short_name: str = ""
    sector: str = ""
    hall: str = ""
    booth: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    staff_quota: int = 5
    external_ref: str | None = None


MAX_QUOTA = 10_000
MAX_LENGTHS = {"name_zh": 200, "name_en": 200, "short_name": 60, "booth": 20, "hall": 20,
               "sector": 60}


def validate_exhibitor(data: ExhibitorInput) -> ExhibitorInput:
    """Normalise and check; raises ValidationFailed naming every bad field at once (field key ->
    FieldProblem: exhibitor.name_required, exhibitor.quota_range, common.phone_invalid,
    common.email_invalid, common.too_long)."""
    problems: dict[str, FieldProblem] = {}
    name = " ".join(data.name_zh.split())
    if not name:
        problems["name_zh"] = FieldProblem("exhibitor.name_required")
    phone, email = checked_contact(data.contact_phone, data.contact_email, problems=problems,
                                   phone_key="contact_phone", email_key="contact_email")
    quota = data.staff_quota
    if not isinstance(quota, int) or quota < 0 or quota > MAX_QUOTA:
        problems["staff_quota"] = FieldProblem("exhibitor.quota_range", low=0, high=MAX_QUOTA)
    problems.update(length_problems(data, MAX_LENGTHS))
    if problems:
        raise ValidationFailed(problems)
    return replace(data, name_zh=name, contact_phone=phone, contact_email=email,
                   booth=data.booth.strip().upper(), hall=data.hall.strip(),
                   short_name=data.short_name.strip(),
                   external_ref=(data.external_ref or "").strip() or None)


def _staff_counts() -> Subquery:
    """exhibitor_id -> n: registered (not cancelled) staff per exhibitor."""
    return (
        select(Person.exhibitor_id, func.count(Person.id).label("n"))
        .where(Person.exhibitor_id.is_not(None), Person.status == PersonStatus.REGISTERED)
        .group_by(Person.exhibitor_id)
        .subquery()
    )


_SORTS = {  # names by their pinyin key (domain.sorting)
    "name": (Exhibitor.name_pinyin,),
    "hall": (Exhibitor.hall, Exhibitor.booth),
    "booth": (Exhibitor.booth,),
    "sector": (Exhibitor.sector, Exhibitor.name_pinyin),
    # The exhibitors table sorts by any of its columns (ui/exhibitors).
    "short_name": (Exhibitor.short_name, Exhibitor.name_pinyin),
    "contact": (Exhibitor.contact_name, Exhibitor.name_pinyin),
    "phone": (Exhibitor.contact_phone,),
    "quota": (Exhibitor.staff_quota, Exhibitor.name_pinyin),
}


def _figure_query(*, today: date) -> tuple[AnySelect, dict[str, list[Any]], Any]:
    """The exhibitors with their staff count and figures (services.exhibitor_figures) -> (the
    statement, the figure sorts' columns, the over-quota condition)."""
    counts = _staff_counts()
    arrivals = figures_of.arrivals(today=today)
    sharers = figures_of.booth_sharers()
    picked = figures_of.pickup_times()
    staff = func.coalesce(counts.c.n, 0)
    stmt = (select(Exhibitor, staff, func.coalesce(arrivals.c.arrived, 0),
                   func.coalesce(arrivals.c.arrived_today, 0))
            .outerjoin(counts, counts.c.exhibitor_id == Exhibitor.id)
            .outerjoin(arrivals, arrivals.c.exhibitor_id == Exhibitor.id)
            .outerjoin(sharers, and_(sharers.c.hall == Exhibitor.hall,
                                     sharers.c.booth == Exhibitor.booth))
            .outerjoin(picked, picked.c.exhibitor_id == Exhibitor.id))
    over = staff > Exhibitor.staff_quota
    shared = sharers.c.sharers.is_not(None)
    sorts: dict[str, list[Any]] = {
        "staff": [staff],
        "arrived": [func.coalesce(arrivals.c.arrived, 0), Exhibitor.name_zh],
        "arrived_today": [func.coalesce(arrivals.c.arrived_today, 0), Exhibitor.name_zh],
        # A rank, so that the first click on the flags column lists the flagged first: over
        # quota (most over first), then shared booths, then the rest by name.
        "flags": [case((staff > Exhibitor.staff_quota, 0), (sharers.c.sharers.is_not(None), 1),
                       else_=2),
                  Exhibitor.staff_quota - staff, Exhibitor.name_zh],
        "pickup": [picked.c.at.is_not(None), picked.c.at],
    }
    return stmt, sorts, (over, shared)


def _filtered(stmt: AnySelect, *, query: str, hall: str | None) -> AnySelect:
    for word in split_query(query):
        stmt = stmt.where(Exhibitor.search_text.contains(word, autoescape=True))
    if hall:
        stmt = stmt.where(Exhibitor.hall == hall)
    return stmt


def event_today(session: Session) -> date:
    """Today's event day (the event's time zone), the day `arrived_today` counts."""
    return get_event(session).day_of(datetime.now(UTC))


def list_exhibitors(
    session: Session,
    *,
    query: str = "",
    hall: str | None = None,
    sort: ExhibitorSort = "hall",
    descending: bool = False,
    limit: int | None = None,
    offset: int = 0,
    figures: bool = False,
    flag: ExhibitorFlag | None = None,
    today: date | None = None,
) -> list[ExhibitorRow]:
    """Exhibitors matching every word of `query` (name, short name, pinyin, booth) in `hall`,
    ordered by `sort`, a page of `limit` from `offset`. With `figures` (or a figure sort or a
    `flag`) the rows carry arrived / arrived_today (for `today`, default today's event day),
    shared_with and pickup; `flag` keeps only exhibitors over quota, at a shared booth, or
    either ("any"). Without figures those fields stay empty: the desk's search per keystroke
    does not pay for them."""
    if figures or flag or sort in _FIGURE_SORTS:
        return _with_figures(session, query=query, hall=hall, sort=sort, descending=descending,
                             limit=limit, offset=offset, flag=flag,
                             today=today or event_today(session))
    counts = _staff_counts()
    stmt = _filtered(select(Exhibitor, func.coalesce(counts.c.n, 0)).outerjoin(
        counts, counts.c.exhibitor_id == Exhibitor.id), query=query, hall=hall)
    # Unknown sort keys ("staff") order by the staff count.
    order: list[QueryableAttribute[Any] | ColumnElement[Any]] = (
        list(_SORTS.get(sort, ())) or [func.coalesce(counts.c.n, 0)])
    stmt = _page(stmt, [*order, Exhibitor.id], descending=descending, limit=limit,
                 offset=offset)
    return [_row(e, n) for e, n in session.execute(stmt).all()]


def _page(stmt: AnySelect, order: list[Any], *, descending: bool, limit: int | None,
          offset: int) -> AnySelect:
    """`stmt` in `order` (the last key, the id, makes it total), one page of it."""
    stmt = stmt.order_by(*[c.desc() for c in order] if descending else order)
    if limit is not None:
        stmt = stmt.limit(limit)
    return stmt.offset(offset) if offset else stmt


def _flag_condition(flag: ExhibitorFlag, conditions: Any) -> Any:
    over, shared = conditions
    return {"over_quota": over, "shared_booth": shared, "any": over | shared}[flag]


def _with_figures(session: Session, *, query: str, hall: str | None, sort: ExhibitorSort,
                  descending: bool, limit: int | None, offset: int,
                  flag: ExhibitorFlag | None, today: date) -> list[ExhibitorRow]:
    stmt, sorts, conditions = _figure_query(today=today)
    stmt = _filtered(stmt, query=query, hall=hall)
    if flag:
        stmt = stmt.where(_flag_condition(flag, conditions))
    order = list(_SORTS.get(sort, ())) or sorts.get(sort) or sorts["staff"]
    stmt = _page(stmt, [*order, Exhibitor.id], descending=descending, limit=limit,
                 offset=offset)
    return _figure_rows(session, stmt)


def _figure_rows(session: Session, stmt: AnySelect) -> list[ExhibitorRow]:
    found = session.execute(stmt).all()
    ids = [e.id for e, *_ in found]
    shared = figures_of.shared_booth_names(session, exhibitor_ids=ids)
    pickups = figures_of.last_pickups(session, exhibitor_ids=ids)
    return [replace(_row(e, n), arrived=int(arrived), arrived_today=int(arrived_today),
                    shared_with=shared.get(e.id, ()), pickup=pickups.get(e.id))
            for e, n, arrived, arrived_today in found]


def count_exhibitors(session: Session, *, query: str = "", hall: str | None = None,
                     flag: ExhibitorFlag | None = None) -> int:
    """How many exhibitors list_exhibitors would list with these filters."""
    if flag:
        stmt, _sorts, conditions = _figure_query(today=event_today(session))
        inner = _filtered(stmt, query=query, hall=hall).where(
            _flag_condition(flag, conditions)).subquery()
        return int(session.scalar(select(func.count()).select_from(inner)) or 0)
    plain = _filtered(select(func.count(Exhibitor.id)), query=query, hall=hall)
    return int(session.scalar(plain) or 0)


def exhibitor_choices(session: Session) -> list[tuple[int, str, str]]:
    """(id, name, booth) of every exhibitor, ordered by name, for linking a person to one."""
    stmt = (select(Exhibitor.id, Exhibitor.name_zh, Exhibitor.booth)
            .order_by(Exhibitor.name_pinyin, Exhibitor.id))
    return [(int(i), name, booth) for i, name, booth in session.execute(stmt)]


def halls(session: Session) -> list[str]:
    return [h for h in session.scalars(select(Exhibitor.hall).distinct().order_by(Exhibitor.hall))
            if h]


def _row(e: Exhibitor, staff: int) -> ExhibitorRow:
    return ExhibitorRow(
        id=e.id, name_zh=e.name_zh, name_en=e.name_en, short_name=e.short_name, sector=e.sector,
        hall=e.hall, booth=e.booth, contact_name=e.contact_name, contact_phone=e.contact_phone,
        contact_email=e.contact_email, staff_quota=e.staff_quota, staff_count=int(staff),
        external_ref=e.external_ref, updated_at=e.updated_at,
    )


def get_exhibitor(session: Session, *, exhibitor_id: int, figures: bool = False) -> ExhibitorRow:
    """One exhibitor (with its figures when asked: see list_exhibitors). Raises NotFound."""
    e = session.get(Exhibitor, exhibitor_id)
    if e is None:
        raise NotFound(code="exhibitor.not_found", exhibitor_id=exhibitor_id)
    staff = session.scalar(select(func.count(Person.id)).where(
        Person.exhibitor_id == e.id, Person.status == PersonStatus.REGISTERED)) or 0
    if not figures:
        return _row(e, staff)
    # One company: counted through its own rows, not the whole-event subqueries of a list.
    arrived, arrived_today = figures_of.arrivals_of(session, exhibitor_id=e.id,
                                                    today=event_today(session))
    return replace(_row(e, staff), arrived=arrived, arrived_today=arrived_today,
                   shared_with=figures_of.shared_booth_names(
                       session, exhibitor_ids=[e.id]).get(e.id, ()),
                   pickup=figures_of.last_pickups(session, exhibitor_ids=[e.id]).get(e.id))


def refresh_search_fields(e: Exhibitor) -> None:
    e.name_pinyin = text_key(e.name_zh)
    e.search_text = exhibitor_search_text(name_zh=e.name_zh, name_en=e.name_en,
                                          short_name=e.short_name, booth=e.booth,
                                          external_ref=e.external_ref or "")


_FIELDS = ("name_zh", "name_en", "short_name", "sector", "hall", "booth", "contact_name",
           "contact_phone", "contact_email", "staff_quota", "external_ref")


def create_exhibitor(session: Session, *, data: ExhibitorInput, operator: str) -> ExhibitorRow:
    """Add an exhibitor. Raises ValidationFailed, NoEvent when the database holds no event."""
    get_event(session)
    data = validate_exhibitor(data)
    e = Exhibitor(**{k: getattr(data, k) for k in _FIELDS})
    refresh_search_fields(e)
    session.add(e)
    session.flush()
    audit.record(session, actor=operator, action="exhibitor.create", subject_type="exhibitor",
                 subject_id=e.id, detail={"name": e.name_zh})
    return get_exhibitor(session, exhibitor_id=e.id)


def update_exhibitor(session: Session, *, exhibitor_id: int, data: ExhibitorInput,
                     operator: str, desk: str = "",
                     base: ExhibitorRow | None = None) -> ExhibitorRow:
    """Save an exhibitor's form; with `base` (the row the form was filled from) only the fields
    the form changed, refusing with EditConflict when another desk changed one of them since
    (see services.edits and people.update_person). Raises NotFound, ValidationFailed."""
    e = session.get(Exhibitor, exhibitor_id, with_for_update=True)
    if e is None:
        raise NotFound(code="exhibitor.not_found", exhibitor_id=exhibitor_id)
    cleaned = validate_exhibitor(data)
    keys: Sequence[str] = _FIELDS
    if base is not None:
        keys, meanwhile = plan_edit(e, base=as_input(base), typed=data, cleaned=cleaned,
                                    keys=_FIELDS)
        if meanwhile:
            changed = changed_meanwhile(session, record=e, keys=meanwhile,
                                        subject_type="exhibitor", subject_id=e.id,
                                        since=base.updated_at, tz=get_event(session).tz)
            raise EditConflict(name=e.name_zh, changed=changed,
                               current=get_exhibitor(session, exhibitor_id=e.id))
    changes = {}
    for key in keys:
        new, old = getattr(cleaned, key), getattr(e, key)
        if new != old:
            changes[key] = [str(old), str(new)]
            setattr(e, key, new)
    if changes:
        refresh_search_fields(e)
        if "short_name" in changes:
            _refresh_staff_search(session, e)
        session.flush()
        audit.record(session, actor=operator, desk=desk, action="exhibitor.update",
                     subject_type="exhibitor", subject_id=e.id, detail=changes)
    return get_exhibitor(session, exhibitor_id=e.id)


def _refresh_staff_search(session: Session, e: Exhibitor) -> None:
    """Staff are found by their company's short name too, so a new 简称 re-indexes them."""
    from eventdesk.services.people import refresh_search_fields as refresh_person

    for person in session.scalars(select(Person).where(Person.exhibitor_id == e.id)):
        refresh_person(person, company_short=e.short_name)


def as_input(row: ExhibitorRow) -> ExhibitorInput:
    return ExhibitorInput(**{k: getattr(row, k) for k in _FIELDS})
