"""Display names of a case's codes (actions, sources, photo kinds, ...) in the UI language.

Like labels.py: the codes are data, these are their names; an unknown code shows as is.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from console.views.labels import fill, role_label

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate

NO_VALUE = "—"


def action_label(action: str) -> str:
    """The verb on the action's button and in the timeline."""
    labels = {
        "report": translate("CaseLabels", "Report"),
        "verify": translate("CaseLabels", "Verify"),
        "open": translate("CaseLabels", "Open case"),
        "not_open": translate("CaseLabels", "Decline to open"),
        "dispatch": translate("CaseLabels", "Dispatch"),
        "accept": translate("CaseLabels", "Accept"),
        "request_return": translate("CaseLabels", "Request return"),
        "approve_return": translate("CaseLabels", "Approve return"),
        "reject_return": translate("CaseLabels", "Reject return"),
        "request_extension": translate("CaseLabels", "Request extension"),
        "approve_extension": translate("CaseLabels", "Approve extension"),
        "reject_extension": translate("CaseLabels", "Reject extension"),
        "request_shelve": translate("CaseLabels", "Request shelving"),
        "approve_shelve": translate("CaseLabels", "Approve shelving"),
        "reject_shelve": translate("CaseLabels", "Reject shelving"),
        "unshelve": translate("CaseLabels", "Unshelve"),
        "feedback": translate("CaseLabels", "Report handling"),
        "check_pass": translate("CaseLabels", "Check passed"),
        "check_fail": translate("CaseLabels", "Check failed"),
        "close": translate("CaseLabels", "Close case"),
        "callback": translate("CaseLabels", "Callback"),
        "archive": translate("CaseLabels", "Archive"),
        "supervise": translate("CaseLabels", "Supervise"),
        "unsupervise": translate("CaseLabels", "End supervision"),
        "escalate": translate("CaseLabels", "Escalate to street"),
        "merge": translate("CaseLabels", "Merge"),
        "merged_in": translate("CaseLabels", "Took in a duplicate"),
    }
    return labels.get(action, action)


def source_label(source: str) -> str:
    labels = {
        "inspector": translate("CaseLabels", "Grid inspector"),
        "hotline": translate("CaseLabels", "Hotline"),
        "phone": translate("CaseLabels", "Phone call"),
        "video": translate("CaseLabels", "Video patrol"),
        "public": translate("CaseLabels", "Public"),
        "leader": translate("CaseLabels", "Leader"),
        "media": translate("CaseLabels", "Media"),
        "other": translate("CaseLabels", "Other"),
    }
    return labels.get(source, source)


def urgency_label(urgency: str) -> str:
    labels = {
        "normal": translate("CaseLabels", "Normal"),
        "urgent": translate("CaseLabels", "Urgent"),
    }
    return labels.get(urgency, urgency)


def callback_label(result: str) -> str:
    labels = {
        "satisfied": translate("CaseLabels", "Satisfied"),
        "basically_satisfied": translate("CaseLabels", "Basically satisfied"),
        "unsatisfied": translate("CaseLabels", "Unsatisfied"),
        "unreachable": translate("CaseLabels", "Could not be reached"),
    }
    return labels.get(result, result)


def photo_kind_label(kind: str) -> str:
    labels = {
        "near": translate("CaseLabels", "Close-up"),
        "far": translate("CaseLabels", "Overview"),
        "reference": translate("CaseLabels", "Reference"),
        "before": translate("CaseLabels", "Before handling"),
        "after": translate("CaseLabels", "After handling"),
        "snapshot": translate("CaseLabels", "Camera snapshot"),
        "clip": translate("CaseLabels", "Video clip"),
        "other": translate("CaseLabels", "Other"),
    }
    return labels.get(kind, kind)


def reason_label(reason: str) -> str:
    """Why a unit is suggested: which row of the responsibility matrix matched."""
    labels = {
        "grid": translate("CaseLabels", "responsible for this grid"),
        "community": translate("CaseLabels", "responsible for this community"),
        "street": translate("CaseLabels", "responsible street-wide"),
    }
    return labels.get(reason, reason)


def suggestion_role_label(role: str) -> str:
    labels = {
        "primary": translate("CaseLabels", "suggested lead"),
        "assisting": translate("CaseLabels", "suggested assistant"),
    }
    return labels.get(role, role)


def request_label(kind: str) -> str:
    labels = {
        "return": translate("CaseLabels", "Return requested"),
        "extension": translate("CaseLabels", "Extension requested"),
        "shelve": translate("CaseLabels", "Shelving requested"),
    }
    return labels.get(kind, kind)


def stage_label(stage: str) -> str:
    labels = {
        "verify": translate("CaseLabels", "Verification"),
        "open": translate("CaseLabels", "Opening"),
        "dispatch": translate("CaseLabels", "Dispatch"),
        "handle": translate("CaseLabels", "Handling"),
        "check": translate("CaseLabels", "Check"),
        "close": translate("CaseLabels", "Closing"),
    }
    return labels.get(stage, stage)


def level_label(level: str) -> str:
    labels = {
        "street": translate("CaseLabels", "street level"),
        "community": translate("CaseLabels", "community level"),
    }
    return labels.get(level, level)


def actor_role_label(role: str) -> str:
    if role == "system":
        return translate("CaseLabels", "System")
    return role_label(role)


def local_time(at: dt.datetime | None, timezone: str, seconds: bool = False) -> str:
    """A stored (UTC) time as the center's local time, or a dash."""
    if at is None:
        return NO_VALUE
    local = at.astimezone(ZoneInfo(timezone))
    return local.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def duration_text(span: dt.timedelta) -> str:
    """A length of time the way a countdown says it: 2 d 3 h, 1 h 20 min, 45 min."""
    minutes = max(0, int(span.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return fill(translate("CaseLabels", "%1 d %2 h"), str(days), str(hours))
    if hours:
        return fill(translate("CaseLabels", "%1 h %2 min"), str(hours), str(mins))
    return fill(translate("CaseLabels", "%1 min"), str(mins))
