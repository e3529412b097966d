"""field terminals' service (Open311)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 00:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import console.models.base

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("field_terminal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("api_key_prefix", sa.String(length=16), nullable=True))
        batch_op.add_column(
            sa.Column(
                "api_key_issued_at", console.models.base.UTCDateTime(timezone=True), nullable=True
            )
        )
        batch_op.create_index(
            batch_op.f("ix_field_terminal_api_key_prefix"), ["api_key_prefix"], unique=True
        )

    op.create_table(
        "field_submission",
        sa.Column("id", _ID, nullable=False),
        sa.Column("token", sa.String(length=36), nullable=False),
        sa.Column("terminal_id", _ID, nullable=False),
        sa.Column("device_ref", sa.String(length=64), nullable=True),
        sa.Column("case_id", _ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("received_at", console.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_field_submission_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["terminal_id"],
            ["field_terminal.id"],
            name=op.f("fk_field_submission_terminal_id_field_terminal"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_submission")),
        sa.UniqueConstraint(
            "terminal_id", "device_ref", name=op.f("uq_field_submission_terminal_id")
        ),
        sa.UniqueConstraint("token", name=op.f("uq_field_submission_token")),
    )
    with op.batch_alter_table("field_submission", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_field_submission_case_id"), ["case_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("field_submission", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_field_submission_case_id"))
    op.drop_table("field_submission")
    with op.batch_alter_table("field_terminal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_field_terminal_api_key_prefix"))
        batch_op.drop_column("api_key_issued_at")
        batch_op.drop_column("api_key_prefix")
