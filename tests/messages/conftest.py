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


# The command-line language tests run the CLI, which signs in (see tests/cli/conftest.py).
from tests.cli.conftest import signed_in, template_db  # noqa: E402

__all__ = ["chinese", "signed_in", "template_db"]
