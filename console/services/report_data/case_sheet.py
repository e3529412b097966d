"""The case sheet (案卷): the case's fields, its photos and the whole timeline."""

from __future__ import annotations

from console.errors import InputError
from console.messages import register
from console.models import Case
from console.services.case_view import attachment_bytes, case_detail, case_id_by_number
from console.services.report_data.access import require_case
from console.services.report_data.context import BuildContext
from console.services.report_data.labels import (
    MISSING,
    english,
    local_time,
    source_label,
    state_label,
    t,
)
from reports.blocks import Heading, KeyValues, Para, Photo, Photos, Report, Table

MAX_PHOTOS = 12
ACTIONS: dict[str, tuple[str, str]] = {
    "report": ("上报", "Reported"),
    "verify": ("核实", "Verified"),
    "open": ("立案", "Opened"),
    "not_open": ("不予立案", "Not opened"),
    "dispatch": ("派遣", "Dispatched"),
    "accept": ("接单", "Accepted"),
    "request_return": ("申请退回", "Return requested"),
    "approve_return": ("同意退回", "Return approved"),
    "reject_return": ("驳回退回", "Return refused"),
    "request_extension": ("申请延期", "Extension requested"),
    "approve_extension": ("同意延期", "Extension approved"),
    "reject_extension": ("驳回延期", "Extension refused"),
    "request_shelve": ("申请挂账", "Shelving requested"),
    "approve_shelve": ("同意挂账", "Shelving approved"),
    "reject_shelve": ("驳回挂账", "Shelving refused"),
    "unshelve": ("取消挂账", "Unshelved"),
    "feedback": ("处置反馈", "Handling reported"),
    "check_pass": ("核查通过", "Check passed"),
    "check_fail": ("核查不通过", "Check failed"),
    "close": ("结案", "Closed"),
    "callback": ("回访", "Callback"),
    "archive": ("归档", "Archived"),
    "supervise": ("督办", "Supervised"),
    "unsupervise": ("解除督办", "Supervision ended"),
    "escalate": ("上提街道", "Escalated to the street"),
    "merge": ("合并", "Merged"),
    "merged_in": ("并入重复案件", "Took in a duplicate"),
}
PHOTO_KINDS: dict[str, tuple[str, str]] = {
    "near": ("近景", "near"),
    "far": ("远景", "far"),
    "reference": ("参照", "reference"),
    "before": ("处置前", "before"),
    "after": ("处置后", "after"),
    "snapshot": ("视频截图", "snapshot"),
    "clip": ("视频片段", "clip"),
    "other": ("其他", "other"),
}
register(
    {f"rpt.action.{k}": v for k, v in ACTIONS.items()}
    | {f"rpt.photo.{k}": v for k, v in PHOTO_KINDS.items()}
    | {"rpt.urgency.normal": ("一般", "normal"), "rpt.urgency.urgent": ("紧急", "urgent")}
)


def _action(action: str, lang: str) -> str:
    return t(f"action.{action}", lang) if action in ACTIONS else action


def _urgency(urgency: str, lang: str) -> str:
    return t(f"urgency.{urgency}", lang) if urgency in ("normal", "urgent") else urgency


def _photo_kind(kind: str, lang: str) -> str:
    return t(f"photo.{kind}", lang) if kind in PHOTO_KINDS else kind


def _case_id(ctx: BuildContext, ref: str) -> int:
    text = ref.strip()
    if text.isdigit() and ctx.session.get(Case, int(text)) is not None:
        return int(text)
    return case_id_by_number(ctx.session, text)


def build(ctx: BuildContext, ref: str) -> tuple[Report, str]:
    lang, session = ctx.language, ctx.session
    case_id = _case_id(ctx, ref)
    case = session.get(Case, case_id)
    if case is None:  # pragma: no cover - _case_id found it
        raise InputError("case_view.unknown_number", number=ref)
    require_case(session, ctx.actor, case)
    detail = case_detail(session, case_id, ctx.actor)
    if detail is None:  # pragma: no cover - read in the same session
        raise InputError("case_view.unknown_number", number=ref)
    report = Report(ctx.meta(t("kind.case", lang), detail.number))
    when = lambda moment: local_time(moment, ctx.zone)  # noqa: E731
    category = (
        detail.category_name_en
        if english(lang) and detail.category_name_en
        else (detail.category_name)
    )
    flags = [
        t("flag.supervised", lang) if detail.supervised else "",
        t("flag.escalated", lang) if detail.escalation_level > 0 else "",
        t("flag.self_handled", lang) if detail.self_handled else "",
        t("flag.rework", lang, n=detail.rework_count) if detail.rework_count else "",
        t("flag.extension", lang, n=detail.extension_count) if detail.extension_count else "",
    ]
    reporter = " ".join(
        x for x in (detail.reporter_user or detail.reporter_name, detail.reporter_phone) if x
    )
    report.add(
        Heading(t("case_fields", lang)),
        KeyValues(
            (
                (t("col.number", lang), detail.number),
                (t("col.state", lang), state_label(detail.state, lang)),
                (t("col.source", lang), source_label(detail.source, lang)),
                (t("f.urgency", lang), _urgency(detail.urgency, lang)),
                (t("col.category", lang), f"{detail.category_code} {category}"),
                (t("col.community", lang), detail.community_name or MISSING),
                (t("f.grid", lang), detail.grid_code or MISSING),
                (t("col.unit", lang), detail.unit.name if detail.unit else MISSING),
                (t("col.reported", lang), when(detail.reported_at)),
                (t("f.reporter", lang), reporter or MISSING),
                (t("f.opened", lang), when(detail.opened_at)),
                (t("f.dispatched", lang), when(detail.dispatched_at)),
                (t("col.due", lang), when(detail.handle_due_at)),
                (t("f.handled", lang), when(detail.handled_at)),
                (t("f.closed", lang), when(detail.closed_at)),
                (t("f.flags", lang), "、".join(f for f in flags if f) or MISSING),
                (t("col.address", lang), detail.address or MISSING),
            )
        ),
        Heading(t("col.description", lang), level=2),
        Para(detail.description),
    )
    images = [a for a in detail.attachments if a.is_image][:MAX_PHOTOS]
    report.add(
        Heading(t("photos", lang)),
        Photos(
            tuple(
                Photo(
                    f"{_photo_kind(a.kind, lang)} {when(a.taken_at or a.created_at)}",
                    attachment_bytes(session, a.sha256),
                )
                for a in images
            ),
            empty_text=t("no_photos", lang),
        ),
    )
    report.add(
        Heading(t("timeline", lang)),
        Table(
            (
                t("col.at", lang),
                t("col.action", lang),
                t("col.who", lang),
                t("col.state", lang),
                t("col.note", lang),
            ),
            tuple(
                (
                    when(e.at),
                    _action(e.action, lang),
                    e.actor_name or e.actor,
                    state_label(e.to_state, lang) if e.to_state else "",
                    e.note,
                )
                for e in detail.timeline
            ),
            widths=(1.4, 1.2, 1.2, 1, 4),
            numeric_from=99,
            empty_text=t("none", lang),
        ),
    )
    return report, detail.number
