"""Reports as PDF: gather each report's figures from the KPI, enforcement and duty data,
then lay them out with reports.pdf (ReportLab, no Qt).

    request = ReportRequest.daily(dt.date(2026, 11, 28))
    result = generate(request, session=session, actor=actor, progress=report)
    with store.write() as session:
        record(session, actor, result)

Kinds: daily (值班日报, one date), weekly and monthly (通报, the week from Monday / the
calendar month holding the date, or any start..end), campaign (专项整治, by campaign id),
case (案卷, by id or number) and list (every case reported in a period). Every kind but
the campaign and the case takes an optional community. generate() checks the actor's
roles (console.services.report_data.access) and only reads; record() writes the audit
row (who printed what), not a change: no feed row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass

from sqlalchemy.orm import Session

from console import messages
from console.errors import InputError
from console.services import audit
from console.services.actor import Actor
from console.services.report_data import access, bulletin, campaign, case_list, case_sheet, daily
from console.services.report_data.context import BuildContext
from console.services.report_data.labels import t
from reports import pdf
from reports.blocks import Report

KINDS = ("daily", "weekly", "monthly", "campaign", "case", "list")
AUDIT_ACTION = "report.generate"
Progress = Callable[[float], None]
GATHER_SHARE = 0.4  # of the progress bar: reading the figures; the rest is the layout

messages.register(
    {
        "report.unknown_kind": (
            "未知的报表类型：{kind}（可选：{choices}）",
            "Unknown report kind: {kind} (choose from: {choices})",
        ),
        "report.needs": ("“{kind}”报表需要指定{what}", "The {kind} report needs {what}"),
    }
)


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    start: dt.date | None = None
    end: dt.date | None = None  # exclusive
    community_id: int | None = None
    campaign_id: int | None = None
    case: str | None = None  # case id or number

    @classmethod
    def daily(cls, on: dt.date, community_id: int | None = None) -> ReportRequest:
        return cls("daily", on, on + dt.timedelta(days=1), community_id)

    @classmethod
    def weekly(cls, on: dt.date, community_id: int | None = None) -> ReportRequest:
        monday = on - dt.timedelta(days=on.weekday())
        return cls("weekly", monday, monday + dt.timedelta(days=7), community_id)

    @classmethod
    def monthly(cls, on: dt.date, community_id: int | None = None) -> ReportRequest:
        first = on.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return cls("monthly", first, following, community_id)

    def describe(self) -> dict[str, object]:
        return {
            k: (v.isoformat() if isinstance(v, dt.date) else v)
            for k, v in asdict(self).items()
            if v is not None
        }


@dataclass(frozen=True)
class GeneratedReport:
    request: ReportRequest
    pdf: bytes
    title: str
    filename: str  # a suggested file name


def _period(request: ReportRequest) -> tuple[dt.date, dt.date]:
    if request.start is None:
        raise InputError("report.needs", kind=request.kind, what="--date / --from")
    end = request.end or request.start + dt.timedelta(days=1)
    if end <= request.start:
        raise InputError("kpi.bad_range", start=request.start, last=end - dt.timedelta(days=1))
    return request.start, end


def build_report(ctx: BuildContext, request: ReportRequest) -> tuple[Report, str]:
    """The Report (blocks) and a file name stem, after the role check."""
    kind = request.kind
    if kind not in KINDS:
        raise InputError("report.unknown_kind", kind=kind, choices=", ".join(KINDS))
    if kind == "case":
        if not request.case:
            raise InputError("report.needs", kind=kind, what="--case")
        report, number = case_sheet.build(ctx, request.case)
        return report, f"case-{number}"
    access.require_reports(ctx.actor)
    if kind == "campaign":
        if request.campaign_id is None:
            raise InputError("report.needs", kind=kind, what="--campaign")
        return campaign.build(ctx, request.campaign_id), f"campaign-{request.campaign_id}"
    start, end = _period(request)
    stem = f"{kind}-{start.isoformat()}"
    if kind == "daily":
        return daily.build(ctx, start, request.community_id), stem
    if kind == "list":
        return case_list.build(ctx, start, end, request.community_id), stem
    return bulletin.build(ctx, kind, start, end, request.community_id), stem


def generate(
    request: ReportRequest,
    *,
    session: Session,
    actor: Actor,
    language: str | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> GeneratedReport:
    """The report as PDF bytes; raises PermissionDenied / InputError / FontMissing."""
    language = language or messages.language_from_env()
    report_progress = progress or (lambda _fraction: None)
    report_progress(0.0)
    ctx = BuildContext.make(session, actor, language, now)
    report, stem = build_report(ctx, request)
    report_progress(GATHER_SHARE)
    data = pdf.render(
        report,
        progress=lambda f: report_progress(GATHER_SHARE + (1 - GATHER_SHARE) * f),
    )
    report_progress(1.0)
    title = report.meta.title
    return GeneratedReport(request, data, title, f"{stem}.pdf")


def record(session: Session, actor: Actor, result: GeneratedReport) -> None:
    """The audit row of a generated report (who printed what)."""
    audit.record(
        session,
        actor,
        AUDIT_ACTION,
        entity="report",
        entity_id=result.request.kind,
        detail={**result.request.describe(), "bytes": len(result.pdf)},
    )


def kind_title(kind: str, language: str) -> str:
    return t(f"kind.{kind}", language)


__all__ = ["KINDS", "GeneratedReport", "ReportRequest", "generate", "kind_title", "record"]
