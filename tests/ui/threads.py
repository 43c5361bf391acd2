"""A guard for the rule "nothing that touches the database runs on the GUI thread"."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from eventdesk.storage import Database


@contextmanager
def no_database_on_the_gui_thread(db: Database) -> Iterator[list[str]]:
    """Fail when a statement reaches `db` from the main (GUI) thread inside the block; yields
    the statements seen there so far. The test's own reads belong outside the block."""
    seen: list[str] = []

    def check(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", check)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", check)
    assert seen == [], f"database statements on the GUI thread: {seen[:3]}"
