"""Typed SQLAlchemy models. No Qt and no services here."""

from console.models.area import Community, Grid, Street
from console.models.base import Base
from console.models.calendar import CalendarDay, WorkingHours
from console.models.campaign import Campaign, CampaignItem, CampaignStep
from console.models.case import Attachment, Blob, Case, CaseEvent
from console.models.devices import Camera, FieldTerminal
from console.models.difficulty import DifficultyItem
from console.models.duty import DutyAssignment, DutyShift, HandoverLog
from console.models.enforcement import EnforcementAction
from console.models.field import FieldSubmission
from console.models.org import ResponsibleUnit, User, UserRole
from console.models.rules import CaseAssist, DeadlineRule, ResponsibilityRule
from console.models.system import AppSetting, AuditLog, ChangeFeed, ReferenceStamp
from console.models.taxonomy import Category

__all__ = [
    "AppSetting",
    "Attachment",
    "AuditLog",
    "Base",
    "Blob",
    "CalendarDay",
    "Camera",
    "Campaign",
    "CampaignItem",
    "CampaignStep",
    "Case",
    "CaseAssist",
    "CaseEvent",
    "Category",
    "ChangeFeed",
    "Community",
    "DeadlineRule",
    "DifficultyItem",
    "DutyAssignment",
    "DutyShift",
    "EnforcementAction",
    "FieldSubmission",
    "FieldTerminal",
    "Grid",
    "HandoverLog",
    "ReferenceStamp",
    "ResponsibilityRule",
    "ResponsibleUnit",
    "Street",
    "User",
    "UserRole",
    "WorkingHours",
]
