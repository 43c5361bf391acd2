"""A layout designed and saved in the event is the badge every desk prints — on the spot and in a
batch run — and a layout saved and opened again equals the original."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from eventdesk.actions import layouts
from eventdesk.actions.base import ActionContext
from eventdesk.actions.desk_print import BadgeFormat, print_badge
from eventdesk.actions.printing import BadgeSelection, print_run
from eventdesk.actions.proof import proof_badge
from eventdesk.domain import BadgeLayout, BadgePrint
from eventdesk.storage import Database, open_database
from tests.accounts import ADMIN
from tests.pdf.badge_samples import page_texts
from tests.services.people_cases import add

MARK = "KUNSHAN2025DESIGN"


def _designed(name: str) -> layouts.LayoutDocument:
    """The built-in standard badge with a sponsor line added on every variant's front."""
    layout = layouts.copy_of_builtin("default", new_name=name)
    for variant in layout.document["variants"]:
        w, h = variant["size_mm"]
        variant["front"].append({"type": "text", "text": MARK, "box": [2, h - 6, w - 4, 4],
                                 "size": 8, "min_size": 5})
    layout.document["title"] = "昆山 2025"
    return layout


def _texts(pdf: bytes) -> list[str]:
    return ["".join(t.split()) for t in page_texts(pdf)]


@pytest.fixture
def organiser(event_db: Database) -> ActionContext:
    for name in ("张伟", "欧阳娜娜", "Alice Wong"):
        add(event_db, name, category="visitor", company="阿丘科技")
    return ActionContext(db=event_db, desk="office", operator="organiser", user=ADMIN)


def _desk(db: Database, name: str) -> ActionContext:
    """Another desk PC: its own connection to the event's database."""
    return ActionContext(db=open_database(db.url), desk=name, operator=f"staff-{name}", user=ADMIN)


@pytest.mark.parametrize("name", ["default", "kunshan"])
def test_every_desk_and_the_batch_run_print_the_saved_layout(organiser: ActionContext,
                                                             tmp_path: Path, name: str) -> None:
    desks = [_desk(organiser.db, "desk-1"), _desk(organiser.db, "desk-7")]
    jobs: list[bytes] = []
    fmt = BadgeFormat(layout=name, preset="a6")
    if name == "default":  # before the design is saved, desks print the built-in badge
        print_badge(desks[0], person_id=1, send=jobs.append, fmt=fmt)
        assert MARK not in _texts(jobs.pop())[0]
    layouts.save_layout(organiser, layout=_designed(name))
    for person_id, desk in enumerate(desks, start=1):
        print_badge(desk, person_id=person_id, send=jobs.append, fmt=fmt)
    assert all(MARK in _texts(job)[0] for job in jobs) and len(jobs) == 2
    out = tmp_path / "run.pdf"
    # Two of the three were printed at the desks: the batch run is a reprint, and says why.
    run = print_run(desks[1], selection=BadgeSelection(layout=name, preset="a6"), out=out,
                    record=True, reason="damaged").value
    texts = _texts(out.read_bytes())
    assert run.badges == 3 and len(texts) == 3 and all(MARK in t for t in texts)
    with organiser.db.unit_of_work(write=False) as s:
        logged = {p.layout for p in s.query(BadgePrint)}
    assert logged == {name}
    for desk in desks:
        desk.db.dispose()


def test_a_sheet_preset_uses_the_saved_variant(organiser: ActionContext, tmp_path: Path) -> None:
    layouts.save_layout(organiser, layout=_designed("default"))
    out = tmp_path / "sheet.pdf"
    print_run(organiser, selection=BadgeSelection(preset="a4-8x90x54"), out=out)
    assert _texts(out.read_bytes())[0].count(MARK) == 3


def test_saved_and_opened_again_equals_the_original(organiser: ActionContext) -> None:
    designed = _designed("kunshan")
    original = copy.deepcopy(designed.document), dict(designed.images)
    layouts.save_layout(organiser, layout=designed)
    opened = layouts.open_layout(organiser, name="kunshan").value
    assert (opened.document, opened.images) == original
    assert opened.origin == "event" and opened.title == "昆山 2025"
    listed = {i.name: i for i in layouts.list_layouts(organiser).value}
    assert listed["kunshan"].origin == "event" and listed["default"].origin == "builtin"


def test_export_and_import_round_trip_with_images(organiser: ActionContext,
                                                  tmp_path: Path) -> None:
    designed = _designed("kunshan")
    path = layouts.export_layout_file(designed, tmp_path / "kunshan.json")
    imported = layouts.import_layout_file(path)
    assert (imported.name, imported.document, imported.images) == (
        "kunshan", designed.document, designed.images)


def test_a_layout_with_problems_is_not_saved(organiser: ActionContext) -> None:
    broken = _designed("kunshan")
    broken.document["variants"][0]["front"][3]["box"] = [6, 28, 200, 27]
    with pytest.raises(layouts.LayoutRejected) as info:
        layouts.save_layout(organiser, layout=broken)
    assert info.value.problems[0].element == "105×148 front #4 text(name)"
    assert info.value.exit_code == 4
    with organiser.db.unit_of_work(write=False) as s:
        assert s.query(BadgeLayout).count() == 0


def test_a_stored_layout_broken_behind_our_back_refuses_the_print(
        organiser: ActionContext) -> None:
    layouts.save_layout(organiser, layout=_designed("default"))
    with organiser.db.unit_of_work() as s:
        s.get(BadgeLayout, "default").document = '{"variants": []}'  # type: ignore[union-attr]
    sent: list[bytes] = []
    with pytest.raises(layouts.LayoutRejected):
        print_badge(organiser, person_id=1, send=sent.append)
    assert sent == []
    with organiser.db.unit_of_work(write=False) as s:
        assert s.query(BadgePrint).count() == 0


def test_proof_of_an_unsaved_design_on_a_real_person(organiser: ActionContext) -> None:
    proof = proof_badge(organiser, layout=_designed("draft"), person_id=2, preset="a6").value
    assert proof.badge.name == "欧阳娜娜" and proof.pages == 1
    assert MARK in _texts(proof.pdf)[0] and "欧阳娜娜" in _texts(proof.pdf)[0]
    assert proof.front_slot_mm == (0.0, 0.0, 105.0, 148.0)
