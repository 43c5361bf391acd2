"""Signed-in users of each role, for tests of actions and views (domain.access): the same
Principals as tests/accounts.py, under the name the privacy tests import them by."""

from __future__ import annotations

from tests.accounts import ADMIN, DESK, ORGANISER, PRINT

__all__ = ["ADMIN", "DESK", "ORGANISER", "PRINT"]
