"""The ledger's columns (Chinese headers, fixed order) and how they map to Case fields.

| Header   | Case field             | Header required | Value                                     |
|----------|------------------------|-----------------|-------------------------------------------|
| 案卷编号 | number                 | yes             | required, at most 24 characters, unique   |
| 上报时间 | reported_at            | yes             | required time                             |
| 来源     | source                 | yes             | required: label (SOURCE_LABELS) or code   |
| 大类     | category_id (class)    | yes             | 2-digit class code or name_zh             |
| 小类     | category_id (subclass) | yes             | 4-digit code or name_zh within the class  |
| 地址     | address                | no              | at most 200 characters                    |
| 经度     | lon                    | no              | WGS-84 decimal degrees, with 纬度         |
| 纬度     | lat                    | no              | WGS-84 decimal degrees, with 经度         |
| 所属社区 | community_id           | no              | community name or code                    |
| 所属网格 | grid_id                | no              | 15-digit grid code (inside the community) |
| 问题描述 | description            | yes             | required, at most 2,000 characters        |
| 状态     | state                  | yes             | required: label (STATE_LABELS) or code    |
| 处置单位 | unit_id                | no              | unit name or code                         |
| 立案时间 | opened_at              | no              | time                                      |
| 派遣时间 | dispatched_at          | no              | time                                      |
| 处置时间 | handled_at             | no              | time                                      |
| 结案时间 | closed_at              | no              | time                                      |

Category: 小类 wins when given (it must belong to 大类 when both are given); with 小类
empty the case is filed under the class itself. Times are local wall-clock time in the
center's time zone ("YYYY-MM-DD HH:MM[:SS]", or date cells in XLSX).
Exports append EXPORT_EXTRAS, which imports ignore.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    header: str
    field: str  # the Case attribute it fills
    required: bool  # the header must be present


NUMBER = "案卷编号"
REPORTED = "上报时间"
SOURCE = "来源"
CLASS = "大类"
SUBCLASS = "小类"
ADDRESS = "地址"
LON = "经度"
LAT = "纬度"
COMMUNITY = "所属社区"
GRID = "所属网格"
DESCRIPTION = "问题描述"
STATE = "状态"
UNIT = "处置单位"
OPENED = "立案时间"
DISPATCHED = "派遣时间"
HANDLED = "处置时间"
CLOSED = "结案时间"

COLUMNS: tuple[Column, ...] = (
    Column(NUMBER, "number", True),
    Column(REPORTED, "reported_at", True),
    Column(SOURCE, "source", True),
    Column(CLASS, "category_id", True),
    Column(SUBCLASS, "category_id", True),
    Column(ADDRESS, "address", False),
    Column(LON, "lon", False),
    Column(LAT, "lat", False),
    Column(COMMUNITY, "community_id", False),
    Column(GRID, "grid_id", False),
    Column(DESCRIPTION, "description", True),
    Column(STATE, "state", True),
    Column(UNIT, "unit_id", False),
    Column(OPENED, "opened_at", False),
    Column(DISPATCHED, "dispatched_at", False),
    Column(HANDLED, "handled_at", False),
    Column(CLOSED, "closed_at", False),
)
HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS)
REQUIRED_HEADERS: tuple[str, ...] = tuple(c.header for c in COLUMNS if c.required)

CHECKED = "核查时间"
OVERDUE = "超期"
REWORK = "返工次数"
EXPORT_EXTRAS: tuple[str, ...] = (CHECKED, OVERDUE, REWORK)

# The stage times in the order a case passes them (上报 ≤ 立案 ≤ 派遣 ≤ 处置 ≤ 结案).
STAGE_TIMES: tuple[tuple[str, str], ...] = (
    (REPORTED, "reported_at"),
    (OPENED, "opened_at"),
    (DISPATCHED, "dispatched_at"),
    (HANDLED, "handled_at"),
    (CLOSED, "closed_at"),
)

MAX_NUMBER = 24
MAX_ADDRESS = 200
MAX_DESCRIPTION = 2000

# Labels written on export; imports accept these, the aliases and the codes.
SOURCE_LABELS: dict[str, str] = {
    "inspector": "监督员",
    "hotline": "12345热线",
    "phone": "电话",
    "video": "视频",
    "public": "群众",
    "leader": "领导交办",
    "media": "媒体",
    "other": "其他",
}
SOURCE_ALIASES: dict[str, str] = {"网格员": "inspector", "12345": "hotline", "热线": "hotline"}

STATE_LABELS: dict[str, str] = {
    "draft": "草稿",
    "reported": "已上报",
    "to_verify": "待核实",
    "to_open": "待立案",
    "not_opened": "不予立案",
    "opened": "已立案",
    "dispatched": "已派遣",
    "in_handling": "处置中",
    "shelved": "挂账",
    "to_check": "待核查",
    "to_close": "待结案",
    "closed": "已结案",
    "archived": "已归档",
    "merged": "已合并",
}

# State ↔ time consistency. A state needs the time of the last stage it has surely
# passed; states before opening have no later stage time, and only a finished case has
# a closing time. Rework and re-dispatch keep older times, so nothing stricter.
STATE_NEEDS: dict[str, str] = {
    "opened": OPENED,
    "dispatched": DISPATCHED,
    "in_handling": DISPATCHED,
    "shelved": DISPATCHED,
    "to_check": HANDLED,
    "to_close": HANDLED,
    "closed": CLOSED,
    "archived": CLOSED,
}
PRE_OPEN_STATES = frozenset({"draft", "reported", "to_verify", "to_open", "not_opened"})
MAY_HAVE_CLOSED = frozenset({"closed", "archived", "merged"})


def _lookup(labels: dict[str, str], aliases: dict[str, str]) -> dict[str, str]:
    table = {code: code for code in labels}
    table.update({label: code for code, label in labels.items()})
    table.update(aliases)
    return table


SOURCE_LOOKUP = _lookup(SOURCE_LABELS, SOURCE_ALIASES)
STATE_LOOKUP = _lookup(STATE_LABELS, {})


def source_code(text: str) -> str | None:
    return SOURCE_LOOKUP.get(text) or SOURCE_LOOKUP.get(text.lower())


def state_code(text: str) -> str | None:
    return STATE_LOOKUP.get(text) or STATE_LOOKUP.get(text.lower())
