"""Database objects the revisions make by hand and the ORM metadata does not describe.

The text search objects (revision 0003) cannot be expressed as SQLAlchemy models: an
FTS5 virtual table with its shadow tables on SQLite, a GIN index on an expression over
an extension's operator class on PostgreSQL. Alembic's comparison (autogenerate and the
schema-vs-models test) skips them through include_object().
"""

from __future__ import annotations

from typing import Any

SEARCH_TABLE = "case_search"
# FTS5 keeps its index in <name>_data, _idx, _config (and _docsize, _content when used).
SEARCH_SHADOWS = ("data", "idx", "config", "docsize", "content")
SEARCH_INDEX = "ix_case_file_search"

UNMAPPED_TABLES = frozenset({SEARCH_TABLE, *(f"{SEARCH_TABLE}_{s}" for s in SEARCH_SHADOWS)})
UNMAPPED_INDEXES = frozenset({SEARCH_INDEX})


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic hook: False for the hand-made search objects found in the database."""
    if type_ == "table" and name in UNMAPPED_TABLES:
        return False
    return not (type_ == "index" and name in UNMAPPED_INDEXES)
