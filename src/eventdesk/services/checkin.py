"""Check-ins at the registration desk: by person (chosen from the search) or by scanned badge.

One check-in per person per event day (event time zone). Two desks that scan the same badge at the
same moment both try to insert; the unique constraint on (person_id, event_day) lets exactly one
win: the insert is `INSERT … ON CONFLICT DO NOTHING RETURNING id`, so the loser's insert simply
returns nothing (its unit of work goes on), and it then reads the winner's row and reports who
checked the person in, where and when.

Round trips: a desk may sit across a network from a PostgreSQL server, where each round trip
costs milliseconds, so a check-in reads everything it needs in one statement and writes the
check-in with its audit entry in one more (services.arrivals; tests/actions/
test_scan_round_trips.py holds the count). The result carries what the desk shows next
(`print_count`, `checked_in_today`), so the desk reads nothing after it.

A rejected scan is not an exception: it returns a `rejected` result after recording one audit
entry, so the caller's unit of work commits the audit entry and nothing else.

Results carry codes, not sentences: `reason` (the CLI contract's stable reason of a rejection)
and `code` + `params`, worded by eventdesk.messages.desk.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from eventdesk.domain import (
    CheckIn,
    Person,
    PersonStatus,
    RevokedBadge,
)
from eventdesk.domain.errors import DomainError, NotFound, ScanRejected
from eventdesk.domain.keyboard import LayoutReading, layout_readings
from eventdesk.domain.qr import (
    LEGACY_PREFIX,
    VerifiedPayload,
    legacy_digest,
    looks_like_payload,
    normalise,
    verify_payload,
)
from eventdesk.domain.storable import escaped, storable
from eventdesk.services import arrivals, audit
from eventdesk.services.events import EventInfo, get_event
from eventdesk.services.people import PersonRow, get_person

CheckInOutcome = Literal["checked_in", "already_checked_in", "rejected", "confirm"]
UNDO_WINDOW = timedelta(minutes=5)
# Longest scanner text we look at; anything longer is garbage, not a badge.
MAX_SCAN_LENGTH = 256
# The stable reasons of a rejected scan (the CLI contract's `reason`).
SCAN_REASONS = ("forged", "other_event", "revoked", "cancelled", "unknown", "malformed")


@dataclass(frozen=True)
class CheckInResult:
    """What the desk shows after a check-in attempt.

    result: checked_in | already_checked_in | rejected | confirm (a code that is not ours matched
    a person's external reference: the operator confirms, then `check_in` by person id).
    at/desk/operator: of this check-in, or of the original one for already_checked_in.
    reason: why a scan was rejected (forged, other_event, revoked, cancelled, unknown,
    malformed); None otherwise.
    code/params: the message code of the sentence for the desk (messages.desk), and its values.
    layouts: (scanner's, computer's) keyboard layouts (domain.keyboard) when the payload was
    read only by undoing a layout mismatch: the desk tells the operator to set the scanner.
    """

    result: CheckInOutcome
    code: str
    params: dict[str, str] = field(default_factory=dict)
    reason: str | None = None
    person: PersonRow | None = None
    at: datetime | None = None
    desk: str | None = None
    operator: str | None = None
    check_in_id: int | None = None
    payload: str = ""
    layouts: tuple[str, str] | None = None
    # Read by the check-in's own statement, for the desk to show without reading again (None
    # where that path did not read them: a foreign code, a revoked badge):
    print_count: int | None = None  # badges printed for `person` so far
    checked_in_today: int | None = None  # check-ins today at all desks, this one included

    @property
    def accepted(self) -> bool:
        return self.result in ("checked_in", "already_checked_in")


@dataclass(frozen=True)
class UndoneCheckIn:
    person_id: int
    person_name: str
    at: datetime
    desk: str


def when_text(event: EventInfo, at: datetime, *, now: datetime | None = None) -> str:
    """When a check-in happened, in the event's time zone: "09:12" today, else "11-27 09:12"."""
    local = event.local(at)
    today = event.day_of(now or datetime.now(UTC))
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%m-%d %H:%M")


def reject(session: Session, *, reason: str, code: str, desk: str, operator: str,
           payload: str, person: PersonRow | None = None,
           params: dict[str, str] | None = None, more_detail: Mapping[str, str] | None = None,
           checked_in_today: int | None = None, **audit_detail: object) -> CheckInResult:
    """Record one audit entry for a rejected scan and return its `rejected` result
    (`more_detail` and `audit_detail`: more for the audit entry's detail)."""
    audit.record(session, actor=operator, desk=desk, action="checkin.rejected",
                 subject_type="person" if person else "", subject_id=person.id if person else None,
                 detail={"reason": reason, "payload": payload[:MAX_SCAN_LENGTH], **audit_detail,
                         **(more_detail or {})})
    return CheckInResult(result="rejected", reason=reason, code=code, params=params or {},
                         person=person, payload=payload, checked_in_today=checked_in_today)


def check_in(session: Session, *, person_id: int, desk: str, operator: str,
             now: datetime | None = None, payload: str = "", via: str = "search",
             audit_detail: dict[str, str] | None = None) -> CheckInResult:
    """Check a person in for today's event day; idempotent per day (see the module doc).
    `audit_detail`: more to record in the check-in's audit entry. Raises NotFound for an
    unknown person, NoEvent without an event."""
    now = now or datetime.now(UTC)
    seen = arrivals.look_up(session, now=now, match=Person.id == person_id)
    if seen.person is None:
        raise NotFound(code="person.not_found", person_id=person_id)
    return _arrive(session, seen, seen.person, desk=desk, operator=operator, now=now,
                   payload=payload, via=via, audit_detail=audit_detail)


def _arrive(session: Session, seen: arrivals.Seen, person: PersonRow, *, desk: str,
            operator: str, now: datetime, payload: str, via: str,
            audit_detail: dict[str, str] | None = None) -> CheckInResult:
    """The check-in of a person `arrivals.look_up` found (see the module doc)."""
    if person.status == PersonStatus.CANCELLED:
        return reject(session, reason="cancelled", code="desk.scan.cancelled",
                      params={"name": person.name}, desk=desk, operator=operator,
                      payload=payload, person=person, more_detail=audit_detail,
                      checked_in_today=seen.today)
    prior = seen.prior
    if prior is None:
        new_id = arrivals.insert_check_in(session, person_id=person.id, day=seen.day, at=now,
                                          desk=desk, operator=operator, via=via,
                                          audit_detail=audit_detail)
        if new_id is not None:
            return CheckInResult(result="checked_in", code="desk.checkin.done",
                                 params={"name": person.name}, person=person, at=now, desk=desk,
                                 operator=operator, check_in_id=new_id, payload=payload,
                                 print_count=seen.print_count, checked_in_today=seen.today + 1)
        # Another desk won the race since we looked; its row is committed (that is why ours
        # was not inserted), so this read sees it.
        won = arrivals.check_in_of(session, person_id=person.id, day=seen.day)
        if won is None:  # not the race we know: let the unit of work fail loudly
            raise RuntimeError("check-in neither inserted nor found")
        prior = arrivals.Prior(won.id, won.at, won.desk, won.operator)
    return CheckInResult(result="already_checked_in", person=person, at=prior.at, desk=prior.desk,
                         operator=prior.operator, check_in_id=prior.id, payload=payload,
                         code="desk.checkin.already",
                         params={"name": person.name,
                                 "when": when_text(seen.event, prior.at, now=now),
                                 "desk": prior.desk},
                         print_count=seen.print_count, checked_in_today=seen.today)


def find_by_external_ref(session: Session, *, code: str) -> PersonRow | None:
    text = code.strip()
    if not text or len(text) > 64:
        return None
    pid = session.scalar(select(Person.id).where(Person.external_ref == text))
    if pid is None:  # registration systems print refs in either case
        pid = session.scalar(select(Person.id)
                             .where(func.lower(Person.external_ref) == text.lower()))
    return get_person(session, person_id=pid, with_payload=False) if pid is not None else None


def _layout_reading(raw: str, *, event_code: str, public_keys: Sequence[str],
                    legacy_known: Callable[[str], bool]
                    ) -> tuple[VerifiedPayload, LayoutReading] | None:
    """The first reading of `raw` through another keyboard layout (domain.keyboard) that is one
    of this event's badges with a valid signature; None when there is none. The signature
    decides: a reading that does not verify is never used."""
    for reading in layout_readings(raw.strip()):
        if looks_like_payload(reading.text):
            try:
                return verify_payload(reading.text, event_code=event_code,
                                      public_keys=public_keys,
                                      legacy_known=legacy_known), reading
            except ScanRejected:
                continue
    return None


def check_in_scan(session: Session, *, payload: str, desk: str, operator: str,
                  now: datetime | None = None) -> CheckInResult:
    """Verify a scanned payload (signature, event, revoked code, status) and check in.

    A payload that verifies only when read through another keyboard layout (a scanner set to
    German on a US computer swaps Y and Z) is taken as that reading; the result names the
    layouts (`layouts`) so the desk tells the operator to set the scanner."""
    now = now or datetime.now(UTC)
    raw = payload[: MAX_SCAN_LENGTH + 1]
    if not storable(raw):
        # NUL or a lone surrogate (a command-line argument that is not UTF-8) would break the
        # look-up on PostgreSQL and the encoder on SQLite: no badge holds one, so it is malformed.
        return reject(session, reason="malformed", code="desk.scan.malformed", desk=desk,
                      operator=operator, payload=escaped(raw))
    text = normalise(raw)
    ours = looks_like_payload(text)
    if ours and len(raw) > MAX_SCAN_LENGTH:
        return reject(session, reason="malformed", code="desk.scan.too_long", desk=desk,
                      operator=operator, payload=raw)
    parts = text.split(".")
    # The event and the holder of the badge code the payload names, in one statement, before the
    # signature is checked (a forged payload's holder is read and ignored).
    # An ED1 payload's digest is looked up in the same statement (domain.qr: ED1 badges are
    # known by digest only).
    digest = legacy_digest(text) if ours and text.startswith(LEGACY_PREFIX + ".") else ""
    seen = arrivals.look_up(
        session, now=now, match=Person.badge_code == (parts[2] if ours and len(parts) == 4 else ""),
        legacy_digest=digest)

    def known(asked: str) -> bool:
        if asked == digest and digest:
            return seen.legacy_known
        return arrivals.legacy_known(session, digest=asked)

    verified: VerifiedPayload | None = None
    rejected: ScanRejected | None = None
    if ours:
        try:
            verified = verify_payload(raw, event_code=seen.event.code,
                                      public_keys=seen.verify_keys, legacy_known=known)
        except ScanRejected as exc:
            rejected = exc
    reading = None
    if verified is None and len(raw) <= MAX_SCAN_LENGTH:
        found = _layout_reading(raw, event_code=seen.event.code, public_keys=seen.verify_keys,
                                legacy_known=known)
        if found is not None:
            verified, reading = found
    if verified is None and not ours:
        found_ref = find_by_external_ref(session, code=raw.strip())
        if found_ref is not None:
            return CheckInResult(result="confirm", person=found_ref, payload=raw,
                                 code="desk.checkin.confirm_external",
                                 params={"name": found_ref.name, "company": found_ref.company})
        return reject(session, reason="unknown", code="desk.scan.unknown", desk=desk,
                      operator=operator, payload=raw, checked_in_today=seen.today)
    if verified is None:
        assert rejected is not None  # ours, and verify_payload raised
        reason = rejected.reason if rejected.reason in SCAN_REASONS else "malformed"
        params = {"event_code": parts[1]} if reason == "other_event" else {}
        return reject(session, reason=reason, code=f"desk.scan.{reason}", params=params,
                      desk=desk, operator=operator, payload=raw, checked_in_today=seen.today)
    if seen.person is None or seen.person.badge_code != verified.badge_code:
        # read through another keyboard layout: another code than the one looked up (rare)
        seen = arrivals.look_up(session, now=now,
                                match=Person.badge_code == verified.badge_code)
    layouts = (reading.scanner, reading.host) if reading is not None else None
    result = _holder_check_in(session, seen, verified=verified, raw=raw, desk=desk,
                              operator=operator, now=now, layouts=layouts)
    return replace(result, layouts=layouts) if layouts else result


def _holder_check_in(session: Session, seen: arrivals.Seen, *, verified: VerifiedPayload,
                     raw: str, desk: str, operator: str, now: datetime,
                     layouts: tuple[str, str] | None) -> CheckInResult:
    """Check in the holder of a verified badge code (`seen` looked up by it): revoked and
    unknown codes rejected."""
    extra = {"keyboard_layouts": "/".join(layouts)} if layouts else {}
    if seen.person is None:
        revoked = session.get(RevokedBadge, verified.badge_code)
        if revoked is not None:
            owner = get_person(session, person_id=revoked.person_id, with_payload=False)
            return reject(session, reason="revoked", code="desk.scan.revoked",
                          params={"name": owner.name}, desk=desk, operator=operator,
                          payload=raw, person=owner, more_detail=extra,
                          checked_in_today=seen.today)
        return reject(session, reason="unknown", code="desk.scan.no_holder", desk=desk,
                      operator=operator, payload=raw, more_detail=extra,
                      checked_in_today=seen.today)
    return _arrive(session, seen, seen.person, desk=desk, operator=operator, now=now,
                   payload=raw, via="scan", audit_detail=extra)


def undo_last_check_in(session: Session, *, desk: str, operator: str,
                       now: datetime | None = None,
                       within: timedelta = UNDO_WINDOW) -> UndoneCheckIn:
    """Remove the newest check-in made at this desk, if it is at most `within` old (audited)."""
    now = now or datetime.now(UTC)
    last = session.scalars(
        select(CheckIn).where(CheckIn.desk == desk).order_by(CheckIn.at.desc(), CheckIn.id.desc())
        .limit(1)
    ).first()
    if last is None or last.at < now - within:
        raise DomainError(code="desk.undo.nothing", minutes=int(within.total_seconds() // 60))
    person = session.get(Person, last.person_id)
    if person is None:
        raise NotFound(code="desk.undo.person_gone")
    undone = UndoneCheckIn(person_id=last.person_id, person_name=person.name, at=last.at,
                           desk=last.desk)
    audit.record(session, actor=operator, desk=desk, action="checkin.undo",
                 subject_type="person", subject_id=last.person_id,
                 detail={"day": last.event_day.isoformat(), "at": last.at.isoformat(),
                         "operator": last.operator})
    session.delete(last)
    session.flush()
    return undone


@dataclass(frozen=True)
class CheckInState:
    at: datetime
    desk: str


def states_today(session: Session, *, person_ids: list[int],
                 now: datetime | None = None) -> dict[int, CheckInState]:
    """Who of these people is checked in on today's event day, where and when."""
    if not person_ids:
        return {}
    day = get_event(session).day_of(now or datetime.now(UTC))
    rows = session.execute(
        select(CheckIn.person_id, CheckIn.at, CheckIn.desk)
        .where(CheckIn.event_day == day, CheckIn.person_id.in_(person_ids))
    )
    return {pid: CheckInState(at=at, desk=desk) for pid, at, desk in rows}


def count_today(session: Session, *, now: datetime | None = None, desk: str | None = None) -> int:
    day = get_event(session).day_of(now or datetime.now(UTC))
    stmt = select(func.count(CheckIn.id)).where(CheckIn.event_day == day)
    if desk is not None:
        stmt = stmt.where(CheckIn.desk == desk)
    return int(session.scalar(stmt) or 0)


def latest_at_desk(session: Session, *, desk: str,
                   now: datetime | None = None) -> CheckInResult | None:
    """This desk's most recent check-in today, as the desk showed it (for a re-opened view)."""
    day = get_event(session).day_of(now or datetime.now(UTC))
    last = session.scalars(select(CheckIn).where(CheckIn.desk == desk, CheckIn.event_day == day)
                           .order_by(CheckIn.at.desc(), CheckIn.id.desc()).limit(1)).first()
    if last is None:
        return None
    person = get_person(session, person_id=last.person_id, with_payload=False)
    return CheckInResult(result="checked_in", code="desk.checkin.done",
                         params={"name": person.name}, person=person, at=last.at, desk=last.desk,
                         operator=last.operator, check_in_id=last.id)
