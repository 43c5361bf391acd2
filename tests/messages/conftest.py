"""Every test here starts and ends in Chinese (the language is process-wide)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventdesk import messages


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    messages.set_language("zh")
    yield
    messages.set_language("zh")
