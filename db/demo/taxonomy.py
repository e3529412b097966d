"""The two-level taxonomy of events (事件) and parts (部件), seeded as editable data.

Class and subclass names follow GB/T 30428.2 and the Beijing tables as described in
DOMAIN.md; deadlines are the defaults DOMAIN.md quotes, the rest are sensible guesses a
city would edit. category.code is unique across both trees while the standard numbers
both from 01, so part codes carry a "P" prefix (P0101) and event codes stay as printed
in the standard (0101).

The generator's own hints ride along: `weight` (how often grid workers report it),
`self_rate` (share fixed on the spot by the inspector), `big` (weight among the cases
escalated to the street) and description phrases.
"""

from __future__ import annotations

from dataclasses import dataclass

# code, kind, name_zh, name_en
CLASSES: tuple[tuple[str, str, str, str], ...] = (
    ("01", "event", "市容环境", "City appearance and environment"),
    ("02", "event", "宣传广告", "Advertising"),
    ("03", "event", "施工管理", "Construction management"),
    ("04", "event", "突发事件", "Emergencies"),
    ("05", "event", "街面秩序", "Street order"),
    ("P01", "part", "公用设施", "Public facilities"),
    ("P02", "part", "道路交通", "Roads and traffic"),
    ("P03", "part", "市容环境", "City appearance"),
    ("P04", "part", "园林绿化", "Greenery"),
    ("P05", "part", "房屋土地", "Housing and land"),
    ("P06", "part", "其他设施", "Other facilities"),
)


@dataclass(frozen=True)
class Subclass:
    code: str
    name_zh: str
    name_en: str
    deadline_kind: str
    deadline_amount: float
    unit_type: str
    weight: float
    self_rate: float = 0.0
    big: float = 0.0
    phrases: tuple[str, ...] = ()

    @property
    def parent_code(self) -> str:
        return self.code[:-2]

    @property
    def urgent(self) -> bool:
        return self.deadline_kind == "urgent_hours"


S = Subclass
# fmt: off
SUBCLASSES: tuple[Subclass, ...] = (
    # 01 市容环境
    S("0101", "违法建设", "Illegal construction", "working_days", 20, "enforcement", 1.2,
      big=9, phrases=("有新建违法建设，正在施工", "楼顶私搭乱建彩钢板房")),
    S("0102", "暴露垃圾", "Exposed garbage", "working_hours", 4, "sanitation", 14, 0.3,
      phrases=("有暴露垃圾未及时清运", "垃圾桶满溢，周边散落生活垃圾")),
    S("0103", "积存垃圾渣土", "Piled waste and muck", "working_hours", 8, "sanitation", 3, 0.05,
      big=2, phrases=("积存垃圾渣土未清理", "堆放装修垃圾多日")),
    S("0104", "道路不洁", "Dirty road", "working_hours", 2, "sanitation", 5, 0.2,
      phrases=("路面有油污和散落杂物", "便道不洁，落叶杂物堆积")),
    S("0105", "水域不洁", "Dirty water", "working_days", 2, "municipal", 0.4,
      phrases=("水面漂浮垃圾",)),
    S("0106", "绿地脏乱", "Dirty green space", "working_hours", 4, "greenery", 2, 0.3,
      phrases=("绿地内有垃圾杂物", "绿化带内散落塑料袋和饭盒")),
    S("0107", "露天焚烧", "Open burning", "urgent_hours", 2, "enforcement", 0.5, 0.4,
      phrases=("有人露天焚烧树叶垃圾",)),
    # 02 宣传广告
    S("0201", "非法小广告", "Illegal small ads", "working_hours", 4, "sanitation", 10, 0.6,
      phrases=("墙面、电线杆张贴小广告", "楼道内喷涂办证小广告")),
    S("0202", "违规户外广告", "Illegal outdoor advertising", "working_days", 5, "enforcement",
      1, big=3, phrases=("设置违规户外广告", "商户擅自设置落地广告牌")),
    S("0203", "违规牌匾标识", "Illegal signboard", "working_days", 5, "enforcement", 1.5,
      big=3, phrases=("商户牌匾破损有脱落隐患", "擅自设置违规牌匾")),
    S("0204", "占道条幅", "Banners over the road", "working_hours", 8, "enforcement", 0.8,
      0.3, phrases=("悬挂商业条幅",)),
    # 03 施工管理
    S("0301", "施工扰民", "Construction noise", "working_hours", 4, "enforcement", 1,
      big=2, phrases=("工地夜间施工噪音扰民", "施工未按规定时间作业")),
    S("0302", "施工渣土遗撒", "Construction muck spilled", "working_hours", 4, "enforcement",
      1.2, big=4, phrases=("渣土车遗撒，路面污染", "工地出入口泥土带出")),
    S("0303", "施工占道", "Construction occupying the road", "working_days", 2, "traffic",
      0.6, big=3, phrases=("施工围挡占用便道",)),
    S("0304", "道路违规挖掘", "Unauthorised road digging", "working_days", 3, "municipal",
      0.3, big=3, phrases=("擅自挖掘道路",)),
    # 04 突发事件
    S("0401", "路面塌陷", "Road collapse", "urgent_hours", 2, "municipal", 0.15, big=3,
      phrases=("路面出现塌陷坑",)),
    S("0402", "自来水管破裂", "Burst water main", "urgent_hours", 2, "municipal", 0.2, big=2,
      phrases=("自来水管破裂跑水",)),
    S("0403", "燃气泄漏", "Gas leak", "urgent_hours", 1, "safety", 0.08, big=2,
      phrases=("闻到燃气异味，疑似泄漏",)),
    S("0404", "下水道堵塞", "Blocked sewer", "working_hours", 4, "municipal", 0.8, big=2,
      phrases=("下水道堵塞，污水外溢",)),
    S("0405", "道路积水", "Waterlogging", "urgent_hours", 2, "municipal", 0.3,
      phrases=("雨后路面大面积积水",)),
    S("0406", "安全隐患", "Safety hazard", "urgent_hours", 4, "safety", 0.8, big=4,
      phrases=("楼道堆放杂物存在消防隐患", "电动自行车飞线充电")),
    # 05 街面秩序
    S("0501", "无照游商", "Unlicensed street vendors", "working_hours", 2, "enforcement", 13,
      0.3, phrases=("有无照游商占道经营", "流动商贩沿街叫卖")),
    S("0502", "店外经营", "Business spilling out of shops", "working_hours", 4, "enforcement",
      7, 0.3, big=2, phrases=("商户出店经营占用便道", "饭馆在店外摆放桌椅")),
    S("0503", "私装地锁", "Private parking lock", "working_days", 3, "enforcement", 5, 0.1,
      big=3, phrases=("公共车位私装地锁", "便道上私自安装地锁")),
    S("0504", "非法营运车辆", "Illegal vehicles", "working_hours", 4, "traffic", 6, 0.1,
      big=2, phrases=("黑车聚集揽客", "三轮车非法营运")),
    S("0505", "门前三包不落实", "Frontage duties neglected", "working_days", 1, "enforcement",
      11, 0.3, phrases=("商户门前三包责任不落实", "门前堆放杂物、卫生脏乱")),
    S("0506", "乱堆物料", "Goods piled in public space", "working_hours", 8, "enforcement", 6,
      0.2, phrases=("公共区域乱堆物料", "楼间空地堆放废旧家具")),
    S("0507", "共享单车乱停放", "Shared bikes parked badly", "working_hours", 4, "traffic", 4,
      0.5, phrases=("共享单车乱停放堵塞通道",)),
    S("0508", "露天烧烤", "Open-air barbecue", "working_hours", 2, "enforcement", 1.5, 0.3,
      phrases=("夜间露天烧烤，油烟扰民",)),
    S("0509", "占道废品收购", "Scrap trading on the road", "working_hours", 4, "enforcement",
      1.5, 0.2, phrases=("废品收购站占道经营",)),
    # P01 公用设施
    S("P0101", "上水井盖", "Water manhole cover", "urgent_hours", 2, "municipal", 0.8,
      phrases=("上水井盖破损", "上水井盖缺失")),
    S("P0102", "污水井盖", "Sewer manhole cover", "urgent_hours", 2, "municipal", 0.8,
      phrases=("污水井盖破损松动", "污水井盖缺失")),
    S("P0103", "雨水箅子", "Storm drain grate", "urgent_hours", 2, "municipal", 0.6,
      phrases=("雨水箅子破损",)),
    S("P0104", "路灯", "Street lamp", "working_days", 3, "municipal", 1.5, big=1,
      phrases=("路灯不亮", "路灯灯杆倾斜")),
    S("P0105", "消防栓", "Fire hydrant", "working_days", 2, "safety", 0.3,
      phrases=("消防栓漏水",)),
    # P02 道路交通
    S("P0201", "交通标志牌", "Traffic sign", "working_days", 3, "traffic", 0.5,
      phrases=("交通标志牌被遮挡",)),
    S("P0202", "护栏", "Guardrail", "working_days", 3, "traffic", 0.6, phrases=("护栏损坏",)),
    S("P0203", "公交站亭", "Bus shelter", "working_days", 5, "traffic", 0.3,
      phrases=("公交站亭玻璃破碎",)),
    S("P0204", "盲道", "Tactile paving", "working_days", 5, "municipal", 0.4,
      phrases=("盲道砖松动缺损",)),
    # P03 市容环境
    S("P0301", "公共厕所", "Public toilet", "working_hours", 8, "sanitation", 0.6,
      phrases=("公厕设施损坏",)),
    S("P0302", "果皮箱", "Litter bin", "working_hours", 8, "sanitation", 1, 0.1,
      phrases=("果皮箱破损",)),
    S("P0303", "垃圾分类桶站", "Waste sorting station", "working_hours", 8, "sanitation", 0.8,
      phrases=("垃圾分类桶站破损",)),
    # P04 园林绿化
    S("P0401", "行道树", "Street tree", "working_days", 5, "greenery", 1, big=1,
      phrases=("行道树枯死", "行道树歪倒")),
    S("P0402", "绿地", "Green space", "working_days", 5, "greenery", 0.8,
      phrases=("绿地缺株斑秃需补植",)),
    S("P0403", "花坛花箱", "Flower bed", "working_days", 5, "greenery", 0.4,
      phrases=("花箱破损",)),
    # P05 房屋土地
    S("P0501", "宣传栏", "Notice board", "working_days", 5, "housing", 0.4,
      phrases=("宣传栏破损",)),
    S("P0502", "房屋外立面", "Building facade", "working_days", 10, "housing", 0.3, big=1,
      phrases=("楼体外墙皮脱落",)),
    S("P0503", "人防工事", "Civil air-defence works", "working_days", 10, "housing", 0.1,
      phrases=("人防出入口被占用",)),
    # P06 其他设施
    S("P0601", "健身设施", "Fitness equipment", "working_days", 5, "housing", 0.6,
      phrases=("健身器材损坏",)),
    S("P0602", "充电桩", "Charging post", "working_days", 5, "municipal", 0.3,
      phrases=("充电桩损坏",)),
)
# fmt: on
del S

# Closing words appended to a generated description.
DESCRIPTION_TAILS = (
    "，请尽快处理。",
    "，影响居民出行。",
    "，居民反映较多。",
    "。",
    "，已拍照取证。",
)
