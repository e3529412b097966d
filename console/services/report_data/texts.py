"""Texts printed in the reports, Chinese and English (console.messages codes rpt.*)."""

from __future__ import annotations

from console.messages import register

_TEXTS: dict[str, tuple[str, str]] = {
    "span": ("{start} 至 {last}", "{start} to {last}"),
    "none": ("无", "None"),
    "no_cases": ("本期间无案件。", "No cases in this period."),
    "and_more": ("……另有 {count} 件未列出", "… and {count} more not listed"),
    # Kinds of report.
    "kind.daily": ("值班日报", "Daily duty report"),
    "kind.weekly": ("周通报", "Weekly bulletin"),
    "kind.monthly": ("月通报", "Monthly bulletin"),
    "kind.campaign": ("专项整治报告", "Campaign report"),
    "kind.case": ("案卷", "Case sheet"),
    "kind.list": ("案件清单", "Case list"),
    # Daily report.
    "duty": ("一、值班情况", "1. Duty"),
    "shift": ("班次", "Shift"),
    "shift_time": ("时间", "Time"),
    "shift_leader": ("带班领导", "Leader"),
    "staff": ("值班人员", "Staff"),
    "no_roster": ("当日无排班记录。", "No shifts on the roster for this day."),
    "cases": ("二、案件情况", "2. Cases"),
    "cases_note": (
        "按上报日期统计：当日栏为当日上报的案件，年累计栏为本年1月1日至当日上报的案件，"
        "各项为其目前状态（与综合评价口径一致）。",
        "Counted by the day reported: 'Day' is the cases reported that day, 'Year to date' "
        "those reported from 1 January to that day, each as it stands now (the KPI "
        "definitions).",
    ),
    "metric": ("指标", "Figure"),
    "today": ("当日", "Day"),
    "ytd": ("年累计", "Year to date"),
    "by_source": ("按来源", "By source"),
    "by_class": ("按类别（大类）", "By category (class)"),
    "by_community": ("按社区", "By community"),
    "overdue": ("三、超期未处置案件", "3. Overdue cases, not yet handled"),
    "supervised": ("四、督办案件", "4. Supervised cases"),
    "no_overdue": ("无超期未处置案件。", "No overdue cases."),
    "no_supervised": ("无在办督办案件。", "No supervised cases open."),
    "as_of_generated": (
        "截至本报告生成时（{at}）的情况。",
        "As of {at}, when this report was generated.",
    ),
    "as_of_generated_past": (
        "注意：本节为本报告生成时（{at}）的情况，不是{day}当日的情况。",
        "Note: this section is as of {at}, when this report was generated, not as of {day}.",
    ),
    "col.number": ("案卷编号", "Case"),
    "col.reported": ("上报时间", "Reported"),
    "col.category": ("类别", "Category"),
    "col.community": ("社区", "Community"),
    "col.state": ("状态", "State"),
    "col.due": ("处置时限", "Due"),
    "col.unit": ("处置单位", "Unit"),
    "col.address": ("地址", "Address"),
    "col.description": ("问题描述", "Description"),
    "col.source": ("来源", "Source"),
    "enforcement": ("五、执法工作", "5. Enforcement"),
    "cameras": ("六、视频监控", "6. Cameras"),
    "cameras_online": ("在线", "Online"),
    "cameras_offline": ("离线", "Offline"),
    "cameras_unknown": ("未检测", "Not checked"),
    "cameras_total": ("总数", "Total"),
    "handover": ("七、交接班", "7. Handover"),
    "no_handover": ("当日无交接班记录。", "No handover written this day."),
    "handover_from": ("{shift}（{leader}）{at} 交班", "{shift} ({leader}) handed over at {at}"),
    "handover_accepted": ("{by} 于 {at} 接班", "accepted by {by} at {at}"),
    "handover_pending": ("尚未接班", "not yet accepted"),
    "open_items": ("移交事项：{items}", "Carried over: {items}"),
    "open_difficulty": (
        "难点：{title}（期限 {deadline}）",
        "Difficult problem: {title} (due {deadline})",
    ),
    # Bulletins.
    "overview": ("一、总体情况", "1. Overview"),
    "current": ("本期", "This period"),
    "yoy_value": ("去年同期", "Year earlier"),
    "yoy": ("同比", "YoY"),
    "pop_value": ("上期", "Previous period"),
    "pop": ("环比", "PoP"),
    "community_rank": ("二、社区排名", "2. Communities ranked"),
    "unit_rank": ("三、责任单位排名", "3. Units ranked"),
    "category_top": ("四、高发问题", "4. Most reported problems"),
    "enforcement_period": ("五、执法工作", "5. Enforcement"),
    "rank": ("排名", "Rank"),
    "community_rank_note": (
        "按社区自处置率排序，其次按按期结案率。",
        "By community self-resolution, then on-time closure.",
    ),
    "unit_rank_note": ("按按期处置率排序。", "By on-time handling rate."),
    "chart.daily": ("每日上报案件", "Cases reported per day"),
    "chart.community_rates": ("各社区按期结案率", "On-time closure by community"),
    "chart.categories": ("高发问题（上报数）", "Most reported problems"),
    "chart.enforcement": ("执法工作（本期与上期）", "Enforcement (this and previous period)"),
    "target": ("目标 {value}", "Target {value}"),
    "kind": ("项目", "Kind"),
    # Campaigns.
    "campaign_info": ("一、基本情况", "1. The campaign"),
    "campaign_name": ("名称", "Name"),
    "campaign_dates": ("期间", "Dates"),
    "campaign_status": ("状态", "Status"),
    "campaign_target": ("目标数", "Target"),
    "campaign_items": ("点位数", "Items"),
    "campaign_cleared": ("已清除", "Cleared"),
    "campaign_rebounds": ("反弹", "Rebounds"),
    "by_step": ("二、各步骤进度", "2. Progress per step"),
    "by_step_community": ("三、各社区进度", "3. Progress per community"),
    "rebounds": ("四、反弹点位", "4. Rebounds"),
    "no_rebounds": ("零反弹。", "No rebounds."),
    "step": ("步骤", "Step"),
    "items_at": ("处于该步骤", "At this step"),
    "reached": ("已完成该步骤", "Reached"),
    "chart.steps": ("各步骤点位数", "Items per step"),
    "open_end": ("至今", "ongoing"),
    # Case sheet.
    "case_fields": ("一、基本信息", "1. The case"),
    "photos": ("二、照片", "2. Photos"),
    "no_photos": ("无照片。", "No photos."),
    "timeline": ("三、办理过程", "3. Timeline"),
    "f.urgency": ("紧急程度", "Urgency"),
    "f.reporter": ("上报人", "Reporter"),
    "f.grid": ("网格", "Grid"),
    "f.opened": ("立案时间", "Opened"),
    "f.dispatched": ("派遣时间", "Dispatched"),
    "f.handled": ("处置时间", "Handled"),
    "f.closed": ("结案时间", "Closed"),
    "f.flags": ("标记", "Flags"),
    "flag.supervised": ("督办", "supervised"),
    "flag.escalated": ("已上提街道", "escalated to the street"),
    "flag.self_handled": ("自行处置", "self-handled"),
    "flag.rework": ("返工 {n} 次", "reworked {n}×"),
    "flag.extension": ("延期 {n} 次", "extended {n}×"),
    "col.at": ("时间", "Time"),
    "col.who": ("办理人", "By"),
    "col.action": ("环节", "Step"),
    "col.note": ("意见", "Note"),
    # Case list.
    "list_count": ("共 {count} 件", "{count} cases"),
}

ENFORCEMENT = {
    "turnout": ("执法出动（人次）", "Turnout (person-times)"),
    "ban": ("取缔无照经营", "Unlicensed businesses banned"),
    "seizure": ("暂扣违法车辆", "Vehicles seized"),
    "frontage": ("门前三包整改", "Frontage corrections"),
    "signboard": ("拆除违规牌匾", "Signboards removed"),
    "demolition": ("拆除违法建设（m²）", "Illegal construction demolished (m²)"),
    "hazard": ("排查安全隐患", "Safety hazards checked"),
    "small_ad": ("清理小广告", "Small ads cleared"),
}
SHIFTS = {
    "day": ("白班", "Day"),
    "staggered": ("错时班", "Staggered"),
    "evening": ("晚班", "Evening"),
    "night": ("夜班", "Night"),
    "weekend": ("周末班", "Weekend"),
}

CODES: set[str] = set(_TEXTS) | {f"enf.{k}" for k in ENFORCEMENT} | {f"shift.{k}" for k in SHIFTS}
register(
    {f"rpt.{k}": v for k, v in _TEXTS.items()}
    | {f"rpt.enf.{k}": v for k, v in ENFORCEMENT.items()}
    | {f"rpt.shift.{k}": v for k, v in SHIFTS.items()}
)
