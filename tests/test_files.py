"""Every output file is written whole or not at all (eventdesk.files): a disk that fills up
while a file is written leaves the good old file as it was, no temporary file beside it, and an
error that names the person's file — for each writer of the program, each through the helper."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from eventdesk import files
from eventdesk.actions.base import ActionContext
from eventdesk.storage import Database
from tests.services.people_cases import add
from tests.users import ADMIN

OLD = b"the good file of yesterday"


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills while the new file is flushed: what ext4 and NTFS report at fsync."""

    def fsync(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", fsync)


def _left_beside(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir() if p.name != target.name)


def test_a_complete_file_replaces_the_old_one_with_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(OLD)
    target.chmod(0o640)
    files.write_whole(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    fresh = tmp_path / "sub" / "new.pdf"
    files.write_whole(fresh, b"x")  # a missing folder is made; mode as open() would give it
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    assert _left_beside(target) == ["sub"]


@pytest.mark.usefixtures("full_disk")
def test_a_full_disk_keeps_the_old_file_and_names_it(tmp_path: Path) -> None:
    target = tmp_path / "badges.pdf"
    target.write_bytes(OLD)
    with pytest.raises(OSError) as info:
        files.write_whole(target, b"%PDF-" + b"x" * 100_000)
    assert (info.value.errno, info.value.filename) == (errno.ENOSPC, str(target))
    assert target.read_bytes() == OLD and _left_beside(target) == []


def test_an_error_in_the_writer_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "people.xlsx"
    target.write_bytes(OLD)
    with pytest.raises(KeyboardInterrupt), files.replacing(target) as tmp:
        tmp.write_bytes(b"half")
        raise KeyboardInterrupt  # Ctrl+C half-way
    assert target.read_bytes() == OLD and _left_beside(target) == []


def test_a_folder_as_target_fails_before_anything(tmp_path: Path) -> None:
    folder = tmp_path / "taken.pdf"
    folder.mkdir()
    with pytest.raises(IsADirectoryError) as info, files.replacing(folder):
        pytest.fail("the block must not run")
    assert info.value.filename == str(folder)


# -- every writer of the program ----------------------------------------------------------------

Writer = Callable[[ActionContext, Path], object]


def _export(kind: str) -> Writer:
    from eventdesk.actions import exports

    return lambda ctx, out: exports.export(ctx, kind=kind, out=out)


def _badges(ctx: ActionContext, out: Path) -> object:
    from eventdesk.actions.printing import BadgeSelection, print_run

    return print_run(ctx, selection=BadgeSelection(), out=out, record=True)


def _desk_pdf(ctx: ActionContext, out: Path) -> object:
    """The desk's "PDF printer": a new file per badge in the desk's folder."""
    from eventdesk.ui.desk import printing

    return printing.save_pdf(b"%PDF-1.4 badge", out.parent, out.stem)


def _error_report(_ctx: ActionContext, out: Path) -> object:
    from eventdesk.actions.imports import save_error_report

    return save_error_report([(1, "手机", "123", "“123”不是有效的电话号码")], out)


WRITERS: dict[str, tuple[str, Writer]] = {
    "people csv": ("people.csv", _export("people")),
    "people xlsx": ("people.xlsx", _export("people")),
    "exhibitors xlsx": ("ex.xlsx", _export("exhibitors")),
    "checkins csv": ("ci.csv", _export("checkins")),
    "schedule ics": ("agenda.ics", _export("schedule")),
    "schedule xlsx": ("agenda.xlsx", _export("schedule")),
    "programme pdf": ("programme.pdf", _export("programme")),
    "badge run pdf": ("badges.pdf", _badges),
    "desk badge pdf": ("desk.pdf", _desk_pdf),
    "import error report": ("errors.csv", _error_report),
}


@pytest.fixture
def ctx(event_db: Database) -> ActionContext:
    add(event_db, "张伟", company="阿丘科技", phone="+6591318200")
    return ActionContext(db=event_db, desk="1", operator="t", user=ADMIN)


@pytest.mark.usefixtures("full_disk")
@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_writer_keeps_the_old_file_on_a_full_disk(name: str, ctx: ActionContext,
                                                        tmp_path: Path) -> None:
    file_name, writer = WRITERS[name]
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / file_name
    target.write_bytes(OLD)
    with pytest.raises(OSError) as info:
        writer(ctx, target)
    assert info.value.errno == errno.ENOSPC
    if name == "desk badge pdf":  # a new file each time: none appears, the old one is kept
        assert sorted(p.name for p in folder.iterdir()) == [file_name]
        return
    assert info.value.filename == str(target)
    assert target.read_bytes() == OLD and _left_beside(target) == []
    if name == "badge run pdf":  # no file, so no print is logged
        from sqlalchemy import func, select

        from eventdesk.domain import BadgePrint

        with ctx.db.unit_of_work(write=False) as s:
            assert s.scalar(select(func.count(BadgePrint.id))) == 0
