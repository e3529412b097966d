"""Display texts of the case queue: tabs, columns, urgency, flags and the countdown.

Codes come from the database and the queue service; these are their names in the UI
language, translated by Qt (source strings in English, zh_CN from the .ts).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale

from console.views.labels import fill, join_labels

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate

NEAR_DUE = dt.timedelta(hours=1)


def tab_label(tab: str) -> str:
    labels = {
        "to_verify": translate("QueueTabs", "To verify"),
        "to_open": translate("QueueTabs", "To open"),
        "to_dispatch": translate("QueueTabs", "To dispatch"),
        "in_handling": translate("QueueTabs", "In handling"),
        "to_check": translate("QueueTabs", "To check"),
        "to_close": translate("QueueTabs", "To close"),
        "overdue": translate("QueueTabs", "Overdue"),
        "supervised": translate("QueueTabs", "Supervised"),
        "all": translate("QueueTabs", "All"),
    }
    return labels.get(tab, tab)


def tab_text(tab: str, count: int | None) -> str:
    """The tab's name with its live count, once known."""
    if count is None:
        return tab_label(tab)
    return fill(translate("QueueTabs", "%1 (%2)"), tab_label(tab), QLocale().toString(count))


def column_label(column: str) -> str:
    labels = {
        "number": translate("QueueColumns", "Case number"),
        "state": translate("QueueColumns", "State"),
        "urgency": translate("QueueColumns", "Urgency"),
        "category": translate("QueueColumns", "Category"),
        "community": translate("QueueColumns", "Community"),
        "grid": translate("QueueColumns", "Grid"),
        "address": translate("QueueColumns", "Address"),
        "description": translate("QueueColumns", "Description"),
        "reported": translate("QueueColumns", "Reported"),
        "countdown": translate("QueueColumns", "Time left"),
        "unit": translate("QueueColumns", "Handling unit"),
        "flags": translate("QueueColumns", "Flags"),
    }
    return labels.get(column, column)


def urgency_label(urgency: str) -> str:
    labels = {
        "normal": translate("QueueTexts", "Normal"),
        "urgent": translate("QueueTexts", "Urgent"),
    }
    return labels.get(urgency, urgency)


def request_label(kind: str) -> str:
    labels = {
        "return": translate("QueueTexts", "Return requested"),
        "extension": translate("QueueTexts", "Extension requested"),
        "shelve": translate("QueueTexts", "Shelving requested"),
    }
    return labels.get(kind, kind)


def flags_text(supervised: bool, rework_count: int, pending_request: str | None) -> str:
    """督办, 返工×N and a pending request, as one short list."""
    parts = []
    if supervised:
        parts.append(translate("QueueTexts", "Supervised"))
    if rework_count:
        parts.append(fill(translate("QueueTexts", "Rework ×%1"), str(rework_count)))
    if pending_request:
        parts.append(request_label(pending_request))
    return join_labels(parts)


def countdown_text(remaining: dt.timedelta) -> str:
    """Time left to a deadline, or how long it is overdue: days and hours, hours and
    minutes, or (in the last hour, when every minute counts) minutes and seconds."""
    seconds = int(abs(remaining.total_seconds()))
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    if days:
        text = fill(translate("QueueTexts", "%1 d %2 h"), str(days), f"{hours:02d}")
    elif hours:
        text = fill(translate("QueueTexts", "%1 h %2 min"), str(hours), f"{minutes:02d}")
    else:
        text = fill(translate("QueueTexts", "%1 min %2 s"), str(minutes), f"{seconds:02d}")
    if remaining < dt.timedelta(0):
        return fill(translate("QueueTexts", "Overdue %1"), text)
    return text


def due_status(remaining: dt.timedelta | None) -> str:
    """ "overdue", "near" (an hour or less left), "due" (more) or "" (no deadline)."""
    if remaining is None:
        return ""
    if remaining < dt.timedelta(0):
        return "overdue"
    return "near" if remaining <= NEAR_DUE else "due"
