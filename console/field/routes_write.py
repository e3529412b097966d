"""POST methods: a new report (maybe fixed on the spot) and a check result.

The key and the terminal's rate are checked first; then everything the terminal sent is
parsed and the whole submission is written in one transaction, or not at all.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, UploadFile
from fastapi.responses import Response
from sqlalchemy.orm import Session

from console.errors import InputError
from console.field import inputs
from console.field.responses import Format, render
from console.field.schemas import ERRORS, PostResultModel
from console.field.service import FieldService, client_of, service_of
from console.services import terminals_reads, terminals_reports
from console.services.terminals import FieldIdentity
from console.services.terminals_reports import Submission
from console.services.workflow import IntakeData

router = APIRouter()
Service = Annotated[FieldService, Depends(service_of)]
Client = Annotated[str, Depends(client_of)]
FormText = Annotated[str | None, Form()]
Uploads = Annotated[list[UploadFile] | None, File()]
# A little over the attachment limit: the workflow gives the precise refusal.
_READ_CAP = 64 * 1024 * 1024


def _uploads(kind: str, files: list[UploadFile] | None) -> list[tuple[str, str, bytes]]:
    out = []
    for upload in files or []:
        data = upload.file.read(_READ_CAP + 1)
        out.append((kind, upload.filename or "", data))
    return out


def _answer(fmt: Format, done: Submission) -> Response:
    item = {
        "service_request_id": done.number,
        "token": done.token,
        "service_notice": "",
        "account_id": None,
    }
    return render(fmt, "service_requests", [item], 201 if done.created else 200)


def _device(who: FieldIdentity, device_id: str | None) -> None:
    given = inputs.text(device_id, "device_id", limit=64).strip()
    if given and given != who.code:
        raise InputError("field.device_mismatch", device=given)


@router.post(
    "/requests.{fmt}",
    status_code=201,
    responses={201: {"model": list[PostResultModel]}, 200: {"description": "a retry"}, **ERRORS},
    summary="Report a problem from a terminal (photos as media; media_after when fixed)",
)
def post_request(
    fmt: Format,
    service: Service,
    client: Client,
    api_key: FormText = None,
    jurisdiction_id: FormText = None,
    service_code: FormText = None,
    lat: Annotated[float | None, Form()] = None,
    long: Annotated[float | None, Form()] = None,
    address_string: FormText = None,
    description: FormText = None,
    device_id: FormText = None,
    first_name: FormText = None,
    last_name: FormText = None,
    phone: FormText = None,
    requested_datetime: FormText = None,
    device_ref: FormText = None,
    self_handled: Annotated[str | None, Form(alias="attribute[self_handled]")] = None,
    urgency: Annotated[str | None, Form(alias="attribute[urgency]")] = None,
    media: Uploads = None,
    media_after: Uploads = None,
) -> Response:
    who = service.identify(api_key, client)
    inputs.jurisdiction(jurisdiction_id, service.jurisdiction_id)
    _device(who, device_id)
    code = inputs.text(service_code, "service_code", limit=8).strip()
    if lat is None or long is None:
        raise InputError("field.need_position")
    now = dt.datetime.now(dt.UTC)
    seen_at = inputs.when(requested_datetime, "requested_datetime")
    fixed = inputs.flag(self_handled, "attribute[self_handled]")
    files = _uploads("near", media) + _uploads("after", media_after)
    photos = inputs.photos(
        files,
        service.zone,
        fallback_at=seen_at or now,
        fallback_lon=long,
        fallback_lat=lat,
        now=now,
    )
    name = " ".join(
        part
        for part in (inputs.text(first_name, "first_name"), inputs.text(last_name, "last_name"))
        if part
    )
    ref = inputs.text(device_ref, "device_ref") or None
    text = inputs.text(description, "description")
    urgency_code = inputs.text(urgency, "attribute[urgency]", limit=16).strip() or "normal"
    address = inputs.text(address_string, "address_string", limit=400).strip()
    phone_text = inputs.text(phone, "phone", limit=64).strip()

    def work(session: Session, look_first: bool) -> Submission:
        category = terminals_reads.category_id(session, code)
        if category is None:
            raise InputError("field.unknown_service", service_code=code)
        data = IntakeData(
            category_id=category,
            lon=long,
            lat=lat,
            description=text,
            source="inspector",
            urgency=urgency_code,
            reported_at=seen_at,
            address=address,
            reporter_name=name,
            reporter_phone=phone_text,
            self_handled=fixed,
            photos=photos,
        )
        return terminals_reports.submit_report(
            session, who, data, device_ref=ref, now=now, look_first=look_first
        )

    # A refusal is looked into only for a report that names itself: a copy of it may
    # have been accepted before the data stopped passing.
    done = service.submit(work, retry_refusals=ref is not None)
    return _answer(fmt, done)


@router.post(
    "/requests/{service_request_id}/checks.{fmt}",
    status_code=201,
    responses={201: {"model": list[PostResultModel]}, 200: {"description": "a retry"}, **ERRORS},
    summary="An inspector's check of a fed-back case: result pass or fail (extension)",
)
def post_check(
    service_request_id: str,
    fmt: Format,
    service: Service,
    client: Client,
    api_key: FormText = None,
    jurisdiction_id: FormText = None,
    result: FormText = None,
    note: FormText = None,
    device_ref: FormText = None,
    media: Uploads = None,
) -> Response:
    who = service.identify(api_key, client)
    inputs.jurisdiction(jurisdiction_id, service.jurisdiction_id)
    number = inputs.text(service_request_id, "service_request_id", limit=64)
    outcome = inputs.text(result, "result", limit=8).strip().lower()
    now = dt.datetime.now(dt.UTC)
    photos = inputs.photos(_uploads("after", media), service.zone, now=now)
    note_text = inputs.text(note, "note")
    ref = inputs.text(device_ref, "device_ref") or None
    # A check looks for an earlier copy first, under the write lock (checks are few).
    done = service.submit(
        lambda session, _look_first: terminals_reports.submit_check(
            session, who, number, outcome, note=note_text, photos=photos, device_ref=ref, now=now
        ),
        retry_refusals=False,
    )
    return _answer(fmt, done)
