"""The reference demo event (`eventdesk demo`): the 2025 光合组织 AI conference in Kunshan at
full scale — 2,500 exhibitors in 8 halls, 30,000 people, 40 rooms, 400 agenda items — so every
budget in ARCHITECTURE.md can be measured, and the desk works on the day it is built.

Content is deterministic per seed: every stage draws from its own `random.Random` seeded from
`seed` and the stage's name, so badge codes, names and the programme repeat exactly (the event's
signing key and its passphrase stay random: they must never be predictable; the passphrase is
printed once, in the summary, and kept nowhere). Rows go in with bulk INSERTs and
precomputed search fields, the same forms services.people.refresh_search_fields stores.
"""

from __future__ import annotations

import random
import time as clock
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TypedDict, cast
from zoneinfo import ZoneInfo

from sqlalchemy import MetaData, Table, delete, func, insert, select, text
from sqlalchemy.orm import Session

from eventdesk.demo import data as d
from eventdesk.demo.agenda import build_agenda
from eventdesk.demo.people import (
    BadgeCodes,
    Company,
    PersonFactory,
    company_domain,
    new_company,
    weighted,
)
from eventdesk.domain import Category, Event, Exhibitor, Person, PersonStatus
from eventdesk.domain.errors import EventAlreadyExists
from eventdesk.domain.names import exhibitor_search_text, person_search_text
from eventdesk.domain.sorting import text_key
from eventdesk.services import audit, signing
from eventdesk.services.events import create_event, has_event

Progress = Callable[[str, int, int], None]

EVENT_CODE = "GH25"
EVENT_NAME_ZH = "2025光合组织人工智能创新大会"
EVENT_NAME_EN = "2025 Hygon Photosynthesis Organisation AI Innovation Conference"
VENUE = "昆山国际会展中心"
TIMEZONE = "Asia/Shanghai"
EVENT_DAYS = 3
REFERENCE_PEOPLE = 30_000
REFERENCE_AGENDA_ITEMS = 400
# Shares of the people; visitors take the rest (about 59%).
SHARES = {Category.EXHIBITOR: 0.35, Category.SPEAKER: 0.015, Category.MEDIA: 0.02,
          Category.VIP: 0.01, Category.STAFF: 0.015}
CANCELLED_SHARE = 0.01
BATCH = 500  # rows per INSERT batch; progress is reported after each
BOOTHS_PER_ROW = 40  # booths per row of a hall: A1-101 … A1-140, A1-201 …


@dataclass(frozen=True)
class DemoSummary:
    event_code: str
    event_name: str
    start_date: date
    end_date: date
    seed: int
    exhibitors: int
    people: int
    by_category: dict[str, int]
    cancelled: int
    rooms: int
    tracks: int
    agenda_items: int
    agenda_speakers: int
    seconds: float
    # The passphrase that unlocks the demo event's badge signing key (services.signing); shown
    # once by `eventdesk demo`, stored nowhere.
    signing_passphrase: str = field(default="", compare=False)


def shanghai_today() -> date:
    """The event's today, not the machine's: a laptop set to UTC must still open on day one."""
    return datetime.now(UTC).astimezone(ZoneInfo(TIMEZONE)).date()


# Kept by clear_event: the migration history, and the audit trail with its chain head — the
# trail says what happened to this database, a replaced event included (issue 12: `demo
# --replace` wiped 502 audit entries), and the new event's entries continue the same chain.
KEPT_TABLES = frozenset({"alembic_version", "audit_entry", "audit_chain_head"})


def clear_event(session: Session) -> dict[str, object] | None:
    """Delete the event the database holds (for `demo --replace`), the schema and the audit
    trail staying; returns what the replaced event was ({code, name, people}) for the new
    event's `event.demo_built` entry, None when there was none.

    The tables are read from the database, not from our models, so tables other capabilities
    add through migrations are emptied too.
    """
    replaced = _replaced(session)
    meta = MetaData()
    meta.reflect(bind=session.connection())
    tables = [t for t in meta.sorted_tables if t.name not in KEPT_TABLES]
    if session.get_bind().dialect.name == "postgresql" and tables:
        # TRUNCATE also restarts the id sequences, so a rebuilt demo gets the same ids.
        names = ", ".join(f'"{t.name}"' for t in tables)
        session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in reversed(tables):  # children before parents: foreign keys are on
            session.execute(delete(table))
    session.expire_all()
    session.flush()
    return replaced


def _replaced(session: Session) -> dict[str, object] | None:
    event = session.scalars(select(Event).order_by(Event.id).limit(1)).first()
    if event is None:
        return None
    people = session.scalar(select(func.count(Person.id))) or 0
    return {"code": event.code, "name": event.name_zh, "people": int(people)}


def _rng(seed: int, stage: str) -> random.Random:
    # A string seed is hashed with SHA-512, identically on every run and platform.
    return random.Random(f"eventdesk-demo:{seed}:{stage}")


def _category_counts(people: int) -> dict[Category, int]:
    counts = {c: round(people * share) for c, share in SHARES.items()}
    if people >= 100:  # every category shows up even in a small build
        counts = {c: max(1, n) for c, n in counts.items()}
    counts[Category.VISITOR] = max(0, people - sum(counts.values()))
    return counts


def _staff_quotas(rng: random.Random, n: int, staff: int, flagship: int) -> list[int]:
    """Quotas by booth size; scaled up when there are more staff than standard quotas allow."""
    base = []
    for i in range(n):
        r = rng.random()
        if i < flagship or r < 0.01:
            base.append(rng.randint(30, 50))
        elif r < 0.1:
            base.append(rng.randint(10, 20))
        elif r < 0.4:
            base.append(rng.randint(5, 8))
        else:
            base.append(rng.randint(3, 4))
    scale = max(1.0, staff / (0.75 * max(1, sum(base))))
    return [int(q * scale + 0.999) for q in base]


def _assign_staff(rng: random.Random, quotas: list[int], staff: int) -> list[int]:
    """Exhibitor index per staff member: one each first (their contact), the rest at random
    within the quotas, so a few companies are full and most have room."""
    first = list(range(min(staff, len(quotas))))
    slots = [i for i, q in enumerate(quotas) for _ in range(q - 1)]
    rng.shuffle(slots)
    return first + slots[: staff - len(first)]


class _ExhibitorRow(TypedDict):
    """An Exhibitor row as inserted (columns of domain.Exhibitor)."""

    name_zh: str
    name_pinyin: str
    name_en: str
    short_name: str
    sector: str
    hall: str
    booth: str
    contact_name: str
    contact_phone: str
    contact_email: str
    staff_quota: int
    external_ref: str
    created_at: datetime
    updated_at: datetime
    search_text: str


@dataclass
class _Exhibitors:
    rows: list[_ExhibitorRow]
    companies: list[Company]
    ids: list[int]
    contact_surname_len: list[int]


def _exhibitors(session: Session, seed: int, n: int, staff: int, factory: PersonFactory,
                now: datetime, progress: Progress | None) -> _Exhibitors:
    rng = _rng(seed, "exhibitors")
    taken: set[str] = set()
    companies = []
    for name, short, sector, name_en in d.ARTICLE_FIRMS[:n]:
        taken.add(name)
        companies.append(Company(name, short, sector, name_en, company_domain(rng, short, factory)))
    while len(companies) < n:
        companies.append(new_company(rng, factory, taken))
    quotas = _staff_quotas(rng, n, staff, flagship=min(n, len(d.ARTICLE_FIRMS)))
    capacity = -(-n // len(d.HALLS)) + 10
    placed: Counter[str] = Counter()
    rows: list[_ExhibitorRow] = []
    surname_lens: list[int] = []
    for i, (c, quota) in enumerate(zip(companies, quotas, strict=True)):
        hall = d.SECTOR_HALL.get(c.sector, d.HALLS[0])
        if placed[hall] >= capacity:  # themed hall full: the emptiest one takes the stand
            hall = min(d.HALLS, key=lambda h: (placed[h], h))
        k = placed[hall]
        placed[hall] += 1
        booth = f"{hall}-{k // BOOTHS_PER_ROW + 1}{k % BOOTHS_PER_ROW + 1:02d}"
        contact, surname_len = factory.chinese_name()
        surname_lens.append(surname_len)
        ref = f"EXH-2025-{i + 1:04d}"
        created = now - timedelta(days=rng.uniform(20, 120))
        rows.append({
            "name_zh": c.name_zh, "name_en": c.name_en, "short_name": c.short_name,
            "sector": c.sector, "hall": hall, "booth": booth, "contact_name": contact,
            "contact_phone": factory.phone(), "contact_email": factory.email(contact,
                                                                              domain=c.domain),
            "staff_quota": quota, "external_ref": ref, "created_at": created,
            "updated_at": created,
            "name_pinyin": text_key(c.name_zh),
            "search_text": exhibitor_search_text(name_zh=c.name_zh, name_en=c.name_en,
                                                 short_name=c.short_name, booth=booth,
                                                 external_ref=ref),
        })
    ids = list(session.scalars(
        insert(Exhibitor).returning(Exhibitor.id, sort_by_parameter_order=True), rows)
    ) if rows else []
    if progress:
        progress("exhibitors", n, n)
    return _Exhibitors(rows, companies, ids, surname_lens)


def _plan_people(rng: random.Random, people: int,
                 staff_of: list[int]) -> list[tuple[Category, int | None]]:
    counts = _category_counts(people)
    if not staff_of:  # no exhibitors: their staff come as visitors
        counts[Category.VISITOR] += counts.pop(Category.EXHIBITOR)
    plan: list[tuple[Category, int | None]] = [(Category.EXHIBITOR, i) for i in staff_of]
    for category, count in counts.items():
        if category != Category.EXHIBITOR:
            plan += [(category, None)] * count
    rng.shuffle(plan)  # registrations arrive mixed, so ids are too
    return plan


def _people_rows(seed: int, people: int, ex: _Exhibitors, factory: PersonFactory,
                 now: datetime) -> Iterator[dict[str, object]]:
    rng = _rng(seed, "people")
    codes = BadgeCodes(_rng(seed, "badges"))
    staff_of = _assign_staff(rng, [int(r["staff_quota"]) for r in ex.rows],
                             _category_counts(people)[Category.EXHIBITOR]) if ex.rows else []
    plan = _plan_people(rng, people, staff_of)
    contact_at: dict[int, int] = {}  # exhibitor → index of its first staff member, the contact
    for i, (_, exhibitor) in enumerate(plan):
        if exhibitor is not None:
            contact_at.setdefault(exhibitor, i)
    # Speakers and contacts stay registered: a cancelled keynote speaker would be a plot twist.
    protected = {i for i, (c, _) in enumerate(plan) if c == Category.SPEAKER}
    protected.update(contact_at.values())
    cancellable = [i for i in range(len(plan)) if i not in protected]
    cancelled = set(rng.sample(cancellable, min(len(cancellable), round(people * CANCELLED_SHARE))))
    taken = {c.name_zh for c in ex.companies}
    visitor_firms = [new_company(rng, factory, taken) for _ in range(max(50, people // 8))]
    showcase = list(d.SHOWCASE_NAMES)
    reg_no = 0
    for index, (category, exhibitor) in enumerate(plan):
        name_en = ""
        company, short, domain = "", "", None
        if category == Category.EXHIBITOR and exhibitor is not None:
            c = ex.companies[exhibitor]
            company, short, domain = c.name_zh, c.short_name, c.domain
        elif category == Category.VISITOR and rng.random() < 0.92:
            firm = rng.choice(visitor_firms) if rng.random() < 0.8 else None
            company = firm.name_zh if firm else rng.choice(d.INSTITUTIONS)
            domain = firm.domain if firm and rng.random() < 0.5 else None
        elif category == Category.SPEAKER:
            company = (rng.choice(d.INSTITUTIONS) if rng.random() < 0.45 or not ex.companies
                       else rng.choice(ex.companies[: max(1, len(ex.companies) // 5)]).name_zh)
        elif category == Category.MEDIA:
            company = rng.choice(d.MEDIA)
        elif category == Category.VIP:
            company = rng.choice(d.VIP_ORGS + tuple(c.name_zh for c in ex.companies[:10]))
        elif category == Category.STAFF:
            company = rng.choice(d.STAFF_ORGS)

        foreign = category != Category.STAFF and rng.random() < 0.01
        if exhibitor is not None and contact_at[exhibitor] == index:
            row = ex.rows[exhibitor]  # the exhibitor's contact wears a badge too
            name, surname_len = str(row["contact_name"]), ex.contact_surname_len[exhibitor]
            phone, email = str(row["contact_phone"]), str(row["contact_email"])
        else:
            if foreign:
                name = name_en = factory.english_name()
                surname_len = 0
            elif showcase and category in (Category.VISITOR, Category.SPEAKER):
                name = showcase.pop(0)
                surname_len = 2 if name[:2] in ("欧阳", "尉迟") else 1
            else:
                name, surname_len = factory.chinese_name()
            phone = factory.phone(foreign=foreign) if rng.random() > 0.02 else ""
            email = factory.email(name, domain=domain) if rng.random() > 0.03 else ""
        if not name_en and category in (Category.SPEAKER, Category.VIP, Category.MEDIA) \
                and rng.random() < 0.6:
            name_en = factory.pinyin_name_en(name, surname_len)
        elif not name_en and category == Category.EXHIBITOR and rng.random() < 0.03:
            family = factory.pinyin_name_en(name, surname_len).split(" ")[0]
            if family:  # “Alice Zhang”, as staff of foreign-facing firms call themselves
                name_en = f"{rng.choice(d.ENGLISH_GIVEN_F + d.ENGLISH_GIVEN_M)} {family}"

        external_ref = None
        if category == Category.VISITOR and rng.random() < 0.9:  # registered online
            reg_no += rng.choice((1, 1, 1, 2, 3))  # gaps: registrations withdrawn upstream
            external_ref = f"REG-2025-{reg_no:06d}"
        badge_code = next(codes)
        created = now - timedelta(seconds=rng.randrange(60 * 86_400))
        yield {
            "category": category, "name": name, "name_en": name_en,
            "name_pinyin": factory.sort_key(name),
            "search_text": person_search_text(
                name=name, name_en=name_en, company=company, company_short=short, email=email,
                external_ref=external_ref or ""),
            "company": company,
            "company_pinyin": text_key(company),
            "exhibitor_id": ex.ids[exhibitor] if exhibitor is not None else None,
            "title": weighted(rng, d.TITLES[category.value]), "phone": phone, "email": email,
            "badge_code": badge_code,
            "status": PersonStatus.CANCELLED if index in cancelled else PersonStatus.REGISTERED,
            "external_ref": external_ref,
            "notes": rng.choice(d.NOTES) if rng.random() < 0.02 else "",
            "created_at": created, "updated_at": created,
        }


# The stages build_demo reports, in order, and their share of the whole build for one overall bar.
STAGES = ("exhibitors", "people", "rooms", "agenda")


def overall_progress(report: Callable[[int, int], None], *, exhibitors: int,
                     people: int) -> Progress:
    """A build_demo `progress` that turns its per-stage (stage, done, total) into one rising
    (done, total) for a single progress bar, in rows: exhibitors, then people, then the programme
    (counted as a twentieth of the people: it is quick). Never reports a smaller `done` than
    before, so a bar does not jump back when a stage starts."""
    programme = max(1, people // 20)
    rooms = max(1, programme // 4)
    sizes = {"exhibitors": max(1, exhibitors), "people": max(1, people),
             "rooms": rooms, "agenda": max(1, programme - rooms)}
    offsets: dict[str, int] = {}
    running = 0
    for stage in STAGES:
        offsets[stage] = running
        running += sizes[stage]
    whole = running
    reached = [0]

    def on_stage(stage: str, done: int, total: int) -> None:
        size = sizes.get(stage)
        if size is None:
            return
        value = offsets[stage] + (size * min(done, total) // total if total else size)
        reached[0] = max(reached[0], value)
        report(reached[0], whole)

    return on_stage


def build_demo(session: Session, *, exhibitors: int = 2500, people: int = 30000, seed: int = 1,
               today: date | None = None,
               progress: Callable[[str, int, int], None] | None = None,
               replaced: dict[str, object] | None = None,
               operator: str | None = None,
               signing_passphrase: str | None = None,
               signing_cost: signing.KdfCost = signing.DEFAULT_COST) -> DemoSummary:
    """Build the reference event into an empty database. Flushes, never commits.

    Raises EventAlreadyExists when the database already holds an event (see clear_event).
    Registration times are spread over the weeks before the build, relative to now; everything
    else depends on the seed alone. The event gets a badge signing key sealed under
    `signing_passphrase` (a random one when None), left unlocked in this process.
    The programme scales with the people (400 items at 30,000 and above) so that a small test
    build still has enough speakers to cast its items without double-booking.
    """
    if exhibitors < 0 or people < 0:
        raise ValueError("exhibitors and people must not be negative")
    started = clock.perf_counter()
    if has_event(session):
        raise EventAlreadyExists(code="demo.event_exists")
    if progress:
        progress("exhibitors", 0, exhibitors)  # a bar shows at once, before the first rows
    start = today or shanghai_today()
    days = [start + timedelta(days=i) for i in range(EVENT_DAYS)]
    info = create_event(session, code=EVENT_CODE, name_zh=EVENT_NAME_ZH, name_en=EVENT_NAME_EN,
                        venue=VENUE, start_date=days[0], end_date=days[-1], timezone=TIMEZONE)
    passphrase = signing_passphrase or signing.new_passphrase()
    key = signing.create_key(session, passphrase=passphrase, created_by="demo", cost=signing_cost)
    audit.record(session, actor=audit.os_operator(), action="signing.key_created",
                 subject_type="event", subject_id=info.id,
                 detail={"fingerprint": key.fingerprint, "by": "demo"})
    now = datetime.now(UTC)
    factory = PersonFactory(_rng(seed, "names"))
    staff = _category_counts(people)[Category.EXHIBITOR]
    ex = _exhibitors(session, seed, exhibitors, staff, factory, now, progress)

    # Core INSERT, not the ORM's bulk path: that one leaves out None values, so rows with and
    # without an exhibitor or a registration number split every batch into single-row INSERTs.
    # Declarative classes type __table__ as any FromClause; a mapped class's is its Table.
    people_insert = insert(cast(Table, Person.__table__))
    by_category: Counter[str] = Counter()
    cancelled = 0
    batch: list[dict[str, object]] = []
    done = 0
    for row in _people_rows(seed, people, ex, factory, now):
        by_category[str(row["category"])] += 1
        cancelled += row["status"] == PersonStatus.CANCELLED
        batch.append(row)
        if len(batch) >= BATCH:
            session.execute(people_insert, batch)
            done += len(batch)
            batch = []
            if progress:
                progress("people", done, people)
    if batch:
        session.execute(people_insert, batch)
        done += len(batch)
        if progress:
            progress("people", done, people)

    speakers = list(session.scalars(
        select(Person.id).where(Person.category == Category.SPEAKER,
                                Person.status == PersonStatus.REGISTERED).order_by(Person.id)))
    items = min(REFERENCE_AGENDA_ITEMS, max(12, round(REFERENCE_AGENDA_ITEMS * people
                                                      / REFERENCE_PEOPLE)))
    agenda = build_agenda(session, _rng(seed, "agenda"), days=days, tz=ZoneInfo(TIMEZONE),
                          items=items, speakers=speakers, progress=progress)
    seconds = round(clock.perf_counter() - started, 2)
    summary = DemoSummary(
        event_code=info.code, event_name=info.name_zh, start_date=days[0], end_date=days[-1],
        seed=seed, exhibitors=exhibitors, people=done,
        by_category={c.value: by_category.get(c.value, 0) for c in Category},
        cancelled=cancelled, rooms=agenda.rooms, tracks=agenda.tracks,
        agenda_items=agenda.items, agenda_speakers=agenda.speaker_links, seconds=seconds,
        signing_passphrase=passphrase)
    audit.record(session, actor=operator or audit.os_operator(), action="event.demo_built",
                 subject_type="event", subject_id=info.id,
                 detail={"seed": seed, "exhibitors": exhibitors, "people": done,
                         **({"replaced": replaced} if replaced else {})})
    return summary
