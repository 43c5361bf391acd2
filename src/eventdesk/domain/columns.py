"""Column helpers shared by the models."""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Enum, String

SORT_KEY_LENGTH = 300


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



def sort_key_type() -> String:
    """A pinyin sort key column (domain.sorting): compared by code point on both backends —
    SQLite's default BINARY collation, and "C" on PostgreSQL whatever the database's locale (an
    en_US or zh_CN collation would weigh the keys' spaces and separators differently)."""
    return String(SORT_KEY_LENGTH).with_variant(String(SORT_KEY_LENGTH, collation="C"),
                                                "postgresql")
