"""Names of domain values (roles, case states, enforcement kinds) in the UI language.

The codes are data in the database; these are their display names, translated by Qt.
A code without a name here (a city's own addition) is shown as it is.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate


def role_label(role: str) -> str:
    labels = {
        "inspector": translate("Labels", "Grid inspector"),
        "intake": translate("Labels", "Intake clerk"),
        "shift_leader": translate("Labels", "Shift leader"),
        "dispatcher": translate("Labels", "Dispatcher"),
        "unit": translate("Labels", "Responsible unit"),
        "leader": translate("Labels", "Leader"),
        "admin": translate("Labels", "Administrator"),
    }
    return labels.get(role, role)


def case_state_label(state: str) -> str:
    labels = {
        "draft": translate("Labels", "Draft"),
        "reported": translate("Labels", "Reported"),
        "to_verify": translate("Labels", "To verify"),
        "to_open": translate("Labels", "To open"),
        "not_opened": translate("Labels", "Not opened"),
        "opened": translate("Labels", "Opened"),
        "dispatched": translate("Labels", "Dispatched"),
        "in_handling": translate("Labels", "In handling"),
        "shelved": translate("Labels", "Shelved"),
        "to_check": translate("Labels", "To check"),
        "to_close": translate("Labels", "To close"),
        "closed": translate("Labels", "Closed"),
        "archived": translate("Labels", "Archived"),
        "merged": translate("Labels", "Merged into another case"),
    }
    return labels.get(state, state)


def enforcement_label(kind: str) -> str:
    labels = {
        "turnout": translate("Labels", "Enforcement turnout (person-times)"),
        "ban": translate("Labels", "Unlicensed businesses banned"),
        "seizure": translate("Labels", "Illegal vehicles seized"),
        "frontage": translate("Labels", "Frontage-duty corrections"),
        "signboard": translate("Labels", "Illegal signboards removed"),
        "demolition": translate("Labels", "Illegal construction demolished (m²)"),
        "hazard": translate("Labels", "Safety hazards checked"),
        "small_ad": translate("Labels", "Small ads cleared"),
    }
    return labels.get(kind, kind)


def join_labels(labels: list[str]) -> str:
    """A list of names as the language writes it (Chinese uses 、)."""
    return translate("Labels", ", ").join(labels)


def fill(template: str, *args: str) -> str:
    """Qt-style %1, %2 ... placeholders in one pass (a value may itself contain "%2")."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return args[number - 1] if 0 < number <= len(args) else match.group(0)

    return re.sub(r"%(\d)", value, template)
