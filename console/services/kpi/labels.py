"""Chinese and English names of the KPI figures, groupings and errors (messages catalogue)."""

from __future__ import annotations

from console.messages import register, render

METRICS: dict[str, tuple[str, str]] = {
    "reported": ("上报数", "Reported"),
    "accepted": ("受理数", "Accepted"),
    "opened": ("立案数", "Opened"),
    "opened_on_time": ("按时立案数", "Opened on time"),
    "dispatched": ("派遣数", "Dispatched"),
    "returns": ("退回次数", "Returns"),
    "dispatches": ("派遣次数", "Dispatches"),
    "handled": ("处置数", "Handled"),
    "handled_on_time": ("按期处置数", "Handled on time"),
    "handled_late": ("超期处置数", "Handled late"),
    "overdue_open": ("超期未处置数", "Overdue, unhandled"),
    "shelved": ("挂账数", "Shelved"),
    "due_to_close": ("应结案数", "Due to close"),
    "closed": ("结案数", "Closed"),
    "closed_on_time": ("按期结案数", "Closed on time"),
    "reworked": ("返工数", "Reworked"),
    "extended": ("延期数", "Extended"),
    "self_handled": ("自行处置数", "Self-handled"),
    "resolved_in_community": ("社区自处置数", "Resolved in community"),
    "hotline_reported": ("12345上报数", "Hotline reported"),
    "hotline_responded": ("12345响应数", "Hotline responded"),
    "hotline_resolved": ("12345解决数", "Hotline resolved"),
    "hotline_callbacks": ("12345回访数", "Hotline callbacks"),
    "hotline_satisfied": ("12345满意数", "Hotline satisfied"),
    "on_time_open_rate": ("按时立案率", "On-time opening rate"),
    "accurate_dispatch_rate": ("准确派遣率", "Accurate dispatch rate"),
    "handle_rate": ("处置率", "Handling rate"),
    "on_time_handle_rate": ("按期处置率", "On-time handling rate"),
    "close_rate": ("结案率", "Closure rate"),
    "on_time_close_rate": ("按期结案率", "On-time closure rate"),
    "rework_rate": ("返工率", "Rework rate"),
    "extension_rate": ("延期率", "Extension rate"),
    "community_resolution_rate": ("社区自处置率", "Community self-resolution rate"),
    "hotline_response_rate": ("12345响应率", "Hotline response rate"),
    "hotline_resolution_rate": ("12345解决率", "Hotline resolution rate"),
    "hotline_satisfaction_rate": ("12345满意率", "Hotline satisfaction rate"),
    "avg_intake_minutes": ("平均受理时长（分钟）", "Avg. intake (min)"),
    "avg_handle_hours": ("平均处置时长（小时）", "Avg. handling (h)"),
}

GROUPS: dict[str, tuple[str, str]] = {
    "street": ("街道", "Street"),
    "community": ("社区", "Community"),
    "grid": ("网格", "Grid"),
    "unit": ("责任单位", "Unit"),
    "category": ("小类", "Subclass"),
    "category_class": ("大类", "Class"),
    "person": ("人员", "Person"),
}

register(
    {f"kpi.metric.{name}": texts for name, texts in METRICS.items()}
    | {f"kpi.group.{name}": texts for name, texts in GROUPS.items()}
    | {
        "kpi.none.community": ("（无社区）", "(no community)"),
        "kpi.none.grid": ("（无网格）", "(no grid)"),
        "kpi.none.unit": ("未派遣", "Not dispatched"),
        "kpi.none.category": ("（无类别）", "(no category)"),
        "kpi.none.person": ("（群众及其他来源）", "(public and other sources)"),
        "kpi.total": ("合计", "Total"),
        "kpi.key": ("编码", "Code"),
        "kpi.yoy": ("同比", "YoY"),
        "kpi.pop": ("环比", "PoP"),
        "kpi.yoy_value": ("去年同期", "year earlier"),
        "kpi.pop_value": ("上期", "previous period"),
        "kpi.change_header": ("{metric}{which}", "{metric} {which}"),
        "kpi.value_header": ("{metric}（{which}）", "{metric} ({which})"),
        "kpi.span": ("{start} 至 {last}", "{start} to {last}"),
        "kpi.heading": (
            "统计期间 {period}（{timezone}）{working}",
            "Period {period} ({timezone}){working}",
        ),
        "kpi.heading_compare": ("同比期间 {yoy}；环比期间 {pop}", "YoY {yoy}; PoP {pop}"),
        "kpi.working_only": ("，仅工作日", ", working days only"),
        "kpi.unknown_grouping": (
            "未知的统计维度：{by}（可选：{choices}）",
            "Unknown grouping: {by} (choose from: {choices})",
        ),
        "kpi.bad_range": (
            "起始日期 {start} 晚于结束日期 {last}",
            "The start date {start} is after the end date {last}",
        ),
        "kpi.bad_date": (
            "日期格式不正确：{value}（应为 YYYY-MM-DD，例如 2024-01-31）",
            "Not a valid date: {value} (use YYYY-MM-DD, e.g. 2024-01-31)",
        ),
        "kpi.bad_timezone": (
            "系统设置中的时区无效：{zone}",
            "The time zone in the center settings is not valid: {zone}",
        ),
    }
)


def metric(name: str, language: str) -> str:
    return render(f"kpi.metric.{name}", language)


def group(name: str, language: str) -> str:
    return render(f"kpi.group.{name}", language)
