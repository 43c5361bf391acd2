"""The desk search index: every query kind of the issue, ranking, freshness, agreement with LIKE,
and its life as an object of one open database."""

from __future__ import annotations

import gc
import threading
import traceback

import pytest
from benchmarks.like_search import search_people_like
from sqlalchemy import select, update

from eventdesk.domain import Person
from eventdesk.services import exhibitors, people
from eventdesk.services.people import PersonInput
from eventdesk.services.search import base as search_base
from eventdesk.services.search import index as search_index
from eventdesk.services.search import query as search
from eventdesk.services.search.ranking import PeopleIndex
from eventdesk.storage import Database, open_database
from tests.services.demo_cases import build as build_demo_event
from tests.services.people_cases import add


@pytest.fixture
def crowd(event_db: Database) -> Database:
    with event_db.unit_of_work() as s:
        ex = exhibitors.create_exhibitor(s, data=exhibitors.ExhibitorInput(
            name_zh="中科可控信息产业有限公司", short_name="中科可控", booth="A1-101"),
            operator="t")
    add(event_db, "张伟", company="中科可控信息产业有限公司", exhibitor_id=ex.id,
        category="exhibitor", phone="13812345678", email="zhang.wei@sugon.com",
        external_ref="REG-0001")
    add(event_db, "张伟明", company="阿丘科技")
    add(event_db, "章蔚", company="昆山光电")  # zhang wei too; wèi after 张伟's wěi (name order)
    add(event_db, "王张伟", company="寒武纪")
    add(event_db, "吕布", company="三国科技")
    add(event_db, "曾小贤", company="昆山光电")
    add(event_db, "单田芳", company="评书社")
    add(event_db, "解缙", company="翰林院")
    add(event_db, "阿依古丽·买买提", company="新疆科技")
    add(event_db, "Alice Wong", company="Foxconn", email="alice@foxconn.com")
    add(event_db, "李堃", company="䶮科技")
    return event_db


def names(db: Database, q: str, limit: int = 50) -> list[str]:
    with db.unit_of_work(write=False) as s:
        return [r.name for r in search.search_people(s, query=q, limit=limit)]


@pytest.mark.parametrize(("query", "first"), [
    ("张伟", "张伟"), ("張偉", "张伟"), ("zhangwei", "张伟"), ("zhang wei", "张伟"), ("zw", "张伟"),
    ("zhangw", "张伟"), ("lv", "吕布"), ("lu", "吕布"), ("lvbu", "吕布"),
    ("zengxiaoxian", "曾小贤"),
    ("cengxiaoxian", "曾小贤"), ("shantianfang", "单田芳"), ("dantianfang", "单田芳"),
    ("xiejin", "解缙"), ("jiejin", "解缙"), ("阿依古丽买买提", "阿依古丽·买买提"),
    ("阿依古丽·买买提", "阿依古丽·买买提"), ("ALICE", "Alice Wong"), ("alice wong", "Alice Wong"),
    ("中科可控", "张伟"), ("zkkk", "张伟"), ("5678", "张伟"), ("12345678", "张伟"),
    ("zhang.wei@sugon.com", "张伟"), ("reg-0001", "张伟"), ("堃", "李堃"), ("䶮", "李堃"),
    ("foxconn", "Alice Wong"), ("光电 zxx", "曾小贤"),
])
def test_query_kinds(crowd: Database, query: str, first: str) -> None:
    assert names(crowd, query)[:1] == [first]


def test_ranking_exact_prefix_contains(crowd: Database) -> None:
    # 张伟 (exact) > 张伟明 (prefix) > 王张伟 (contains)
    assert names(crowd, "张伟") == ["张伟", "张伟明", "王张伟"]
    assert names(crowd, "zw")[:3] == ["张伟", "章蔚", "张伟明"]  # zw exact (by name), then zwm
    assert "章蔚" in names(crowd, "zhangwei")
    assert names(crowd, "zw", limit=1) == ["张伟"]
    assert names(crowd, "") == [] and names(crowd, "nobody") == []


def test_badge_code(crowd: Database) -> None:
    with crowd.unit_of_work(write=False) as s:
        code = search.search_people(s, query="张伟")[0].badge_code
        assert [r.name for r in search.search_people(s, query=code)] == ["张伟"]


@pytest.mark.parametrize("warm", [False, True])
def test_agrees_with_like_scan(crowd: Database, warm: bool) -> None:
    search_index.desk_index(crowd).invalidate()
    if warm:  # every two-character list computed up front, as the desk does
        with crowd.unit_of_work(write=False) as s:
            search_index.desk_index(s).warm_up()
    for q in ["z", "zh", "zhang", "wei", "科技", "昆山", "w", "zw 阿丘", "li", "5678", "a", "angw",
              "ng wei", "科 zw", "wei 5678", "ongw"]:
        with crowd.unit_of_work(write=False) as s:
            fast = {r.id for r in search.search_people(s, query=q)}
            slow = {r.id for r in search_people_like(s, query=q)}
        assert fast == slow, q


def test_changes_in_this_process_are_seen_at_once(crowd: Database) -> None:
    assert names(crowd, "zw")  # index built
    pid = add(crowd, "赵文", company="新公司")
    assert "赵文" in names(crowd, "zw")
    with crowd.unit_of_work() as s:
        row = people.get_person(s, person_id=pid)
        people.update_person(s, person_id=pid, operator="t",
                             data=PersonInput(name="钱多多", company=row.company))
    assert "赵文" not in names(crowd, "zw") and names(crowd, "qdd") == ["钱多多"]


def test_other_desks_changes_arrive_by_version_check(crowd: Database) -> None:
    assert names(crowd, "qdd") == []
    other = open_database(crowd.url)  # another desk: its flushes are not this index's business
    with other.engine.begin() as conn:
        conn.execute(update(Person).where(Person.name == "章蔚").values(
            search_text="钱多多|qianduoduo|qdd", name_pinyin="qian duo duo"))
    other.dispose()
    assert names(crowd, "qdd") == []  # not yet: a keystroke does not query the version
    with crowd.unit_of_work(write=False) as s:
        assert search_index.desk_index(s).refresh()  # what the desk runs in the background
        assert not search_index.desk_index(s).refresh()
    assert names(crowd, "qdd") == ["章蔚"]
    search_index.desk_index(crowd).stale_after = 0.0  # no background refresher: fallback
    other = open_database(crowd.url)
    with other.engine.begin() as conn:
        conn.execute(update(Person).where(Person.name == "吕布").values(
            search_text="孙权|sunquan|sq", name_pinyin="sun quan"))
    other.dispose()
    assert names(crowd, "sunquan") == ["吕布"]


def test_multi_word_with_phone_tail_and_unknown_pieces(crowd: Database) -> None:
    search_index.desk_index(crowd).invalidate()  # no two-character pieces cached yet
    assert names(crowd, "zhang 5678") == ["张伟"]
    assert names(crowd, "5678 zhang") == ["张伟"]
    assert names(crowd, "ngwe 5678") == ["张伟"]
    assert set(names(crowd, "angw")) == {"张伟", "张伟明", "王张伟", "章蔚"}


def test_badge_codes_match_whole_not_in_part(crowd: Database) -> None:
    """A code is ten random characters: `zw` must not find a stranger whose code starts ZW
    (this made the desk list random people among the 张伟s); the whole code finds its holder."""
    with crowd.unit_of_work() as s:
        s.execute(update(Person).where(Person.name == "Alice Wong").values(badge_code="ZWZWZW2345"))
    search_index.desk_index(crowd).invalidate()
    assert "Alice Wong" not in names(crowd, "zw")
    assert "Alice Wong" not in names(crowd, "zwzw")
    for query in ("ZWZWZW2345", "zwzwzw2345", " zwzwzw2345 "):
        assert names(crowd, query) == ["Alice Wong"]
        with crowd.unit_of_work(write=False) as s:
            assert [r.name for r in search_people_like(s, query=query)] == ["Alice Wong"]


def test_one_index_per_open_database_disposed_with_it(crowd: Database) -> None:
    """Two open databases (two desks in one process, or a test beside the program) keep their
    own index and hear only their own sessions' commits; dispose drops the index."""
    index = search_index.desk_index(crowd)
    with crowd.unit_of_work(write=False) as s:
        assert search_index.desk_index(s) is index
    assert names(crowd, "zw")  # built
    other = open_database(crowd.url)
    try:
        assert search_index.desk_index(other) is not index
        assert names(other, "zw")  # the other database's index, built too
        pid = add(other, "赵文", company="新公司")  # written through the other database
        assert "赵文" in names(other, "zw")  # its own index heard its commit
        assert "赵文" not in names(crowd, "zw")  # this one did not: the version check will
        with crowd.unit_of_work(write=False) as s:
            assert search_index.desk_index(s).refresh()
        assert "赵文" in names(crowd, "zw")
        with crowd.unit_of_work(write=False) as s:
            assert people.get_person(s, person_id=pid).name == "赵文"
    finally:
        other.dispose()
    crowd.dispose()
    assert search_index.desk_index(crowd) is not index  # a fresh one, built on first use
    add(crowd, "钱多多")
    assert names(crowd, "qdd") == ["钱多多"]


def test_a_rolled_back_action_leaves_no_trace(crowd: Database) -> None:
    assert names(crowd, "zw")  # built
    with pytest.raises(RuntimeError), crowd.unit_of_work() as s:
        people.create_person(s, data=PersonInput(name="赵文"), operator="t")
        raise RuntimeError("crash mid-action")
    assert "赵文" not in names(crowd, "zw")


def test_building_does_not_freeze_the_garbage_collector(
        crowd: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Building and warming the index leaves the collector as it was (no gc.freeze): its lists
    of people are bytearrays in dicts keyed by strings, which the collector never tracks, and the
    rest are tuples it stops tracking after one look — so no collection walks the index.
    (Calls are recorded rather than gc.get_freeze_count() compared: in a test worker that ran
    GUI tests before, the window's own start-up freeze (ui/gui_thread.py) may fall into this
    test.)"""
    freezes: list[str] = []
    real_freeze = gc.freeze

    def freeze() -> None:
        freezes.append("".join(traceback.format_stack(limit=12)))
        real_freeze()

    monkeypatch.setattr(gc, "freeze", freeze)
    search_index.desk_index(crowd).warm_up()
    add(crowd, "赵文")
    assert "赵文" in names(crowd, "zw")
    assert [f for f in freezes if "services/search" in f] == []
    base = search_index.desk_index(crowd).current().base
    assert base.full is not None and base.grams_complete
    lists = {"postings": base.full.postings, "buckets": base.full.buckets,
             "tails": base.full.tails, "grams": base.grams, "ordinal": base.ordinal}
    assert not [name for name, found in lists.items() if gc.is_tracked(found)]  # never were
    gc.collect()
    gc.collect()  # a tuple of tuples: the inner ones first, then the outer one
    assert not [name for name in ("keys", "phones", "texts", "corpus", "starts")
                if gc.is_tracked(getattr(base, name))]


def test_searches_answer_while_a_refresh_reads_the_database(
        crowd: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A background refresh reads changed rows without holding the lock searches wait on."""
    index = search_index.desk_index(crowd)
    index.warm_up()
    other = open_database(crowd.url)
    with other.engine.begin() as conn:
        conn.execute(update(Person).where(Person.name == "章蔚").values(
            search_text="钱多多|qianduoduo|qdd", name_pinyin="qian duo duo"))
    other.dispose()
    reading, release = threading.Event(), threading.Event()
    real_load = search_index._load

    def slow_load(*args: object, **kw: object) -> list[search_index.Entry]:
        reading.set()
        release.wait(30)
        return real_load(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(search_index, "_load", slow_load)
    refresher = threading.Thread(target=index.refresh)
    refresher.start()
    try:
        assert reading.wait(30)  # the refresh is inside its database read now
        assert names(crowd, "zw")[:1] == ["张伟"]  # and a keystroke is answered meanwhile
        assert refresher.is_alive()
    finally:
        release.set()
        refresher.join(30)
    assert names(crowd, "qdd") == ["章蔚"]


def _queries(db: Database) -> list[str]:
    """What operators type, taken from the people themselves: names and pieces of their pinyin,
    initials, phone tails, companies, e-mails, two words, and some nonsense."""
    with db.unit_of_work(write=False) as s:
        rows = s.execute(select(Person.name, Person.name_pinyin, Person.phone, Person.company,
                                Person.email).order_by(Person.id)).all()
    found: list[str] = ["z", "zh", "w", "a", "li", "ng", "科技", "xyzzy", "9", "zhang w", "w zh",
                        "光 z", "0000"]
    for name, pinyin, phone, company, email in rows[::37]:
        syllables = pinyin.split()
        found += [name, name[:1], pinyin.replace(" ", "")[:3], pinyin.replace(" ", "")[:6],
                  "".join(x[:1] for x in syllables), " ".join(syllables[:2]),
                  phone[-4:], phone[-6:], company[:2], company[1:4], email.split("@")[0][:5],
                  f"{syllables[0] if syllables else ''} {company[:2]}"]
    return [q for q in dict.fromkeys(found) if q.strip()]


@pytest.mark.parametrize("window", [None, 7])
def test_the_first_layer_answers_as_the_whole_index(db: Database, window: int | None,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Searches answered while the index is still being built (the scan layer: passes over the
    joined texts, a window of bytes at a time) rank exactly as the finished index does (lists
    per form, prefix, phone tail and two characters) — also when every window boundary cuts
    through words (a 7-byte window)."""
    if window is not None:
        monkeypatch.setattr(search_base, "WINDOW", window)
    build_demo_event(db, people=900, exhibitors=80)
    with db.unit_of_work(write=False) as s:
        scan = PeopleIndex(base=search_index._read_base(s))
        lists = search_index._read_base(s)
    lists.complete()
    no_grams = PeopleIndex(base=lists)
    with db.unit_of_work(write=False) as s:
        whole_base = search_index._read_base(s)
    whole_base.complete()
    whole_base.fill_grams()
    whole = PeopleIndex(base=whole_base)
    assert scan.base.full is None and not scan.base.grams_complete
    queries = _queries(db)
    assert len(queries) > 100
    for q in queries:
        expected = whole.search(q)
        assert scan.search(q) == expected, q
        assert no_grams.search(q) == expected, q
        assert scan.search(q, limit=3) == expected[:3], q


def test_an_import_elsewhere_is_searched_at_once_and_indexed_when_it_ends(
        crowd: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another desk imports people (more than the overlay holds): the next refresh answers for
    them at once from the new base's scan layer, and the refresh after the people stopped
    changing builds its full layer — in the background refresh, never in a keystroke."""
    index = search_index.desk_index(crowd)
    index.warm_up()
    monkeypatch.setattr(search_index, "MAX_OVERLAY", 3)
    other = open_database(crowd.url)  # the importing process
    for name in ("钱一", "钱二", "钱三", "钱四", "钱五"):
        add(other, name, company="新进公司")
    other.dispose()
    assert index.refresh()
    base = index.current().base
    assert base.full is None  # rebuilt, not yet completed: the import may still be running
    assert sorted(names(crowd, "新进公司")) == ["钱一", "钱三", "钱二", "钱五", "钱四"]
    assert not index.refresh()  # nothing changed since: now the rest is built
    assert index.current().base is base and base.full is not None
    assert not base.grams_complete
    assert not index.refresh()  # and then the two-character lists
    assert base.grams_complete
    assert sorted(names(crowd, "qian")) == ["钱一", "钱三", "钱二", "钱五", "钱四"]
