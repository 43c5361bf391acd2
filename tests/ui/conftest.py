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
