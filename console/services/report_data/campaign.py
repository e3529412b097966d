"""The campaign report (专项整治): progress per step and per community, and rebounds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from console.errors import InputError
from console.messages import register
from console.models import Campaign, CampaignItem, CampaignStep, Case, Community
from console.services.report_data.context import BuildContext
from console.services.report_data.labels import day, local_time, number, percent, t
from reports.blocks import Chart, Heading, KeyValues, Para, Report, Series, Table

Steps = Sequence[Any]  # (ordinal, name) rows

register({"report.no_campaign": ("没有编号为 {id} 的专项整治", "There is no campaign {id}")})


def build(ctx: BuildContext, campaign_id: int) -> Report:
    lang, session = ctx.language, ctx.session
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise InputError("report.no_campaign", id=campaign_id)
    report = Report(ctx.meta(t("kind.campaign", lang), campaign.name))
    steps = session.execute(
        select(CampaignStep.ordinal, CampaignStep.name)
        .where(CampaignStep.campaign_id == campaign_id)
        .order_by(CampaignStep.ordinal)
    ).all()
    item = CampaignItem
    per_step = dict(
        session.execute(
            select(item.step_ordinal, func.count())
            .where(item.campaign_id == campaign_id)
            .group_by(item.step_ordinal)
        ).all()
    )
    items = sum(per_step.values())
    cleared = int(
        session.scalar(
            select(func.count()).where(
                item.campaign_id == campaign_id, item.cleared_at.is_not(None)
            )
        )
        or 0
    )
    rebounds = session.execute(
        select(item.address, item.description, Community.name, Case.number, Case.reported_at)
        .join(Case, Case.id == item.rebound_case_id)
        .outerjoin(Community, Community.id == item.community_id)
        .where(item.campaign_id == campaign_id)
        .order_by(Case.reported_at)
    ).all()
    last = day(campaign.ends_on, lang) if campaign.ends_on else t("open_end", lang)
    report.add(
        Heading(t("campaign_info", lang)),
        KeyValues(
            (
                (t("campaign_name", lang), campaign.name),
                (t("campaign_dates", lang), f"{day(campaign.starts_on, lang)} – {last}"),
                (t("campaign_status", lang), campaign.status),
                (t("campaign_target", lang), number(campaign.target_count)),
                (t("campaign_items", lang), number(items)),
                (t("campaign_cleared", lang), number(cleared)),
                (t("campaign_rebounds", lang), number(len(rebounds))),
            )
        ),
    )
    if campaign.note:
        report.add(Para(campaign.note, muted=True))
    _steps(ctx, report, steps, per_step, items)
    _communities(ctx, report, campaign_id, steps)
    report.add(Heading(t("rebounds", lang)))
    report.add(
        Table(
            (
                t("col.number", lang),
                t("col.reported", lang),
                t("col.community", lang),
                t("col.address", lang),
            ),
            tuple(
                (n, local_time(at, ctx.zone), c or "", f"{a} {d}".strip())
                for a, d, c, n, at in rebounds
            ),
            widths=(1.5, 1.4, 1.3, 4),
            numeric_from=99,
            empty_text=t("no_rebounds", lang),
        )
    )
    return report


def _steps(
    ctx: BuildContext, report: Report, steps: Steps, per_step: dict[int, int], items: int
) -> None:
    lang = ctx.language
    rows = []
    for ordinal, name in steps:
        at = per_step.get(ordinal, 0)
        reached = sum(n for o, n in per_step.items() if o >= ordinal)
        rows.append(
            (
                f"{ordinal}. {name}",
                number(at),
                number(reached),
                percent(round(reached / items, 4) if items else None),
            )
        )
    report.add(
        Heading(t("by_step", lang)),
        Table(
            (t("step", lang), t("items_at", lang), t("reached", lang), ""),
            tuple(rows),
            widths=(3, 1, 1, 1),
            empty_text=t("none", lang),
        ),
        Chart(
            "bar",
            t("chart.steps", lang),
            tuple(f"{o}. {n}" for o, n in steps),
            (
                Series(t("items_at", lang), tuple(float(per_step.get(o, 0)) for o, _ in steps)),
                Series(
                    t("reached", lang),
                    tuple(float(sum(v for k, v in per_step.items() if k >= o)) for o, _ in steps),
                ),
            ),
            empty_text=t("none", lang),
        ),
    )


def _communities(ctx: BuildContext, report: Report, campaign_id: int, steps: Steps) -> None:
    lang = ctx.language
    item = CampaignItem
    rows = ctx.session.execute(
        select(
            Community.name,
            item.step_ordinal,
            func.count(),
            func.count(item.cleared_at),
            func.count(item.rebound_case_id),
        )
        .outerjoin(Community, Community.id == item.community_id)
        .where(item.campaign_id == campaign_id)
        .group_by(Community.name, item.step_ordinal)
    ).all()
    table: dict[str, dict[str, int]] = {}
    for name, ordinal, count, cleared, rebounds in rows:
        entry = table.setdefault(name or t("none", lang), {"items": 0, "cleared": 0, "rebounds": 0})
        entry["items"] += count
        entry["cleared"] += cleared
        entry["rebounds"] += rebounds
        entry[f"step{ordinal}"] = entry.get(f"step{ordinal}", 0) + count
    header = (
        t("col.community", lang),
        t("campaign_items", lang),
        *(f"{o}. {n}" for o, n in steps),
        t("campaign_cleared", lang),
        t("campaign_rebounds", lang),
    )
    out = tuple(
        (
            name,
            number(e["items"]),
            *(number(e.get(f"step{o}", 0)) for o, _ in steps),
            number(e["cleared"]),
            number(e["rebounds"]),
        )
        for name, e in sorted(table.items(), key=lambda kv: -kv[1]["items"])
    )
    report.add(
        Heading(t("by_step_community", lang)),
        Table(header, out, widths=(2, 1, *(1,) * len(steps), 1, 1), empty_text=t("none", lang)),
    )
