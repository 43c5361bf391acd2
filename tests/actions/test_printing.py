"""Batch badge print runs (actions.printing): read -> render/print -> one short write of exactly
the (person, badge code) pairs that were rendered."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from eventdesk.actions.base import ActionContext, Cancelled, ProgressFn, Topic
from eventdesk.actions.printing import (
    BadgeFilter,
    BadgeSelection,
    GlyphsMissing,
    Reissued,
    print_run,
    summarise,
)
from eventdesk.domain import AuditEntry, BadgePrint, Category, Person
from eventdesk.domain.errors import DomainError
from eventdesk.services.badges.desk import revoke_badge
from eventdesk.storage import Database
from tests.accounts import ADMIN
from tests.pdf.badge_samples import decoded, pages
from tests.services.people_cases import add


def _codes(db: Database) -> dict[int, str]:
    with db.unit_of_work(write=False) as s:
        return {pid: code for pid, code in s.execute(select(Person.id, Person.badge_code))}


def _log(db: Database) -> list[tuple[int, str]]:
    with db.unit_of_work(write=False) as s:
        return sorted((pid, code) for pid, code in s.execute(
            select(BadgePrint.person_id, BadgePrint.badge_code)))


def _printed_codes(pdf: bytes) -> set[str]:
    """The badge codes as they are on paper: read back from each page's QR code."""
    found = {text for page in pages(pdf) for text in decoded(page)}
    return {payload.split(".")[2] for payload in found}


@pytest.fixture
def ctx(event_db: Database) -> ActionContext:
    for name in ("张伟", "李娜", "王芳"):
        add(event_db, name, category="visitor", company="阿丘科技")
    add(event_db, "李齐", category="speaker", company="寒武纪")
    return ActionContext(db=event_db, desk="print-room", operator="printer1", user=ADMIN)


def test_a_badge_reissued_during_the_run_is_logged_with_the_code_on_paper(
        ctx: ActionContext, tmp_path: Path) -> None:
    before = _codes(ctx.db)
    with ctx.db.unit_of_work(write=False) as s:
        lina = s.scalars(select(Person.id).where(Person.name == "李娜")).one()
    reissued: list[str] = []

    def progress(done: int, _total: int) -> None:
        # A desk reissues 李娜's lost badge while the run is rendering.
        if done > 0 and not reissued:
            with ctx.db.unit_of_work() as s:
                reissued.append(revoke_badge(s, person_id=lina, reason="lost", desk="desk-3",
                                             operator="desk").badge_code)

    out = tmp_path / "run.pdf"
    run = print_run(ctx, selection=BadgeSelection(), out=out, record=True, progress=progress)

    assert reissued and reissued[0] != before[lina]
    assert run.value.recorded == 4 and run.changes == {Topic.PRINTS}
    log = dict(_log(ctx.db))
    assert log[lina] == before[lina]  # the code that was rendered, not the one now in force
    assert set(log.values()) == _printed_codes(out.read_bytes())
    assert run.value.reissued == (Reissued(lina, "李娜", before[lina]),)


def test_a_run_to_a_printer_gives_it_the_pdf_and_then_logs(ctx: ActionContext) -> None:
    spooled: list[bytes] = []
    seen: list[tuple[int, int]] = []

    def printer(pdf: bytes, progress: ProgressFn) -> None:
        spooled.append(pdf)
        progress(1, 1)

    selection = BadgeSelection(criteria=BadgeFilter(category=Category.VISITOR), sort="name")
    run = print_run(ctx, selection=selection, printer=printer, record=True,
                    progress=lambda done, total: seen.append((done, total))).value
    assert (run.badges, run.recorded, run.printed, run.out) == (3, 3, True, None)
    assert _printed_codes(spooled[0]) == {code for _pid, code in _log(ctx.db)}
    assert seen[-1] == (1000, 1000) and all(d <= t for d, t in seen)
    with ctx.db.unit_of_work(write=False) as s:
        entry = s.scalars(select(AuditEntry).where(
            AuditEntry.action == "badge.batch_printed")).one()
        assert (entry.actor, entry.desk) == ("printer1", "print-room")


def test_a_refused_or_cancelled_run_logs_nothing_and_writes_nothing(ctx: ActionContext,
                                                                     tmp_path: Path) -> None:
    def refusing(pdf: bytes, progress: ProgressFn) -> None:
        raise DomainError(code="printing.printer_refused")

    out = tmp_path / "never.pdf"
    with pytest.raises(DomainError):
        print_run(ctx, selection=BadgeSelection(), printer=refusing, out=out, record=True)

    def cancel(done: int, _total: int) -> None:
        if done > 0:
            raise Cancelled()

    with pytest.raises(Cancelled):
        print_run(ctx, selection=BadgeSelection(), out=out, record=True, progress=cancel)
    assert _log(ctx.db) == [] and not out.exists()
    assert [p.name for p in tmp_path.iterdir() if "never" in p.name] == []


def test_proofs_strict_runs_and_empty_selections(ctx: ActionContext, tmp_path: Path) -> None:
    proof = print_run(ctx, selection=BadgeSelection(), out=tmp_path / "proof.pdf").value
    assert (proof.badges, proof.recorded) == (4, 0) and _log(ctx.db) == []

    add(ctx.db, "王\ue000", category="media")
    summary = summarise(ctx, selection=BadgeSelection()).value
    assert (summary.count, [p.name for p in summary.problems]) == (5, ["王\ue000"])
    strict = tmp_path / "strict.pdf"
    with pytest.raises(GlyphsMissing) as info:
        print_run(ctx, selection=BadgeSelection(), out=strict, strict=True, record=True)
    assert info.value.problems[0].characters == ("\ue000",) and not strict.exists()

    nobody = BadgeSelection(criteria=BadgeFilter(category=Category.VIP))
    with pytest.raises(DomainError) as empty:
        print_run(ctx, selection=nobody, out=tmp_path / "none.pdf", record=True)
    assert empty.value.code == "printing.nothing_to_print"
    assert _log(ctx.db) == []


def test_a_lost_run_reissues_through_the_desks_service(ctx: ActionContext,
                                                       tmp_path: Path) -> None:
    """Lost in a batch is lost at the desk: new codes on paper, old codes revoked with the
    desk's audit entry; a person another desk reissued meanwhile is left alone and named (the
    paper carries a code that never admits anyone)."""
    from eventdesk.domain import PrintReason, RevokedBadge

    before = _codes(ctx.db)
    with ctx.db.unit_of_work(write=False) as s:
        lina = s.scalars(select(Person.id).where(Person.name == "李娜")).one()
    elsewhere: list[str] = []

    def progress(done: int, _total: int) -> None:
        if done > 0 and not elsewhere:  # a desk reissues 李娜's badge while the run renders
            with ctx.db.unit_of_work() as s:
                elsewhere.append(revoke_badge(s, person_id=lina, reason="lost", desk="desk-3",
                                              operator="desk").badge_code)

    out = tmp_path / "lost.pdf"
    run = print_run(ctx, selection=BadgeSelection(), out=out, record=True,
                    reason=PrintReason.LOST, progress=progress)
    after = _codes(ctx.db)
    on_paper = _printed_codes(out.read_bytes())
    assert run.changes == {Topic.PRINTS, Topic.PEOPLE} and run.value.recorded == 3
    assert after[lina] == elsewhere[0] and after[lina] not in on_paper  # left to desk 3
    assert [r.person_id for r in run.value.reissued] == [lina]
    others = [pid for pid in before if pid != lina]
    assert {after[pid] for pid in others} == on_paper - {run.value.reissued[0].printed_code}
    with ctx.db.unit_of_work(write=False) as s:
        revoked = dict(s.execute(select(RevokedBadge.code, RevokedBadge.person_id)).all())
        audited = s.scalars(select(AuditEntry.subject_id)
                            .where(AuditEntry.action == "badge.revoked")).all()
    assert {before[pid] for pid in others} <= set(revoked)
    assert sorted(audited) == sorted([*others, lina])  # desk 3's entry and one per reissue
    assert _log(ctx.db) == sorted((pid, after[pid]) for pid in others)
