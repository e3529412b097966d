"""Names of the campaign, enforcement and duty codes in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Called by this name so that lupdate finds every string.
translate = QCoreApplication.translate


def item_kind_label(kind: str) -> str:
    labels = {
        "lock": translate("CampaignLabels", "Parking lock"),
        "sign": translate("CampaignLabels", "Sign"),
        "structure": translate("CampaignLabels", "Structure"),
        "other": translate("CampaignLabels", "Other"),
    }
    return labels.get(kind, kind)


def shift_label(kind: str) -> str:
    labels = {
        "day": translate("CampaignLabels", "Day"),
        "staggered": translate("CampaignLabels", "Staggered"),
        "evening": translate("CampaignLabels", "Evening"),
        "night": translate("CampaignLabels", "Night"),
        "weekend": translate("CampaignLabels", "Weekend"),
    }
    return labels.get(kind, kind)


def source_label(source: str) -> str:
    labels = {
        "hand": translate("CampaignLabels", "By hand"),
        "map": translate("CampaignLabels", "From the map"),
        "import": translate("CampaignLabels", "Imported"),
    }
    return labels.get(source, source)


def campaign_status_label(status: str) -> str:
    labels = {
        "active": translate("CampaignLabels", "Active"),
        "closed": translate("CampaignLabels", "Closed"),
    }
    return labels.get(status, status)


def photo_label(kind: str) -> str:
    labels = {
        "before": translate("CampaignLabels", "Before"),
        "after": translate("CampaignLabels", "After"),
        "evidence": translate("CampaignLabels", "Evidence"),
    }
    return labels.get(kind, kind)
