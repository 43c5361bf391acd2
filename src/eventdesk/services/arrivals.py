"""A check-in's reads and writes in as few round trips to the database as there can be.

A desk may sit across a network from its PostgreSQL server, where every round trip costs
milliseconds (benchmarks/bench_pg_proxy.py adds 5 ms to each; a scan's budget is 50 ms). So
services.checkin reads everything a check-in and the desk need in one statement (`look_up`: the
event, the person with their booth and signed payload, their check-in today, their badge prints,
today's check-ins at all desks) and writes the check-in with its audit entry in one more
(`insert_check_in`). With the desk's single-write unit of work (storage.Database.unit_of_work),
which sends no BEGIN or COMMIT of its own on a server, a new check-in is two round trips and a
repeat one (tests/actions/test_scan_round_trips.py counts them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, aliased

from eventdesk.domain import BadgePrint, CheckIn, Event, Exhibitor, LegacyBadge, Person
from eventdesk.domain.errors import NoEvent
from eventdesk.services import audit
from eventdesk.services.events import EventInfo, info_of, zone_of
from eventdesk.services.people import PersonRow, row_of
from eventdesk.services.signing import payload_of


@dataclass(frozen=True)
class Prior:
    """A person's check-in of the day, as another desk (or this one) made it."""

    id: int
    at: datetime
    desk: str
    operator: str


@dataclass(frozen=True)
class Seen:
    """What a check-in's one statement read: the event (and its public keys), today's event day, the
    person (with booth and signed payload; None when nobody matched), their check-in today,
    their badge prints, and today's check-ins at all desks."""

    event: EventInfo
    verify_keys: tuple[str, ...]  # the event's Ed25519 public keys (hex), domain.qr
    legacy_known: bool  # the ED1 digest asked for is one of the badges printed before 0007
    day: date
    person: PersonRow | None
    prior: Prior | None
    print_count: int
    today: int


def check_in_of(session: Session, *, person_id: int, day: date) -> CheckIn | None:
    """The person's check-in of `day`, if any."""
    return session.scalars(
        select(CheckIn).where(CheckIn.person_id == person_id, CheckIn.event_day == day)
    ).first()


def look_up(session: Session, *, now: datetime, match: ColumnElement[bool],
            legacy_digest: str = "") -> Seen:
    """One statement: the event LEFT JOIN the person matching `match` (by badge code or id)
    with everything the check-in and the desk need, and whether `legacy_digest` (of a scanned
    ED1 payload, domain.qr) is stored. Today's event day comes from the event zone
    this process last saw (services.events.zone_of); the statement returns the event's zone, and
    in the rare case it changed, the day is computed again and the statement repeated.
    Raises NoEvent."""
    zone = zone_of(session)
    prior = aliased(CheckIn)
    for _attempt in range(2):
        day = now.astimezone(ZoneInfo(zone.name)).date()
        prints = (select(func.count(BadgePrint.id)).where(BadgePrint.person_id == Person.id)
                  .correlate(Person).scalar_subquery())
        today = (select(func.count(CheckIn.id)).where(CheckIn.event_day == day)
                 .correlate(None).scalar_subquery())
        legacy = (select(LegacyBadge.digest).where(LegacyBadge.digest == legacy_digest)
                  .correlate(None).exists())
        stmt = (select(Event, Person, Exhibitor.hall, Exhibitor.booth, prints, today,
                       prior.id, prior.at, prior.desk, prior.operator, legacy)
                .select_from(Event)
                .outerjoin(Person, match)
                .outerjoin(Exhibitor, Exhibitor.id == Person.exhibitor_id)
                .outerjoin(prior, and_(prior.person_id == Person.id, prior.event_day == day))
                .order_by(Event.id).limit(1))
        row = session.execute(stmt).first()
        if row is None:
            raise NoEvent(code="event.missing")
        event, person, hall, booth, n_prints, n_today, pid, at, desk, operator, known = row
        if event.timezone == zone.name:
            break
        zone.name = event.timezone  # another zone than last seen: read again for its day
    found = None
    if person is not None:
        # "" when signing is locked here: a desk that only scans needs no payload to show.
        payload = payload_of(event_code=event.code, verify_keys=event.verify_keys,
                             badge_code=person.badge_code)
        found = row_of(person, hall, booth, payload)
    return Seen(event=info_of(event), verify_keys=tuple(event.verify_keys.split()),
                legacy_known=bool(known) and legacy_digest != "", day=day, person=found,
                prior=Prior(pid, at, desk, operator) if pid is not None else None,
                print_count=int(n_prints or 0), today=int(n_today or 0))


def insert_check_in(session: Session, *, person_id: int, day: date, at: datetime, desk: str,
                    operator: str, via: str,
                    audit_detail: dict[str, str] | None = None) -> int | None:
    """Insert today's check-in and its audit entry; the check-in's id, or None when one existed
    already (another desk won a race since we looked), in which case nothing is written.

    INSERT … ON CONFLICT DO NOTHING RETURNING, which both backends have. On PostgreSQL the audit
    entry is written by the same statement (data-modifying WITHs that move the audit chain's
    head only when the check-in's row was returned, then insert the chained entry): one round
    trip instead of two, and the chain head's row lock is held for that statement only (the
    unit of work has no BEGIN/COMMIT). SQLite has no INSERT inside WITH;
    a statement there costs no network, so it takes a second one."""
    values = {"person_id": person_id, "event_day": day, "at": at, "desk": desk,
              "operator": operator}
    entry = audit.entry_values(actor=operator, desk=desk, action="checkin.create",
                               subject_type="person", subject_id=person_id,
                               detail={"day": day.isoformat(), "via": via,
                                       **(audit_detail or {})})
    conflict = [CheckIn.person_id, CheckIn.event_day]
    if session.get_bind().dialect.name == "postgresql":
        new = (postgresql.insert(CheckIn).values(**values)
               .on_conflict_do_nothing(index_elements=conflict)
               .returning(CheckIn.id).cte("new_check_in"))
        # The chain head moves only when the check-in was inserted; the entry takes its place
        # in the chain from the head (services.audit.head_upsert).
        head = audit.head_upsert(audit.body_of(entry),
                                 only_if=select(literal(1)).select_from(new).exists()
                                 ).cte("audit_head")
        add_entry = audit.chained_insert(entry, head).cte("new_audit_entry")
        new_id = session.connection().execute(select(new.c.id).add_cte(add_entry)).scalar()
    else:
        new_id = session.connection().execute(
            sqlite.insert(CheckIn).values(**values).on_conflict_do_nothing(
                index_elements=conflict).returning(CheckIn.id)).scalar()
        if new_id is not None:
            audit.append(session, [entry])
    return int(new_id) if new_id is not None else None


def legacy_known(session: Session, *, digest: str) -> bool:
    """Whether an ED1 payload with this SHA-256 digest was valid before migration 0007 (for the
    rare reading through another keyboard layout; the scan's own reading asks in look_up)."""
    return session.scalar(select(LegacyBadge.digest).where(LegacyBadge.digest == digest)
                          ) is not None
