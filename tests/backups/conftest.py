"""Backup commands run as a signed-in account like every command (tests/cli/conftest.py)."""

from tests.cli.conftest import signed_in, template_db

__all__ = ["signed_in", "template_db"]
