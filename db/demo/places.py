"""The demo street: names, codes, communities, roads and the units that handle cases.

Modelled on the practice the console is built for (Bajiao street, Shijingshan district,
Beijing). Community and road names are in the style of the area, not the official
list. The street code is the GB/T 2260 district code plus Bajiao's 3-digit number in
the statistical division codes (003, after the order 八宝山, 老山, 八角; unverified). The
street measures about 6.3 km² with about 116,000 residents (2010 census).
"""

from __future__ import annotations

DISTRICT_CODE = "110107"  # 石景山区 (GB/T 2260)
DISTRICT_NAME = "北京市石景山区"
STREET_CODE = DISTRICT_CODE + "003"
STREET_NAME = "八角街道"
STREET_SHORT = "八角"
CENTER_NAME = "八角街道综合执法指挥中心"
CENTER_LON = 116.205
CENTER_LAT = 39.907
TIME_ZONE = "Asia/Shanghai"

# name, roads used in addresses (the first is the community's main road).
COMMUNITIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("八角北路社区", ("八角北路", "古城大街", "八角北里")),
    ("八角北里社区", ("八角北里", "杨庄路", "八角西街")),
    ("杨庄中区社区", ("杨庄路", "杨庄中区", "古城大街")),
    ("景阳东街社区", ("景阳东街", "八角西街", "石景山路")),
    ("八角中里社区", ("八角中里", "八角东街", "石景山路")),
    ("八角南路社区", ("八角南路", "八角东街", "鲁谷路")),
    ("八角南里社区", ("八角南里", "八角西街", "政达路")),
    ("黄南苑社区", ("黄南苑", "政达路", "鲁谷路")),
    ("公园北社区", ("游乐园北路", "八角东街", "政达路")),
    ("时代花园社区", ("时代花园南路", "鲁谷路", "八角南路")),
)

# code, name, unit_type: street-level departments (community committees are added per
# community with unit_type "community").
STREET_UNITS: tuple[tuple[str, str, str], ...] = (
    ("JD01", "八角街道城管执法队", "enforcement"),
    ("JD02", "八角街道环卫所", "sanitation"),
    ("JD03", "八角街道市政管理所", "municipal"),
    ("JD04", "八角街道园林绿化所", "greenery"),
    ("JD05", "八角街道交通管理科", "traffic"),
    ("JD06", "八角街道房管所", "housing"),
    ("JD07", "八角街道安全生产科", "safety"),
    ("JD08", "八角市场监管所", "market"),
)

# Enforcement teams and the shifts they work (错时上岗 covers the evening).
TEAM_SHIFTS: tuple[tuple[str, str], ...] = (
    ("执法一中队", "day"),
    ("执法二中队", "day"),
    ("执法二中队", "staggered"),
    ("错时执法组", "staggered"),
    ("错时执法组", "evening"),
)

# Camera placements: name pattern and the group it belongs to (source: old residential
# compounds, key areas and roads).
CAMERA_SPOTS: tuple[tuple[str, str], ...] = (
    ("{road}与{cross}交叉口", "主要道路"),
    ("{road}{number}号路口", "主要道路"),
    ("{road}公交站", "主要道路"),
    ("{area}小区东门", "老旧小区"),
    ("{area}小区西门", "老旧小区"),
    ("{area}小区南门", "老旧小区"),
    ("{area}{number}号楼", "老旧小区"),
    ("{road}便民市场", "重点区域"),
    ("{road}小学门口", "重点区域"),
    ("{area}商业街", "重点区域"),
    ("{road}地铁站出口", "重点区域"),
)

ADDRESS_SPOTS = ("附近", "东侧", "西侧", "南侧", "北侧", "门前", "楼下", "对面")
