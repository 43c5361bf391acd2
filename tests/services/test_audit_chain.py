"""The audit trail's hash chain: appends form one line (also from several threads on one
PostgreSQL server), and `verify` names the first entry that was edited, deleted (in the middle
or at the end), reordered or slipped in behind EventDesk's back (issue 12)."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

from alembic import command
from sqlalchemy import select, text

from eventdesk import storage
from eventdesk.domain import AuditEntry
from eventdesk.domain.audit_chain import GENESIS, canonical_body, link_hash
from eventdesk.services import audit, audit_read
from eventdesk.services.arrivals import insert_check_in
from eventdesk.storage import Database, open_database, to_url
from tests.services.checkin_cases import add


def _append(db: Database, n: int, *, actor: str = "admin") -> None:
    with db.unit_of_work() as s:
        for i in range(n):
            audit.record(s, actor=actor, desk="desk-1", action="person.update",
                         subject_type="person", subject_id=i + 1,
                         detail={"name": ["张三", f"张三{i}"]})


def _verify(db: Database, anchor: tuple[int, str] | None = None) -> audit_read.Verified:
    with db.unit_of_work(write=False) as s:
        return audit_read.verify(s, anchor=anchor)


def _sql(db: Database, statement: str, **params: object) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(statement), params)


def test_entries_form_one_chain_whose_hashes_can_be_recomputed(db: Database) -> None:
    _append(db, 5)
    with db.unit_of_work() as s:  # a batch, as an import appends its updates
        audit.append(s, [audit.entry_values(actor="org", action="exhibitor.update",
                                            detail={"i": i}) for i in range(3)])
    result = _verify(db)
    assert result.ok and result.count == result.head_seq == 8
    prev = GENESIS
    with db.unit_of_work(write=False) as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        for seq, e in enumerate(rows, start=1):  # domain.audit_chain's formula, recomputed
            body = canonical_body(at=e.at, actor=e.actor, desk=e.desk, action=e.action,
                                  subject_type=e.subject_type, subject_id=e.subject_id,
                                  detail=e.detail)
            assert (e.seq, e.prev_hash, e.hash) == (
                seq, prev, link_hash(seq=seq, prev_hash=prev, body=body))
            prev = e.hash
    assert result.head_hash == prev
    with db.unit_of_work(write=False) as s:
        assert audit_read.head_of(s) == (8, prev)  # what a backup notes, read in one statement


def test_an_edited_entry_is_named(db: Database) -> None:
    _append(db, 6)
    _sql(db, "UPDATE audit_entry SET detail = :d WHERE seq = 3", d='{"name": ["张三", "李四"]}')
    broken = _verify(db).broken
    assert broken is not None and (broken.kind, broken.seq) == ("edited", 3)


def test_an_edited_actor_or_time_is_named_too(db: Database) -> None:
    _append(db, 4)
    _sql(db, "UPDATE audit_entry SET actor = 'somebody' WHERE seq = 2")
    broken = _verify(db).broken
    assert broken is not None and (broken.kind, broken.seq) == ("edited", 2)


def test_a_deleted_entry_in_the_middle_is_named(db: Database) -> None:
    _append(db, 6)
    _sql(db, "DELETE FROM audit_entry WHERE seq = 4")
    broken = _verify(db).broken
    assert broken is not None and (broken.kind, broken.seq) == ("missing", 4)


def test_a_deleted_last_entry_is_found_by_the_chain_head(db: Database) -> None:
    _append(db, 6)
    _sql(db, "DELETE FROM audit_entry WHERE seq = 6")
    broken = _verify(db).broken
    assert broken is not None and (broken.kind, broken.seq) == ("missing", 6)


def test_deleted_last_entries_with_the_head_rewound_need_the_noted_anchor(db: Database) -> None:
    # Whoever can write the database can also move the head back: the chain alone then looks
    # whole; the head noted earlier (audit verify's output, a backup) is what shows it.
    _append(db, 6)
    noted = _verify(db)
    _sql(db, "DELETE FROM audit_entry WHERE seq >= 5")
    _sql(db, "UPDATE audit_chain_head SET seq = 4, hash = (SELECT hash FROM audit_entry "
             "WHERE seq = 4)")
    assert _verify(db).ok  # honestly: not detectable without an anchor
    broken = _verify(db, anchor=(noted.head_seq, noted.head_hash)).broken
    assert broken is not None and (broken.kind, broken.seq) == ("anchor_mismatch", 6)


def test_two_entries_swapped_in_place_are_named(db: Database) -> None:
    # Rows 2 and 3 trade their ids: `ORDER BY id` now shows them the other way round.
    _append(db, 6)
    with db.engine.connect() as conn:
        ids = dict(conn.execute(text("SELECT seq, id FROM audit_entry")).all())
    _sql(db, "UPDATE audit_entry SET id = -1 WHERE seq = 2")
    _sql(db, "UPDATE audit_entry SET id = :i WHERE seq = 3", i=ids[2])
    _sql(db, "UPDATE audit_entry SET id = :i WHERE seq = 2", i=ids[3])
    broken = _verify(db).broken
    assert broken is not None and (broken.kind, broken.seq) == ("reordered", 3)


def test_two_entries_contents_swapped_are_named(db: Database) -> None:
    # The rows keep their ids and sequence numbers; what they say (and their hashes) is
    # swapped, as someone reordering the trail with an SQL tool would.
    _append(db, 5)
    cols = "at, actor, desk, action, subject_type, subject_id, detail, prev_hash, hash"
    with db.engine.connect() as conn:
        two = conn.execute(text(f"SELECT {cols} FROM audit_entry WHERE seq = 2")).one()
        three = conn.execute(text(f"SELECT {cols} FROM audit_entry WHERE seq = 3")).one()
    names = [c.strip() for c in cols.split(",")]
    sets = ", ".join(f"{n} = :{n}" for n in names)
    for seq, row in ((2, three), (3, two)):
        _sql(db, f"UPDATE audit_entry SET {sets} WHERE seq = {seq}",
             **dict(zip(names, row, strict=True)))
    broken = _verify(db).broken
    assert broken is not None and broken.seq == 2 and broken.kind in ("edited", "reordered")


def test_a_row_written_behind_eventdesks_back_is_named(db: Database) -> None:
    _append(db, 3)
    _sql(db, "INSERT INTO audit_entry (at, actor, desk, action, subject_type, detail, "
             "prev_hash, hash) VALUES (CURRENT_TIMESTAMP, 'x', '', 'checkin.undo', '', '{}', "
             "'', '')")
    broken = _verify(db).broken
    assert broken is not None and broken.kind == "unchained"


def test_a_check_in_writes_its_entry_into_the_chain(event_db: Database) -> None:
    person = add(event_db, "王五")  # person.create: entry 1
    _append(event_db, 2)
    with event_db.unit_of_work() as s:
        assert insert_check_in(s, person_id=person.id, day=date.today(), at=datetime.now(UTC),
                               desk="desk-2", operator="amy", via="scan") is not None
        # The same person again: no check-in, and no entry either.
        assert insert_check_in(s, person_id=person.id, day=date.today(), at=datetime.now(UTC),
                               desk="desk-3", operator="bob", via="scan") is None
    _append(event_db, 1)
    result = _verify(event_db)
    assert result.ok and result.count == 5
    with event_db.unit_of_work(write=False) as s:
        fourth = s.execute(select(AuditEntry.action, AuditEntry.desk, AuditEntry.actor)
                           .where(AuditEntry.seq == 4)).one()
    assert tuple(fourth) == ("checkin.create", "desk-2", "amy")


def test_desks_appending_at_once_make_one_chain(db: Database) -> None:
    # Eight desks on one server (on SQLite: one file), each appending 25 entries in their own
    # transactions (some of them batches): one chain, no fork (the unique seq index would
    # refuse one), no gap.
    errors: list[BaseException] = []

    def desk(n: int) -> None:
        try:
            for i in range(25):
                with db.unit_of_work() as s:
                    if i % 5 == 0:
                        audit.append(s, [audit.entry_values(actor=f"d{n}", action="x.batch")
                                         for _ in range(3)])
                    else:
                        audit.record(s, actor=f"d{n}", desk=f"desk-{n}", action="x.one",
                                     detail={"i": i})
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = _verify(db)
    assert result.ok and result.count == 8 * (20 + 5 * 3)


def test_the_migration_chains_the_entries_written_before_it(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "old.sqlite3"
    db = open_database(to_url(path), create=True)
    with db.engine.begin() as conn:
        command.downgrade(storage._alembic_config(conn), "0005_accent_free_search")
        for i in range(5):  # as an EventDesk before the chain wrote them
            conn.execute(text("INSERT INTO audit_entry (at, actor, desk, action, subject_type,"
                              " subject_id, detail) VALUES (:at, 'old', 'desk-1', "
                              "'checkin.create', 'person', :i, '{}')"),
                         {"at": f"2026-11-2{i} 08:00:00.000000", "i": i})
    db.dispose()
    db = open_database(to_url(path))  # upgrades: 0006 chains the five in id order
    try:
        result = _verify(db)
        assert result.ok and result.count == 5
        _append(db, 1)
        assert _verify(db).count == 6 and _verify(db).ok
        _sql(db, "UPDATE audit_entry SET desk = 'desk-9' WHERE seq = 2")
        broken = _verify(db).broken
        assert broken is not None and (broken.kind, broken.seq) == ("edited", 2)
    finally:
        db.dispose()


def test_desks_checking_in_at_once_chain_every_check_in(event_db: Database) -> None:
    # Six desks check in people (the scan's one-statement write, in the desk's single-write unit
    # of work: autocommit on PostgreSQL) while an organiser's edits append too: one chain.
    people_ids = [add(event_db, f"访客{i}").id for i in range(60)]
    errors: list[BaseException] = []

    def desk(n: int) -> None:
        try:
            for pid in people_ids[n::6]:
                with event_db.unit_of_work(single_write=True) as s:
                    insert_check_in(s, person_id=pid, day=date.today(), at=datetime.now(UTC),
                                    desk=f"desk-{n}", operator=f"op{n}", via="scan")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def organiser() -> None:
        try:
            _append(event_db, 10, actor="org")
            for _ in range(10):
                _append(event_db, 1, actor="org")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(6)]
    threads.append(threading.Thread(target=organiser))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    result = _verify(event_db)
    assert result.ok and result.count == 60 + 60 + 20  # person.create, check-ins, edits
