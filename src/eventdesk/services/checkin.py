"""Check-ins at the registration desk: by person (chosen from the search) or by scanned badge.

One check-in per person per event day (event time zone). Two desks that scan the same badge at the
same moment both try to insert; the unique constraint on (person_id, event_day) lets exactly one
win. The loser's insert runs inside a SAVEPOINT, so its IntegrityError rolls back only that
insert, and it then reads the winner's row and reports who checked the person in, where and when.

A rejected scan is not an exception: it returns a `rejected` result after recording one audit
entry, so the caller's unit of work commits the audit entry and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from eventdesk.domain import CheckIn, Person, PersonStatus, RevokedBadge
from eventdesk.domain.errors import DomainError, NotFound, ScanRejected
from eventdesk.domain.qr import looks_like_payload, normalise, verify_payload
from eventdesk.services import audit
from eventdesk.services.events import EventInfo, event_secret, get_event
from eventdesk.services.people import PersonRow, get_person

Outcome = Literal["checked_in", "already_checked_in", "rejected", "confirm"]
UNDO_WINDOW = timedelta(minutes=5)
# Longest scanner text we look at; anything longer is garbage, not a badge.
MAX_SCAN_LENGTH = 256


@dataclass(frozen=True)
class CheckInResult:
    """What the desk shows after a check-in attempt.

    result: checked_in | already_checked_in | rejected | confirm (a code that is not ours matched
    a person's external reference: the operator confirms, then `check_in` by person id).
    at/desk/operator: of this check-in, or of the original one for already_checked_in.
    """

    result: Outcome
    message: str
    reason: str | None = None
    person: PersonRow | None = None
    at: datetime | None = None
    desk: str | None = None
    operator: str | None = None
    check_in_id: int | None = None
    payload: str = ""

    @property
    def accepted(self) -> bool:
        return self.result in ("checked_in", "already_checked_in")


@dataclass(frozen=True)
class UndoneCheckIn:
    person_id: int
    person_name: str
    at: datetime
    desk: str


def _desk_label(desk: str) -> str:
    """'3' → '3 号台'; a named desk stays as it is."""
    return f"{desk} 号台" if desk.isdigit() else desk


def already_message(event: EventInfo, name: str, at: datetime, desk: str) -> str:
    local = event.local(at)
    today = event.day_of(datetime.now(UTC))
    when = local.strftime("%H:%M") if local.date() == today else local.strftime("%m-%d %H:%M")
    return f"{name} 已于 {when} 在 {_desk_label(desk)}签到"


def _prior(session: Session, person_id: int, day: object) -> CheckIn | None:
    return session.scalars(
        select(CheckIn).where(CheckIn.person_id == person_id, CheckIn.event_day == day)
    ).first()


def _reject(session: Session, *, reason: str, message: str, desk: str, operator: str,
            payload: str, person: PersonRow | None = None) -> CheckInResult:
    audit.record(session, actor=operator, desk=desk, action="checkin.rejected",
                 subject_type="person" if person else "", subject_id=person.id if person else None,
                 detail={"reason": reason, "payload": payload[:MAX_SCAN_LENGTH]})
    return CheckInResult(result="rejected", reason=reason, message=f"拒绝：{message}",
                         person=person, payload=payload)


def check_in(session: Session, *, person_id: int, desk: str, operator: str,
             now: datetime | None = None, payload: str = "", via: str = "search") -> CheckInResult:
    """Check a person in for today's event day; idempotent per day (see the module doc)."""
    event = get_event(session)
    now = now or datetime.now(UTC)
    day = event.day_of(now)
    person = get_person(session, person_id=person_id, with_payload=False)
    if person.status == PersonStatus.CANCELLED:
        return _reject(session, reason="cancelled", message=f"{person.name} 的报名已取消",
                       desk=desk, operator=operator, payload=payload, person=person)
    prior = _prior(session, person_id, day)
    if prior is None:
        row = CheckIn(person_id=person_id, event_day=day, at=now, desk=desk, operator=operator)
        try:
            with session.begin_nested():
                session.add(row)
                session.flush()
        except IntegrityError:
            # Another desk won the race; its row is committed (that is why ours failed). The
            # savepoint rollback has already thrown our pending row away.
            prior = _prior(session, person_id, day)
            if prior is None:  # not the race we know: let the unit of work fail loudly
                raise
        else:
            audit.record(session, actor=operator, desk=desk, action="checkin.create",
                         subject_type="person", subject_id=person_id,
                         detail={"day": day.isoformat(), "via": via})
            return CheckInResult(result="checked_in", message=f"{person.name} 签到成功",
                                 person=person, at=now, desk=desk, operator=operator,
                                 check_in_id=row.id, payload=payload)
    return CheckInResult(result="already_checked_in", person=person, at=prior.at, desk=prior.desk,
                         operator=prior.operator, check_in_id=prior.id, payload=payload,
                         message=already_message(event, person.name, prior.at, prior.desk))


def find_by_external_ref(session: Session, *, code: str) -> PersonRow | None:
    text = code.strip()
    if not text or len(text) > 64:
        return None
    pid = session.scalar(select(Person.id).where(Person.external_ref == text))
    if pid is None:  # registration systems print refs in either case
        pid = session.scalar(select(Person.id).where(func.lower(Person.external_ref) == text.lower()))
    return get_person(session, person_id=pid, with_payload=False) if pid is not None else None


def check_in_scan(session: Session, *, payload: str, desk: str, operator: str,
                  now: datetime | None = None) -> CheckInResult:
    """Verify a scanned payload (signature, event, revoked code, status) and check in."""
    raw = payload[: MAX_SCAN_LENGTH + 1]
    text = normalise(raw)
    if not looks_like_payload(text):
        found = find_by_external_ref(session, code=raw.strip())
        if found is not None:
            return CheckInResult(result="confirm", person=found, payload=raw,
                                 message=f"不是本活动的二维码；外部编号对应 {found.name}"
                                         f"（{found.company or '无单位'}），请确认后签到")
        return _reject(session, reason="unknown", desk=desk, operator=operator, payload=raw,
                       message="不是本活动的二维码，也找不到对应的外部报名编号")
    if len(raw) > MAX_SCAN_LENGTH:
        return _reject(session, reason="malformed", message="二维码内容过长", desk=desk,
                       operator=operator, payload=raw)
    code, secret = event_secret(session)
    try:
        verified = verify_payload(text, event_code=code, secret=secret)
    except ScanRejected as exc:
        return _reject(session, reason=exc.reason, message=exc.message, desk=desk,
                       operator=operator, payload=raw)
    pid = session.scalar(select(Person.id).where(Person.badge_code == verified.badge_code))
    if pid is None:
        revoked = session.get(RevokedBadge, verified.badge_code)
        if revoked is not None:
            owner = get_person(session, person_id=revoked.person_id, with_payload=False)
            return _reject(session, reason="revoked", desk=desk, operator=operator, payload=raw,
                           person=owner, message=f"这张胸卡已作废（{owner.name} 已补办新胸卡）")
        return _reject(session, reason="unknown", message="签名有效，但找不到这张胸卡的持有人",
                       desk=desk, operator=operator, payload=raw)
    return check_in(session, person_id=pid, desk=desk, operator=operator, now=now,
                    payload=raw, via="scan")


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
        minutes = int(within.total_seconds() // 60)
        raise DomainError(f"本台最近 {minutes} 分钟内没有可撤销的签到")
    person = session.get(Person, last.person_id)
    if person is None:
        raise NotFound("签到对应的人员已不存在")
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
    return CheckInResult(result="checked_in", message=f"{person.name} 签到成功", person=person,
                         at=last.at, desk=last.desk, operator=last.operator, check_in_id=last.id)
