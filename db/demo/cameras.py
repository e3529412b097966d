"""The street's 333 cameras: GB/T 28181 ids, names, groups, places and stream URLs.

Only the first few cameras point at a local RTSP test server (rtsp://127.0.0.1:8554,
the one the video tests start); the rest carry URLs on the reserved .invalid domain, so
a demo never tries to reach a real address. Their status is left to the video
watchdog: unknown until it has probed them.
"""

from __future__ import annotations

import random

from sqlalchemy import insert
from sqlalchemy.orm import Session

from console.models import Camera
from db.demo import places
from db.demo.area import AreaPlan
from db.demo.geometry import random_point

CAMERAS = 333  # source: street cameras managed by the center
LOCAL_STREAMS = 4
# GB/T 28181 device id: 8-digit centre (district 110107 + "00"), 2-digit industry ("00",
# public security road surface), 3-digit type ("132", network camera), 1 network digit,
# 6-digit serial.
CODE_PREFIX = places.DISTRICT_CODE + "00" + "00" + "132" + "0"
LOCAL_URL = "rtsp://127.0.0.1:8554/cam{n}/{stream}"
PLACEHOLDER_URL = "rtsp://camera-{n}.invalid/Streaming/Channels/{channel}"
OFFLINE_EVERY = 9  # a few placeholder cameras listed offline, as an imported registry shows


def camera_rows(rng: random.Random, area: AreaPlan) -> list[dict[str, object]]:
    communities = area.communities
    weights = [c.population for c in communities]
    all_roads = sorted({road for c in communities for road in c.roads})
    rows: list[dict[str, object]] = []
    names_seen: set[str] = set()
    for n in range(1, CAMERAS + 1):
        community = rng.choices(communities, weights=weights)[0]
        grid = rng.choice(community.grids)
        lon, lat = random_point(rng, grid.ring, grid.box)
        pattern, group = rng.choice(places.CAMERA_SPOTS)
        road = rng.choice(community.roads)
        name = pattern.format(
            road=road,
            cross=rng.choice([r for r in all_roads if r != road]),
            area=community.name.removesuffix("社区"),
            number=rng.randrange(1, 40),
        )
        if name in names_seen:
            name = f"{name}{n:03d}"
        names_seen.add(name)
        if n <= LOCAL_STREAMS:
            main = LOCAL_URL.format(n=n, stream="main")
            sub = LOCAL_URL.format(n=n, stream="sub")
            status = "unknown"
        else:
            main = PLACEHOLDER_URL.format(n=n, channel=101)
            sub = PLACEHOLDER_URL.format(n=n, channel=102)
            status = "offline" if n % OFFLINE_EVERY == 0 else "unknown"
        rows.append(
            {
                "code": f"{CODE_PREFIX}{n:06d}",
                "name": name,
                "community_id": community.id,
                "grid_id": grid.id,
                "group_name": group,
                "lon": lon,
                "lat": lat,
                "main_url": main,
                "sub_url": sub,
                "status": status,
                "last_seen_at": None,
            }
        )
    return rows


def insert_cameras(rng: random.Random, session: Session, area: AreaPlan) -> int:
    rows = camera_rows(rng, area)
    session.execute(insert(Camera), rows)
    return len(rows)
