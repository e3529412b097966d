"""The duty leader's daily report (值班日报) of one local date."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import aliased

from console.models import Case, Community, DutyAssignment, DutyShift, HandoverLog, User
from console.services import enforcement_rollup
from console.services.kpi.labels import metric
from console.services.kpi.periods import Period
from console.services.report_data import case_rows
from console.services.report_data.context import BuildContext
from console.services.report_data.figures import Breakdown, Figures, breakdown
from console.services.report_data.labels import (
    day,
    enforcement_label,
    local_time,
    number,
    percent,
    shift_label,
    state_label,
    t,
)
from console.services.summary import database_summary
from reports.blocks import Heading, KeyValues, Para, Report, Table

COUNT_ROWS = (
    "reported",
    "accepted",
    "opened",
    "dispatched",
    "handled",
    "closed",
    "closed_on_time",
    "overdue_open",
    "self_handled",
    "resolved_in_community",
)
RATE_ROWS = ("close_rate", "on_time_close_rate", "community_resolution_rate")


def build(ctx: BuildContext, on: dt.date, community_id: int | None = None) -> Report:
    lang = ctx.language
    subtitle = day(on, lang)
    if community_id is not None:
        subtitle += " · " + (ctx.session.get(Community, community_id) or Community(name="")).name
    report = Report(ctx.meta(t("kind.daily", lang), subtitle))
    _duty(ctx, report, on)
    today = Period(on, on + dt.timedelta(days=1))
    year = Period(on.replace(month=1, day=1), today.end)
    as_of = ctx.as_of(today.end)
    figures = {
        name: {
            by: breakdown(
                ctx.session, period, by, as_of=as_of, language=lang, community_id=community_id
            )
            for by in ("source", "category_class", "community")
        }
        for name, period in (("today", today), ("ytd", year))
    }
    _cases(ctx, report, figures["today"], figures["ytd"])
    _lists(ctx, report, as_of, community_id, _as_of_now(ctx, on))
    _enforcement(ctx, report, today, year, community_id)
    _cameras(ctx, report, _as_of_now(ctx, on))
    _handover(ctx, report, on)
    return report


def _duty(ctx: BuildContext, report: Report, on: dt.date) -> None:
    lang = ctx.language
    report.add(Heading(t("duty", lang)))
    session = ctx.session
    leader = aliased(User)
    shifts = session.execute(
        select(DutyShift, leader.display_name)
        .outerjoin(leader, leader.id == DutyShift.leader_user_id)
        .where(DutyShift.on_date == on)
        .order_by(DutyShift.starts_at, DutyShift.id)
    ).all()
    staff: dict[int, list[str]] = {}
    for shift_id, name, post in session.execute(
        select(DutyAssignment.shift_id, User.display_name, DutyAssignment.post)
        .join(User, User.id == DutyAssignment.user_id)
        .where(DutyAssignment.shift_id.in_([s.id for s, _ in shifts]))
        .order_by(DutyAssignment.id)
    ):
        staff.setdefault(shift_id, []).append(f"{name}（{post}）" if post else name)
    rows = tuple(
        (
            shift_label(shift.kind, lang),
            f"{local_time(shift.starts_at, ctx.zone, '%H:%M')}–"
            f"{local_time(shift.ends_at, ctx.zone, '%H:%M')}",
            leader_name or "",
            "、".join(staff.get(shift.id, [])),
        )
        for shift, leader_name in shifts
    )
    report.add(
        Table(
            tuple(t(c, lang) for c in ("shift", "shift_time", "shift_leader", "staff")),
            rows,
            widths=(1, 1.2, 1.2, 4),
            numeric_from=99,
            empty_text=t("no_roster", lang),
        )
    )


def _value(figures: Figures, name: str) -> str:
    if name in figures.rates:
        return percent(figures.rates[name])
    return number(figures.counts[name])


def _cases(
    ctx: BuildContext, report: Report, today: dict[str, Breakdown], ytd: dict[str, Breakdown]
) -> None:
    lang = ctx.language
    report.add(Heading(t("cases", lang)), Para(t("cases_note", lang), muted=True))
    day_total, year_total = today["source"].total, ytd["source"].total
    rows = tuple(
        (metric(name, lang), _value(day_total, name), _value(year_total, name))
        for name in COUNT_ROWS + RATE_ROWS
    )
    header = (t("metric", lang), t("today", lang), t("ytd", lang))
    report.add(Table(header, rows, widths=(3, 1.5, 1.5)))
    if day_total.counts["reported"] == 0:
        report.add(Para(t("no_cases", lang)))
    for by, title in (
        ("source", "by_source"),
        ("category_class", "by_class"),
        ("community", "by_community"),
    ):
        report.add(Heading(t(title, lang), level=2), _split(ctx, today[by], ytd[by], by))


def _split(ctx: BuildContext, today: Breakdown, ytd: Breakdown, by: str) -> Table:
    """One row per group: reported / closed that day and in the year, and the rates."""
    lang = ctx.language
    rows = []
    for year_row in [*ytd.rows, ytd.total]:
        day_row = today.row(year_row.key) if year_row.key != "*" else today.total
        rows.append(
            (
                year_row.label,
                number(day_row.counts["reported"]) if day_row else "0",
                number(day_row.counts["closed"]) if day_row else "0",
                number(year_row.counts["reported"]),
                number(year_row.counts["closed"]),
                percent(year_row.rates["on_time_close_rate"]),
                percent(year_row.rates["community_resolution_rate"]),
            )
        )
    today_word, year_word = t("today", lang), t("ytd", lang)
    header = (
        t(
            "col.source"
            if by == "source"
            else "col.category"
            if by != "community"
            else "col.community",
            lang,
        ),
        f"{today_word}{metric('reported', lang)}",
        f"{today_word}{metric('closed', lang)}",
        f"{year_word}{metric('reported', lang)}",
        f"{year_word}{metric('closed', lang)}",
        metric("on_time_close_rate", lang),
        metric("community_resolution_rate", lang),
    )
    return Table(
        header,
        tuple(rows),
        widths=(2.6, 1, 1, 1, 1, 1.1, 1.1),
        total_row=True,
        empty_text=t("no_cases", lang),
    )


def _as_of_now(ctx: BuildContext, on: dt.date) -> Para:
    """The note on sections read as they stand now: no history is kept of them."""
    at = local_time(ctx.now, ctx.zone)
    if on < ctx.today:
        return Para(t("as_of_generated_past", ctx.language, at=at, day=day(on, ctx.language)))
    return Para(t("as_of_generated", ctx.language, at=at), muted=True)


def _lists(
    ctx: BuildContext, report: Report, as_of: dt.datetime, community: int | None, now_note: Para
) -> None:
    lang = ctx.language
    for title, empty, where in (
        ("overdue", "no_overdue", case_rows.overdue_now(as_of)),
        ("supervised", "no_supervised", case_rows.supervised_open()),
    ):
        if community is not None:
            where = where & (Case.community_id == community)
        rows, total = case_rows.listed(ctx.session, where, ctx.zone, lang)
        report.add(Heading(t(title, lang)))
        if title == "supervised":
            # Supervision flags carry no history: the list is today's, whatever the date.
            report.add(now_note)
        report.add(
            Table(
                case_rows.headers(lang),
                tuple(rows),
                widths=(1.9, 1.4, 1.7, 1.3, 0.9, 1.4, 1.6),
                numeric_from=99,
                empty_text=t(empty, lang),
            ),
        )
        if total > len(rows):
            report.add(Para(t("and_more", lang, count=total - len(rows)), muted=True))


def _enforcement(
    ctx: BuildContext, report: Report, today: Period, year: Period, community: int | None
) -> None:
    lang = ctx.language
    scope = enforcement_rollup.Scope(community_id=community)
    day_totals = enforcement_rollup.totals(today.start, today.end, session=ctx.session, scope=scope)
    year_totals = enforcement_rollup.totals(year.start, year.end, session=ctx.session, scope=scope)
    rows = tuple(
        (enforcement_label(kind, lang), number(day_totals[kind]), number(year_totals[kind]))
        for kind in day_totals
    )
    report.add(
        Heading(t("enforcement", lang)),
        Table((t("kind", lang), t("today", lang), t("ytd", lang)), rows, widths=(3, 1.5, 1.5)),
    )


def _cameras(ctx: BuildContext, report: Report, now_note: Para) -> None:
    lang = ctx.language
    summary = database_summary(ctx.session)
    report.add(
        Heading(t("cameras", lang)),
        now_note,  # camera states are kept as last seen, not day by day
        KeyValues(
            (
                (t("cameras_total", lang), number(summary.cameras)),
                (t("cameras_online", lang), number(summary.cameras_online)),
                (t("cameras_offline", lang), number(summary.cameras_offline)),
                (t("cameras_unknown", lang), number(summary.cameras_unknown)),
            ),
            columns=4,
        ),
    )


def _handover(ctx: BuildContext, report: Report, on: dt.date) -> None:
    lang = ctx.language
    report.add(Heading(t("handover", lang)))
    writer, accepter = aliased(User), aliased(User)
    rows = ctx.session.execute(
        select(HandoverLog, DutyShift.kind, writer.display_name, accepter.display_name)
        .join(DutyShift, DutyShift.id == HandoverLog.from_shift_id)
        .outerjoin(writer, writer.id == HandoverLog.written_by)
        .outerjoin(accepter, accepter.id == HandoverLog.accepted_by)
        .where(DutyShift.on_date == on)
        .order_by(HandoverLog.written_at, HandoverLog.id)
    ).all()
    if not rows:
        report.add(Para(t("no_handover", lang), muted=True))
    for log, kind, written_by, accepted_by in rows:
        head = t(
            "handover_from",
            lang,
            shift=shift_label(kind, lang),
            leader=written_by or "",
            at=local_time(log.written_at, ctx.zone),
        )
        accepted = (
            t(
                "handover_accepted",
                lang,
                by=accepted_by or "",
                at=local_time(log.accepted_at, ctx.zone),
            )
            if log.accepted_at is not None
            else t("handover_pending", lang)
        )
        report.add(Heading(f"{head}；{accepted}", level=2), Para(log.summary))
        items = [_item(item, lang) for item in log.open_items or []]
        if items:
            report.add(Para(t("open_items", lang, items="；".join(items)), muted=True))


def _item(item: object, lang: str) -> str:
    """An open item carried over (console.services.handover's shapes): a case number and
    its state, a difficult problem and its deadline, or a free note."""
    if not isinstance(item, dict):
        return str(item)
    kind = item.get("kind", "case" if "number" in item else "note")
    if kind == "difficulty":
        return t(
            "open_difficulty",
            lang,
            title=str(item.get("title", "")),
            deadline=str(item.get("deadline", "")),
        )
    if kind == "note":
        return str(item.get("text", ""))
    number, state = str(item.get("number", "")), item.get("state")
    return f"{number}（{state_label(str(state), lang)}）" if state else number
