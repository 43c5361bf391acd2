"""Column helpers shared by the models."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum


def key_enum(enum_cls: type[StrEnum], name: str) -> Enum:
    """A string column holding the enum's stable key, with a CHECK constraint in the schema."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )

