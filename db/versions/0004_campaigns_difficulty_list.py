"""campaigns, difficulty list and enforcement ledger

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 00:00:00

- campaign: cleared_from_step (the step from which an item counts as cleared).
- campaign_item: kind (lock/sign/structure/other), source (hand/map/import), rebound_at
  and updated_at; existing items are locks entered by hand. An index on
  (campaign_id, lat) for rebound detection's search near a new case.
- difficulty_item: the difficulty list (难点清单), written off one by one.
"""

import sqlalchemy as sa
from alembic import op

import console.models.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("cleared_from_step", sa.Integer(), nullable=False, server_default="3")
        )
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.alter_column("cleared_from_step", server_default=None)
    with op.batch_alter_table("campaign_item", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), nullable=False, server_default="lock")
        )
        batch_op.add_column(
            sa.Column("source", sa.String(length=16), nullable=False, server_default="hand")
        )
        batch_op.add_column(
            sa.Column("rebound_at", console.models.base.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(
            sa.Column("updated_at", console.models.base.UTCDateTime(timezone=True), nullable=True)
        )
    # The defaults only served the rows already there; the models set their own.
    with op.batch_alter_table("campaign_item", schema=None) as batch_op:
        batch_op.alter_column("kind", server_default=None)
        batch_op.alter_column("source", server_default=None)
        batch_op.create_index(
            "ix_campaign_item_campaign_id_lat", ["campaign_id", "lat"], unique=False
        )

    op.create_table(
        "difficulty_item",
        sa.Column("id", BigId, nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("community_id", BigId, nullable=True),
        sa.Column("campaign_id", BigId, nullable=True),
        sa.Column("case_id", BigId, nullable=True),
        sa.Column("owner_user_id", BigId, nullable=True),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("created_at", console.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("created_by", BigId, nullable=True),
        sa.Column("written_off_at", console.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("written_off_by", BigId, nullable=True),
        sa.Column("write_off_note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.id"], name=op.f("fk_difficulty_item_campaign_id_campaign")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=op.f("fk_difficulty_item_case_id_case_file")
        ),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["community.id"],
            name=op.f("fk_difficulty_item_community_id_community"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_difficulty_item_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["owner_user_id"],
            ["app_user.id"],
            name=op.f("fk_difficulty_item_owner_user_id_app_user"),
        ),
        sa.ForeignKeyConstraint(
            ["written_off_by"],
            ["app_user.id"],
            name=op.f("fk_difficulty_item_written_off_by_app_user"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_difficulty_item")),
    )
    with op.batch_alter_table("difficulty_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_difficulty_item_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("difficulty_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_difficulty_item_state"))
    op.drop_table("difficulty_item")
    with op.batch_alter_table("campaign_item", schema=None) as batch_op:
        batch_op.drop_index("ix_campaign_item_campaign_id_lat")
        batch_op.drop_column("updated_at")
        batch_op.drop_column("rebound_at")
        batch_op.drop_column("source")
        batch_op.drop_column("kind")
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.drop_column("cleared_from_step")
