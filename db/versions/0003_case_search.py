"""queue page indexes and substring search over cases

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 22:00:00

Plain indexes (mirrored in console.models.case):
- (reported_at, id, state) and (community_id, reported_at, id, state) replace the
  single-column reported_at index and (community_id, reported_at): the queue pages in
  (sort key, id) order and filters on state, so pages come from the index alone.
- (state) WHERE supervised: counts and lists the "supervised" tab without a full scan.

Substring search over number, address, description and reporter_name (kept out of the
ORM metadata; db.unmapped tells Alembic to leave them alone):
- SQLite: FTS5 table case_search, trigram tokenizer (SQLite >= 3.34), external content
  case_file, synced by triggers; filled from the existing rows here.
- PostgreSQL: pg_trgm and one GIN index on the four columns joined by U+001F, with a
  larger statistics sample so the planner can tell a rare term from a common one.
  pg_trgm only takes letters as the database's LC_CTYPE classifies them: under C.UTF-8,
  en_US.UTF-8 or zh_CN.UTF-8 Chinese characters are letters; under plain C or POSIX
  they are not, no Chinese trigram is indexed, and a search is a correct but full scan.
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from console.errors import DatabaseError

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "number, address, description, reporter_name"
OLD = "old.number, old.address, old.description, old.reporter_name"
NEW = "new.number, new.address, new.description, new.reporter_name"

SQLITE_UP = [
    f"""CREATE VIRTUAL TABLE case_search USING fts5({COLUMNS},
        content='case_file', content_rowid='id', tokenize='trigram', columnsize=0)""",
    f"""CREATE TRIGGER case_search_insert AFTER INSERT ON case_file BEGIN
        INSERT INTO case_search (rowid, {COLUMNS}) VALUES (new.id, {NEW});
        END""",
    f"""CREATE TRIGGER case_search_delete AFTER DELETE ON case_file BEGIN
        INSERT INTO case_search (case_search, rowid, {COLUMNS})
        VALUES ('delete', old.id, {OLD});
        END""",
    # Only an UPDATE that sets one of the searched columns pays for re-indexing.
    f"""CREATE TRIGGER case_search_update AFTER UPDATE OF id, {COLUMNS} ON case_file BEGIN
        INSERT INTO case_search (case_search, rowid, {COLUMNS})
        VALUES ('delete', old.id, {OLD});
        INSERT INTO case_search (rowid, {COLUMNS}) VALUES (new.id, {NEW});
        END""",
    "INSERT INTO case_search (case_search) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS case_search_update",
    "DROP TRIGGER IF EXISTS case_search_delete",
    "DROP TRIGGER IF EXISTS case_search_insert",
    "DROP TABLE IF EXISTS case_search",
]
# Must stay the very expression console.services.textmatch queries, or the index is
# never used.
SEARCH_TEXT = (
    "(number || E'\\x1f' || address || E'\\x1f' || description || E'\\x1f' || reporter_name)"
)
POSTGRES_UP = [
    # A trusted extension: the database owner may create it without superuser rights.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Builds the GIN index in memory rather than in many merged runs; reset at commit.
    "SET LOCAL maintenance_work_mem = '256MB'",
    f"CREATE INDEX ix_case_file_search ON case_file USING gin ({SEARCH_TEXT} gin_trgm_ops)",
    # 300,000 sampled rows instead of 30,000: the LIKE estimate for a term comes from
    # this sample, and it decides between walking the sort index and reading matches.
    "ALTER INDEX ix_case_file_search ALTER COLUMN 1 SET STATISTICS 1000",
    "ANALYZE case_file",
]


log = logging.getLogger("console.db")


def _warn_if_chinese_is_not_indexed(bind: sa.Connection) -> None:
    if bind.exec_driver_sql("SELECT show_trgm('暴露垃圾')").scalar_one():
        return
    ctype = bind.exec_driver_sql(
        "SELECT datctype FROM pg_database WHERE datname = current_database()"
    ).scalar_one()
    log.warning(
        "database LC_CTYPE %s does not treat Chinese characters as letters: case search "
        "works but scans every case; create the database with LC_CTYPE C.UTF-8",
        ctype,
    )


def _sqlite_version(bind: sa.Connection) -> tuple[int, ...]:
    raw = bind.exec_driver_sql("SELECT sqlite_version()").scalar_one()
    return tuple(int(part) for part in str(raw).split("."))


def upgrade() -> None:
    bind = op.get_bind()
    op.drop_index("ix_case_file_reported_at", table_name="case_file")
    op.drop_index("ix_case_file_community_reported", table_name="case_file")
    op.create_index("ix_case_file_reported_page", "case_file", ["reported_at", "id", "state"])
    op.create_index(
        "ix_case_file_community_page",
        "case_file",
        ["community_id", "reported_at", "id", "state"],
    )
    op.create_index(
        "ix_case_file_supervised",
        "case_file",
        ["state"],
        sqlite_where=sa.text("supervised = 1"),
        postgresql_where=sa.text("supervised"),
    )
    if bind.dialect.name == "sqlite":
        version = _sqlite_version(bind)
        if version < (3, 34):
            found = ".".join(map(str, version))
            raise DatabaseError("db.error", detail=f"SQLite {found} < 3.34 (FTS5 trigram)")
        for statement in SQLITE_UP:
            bind.exec_driver_sql(statement)
    else:
        for statement in POSTGRES_UP:
            bind.exec_driver_sql(statement)
        _warn_if_chinese_is_not_indexed(bind)


def _drop_trgm_if_unused(bind: sa.Connection) -> None:
    """Drop pg_trgm unless something else uses it or another role owns it."""
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("DROP EXTENSION IF EXISTS pg_trgm")
    except sa.exc.DBAPIError:
        savepoint.rollback()
    else:
        savepoint.commit()


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_DOWN:
            bind.exec_driver_sql(statement)
    else:
        bind.exec_driver_sql("DROP INDEX IF EXISTS ix_case_file_search")
        _drop_trgm_if_unused(bind)
    op.drop_index("ix_case_file_supervised", table_name="case_file")
    op.drop_index("ix_case_file_community_page", table_name="case_file")
    op.drop_index("ix_case_file_reported_page", table_name="case_file")
    op.create_index("ix_case_file_community_reported", "case_file", ["community_id", "reported_at"])
    op.create_index("ix_case_file_reported_at", "case_file", ["reported_at"])
