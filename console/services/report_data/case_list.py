"""The case list (案件清单): every case reported in a period, one line each."""

from __future__ import annotations

import datetime as dt

from console.models import Community
from console.services.kpi.periods import Period
from console.services.report_data import case_rows
from console.services.report_data.context import BuildContext
from console.services.report_data.labels import span, t
from reports.blocks import Para, Report, Table


def build(
    ctx: BuildContext, start: dt.date, end: dt.date, community_id: int | None = None
) -> Report:
    lang = ctx.language
    period = Period(start, end)
    subtitle = span(period.start, period.last, lang)
    if community_id is not None:
        community = ctx.session.get(Community, community_id)
        subtitle += " · " + (community.name if community is not None else str(community_id))
    report = Report(ctx.meta(t("kind.list", lang), subtitle))
    lower, upper = period.utc_bounds(ctx.zone)
    rows = tuple(
        case_rows.period_rows(ctx.session, lower, upper, ctx.zone, lang, community_id=community_id)
    )
    report.add(
        Para(t("list_count", lang, count=f"{len(rows):,}")),
        Table(
            case_rows.headers(lang, long=True),
            rows,
            widths=(1.75, 1.6, 0.7, 1.5, 1.1, 0.7, 1.5, 2.7),
            numeric_from=99,
            empty_text=t("no_cases", lang),
            wrap=False,
        ),
    )
    return report
