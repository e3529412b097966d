"""Service requests and services as Open311 GeoReport v2 records (plain dicts).

Open311 knows two statuses, open and closed; the workflow's finer state (and a pending
request, supervision, rework) goes into status_notes in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from console.messages import render
from console.services.terminals_reads import RequestRow, ServiceRow
from console.services.workflow.states import FINAL_STATES


def is_english(language: str) -> bool:
    return language.lower().startswith("en")


def iso(at: dt.datetime | None, zone: dt.tzinfo) -> str | None:
    """ISO 8601 with the center's UTC offset, e.g. 2026-11-30T09:15:00+08:00."""
    return None if at is None else at.astimezone(zone).isoformat(timespec="seconds")


def status(state: str) -> str:
    return "closed" if state in FINAL_STATES else "open"


def status_notes(row: RequestRow, language: str) -> str:
    """The workflow state behind open/closed: 'in_handling: 处置中; rework 1'."""
    parts = [f"{row.state}: {render(f'workflow.state.{row.state}', language)}"]
    if row.pending_request:
        parts.append(render(f"workflow.request.{row.pending_request}", language))
    if row.supervised:
        parts.append(render("workflow.action.supervise", language))
    if row.self_handled:
        parts.append("self_handled")
    if row.escalation_level:
        parts.append("street_level")
    if row.rework_count:
        parts.append(f"rework {row.rework_count}")
    return "; ".join(parts)


def service(row: ServiceRow, language: str) -> dict[str, Any]:
    english = is_english(language)
    return {
        "service_code": row.code,
        "service_name": row.name_en if english else row.name_zh,
        "description": row.name_en if english else row.name_zh,
        "metadata": True,
        "type": "realtime",
        "keywords": row.kind,
        "group": row.group_en if english else row.group_zh,
    }


def _attribute(
    code: str, datatype: str, description: str, values: list[tuple[str, str]], order: int
) -> dict[str, Any]:
    return {
        "variable": True,
        "code": code,
        "datatype": datatype,
        "required": False,
        "datatype_description": "",
        "order": order,
        "description": description,
        "values": [{"key": k, "name": n} for k, n in values],
    }


def definition(row: ServiceRow, language: str) -> dict[str, Any]:
    """services/{code}: the attributes a terminal may send with a report."""
    english = is_english(language)
    yes_no = [("false", "no" if english else "否"), ("true", "yes" if english else "是")]
    urgency = [
        ("normal", "normal" if english else "一般"),
        ("urgent", "urgent" if english else "紧急"),
    ]
    return {
        "service_code": row.code,
        "attributes": [
            _attribute(
                "self_handled",
                "singlevaluelist",
                "Fixed on the spot (attach an after photo as media_after)"
                if english
                else "已现场自行处置（须附处置后照片 media_after）",
                yes_no,
                1,
            ),
            _attribute(
                "urgency", "singlevaluelist", "Urgency" if english else "紧急程度", urgency, 2
            ),
        ],
    }


def request(row: RequestRow, language: str, zone: dt.tzinfo, media_base: str) -> dict[str, Any]:
    english = is_english(language)
    return {
        "service_request_id": row.number,
        "status": status(row.state),
        "status_notes": status_notes(row, language),
        "service_name": row.service_name_en if english else row.service_name_zh,
        "service_code": row.service_code,
        "description": row.description,
        "agency_responsible": row.unit,
        "service_notice": "",
        "requested_datetime": iso(row.reported_at, zone),
        "updated_datetime": iso(row.updated_at, zone),
        "expected_datetime": iso(row.expected_at, zone),
        "address": row.address,
        "address_id": "",
        "zipcode": "",
        "lat": row.lat,
        "long": row.lon,
        "media_url": f"{media_base}/{row.media[0]}" if row.media else "",
    }
