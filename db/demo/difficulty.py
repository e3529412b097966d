"""The difficulty list (难点清单) of the parking-lock campaign: problems the five-step
method could not clear at once, each owned, most written off with an evidence photo,
a couple still open ("逐一销账零遗留" is the goal, not yet the state).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import struct
import zlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import Attachment, Blob, Campaign, DifficultyItem
from db.demo.area import AreaPlan
from db.demo.people import People

# (title, description); the last OPEN_LEFT stay open.
PROBLEMS = (
    ("小区出入口地锁反复安装", "物业与业主协商未果，拆除后两次复装"),
    ("商铺门前私设挡车桩", "沿街商户以门前三包为由设置挡车桩"),
    ("老旧小区车位归属争议", "产权不清，居民自行划位加锁"),
    ("地下车库入口地锁集中", "12个地锁集中，涉及多个业主"),
    ("残疾人车位被加锁占用", "需与残联核实车位使用人"),
    ("消防通道地锁", "占用消防通道，须会同消防部门处置"),
    ("学校周边临时地锁", "接送高峰占道，需错时执法"),
    ("菜市场后街地锁", "夜间复装，需晚班巡查"),
    ("单位院内对外停车加锁", "涉及驻区单位，需街道协调"),
    ("拆除后地面螺栓残留", "残留螺栓易伤人，需市政修补"),
    ("共享单车停放区被加锁", "与运营企业协商划定停放区"),
    ("地锁业主拒不配合公示", "需入户宣传并送达告知书"),
)
OPEN_LEFT = 2
OWNERS = ("shift_leader", "duty", "unit")


def evidence_png(rng: random.Random) -> bytes:
    """A small, real PNG (a grey-green tile) so an evidence viewer has a picture to show."""
    width = height = 16
    shade = rng.randrange(90, 170)
    row = b"\x00" + bytes((shade, shade + 40, shade)) * width
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def insert_difficulty_list(
    rng: random.Random, session: Session, area: AreaPlan, people: People, as_of: dt.datetime
) -> int:
    """Insert the list; returns the number of items."""
    campaign = session.scalars(select(Campaign).order_by(Campaign.id).limit(1)).first()
    listed_from = campaign.created_at if campaign else as_of - dt.timedelta(days=300)
    for index, (title, description) in enumerate(PROBLEMS):
        community = rng.choice(area.communities)
        created = listed_from + dt.timedelta(days=rng.uniform(20, 60))
        deadline = (created + dt.timedelta(days=rng.choice((30, 45, 60)))).date()
        owner = people.user_ids[OWNERS[index % len(OWNERS)]]
        item = DifficultyItem(
            title=title,
            description=description,
            community_id=community.id,
            campaign_id=campaign.id if campaign else None,
            owner_user_id=owner,
            deadline=deadline,
            state="open",
            created_at=created,
            created_by=people.user_ids["leader"],
            write_off_note="",
        )
        session.add(item)
        session.flush()
        if index >= len(PROBLEMS) - OPEN_LEFT:
            # Still open: one past its deadline, one not yet due.
            item.deadline = as_of.date() + dt.timedelta(days=-3 if index % 2 == 0 else 20)
            continue
        done = min(created + dt.timedelta(days=rng.uniform(10, 55)), as_of)
        data = evidence_png(rng)
        digest = hashlib.sha256(data).hexdigest()
        if session.get(Blob, digest) is None:
            session.add(
                Blob(sha256=digest, size=len(data), mime="image/png", data=data, created_at=done)
            )
            session.flush()
        session.add(
            Attachment(
                entity="difficulty_item",
                entity_id=item.id,
                kind="evidence",
                sha256=digest,
                size=len(data),
                mime="image/png",
                original_name=f"销账佐证{index + 1:02d}.png",
                created_at=done,
                created_by=owner,
            )
        )
        item.state = "written_off"
        item.written_off_at = done
        item.written_off_by = owner
        item.write_off_note = "已拆除并回访，设置隔离设施防止复装"
    session.flush()
    return len(PROBLEMS)
