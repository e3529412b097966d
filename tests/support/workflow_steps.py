"""Random workflow steps for the property test: which function, drawn with which input."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from hypothesis import strategies as st

from console.models.case import CALLBACK_RESULTS
from console.services import workflow as wf
from console.services.workflow.attachments import PhotoInput
from tests.support.workflow_seed import JPEG, PNG, POINTS

STEP_FUNCTIONS = wf.STEP_FUNCTIONS
NOTES = st.sampled_from(["说明", "说明", "说明", ""])


def _image(data: st.DataObject) -> bytes:
    good = data.draw(st.integers(0, 5), label="good image") > 0
    head = data.draw(st.sampled_from([PNG, JPEG]), label="format")
    return (head if good else b"not an image") + os.urandom(8)


def _photos(data: st.DataObject) -> list[PhotoInput]:
    """Usually one 'after' photo (feedback needs it), sometimes none, sometimes more."""
    kinds = ["after"] if data.draw(st.integers(0, 3), label="after photo") > 0 else []
    kinds += data.draw(st.lists(st.sampled_from(["after", "before"]), max_size=1), label="more")
    return [PhotoInput(kind, _image(data), f"{kind}.png") for kind in kinds]


def step_kwargs(
    op: str,
    data: st.DataObject,
    *,
    units: list[int],
    case_ids: list[int],
    category_id: int,
    clock: dt.datetime,
) -> dict[str, Any]:
    """Keyword arguments for one step (besides session, actor, case, version and now)."""
    if op == "attach":
        kind = data.draw(st.sampled_from(["after", "before", "near"]), label="kind")
        return {"kind": kind, "data": _image(data), "original_name": "p.png"}
    if op == "report":
        lon, lat = POINTS[data.draw(st.sampled_from(sorted(POINTS)), label="grid")]
        self_handled = data.draw(st.booleans(), label="self handled")
        return {
            "data": wf.IntakeData(
                category_id=category_id,
                lon=lon,
                lat=lat,
                description="随机上报",
                source=data.draw(st.sampled_from(["inspector", "public"]), label="source"),
                self_handled=self_handled,
                photos=_photos(data) if self_handled else (),
            )
        }
    if op == "escalate_overdue":
        return {}
    kwargs: dict[str, Any] = {"note": data.draw(NOTES, label="note")}
    if op == "verify":
        kwargs["exists"] = data.draw(st.booleans(), label="exists")
    elif op == "dispatch":
        kwargs["unit_id"] = data.draw(st.sampled_from(units), label="unit")
        kwargs["assisting_unit_ids"] = data.draw(
            st.lists(st.sampled_from(units), max_size=2), label="assisting"
        )
    elif op == "feedback":
        kwargs["photos"] = _photos(data)
    elif op == "request_extension":
        hours = data.draw(st.sampled_from([4.0, 48.0, -1.0, None]), label="hours")
        kwargs["hours"] = hours
        if hours is None:
            ahead = data.draw(st.integers(-2, 72), label="days ahead")
            kwargs["new_due"] = clock + dt.timedelta(days=ahead)
    elif op == "callback":
        kwargs["result"] = data.draw(st.sampled_from([*CALLBACK_RESULTS, "bogus"]), label="result")
    elif op == "merge":
        kwargs["into"] = data.draw(st.sampled_from(case_ids), label="into")
    return kwargs
