"""The desk search index kept on disk: a desk's next start answers from it at once, and only a
snapshot of the same database, event and version is ever used."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from eventdesk.services.search import index as search_index
from eventdesk.services.search import snapshot
from eventdesk.storage import Database, open_database
from tests.services.people_cases import add

QUERIES = ["zhang", "zw", "张伟", "5678", "kunshan guang", "alice", "䶮"]


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("EVENTDESK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _people(db: Database) -> None:
    add(db, "张伟", company="中科可控", phone="13812345678")
    add(db, "张伟明", company="阿丘科技")
    add(db, "章维", company="昆山光电")
    add(db, "Alice Wong", company="Foxconn")
    add(db, "李堃", company="䶮科技")


def _answers(db: Database) -> list[list[int]]:
    index = search_index.desk_index(db)
    return [index.search(q) for q in QUERIES]


def _reopen(db: Database) -> Database:
    """The same database as the next start of the desk sees it (a new Database object)."""
    return open_database(db.url)


def test_next_start_loads_the_snapshot_and_answers_the_same(
        event_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    _people(event_db)
    search_index.desk_index(event_db).warm_up()
    expected = _answers(event_db)
    assert any(expected)
    again = _reopen(event_db)
    read: list[int] = []
    real_read = search_index._read_base

    def counting_read(session: Session) -> search_index.BaseIndex:
        read.append(1)
        return real_read(session)

    real_complete = search_index.BaseIndex.complete
    monkeypatch.setattr(search_index, "_read_base", counting_read)
    monkeypatch.setattr(search_index.BaseIndex, "complete",
                        lambda *_a, **_k: pytest.fail("the full layer was built, not read"))
    try:
        assert _answers(again) == expected  # from the scan layer, read from the snapshot
        search_index.desk_index(again).warm_up()  # the rest of the snapshot
        base = search_index.desk_index(again).current().base
        assert base.full is not None and base.grams_complete
        assert _answers(again) == expected
        assert read == []  # loaded, not read from the database
    finally:
        again.dispose()
        monkeypatch.setattr(search_index.BaseIndex, "complete", real_complete)


def test_a_changed_database_does_not_use_the_old_snapshot(event_db: Database) -> None:
    _people(event_db)
    search_index.desk_index(event_db).warm_up()
    newcomer = add(event_db, "张伟强", company="新来的公司")
    again = _reopen(event_db)
    try:
        assert newcomer in search_index.desk_index(again).search("zhang wei qiang")
    finally:
        again.dispose()


def test_a_damaged_snapshot_is_ignored(event_db: Database, cache: Path) -> None:
    _people(event_db)
    search_index.desk_index(event_db).warm_up()
    expected = _answers(event_db)
    for path in cache.glob("search-*.idx"):
        path.write_bytes(path.read_bytes()[:100])  # a torn or tampered file
    again = _reopen(event_db)
    try:
        assert _answers(again) == expected
    finally:
        again.dispose()


def test_snapshots_belong_to_their_database(event_db: Database, tmp_path: Path) -> None:
    _people(event_db)
    search_index.desk_index(event_db).warm_up()
    assert snapshot.load("another database\nOTHER", (5, None)) is None
    assert len(list(snapshot.cache_dir().glob("search-*.idx"))) == 1
