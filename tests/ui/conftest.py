"""GUI tests share one process with non-GUI tests (pytest-xdist workers)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from eventdesk.ui import ops


@pytest.fixture(autouse=True)
def _gui_thread_collector() -> Iterator[None]:
    # Background ops switch CPython's automatic collection to a GUI-thread timer (ui.ops); when a
    # GUI test ends, its ops are finished and the next, non-GUI test gets the automatic collector.
    yield
    ops.wait_idle()
    gc.enable()
    gc.collect()


@pytest.fixture(scope="session")
def i18n_event_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[str]]:
    """A small demo event (every view has something to show) for the translation walks, built
    once per test process: (its URL, its data texts — tests/ui/i18n_walk.data_texts)."""
    from eventdesk.demo.build import build_demo
    from eventdesk.services.signing import KdfCost
    from eventdesk.storage import open_database, to_url
    from tests.conftest import CHEAP_KDF, TEST_SIGNING_PASSPHRASE
    from tests.ui.i18n_walk import data_texts

    url = to_url(tmp_path_factory.mktemp("i18n") / "event.sqlite3")
    db = open_database(url, create=True)
    try:
        with db.unit_of_work() as session:
            build_demo(session, exhibitors=12, people=150, seed=4,
                       signing_passphrase=TEST_SIGNING_PASSPHRASE,
                       signing_cost=KdfCost(*CHEAP_KDF))
        return url, data_texts(db)
    finally:
        db.dispose()


@pytest.fixture
def in_language() -> Iterator[object]:
    """`in_language("en")` installs a language (ui.i18n) for this test; Chinese again after."""
    from eventdesk.ui import i18n

    yield i18n.install
    i18n.install("zh")
