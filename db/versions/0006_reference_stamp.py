"""reference data stamp

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 03:00:00

- reference_stamp: one row whose version changes, by trigger, whenever a reference
  table changes (db.reference_stamp), so reports read those tables from memory.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from db.reference_stamp import create_stamp_triggers, drop_stamp_triggers

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    stamp = op.create_table(
        "reference_stamp",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_stamp")),
    )
    op.bulk_insert(stamp, [{"id": 1, "version": 0}])
    create_stamp_triggers(op.get_bind())


def downgrade() -> None:
    drop_stamp_triggers(op.get_bind())
    op.drop_table("reference_stamp")
