"""Display names of the intake form's domain values: case sources and photo kinds.

The codes come from console.models.case; a code without a name here is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate

# The order of the source combo: the channels an intake desk hears from most come first.
SOURCE_ORDER = ("hotline", "phone", "inspector", "video", "public", "leader", "media", "other")
# Kinds a clerk chooses for a photo received with a report (after: handled on site).
INTAKE_PHOTO_KINDS = ("near", "far", "reference", "before", "after", "other")


def source_label(source: str) -> str:
    labels = {
        "hotline": translate("IntakeLabels", "12345 hotline"),
        "phone": translate("IntakeLabels", "Phone"),
        "inspector": translate("IntakeLabels", "Grid inspector"),
        "video": translate("IntakeLabels", "Video patrol"),
        "public": translate("IntakeLabels", "Public"),
        "leader": translate("IntakeLabels", "Assigned by a leader"),
        "media": translate("IntakeLabels", "Media"),
        "other": translate("IntakeLabels", "Other"),
    }
    return labels.get(source, source)


def photo_kind_label(kind: str) -> str:
    labels = {
        "near": translate("IntakeLabels", "Close-up"),
        "far": translate("IntakeLabels", "Wide view"),
        "reference": translate("IntakeLabels", "Reference"),
        "before": translate("IntakeLabels", "Before handling"),
        "after": translate("IntakeLabels", "After handling"),
        "snapshot": translate("IntakeLabels", "Camera snapshot"),
        "clip": translate("IntakeLabels", "Video clip"),
        "other": translate("IntakeLabels", "Other"),
    }
    return labels.get(kind, kind)
