"""Which intake field comes next, and which one an error is about.

Enter in a field moves on to the next one that still needs something, so a phone call
goes category → address → community → grid → description without extra keys; the
coordinates are skipped when a grid or community already places the case.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from console.errors import KnownError
from console.views.draft_store import DraftPhoto
from console.views.intake_form import IntakeForm

translate = QCoreApplication.translate

_BY_FIELD = {"address": "address", "reporter_name": "reporter_name", "reporter_phone": "phone"}


def _needs(form: IntakeForm) -> list[tuple[QWidget, bool]]:
    location = form.location
    lon, lat = location.lon.text().strip(), location.lat.text().strip()
    unplaced = location.point() is None
    return [
        (form.category.search, form.category.category_id() is None),
        (location.address, not location.address.text().strip()),
        (location.community, location.community.choice() is None),
        (location.grid, location.grid.choice() is None),
        (location.lon, unplaced and not lon),
        (location.lat, (unplaced or bool(lon)) and not lat),
        (form.description, not form.description.toPlainText().strip()),
    ]


def next_needed(form: IntakeForm, after: QWidget) -> QWidget | None:
    """The first field after `after` that still needs a value, else the one after it."""
    needs = _needs(form)
    fields = [field for field, _need in needs]
    start = fields.index(after) + 1 if after in fields else 0
    for field, need in needs[start:]:
        if need:
            return field
    if after in fields and start < len(fields):
        return fields[start]
    return None


def focus_for_error(form: IntakeForm, error: KnownError) -> QWidget | None:
    """The field a refusal from the service is about, to put the cursor there."""
    code = error.code
    location = form.location
    if code in (
        "workflow.intake.bad_coordinates",
        "workflow.intake.outside_china",
        "workflow.intake.outside_street",
    ):
        return location.lon
    if code.startswith("workflow.intake.categor") or code == "workflow.intake.unknown_category":
        return form.category.search
    if code.startswith("workflow.intake.description") or code.endswith("empty_description"):
        return form.description
    if code == "workflow.intake.field_too_long":
        name = _BY_FIELD.get(str(error.params.get("field", "")))
        widgets = {
            "address": location.address,
            "reporter_name": form.reporter_name,
            "phone": form.reporter_phone,
        }
        return widgets.get(name or "")
    if code.startswith("workflow.attachment.") or code == "workflow.intake.photo_required":
        return form.photos.list
    if code == "workflow.intake.self_handled_by_inspector":
        return form.self_handled
    return None


def report_gap(form: IntakeForm) -> tuple[Callable[[], str], QWidget] | None:
    """What the form lacks before the service can even be asked, and where to fix it.

    The text is a function, so it can be shown again in another language.
    """
    location = form.location
    location.community.resolve()  # a name typed but not yet taken with Enter
    location.grid.resolve()
    if form.category.category_id() is None:
        return (
            lambda: translate("IntakePane", "Choose a category: type in its box and press Enter."),
            form.category.search,
        )
    if location.point() is None and not location.coordinates_typed():
        return (
            lambda: translate(
                "IntakePane", "Give the location: a grid, a community or coordinates."
            ),
            location.community,
        )
    return None


def report_values(form: IntakeForm) -> tuple[dict[str, Any], list[DraftPhoto]]:
    """The report as workflow.report takes it, and its photos.

    Coordinates that do not parse go to the service as typed: its refusal names them.
    """
    draft = form.draft()
    location = form.location
    point = location.point()  # typed and valid, or a point inside the chosen area
    lon: object = point[0] if point else location.lon.text().strip()
    lat: object = point[1] if point else location.lat.text().strip()
    values = {
        "category_id": draft.category_id,
        "lon": lon,
        "lat": lat,
        "description": draft.description,
        "source": draft.source,
        "urgency": draft.urgency,
        "address": draft.address.strip(),
        "reporter_name": draft.reporter_name.strip(),
        "reporter_phone": draft.reporter_phone.strip(),
        "self_handled": draft.self_handled,
    }
    return values, draft.photos
