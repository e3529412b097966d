"""Weekly and monthly bulletins (通报): communities and units ranked, 同比 and 环比, charts."""

from __future__ import annotations

import datetime as dt

from console.models import Community
from console.services import enforcement_rollup
from console.services.kpi.labels import metric
from console.services.kpi.periods import Period, preceding, year_earlier
from console.services.report_data.context import BuildContext, target
from console.services.report_data.figures import Breakdown, Figures, breakdown, daily_series
from console.services.report_data.labels import (
    change,
    enforcement_label,
    number,
    percent,
    span,
    t,
)
from reports.blocks import Chart, Heading, Para, Report, Series, Table

OVERVIEW = (
    "reported",
    "opened",
    "dispatched",
    "handled",
    "closed",
    "closed_on_time",
    "overdue_open",
    "self_handled",
    "resolved_in_community",
)
OVERVIEW_RATES = ("handle_rate", "close_rate", "on_time_close_rate", "community_resolution_rate")
TOP_CATEGORIES = 10


def _change(now: int, before: int) -> str:
    return change(None if before == 0 else round((now - before) / before, 4))


def build(
    ctx: BuildContext, kind: str, start: dt.date, end: dt.date, community_id: int | None
) -> Report:
    lang, session = ctx.language, ctx.session
    period = Period(start, end)
    yoy, pop = year_earlier(period), preceding(period)
    subtitle = span(period.start, period.last, lang)
    if community_id is not None:
        community = session.get(Community, community_id)
        subtitle += " · " + (community.name if community is not None else str(community_id))
    report = Report(ctx.meta(t(f"kind.{kind}", lang), subtitle))
    as_of = ctx.as_of(end)

    def figures(which: Period, by: str) -> Breakdown:
        return breakdown(session, which, by, as_of=as_of, language=lang, community_id=community_id)

    current = {by: figures(period, by) for by in ("community", "unit", "category")}
    total = current["community"].total
    earlier_total = {"yoy": figures(yoy, "street").total, "pop": figures(pop, "street").total}
    _overview(ctx, report, period, total, earlier_total, yoy, pop)
    if total.counts["reported"] == 0:
        report.add(Para(t("no_cases", lang)))
    _daily_chart(ctx, report, period, pop, as_of, community_id)
    _communities(
        ctx, report, current["community"], figures(yoy, "community"), figures(pop, "community")
    )
    _units(ctx, report, current["unit"])
    _categories(ctx, report, current["category"])
    _enforcement(ctx, report, period, pop, community_id)
    return report


def _overview(
    ctx: BuildContext,
    report: Report,
    period: Period,
    total: Figures,
    earlier: dict[str, Figures],
    yoy: Period,
    pop: Period,
) -> None:
    lang = ctx.language
    report.add(Heading(t("overview", lang)))
    rows = []
    for name in OVERVIEW:
        now = total.counts[name]
        before_y, before_p = earlier["yoy"].counts[name], earlier["pop"].counts[name]
        rows.append(
            (
                metric(name, lang),
                number(now),
                number(before_y),
                _change(now, before_y),
                number(before_p),
                _change(now, before_p),
            )
        )
    for name in OVERVIEW_RATES:
        rows.append(
            (
                metric(name, lang),
                percent(total.rates[name]),
                percent(earlier["yoy"].rates[name]),
                "",
                percent(earlier["pop"].rates[name]),
                "",
            )
        )
    header = (
        t("metric", lang),
        t("current", lang),
        f"{t('yoy_value', lang)} {span(yoy.start, yoy.last, lang)}",
        t("yoy", lang),
        f"{t('pop_value', lang)} {span(pop.start, pop.last, lang)}",
        t("pop", lang),
    )
    report.add(Table(header, tuple(rows), widths=(2.2, 1, 1.7, 1, 1.7, 1)))


def _daily_chart(
    ctx: BuildContext,
    report: Report,
    period: Period,
    pop: Period,
    as_of: dt.datetime,
    community_id: int | None,
) -> None:
    lang = ctx.language
    now = daily_series(ctx.session, period, as_of=as_of, community_id=community_id)
    before = daily_series(ctx.session, pop, as_of=as_of, community_id=community_id)
    values = tuple(float(f.counts["reported"]) for _, f in now)
    earlier = tuple(float(f.counts["reported"]) for _, f in before)[: len(values)]
    earlier += (0.0,) * (len(values) - len(earlier))
    report.add(
        Chart(
            "bar",
            t("chart.daily", lang),
            tuple(d.strftime("%m-%d") for d, _ in now),
            (Series(t("current", lang), values), Series(t("pop_value", lang), earlier)),
            empty_text=t("no_cases", lang),
        )
    )


def _community_key(row: Figures) -> tuple[float, float, str]:
    return (
        -(row.rates["community_resolution_rate"] or 0.0),
        -(row.rates["on_time_close_rate"] or 0.0),
        row.label,
    )


def _communities(
    ctx: BuildContext, report: Report, now: Breakdown, year_before: Breakdown, before: Breakdown
) -> None:
    lang = ctx.language
    report.add(Heading(t("community_rank", lang)), Para(t("community_rank_note", lang), muted=True))
    ranked = sorted(now.rows, key=_community_key)
    rows = []
    for rank, row in enumerate(ranked, 1):
        earlier, a_year = before.row(row.key), year_before.row(row.key)
        reported = row.counts["reported"]
        rows.append(
            (
                str(rank),
                row.label,
                number(reported),
                _change(reported, a_year.counts["reported"] if a_year else 0),
                _change(reported, earlier.counts["reported"] if earlier else 0),
                number(row.counts["closed"]),
                percent(row.rates["on_time_close_rate"]),
                percent(row.rates["community_resolution_rate"]),
            )
        )
    header = (
        t("rank", lang),
        t("col.community", lang),
        metric("reported", lang),
        t("yoy", lang),
        t("pop", lang),
        metric("closed", lang),
        metric("on_time_close_rate", lang),
        metric("community_resolution_rate", lang),
    )
    report.add(
        Table(
            header,
            tuple(rows),
            widths=(0.6, 2.2, 1, 1, 1, 1, 1.2, 1.2),
            numeric_from=2,
            empty_text=t("no_cases", lang),
        )
    )
    goal = target(ctx.session, "on_time_close_rate")
    report.add(
        Chart(
            "bar",
            t("chart.community_rates", lang),
            tuple(r.label for r in ranked),
            (
                Series(
                    metric("on_time_close_rate", lang),
                    tuple(r.rates["on_time_close_rate"] or 0.0 for r in ranked),
                ),
            ),
            percent=True,
            target=goal,
            target_label=t("target", lang, value=percent(goal)),
            empty_text=t("no_cases", lang),
        )
    )


def _units(ctx: BuildContext, report: Report, units: Breakdown) -> None:
    lang = ctx.language
    dispatched = [r for r in units.rows if r.counts["dispatched"] > 0]
    ranked = sorted(dispatched, key=lambda r: (-(r.rates["on_time_handle_rate"] or 0.0), r.label))
    rows = tuple(
        (
            str(rank),
            r.label,
            number(r.counts["dispatched"]),
            number(r.counts["handled"]),
            percent(r.rates["on_time_handle_rate"]),
            percent(r.rates["close_rate"]),
            percent(r.rates["rework_rate"]),
        )
        for rank, r in enumerate(ranked, 1)
    )
    header = (
        t("rank", lang),
        t("col.unit", lang),
        metric("dispatched", lang),
        metric("handled", lang),
        metric("on_time_handle_rate", lang),
        metric("close_rate", lang),
        metric("rework_rate", lang),
    )
    report.add(
        Heading(t("unit_rank", lang)),
        Para(t("unit_rank_note", lang), muted=True),
        Table(
            header,
            rows,
            widths=(0.6, 2.6, 1, 1, 1.2, 1, 1),
            numeric_from=2,
            empty_text=t("no_cases", lang),
        ),
    )


def _categories(ctx: BuildContext, report: Report, categories: Breakdown) -> None:
    lang = ctx.language
    top = categories.rows[:TOP_CATEGORIES]
    rows = tuple(
        (
            str(rank),
            r.label,
            number(r.counts["reported"]),
            number(r.counts["closed"]),
            percent(r.rates["on_time_close_rate"]),
        )
        for rank, r in enumerate(top, 1)
    )
    header = (
        t("rank", lang),
        t("col.category", lang),
        metric("reported", lang),
        metric("closed", lang),
        metric("on_time_close_rate", lang),
    )
    report.add(
        Heading(t("category_top", lang)),
        Table(
            header, rows, widths=(0.6, 3, 1, 1, 1.2), numeric_from=2, empty_text=t("no_cases", lang)
        ),
        Chart(
            "bar",
            t("chart.categories", lang),
            tuple(r.label for r in top),
            (Series(metric("reported", lang), tuple(float(r.counts["reported"]) for r in top)),),
            empty_text=t("no_cases", lang),
        ),
    )


def _enforcement(
    ctx: BuildContext, report: Report, period: Period, pop: Period, community_id: int | None
) -> None:
    lang = ctx.language
    scope = enforcement_rollup.Scope(community_id=community_id)
    now = enforcement_rollup.totals(period.start, period.end, session=ctx.session, scope=scope)
    before = enforcement_rollup.totals(pop.start, pop.end, session=ctx.session, scope=scope)
    rows = tuple(
        (
            enforcement_label(kind, lang),
            number(now[kind]),
            number(before[kind]),
            _change(int(now[kind] * 100), int(before[kind] * 100)),
        )
        for kind in now
    )
    header = (t("kind", lang), t("current", lang), t("pop_value", lang), t("pop", lang))
    counted = [k for k in now if k not in ("turnout", "demolition")]
    report.add(
        Heading(t("enforcement_period", lang)),
        Table(header, rows, widths=(3, 1.2, 1.2, 1.2)),
        Chart(
            "bar",
            t("chart.enforcement", lang),
            tuple(enforcement_label(k, lang) for k in counted),
            (
                Series(t("current", lang), tuple(float(now[k]) for k in counted)),
                Series(t("pop_value", lang), tuple(float(before[k]) for k in counted)),
            ),
            empty_text=t("none", lang),
        ),
    )
